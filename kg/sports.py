"""Sports copy: which names are clubs, read from the layout and the verbs.

A pure function over a spaCy ``Doc`` (never modified) and the ``(start, end,
label)`` entity triples that ``mentions`` is building; it returns a new list:

* ``teams``: a place name that plays is a club ("Leeds beat Chelsea",
  "Surrey captain Chris Lewis", "Manchester City boss Kevin Keegan", a score
  after it "Kent 108-3" or of it "Essex reached 372", a fixture "v Kent",
  "title rivals Essex , Derbyshire and Surrey" (names listed with a club), a line-up
  "Dimitri Yachvili (Biarritz)", a results
  row "Chicago 11 Toronto 2", a league table row "Tranmere 4 2 1 1"); a country
  stays a country (its national side is written with the country's name).

Who in results laid out as lists is a player is read by ``_lineups``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import numpy as np
from spacy.attrs import IS_PUNCT, IS_SPACE, LIKE_NUM
from spacy.tokens import Doc, Token

from . import _tokens, gazetteer
from .lexicon import CLUB_FIRSTS, CLUB_WORDS
from .retype import SCORE, Ent, place_context, place_like

__all__ = ["teams"]

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
