"""Entity types and bounds from the context of a whole article: one type per name.

Pure functions over a spaCy ``Doc`` (never modified) and the ``(start, end,
label)`` entity triples that ``mentions`` is building; each returns a new list
(clubs and athletes in sports copy are ``kg.sports``):

* ``consistent``: within one article a name keeps one type: the type most of
  its mentions have wins ("Davies" tagged once as a person and once as a
  place), and unlabelled repeats of a name labelled elsewhere in the article
  are mentions too.
* ``trimmed``: names do not end with a score ("Burnley 4 2 0 2" is "Burnley"), and names the
  model ran together are cut apart (a score, a verb or a bracket between them; "Acme Corp. of
  Dayton" is a company and its town).
* names the model missed in headlines in capitals, institutions after a demonym ("the British
  Library") and acronyms in brackets are ``kg._missed``; wire copy's agencies, datelines and
  papers are ``kg._wire``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.tokens import Doc

from . import _tokens, gazetteer
from ._cues import known_place
from .lexicon import (
    ARMS,
    COMPANY_ENDS,
    HONORIFICS,
    INSTITUTION_ENDS,
    KIND_PREFIXES,
    NOT_SURNAMES,
    TITLE_HEADS,
)

__all__ = ["DASHES", "PARTICLES", "SCORE", "Ent", "consistent", "place_context", "place_like", "trimmed"]

Ent = tuple[int, int, str]

SCORE = re.compile(r"^\d+([-:/]\d+)?$|^\.\d+$|^\d+\.\d+$|^-$")
_NAMES = ("ORG", "GPE", "LOC", "PERSON", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT")


def place_like(text: str) -> bool:
    """A city or region the gazetteer knows."""
    return bool(gazetteer.city(text) or gazetteer.region(text))


def place_context(doc: Doc, s: int, e: int) -> bool:
    """"in Montreal", "at Detroit", a dateline "NEW YORK 1996-08-30": the place, not the club."""
    if s > 0 and doc[s - 1].lower_ in ("in", "at", "near", "from", "to", "outside", "of"):
        return True
    return (e < len(doc) and doc[e].text[:1].isdigit() and len(doc[e].text) >= 8) or (
        doc[s].is_sent_start and e < len(doc) and doc[e].text == ",")


def trimmed(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Names without the numbers spaCy glued to them ("Burnley 4 2 0 2" -> "Burnley"), and
    names it ran together cut apart (``_split``)."""
    out: list[Ent] = []
    for s0, e0, lab in ents:
        for s, e, part in _split(doc, s0, e0, lab) if lab in ("ORG", "GPE", "LOC", "PERSON") else [(s0, e0, lab)]:
            out.append(_trim(doc, s, e, part))
    return out


#: Small words inside names, never verbs: "Jurgen den Hartog", "Carlos da Silva".
PARTICLES = {"de", "van", "der", "von", "da", "di", "le", "la", "du", "dos", "del", "ul", "bin",
              "al", "ter", "den", "el"}


#: Last words of a body's name, after which a person's name can follow in one span of the model.
_BODIES = INSTITUTION_ENDS | {"fleet", "army", "navy", "police", "force", "forces", "party", "guard", "corps",
                              "patrol", "office", "bureau", "service", "court", "union", "government"}


def _split(doc: Doc, s: int, e: int, lab: str) -> list[Ent]:
    """The names in one span of the model: "Karlsruhe 2 Hansa Rostock" (a score between),
    "Skadden , Arps said Popeyes" (a verb between), "the Union of Democratic Forces ( SDS" (the
    acronym in brackets is a name of its own), "Acme Corp. of Dayton" (a company, then its town),
    "Tanzania Mr Brown" (a person from the honorific on), "the Russian Pacific Fleet Igor Khmelnov" (a
    body, then a person from a first name on)."""
    parts, start = [], s
    for k in range(s + 1, e):
        tok = doc[k]
        score = k < e - 1 and tok.text.isdigit() and doc[k - 1].text[:1].isupper() \
            and doc[k + 1].text[:1].isupper()
        verb = tok.is_lower and tok.pos_ in ("VERB", "AUX") and tok.lower_ not in PARTICLES
        if tok.lower_ in HONORIFICS and tok.is_title and k < e - 1 and doc[k - 1].text[:1].isupper():
            return [*parts, (start, k, lab), (k + 1, e, "PERSON")]  # "Tanzania Mr Brown said"
        if score or verb or tok.text == "(":
            if k > start:
                parts.append((start, k, lab))
            start = k + 1
        elif (k == s + 1 and lab in ("ORG", "GPE", "FAC") and gazetteer.demonym(doc[s].text)
              and _a_persons_name(doc, k, e)):
            return [*parts, (s, k, "NORP"), (k, e, "PERSON")]  # "beat American Abigail Spears 7-6"
        elif (k == s + 1 and lab == "PERSON" and gazetteer.demonym_country(doc[s].text)
              and not gazetteer.first_name_gender(doc[s].text)
              and all(t.text[:1].isupper() or t.text in ("-", "'") for t in doc[k:e])):
            return [*parts, (s, k, "NORP"), (k, e, "PERSON")]  # "Spaniard Guillermo Garcia-Lopez"
        elif (lab == "ORG" and k >= s + 2 and 2 <= e - k <= 3 and doc[k - 1].lower_ in _BODIES
              and gazetteer.first_name_gender(tok.text) and all(t.is_title for t in doc[k:e])):
            return [*parts, (start, k, lab), (k, e, "PERSON")]  # "the Russian Pacific Fleet Igor Khmelnov"
        elif (lab == "PERSON" and start == s and doc[k - 1].lower_ in ARMS and 2 <= e - k <= 3
              and all(t.is_title and t.is_alpha for t in doc[s:e])):
            return [(s, k, "ORG"), (k, e, "PERSON")]  # "the Soviet Navy Nikolai Kuznetsov", all a "person"
        elif lab == "ORG" and tok.lower_ == "of" and doc[k - 1].lower_ in COMPANY_ENDS and (
                place_like(doc[k + 1 : e].text) or gazetteer.country(doc[k + 1 : e].text)):
            return [*parts, (start, k, lab), (k + 1, e, "GPE")]
    if start < e and doc[e - 1].text == ")" and e - 1 > start:
        e -= 1
    if len(parts) == 0 and start == s:
        return [(s, e, lab)]
    parts.append((start, e, lab))  # a part with no capital is no name: "(Hellfire spelt backwards"
    return [(a, b, x) for a, b, x in parts if a < b and any(c.isupper() for c in doc[a:b].text)]


_MATCH_SCORE = re.compile(r"\d+[-:]\d+")
_CODE = re.compile(r"[A-Z]{2}\d{8,}")


def _trim(doc: Doc, s: int, e: int, lab: str) -> Ent:
    while e > s + 1 and doc[e - 1].is_space:
        e -= 1  # the line break after a headline's last word: "London hope over Chepkemei\n\n"
    if lab in _NAMES and e - s > 1 and doc[s].lower_ == "the":
        s += 1  # "The Lib Dems say": the name, with "the" before it for the rules that read it
    while lab == "PERSON" and s < e - 1 and (doc[s].text in DASHES or (
            doc[s].is_lower and doc[s + 1].text in DASHES and doc[s].lower_ not in PARTICLES)):
        s += 1  # "ex-England (fast bowler)": "England" (not "al-Gama'a al-Islamiya")
    if lab in ("ORG", "GPE", "LOC", "PERSON", "NORP"):
        k = e
        while k > s + 1 and SCORE.match(doc[k - 1].text):
            k -= 1
        if k < e and (e - k >= 2 or lab != "ORG" or _MATCH_SCORE.fullmatch(doc[e - 1].text)):
            e = k  # one number after a company may be its name ("Airbus A320"), "4-0" is not
        k = s
        while k < e - 1 and (SCORE.match(doc[k].text) or doc[k].text in ("-", ".")
                             or _CODE.fullmatch(doc[k].text)):
            k += 1  # and a wire service's story code: "JN1404193394 Damascus"
        s = k
        # a dash and small words after the name: "Linda Kasabian - the (getaway driver)"
        dash = next((j for j in range(s + 1, e) if doc[j].text in DASHES
                     and doc[j - 1].whitespace_), None)  # not "Yoo Ji-chang", "Blu-ray"
        if dash is not None and all(t.is_lower for t in doc[dash + 1 : e]):
            e = dash
    if lab == "ORG" and e - s >= 2 and doc[e - 1].is_title and (
            doc[e - 1].lower_ in TITLE_HEADS or doc[e - 1].lower_ + "." in TITLE_HEADS) and (
            (e < len(doc) and doc[e].ent_type_ == "PERSON")
            or (e + 1 < len(doc) and doc[e].text == "." and doc[e + 1].ent_type_ == "PERSON")):
        e -= 1  # "county Fire Department Capt. Hugh Madlock": the title is the person's
    if lab == "PERSON" and e - s >= 2 and doc[e - 1].tag_ == "POS":
        e -= 1  # "Alexander Lebed 's plan": a person's name takes no possessive (a firm's may: "Church 's")
    while (lab == "PERSON" and e < len(doc) and doc[e - 1].dep_ == "compound" and doc[e - 1].head.i == e
           and doc[e].pos_ == "PROPN" and doc[e].is_title and doc[e].is_alpha and len(doc[e]) > 1
           and not doc[e].ent_type_
           and doc[e].lower_ not in NOT_SURNAMES and not known_place(doc[e].text)):
        e += 1  # the surname the model left out: "John Wilkes [Booth] shot", "William French [Smith]"
    if lab in ("ORG", "PERSON", "GPE") and e - s >= 2 and doc[s].is_title \
            and doc[s].lower_ in KIND_PREFIXES and doc[s + 1].text[:1].isupper() and (
                s == 0 or doc[s].is_sent_start or doc[s - 1].text in _QUOTES):
        s, lab = s + 1, "ORG"  # "Telco BT stepped in", "Chipmaker Intel said"
    if lab in ("ORG", "PERSON") and e - s >= 2 and (s == 0 or doc[s].is_sent_start) and doc[s].is_title \
            and doc[s].lower_.endswith("ing") and len(doc[s]) > 5 and doc[s].is_alpha and doc[s + 1].is_title \
            and not gazetteer.common_surname(doc[s].text) and not gazetteer.first_name_gender(doc[s].text):
        s += 1  # "Evaluating Juppe 's visit, Cetin said": a verb opens the sentence (not "Manning Smith")
    if lab in _NAMES:
        # quotes before a name, a small word and what follows it after: "the ` ` Slum Angel of
        # (Bangkok)", "the Tchaikovsky International Competition for young (musicians)"; not
        # "the Iraq war", "the Commons home affairs committee"
        while s < e - 1 and doc[s].text in _QUOTES:
            s += 1
        k = e
        while k > s + 1 and doc[k - 1].is_alpha and doc[k - 1].is_lower:
            k -= 1
        if doc[e - 1].pos_ not in ("NOUN", "PROPN"):
            e = next((j for j in range(k, e) if doc[j].pos_ in _SMALL), e)
        elif k == s + 1 and gazetteer.news_agency(doc[s].text):
            e = k  # "Interfax news agency": the agency's name is "Interfax"
    return s, e, lab


DASHES = {"-", "–", "—"}
_SMALL = {"ADP", "CCONJ", "SCONJ", "DET"}  # "of", "and", "that", "the"
_QUOTES = {"`", "``", "'", "''", '"', "“", "‘"}


def _a_persons_name(doc: Doc, s: int, e: int) -> bool:
    """A census first name and a surname, perhaps with a particle ("Luigi del Neri"), and no word
    of an organisation's, a building's or an event's name nor a demonym ("William Hill" passes:
    the caller needs more)."""
    if not 2 <= e - s <= 3:
        return False
    orth = _tokens.strings(doc, _tokens.ORTH)
    words = orth[s:e]
    return (bool(gazetteer.first_name_gender(words[0]))
            and all(w.isalpha() and (w.istitle() or (w in PARTICLES and 0 < n < len(words) - 1))
                    for n, w in enumerate(words))
            and not any(w.lower() in NOT_SURNAMES or gazetteer.demonym(w) for w in words)
            and not known_place(" ".join(words)) and not known_place(words[0])
            and not (s > 0 and orth[s - 1].lower() == "the"))  # not "the Royal Scots"


def consistent(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """One type per name in an article, and unlabelled repeats of labelled names added.

    A one-word "person" that is no word of anyone's full name in the article is an
    organisation if the article mostly calls it one ("Labour") or names an organisation
    starting with it ("the Labour Party"), and the people if it is a demonym ("the Welsh
    assembly").
    """
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for s, e, lab in ents:
        if lab in _NAMES:
            votes[_tokens.text(doc, s, e)][lab] += 1
    # the words of people's full names, also where the model left the first name out
    # ("Randall Cunningham" tagged "Cunningham"): "Wang" of "Wang Donghai" stays a person
    full = [(s, e) for s, e, lab in ents if lab == "PERSON"
            and (e - s >= 2 or (s > 0 and doc[s - 1].pos_ == "PROPN" and doc[s - 1].is_title))]
    named = {doc[i].text for s, e in full for i in (s, e - 1)}
    lasts = {doc[e - 1].text for s, e in full}
    # where each surname is first written in a full name, and its first "organisation" alone after
    # the article's first sentence (a headline may open with it: "Capriati to miss Melbourne")
    introduced: dict[str, int] = {}
    for s, e in full:
        if e - s >= 2 and gazetteer.first_name_gender(doc[s].text) and doc[e - 1].is_title:
            for surname in {doc[e - 1].text, _tokens.text(doc, s + 1, e)}:  # "Lewis", "Day-Lewis"
                introduced[surname] = min(s, introduced.get(surname, s))
    first_org: dict[str, int] = {}
    opening = doc[0].sent.end if len(doc) else 0
    for s, e, lab in ents:
        if lab == "ORG" and s >= opening and " " not in (text := _tokens.text(doc, s, e)):
            first_org.setdefault(text, s)
    alone = {doc[s].text for s, e, lab in ents if lab == "PERSON" and e - s == 1}
    people = {i for s, e, lab in ents if lab == "PERSON" for i in range(s, e)}
    surnames = {doc[e - 1].text for s, e, lab in ents if lab == "PERSON" and e - s >= 2}
    # the last words of organisations' names of several words: "Eagles" of "the Philadelphia Eagles"
    # (not "Africa" of "the Commission for Africa")
    words = _tokens.strings(doc, _tokens.ORTH)
    trailing = {words[e - 1] for s, e, lab in ents if lab == "ORG" and e - s >= 2
                and all(w.istitle() for w in words[s + (words[s].lower() == "the"):e])}
    # the first words of organisations' names of several words: "Labour" of "the Labour Party"
    leading = {doc[f].text for s, e, lab in ents if lab == "ORG"
               and e - (f := s + (doc[s].lower_ == "the")) >= 2 and doc[f].is_title}
    out: list[Ent] = []
    for s, e, lab in ents:
        text = _tokens.text(doc, s, e)
        count = votes.get(text)
        if count and lab in _NAMES and len(count) > 1:
            (top, n), (_, m) = count.most_common(2)
            if (lab == "ORG" and e - s == 1 and count["PERSON"] and text in surnames
                    and text not in leading and not known_place(text)):
                lab = "PERSON"  # "Randall Cunningham … Cunningham said … Cunningham rushed for 4,482
                # yards": the surname the model also calls a person (not "Ford" of "Ford Motor")
            elif n >= 2 * m and n >= 2 and lab != "PERSON" and not (  # "at Detroit": the city, not the club
                    top == "ORG" and place_context(doc, s, e)
                    and (place_like(text) or gazetteer.country(text))):
                lab = top
            elif lab in ("GPE", "LOC", "FAC") and count["ORG"] and (
                    (top == "ORG" and n > count[lab]) or (count["ORG"] == count[lab] and e - s == 1)
            ) and not known_place(text):
                lab = "ORG"  # "BT" 5 times an organisation, 3 times a "place" no gazetteer knows; a
                # word as often one as the other: "Telco BT said ... London's BT tower", "Oxfam says ...
                # Oxfam's Barbara Stocking" (700 BBC: 2 right, "Longbridge" the plant's town wrong)
            elif (lab == "PERSON" and e - s == 1 and text not in named and count["ORG"] and (
                    (top == "ORG" and n > count["PERSON"] and n >= 2)
                    or (s > 0 and doc[s - 1].lower_ in ("at", "in") and doc[s].dep_ == "pobj"))):
                lab = "ORG"  # "Labour" 7 times an organisation, 4 times a "person": nobody's name;
                # "involved at Everton" where the article names the club: nobody is "at" a person
            elif (lab == "PERSON" and top in ("GPE", "LOC") and n > count["PERSON"] and n >= 2
                  and e - s == 1 and text not in named and place_like(text)):
                lab = top  # "Glasgow hosts tsunami gig": a city the article names as one elsewhere
        if lab in ("ORG", "GPE", "LOC", "FAC") and _a_persons_name(doc, s, e) and (
                doc[e - 1].text in alone or (s > 0 and gazetteer.demonym(doc[s - 1].text))
                or (s > 1 and doc[s - 1].lower_ in ("'s", "’s") and gazetteer.country(doc[s - 2].text))
                or (e + 1 < len(doc) and doc[e].lower_ == "of" and gazetteer.country(doc[e + 1].text))
                or any(t.i in people and (t.i - 1 in people or votes[text]["ORG"] <= 1)  # not "William Hill
                       for t in doc[s:e].root.conjuncts)):  # and Ladbrokes" where the bookmaker is named again
            lab = "PERSON"  # "Philip Pullman's His Dark Materials ... visited Pullman", "Russian Nadia
            # Petrova", "Russia's Elena Dementieva", "written by Lionel Richie and Michael Jackson"
        if (lab == "ORG" and " " not in text and text in introduced and introduced[text] < first_org.get(text, len(doc))
                and text not in leading and not known_place(text)):
            lab = "PERSON"  # "Jennifer Capriati has become ... Capriati is a two-time champion": named in
            # full, then by surname (not "Dell's profits ... founder Michael Dell": the firm came first)
        if lab in ("GPE", "LOC") and e - s == 1 and text in lasts and not known_place(text):
            lab = "PERSON"  # "Russia's Zvonareva" where the article names "Vera Zvonareva": no town
        if lab in ("GPE", "LOC") and e - s == 1 and text in trailing and not known_place(text):
            lab = "ORG"  # "the Philadelphia Eagles … the Eagles": the club by its short name
        if (lab == "PERSON" and e - s == 1 and text in leading and text not in named
                and not gazetteer.first_name_gender(text)
                and not any(c.dep_ == "appos" for c in doc[s].children)):
            lab = "ORG"  # "Labour" where the article names "the Labour Party" (not "Philip"; not
            # "Epps, owner of Epps Aviation")
        if (lab == "PERSON" and e - s == 1 and text not in named and gazetteer.demonym_country(text)
                and not (s > 0 and doc[s - 1].lower_ in HONORIFICS)):
            lab = "NORP"  # "the Welsh assembly"; not "Dawn French ... French said", "Mr English"
        out.append((s, e, lab))
    taken = {i for s, e, _ in out for i in range(s, e)}
    first: dict[str, tuple[str, int]] = {}  # a token's text -> (label, length) of a name starting there
    # the labels the names have now: "Labour" the model called a person once is the party above,
    # and so is its repeat
    settled: dict[tuple[str, str], int] = {}
    for s, e, lab in out:
        key = (_tokens.text(doc, s, e), lab)
        settled[key] = settled.get(key, 0) + 1
    top: dict[str, tuple[int, str]] = {}
    for (text, lab), n in settled.items():  # the commonest label, the first seen of equals
        if n > top.get(text, (0, ""))[0]:
            top[text] = (n, lab)
    for s, e, lab in out:
        if lab in ("PERSON", "ORG", "GPE", "LOC"):
            first.setdefault(doc[s].text, (top[_tokens.text(doc, s, e)][1], e - s))
    for i in _tokens.select(doc, _tokens.ORTH, first):
        tok = doc[i]
        if tok.i in taken or not tok.text[:1].isupper():
            continue
        lab, n = first[tok.text]
        end = tok.i + n
        if end > len(doc) or any(i in taken for i in range(tok.i, end)):
            continue
        span = doc[tok.i:end]
        if span.text in votes and all(t.pos_ == "PROPN" for t in span) and (
                end == len(doc) or not (doc[end].text[:1].isupper() and doc[end].pos_ == "PROPN")) and (
                tok.i == 0 or not (doc[tok.i - 1].text[:1].isupper() and doc[tok.i - 1].pos_ == "PROPN")):
            out.append((tok.i, end, lab))
            taken.update(range(tok.i, end))
    return sorted(out)
