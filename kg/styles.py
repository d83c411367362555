"""People named by a style and a place: "the Duke of Edinburgh", "the Archbishop of Canterbury".

A peer or a bishop is often named only by the title and its territory.  The
model reads such a name as the place inside it ("the Prince of Wales" became a
mention of Wales, "Britain's Duchess of York" a place in Britain) or as
nothing.  ``styled`` makes the whole style one person and drops the place
inside it: nobody there is said to be in Wales.  A style before a name is a
title, not a name ("the Archbishop of Canterbury Rowan Williams" is Rowan
Williams).  Left alone: a style inside a longer name ("the Duke of Edinburgh
Award", "the Prince of Wales Hospital") and one whose place the gazetteer does
not know ("Prince of Persia", a game).

``titled_works`` joins the two halves of a title the model cut at "of the": "Eternal Sunshine"
and "the Spotless Mind" are one name (nothing is based in a "Spotless Mind"); not a name and
the place or the organisation it is "of" ("Andy Roddick of the USA", "Faik Nerweyi of the
Kurdistan Democratic Party").  ``joined_places`` joins a place the model cut into two names
("Newton" and "Aycliffe" are Newton Aycliffe, a town the gazetteer knows).  ``parties`` makes a
party's name one organisation ("Liberal" and "Democrat" are the Liberal Democrat party).
"""

from __future__ import annotations

from spacy.tokens import Doc

from . import _tokens, gazetteer

__all__ = ["PARTY_WORDS", "STYLES", "joined_places", "parties", "quoted_titles", "styled", "titled_works"]

Ent = tuple[int, int, str]

#: Titles that, with "of" and a place, name one person.
STYLES = {"duke", "duchess", "prince", "princess", "earl", "countess", "marquess", "marchioness",
          "viscount", "viscountess", "baron", "baroness", "archbishop", "bishop"}


def _place_end(doc: Doc, start: int) -> int:
    """End of the place name at ``start`` (one to three capitalised words the gazetteer knows as
    a city, region or country: not "Persia" of "Prince of Persia"), else ``start``."""
    end = start
    while end < len(doc) and end - start < 3 and doc[end].is_alpha and doc[end].text[:1].isupper():
        end += 1
    text = doc[start:end].text
    known = gazetteer.city(text) or gazetteer.region(text) or gazetteer.country(text)
    return end if end > start and known else start


def styled(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """``ents`` with each "Style of Place" as one ``PERSON`` and the names inside it removed."""
    labels = {i: lab for s, e, lab in ents for i in range(s, e)}
    found: list[tuple[int, int]] = []
    for i in _tokens.select(doc, _tokens.LOWER, STYLES):
        if not doc[i].text[:1].isupper() or i + 2 >= len(doc) or doc[i + 1].lower_ != "of":
            continue
        end = _place_end(doc, i + 2)
        if end == i + 2 or (end < len(doc) and (doc[end].text[:1].isupper() or labels.get(end) == "PERSON")):
            continue  # not a place; "Duke of Edinburgh Award"; a title before a name
        found.append((i, end))
    if not found:
        return ents
    taken = {i for s, e in found for i in range(s, e)}
    kept = [(s, e, lab) for s, e, lab in ents if not taken.intersection(range(s, e))]
    return sorted(kept + [(s, e, "PERSON") for s, e in found])


def titled_works(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """``ents`` with "A of the B" as one name where the model made A a work, a product, a
    building or an organisation and B a thing no gazetteer knows as a place: the work's label if
    either half is one, else A's ("Eternal Sunshine of the Spotless Mind")."""
    out: list[Ent] = []
    for s, e, lab in sorted(ents):
        prev = out[-1] if out else None
        if (prev is not None and s == prev[1] + 2 and doc[prev[1]].lower_ == "of"
                and doc[prev[1] + 1].lower_ == "the" and prev[2] in ("ORG", "WORK_OF_ART", "PRODUCT", "FAC")
                and lab in ("FAC", "LOC", "WORK_OF_ART", "PRODUCT")  # not "X of the Kurdistan Democratic Party"
                and not (gazetteer.country(text := doc[s:e].text) or gazetteer.region(text)
                         or gazetteer.city(text))):
            out[-1] = (prev[0], e, "WORK_OF_ART" if "WORK_OF_ART" in (lab, prev[2]) else prev[2])
            continue
        out.append((s, e, lab))
    return out


_CLOSES = {'"': '"', "'": "'", "``": "''", "`": "'", "“": "”", "‘": "’"}  # an opening quote: its closing one
_QUOTES = set(_CLOSES) | set(_CLOSES.values())
_SMALL = {"of", "the", "a", "an", "and", "in", "on", "to", "for", "'s", "’s", "is", "at", "over"}


def _quoted(doc: Doc) -> list[tuple[int, int]]:
    """Token spans written between quotes, two to eight tokens: an opening quote joined to the
    word after it, a closing one to the word before."""
    out = []
    for i, tok in enumerate(doc):
        close = _CLOSES.get(tok.text)
        if close and not tok.whitespace_ and (i == 0 or doc[i - 1].whitespace_ or doc[i - 1].text in _QUOTES):
            j = next((j for j in range(i + 2, min(i + 10, len(doc))) if doc[j].text == close
                      and not doc[j - 1].whitespace_), None)
            if j is not None and j - i >= 3 and not any(t.text in _QUOTES for t in doc[i + 1 : j]):
                out.append((i + 1, j))
    return out


def quoted_titles(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """``ents`` with a title in quotes, every word capitalised but the small ones, as one work
    where the model found a name inside it that is not the whole ("` ` Ryan 's Hope ' '": a
    soap, not the person Ryan); a name that fills the quotes stays as it is."""
    out = list(ents)
    for start, end in _quoted(doc):
        words = doc[start:end]
        if not (words[0].is_title and all(t.is_title or t.lower_ in _SMALL or t.is_digit for t in words)
                and sum(t.is_title for t in words) >= 2):  # not a nickname: "I caught 'Cozza's' eye"
            continue
        inside = [x for x in out if start <= x[0] and x[1] <= end]
        if inside and (start, end) not in {(s, e) for s, e, _ in inside} and not any(
                s < end and e > start and not (start <= s and e <= end) for s, e, _ in out):
            out = [x for x in out if x not in inside] + [(start, end, "WORK_OF_ART")]
    return sorted(out)


def joined_places(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """``ents`` with two names the model set side by side, one word each, as one place where the
    gazetteer knows the two words together and neither is a person's alone: "in Newton Aycliffe"
    (a place "Newton" and a person "Aycliffe"); not "Paris Hilton"."""
    out: list[Ent] = []
    for s, e, lab in sorted(ents):
        prev = out[-1] if out else None
        if (prev is not None and s == prev[1] and e - s == 1 and prev[1] - prev[0] == 1
                and doc[s - 1].whitespace_ == " " and doc[s - 1].is_title and doc[s].is_title
                and "PERSON" in (lab, prev[2]) and (lab, prev[2]) != ("PERSON", "PERSON")
                and (gazetteer.city(text := _tokens.text(doc, prev[0], e)) or gazetteer.region(text))):
            out[-1] = (prev[0], e, "GPE")
            continue
        out.append((s, e, lab))
    return out


#: Last words of a party's name ("the Liberal Democrats", "the Ulster Unionists").
PARTY_WORDS = {"democrat", "democrats", "republican", "republicans", "unionist", "unionists", "socialist",
               "socialists", "conservative", "conservatives", "nationalist", "nationalists", "liberals",
               "dem", "dems"}


def parties(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """``ents`` with a party's name one organisation: "the Liberal Democrat candidate" (a
    "organisation" "Liberal" and a group "Democrat" side by side), "the Liberal Democrats" (a
    "group", a "work" or a "person" of two words: "Lib Dem's elections chief").  Not a people and
    its members ("American Republicans", "Kurdish Muslims"), nor one word ("Democrats": the
    party's members)."""
    def party(s: int, e: int) -> bool:
        return (e - s >= 2 and doc[e - 1].lower_ in PARTY_WORDS and all(t.is_title for t in doc[s:e])
                and not gazetteer.demonym(doc[s].text))

    out: list[Ent] = []
    for s, e, lab in sorted(ents):
        prev = out[-1] if out else None
        if (prev is not None and s == prev[1] and e - s == 1 and prev[2] in ("ORG", "NORP") and lab == "NORP"
                and doc[s - 1].whitespace_ == " " and party(prev[0], e)):
            out[-1] = (prev[0], e, "ORG")
            continue
        if (lab == "NORP" and e - s == 1 and s > 0 and (prev is None or prev[1] < s)
                and doc[s - 1].pos_ == "PROPN" and doc[s - 1].whitespace_ == " " and party(s - 1, e)):
            s = s - 1  # "the Lib Dems' proposals" where the model tagged "Dems" alone
        out.append((s, e, "ORG" if lab in ("NORP", "WORK_OF_ART", "PERSON") and party(s, e) else lab))
    return out
