"""What the words around a name say of a person: cues for ``mentions`` to find people the model
missed or mistyped.

Pure functions over a spaCy ``Doc`` (never modified) and token bounds:

* ``is_person``: a person's context ("Officer Tippit", "Dr. Siti Hasmah", "Smith , 45 ,",
  "Harrington , a professor", "the assassination of X", "X was born", "made X president").
* ``victim``: whom a killing is about is a person even where a town has the name ("shot
  Lincoln", "Lincoln 's killer").
* ``followed_by_who``: a name a "who" clause follows is a person's ("Copland , who was born").
* ``says_he``: a name that says something of "he" or "she" is a person's ("Lebed said he hoped").
* ``surnames_of``: the surnames of the people an article names in full.
* (names the model left unlabelled are found by ``kg._unlabelled``, with these cues)
* ``title_before``, ``is_title_word``: the title before a name and the role it names ("former
  Defense Minister Hulusi Akar"); ``grow_person``: first names the model left out ("Oleksii").
* ``addressed``: the surnames written after an honorific ("Ms Fiorina"): a name ending in one
  is a person's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import replace

import numpy as np
from spacy.attrs import IS_UPPER, LENGTH
from spacy.tokens import Doc, Token

from . import _tokens, gazetteer
from ._cues import known_place
from .lexicon import (
    ARMS,
    BUILDING_WORDS,
    HIGH_TITLES,
    HONORIFICS,
    KILLING_VERBS,
    KIND_NOUNS,
    NAME_TITLES,
    NAMING_VERBS,
    ORG_CLASS,
    ORG_WORDS,
    PERSON_CONTEXT,
    PERSON_NOUNS,
    SAY_VERBS,
    SOMEONE_NOUNS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    VICTIM_WORDS,
)
from .types import Mention

__all__ = ["addressed", "capitals_named", "described", "followed_by_who", "given_a_job",
           "grow_person", "is_person", "is_title_word", "listed_people", "party_names", "says_he", "surnames_of",
           "title_before", "victim"]


def is_person(doc: Doc, start: int, end: int) -> bool:
    """A name the model typed otherwise whose context says it is a person's."""
    if start > 0 and doc[start - 1].text[:1].isupper() and (
            doc[start - 1].lower_ in HONORIFICS or doc[start - 1].lower_ in TITLE_HEADS):
        return True  # "Officer Tippit", "Mrs. Vogt"
    first, last = doc[start].lower_, doc[end - 1].lower_
    titled = first in NAME_TITLES and last not in BUILDING_WORDS and not any(
        t.is_lower for t in doc[start + 1 : end])
    if end - start >= 2 and (first in HONORIFICS or titled):
        return True  # "Dr. Siti Hasmah", "Prince Norodom Ranariddh" (not "King Edward Hospital")
    head = doc[start:end].root
    if head.dep_ == "appos" and head.head.lemma_.lower() in HIGH_TITLES:
        return True  # "the last King of Peru, Atahualpa", "its president Nursultan Nazarbayev"
    if described(doc, end, head) or _born(head, doc[end - 1]) or given_a_job(doc, start, end):
        return True
    if head.dep_ == "poss" and head.head.lower_ == "home" and head.head.dep_ not in ("compound", "amod", "nmod"):
        return True  # "Sohn 's New Jersey home" (not "Chelsea's home game")
    if head.dep_ == "nsubj" and head.head.lemma_.lower() in KILLING_VERBS and not doc[start].is_upper and any(
            c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in head.head.children):
        return True  # "Sirhan shot Kennedy" (not "ETA killed Miguel Angel Blanco": an acronym)
    victim_of = head.head.lemma_.lower() if head.dep_ in ("dobj", "poss", "pobj") else ""
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        victim_of = head.head.head.lemma_.lower()
    return victim_of in PERSON_CONTEXT


def victim(doc: Doc, start: int, end: int) -> bool:
    """Whether the name is whom a killing or an assassin's noun is about ("the assassin of
    Lincoln", "Lincoln 's killer", "murdered Tippit", "shot Lincoln", "fired at Kennedy"): a
    person even where a town has the name."""
    head = doc[start:end].root
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        return head.head.head.lemma_.lower() in VICTIM_WORDS
    if head.dep_ == "poss":
        return head.head.lemma_.lower() in VICTIM_WORDS
    if head.dep_ == "pobj" and head.head.lower_ == "at":  # "fired at Kennedy", not "shot at Ascot"
        return head.head.head.lemma_.lower() == "fire"
    return head.dep_ == "dobj" and head.head.lemma_.lower() in KILLING_VERBS


def followed_by_who(doc: Doc, start: int, end: int) -> bool:
    """Whether a relative clause opened by "who" follows the name: "Copland , who was born in
    Brooklyn" (places and firms take "which")."""
    return (end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "who"
            and doc[end - 1].tag_ != "NNPS"  # "the Tamil Tigers , who": a people or a team
            and not (start > 0 and doc[start - 1].lower_ == "the") and doc[start].lower_ != "the"  # "The Bravery"
            and any(c.dep_ == "relcl" and c.left_edge.i == end + 1 for c in doc[start:end].root.children))


def says_he(head: Token) -> bool:
    """Whether the name whose root is ``head`` says something of "he" or "she" ("Lebed said on
    Friday he hoped", "Chapman said he first got the idea"): the speaker of a man's or a woman's
    words about themselves.  A weak cue, for that mention only: a club "said he" of a player
    ("Celtic said he would miss the game"), so it never types the name's other mentions."""
    if head.dep_ != "nsubj" or head.head.lemma_.lower() not in SAY_VERBS or not head.is_title or any(
            c.lower_ == "the" for c in head.children):  # not "The MEP said he": a description
        return False
    return any(c.dep_ == "ccomp" and c.i > head.head.i and any(
        g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in ("he", "she") for g in c.children)
        for c in head.head.children)


def _born(head: Token, last: Token) -> bool:
    """The subject of "was born": "Norton Winfred Simon was born on Feb. 5" (not "the Warner
    Group was born")."""
    return (head.dep_ == "nsubjpass" and head.head.lower_ == "born"
            and last.lower_ not in ORG_CLASS and last.lower_ not in ORG_WORDS)


def _named_so(head: Token) -> bool:
    """"Harrington was named honorary president", "a mysterious man called Raoul"."""
    verb = head.head
    if head.dep_ == "nsubjpass":
        return verb.lemma_.lower() in NAMING_VERBS and any(
            c.dep_ in ("oprd", "attr", "xcomp") and c.lower_ in TITLE_HEADS for c in verb.children)
    return verb.lemma_.lower() in ("call", "name") and verb.dep_ == "acl" and verb.head.lower_ in SOMEONE_NOUNS


def given_a_job(doc: Doc, start: int, end: int) -> bool:
    """The name a verb of naming gives a person's title: "made Emile Jonassaint provisional
    president", "named Rick Wagoner chief executive", "Harrington was named honorary president";
    or the name "called" gives someone: "a mysterious man called Raoul"."""
    head = doc[start:end].root
    if head.dep_ in ("nsubjpass", "oprd") and _named_so(head):
        return True
    j = end
    while j < len(doc) and doc[j].is_lower and doc[j].pos_ == "ADJ":
        j += 1
    if j >= len(doc) or not doc[j].is_lower or doc[j].lower_ not in TITLE_HEADS:
        return False
    verb = doc[j].head if doc[j].dep_ in ("oprd", "dobj", "xcomp", "ccomp") else None
    return verb is not None and verb.i < start and verb.lemma_.lower() in NAMING_VERBS


def described(doc: Doc, end: int, head: Token) -> bool:
    """Whether the name ending at ``end`` (its root ``head``) is followed by an age or a
    person's job in apposition: "Smith , 45 ,", "Harrington , a professor", "Kruhlow , a
    72-year-old deputy"."""
    return end < len(doc) and doc[end].text == "," and any(
        c.dep_ == "appos" and c.left_edge.i == end + 1 and (
            (c.text.isdigit() and 0 < int(c.text) < 120) or c.lemma_.lower() in PERSON_NOUNS or _aged(c))
        for c in head.children)  # not "Rugby Special, 2340 on BBC Two", "Grand Slam, the second"


#: Nouns only people are, beyond jobs: "a 72-year-old deputy", "a 30-year-old man".
_PEOPLES_NOUNS = SOMEONE_NOUNS | {"deputy", "veteran", "father", "mother", "son", "daughter", "student",
                                  "teacher", "widow", "widower", "pensioner", "grandmother", "grandfather",
                                  "businessman", "businesswoman", "farmer", "housewife", "mum", "dad"}


def _aged(noun: Token) -> bool:
    """A person's noun an age qualifies: "a 72-year-old deputy" (one token or five); not "a
    72-year-old company"."""
    lemma = noun.lemma_.lower()
    return (lemma in _PEOPLES_NOUNS or KIND_NOUNS.get(lemma) == "PERSON") and any(
        a.dep_ == "amod" and (a.lower_.endswith("-year-old") or (
            a.lower_ == "old" and any(y.lemma_.lower() == "year" for y in a.children))) for a in noun.children)


def surnames_of(doc: Doc, ents: Collection[tuple[int, int, str]]) -> set[str]:
    """The surnames of the people an article names in full: the last word, and the first of two
    where it is a census surname and no first name ("Wang Dan ... Wang said")."""
    full = [(s, e) for s, e, lab in ents if lab == "PERSON" and e - s >= 2 and doc[s].text[:1].isupper()]
    return {doc[e - 1].text for s, e in full} | {
        doc[s].text for s, e in full if e - s == 2 and doc[s].is_title
        and not gazetteer.first_name_gender(doc[s].text) and not known_place(doc[s].text)
        and gazetteer.common_surname(doc[s].text)}


def addressed(doc: Doc) -> set[str]:
    """The surnames the article writes after an honorific ("Ms Fiorina", "Mr Vince Cable"): a
    name ending in one is a person's ("Carly Fiorina", which the model took for a firm)."""
    out = set()
    for i in _tokens.select(doc, _tokens.LOWER, HONORIFICS):
        j = i + 1
        while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title and j - i <= 3:
            j += 1
        if j > i + 1:
            out.add(doc[j - 1].text)
    return out


#: Words before a title that are no part of the role: "former Defence Minister".
_DROP_FROM_ROLE = {"former", "then", "new", "late", "ex", "ex-", "outgoing", "incoming"}


def is_title_word(tok: Token) -> bool:
    """A word of a title or what qualifies one: "Minister", "Defense", "former"."""
    low = tok.lower_
    return low in TITLE_HEADS or low in TITLE_MODIFIERS or low in _DROP_FROM_ROLE


def title_before(doc: Doc, start: int) -> tuple[int, str]:
    """Where a title in front of token ``start`` begins, and the role it names."""
    i = start
    while i > 0:
        tok = doc[i - 1]
        if is_title_word(tok) and not tok.is_space:
            i -= 1
        elif tok.lower_ == "of" and i > 1 and doc[i - 2].lower_ in TITLE_HEADS and i < start:
            i -= 1  # "Secretary of State"
        elif tok.text == "." and i == start and i > 1 and not doc[i - 2].whitespace_ \
                and doc[i - 2].lower_ + "." in TITLE_HEADS:
            i -= 1  # "Capt . Hugh Madlock": the abbreviation's full stop the tokenizer split off
        elif doc[i].text == "." and i < start and tok.lower_ + "." in TITLE_HEADS:
            i -= 1  # ... and the abbreviation
        else:
            break
    words = [t for t in doc[i:start]]
    if not any(t.lower_ in TITLE_HEADS or t.lower_ + "." in TITLE_HEADS for t in words):
        return start, ""
    role_words = [t.text for t in words if t.lower_ not in _DROP_FROM_ROLE and t.text != "."]
    if all(w.lower() in HONORIFICS for w in role_words):
        return i, ""
    while role_words and role_words[0].lower() == "of":
        role_words.pop(0)
    return i, " ".join(role_words)


def grow_person(doc: Doc, start: int, end: int) -> int:
    """Take in proper nouns the NER left out or took for a one-word organisation: "Oleksii" in
    "Oleksii Reznikov", "Sacha" in "Sacha Baron Cohen" (not "BBC", nor a known place, nor a
    people: "American Serena Williams", nor a force: "the Soviet Navy Nikolai Kuznetsov")."""
    while start > 0:
        tok = doc[start - 1]
        lone_org = (tok.ent_type_ == "ORG" and tok.ent_iob_ == "B" and doc[start].ent_iob_ != "I"
                    and not tok.is_upper and not known_place(tok.text))
        if (tok.pos_ == "PROPN" and tok.dep_ == "compound" and start <= tok.head.i < end
                and (tok.ent_type_ in ("", "PERSON") or lone_org) and not is_title_word(tok)
                and tok.lower_ not in HONORIFICS and tok.lower_ not in ARMS and tok.text[:1].isupper()
                and not gazetteer.demonym(tok.text)):  # not "American Serena Williams"
            start -= 1
        else:
            break
    return start


def listed_people(doc: Doc, ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``ents`` with the names listed among people ("A , B , C and D", at least two of the others
    people named in full) made people where the model took them for organisations or places:
    "Cate Blanchett , Leonardo DiCaprio , Keanu Reeves and Richard Gere"; and a one-word "place"
    no gazetteer knows paired with a person ("Brutus and Cassius").  Only a name of two or
    three capitalised words (not a band's one word: "Elton John , Madonna and Coldplay"), not
    after "the", nor a place the gazetteer knows."""
    runs: list[list[tuple[int, int, str]]] = []
    last = -1
    lower = _tokens.strings(doc, _tokens.LOWER)
    for s, e, lab in sorted(ents):
        joined = bool(runs) and 1 <= s - last <= 2 and all(lower[k] in (",", "and", "or") for k in range(last, s))
        if joined:
            runs[-1].append((s, e, lab))
        else:
            runs.append([(s, e, lab)])
        last = e
    changed: dict[tuple[int, int], str] = {}
    for run in runs:
        if len(run) == 2 and sum(lab == "PERSON" for _, _, lab in run) == 1:
            # "Brutus and Cassius": a one-word "place" no gazetteer knows, paired with a person
            # the unknown word second, "and" between: "Glasgow and Smith" says nothing
            (s, e, lab) = run[1]
            if lab in ("GPE", "LOC") and e - s == 1 and doc[s].is_title and not known_place(doc[s].text) \
                    and run[0][2] == "PERSON" and lower[s - 1] == "and":
                changed[(s, e)] = "PERSON"
        if len(run) < 3:
            continue
        full = sum(1 for s, e, lab in run if lab == "PERSON" and e - s >= 2)
        for s, e, lab in run:
            if (lab in ("ORG", "GPE", "FAC", "PRODUCT", "WORK_OF_ART") and full >= 2 and 2 <= e - s <= 3
                    and all(t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in doc[s:e])
                    and not (s > 0 and doc[s - 1].lower_ == "the") and not known_place(doc[s:e].text)):
                changed[(s, e)] = "PERSON"
    return [(s, e, changed.get((s, e), lab)) for s, e, lab in ents]


def capitals_named(doc: Doc, ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``ents`` with the people of a headline in capitals that the article names in full: "SOCCER -
    SHEARER NAMED AS ENGLAND CAPTAIN" where the text says "Alan Shearer", "PANAMA 'S ROBERTO DURAN
    FIGHTS" where it says "Roberto Duran" (the model tags few words in capitals).  A word in
    capitals that another name of the model takes in is cut out of it only where that name is in
    capitals too ("SHEARER NAMED")."""
    upper = np.flatnonzero(_tokens.column(doc, IS_UPPER).astype(bool) & (_tokens.column(doc, LENGTH) >= 3))
    names = {(s, e): _tokens.text(doc, s, e) for s, e, lab in ents if lab == "PERSON" and e - s >= 2} \
        if len(upper) else {}
    people = [(s, e) for (s, e), name in names.items() if not name.isupper()]
    if not people:
        return ents
    full = {names[s, e].upper(): e - s for s, e in people}
    words = _tokens.strings(doc, _tokens.ORTH)
    last = {words[e - 1].upper() for s, e in people}
    owner = {i: n for n, (s, e, _) in enumerate(ents) for i in range(s, e)}
    found: list[tuple[int, int]] = []
    for i in upper.tolist():
        if not words[i].replace("'", "").isalpha():
            continue
        if found and i < found[-1][1]:
            continue
        word = words[i]
        two = _tokens.text(doc, i, i + 2).upper() if i + 2 <= len(doc) else ""
        n = 2 if full.get(two) == 2 and words[i + 1].isupper() else 1 if (
            word in last and not known_place(word.title())) else 0  # not "LA CORUNA"
        # a word of a person already ("Martin Luther King III") stays where it is, and so does the
        # end of another name in capitals ("LA CORUNA"; but "SOCCER - KLINSMANN", "SHEARER NAMED")
        if n and all(i + k not in owner or (ents[owner[i + k]][2] != "PERSON"
                     and doc[ents[owner[i + k]][0]:ents[owner[i + k]][1]].text.isupper()
                     and (ents[owner[i + k]][0] == i or "-" in doc[ents[owner[i + k]][0]:i].text))
                     for k in range(n)):
            found.append((i, i + n))
    if not found:
        return ents
    hit = {owner[k] for s, e in found for k in range(s, e) if k in owner}
    return sorted([x for n, x in enumerate(ents) if n not in hit] + [(s, e, "PERSON") for s, e in found])


def party_names(mentions: list[Mention], surnames: set[str] | frozenset[str]) -> list[Mention]:
    """A "person" of two words or more whose name, or its plural, the article gives more often
    an organisation is that organisation: "Lib Dem hypocrisy" where "the Lib Dems" are a party,
    "the Lib Dems' plans" where the model took "Dems" for a person's name and the name grew to
    "Lib Dems".  Not one word ("the Clintons" is a family), nor the surname of someone named in
    full, nor a name that starts with a first name or whose last word names a person alone
    ("Cate Blanchett", once an organisation to the model, is the Blanchett who "said")."""
    if not any(m.label == "PERSON" and " " in m.text for m in mentions):
        return mentions
    labels: dict[str, Counter[str]] = {}
    for m in mentions:
        if m.label in ("PERSON", "ORG"):
            labels.setdefault(m.text, Counter())[m.label] += 1
    alone = {m.text for m in mentions if m.label == "PERSON" and " " not in m.text}

    def organisation(name: str) -> bool:
        words = name.split()
        if len(words) < 2 or name in surnames or gazetteer.first_name_gender(words[0]) or words[-1] in alone:
            return False
        both = labels.get(name, Counter()) + labels.get(f"{name}s", Counter())
        return both["ORG"] > both["PERSON"]

    return [replace(m, label="ORG", role="") if m.label == "PERSON" and organisation(m.text) else m
            for m in mentions]
