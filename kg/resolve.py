"""Stage 4: in-article coreference, from mentions to entities.

"Defense Minister Hulusi Akar", "Akar" and "his" become one person named
"Hulusi Akar" with the role "Defense Minister"; "the United States" and "US"
one country; "Ukrainian" a mention of Ukraine; a full name starting with a first name that the
model typed otherwise once ("a row with Sophie Anderton") joins the person of that name.  Pure
function of the mentions: names are matched by their words, pronouns go to the subject of their
sentence or the closest person (or, for "it"/"its", organisation or
country) before them.  A definite description goes to the last person before
it who holds its title ("the defence minister" to "Defense Minister Hulusi
Akar", never to somebody without that title), to the organisation named most
among those of its kind just before it ("the company"; "the party" is not "BBC
Radio 4", "the agency" is the "Child Support Agency" before the "National Audit
Office"), or to the country or city named in its sentence, else the closest
("the country", "the city").  An acronym met before the full name ("the CSA
... the Child Support Agency") joins it as well as one met after.
Descriptions are resolved before pronouns, so "The company said its ..." joins
both to the company.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rdflib import URIRef

from . import gazetteer
from ._aliases import Cluster as _Cluster
from ._aliases import abbreviated, named_short, respelled
from ._aliases import words as _words
from .amounts import AMOUNT_LABELS, amount_value
from .lexicon import (
    ANAPHORS,
    DESCRIBED_PEOPLE,
    HONORIFICS,
    ORG_CLASS,
    TITLE_MODIFIERS,
    WASHINGTON_DC,
    stands_for,
)
from .nominal import fits_nation
from .timex import date_value
from .types import Entity, Mention
from .vocab import KG

__all__ = ["KIND_FOR_LABEL", "quotations", "resolve"]

#: spaCy entity label -> ontology class (GPEs in the gazetteer become KG.Country).
KIND_FOR_LABEL: dict[str, URIRef] = {
    "PERSON": KG.Person,
    "ORG": KG.Organization,
    "GPE": KG.Place,
    "LOC": KG.Place,
    "FAC": KG.Place,
    "NORP": KG.Group,
    "DATE": KG.Date,
    "MONEY": KG.Quantity,
    "PERCENT": KG.Quantity,
    "QUANTITY": KG.Quantity,
    "EVENT": KG.Other,
    "LAW": KG.Other,
    "WORK_OF_ART": KG.Other,
    "PRODUCT": KG.Other,
}
_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}
_PERSON_PRONOUNS = _MALE | _FEMALE
#: Honorifics and titles that say whether a person is a man or a woman.
_HONOURS = {**dict.fromkeys(("mr", "sir", "lord", "baron", "king", "prince", "duke", "earl",
                             "congressman", "spokesman", "businessman"), "m"),
            **dict.fromkeys(("mrs", "ms", "miss", "madam", "baroness", "dame", "lady", "queen",
                             "princess", "duchess", "countess", "actress", "chairwoman",
                             "spokeswoman", "congresswoman", "businesswoman"), "f")}
_PRONOUN_WINDOW = 3  # sentences a pronoun may look back
_SPELLING = {"defence": "defense", "labour": "labor"}
#: Title words that make another post: "the prime minister" is not the deputy prime minister.
_RANKS = {"deputy", "vice", "shadow", "assistant", "junior", "acting", "former", "associate",
          "first", "ex", "ex-", "under"}


_HONORIFIC_WORDS = {h.rstrip(".") for h in HONORIFICS}


def _name_words(text: str) -> list[str]:
    """A person's name's words without an honorific: "Mr Blair" is "blair", as in "Tony Blair"."""
    words = _words(text)
    return [w for w in words if w not in _HONORIFIC_WORDS] or words


def _without_honorific(text: str) -> str:
    """ "Mr Smernicki" -> "Smernicki": an entity's name needs no honorific (it stays an alias)."""
    parts = text.split()
    while len(parts) > 1 and parts[0].casefold().rstrip(".") in _HONORIFIC_WORDS:
        parts.pop(0)
    return " ".join(parts)


def _same_person(short: list[str], long: list[str]) -> bool:
    return bool(short) and short[-1] == long[-1] and set(short) <= set(long)


def _key(m: Mention) -> tuple[URIRef, str, str]:
    """(kind, name, scope) for a named, non-person mention."""
    if m.label == "NORP":
        nation = gazetteer.demonym_country(m.text)
        if nation:
            return KG.Country, nation, ""
        return KG.Group, m.text.strip(), ""
    if m.label in ("GPE", "LOC"):
        nation = gazetteer.country(m.text)
        if nation:
            return KG.Country, nation, ""
        if WASHINGTON_DC.fullmatch(m.text.strip()):
            return KG.Place, "Washington", ""  # "Washington, D.C." is the city news calls Washington
    if m.label == "DATE":  # keyed by value, so "Feb. 2014" and "February 2014" meet
        value = date_value(m.text)
        return KG.Date, value or m.text.strip(), "" if value else m.doc_id
    if m.label in AMOUNT_LABELS:  # "$12 billion" and "$12bn" are one value
        value = amount_value(m.text)
        return KG.Quantity, value or m.text.strip(), "" if value else m.doc_id
    return KIND_FOR_LABEL[m.label], m.text.strip(), ""


def _acronym(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w not in ("of", "and", "for", "the")).casefold()


def _gender(text: str) -> str:
    low = text.casefold()
    return "m" if low in _MALE else "f" if low in _FEMALE else ""


def _name_gender(m: Mention) -> str:
    """What a name's honorific or title says of the person ("Mrs Thatcher", "Queen
    Elizabeth"), else its first name ("Tessa Jowell"; ``gazetteer.first_name_gender``)."""
    words = [w for w in _words(f"{m.role} {m.text}") if w in _HONOURS]
    if words:
        return _HONOURS[words[0]]
    first, _, rest = m.text.partition(" ")
    return gazetteer.first_name_gender(first) if rest else ""


def _genders(c: _Cluster) -> set[str]:
    return {g for m in c.mentions
            if (g := _gender(m.text) if m.label == "PRON" else _name_gender(m) if m.label == "PERSON"
                else "")}


_QUOTE = re.compile(r'"[^"\n]{1,2000}"|“[^”\n]{1,2000}”')


def quotations(text: str) -> list[tuple[int, int]]:
    """Character spans of the quotations in ``text`` (straight or curly double quotes).

    >>> t = 'He said: "He is wrong." Then he left.'
    >>> [t[a:b] for a, b in quotations(t)]
    ['"He is wrong."']
    """
    return [m.span() for m in _QUOTE.finditer(text)]


def _quoted(m: Mention, quotes: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    return next((q for q in quotes if q[0] <= m.start and m.end <= q[1]), None)


def _pronoun_target(p: Mention, clusters: list[_Cluster], owner: dict[Mention, _Cluster],
                    quotes: Sequence[tuple[int, int]] = ()) -> _Cluster | None:
    person = p.text.casefold() in _PERSON_PRONOUNS
    kinds = {KG.Person} if person else {KG.Organization, KG.Country, KG.Place}
    gender = _gender(p.text)
    # a person the article called "she" or "Mrs" is not a "he", nor the other way round
    other = {id(c) for c in clusters if gender and c.kind == KG.Person
             and (g := _genders(c)) and gender not in g}
    candidates = [(m, owner[m]) for c in clusters if c.kind in kinds and id(c) not in other
                  for m in c.mentions
                  if m.label != "PRON"
                  and p.sent - _PRONOUN_WINDOW <= m.sent <= p.sent]
    quote = _quoted(p, quotes)
    if quote is not None and person:  # '"He is wrong," Mr Prescott told ...': not the speaker
        candidates = [(m, c) for m, c in candidates if not (
            m.sent == p.sent and m.dep in ("nsubj", "nsubjpass") and _quoted(m, quotes) != quote)]
    # the subject of the pronoun's own sentence ("During his call ..., Akar said")
    for m, c in candidates:
        if m.sent == p.sent and m.dep in ("nsubj", "nsubjpass") and m.start != p.start:
            if person or m.start < p.start:
                return c
    before = [(m, c) for m, c in candidates if m.end <= p.start]
    if not before:  # nobody named lately: whom the last "she" before stood for ("she said ... she told")
        chain = [m for m in owner if m.label == "PRON" and m.end <= p.start and _gender(m.text) == gender
                 and gender and p.sent - _PRONOUN_WINDOW <= m.sent]
        return owner[max(chain, key=lambda m: m.start)] if chain else None
    subjects = [(m, c) for m, c in before if m.dep in ("nsubj", "nsubjpass")]
    m, c = max(subjects or before, key=lambda mc: mc[0].start)
    return c


def _nominal_target(d: Mention, clusters: list[_Cluster], owner: dict[Mention, _Cluster],
                    nations: Mapping[Mention, str]) -> _Cluster | None:
    label = stands_for(d.label, d.role)
    if d.role in DESCRIBED_PEOPLE:  # "the Dutchman", "the 21-year-old"
        return _described_person(d, clusters, nations)
    if label == "PERSON":  # the last person named before it with that title
        words = {_SPELLING.get(w, w) for w in _words(d.text)}
        wanted = words & TITLE_MODIFIERS
        holders = []
        for c in clusters:
            if c.kind != KG.Person:
                continue
            for m in c.mentions:
                role = {_SPELLING.get(w, w) for w in _words(m.role)}
                if (m.label == "PERSON" and m.end <= d.start and d.role in role
                        and wanted <= role and not (role & _RANKS) - words):
                    holders.append((m.start, c))
        return max(holders, key=lambda h: h[0])[1] if holders else None
    if d.role == "country":
        kinds = {KG.Country}
    elif label == "GPE":  # "the city", "the town"
        kinds = {KG.Place}
    else:
        kinds = {KG.Organization}
    # not the subject of its own sentence: "Turkey is ready to help the country" is not Turkey
    before = [(m, owner[m]) for c in clusters if c.kind in kinds for m in c.mentions
              if m.label not in ANAPHORS and m.end <= d.start
              and d.sent - _PRONOUN_WINDOW <= m.sent <= d.sent
              and not (m.sent == d.sent and m.dep in ("nsubj", "nsubjpass"))]
    if label == "ORG":  # the organisation the article is about: "the company", "the club"
        before = _same_class(d.role, before)
    if not before:
        return None
    if label == "ORG":
        named = {id(c): sum(m.label not in ANAPHORS and m.end <= d.start for m in c.mentions)
                 for _, c in before}
        return max(before, key=lambda mc: (named[id(mc[1])], mc[0].start))[1]
    # a country or city: one named earlier in its sentence ("in Ukraine ... fleeing the
    # country"), a name standing on its own before one modifying a noun ("developments in
    # Ukraine ... after Russia's invasion ... aid to the country"), else the closest
    here = [(m, c) for m, c in before if m.sent == d.sent]
    whole = [(m, c) for m, c in here if m.dep not in ("poss", "amod", "compound", "nmod")]
    return max(whole or here or before, key=lambda mc: mc[0].start)[1]


def _described_person(d: Mention, clusters: list[_Cluster], nations: Mapping[Mention, str]) -> _Cluster | None:
    """The person "the Dutchman" or "the 21-year-old" stands for: the last one named or called
    "he" or "she" in the sentences before it, a subject first ("Robben scored twice. The
    Dutchman said"; "She will meet Venus Williams. The 23-year-old said": who "she" is), never who
    is the subject of its own sentence ("Agassi beat the Swede"), nor one of another nation
    ("Spain's Rafael Nadal beat Andy Roddick of the USA ... the American": Roddick)."""
    fit = {id(c): fits_nation(d, c.mentions, nations) for c in clusters if c.kind == KG.Person}
    named = [(m, c) for c in clusters if c.kind == KG.Person and fit[id(c)] is not False
             for m in c.mentions
             if m.label in ("PERSON", "PRON") and m.end <= d.start
             and d.sent - _PRONOUN_WINDOW <= m.sent <= d.sent]
    named = [(m, c) for m, c in named if fit[id(c)]] or named  # one said to be of that nation first
    doers = [id(c) for m, c in named if m.sent == d.sent and m.dep in ("nsubj", "nsubjpass")
             and m.label == "PERSON"]  # not a pronoun: '"He played well," said the American'
    named = [(m, c) for m, c in named if id(c) not in doers]  # "Agassi lost to the Austrian"
    subjects = [(m, c) for m, c in named if m.dep in ("nsubj", "nsubjpass")]
    return max(subjects or named, key=lambda mc: mc[0].start)[1] if named else None


def _same_class(head: str, candidates: list[tuple[Mention, _Cluster]]
                ) -> list[tuple[Mention, _Cluster]]:
    """The organisations a description's head noun may stand for: those with the noun in their
    name ("the agency": "Child Support Agency"), else those whose name says they are of its
    kind ("the party": "Labour Party"), else those whose name says no other kind ("the party"
    is not "BBC Radio 4")."""
    wanted = ORG_CLASS.get(head)
    if wanted is None:
        return candidates
    words = [set(_words(c.name)) for _, c in candidates]
    kinds = [{ORG_CLASS[w] for w in ws if w in ORG_CLASS} for ws in words]
    return ([mc for mc, ws in zip(candidates, words) if head in ws]
            or [mc for mc, k in zip(candidates, kinds) if wanted in k]
            or [mc for mc, k in zip(candidates, kinds) if not k])


def resolve(mentions: Sequence[Mention], quotes: Sequence[tuple[int, int]] = (),
            nations: Mapping[Mention, str] | None = None) -> list[Entity]:
    """Group an article's mentions into entities (pronouns included where resolved).

    ``quotes`` are the character spans of the article's quotations
    (``quotations(text)``): a "he" inside one is not the subject who speaks it; ``nations``
    the country the text ties a named person to (``kg.nominal.nations``).
    The result does not depend on the order of ``mentions``.
    """
    ordered = sorted(set(mentions), key=lambda m: (m.start, m.end, m.label))
    clusters: list[_Cluster] = []
    owner: dict[Mention, _Cluster] = {}
    by_key: dict[tuple[URIRef, str, str], _Cluster] = {}
    people = [m for m in ordered if m.label == "PERSON"]
    # longest names first, so "Akar" finds "Hulusi Akar" wherever it appears
    for m in sorted(people, key=lambda m: (-len(_name_words(m.text)), m.start)):
        words = _name_words(m.text)  # "Mr Blair" is "Tony Blair" rather than "Cherie Blair"
        gender = _name_gender(m)
        match = [c for c in clusters if _same_person(words, _name_words(c.name))]
        match = [c for c in match if not (gender and _genders(c) - {gender})] or match
        if match:
            target = min(match, key=lambda c: abs(c.mentions[0].start - m.start))
        else:
            target = _Cluster(KG.Person, m.text.strip())
            clusters.append(target)
        target.mentions.append(m)
        owner[m] = target
    # a full name the model typed otherwise once is still the person's: "a row with Sophie Anderton"
    full_names = {gazetteer.normalize(c.name): c for c in clusters if len(_name_words(c.name)) >= 2}
    for m in ordered:
        if m.label in ("PERSON", *ANAPHORS):
            continue
        person = full_names.get(gazetteer.normalize(m.text)) if m.label in ("ORG", "GPE", "LOC", "FAC") else None
        if person is not None and gazetteer.first_name_gender(_name_words(m.text)[0]):
            person.mentions.append(m)
            owner[m] = person
            continue
        kind, name, scope = _key(m)
        norm = gazetteer.normalize(name)
        key = (kind, norm, scope)
        target = by_key.get(key)
        if target is None and kind == KG.Organization and name.isupper():
            target = next((c for c in clusters if c.kind == kind and len(name) > 1
                           and _acronym(_words(c.name)) == name.casefold()), None)
        elif target is None and kind == KG.Organization:  # "the CSA ... the Child Support Agency"
            short = _acronym(_words(name))
            target = next((c for c in clusters if c.kind == kind and len(c.name) > 1
                           and c.name.isupper() and c.name.casefold() == short), None)
            if target is not None:
                target.name = name  # the full name is the entity's name, the acronym an alias
                by_key[key] = target
        if target is None:
            value = (date_value(m.text) if kind == KG.Date
                     else amount_value(m.text) if kind == KG.Quantity else "")
            target = _Cluster(kind, m.text.strip() if value else name, scope=scope, value=value)
            clusters.append(target)
            by_key[key] = target
        target.mentions.append(m)
        owner[m] = target
    clusters = respelled(abbreviated(named_short(clusters, owner), owner), owner)
    for c in clusters:
        c.mentions.sort(key=lambda m: m.start)
    # descriptions first: a pronoun may go to "the company" in its sentence; then pronouns; then
    # "the Dutchman", who may be whom a pronoun before it stands for ("She will meet Venus
    # Williams. 'Bring it on,' said the 23-year-old": not Williams)
    passes = (lambda m: m.label == "NOM" and m.role not in DESCRIBED_PEOPLE,
              lambda m: m.label == "PRON",
              lambda m: m.label == "NOM" and m.role in DESCRIBED_PEOPLE)
    for wanted in passes:
        for m in ordered:
            if not wanted(m):
                continue
            target = (_nominal_target(m, clusters, owner, nations or {}) if m.label == "NOM"
                      else _pronoun_target(m, clusters, owner, quotes))
            if target is not None:
                target.mentions.append(m)
                owner[m] = target
        for c in clusters:
            c.mentions.sort(key=lambda m: m.start)
    return [_entity(c) for c in sorted(clusters, key=lambda c: c.mentions[0].start)]


def _entity(c: _Cluster) -> Entity:
    mentions = tuple(sorted(c.mentions, key=lambda m: (m.start, m.end)))
    names = [m for m in mentions if m.label not in ANAPHORS]
    if c.kind == KG.Person:
        def fullness(t: str) -> tuple[int, bool, str]:  # most words, then no honorific
            return len(_name_words(t)), len(_words(t)) == len(_name_words(t)), t
        name = _without_honorific(max((m.text.strip() for m in names), key=fullness))
    else:
        name = c.name
    roles = sorted({m.role for m in names if m.role})
    aliases = {m.text.strip() for m in names} | {f"{m.role} {m.text.strip()}" for m in names if m.role}
    aliases.discard(name)
    return Entity(c.kind, name, mentions, tuple(sorted(aliases)), tuple(roles), c.scope, c.value)
