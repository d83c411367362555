"""Sports copy: which names are clubs and which are athletes, read from the layout and the verbs.

Pure functions over a spaCy ``Doc`` (never modified) and the ``(start, end,
label)`` entity triples that ``mentions`` is building; each returns a new list:

* ``teams``: a place name that plays is a club ("Leeds beat Chelsea",
  "Surrey captain Chris Lewis", "Manchester City boss Kevin Keegan", a score
  after it "Kent 108-3" or of it "Essex reached 372", a fixture "v Kent",
  "title rivals Essex , Derbyshire and Surrey" (names listed with a club), a line-up
  "Dimitri Yachvili (Biarritz)", a results
  row "Chicago 11 Toronto 2", a league table row "Tranmere 4 2 1 1"); a country
  stays a country (its national side is written with the country's name).
* ``line_ups``: the players of a line-up written as a line of its own ("Dudek, Finnan, Traore
  (Biscan 67)").
* ``athletes``: people in sports results (line-ups, rankings, scorecards, scorers), where the
  layout, not the model, says who is a person.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import numpy as np
from spacy.attrs import IS_PUNCT, IS_SPACE, LIKE_NUM
from spacy.tokens import Doc, Token

from . import _tokens, gazetteer
from .lexicon import CLUB_FIRSTS, CLUB_WORDS
from .retype import PARTICLES, SCORE, Ent, place_context, place_like

__all__ = ["athletes", "line_ups", "squad", "teams"]

#: Verbs whose subject and object are sides of a match ("Middlesex beat Hampshire").
_MATCH_VERBS = {"beat", "defeat", "thrash", "rout", "trounce", "edge", "outplay", "crush",
                "draw", "down", "whip", "overpower", "hammer", "outscore", "blank", "sweep",
                "shut", "tie", "lose", "host", "dismiss", "bowl"}
#: Verbs of a side's score: "Essex reached 372", "Essex need another 148".
_SCORE_VERBS = {"reach", "need", "make", "score", "total", "declare"}
#: Nouns that a club's name qualifies ("Surrey captain", "Newcastle team mate", "Eagles owner").
#: Of ``_TEAM_NOUNS``, what a person has too ("Dole's team", "Agassi's win", "Henman's coach").
_A_PERSON_HAS = {"team", "squad", "fans", "supporters", "lead", "victory", "win", "defeat", "loss", "side",
                 "coach", "manager", "mate", "boss", "owner"}
_TEAM_NOUNS = {"captain", "coach", "manager", "striker", "midfielder", "goalkeeper", "defender",
               "team", "squad", "fans", "supporters", "player", "players",
               "batsman", "bowler", "pitcher", "quarterback", "outfielder", "infielder",
               "opener", "skipper", "keeper", "winger", "forward", "owner", "mate", "homer",
               "lead", "victory", "win", "defeat", "loss", "starter", "reliever", "closer",
               "all-rounder", "chairman", "scrum-half", "fly-half", "full-back", "hooker",
               "spinner", "seamer", "paceman", "batsmen", "bowlers", "side", "rookie", "boss"}
#: Prepositions after a player's verb that introduce a club ("homered for Cleveland").
_PLAY_FOR = {("play", "for"), ("sign", "for"), ("score", "for"), ("homer", "for"),
             ("pitch", "for"), ("bat", "for"), ("start", "for"), ("lead", "over"),
             ("win", "over"), ("victory", "over"), ("lead", "over"), ("move", "to"),
             ("transfer", "to"), ("loan", "to"), ("play", "against"), ("match", "against"),
             ("game", "against"), ("clash", "with")}
#: Nouns before a club's name that say it is a side: "title rivals Essex", "champions Arsenal".
_SIDE_NOUNS = {"rival", "rivals", "champion", "champions", "hopeful", "hopefuls", "opponent", "opponents",
               "holder", "holders", "visitor", "visitors", "leader", "leaders", "runner-up", "runners-up"}
#: A score right after a name: "Kent 108-3", "Chelsea 2-1" (not a date: "1996-08-31").
_SCORE_AFTER = re.compile(r"\d{1,3}-\d{1,3}")
_NOT_TEAM_WORDS = {"division", "league", "conference", "group", "round", "pool", "section",
                   "central", "eastern", "western", "northern", "southern", "east", "west",
                   "north", "south", "at", "v", "vs", "vs.", "and", "the"}


def _is_number(tok: Token) -> bool:
    return bool(SCORE.match(tok.text)) or tok.like_num


def _rows(doc: Doc) -> Iterator[tuple[int, int]]:
    """Results or table rows: sentences of mostly numbers, with names among them."""
    word = ~(_tokens.column(doc, IS_PUNCT).astype(bool) | _tokens.column(doc, IS_SPACE).astype(bool))
    num = _tokens.column(doc, LIKE_NUM).astype(bool)
    num[_tokens.select(doc, _tokens.ORTH, SCORE.match)] = True
    num &= word
    bounds = _tokens.sentences(doc)
    if not bounds:
        return
    starts = [s for s, _ in bounds]
    sents = []  # (start, end, numbers-and-names-like, with two numbers or more)
    for (start, end), words, nums in zip(bounds, np.add.reduceat(word, starts).tolist(),
                                         np.add.reduceat(num, starts).tolist(), strict=True):
        like = nums >= 1 and nums * 5 >= words * 2 and nums < words
        sents.append((start, end, like, like and nums >= 2))
    for n, (start, end, like, strong) in enumerate(sents):
        # "Stockport 1" split off "Bristol Rovers 1 Stockport 1": a row among rows
        if strong or (like and ((n > 0 and sents[n - 1][2]) or (n + 1 < len(sents) and sents[n + 1][2]))):
            yield start, end




def _club_name(doc: Doc, s: int, e: int) -> bool:
    """A town and a club word: "Manchester United", "Leeds United", "Glasgow Rangers"; or a
    club's first word and a town: "Real Madrid", "Bayern Munich", "Maccabi Tel Aviv"."""
    text = _tokens.text(doc, s, e)
    if e - s >= 2 and doc[s].text in CLUB_FIRSTS and place_like(_tokens.text(doc, s + 1, e)):
        return True
    return (e - s >= 2 and doc[e - 1].lower_ in CLUB_WORDS and doc[e - 1].is_title
            and bool(place_like(_tokens.text(doc, s, e - 1))) and not place_like(text)
            and not gazetteer.country(text))


def _club_candidate(doc: Doc, s: int, e: int, label: str) -> bool:
    """A name that could be a club: a place that is not a country, or an ORG."""
    text = _tokens.text(doc, s, e)
    if gazetteer.country(text) or gazetteer.demonym_country(text):
        return False
    if label == "PERSON" and e - s >= 2:
        return False
    # a "place" the gazetteer does not know may be a club's name: "Manchester City boss"
    return label in ("ORG", "GPE", "LOC", "PERSON", "FAC") and (
        label == "ORG" or place_like(text) or (label in ("GPE", "LOC") and e - s >= 2 and not any(
            t.lower_ in _NOT_TEAM_WORDS for t in doc[s:e])))  # not "a Southern Hemisphere side"


def _row_names(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Capitalised runs directly followed by a score in a results row, outside brackets."""
    out: list[tuple[int, int]] = []
    depth = 0
    i = start
    while i < end:
        tok = doc[i]
        if tok.text in ("(", "["):
            depth += 1
        elif tok.text in (")", "]"):
            depth = max(0, depth - 1)
        if depth or not (tok.is_alpha and tok.text[:1].isupper()):
            i += 1
            continue
        j = i
        while j < end and (doc[j].is_alpha or doc[j].text in ("'s", "-", ".")) and (
                doc[j].text[:1].isupper() or doc[j].text in ("'s", "-", ".")):
            j += 1
        after_word = i > start and doc[i - 1].is_lower and len(doc[i - 1].text) <= 3 \
            and doc[i - 1].lower_ not in _NOT_TEAM_WORDS  # "b Chandana 56": a bowler
        if j < end and _is_number(doc[j]) and j > i and not after_word:
            a = i
            while a < j and doc[a].lower_ in _NOT_TEAM_WORDS:
                a += 1
            # "W L PCT GB ATLANTA": keep the longest known place at the end, else 2 words at most
            for k in range(a, j):
                if place_like(doc[k:j].text) or gazetteer.country(doc[k:j].text):
                    a = k
                    break
            else:
                a = max(a, j - 2)
            if a < j and not any("." in t.text and len(t.text) <= 2 for t in doc[a:j]):
                out.append((a, j))
        i = max(j, i + 1)
    return out


def _person_names(doc: Doc, s: int, e: int) -> bool:
    """Two or more words spaCy reads as a person's name ("Phillip Price 72 76")."""
    return e - s >= 2 and all(t.ent_type_ == "PERSON" for t in doc[s:e])


def _match_side(doc: Doc, s: int, e: int, person: bool = False) -> bool:
    """Whether the name at ``s:e`` is a side in a match, by the words around it (for a name the
    model took for a ``person``, not what a person has too: "Wenger's side", "the Dole team",
    "Henman's coach"; but "the former Blackburn skipper")."""
    head = doc[s:e].root
    gov = head.head
    lemma = gov.lemma_.lower()
    if head.dep_ in ("nsubj", "dobj", "conj") and lemma in _MATCH_VERBS and gov.pos_ == "VERB":
        return True
    if head.dep_ == "nsubj" and lemma in _SCORE_VERBS and any(
            c.dep_ == "dobj" and c.like_num for c in gov.children):
        return True  # "Kent reached 108 for three" (not "Glasgow reached 2,000 homes": "homes" is the object)
    # "Derbyshire 's Australian captain" (not "Dallas nightclub owner": another noun between)
    if head.dep_ in ("compound", "poss", "nmod") and lemma in _TEAM_NOUNS and gov.pos_ == "NOUN" and not any(
            t.pos_ == "NOUN" for t in doc[e:gov.i]) and not (person and lemma in _A_PERSON_HAS):
        return True
    if head.dep_ == "pobj" and gov.dep_ == "prep":
        return (gov.head.lemma_.lower(), gov.lower_) in _PLAY_FOR
    if s > 0 and doc[s - 1].lower_ in ("v", "v.", "vs", "vs."):
        return True  # a fixture: "May 18 v Worcestershire"
    if e < len(doc) and _SCORE_AFTER.fullmatch(doc[e].text) and not place_context(doc, s, e):
        return True  # "Kent 108-3", "Surrey 429-7 ( C. Lewis 80 )"
    return s > 0 and doc[s - 1].lower_ in _SIDE_NOUNS  # "title rivals Essex", "champions Arsenal"


def _in_a_line_up(doc: Doc, s: int, e: int, players: set[int]) -> bool:
    """A name in brackets right after a player's full name in a line-up: "Dimitri Yachvili
    (Biarritz), Pierre Mignoni (Clermont)" (a country there is the player's:
    ``_club_candidate``; so is a place before a time or a score in a results list: "3. Ato
    Boldon (Trinidad) 20.37")."""
    return (s >= 2 and doc[s - 1].text == "(" and (s - 1) in players and e < len(doc) and doc[e].text == ")"
            and not (e + 1 < len(doc) and doc[e + 1].like_num))


def _listed_with(doc: Doc, ents: list[Ent], clubs: set[str]) -> set[str]:
    """Names listed with a club, "A , B and C" or "A or B": clubs too ("title rivals Essex ,
    Derbyshire and Surrey")."""
    out: set[str] = set()
    last: tuple[int, bool] = (-1, False)  # where the previous name ended, and whether it is a club
    for s, e, lab in sorted(ents):
        text = _tokens.text(doc, s, e)
        joined = last[0] >= 0 and 1 <= s - last[0] <= 2 and all(
            doc[k].lower_ in (",", "and", "or") for k in range(last[0], s))
        club = text in clubs or (joined and last[1] and _club_candidate(doc, s, e, lab) and lab != "DATE")
        if club and text not in clubs:
            out.add(text)
        last = (e, club)
    return out


def _a_county(text: str) -> bool:
    """An English county's or a region's name: "Essex", "Derbyshire" (sides in cricket copy)."""
    return bool(gazetteer.region(text)) or (text.endswith("shire") and text.istitle())


def _where(doc: Doc, s: int, e: int) -> bool:
    """A club's town named as the place: "in Liverpool", "at Detroit" in a results line, "moving
    them to Asia", a dateline; not what comes "from" a club ("a statement from Chelsea", "five
    points back from Chelsea")."""
    return place_context(doc, s, e) and not (s > 0 and doc[s - 1].lower_ == "from")


def teams(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Retype the places (and unlabelled names) that are sports clubs to ``ORG``.

    A name is a club if it plays (``_match_side``) or stands before a score in
    a results row; every other mention of that name in the article follows.
    """
    taken = {i for s, e, _ in ents for i in range(s, e)}
    ents = [(s - 1, e, lab) if s and doc[s - 1].text in CLUB_FIRSTS and s - 1 not in taken
            and lab in ("GPE", "LOC") else (s, e, lab) for s, e, lab in ents]  # "Real" of "Real Madrid"
    named = [(s, e) for s, e, lab in ents if lab in ("PERSON", "GPE", "LOC", "FAC", "NORP", "ORG")
             and _club_name(doc, s, e)]
    # "Manchester United" and, alone, "United"
    clubs: set[str] = {_tokens.text(doc, s, e) for s, e in named} | {
        doc[e - 1].text for s, e in named if doc[e - 1].lower_ in CLUB_WORDS}  # not "Madrid"
    players = {e for s, e, lab in ents if lab == "PERSON" and e - s >= 2}
    # the surnames of people named in full are no clubs: "Nadal 6-7 6-2 Roddick", "Nadal outplays Roddick"
    surnames = {doc[e - 1].text for s, e, lab in ents if lab == "PERSON" and e - s >= 2}
    for s, e, lab in ents:
        if lab in ("GPE", "LOC", "ORG", "PERSON", "NORP", "FAC") and _club_candidate(doc, s, e, lab) \
                and (_match_side(doc, s, e, lab == "PERSON") or _in_a_line_up(doc, s, e, players)):
            clubs.add(_tokens.text(doc, s, e))
    clubs = (clubs | _listed_with(doc, ents, clubs)) - (surnames - {doc[e - 1].text for s, e in named})
    by_tok = {i: n for n, (s, e, _) in enumerate(ents) for i in range(s, e)}
    rows = [name for start, end in _rows(doc) for name in _row_names(doc, start, end)]
    people = sum(1 for s, e in rows if any(ents[n][2] == "PERSON" and ents[n][1] - ents[n][0] >= 2
                                           for n in {by_tok[i] for i in range(s, e) if i in by_tok}))
    others = sum(1 for s, e in rows if not gazetteer.country(_tokens.text(doc, s, e))) - people
    # "Bradford 1 Tranmere 0 ... Crystal Palace 1": a "person" in rows of sides is one too
    sides = others >= 6 and others >= 4 * people
    out = list(ents)
    drop: set[int] = set()
    for s, e in rows:
        if not sides and (_person_names(doc, s, e) or _tokens.text(doc, s, e) in surnames):
            continue
        hit = sorted({by_tok[i] for i in range(s, e) if i in by_tok})
        labels = {ents[n][2] for n in hit}
        if gazetteer.country(_tokens.text(doc, s, e)) or labels & {"DATE", "MONEY", "CARDINAL"}:
            continue
        if "PERSON" in labels and any(ents[n][1] - ents[n][0] >= 2 for n in hit):
            if not sides or len(hit) != 1:
                continue
            s, e = ents[hit[0]][:2]  # "Greenock Morton 1", where the row's name is "Morton"
        drop.update(hit)
        out.append((s, e, "ORG"))
        clubs.add(_tokens.text(doc, s, e))
    out = [x for n, x in enumerate(out) if n not in drop]
    # where two counties play, the others the article names are sides too ("Derbyshire kept up the hunt")
    if sum(map(_a_county, clubs)) >= 2:
        clubs |= {t for s, e, lab in out
                  if lab in ("GPE", "LOC", "PERSON") and _a_county(t := _tokens.text(doc, s, e))}
    if clubs:
        out = [(s, e, "ORG") if _tokens.text(doc, s, e) in clubs
               and lab in ("GPE", "LOC", "PERSON", "FAC", "NORP")
               and ((s, e) in named or not (lab == "PERSON" and e - s >= 2 or _where(doc, s, e)))
               else (s, e, lab) for s, e, lab in out]
    return sorted(set(out))


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
