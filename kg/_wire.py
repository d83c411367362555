"""Names of wire copy that the model missed or cut in pieces, for ``mentions``: news agencies,
a dateline's place and the paper after it.

Pure functions over a spaCy ``Doc`` (never modified) and the ``(start, end, label)`` entity
triples that ``mentions`` is building:

* ``wire_names``: agencies, a dateline's place and the paper after it that the model missed
  ("( AFP )", "(Text) Sofia, Feb 15 (BTA)", "OW1102132994 Beijing XINHUA in English").
* ``outlets``: the paper after a dateline's place, in capitals, as one name ("Tokyo MAINICHI
  SHIMBUN").
* ``place_prefix``, ``state_after``, ``district``: the city before a broadcaster ("Paris Radio
  France International"), the state after "City ," ("Amherst , Mass .") and "Washington , D.C."
  as one place.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from . import _tokens, gazetteer
from ._cues import in_a_dateline, known_place, line_start
from .lexicon import WASHINGTON_DC

__all__ = ["MEDIA", "district", "outlets", "place_prefix", "state_after", "wire_names"]

Ent = tuple[int, int, str]


def state_after(doc: Doc, i: int) -> int:
    """End of a state or country written at token ``i`` after "City ," ("Mass", "N. Y."), else ``i``."""
    if i >= len(doc) or not doc[i].text[:1].isupper():
        return i
    for n in (2, 1):  # "N. Y." is two tokens in some copy
        span = doc[i : i + n]
        if len(span) == n and (gazetteer.region(span.text) or gazetteer.country(span.text)):
            return i + n
    return i


def district(doc: Doc, ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"Washington , D.C." as one place, the city, where it was the city and the district."""
    out: list[tuple[int, int, str]] = []
    for s, e, lab in ents:
        if (out and out[-1][2] == "GPE" and out[-1][1] + 1 == s and doc[out[-1][1]].text == ","
                and WASHINGTON_DC.fullmatch(_tokens.text(doc, out[-1][0], e))):
            out[-1] = (out[-1][0], e, "GPE")
            continue
        out.append((s, e, lab))
    return out


#: Words of a broadcaster's or agency's name, which a dateline puts after the city.
MEDIA = re.compile(r"\b(Radio|Television|TV|Network|Service|Broadcasting|Agency)\b")


def place_prefix(doc: Doc, s: int, e: int) -> int:
    """How many of the first words (one or two) of ``doc[s:e]`` name a city or country (not a
    region: "Yorkshire Television" is one name)."""
    for k in (2, 1):
        text = _tokens.text(doc, s, s + k) if e - s > k else ""
        if text and (gazetteer.city(text) or gazetteer.country(text)):
            return k
    return 0


_NOT_OUTLET = {"AT", "V", "VS", "IN", "AND", "OF"}


def outlets(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """The paper after a dateline's place written in capitals, which the model cut in pieces:
    "Tokyo MAINICHI SHIMBUN", "Moscow KOMSOMOLSKAYA PRAVDA", "Bangkok THE NATION" (one ``ORG``)."""
    by_start = {s: (e, lab) for s, e, lab in ents}
    drop: set[Ent] = set()
    add: list[Ent] = []
    for s, e, lab in ents:
        if lab not in ("GPE", "LOC") or not line_start(doc, doc[s]):
            continue
        end, inside = e, []
        while end < len(doc) and doc[end].is_upper and doc[end].is_alpha and doc[end].text not in _NOT_OUTLET \
                and not known_place(doc[end].text.title()):  # not a schedule: "ATLANTA AT CHICAGO"
            if end in by_start:  # a piece the model labelled: wholly inside the run of capitals
                piece_end = by_start[end][0]
                if by_start[end][1] in ("GPE", "LOC") or not all(
                        t.is_upper and t.is_alpha for t in doc[end:piece_end]):
                    break
                inside.append((end, piece_end, by_start[end][1]))
                end = piece_end
            else:
                end += 1
        if inside and end - e >= 2 and not known_place(doc[e:end].text.title()):
            drop.update(inside)
            add.append((e, end, "ORG"))
    return sorted([x for x in ents if x not in drop] + add) if add else ents


def wire_names(doc: Doc, ents: list[Ent], taken: set[int]) -> list[Ent]:
    """Names of wire copy that the model missed, to add to ``ents``: news agencies ("( AFP )"),
    a known place opening a dateline ("(Text) Sofia, Feb 15 (BTA)", ``in_a_dateline``) and the
    paper's name in capitals after it ("Moscow IZVESTIYA").  ``taken`` gains their tokens."""
    out: list[Ent] = []
    for i in _tokens.select(doc, _tokens.ORTH, gazetteer.news_agency, pos=("PROPN",)):
        # "ITAR-TASS", "RIA-Novosti", which the tokenizer splits at the hyphen
        k = i - 2 if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ \
            and not doc[i - 1].whitespace_ and gazetteer.news_agency(doc[i - 2 : i + 1].text) else i
        if not taken.intersection(range(k, i + 1)):
            out.append((k, i + 1, "ORG"))
            taken.update(range(k, i + 1))
    for i in _tokens.select(doc, _tokens.ORTH, known_place, pos=("PROPN",)):
        if i not in taken and in_a_dateline(doc, i):
            out.append((i, i + 1, "GPE"))
            taken.add(i)
    for s, e, lab in [*ents, *out]:
        if lab in ("GPE", "LOC") and e < len(doc) and e not in taken and line_start(doc, doc[s]):
            end = e
            while end < len(doc) and end not in taken and doc[end].is_upper and doc[end].is_alpha:
                end += 1
            if end > e and len(doc[e:end].text) > 2 and not known_place(doc[e:end].text.title()):
                out.append((e, end, "ORG"))
                taken.update(range(e, end))
    return out
