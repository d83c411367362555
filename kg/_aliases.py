"""Names written differently for one thing, in one article: said short ("Labour" is "the
Labour Party", "United" is "Manchester United"), with their words shortened ("the Lib Dems"
are "the Liberal Democrats", "Man City" is "Manchester City"), or spelt two ways ("Academy
Award", "Academy Awards"; "Donbas", "Donbass").  Used by ``kg.resolve`` on its clusters of
mentions, before pronouns and descriptions are resolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import URIRef

from . import gazetteer
from .lexicon import CLUB_FIRSTS, CLUB_WORDS, SHORTENED_ENDS
from .types import Mention
from .vocab import KG

__all__ = ["Cluster", "abbreviated", "named_short", "respelled", "words"]


@dataclass
class Cluster:
    """Mentions taken for one entity so far, with its kind and name."""

    kind: URIRef
    name: str
    mentions: list[Mention] = field(default_factory=list)
    scope: str = ""
    value: str = ""

    @property
    def last(self) -> Mention:
        return self.mentions[-1]


def words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s.]+", text.casefold()) if w]


def named_short(clusters: list[Cluster], owner: dict[Mention, Cluster]) -> list[Cluster]:
    """An organisation named short joins the one organisation the article names in full: a club
    word alone ("United") the one whose name ends in it ("Manchester United"); a one-word name
    ("Labour", "Yukos") the one that adds only such words as "Party" or "Corp" to it, or a city
    ("Bayern" of "Bayern Munich")."""
    out = []
    for c in clusters:
        word = c.name.casefold()
        ends = [d for d in clusters if d is not c and d.kind == KG.Organization
                and len(found := words(d.name)) > 1
                and (found[-1] == word if word in CLUB_WORDS else
                     found[0] == word and (set(found[1:]) <= SHORTENED_ENDS or _club_of(c.name, d.name)))
                ] if c.kind == KG.Organization and len(words(c.name)) == 1 else []
        if len(ends) == 1:
            ends[0].mentions += c.mentions
            owner.update(dict.fromkeys(c.mentions, ends[0]))
        else:
            out.append(c)
    return out


def _club_of(word: str, name: str) -> bool:
    """Whether ``name`` is ``word``, a club's first word, and a city, as clubs are named abroad
    ("Bayern Munich", "Inter Milan", "Borussia Dortmund"; not "BBC London", "Dead Man")."""
    return word in CLUB_FIRSTS and bool(gazetteer.city(name[len(word):].strip()))


def _shortens(short: str, long: str) -> bool:
    """Whether the word ``short`` is ``long`` shortened: its first letter, then some of the
    others in order ("lib" of "liberal", "dems" of "democrats", "utd" of "united")."""
    if not short or short[0] != long[0] or len(short) >= len(long):
        return short == long
    rest = iter(long[1:])
    return all(ch in rest for ch in short[1:])


def abbreviated(clusters: list[Cluster], owner: dict[Mention, Cluster]) -> list[Cluster]:
    """An organisation named with its words shortened joins the one organisation or people the
    article names in full: "the Lib Dems" and "the Liberal Democrats" are one party (named in
    full), "Man City" and "Manchester City" one club, "the EU Commission" the European Commission;
    so do two spellings of one name ("Academy Award", "Academy Awards").  Repeated until nothing
    joins: "Lib Dem" fits both "Liberal Democrat" and "Liberal Democrats" until those two are one."""
    while True:
        n = len(clusters)
        clusters = _abbreviated_once(clusters, owner)
        if len(clusters) == n:
            return clusters


def _abbreviated_once(clusters: list[Cluster], owner: dict[Mention, Cluster]) -> list[Cluster]:
    org, group = KG.Organization, KG.Group
    named = {id(c): words(c.name) for c in clusters if c.kind == org or c.kind == group}
    out = [c for c in clusters]
    for c in clusters:
        short = named.get(id(c), [])
        if len(short) < 2 or c.kind != org:
            continue
        full = [d for d in out if d is not c and len(long := named.get(id(d), [])) == len(short)
                and short != long and all(_shortens(a, b) for a, b in zip(short, long, strict=True))]
        if len(full) == 1 and c in out:
            (d,) = full
            # the full name for a shortening; of two spellings ("Bank of America", "Bank of
            # American"), the one written more often
            shortened = any(len(b) - len(a) >= 2 for a, b in zip(short, named[id(d)], strict=True))
            if shortened or len(d.mentions) > len(c.mentions):
                c.name = d.name
            c.mentions += d.mentions
            named[id(c)] = words(c.name)
            owner.update(dict.fromkeys(d.mentions, c))
            out.remove(d)
    return out


def respelled(clusters: list[Cluster], owner: dict[Mention, Cluster]) -> list[Cluster]:
    """Two spellings of one place that differ only by a doubled letter are one place: "Donbas"
    and "Donbass", "Tallin" and "Tallinn" (named as written first)."""
    out: list[Cluster] = []
    seen: dict[str, Cluster] = {}
    for c in clusters:
        key = re.sub(r"(.)\1", r"\1", c.name.casefold()) if c.kind == KG.Place and len(c.name) >= 5 else ""
        first = seen.get(key) if key else None
        if first is None:
            if key:
                seen[key] = c
            out.append(c)
            continue
        first.mentions += c.mentions
        owner.update(dict.fromkeys(c.mentions, first))
    return out
