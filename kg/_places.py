"""What the places among an article's relations say of each other: "born in Tupelo, Miss." is
born in Mississippi too (``through_places``), and a town lies in one country (``one_country``).
A person a country "has" lives in no other one by the classifier's guess (``own_country``).
Used by ``kg.relate`` on the relations its rules and its classifier found.
"""

from __future__ import annotations

from collections.abc import Iterator

from . import gazetteer, learn
from .lexicon import PLACE
from .types import Mention, Relation
from .vocab import KG

__all__ = ["one_country", "own_country", "through_places"]

#: Properties that carry over from a place to the state or country it lies in.
_TRANSITIVE = {KG.livesIn, KG.bornIn, KG.basedIn, KG.locatedIn}


def through_places(found: list[Relation]) -> Iterator[Relation]:
    """"born in Tupelo, Miss." is born in Mississippi too: follow "A, B" places one step."""
    inside: dict[Mention, list[Mention]] = {}
    for r in found:
        if r.rule == "comma-place" and r.predicate == KG.locatedIn and r.object is not None:
            inside.setdefault(r.subject, []).append(r.object)
    for r in found:
        if (r.predicate in _TRANSITIVE and r.object is not None and r.object in inside
                and r.rule != "comma-place"):
            for outer in inside[r.object]:
                if outer != r.subject:
                    yield Relation(r.subject, r.predicate, outer, r.sentence_start, r.sentence_end,
                                   round(r.confidence * 0.9, 3), r.rule + "+place")


def one_country(found: list[Relation]) -> list[Relation]:
    """``found`` where a town or a building is in one country: of two countries it is said to lie
    in, one the gazetteer does not rule out, then the surer, then the nearer ("Baghdad and Basra
    in Iraq, Kabul in Afghanistan": Basra is in Iraq), and a country that one lies in ("Riga,
    Latvia, in what is now the Soviet Union").  Left alone: a country ("Britain in Europe") and
    a natural place ("the Akagera River course through Tanzania and Uganda")."""
    def country(m: Mention | None) -> str | None:
        return gazetteer.country(m.text) if m is not None and m.label in PLACE else None

    located = [r for r in found if r.object is not None and r.object.label in PLACE
               and r.predicate == _LOCATED_IN]
    inside = {(country(r.subject), country(r.object)) for r in located}
    placed: dict[Mention, list[Relation]] = {}
    for r in located:
        if r.subject.label in ("GPE", "FAC") and country(r.object) and not country(r.subject):
            placed.setdefault(r.subject, []).append(r)
    dropped: set[int] = set()
    for subject, rs in placed.items():
        if len(rs) < 2:
            continue
        best = max(rs, key=lambda r: (gazetteer.city_in(subject.text, r.object.text) is not False, r.confidence,
                                      -abs(r.object.start - subject.start)) if r.object else (False, 0.0, 0))
        dropped |= {id(r) for r in rs if country(r.object) != country(best.object)
                    and (country(best.object), country(r.object)) not in inside}
    return [r for r in found if id(r) not in dropped] if dropped else found


_LOCATED_IN = KG.locatedIn


def own_country(text: str, found: list[Relation]) -> list[Relation]:
    """``found`` without the classifier's guesses that a person lives in a country other than the
    one the words tie them to, by a rule or right before the name: "France's Olivier Patience or
    Germany's Rainer Schuettler" (not Schuettler in France), "Russian Elena Dementieva".  ``text``
    is the article's."""
    def nation(m: Mention | None) -> str | None:
        if m is None:
            return None
        return gazetteer.demonym_country(m.text) if m.label == "NORP" else (
            gazetteer.country(m.text) if m.label in PLACE else None)

    own: dict[Mention, set[str]] = {}
    for r in found:
        if (r.predicate in (KG.affiliatedWith, KG.nationality) and r.subject.label == "PERSON"
                and r.rule in ("possessive", "apposition") and (n := nation(r.object))):
            own.setdefault(r.subject, set()).add(n)
        elif (r.predicate == KG.livesIn and r.subject.label == "PERSON" and r.object is not None
              and (n := nation(r.object)) and text[r.object.end:r.subject.start] in ("'s ", "’s ")):
            own.setdefault(r.subject, set()).add(n)  # "Germany's Rainer Schuettler", however parsed
    if not own:
        return found
    return [r for r in found if not (
        r.rule == learn.RULE and r.predicate == KG.livesIn and r.subject in own
        and (n := nation(r.object)) is not None and n not in own[r.subject])]
