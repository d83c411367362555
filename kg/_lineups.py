"""Sports results laid out as lists: who in them is a player and which club is theirs.

Pure functions over a spaCy ``Doc`` (never modified) and the ``(start, end, label)`` entity
triples that ``mentions`` is building (``sports.teams`` finds the clubs that play):

* ``line_ups``: the players of a line-up written as a line of its own ("Dudek, Finnan, Traore
  (Biscan 67)"), and a squad listed with clubs ("P Vickery (Gloucester); S Borthwick (Bath)").
* ``squad``: that squad's players, each with the club in its brackets (``patterns`` relates them).
* ``athletes``: people in sports results (rankings, scorecards, scorers), where the layout, not
  the model, says who is a person.
"""

from __future__ import annotations

import functools
import re

from spacy.attrs import IS_PUNCT, LIKE_NUM
from spacy.tokens import Doc

from . import _tokens, gazetteer
from .retype import PARTICLES, Ent, place_like

__all__ = ["athletes", "line_ups", "squad"]

_RANK = re.compile(r"\d{1,3}\.")
_BOWLING = re.compile(r"\d+(\.\d)?-\d+-\d+-\d+")
_FIGURES = re.compile(r"\d{1,2}-\d{1,3}")  # wickets for runs: "4-38"
_INITIAL = re.compile(r"[A-Z]\.")
_DISMISSAL = {"b", "c", "st", "lbw"}
_MINUTE = re.compile(r"\d{1,3}(st|nd|rd|th)")
_HAS_DIGIT = re.compile(r"\d")


class _Words:
    """What the results-layout rules read of each token, as plain lists (no ``Token`` objects:
    the rules look at every capitalised word of an article)."""

    def __init__(self, doc: Doc) -> None:
        self.text = _tokens.strings(doc, _tokens.ORTH)
        self.punct = _tokens.column(doc, IS_PUNCT).tolist()
        self.num = _tokens.column(doc, LIKE_NUM).tolist()

    def name_word(self, i: int) -> bool:
        """A word of a person's name in a results list: "Recep", "A.", "Inzamam-ul-Haq"."""
        text = self.text[i]
        return text[:1].isupper() and any(c.isalpha() for c in text) and not self.punct[i] and (
            not text.isupper() or len(text) <= 2 or text.endswith("."))

    def name_run(self, i: int) -> int:
        """The end of the name that starts at ``i``: up to four words, particles inside."""
        j, n = i, len(self.text)
        while j < n and j - i < 4 and (self.name_word(j) or (
                j > i and self.text[j] in PARTICLES and j + 1 < n and self.name_word(j + 1))):
            j += 1
        return j

    def in_results(self, i: int, j: int) -> bool:
        """Whether the name ``[i:j]`` stands where a results list puts a person."""
        words, n = self.text, len(self.text)
        before = words[i - 1] if i >= 1 else ""
        before2 = words[i - 2] if i >= 2 else ""
        after = words[j] if j < n else ""
        after2 = words[j + 1] if j + 1 < n else ""
        if before == "-" and before2.isdigit() and len(before2) <= 2:
            return True  # a line-up: "2 - Recep Cetin , 3 - Ogun Temizkanoglu"
        if _RANK.fullmatch(before) and j < n and (after == "(" or self.num[j]):
            return True  # a ranking: "9. Raymond Russell 234,330", "4. Geir Moen ( Norway )"
        if before in ("b", "c", "st") and (after in _DISMISSAL or after in ("not", "run")
                                           or (j < n and self.num[j])):
            return True  # a scorecard: "c Knight b Hollioake 21"
        if (before in ("(", ",", ";") and j - i >= 2 and j < n and _INITIAL.fullmatch(words[i])
                and (self.num[j] or _FIGURES.fullmatch(after))):
            return True  # a scorecard's figures: "( P. Simmons 4-38 )", "( A. Dale 69 , H. Morris 69"
        if (after, after2) in (("not", "out"), ("run", "out")) or _BOWLING.fullmatch(after) or (
                after in _DISMISSAL and (after2[:1].isupper() or after2 == "b")):
            return True  # "Irani not out 45", "McGrath 9.5-0-44-1", "Lara c Healy b Fleming"
        if after == "(" and _MINUTE.fullmatch(after2) and before in (",", "-", ":", "("):
            return True  # scorers: "Canada - Aunger ( 41st min )", "Scorers : Zola ( 5th )"
        return (j - i >= 2 and after == "(" and j + 2 < n and words[j + 2] == ")"
                and bool(gazetteer.country(after2)))  # "Petr Korda ( Czech Republic )"


_NAME = r"[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|de|van|der|da|dos))*"
#: A line-up or a list of players as a line of its own: "Dudek, Finnan, Traore (Biscan 67), Luis
#: Garcia, Morientes (Baros 74).", "Subs Not Used: Pellegrino, Carson." (a label before a colon).
_LINE_UP = re.compile(rf"^(?:[^:\n]{{0,30}}: ?)?(?:{_NAME}(?: \({_NAME} \d+\))?, ){{1,}}{_NAME}(?: \({_NAME} \d+\))?\.?$",
                      re.MULTILINE)
#: A squad listed with clubs, at least three in a run: "J Robinson (Sale Sharks, capt); M Cueto
#: (Sale Sharks), M Tait (Newcastle)" (a player and the club in brackets).
_WITH_CLUB = rf"{_NAME} \({_NAME}(?:, [a-z]+)?\)"
_SQUAD = re.compile(rf"(?:{_WITH_CLUB}[,;] ){{2,}}{_WITH_CLUB}")
_IN_SQUAD = re.compile(rf"({_NAME}) \(({_NAME})(?:, [a-z]+)?\)")
_IN_LINE_UP = re.compile(rf"(?:(?<=: )|(?<=, )|(?<=^)|(?<=\())({_NAME})(?= \d+\)|,| \(|\.?$)", re.MULTILINE)


def line_ups(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """``ents`` with the players of a line-up written as a line of its own made people, one
    per name ("Vignal, Prso" are two players, not an organisation), and a squad listed with
    clubs made players and clubs ("P Vickery (Gloucester)"); a country or a nationality among
    them is left alone."""
    text = _tokens.whole_text(doc)  # (spaCy joins doc.text anew from every token)
    found: list[tuple[int, int]] = []
    for line in _LINE_UP.finditer(text):
        body = line.group(0)
        if body.count(",") < 2 and ":" not in body:
            continue  # two names and a full stop may be a sentence's end
        for m in _IN_LINE_UP.finditer(body):
            name = m.group(1).rstrip(".")
            if gazetteer.country(name) or gazetteer.demonym(name):
                continue  # (a town's name is a player's here: "Carson")
            span = doc.char_span(line.start() + m.start(1), line.start() + m.start(1) + len(name))
            if span is not None:
                found.append((span.start, span.end))
    listed = squad(doc)
    found += [player for player, _ in listed if player]
    clubs = [club for _, club in listed if club]
    if not found and not clubs:
        return ents
    new = [(s, e, "PERSON") for s, e in found] + [(s, e, "ORG") for s, e in clubs]
    kept = [x for x in ents if not any(x[0] < e and s < x[1] for s, e, _ in new)]
    return sorted(kept + new)


Bounds = tuple[int, int]


def squad(doc: Doc) -> list[tuple[Bounds | None, Bounds | None]]:
    """The players of a squad listed with clubs, three or more in a run ("J Robinson (Sale
    Sharks, capt); M Cueto (Sale Sharks), M Tait (Newcastle)"), each with the club in its
    brackets, as token bounds; ``None`` for a country or a nationality ("Petr Korda (Czech
    Republic)": the player's country, left alone) or a name the tokens cut."""
    def bounds(chars: Bounds | None) -> Bounds | None:
        span = doc.char_span(*chars) if chars else None
        return (span.start, span.end) if span is not None else None

    return [(bounds(player), bounds(club)) for player, club in _squad_chars(_tokens.whole_text(doc))]


@functools.lru_cache(maxsize=4)  # read by ``mentions`` and again by ``patterns`` for one article
def _squad_chars(text: str) -> tuple[tuple[Bounds | None, Bounds | None], ...]:
    def chars(run: re.Match[str], m: re.Match[str], group: int) -> Bounds | None:
        name = m.group(group)
        if gazetteer.country(name) or gazetteer.demonym(name):
            return None
        return run.start() + m.start(group), run.start() + m.end(group)

    return tuple((chars(run, m, 1), chars(run, m, 2))
                 for run in _SQUAD.finditer(text) for m in _IN_SQUAD.finditer(run.group(0)))


def athletes(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """People in sports results: line-ups, rankings, scorecards, a name before a country in
    brackets.  spaCy leaves most of them out or calls them clubs or places; the layout says
    who they are.  A name that is a place, a country or a nationality is left alone."""
    if not _tokens.select(doc, _tokens.ORTH, _HAS_DIGIT.search):  # results have numbers
        return ents
    out = list(ents)
    words = _Words(doc)
    i = 0
    for c in _tokens.select(doc, _tokens.ORTH, lambda t: t[:1].isupper()):
        if c < i or (c > 0 and words.name_word(c - 1)):
            continue
        i = j = words.name_run(c)
        if j == c or not words.in_results(c, j):
            continue
        text = _tokens.text(doc, c, j)
        if (gazetteer.country(text) or gazetteer.demonym(text) or place_like(text)
                or all(w.endswith(".") for w in words.text[c:j])):
            continue
        out = [x for x in out if not (x[0] < j and c < x[1])] + [(c, j, "PERSON")]
    return sorted(out)
