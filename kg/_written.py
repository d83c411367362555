"""Dates and times of day written with numbers, found in a parsed article ("2022-02-25", "7 Apr
94", "1700 GMT", "4:45 a.m."), and where the model's entities that ran into them end."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from . import _tokens
from .timex import MONTHS, YEAR_TOKEN, clock_times, written_dates

__all__ = ["entity_end", "listed_dates", "written_spans"]


def _token_spans(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(sp.start, sp.end) for a, b in spans if (sp := doc.char_span(a, b)) is not None]


def written_spans(doc: Doc) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Dates written with numbers ("2022-02-25", "7 Apr 94"), which the model calls numbers,
    places or laws, and times of day ("1700 GMT", "4:45 a.m."), which it runs into dates or
    tags as times: token spans of each."""
    text = _tokens.whole_text(doc)
    return _token_spans(doc, written_dates(text)), _token_spans(doc, clock_times(text))


def entity_end(ent: Span, clock: set[int], inside: set[int]) -> int:
    """Where an entity of the model ends: a place before a date written with numbers that it ran
    into ("NEW YORK 1996-08-30"; any other name that did is none); a date before a time of day in
    it ("in Spanish 1402 GMT": no date), and after its year if it is only numbers ("Since 1997 10
    posts have closed"; "2799 1017 4101", telegraph codes, is none)."""
    if ent.label_ in ("GPE", "LOC"):
        return next((i for i in range(ent.start, ent.end) if i in inside or i in clock), ent.end)
    if ent.label_ != "DATE":
        return ent.start if inside.intersection(range(ent.start, ent.end)) else ent.end
    if len(ent) > 1 and all(t.is_digit for t in ent):
        return ent.start + 1 if YEAR_TOKEN.fullmatch(ent[0].text) else ent.start
    return next((i for i in range(ent.start, ent.end) if i in clock), ent.end)


def _dated(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` gives a month and a day or year: "June 30", "July 1-2"."""
    return any(t.lower_.rstrip(".") in MONTHS for t in doc[start:end]) and any(
        any(c.isdigit() for c in t.text) for t in doc[start:end])


def _years(doc: Doc, start: int, end: int) -> int:
    return sum(bool(YEAR_TOKEN.fullmatch(t.text)) for t in doc[start:end])


def listed_dates(doc: Doc, ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``ents`` with a date the model ran over a list cut into its dates, where each gives its
    month: "on June 30 and July 1-2" is two dates ("5 and 6 March" stays one: "5" has none; so
    does "June 30 and July 1-2, 1990", whose year is the first date's too)."""
    out = []
    for s, e, lab in ents:
        cut = next((k for k in range(s + 1, e - 1) if doc[k].lower_ in ("and", "or", "&")
                    and _dated(doc, s, k) and _dated(doc, k + 1, e)
                    and _years(doc, s, k) >= _years(doc, k + 1, e)), None) if lab == "DATE" else None
        if cut is None:
            out.append((s, e, lab))
        else:
            out += [(s, cut - (doc[cut - 1].text == ","), lab), (cut + 1, e, lab)]
    return out
