"""People the model left unlabelled: names an age, a job, a title or an honorific says are a
person's ("Tal, a senior official", "Crimean Deputy Yevhen Saburov", "Mr Ebbers denied"),
surnames alone of people named in full, and census first names with a surname.

Pure functions over a spaCy ``Doc`` (never modified); each takes the set of tokens already inside
a name and adds the tokens of the names it finds.  (Moved from ``kg._people``, which had grown
past 400 lines.)
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Token

from . import _tokens, gazetteer
from ._cues import known_place
from ._people import described, says_he
from .lexicon import BUILDING_WORDS, FEATURE_WORDS, HONORIFICS, TITLE_HEADS, TITLE_MODIFIERS

__all__ = ["first_named", "unlabelled_people"]


def unlabelled_people(doc: Doc, taken: set[int], surnames: Collection[str] = ()) -> list[tuple[int, int, str]]:
    """Names the model left unlabelled that an age or a person's job in apposition says are
    people's: "Tal, a senior Defense Ministry official" (``described``), and the surnames alone
    of people the article names in full ("Arsene Wenger ... Wenger added").  ``taken`` gains
    their tokens."""
    out = []
    for i in _tokens.select(doc, _tokens.ORTH, lambda t: t[:1].isupper() and t[1:].islower(),
                            pos=("PROPN", "NOUN")):
        if i in taken or (i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].is_title) or (
                doc[i].lower_ in HONORIFICS or doc[i].lower_ in TITLE_HEADS):
            continue
        if doc[i].pos_ == "NOUN":  # "Winter, 53, a former law professor": a surname the tagger read as a word
            if doc[i].is_sent_start and not gazetteer.demonym(doc[i].text) and described(doc, i + 1, doc[i]):
                out.append((i, i + 1, "PERSON"))
                taken.add(i)
            continue
        end = i
        while end < len(doc) and end - i < 3 and end not in taken and doc[end].pos_ == "PROPN" \
                and doc[end].is_title and doc[end].is_alpha:
            end += 1
        text = doc[i:end].text
        if (end > i and end not in taken and not known_place(text) and not gazetteer.demonym(text)
                and (described(doc, end, doc[i:end].root) or says_he(doc[i:end].root)
                     or _lived(doc[i:end].root) or (
                    # not "Silk" of "Kilroy-Silk"
                    end == i + 1 and text in surnames and not (i > 0 and doc[i - 1].text == "-"
                                                               and not doc[i - 1].whitespace_)))):
            out.append((i, end, "PERSON"))
            taken.update(range(i, end))
    # a surname opening a sentence or a headline, which the tagger reads as a common word:
    # "Davenport dismantles young rival" (though a town has the name), "Connors has also agreed",
    # "Lopez, who lost"
    for i in _tokens.select(doc, _tokens.ORTH, set(surnames), pos=("NOUN", "ADJ", "PROPN")):
        if i not in taken and doc[i].is_sent_start and doc[i].is_title and not gazetteer.demonym(doc[i].text) \
                and doc[i].lower_ not in TITLE_HEADS and not (  # not "Lord Callaghan, who"
                    i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN" and doc[i + 1].is_title):
            out.append((i, i + 1, "PERSON"))
            taken.add(i)
    # a full name after a capitalised title: "Crimean Deputy Yevhen Saburov" (not a headline
    # written in capitals: "Minister Orders Audit of Ostankino Finances")
    for i in _tokens.select(doc, _tokens.LOWER, TITLE_HEADS, pos=("PROPN", "NOUN")):
        j = i + 1
        while j < len(doc) and j - i <= 3 and j not in taken and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() \
                and doc[j].is_alpha and doc[j].lower_ not in TITLE_HEADS and doc[j].lower_ not in TITLE_MODIFIERS:
            j += 1
        if (j >= i + 3 and doc[i].is_title and i not in taken and not (j < len(doc) and doc[j].text[:1].isupper())
                and not _in_capitals(doc, i) and not known_place(doc[i + 1:j].text)
                and not any(k in taken for k in range(i + 1, j))):
            out.append((i + 1, j, "PERSON"))
            taken.update(range(i + 1, j))
    # a name after an honorific: "Mr Ebbers denied", "Ms Ensler told the BBC"
    for i in _tokens.select(doc, _tokens.LOWER, HONORIFICS, pos=("PROPN",)):
        j = i + 1
        while j < len(doc) and j - i <= 3 and j not in taken and doc[j].pos_ == "PROPN" and doc[j].is_title \
                and doc[j].is_alpha:
            j += 1
        if j > i + 1 and doc[i].is_title and not (j < len(doc) and doc[j].pos_ == "PROPN") \
                and not any(k in taken for k in range(i, j)):
            out.append((i, j, "PERSON"))  # with its honorific, as the model writes one
            taken.update(range(i, j))
    return out


#: What only a person does: "Harrington taught at Harvard", "Ray wed", "Penry confessed".
_PERSONS_VERBS = frozenset({"teach", "marry", "wed", "divorce", "graduate", "resign", "retire",
                            "die", "testify", "confess", "croon", "plead"})


def _lived(head: Token) -> bool:
    """Whether a name whose root is ``head`` is the subject of what only a person does or is
    ("Harrington taught at Harvard", "Born in Athens, Psacharopoulos came to the United
    States")."""
    verb = head.head
    return head.dep_ == "nsubj" and verb.pos_ in ("VERB", "AUX") and (
        verb.lemma_.lower() in _PERSONS_VERBS
        or any(c.dep_ == "advcl" and c.lower_ == "born" and c.i < head.i for c in verb.children))


def _in_capitals(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is in a sentence written with every word capitalised (a headline)."""
    sent = doc[i].sent
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title or t.is_upper for t in words) >= 0.8 * len(words)


def first_named(doc: Doc, taken: set[int]) -> list[tuple[int, int, str]]:
    """Names the model left unlabelled that are a census first name and one or two more proper
    nouns: "France's Mauresmo routed Vera Zvonareva 6-1 6-0" (not "the Star Wars movie", "the
    Amber Spyglass", a plural, nor a known place or one after a country's name: "America West").
    ``taken`` gains their tokens."""
    out = []
    for i in _tokens.select(doc, _tokens.ORTH, lambda t: t[:1].isupper() and t[1:].islower()
                            and bool(gazetteer.first_name_gender(t)), pos=("PROPN",)):
        if i in taken or doc[i].ent_type_ or (i > 0 and (
                (doc[i - 1].pos_ == "PROPN" and doc[i - 1].is_title and not gazetteer.demonym(doc[i - 1].text))
                or doc[i - 1].lower_ == "the")):
            continue  # but "fellow Russian Svetlana Kuznetsova"
        end = i + 1
        while end < len(doc) and end - i < 3 and end not in taken and not doc[end].ent_type_ \
                and doc[end].pos_ == "PROPN" and doc[end].is_title and doc[end].is_alpha:
            end += 1
        after = doc[end] if end < len(doc) else None
        if end == i + 1 or doc[end - 1].tag_ == "NNPS" or (after is not None and (
                (after.pos_ == "PROPN" and after.is_title) or (after.pos_ == "NOUN" and after.is_lower))):
            continue  # "the Star Wars movie", "a Golden Globe award"
        text = doc[i:end].text
        if not known_place(text) and not gazetteer.country(doc[i].text) and not gazetteer.demonym(doc[i].text) \
                and not any(t.lower_ in BUILDING_WORDS | FEATURE_WORDS for t in doc[i:end]):  # "America West"
            out.append((i, end, "PERSON"))
            taken.update(range(i, end))
    return out
