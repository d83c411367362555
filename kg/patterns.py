"""Relation patterns around names: places, titles, datelines, origins and jobs (killers are
``kg._killers``).

Pure extractor functions over a spaCy ``Doc`` (never modified) and the
token -> mention index built by ``relate``; each yields ``(subject,
property, object, anchor token, confidence, rule)`` tuples that ``relate``
checks and turns into ``Relation`` records:

* ``comma_places``: "Amherst, Mass." / "Kharkiv, Ukraine": a place, a comma,
  then the state, province or country it lies in (``locatedIn``; ``basedIn``
  for an organisation: "Acme Corp., Dayton, Ohio"); also after "in" for a site or an
  organisation: "the Savannah River Plant, in Aiken, S.C.".
* ``titled``: a name right before a person's title: "FAA spokesman John
  Smith" (``worksFor``), "Texas Gov. Ann Richards" (``livesIn``); or before
  a job noun: "NFL placekicker Mark Moseley" (``worksFor``).
* ``datelines``: "MOSCOW (AP)", "Moscow INTERFAX", "Moscow April 25 TASS":
  the city a wire story or a newspaper is filed from (``basedIn``); and
  "NRC headquarters in Rockville" (``basedIn``).
* ``natives``: "his native Ohio", "Modesto native George Lucas", "Smith, a native of
  Glasgow", "she is a native of Salisbury" (``bornIn``).
* ``origins``: "Glasgow-born singer Lulu", "Dutch-born Anton Corbijn" (``bornIn``),
  "Cambridge-based Ubisense" (``basedIn``; a person's base is ``livesIn``), "Rolling Fork, where
  Muddy Waters was born" (``bornIn``; "lived", "grew up": ``livesIn``), "his
  hometown of Grants", "at his home in Larchmont" (``livesIn``), "the Haitian Parliament" in a
  sentence naming Haiti (``basedIn``).
* ``copulas``: "Smith is chief executive of Acme", "who was a lawyer at Baker
  McKenzie", "served as Acme's chairman" (``worksFor``; "a member of" is
  ``memberOf``).
The confidences are the rules' precision measured on the CoNLL04 train split
(see benchmarks/quality.md), rounded down.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from . import _tokens, gazetteer
from ._args import Index, arg, owner_kind, prep_objects
from ._cues import line_start
from ._lineups import squad
from ._people import title_before
from ._wire import MEDIA
from .lexicon import JOB_NOUNS, NOT_JOBS
from .types import Mention
from .vocab import KG

__all__ = ["Found", "comma_places", "copulas", "datelines", "natives", "origins", "squads", "titled"]

Found = tuple[Mention, object, Mention, Token, float, str]
_PLACE = ("GPE", "LOC", "FAC")
_OFFICES = {"headquarters", "headquarter", "hq"}  # not a bureau or a plant: those are branches



def _first_token(doc: Doc, m: Mention) -> Token | None:
    found = _tokens.bounds(doc, m.start, m.end, "expand")
    return doc[found[0]] if found is not None else None


def _span(doc: Doc, m: Mention) -> tuple[int, int] | None:
    return _tokens.bounds(doc, m.start, m.end, "expand")


def _is_container(m: Mention) -> bool:
    """A state, province or country: what a place can be said to lie in after a comma."""
    return bool(gazetteer.region(m.text) or gazetteer.country(m.text))


#: Words that place a town within a region after a comma: "Kramatorsk, eastern Ukraine".
_COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
            "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
            "southeastern", "southwestern", "far", "upstate", "-"}


def _region_after(doc: Doc, i: int, by_start: dict[int, Mention]) -> Mention | None:
    """The mention starting at token ``i``, or after compass words there ("south-east Algeria")."""
    j = i
    while j < len(doc) and j not in by_start and doc[j].lower_ in _COMPASS and j - i < 4:
        j += 1
    return by_start.get(j) if j == i or doc[j - 1].text != "-" else None


def comma_places(doc: Doc, idx: Index, mentions: list[Mention]) -> Iterator[Found]:
    """"A , B" where B is a state, province or country: A lies in B (and in what B lies in);
    "A , in B" where A is a site or an organisation and B any place."""
    spans = {m: s for m in mentions if (s := _span(doc, m)) is not None}
    by_start = {s[0]: m for m, s in spans.items()}
    for a, (_, a_end) in spans.items():
        if a.label not in (*_PLACE, "ORG") or a_end >= len(doc) or doc[a_end].text != ",":
            continue
        chain = []
        nxt = _region_after(doc, a_end + 1, by_start)
        town = by_start.get(a_end + 2) if a_end + 2 < len(doc) and doc[a_end + 1].lower_ == "in" and \
            a.label in ("FAC", "LOC", "ORG") else None
        if town is not None:
            nxt = town  # "the Savannah River Plant , in Aiken , S.C.": any place after "in"
        while nxt is not None and nxt.label in ("GPE", "LOC") and (_is_container(nxt) or nxt is town):
            chain.append(nxt)
            end = spans[nxt][1]
            nxt = by_start.get(end + 1) if end < len(doc) and doc[end].text == "," else None
        a_start = spans[a][0]
        if a_start >= 2 and doc[a_start - 1].text == "," and (a_start - 2) in idx:
            continue  # "Torreon , Puebla , Merida": a list of places
        last_end = spans[chain[-1]][1] if chain else 0
        if chain and last_end + 1 < len(doc) and doc[last_end].text == "," and (
                (after := by_start.get(last_end + 1)) is not None and after.label in _PLACE):
            continue  # "Manchester , Liverpool , Leicester , Basingstoke": the list goes on
        if chain and last_end < len(doc) and doc[last_end].lower_ in ("'s", "’s", "and", "or"):
            chain = chain[:-1]  # "London , Argentina 's envoy", "Paris , Rome and Bonn"
        if not chain or (a.label != "ORG" and gazetteer.country(a.text)):
            continue  # "France, Italy and Spain" is a list, not a place in a place
        if (a.label != "ORG" and gazetteer.region(a.text) and not gazetteer.city(a.text)
                and not gazetteer.country(chain[0].text)):
            continue  # "Texas, Oklahoma" is a list of states
        if (a.label != "ORG" and gazetteer.city(a.text) and gazetteer.city(chain[0].text)
                and not gazetteer.country(chain[0].text) and not gazetteer.us_state(chain[0].text)):
            continue  # "Manchester , Liverpool": two cities (a US state named like a city is a state)
        anchor = doc[spans[a][0]]
        pred = KG.basedIn if a.label == "ORG" else KG.locatedIn
        for n, b in enumerate(chain):
            conf = 0.85 if a.label != "ORG" else 0.5  # "Acme , Ohio" is often a list
            yield a, pred, b, anchor, conf if n == 0 else conf - 0.1, "comma-place"


def _job_of_before(doc: Doc, i: int, idx: Index) -> Mention | None:
    """The organisation of "a job of/at/for ORG ," written right before token ``i``, where the
    parser did not hang the name on it."""
    if i < 4 or doc[i - 1].text != ",":
        return None
    org = idx.get(i - 2)
    if org is None or org.label != "ORG":
        return None
    k = i - 2
    while k > 0 and idx.get(k - 1) is org:
        k -= 1
    k -= 1 if doc[k - 1].lower_ == "the" else 0
    if k < 2 or doc[k - 1].lower_ not in ("of", "at", "for"):
        return None
    job = doc[k - 2]
    ok = job.pos_ == "NOUN" and job.is_lower and job.lemma_.lower() in JOB_NOUNS and job.lemma_.lower() != "member"
    return org if ok and job.i not in idx else None


def titled(doc: Doc, idx: Index, mentions: list[Mention]) -> Iterator[Found]:
    """"ORG spokesman X" -> worksFor; "PLACE Gov. X" -> livesIn: the name before a title."""
    for m in mentions:
        if m.label != "PERSON":
            continue
        first = _first_token(doc, m)
        if first is None:
            continue
        job_of = _job_of_before(doc, first.i, idx)
        if job_of is not None:  # "the deputy secretary of the Foreign Ministry, Datuk Abdul Halim Ali"
            yield m, KG.worksFor, job_of, first, 0.6, "job-of-org"
        if not m.role:  # "National Football League placekicker Mark Moseley": a job, not a title
            k = first.i
            while k > 0 and first.i - k < 3 and doc[k - 1].is_lower and (doc[k - 1].pos_ == "NOUN" or (
                    doc[k - 1].pos_ == "ADJ" and k < first.i)):  # "BBC political editor Andrew Marr"
                k -= 1
            other = idx.get(k - 1) if 0 < k < first.i else None
            if other is not None and other.label == "ORG" and other != m and not any(
                    t.lemma_.lower() in NOT_JOBS for t in doc[k:first.i]) and not (
                    gazetteer.city(other.text) or gazetteer.region(other.text)):  # "Dallas nightclub owner"
                yield m, KG.worksFor, other, first, 0.6, "org-job"
            continue
        start, role = title_before(doc, first.i)
        if not role or start == 0:
            continue
        i = start - 1
        if doc[i].lower_ in ("'s", "’s") and i > 0:
            i -= 1
        other = idx.get(i)
        k = i
        while other is None and k > 0 and i - k < 2 and doc[k].pos_ == "PROPN" and doc[k].is_title:
            k -= 1  # "CNEN Radioprotection Director X": a department of the organisation between
            other = idx.get(k) if idx.get(k) is not None and idx[k].label == "ORG" else None
        if other is None or other == m:
            continue
        if owner_kind(other) == "ORG":  # "Edison spokesman X", "the firm's X", "its founder X"
            yield m, KG.worksFor, other, first, 0.75, "title-org"
        elif other.label in ("GPE", "LOC"):
            yield m, KG.livesIn, other, first, 0.55, "title-place"


def datelines(doc: Doc, idx: Index, mentions: list[Mention]) -> Iterator[Found]:
    """The place a story is filed from, tied to the agency or paper that files it."""
    for m in mentions:
        if m.label != "ORG":
            continue
        span = _tokens.span(doc, m.start, m.end, "expand")
        if span is None:
            continue
        s, e = span.start, span.end
        # "Moscow INTERFAX", "Madrid EFE": a city then the outlet, opening a line; a date may
        # come between ("Moscow April 25 TASS")
        place = idx.get(s - 1) if s > 0 else None
        if place is not None and place.label == "DATE":
            date = _span(doc, place)
            place = idx.get(date[0] - 1) if date is not None and date[0] > 0 else None
        first = _first_token(doc, place) if place is not None else None
        if (place is not None and first is not None and place.label in ("GPE", "LOC")
                and line_start(doc, first)
                and (gazetteer.news_agency(m.text) or m.text.isupper() or MEDIA.search(m.text))):
            yield m, KG.basedIn, place, span[0], 0.6, "dateline"  # "Guatemala City Teleonce Television"
        # "NRC headquarters in Rockville": where the organisation's offices are
        head = span.root.head
        if (span.root.dep_ == "compound" and head.lemma_.lower() in _OFFICES and head.i + 1 < len(doc)
                and doc[head.i + 1].lower_ == "in"):
            for g in doc[head.i + 1].children:
                if g.dep_ == "pobj" and g.i in idx and idx[g.i].label in _PLACE:
                    yield m, KG.basedIn, idx[g.i], head, 0.6, "headquarters"
        # "SEOUL , South Korea ( AP )": the wire service's bureau
        if s >= 2 and e < len(doc) and doc[s - 1].text == "(" and doc[e].text == ")" \
                and gazetteer.news_agency(m.text):
            j = s - 2
            while j >= 0 and (doc[j].i not in idx or idx[doc[j].i].label not in _PLACE) and j > s - 8:
                j -= 1
            while j >= 0 and j in idx and j - 1 >= 0 and doc[j - 1].text == ",":
                j -= 2  # back over ", South Korea" to the city
            city = idx.get(j) if j >= 0 else None
            if city is not None and city.label in _PLACE:
                city_first = _first_token(doc, city)
                if city_first is not None and line_start(doc, city_first):
                    yield m, KG.basedIn, city, span[0], 0.6, "dateline"


def natives(doc: Doc, idx: Index, mentions: list[Mention]) -> Iterator[Found]:
    """"his native Ohio" and "Modesto native George Lucas": where a person was born."""
    for i in _tokens.select(doc, _tokens.LOWER, {"native"}):
        tok = doc[i]
        place = idx.get(tok.head.i) if tok.dep_ == "amod" else None
        if place is not None and place.label in _PLACE:  # "his native South Carolina"
            for c in tok.head.children:
                if c.dep_ == "poss" and c.i in idx and idx[c.i].label in ("PERSON", "PRON"):
                    yield idx[c.i], KG.bornIn, place, tok, 0.8, "native"
        elif tok.i > 0 and tok.i + 1 < len(doc) and idx.get(tok.i + 1) is not None:
            place, person = idx.get(tok.i - 1), idx.get(tok.i + 1)  # "Modesto native George Lucas"
            if place and person and place.label in _PLACE and person.label == "PERSON":
                yield person, KG.bornIn, place, tok, 0.8, "native"
        else:  # "Smith, a native of Glasgow", "Elizabeth is a native of Salisbury"
            person = idx.get(tok.head.i) if tok.dep_ == "appos" else (
                _subject(tok.head, idx) if tok.dep_ == "attr" else None)
            for place in prep_objects(tok, idx, ("of",)):
                if person is not None and person.label in ("PERSON", "PRON") and place.label in _PLACE:
                    yield person, KG.bornIn, place, tok, 0.8, "native"


#: "where X was born / lived / grew up": the verb's lemma -> the property.
_WHERE = {"bear": KG.bornIn, "live": KG.livesIn, "grow": KG.livesIn, "reside": KG.livesIn}


def _named_by(noun: Token, idx: Index) -> Mention | None:
    """The name a noun stands for: itself, the name it is part of ("actor Bob Hoskins"), the
    name in apposition to it ("singer Lulu", "Acme, a Texas-based company")."""
    if noun.i in idx:
        return idx[noun.i]
    if noun.dep_ == "compound" and noun.head.i in idx:
        return idx[noun.head.i]
    if noun.dep_ == "appos" and noun.head.i in idx:
        return idx[noun.head.i]
    return next((idx[c.i] for c in noun.children if c.dep_ == "appos" and c.i in idx), None)


def _placed_before(doc: Doc, m: Mention, idx: Index) -> list[Mention]:
    """The place written right before a name and a comma, the town of a "Town, Region" pair:
    "Beaumont" in "Beaumont, Texas, Richardson's hometown"."""
    found: list[Mention] = []
    start = (_tokens.bounds(doc, m.start, m.end, "expand") or (0, 0))[0]
    for _ in range(2):  # the region, then its town
        if start < 2 or doc[start - 1].text != "," or (place := idx.get(start - 2)) is None \
                or place.label not in _PLACE:
            break
        found = [place]
        start = (_tokens.bounds(doc, place.start, place.end, "expand") or (0, 0))[0]
    return found


def origins(doc: Doc, idx: Index, mentions: list[Mention]) -> Iterator[Found]:
    """Where a person comes from or lives, where an organisation is based: see the module doc."""
    for m in mentions:  # "the Haitian Parliament ... Haiti"
        nation = gazetteer.demonym_country(m.text.split()[0]) if m.label == "ORG" and " " in m.text else None
        if not nation:
            continue  # (the look at every other mention is for these few only)
        for other in (x for x in mentions if x.sent == m.sent and x.label == "GPE"):
            if gazetteer.country(other.text) == nation and (tok := _first_token(doc, m)) is not None:
                yield m, KG.basedIn, other, tok, 0.75, "nation-named"
    for i in _tokens.select(doc, _tokens.LOWER, {"born", "based", "hometown", "home"}):
        tok = doc[i]
        if tok.lower_ in ("hometown", "home"):  # "his hometown of Grants", "her home in Okolona"
            people = [idx[c.i] for c in tok.children if c.dep_ == "poss" and c.i in idx]
            for person in (p for p in people if p.label in ("PERSON", "PRON", "NOM")):
                places = prep_objects(tok, idx, ("of",) if tok.lower_ == "hometown" else ("in",))
                if not places and tok.lower_ == "hometown":  # "Beaumont, Texas, Richardson's hometown"
                    places = _placed_before(doc, person, idx)
                for place in places:
                    if place.label in _PLACE:
                        rule = "hometown" if tok.lower_ == "hometown" else "home-in"
                        yield person, KG.livesIn, place, tok, 0.7, rule
            continue
        if tok.lower_ == "born" and 0 < i < len(doc) - 1 and (i - 1) in idx and (i + 1) in idx and \
                idx[i - 1].label in _PLACE and idx[i + 1].label == "PERSON":
            yield idx[i + 1], KG.bornIn, idx[i - 1], tok, 0.8, "place-born"  # "Illinois born Charlton Heston"
            continue
        # "Glasgow-born singer Lulu": PLACE (npadvmod) - born/based (amod) NOUN
        if tok.dep_ != "amod" or i < 2 or doc[i - 1].text != "-":
            continue
        place = idx.get(doc[i - 2].i)
        who = _named_by(tok.head, idx)
        if place is None or who is None or who == place:
            continue
        if place.label == "NORP":  # "Dutch-born Anton Corbijn": born in the Netherlands
            if not gazetteer.demonym_country(place.text) or who.label == "PERSON" and tok.lower_ == "based":
                continue
        elif place.label not in _PLACE:
            continue
        if tok.lower_ == "born":
            yield who, KG.bornIn, place, tok, 0.8, "place-born"
        elif who.label == "ORG":
            yield who, KG.basedIn, place, tok, 0.8, "place-based"
        elif tok.head.i in idx or tok.head.lower_.endswith(_POSTS):
            # "the UK-based co-chairman, Patrick Cescau"; not "X, director of a US-based think-tank"
            yield who, KG.livesIn, place, tok, 0.6, "place-based"
    for i in _tokens.select(doc, _tokens.LOWER, {"where"}):
        verb = doc[i].head  # "Rolling Fork, where Muddy Waters was born"
        pred = _WHERE.get(verb.lemma_.lower())
        place = idx.get(verb.head.i) if verb.dep_ == "relcl" else None
        if pred is None or place is None or place.label not in _PLACE or doc[i].dep_ != "advmod":
            continue
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i in idx:
                yield idx[c.i], pred, place, verb, 0.75, "where-" + verb.lemma_.lower()


#: Verbs that say what a person is ("is", "became") or works as ("served as").
_COPULAS = {"be", "become", "remain"}
_AS_VERBS = {"serve", "work", "act", "join", "appoint", "name", "elect"}
#: A person's post, as the end of a noun: "co-chairman", "correspondent".
_POSTS = tuple(sorted(j for j in JOB_NOUNS if len(j) > 3))


def _subject(verb: Token, idx: Index) -> Mention | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            if c.lower_ in ("who", "that") and verb.dep_ == "relcl":
                return arg(verb.head, idx)  # "Paul Jones, who is a spokesman for Oxfam"
            return arg(c, idx)  # "Dole's wife, Elizabeth, is a native of Salisbury"
    return None


def copulas(doc: Doc, idx: Index, mentions: list[Mention]) -> Iterator[Found]:
    """"X is/became/served as [job] of/at/for ORG", "X is ORG's [job]": X works there."""
    for i in _tokens.select(doc, _tokens.LEMMA, _COPULAS | _AS_VERBS, fold=True, pos=("VERB", "AUX")):
        verb = doc[i]
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        lemma = verb.lemma_.lower()
        nouns = [c for c in verb.children if c.dep_ in ("attr", "oprd")] if lemma in _COPULAS else []
        nouns += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                  for g in c.children if g.dep_ == "pobj"]
        nouns = [n for n in nouns if n.pos_ == "NOUN" and n.lemma_.lower() in JOB_NOUNS]
        person = _subject(verb, idx) if nouns else None
        if person is None:
            continue
        for noun in nouns:
            pred = KG.memberOf if noun.lemma_.lower() == "member" else KG.worksFor
            orgs = [idx[c.i] for c in noun.children if c.dep_ in ("poss", "compound") and c.i in idx]
            orgs += prep_objects(noun, idx, ("of", "at", "for", "with", "in"))  # "a major in the Marine Corps"
            for org in orgs:
                if org.label == "ORG" and org != person:
                    yield person, pred, org, verb, 0.75, "copula"


def squads(doc: Doc, idx: Index, mentions: list[Mention]) -> Iterator[Found]:
    """A player listed with the club in brackets plays for it: "P Vickery (Gloucester), S
    Borthwick (Bath)" (``_lineups.line_ups`` typed them)."""
    for player, club in squad(doc):
        if player is None or club is None:
            continue
        who, side = idx.get(player[1] - 1), idx.get(club[1] - 1)  # (a leading "A" is no name's)
        if who is not None and side is not None and who.label == "PERSON" and side.label == "ORG":
            yield who, KG.worksFor, side, doc[player[0]], 0.8, "squad"
