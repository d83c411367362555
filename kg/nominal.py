"""Stage 3, continued: definite descriptions that point back at a named thing.

"The minister", "the defence minister", "the company", "the country" name
nothing themselves; like pronouns they are mentions for coreference, labelled
``NOM`` with their head noun as ``role`` (``kg.lexicon.stands_for`` says what
kind of thing they may stand for; ``kg.resolve`` finds which one).

Only descriptions that are likely to refer back are taken: the head is a
singular common noun from ``kg.lexicon.NOMINAL_HEADS`` with "the" in front,
and it is not

* a title in front of a name ("the Defence Minister Hulusi Akar"),
* in apposition to a name or with one in apposition to it ("Akar, the
  minister", "the minister, Akar"): the name is the mention there,
* the complement of "to be" ("Akar is the minister"), or
* followed by a preposition or a relative clause ("the president of Ukraine",
  "the team behind the Mac", "the team we have"), or modified by "central",
  "rival", "other"... ("the central bank"), which usually introduce somebody
  new.

A person described by nationality ("the American") is matched with the
country the text ties each named person to (``nations``: "Spain's Rafael
Nadal", "Andy Roddick of the USA"; ``fits_nation``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

from spacy.tokens import Doc, Token

from . import _tokens, gazetteer
from .lexicon import NATIONALS, NOMINAL_HEADS
from .types import Mention

__all__ = ["find_nominals", "fits_nation", "nation_of", "nations", "person_descriptions", "role_text"]

_SKIP_DEPS = {"compound", "appos", "attr", "npadvmod", "nmod", "conj"}
#: Modifiers that make a description name another thing than the one named before:
#: "the central bank" after "RHB", "the rival firm".
_ANOTHER = {"central", "national", "federal", "international", "world", "other", "rival",
            "parent", "local", "state", "opposing", "previous", "next", "home", "away", "host"}
#: Words between "the" and the head noun that keep a description definite and referring back.
_MODIFIER_DEPS = {"amod", "compound", "nmod", "npadvmod", "advmod", "hmod", "punct", "nummod"}


def _start(tok: Token) -> int | None:
    """Index of the "the" that opens ``tok``'s description (``None`` if there is none)."""
    left = [c for c in tok.lefts]
    dets = [c for c in left if c.dep_ == "det"]
    if len(dets) != 1 or dets[0].lower_ != "the" or dets[0] is not left[0]:
        return None
    for c in left[1:]:
        if c.dep_ not in _MODIFIER_DEPS or c.pos_ == "PROPN" or c.ent_type_:
            return None
        if any(g.pos_ == "PROPN" or g.ent_type_ for g in c.subtree):
            return None
    return dets[0].i


def _refers_back(tok: Token, idx: Collection[int]) -> bool:
    if tok.tag_ != "NN" or tok.dep_ in _SKIP_DEPS or tok.i in idx:
        return False
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ in ("PROPN", "NOUN"):
        return False  # "the minister Akar", "the charity single": a modifier, parsed or not
    for c in tok.children:
        if c.dep_ in ("appos", "relcl", "acl", "prep"):
            return False  # "the team we have", "the group of seven", "the team behind X"
        if c.dep_ in ("amod", "compound") and c.lower_ in _ANOTHER:
            return False
    return True


def find_nominals(doc: Doc, doc_id: str, taken: Collection[int],
                  sent_of: Sequence[int]) -> list[Mention]:
    """The definite descriptions in ``doc`` that may refer back, as ``NOM`` mentions.

    ``taken`` holds the indices of tokens already inside a mention; ``sent_of``
    the sentence index of every token.  ``doc`` is not changed.
    """
    out = []
    for i in _tokens.select(doc, _tokens.LEMMA, NOMINAL_HEADS, fold=True, pos=("NOUN",)):
        tok = doc[i]
        if not _refers_back(tok, taken):
            continue
        start = _start(tok)
        if start is None or any(j in taken for j in range(start, i)):
            continue
        begin = doc[start].idx
        out.append(Mention(doc_id, begin, tok.idx + len(tok), _tokens.text(doc, start, i + 1),
                           "NOM", tok.lemma_.lower(), sent_of[i], tok.dep_))
    return out


#: Where a description of a person stands in its sentence: as a noun phrase of its own.
_PERSON_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "poss"}


def person_descriptions(doc: Doc) -> list[tuple[int, int, str]]:
    """Descriptions that stand for a person named before them: "the Dutchman said", "beat the
    Swede", "the American has won", "the 21-year-old said"; as ``(start, end, role)`` with
    role ``"national"`` or ``"year-old"`` (``kg.lexicon.DESCRIBED_PEOPLE``).

    Not a nationality that modifies a noun ("the American market"), a people ("the
    Americans", "the Swiss government"), nor a description in apposition to a name.
    """
    out = []
    # only the words that may be a nationality or "old" ("the 21 - year - old"): each word tested once
    for i in _tokens.select(doc, _tokens.LOWER,
                            lambda w: w in NATIONALS or w == "old" or w.endswith(("an", "ine", "i"))):
        tok = doc[i]
        if tok.dep_ not in _PERSON_DEPS or (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ in ("NOUN", "PROPN")):
            continue
        if tok.text[:1].isupper() and (tok.lower_ in NATIONALS or (
                tok.lower_.endswith(("an", "ine", "i")) and gazetteer.demonym_country(tok.text))):
            start, role = tok.i - 1, "national"  # "the Dutchman", "the American", "the Kiwi"
            while start > 0 and (doc[start].lower_ in ("-", "year", "old") or doc[start].like_num
                                 or doc[start].lower_.endswith("-year-old")):
                start -= 1  # "the 22-year-old Scot"
        elif (tok.lower_ == "old" and tok.i >= 5 and doc[tok.i - 4].like_num
              and [t.lower_ for t in doc[tok.i - 3 : tok.i]] == ["-", "year", "-"]):
            start, role = tok.i - 5, "year-old"  # "the 21 - year - old" as spaCy splits it
        else:
            continue
        if start >= 0 and doc[start].lower_ == "the" and not any(
                c.dep_ == "appos" for c in (tok, *tok.children)):
            out.append((start, tok.i + 1, role))
    return out


def nation_of(word: str) -> str | None:
    """The country of a nationality word: "Spaniard" and "Spanish" are Spain's.

    >>> nation_of("Spaniard"), nation_of("American"), nation_of("minister")
    ('Spain', 'United States', None)
    """
    return NATIONALS.get(word.lower()) or gazetteer.demonym_country(word)


#: The countries of the United Kingdom: "the Scot" may be who was "the Briton".
_UK = {"United Kingdom", "England", "Scotland", "Wales", "Northern Ireland"}


def _same_nation(a: str, b: str) -> bool:
    """Whether a person said to be of country ``a`` may be the one said to be of ``b``."""
    return a == b or {a, b} <= _UK and "United Kingdom" in (a, b)


def nations(doc: Doc, mentions: Sequence[Mention]) -> dict[Mention, str]:
    """The country the text ties each named person to where it names them: "Spain 's Rafael
    Nadal", "Andy Roddick of the USA", "Nicole Vaidisova from the Czech Republic", "American
    Serena Williams" (for ``kg.resolve`` to tell who "the American" is)."""
    out: dict[Mention, str] = {}
    for m in mentions:
        if m.label != "PERSON":
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for c in span.root.children:
            if span.start <= c.i < span.end:
                continue
            if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.i < span.start):
                words = doc[c.left_edge.i:c.i + 1].text  # "Spain", "the Czech Republic"
                country = gazetteer.country(words) or gazetteer.country(c.text) or nation_of(c.text)
            elif c.dep_ == "prep" and c.lower_ in ("of", "from"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                country = gazetteer.country(doc[obj.left_edge.i:obj.i + 1].text) if obj is not None else None
                country = country or (gazetteer.country(obj.text) if obj is not None else None)
            else:
                continue
            if country:
                out[m] = country
                break
    return out


def fits_nation(d: Mention, mentions: Iterable[Mention], nations: Mapping[Mention, str]) -> bool | None:
    """Whether the person named by ``mentions`` may be whom ``d`` ("the American") describes, by
    the nations the text gives them (``nations``, and the descriptions resolved to them so far):
    ``None`` where it gives none, or ``d`` names no nation."""
    country = nation_of(d.text.split()[-1]) if d.role == "national" else None
    said = {n for m in mentions if (n := nations.get(m) or (
        nation_of(m.text.split()[-1]) if m.role == "national" and m.label == "NOM" else None))}
    return all(_same_nation(n, country) for n in said) if said and country else None


def role_text(noun: Token, names: Collection[int]) -> str:
    """The role a job noun in apposition to a person names, with the words that qualify it and
    are no name (token indices ``names``): "a Singapore-based fund manager" is "fund manager",
    "the stand-in captain" "stand-in captain", "ex-chief financial officer" keeps its hyphen; not
    a participle, an age or an adverb ("newly-appointed", "17-year-old", "equally")."""
    words = sorted({t for c in noun.lefts if c.dep_ in ("compound", "amod") and c.i not in names
                    and c.tag_ != "VBN" and not any(t.like_num for t in c.subtree)
                    for t in c.subtree if t.i not in names and t.dep_ != "advmod"}, key=lambda t: t.i)
    while words and words[0].is_punct:
        words.pop(0)  # "- Best actress"
    return "".join(t.text + (t.whitespace_ if nxt.i == t.i + 1 else " ")
                   for t, nxt in zip(words, [*words[1:], noun])) + noun.text
