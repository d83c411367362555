"""What the words around a name say it is: cues for ``mentions`` to correct the model's type
(a place, an organisation, an event; what they say of a person is in ``_people``, what a common
noun says a name is in ``_kinds``).

Pure functions over a spaCy ``Doc`` (never modified) and token bounds:

* ``known_place``: the gazetteer knows the name as a country, region or city.
* ``is_place``: a known city or region in a place's context ("in Glasgow", "Glasgow-born",
  "Amherst , Mass .", a dateline in capitals).
* ``a_town``: a town no gazetteer need know, from the words around it ("Daniel Sullivan , 30 , of
  Boothbay", "his native Kinderhook", "in Gyandzha or Shamkhor in Azerbaijan").
* ``capitalised_to_start``: one-word "names" that are common words capitalised to start a
  headline ("Broadband in the UK growing fast").
* ``runs``: what a boss runs is an organisation ("the former boss of Yukos"); so is the name
  before a firm's title (``before_a_boss``: "Electrolux chief executive Hans Straberg").
* ``names_a_place``: a name that modifies or is "of" a place noun ("the Crimea region"); ``a_county``:
  a region's name that is nobody's first name ("Derbyshire", not "Kent").
* ``names_a_feature``: a name ending in a feature word is a place ("the Ocala National Forest").
* ``names_an_event``: a contest's, festival's or award's name is an event ("the French Open").
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Token

from . import _tokens, gazetteer
from .lexicon import (
    BOSS_NOUNS,
    COMPANY_ENDS,
    EVENT_NAMES,
    EVENT_WORDS,
    FEATURE_PAIRS,
    FEATURE_WORDS,
    OF_PLACE,
    PERSON_CONTEXT,
    PLACE_NOUNS,
    TITLE_HEADS,
)
from .timex import MONTHS

__all__ = ["BIG_CITY", "COMMON_SURNAME", "PLACE_PREPS", "a_country_alone", "a_county", "a_place_by_name", "a_town", "before_a_boss",
           "capitalised_to_start", "in_a_dateline", "is_place", "known_place", "line_start", "listed_places",
           "names_a_feature", "names_a_home", "names_a_place", "names_an_event", "runs", "titled_acronyms"]

#: Prepositions before a place: "in Glasgow", "a native of Glasgow".
PLACE_PREPS = {"in", "at", "near", "from", "outside", "to", "into", "across", "around", "of"}


@functools.lru_cache(maxsize=65536)
def known_place(text: str) -> bool:
    """Whether the gazetteer knows ``text`` as a country, a region or a city (asked of every
    proper noun of an article, hence the cache)."""
    return bool(gazetteer.country(text) or gazetteer.region(text) or gazetteer.city(text))


#: A surname this common (US census rank) is read as a surname before a city: "Houston" (434),
#: "Jackson" (13); not "Glasgow" (4514), "Manchester" (7475).
COMMON_SURNAME = 1000
#: ...and a city this big (people) is one the press names alone: "Glasgow", not "Olympic" (Hong Kong).
BIG_CITY = 100_000


def line_start(doc: Doc, tok: Token) -> bool:
    """Whether ``tok`` opens a sentence or a line (a dateline's place)."""
    if tok.is_sent_start or tok.i == 0:
        return True
    prev = doc[tok.i - 1]
    if prev.text == ")":  # after a bracketed tag that opens the line: "( Text ) Taipei , Jan. 20"
        for j in range(tok.i - 2, max(tok.i - 5, -1), -1):
            if doc[j].text == "(":
                return line_start(doc, doc[j])
            if doc[j].text == ")":
                break
    return "\n" in prev.whitespace_ or prev.is_space or (prev.text.isalnum() and prev.text.isupper()
                                                       and any(c.isdigit() for c in prev.text))


def in_a_dateline(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a wire dateline: "( Text ) Sofia , February 15 ( BTA ) --",
    "Sofia, Feb 15 (BTA) -" (a line's first word, a comma, then a date or an agency in
    brackets), "OW1102132994 Beijing XINHUA in English" (a line's first word, then the outlet's
    name in capitals)."""
    if i + 2 >= len(doc) or not line_start(doc, doc[i]):
        return False
    if doc[i].is_title and doc[i + 1].is_upper and doc[i + 1].is_alpha and len(doc[i + 1]) > 2:
        return True  # not a table's "EASTERN DIVISION"
    return doc[i + 1].text == "," and any(
        t.lower_.rstrip(".") in MONTHS or (t.text == "(" and k < len(doc) - 1 and doc[k + 1].is_upper)
        for k, t in enumerate(doc[i + 2 : i + 7], start=i + 2))


def a_country_alone(doc: Doc, i: int) -> bool:
    """A country's one-word name, next to no other name ("Jordan Henderson", "All Nippon") but
    a people's ("Soviet Armenia")."""
    before = doc[i - 1] if i > 0 and not doc[i].is_sent_start else None
    return (doc[i].is_title and bool(gazetteer.country(doc[i].text))
            and not (i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN" and doc[i + 1].is_title)
            and not (before is not None and before.is_title and before.ent_type_ != "NORP"
                     and not gazetteer.demonym(before.text)))


#: A town this big (people) named alone is the town rather than someone of that surname, where
#: the surname is rarer than this (US census rank): "Boise" (25781), "Glasgow" (4514), "Buenos
#: Aires"; not "Bergerac" (a TV detective, 28,317 people), "Adriano" (17,508), "Radcliffe" (5805).
NAMED_TOWN = 40_000
RARE_SURNAME = 4000


def a_place_by_name(text: str) -> bool:
    """Whether a name the model took for a person's is the gazetteer's country, US state or big
    town by its name alone: "Montana :", "smoke hung over Boise", "in Kirkcaldy"; not a first name
    ("Chelsea", "Lincoln") nor a common surname ("Kennedy", "Evans", "Hamilton")."""
    if not known_place(text) or gazetteer.first_name_gender(text.split()[0]) or \
            gazetteer.common_surname(text, RARE_SURNAME):
        return False
    return bool(gazetteer.country(text) or gazetteer.us_state(text)
                or gazetteer.city_population(text) >= NAMED_TOWN)


def names_a_home(doc: Doc, start: int, end: int) -> bool:
    """A one-word name the model took for a person's that modifies or owns a noun and is a
    big city's, not a first name or a common surname: "Glasgow's SECC", "the Manchester music
    scene", "his Glasgow rivals" (not "the Houston widow", "Lincoln's assassination")."""
    tok = doc[start]
    if end - start != 1 or tok.dep_ not in ("compound", "poss", "nmod") or \
            gazetteer.city_population(tok.text) < BIG_CITY:
        return False
    return (not gazetteer.first_name_gender(tok.text) and not gazetteer.common_surname(tok.text, COMMON_SURNAME)
            and tok.head.lemma_.lower() not in PERSON_CONTEXT)


def is_place(doc: Doc, start: int, end: int) -> bool:
    """A name the model typed otherwise that the gazetteer and its context say is a place."""
    text = doc[start:end].text
    known = gazetteer.city(text) or gazetteer.region(text) if len(text) > 3 else None
    if not known:
        return False
    if text.isupper() and (start == 0 or doc[start].is_sent_start):  # dateline: "ADDIS ABABA ,"
        return True
    before, before2 = (doc[start - 1].lower_ if start > 0 else ""), (doc[start - 2].lemma_.lower() if start > 1 else "")
    after = doc[end : end + 2]
    if before in PLACE_PREPS and (before != "of" or before2 in OF_PLACE or before2 in COMPANY_ENDS) \
            and doc[start:end].root.dep_ != "poss":
        return True  # "in Glasgow", "a native of Glasgow", "70 miles northeast of Boise", "Avis Bourg Co. of
        # Folsom" (not "into Kennedy's motorcade": Kennedy is also a city of Colombia)
    if end - start == 1 and after and after[0].lemma_ in ("native", "resident") and doc[start].head == after[0]:
        return True  # "a Fargo native", "Tempe residents"
    if len(after) == 2 and after[0].text == "-" and after[1].lower_ in ("born", "based"):
        return True  # "Glasgow-born", "Cambridge-based"
    return len(after) == 2 and after[0].text in (",", "in") and bool(
        gazetteer.region(after[1].text) or gazetteer.country(after[1].text))  # "Bordeaux in France"


def a_town(doc: Doc, start: int, end: int) -> bool:
    """A name the words around it make a town, one no gazetteer need know: after a person's age
    ("Daniel Sullivan , 30 , of Boothbay ,"), a home's ("his native Kinderhook", "his Ciudad
    Madero home"), a distance's ("Kinderhook , 130 miles north of New York City") or in a country
    ("in Gyandzha or Shamkhor in Azerbaijan")."""
    n = len(doc)
    lower = _tokens.strings(doc, _tokens.LOWER)
    before = lower[start - 1] if start else ""
    after = lower[end] if end < n else ""
    if before not in ("of", "native", "in", "or", "and") and after not in (",", "home"):
        return False  # none of the words below: most names stop here
    if not all(t.is_title and (t.is_alpha or "-" in t.text) for t in doc[start:end]):
        return False
    if start >= 3 and before == "of" and lower[start - 2] in OF_PLACE and _DISTANCE.fullmatch(lower[start - 3]):
        return True  # "about 1 miles northeast of Pinedale"
    if before == "in" and after == "," and end + 1 < n and lower[end + 1] == "near":
        return True  # "in Devine , near San Antonio"
    if start >= 4 and before == "of" and lower[start - 2] == "," and lower[start - 4] == ",":
        age = lower[start - 3]
        if age.isdigit() and 0 < int(age) < 120:
            return True
    if start >= 2 and before == "native" and doc[start - 1].dep_ == "amod" and (
            doc[start - 2].dep_ == "poss" or lower[start - 2] in ("'s", "’s")):
        return True
    if after == "home" and doc[end - 1].head.i == end and any(
            c.dep_ == "poss" and c.pos_ == "PRON" for c in doc[end].children):
        return True
    if end + 4 < n and after == "," and doc[end + 1].like_num and \
            lower[end + 2].rstrip("s") in ("mile", "kilometre", "kilometer", "km") and \
            lower[end + 3] in OF_PLACE and lower[end + 4] == "of":
        return True
    k = end
    if before == "in" and k + 2 < n and after in ("or", "and") and doc[k + 1].is_title:
        k += 2  # "in Gyandzha or Shamkhor in Azerbaijan": the first of two
    in_place = before == "in" or (before in ("or", "and") and start >= 3 and lower[start - 3] == "in")
    if not in_place or k + 1 >= n or lower[k] != "in":
        return False
    if lower[k + 1] == "the":  # "in Bugesera in the southeastern part of Rwanda"
        k = next((j for j in range(k + 2, min(k + 5, n - 1)) if lower[j] in _PARTS and lower[j + 1] == "of"), n) + 1
    return k + 1 < n and bool(gazetteer.country(doc[k + 1].text) or gazetteer.region(doc[k + 1].text))


#: Plural nouns of places after a list of their names: "Calcasieu and Cameron parishes".
_PLACE_PLURALS = {"counties", "parishes", "provinces", "districts", "states", "regions", "cities", "towns",
                  "villages", "islands", "departments", "prefectures", "municipalities", "boroughs"}


def listed_places(doc: Doc, start: int, end: int) -> bool:
    """A name in a list that a plural noun of places closes: "Calcasieu and Cameron parishes",
    "Brazoria , Fort Bend , Galveston and southern Harris Counties"."""
    lower = _tokens.strings(doc, _tokens.LOWER)
    k, n = end, len(doc)
    if _PLACE_PLURALS.isdisjoint(lower[end:end + 12]):
        return False  # most names: no plural of places after them
    while k < n and k - end < 12:
        if lower[k] in _PLACE_PLURALS:  # "Cameron parishes" only after another name: not "EU states"
            return k > end or (start > 0 and lower[start - 1] in (",", "and", "or"))
        if not (doc[k].is_title or lower[k] in (",", "and", "or") or (doc[k].is_lower and doc[k].pos_ == "ADJ")):
            return False
        k += 1
    return False


#: A distance before a direction: "miles (north of)", "km".
_DISTANCE = re.compile(r"miles?|kilomet(?:re|er)s?|km")
#: A country's parts: "in the southeastern part of Rwanda".
_PARTS = {"part", "parts", "region", "province", "north", "south", "east", "west", "centre", "center"}


def runs(tok: Token) -> bool:
    """Whether ``tok`` is what a boss runs: the object of "of" after a boss noun."""
    head = tok.head
    return (tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN"
            and head.head.lower_ in BOSS_NOUNS)


#: Titles only an organisation's people hold: "Electrolux chief executive Hans Straberg" (not
#: "director": "Goldeneye director Martin Campbell" names a film).
_FIRM_TITLES = {"executive", "ceo", "cfo", "chairman", "chairwoman", "spokesman", "spokeswoman",
                "spokesperson", "founder"}
_FIRM_TITLE_WORDS = _FIRM_TITLES | {"chief", "deputy", "senior", "vice", "acting", "managing", "press",
                                    "financial", "finance", "operating", "technical", "technology",
                                    "commercial", "marketing", "group", "company", "corporate", "joint"}


def before_a_boss(doc: Doc, end: int) -> bool:
    """Whether a firm's title and a name follow ``end``: "Electrolux chief executive Hans
    Straberg" (the name is the firm's; not "Ohio Governor Ann Lee")."""
    k = end
    while k < len(doc) and k - end < 3 and doc[k].lower_ in _FIRM_TITLE_WORDS:
        k += 1  # not "King County police spokesman Cecil Ray": a public body's title
    return end < k < len(doc) and doc[k - 1].lower_ in _FIRM_TITLES and doc[k].pos_ == "PROPN"


def names_a_feature(doc: Doc, s: int, e: int) -> bool:
    """A name of two words or more that ends in a feature word: a river, a sea, a street (not a
    title with small words in it: "A Nightmare on Elm Street")."""
    if e - s > 2 and doc[e - 1].lower_ in ("'s", "’s"):
        e -= 1  # "Nelson Street 's funky strip"
    if e - s < 2 or any(t.is_lower and t.i > s for t in doc[s:e]):
        return False
    last, before = doc[e - 1], doc[e - 2]
    return last.text[:1].isupper() and (last.lower_ in FEATURE_WORDS or (before.lower_, last.lower_) in FEATURE_PAIRS)


#: What a contest's name is "of" when it comes round: "this year's Worlds" (not "week", "day": "this
#: week's Economist").
_EVENT_TIMES = {"year", "season", "month"}


def names_an_event(doc: Doc, s: int, e: int) -> bool:
    """A contest's, a festival's or an award ceremony's name: "the French Open", "the Grand
    Slam", "the Berlin Film Festival", "the Baftas", "this year's Worlds" (not "Open University", nor
    "open")."""
    if e > s and doc[e - 1].lower_ in ("'s", "’s"):
        e -= 1
    if e <= s:
        return False
    last = doc[e - 1]
    if (s >= 2 and doc[s - 1].lower_ in ("'s", "’s") and doc[s - 2].lower_ in _EVENT_TIMES
            and last.text[:1].isupper() and not last.is_upper and last.dep_ not in ("compound", "nmod")
            and not gazetteer.first_name_gender(doc[s].text)):
        return True  # "this year's Worlds": what comes round every year (not "last year's Janet
        # Jackson 'wardrobe malfunction'"; nor an acronym, which may be an organisation's: "CES")
    if e - s == 1:
        return last.lower_ in EVENT_NAMES and last.text[:1].isupper()
    return last.text[:1].isupper() and last.lower_ in EVENT_WORDS and not any(
        t.is_lower for t in doc[s:e] if t.i > s)


def capitalised_to_start(doc: Doc, ents: list[tuple[int, int, str]]) -> set[int]:
    """Where a one-word "name" is a common word capitalised only to start a sentence or a
    headline: the article writes it in lower case elsewhere and never capitalised inside a
    sentence ("Broadband in the UK growing fast", "Tsunami aid"; not "Labour ... the Labour
    party ... labour costs")."""
    words = _tokens.strings(doc, _tokens.ORTH)
    firsts = {words[s] for s, e, lab in ents if e - s == 1 and lab != "DATE" and doc[s].is_sent_start
              and words[s][:1].isupper() and words[s][1:].islower()}
    if not firsts:
        return set()
    seen = {words[i] for i in _tokens.select(doc, _tokens.ORTH, {w.lower() for w in firsts})}
    mid = {words[i] for i in _tokens.select(doc, _tokens.ORTH, firsts) if not doc[i].is_sent_start}
    return {s for s, e, lab in ents if e - s == 1 and words[s] in firsts and words[s] not in mid
            and words[s].lower() in seen and doc[s].is_sent_start}


#: What only a place has: "Winterset 's busiest street" (not "Acme's offices").
_A_PLACES = {"street", "residents", "mayor", "outskirts", "suburb", "inhabitant", "townspeople", "downtown"}


#: Nouns of land a place's name qualifies: "the Sierra Nevada foothills", "the Dorset coast".
_LAND_NOUNS = {"foothill", "foothills", "mountain", "mountains", "hill", "hills", "coast", "coastline",
               "shore", "shores", "highlands", "countryside", "estuary", "delta", "basin", "plateau"}


def names_a_place(tok: Token) -> bool:
    """A proper noun that modifies or is "of" a place noun, directly or through "and":
    "the Crimea region", "Donetsk and Luhansk regions", "regions of Donbass", "the Sierra Nevada
    foothills"."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    head = tok.head
    if tok.dep_ in ("compound", "nmod") and head.pos_ == "NOUN" and (
            head.lemma_.lower() in PLACE_NOUNS or head.lemma_.lower() in _LAND_NOUNS):
        return True  # "the Crimea region", "the Sierra Nevada foothills"
    if tok.dep_ == "poss" and head.lemma_.lower() in _A_PLACES:
        return True  # "Winterset 's busiest street", "the town's mayor"
    return (tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN"
            and head.head.lemma_.lower() in PLACE_NOUNS)


def a_county(text: str) -> bool:
    """A region's name that is nobody's first name or common surname: "Derbyshire", "Surrey",
    "Yorkshire" (not "Kent", "Georgia", "Washington")."""
    return (bool(gazetteer.region(text)) or (text.endswith("shire") and text.istitle())) and not (
        gazetteer.first_name_gender(text) or gazetteer.common_surname(text))


#: Acronyms of titles beyond ``TITLE_HEADS`` ("MP", "CEO"), not organisations: "PM Tony Blair".
_TITLE_ACRONYMS = {"pm", "mep", "msp", "qc", "md", "coo", "cto", "gm", "vp", "dj", "mc", "rn"}


def titled_acronyms(doc: Doc, ents: list[tuple[int, int, str]], taken: set[int]) -> list[tuple[int, int, str]]:
    """Organisations the model missed, named by an acronym right before a person's title and
    name: "CNTP Secretary Luis Cobos" (not "US President Bush": a place it knows)."""
    people = {s for s, _, lab in ents if lab == "PERSON"}
    out: list[tuple[int, int, str]] = []
    for i in _tokens.select(doc, _tokens.ORTH, lambda w: 2 <= len(w) <= 6 and w.isupper() and w.isalpha(),
                            pos=("PROPN",)):
        tok = doc[i]
        if (i in taken or known_place(tok.text) or i + 2 >= len(doc) or i + 1 in taken
                or not doc[i + 1].is_title or tok.lower_ in TITLE_HEADS or tok.lower_ in _TITLE_ACRONYMS
                or (i > 0 and doc[i - 1].text in ("-", "–"))):  # "Ex-PM Lord Callaghan": a title
            continue
        j = i + 1
        while j < len(doc) and j not in people and doc[j].lower_ in TITLE_HEADS and j - i <= 2:
            j += 1
        if j in people and j > i + 1 and not (i > 0 and doc[i - 1].is_upper and doc[i - 1].is_alpha):
            out.append((i, i + 1, "ORG"))  # not a headline in capitals
    return out
