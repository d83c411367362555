"""What a common noun says a name is: cues for ``mentions`` to correct the model's type.

Pure functions over a spaCy ``Doc`` (never modified) and token bounds:

* ``kind_named``: a common noun before a name or in apposition says what it is ("captain
  Fabien Pelous", "oil firm Yukos", "the film Vera Drake", "Unison, Britain's biggest union",
  "Malaysia's budget airline, AirAsia,", "Friends actress Lisa Kudrow").
* ``kinds_said``: what a sentence says names are ("Oxfam is a charity", "companies such as Philips
  and Alcatel", "its brands include Zanussi"; "Cate Blanchett, who": a person).
* ``played_in``: what a part is played in is a work ("her role in Closer").
* ``left_out``: the capitalised words before a name that the model left out of it.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from . import _tokens, gazetteer
from ._cues import known_place
from .lexicon import HIGH_TITLES, HONORIFICS, KIND_NOUNS

__all__ = ["kind_named", "kinds_said", "left_out", "played_in", "unlabelled_kinds"]


def left_out(doc: Doc, start: int, end: int) -> int:
    """Where the name ``doc[start:end]`` begins with the capitalised words before it that the
    model left out and the parser hung on it ("serial Desperate [Housewives]"); not a title or an
    honorific ("watchdog Sir [Philip Mawer]")."""
    pos = _tokens.strings(doc, _tokens.POS)
    while start > 1 and pos[start - 1] == "PROPN" and (tok := doc[start - 1]).dep_ == "compound" and tok.is_title \
            and start <= tok.head.i < end and tok.lower_ not in HONORIFICS and tok.lower_ not in HIGH_TITLES:
        start -= 1
    return start


#: Kind nouns the tagger may read as adjectives right before a name.
_ADJECTIVE_KINDS = {"epic", "single"}


def kind_named(doc: Doc, start: int, end: int) -> str:
    """The spaCy label that a common noun says the name ``doc[start:end]`` has, or "".

    The noun comes right before the name and governs it or is governed by it ("captain Fabien
    Pelous", "the Chilean copper company Codelco"; not an award's category: "the best film
    Oscar"), or is an organisation's, a place's or a person's noun in the apposition right after
    it ("Unison, Britain's biggest union", "Yukos, one of Russia's biggest companies", "Blackwell,
    a designer"; not "O'Neill, the head of the BMDO, the US agency").
    """
    head = doc[start:end].root
    start = left_out(doc, start, end)  # "serial Desperate [Housewives]"
    if start > 0:
        noun = doc[start - 1]
        # "gas giant Yukos's main division", where the model hangs both words on "division"
        sibling = head.dep_ == "poss" and noun.head == head.head and noun.dep_ in ("amod", "compound", "nmod")
        governs = start <= noun.head.i < end or head.head == noun or sibling or (
            # "told the BBC programme Go Digital he hoped", where the parser hung "Digital" on "hoped"
            KIND_NOUNS.get(noun.lemma_.lower()) == "WORK_OF_ART" and noun.dep_ in ("dobj", "pobj", "nsubj", "appos"))
        # "Vietnam epic Platoon", "the charity single Band Aid 20": the tagger's adjective after a noun
        tagged_adjective = noun.pos_ == "ADJ" and noun.lower_ in _ADJECTIVE_KINDS and start >= 2 and doc[
            start - 2].pos_ in ("NOUN", "PROPN")
        if ((noun.pos_ == "NOUN" or tagged_adjective) and noun.is_lower and governs
                and not any(t.lower_ == "best" for t in (*noun.children, doc[max(start - 2, 0)]))):
            kind = KIND_NOUNS.get(noun.lemma_.lower(), "") or KIND_NOUNS.get(noun.lower_, "")
            if kind:
                return kind
    if (end < len(doc) and doc[end].lower_ in ("actor", "actress") and head.head.i == end
            and head.dep_ in ("compound", "nmod") and all(t.is_title for t in doc[start:end])
            and not known_place(doc[start:end].text) and not gazetteer.demonym(doc[start:end].text)):
        return "WORK_OF_ART"  # "Friends actress Lisa Kudrow", "Holby City actor" (not "Hollywood actor")
    if start > 1 and doc[start - 1].text == "," and head.dep_ == "appos" and head.head.i == start - 2:
        noun = head.head  # "Malaysia's budget airline, AirAsia"
        if noun.pos_ == "NOUN" and noun.is_lower and (kind := KIND_NOUNS.get(noun.lemma_.lower(), "")):
            return kind
    if end < len(doc) and doc[end].text == ",":
        for c in head.children:
            if c.dep_ != "appos" or c.left_edge.i != end + 1:
                continue
            if c.lower_ == "one":  # "Yukos, one of Russia's biggest companies"
                c = next((g for p in c.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"), c)
            kind = KIND_NOUNS.get(c.lemma_.lower(), "") if c.pos_ == "NOUN" and c.is_lower else ""
            if kind in ("ORG", "GPE") or (kind == "PERSON" and not (start and doc[start - 1].lower_ == "the")):
                return kind  # "Blackwell, a designer" (not "The Streets, aka British rapper": a band)
    return ""


def kinds_said(doc: Doc) -> dict[str, str]:
    """Names that a sentence says are organisations, places, works or people, with that spaCy
    label: "Oxfam is a charity", "the airlines are Aloha, Piedmont and Southwest" (the subject of
    "be" and its complement, one a name, or names joined by "and", the other an organisation's or a
    place's noun, ``KIND_NOUNS``); names given as examples of a kind (``_examples``); and a name
    "who" is said of ("visited Cate Blanchett, who had told him": a person)."""
    out: dict[str, str] = _examples(doc)
    for i in _tokens.select(doc, _tokens.LEMMA, ("be",), pos=("AUX", "VERB")):
        verb = doc[i]
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        attr = next((c for c in verb.children if c.dep_ == "attr"), None)
        if subj is None or attr is None or any(c.dep_ == "neg" for c in verb.children):
            continue
        names, noun = (subj, attr) if subj.pos_ == "PROPN" else (attr, subj)
        kind = KIND_NOUNS.get(noun.lemma_.lower(), "") if noun.pos_ == "NOUN" and noun.is_lower else ""
        if kind in ("ORG", "GPE") and names.pos_ == "PROPN":
            out.update(_named(doc, names, kind))
    for i in _tokens.select(doc, _tokens.ORTH, ("who",)):  # (the ORTH index is built anyway)
        verb, name = doc[i].head, doc[i].head.head  # "visited Pullman, who had told him": a person
        if (doc[i].dep_ == "nsubj" and verb.dep_ == "relcl" and name.i == i - 2 and doc[i - 1].text == ","
                and name.pos_ == "PROPN" and name.tag_ != "NNPS" and name.is_title
                and not any(c.lower_ == "the" for c in name.children)):
            for text in _named(doc, name, "PERSON"):
                if text in out:
                    continue
                tags = Counter(doc[j].ent_type_ == "PERSON" for j in _tokens.select(doc, _tokens.ORTH, (text,))
                               ) if " " not in text else None
                if tags is None or tags[True] >= tags[False]:
                    out[text] = "PERSON"  # one word the model mostly calls a person: bands and clubs
                    # take "who" too ("Korn, who", "Boro, who")
    return out


def unlabelled_kinds(doc: Doc, kinds: dict[str, str], taken: set[int]) -> list[tuple[int, int, str]]:
    """The organisations and places of ``kinds`` (``kinds_said``) that the model left unlabelled,
    wherever the article writes them in capitals and no other name takes their words: "the
    airlines are Aloha, America West, ..., Orion and U.S. Air" (not "Mobile" of "T-Mobile", nor
    "Queens" of "Queens of the Stone Age")."""
    out = []
    for text, kind in kinds.items():
        if kind not in ("ORG", "GPE"):
            continue
        words = text.split()
        for i in _tokens.select(doc, _tokens.ORTH, (words[0],), pos=("PROPN",)):
            end = i + len(words)
            if end <= len(doc) and [t.text for t in doc[i:end]] == words and not taken.intersection(
                    range(i, end)) and all(t.is_title or t.is_upper for t in doc[i:end]) and not (
                    i > 0 and (not doc[i - 1].whitespace_ or doc[i - 1].is_title)) and not (  # "T-Mobile"
                    end < len(doc) and (doc[end].is_title or doc[end].lower_ == "of")):  # "Queens of the Stone Age"
                out.append((i, end, kind))
                taken.update(range(i, end))
    return out


def _named(doc: Doc, names: Token, kind: str) -> dict[str, str]:
    """``kind`` for the proper noun ``names`` and the proper nouns joined to it by "and", each
    with the proper nouns before it that qualify it ("France Telecom")."""
    out = {}
    for name in (names, *(c for c in names.conjuncts if c.pos_ == "PROPN")):
        if name.pos_ != "PROPN":
            continue
        start = name.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" \
                and doc[start - 1].head == name:
            start -= 1
        out[_tokens.text(doc, start, name.i + 1)] = kind
    return out


def _unqualified(doc: Doc, name: str) -> bool:
    """Whether no occurrence of ``name`` (its last word) has a determiner, an owner or a noun of
    its kind before it: no one's name does ("models like the Creative Zen", "stars like ...
    singing group Destiny's Child")."""
    last = name.split()[-1]
    return not any(c.dep_ in ("det", "poss") or (c.pos_ == "NOUN" and c.lower_ in KIND_NOUNS)
                   for i in _tokens.select(doc, _tokens.ORTH, (last,)) for c in doc[i].children)


#: The kinds a list of examples may say its names are ("films such as Sideways and Closer").
_LISTED_KINDS = ("ORG", "GPE", "PERSON", "WORK_OF_ART")


#: The words that give examples: "such as", "like", "including", "include" (looked up as written).
_EXAMPLE_WORDS = {"as", "like", "including", "Including", "include", "includes"}


def _examples(doc: Doc) -> dict[str, str]:
    """Names given as examples of a kind, with that spaCy label: "companies such as Nokia, Intel,
    Philips and Alcatel", "firms like Casio", "rivals including Qwest", "its brands include AEG,
    Zanussi and Frigidaire" (the kind a plural noun, ``KIND_NOUNS``)."""
    out: dict[str, str] = {}
    for i in _tokens.select(doc, _tokens.ORTH, _EXAMPLE_WORDS):
        tok = doc[i]
        if tok.lower_.startswith("include") and tok.pos_ in ("VERB", "AUX"):
            noun = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            names = next((c for c in tok.children if c.dep_ == "dobj"), None)
        else:
            if tok.dep_ != "prep" or (tok.lower_ == "as" and not any(c.lower_ == "such" for c in tok.children)):
                continue
            noun = tok.head
            names = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if noun is None or names is None or names.pos_ != "PROPN" or noun.pos_ != "NOUN" or not noun.is_lower \
                or noun.tag_ != "NNS":
            continue
        kind = KIND_NOUNS.get(noun.lemma_.lower(), "")
        if kind in _LISTED_KINDS:
            out.update({name: kind for name, kind in _named(doc, names, kind).items()
                        if kind != "PERSON" or _unqualified(doc, name)})
    return out


_PARTS = {"role", "performance", "cameo", "part"}


def played_in(doc: Doc, s: int, e: int) -> bool:
    """A name that a part is played in: "her role in Closer", "his performance in Hotel Rwanda"
    (a work; not "Bertolucci's Last Tango", whose owner the name is)."""
    root = doc[s:e].root
    first = s
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "roles in Closer and Hotel Rwanda"
        first = root.i
    while first < s and doc[first - 1].dep_ == "compound" and doc[first - 1].head == root:
        first -= 1
    prep = root.head
    return (root.dep_ == "pobj" and prep.lower_ == "in" and prep.head.lemma_.lower() in _PARTS
            and (prep.i == first - 1 or (prep.i == first - 2 and doc[first - 1].lower_ == "the"))
            and prep.head.pos_ == "NOUN" and all(t.is_title or not t.is_alpha for t in doc[s:e]))
    # (not "role in a musical - Conleth Hill for The Producers")
