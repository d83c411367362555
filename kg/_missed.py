"""Names the model missed or split, found from the look of an article: countries and demonyms in
a headline in capitals ("ISRAEL BEAT BULGARIA": ``unlabelled``, ``headline_countries``), a name
before a bracketed country ("Nico Motchebon ( Germany )"), an institution after a demonym ("the
British Library": ``institutions``), an organisation's acronym in brackets (``acronyms``) and a
numbered military unit ("the 12th Brigade": ``units``).

Pure functions over a spaCy ``Doc`` (never modified) and the ``(start, end, label)`` entity
triples that ``mentions`` is building; each returns a new list.  (Moved from ``kg.retype``, which
had grown past 400 lines.)
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from . import _tokens, gazetteer
from .retype import DASHES, Ent, place_like

__all__ = ["acronyms", "headline_countries", "institutions", "units", "unlabelled"]


def _free_run(doc: Doc, i: int, taken: set[int], pred) -> int:  # type: ignore[no-untyped-def]
    j = i
    while j < len(doc) and j not in taken and pred(doc[j]):
        j += 1
    return j


def unlabelled(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Names the model missed: countries, cities and demonyms in capitals ("ISRAEL BEAT
    BULGARIA"), and a name followed by a bracketed country ("Nico Motchebon ( Germany )")."""
    taken = {i for s, e, _ in ents for i in range(s, e)}
    out = list(ents)
    i = 0  # the first token not yet read
    for c in _tokens.select(doc, _tokens.ORTH, lambda t: t.isalpha() and t[:1].isupper()):
        if c < i or c in taken:
            continue
        i, tok = c, doc[c]
        if tok.is_upper and len(tok.text) > 2:  # a headline in capitals
            j = _free_run(doc, i, taken, lambda t: t.is_upper and t.is_alpha)
            for k in range(j, i, -1):  # the longest known name at i
                text = doc[i:k].text
                if gazetteer.country(text) or ((k - i > 1 or len(text) > 3) and gazetteer.city(text)):
                    out.append((i, k, "GPE"))
                    break
                if k == i + 1 and gazetteer.demonym_country(text):
                    out.append((i, k, "NORP"))
                    break
            else:
                k = i + 1
            i = k
            continue
        j = _free_run(doc, i, taken, lambda t: t.is_alpha and t.text[:1].isupper() and not t.is_upper)
        if (2 <= j - i <= 3 and j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")"
                and gazetteer.country(doc[j + 1].text) and not place_like(doc[i:j].text)):
            out.append((i, j, "PERSON"))
        i = max(j, i + 1)
    return sorted(out)


#: One-word heads of an institution's name after a people's adjective: "the British Library",
#: "the Scottish Executive" (the model reads a demonym and a person).
_INSTITUTIONS = {"library", "museum", "executive", "parliament", "government", "army", "navy",
                 "council", "airways", "academy", "embassy", "assembly", "open"}


def institutions(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A demonym and a capitalised institution word after it are one organisation ("the British
    Library"; not "British actor", nor "Russian Svetlana Kuznetsova")."""
    by_start = {s: (s, e, lab) for s, e, lab in ents}
    out: list[Ent] = []
    drop: set[Ent] = set()
    for s, e, lab in ents:
        nxt = by_start.get(e)
        if (lab == "NORP" and e < len(doc) and doc[e].lower_ in _INSTITUTIONS and doc[e].text[:1].isupper()
                and (nxt is None or nxt[1] == e + 1)
                and not (e + 1 < len(doc) and doc[e + 1].text[:1].isupper())):
            out.append((s, e + 1, "ORG"))
            if nxt is not None:
                drop.add(nxt)
        else:
            out.append((s, e, lab))
    return [x for x in out if x not in drop]


def headline_countries(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Countries inside a headline in capitals that the model read as one name across its dash:
    "SOCCER - ENGLAND BEAT MOLDOVA IN" is England and Moldova, "CRICKET - SRI LANKA" Sri Lanka; the
    other words of such a "name" are none (a paper's name has no dash: "LA ESTRELLA DE PANAMA")."""
    out: list[Ent] = []
    for s, e, lab in ents:
        words = [t for t in doc[s:e] if t.is_alpha]
        if lab == "DATE" or e - s < 2 or not words or not all(t.is_upper for t in words) or not any(
                t.text in DASHES for t in doc[s:e]):  # a headline's "SPORT - …"; not "LA ESTRELLA DE PANAMA"
            out.append((s, e, lab))
            continue
        found: list[Ent] = []
        i = s
        while i < e:
            k = next((k for k in (3, 2, 1) if i + k <= e and all(t.is_alpha for t in doc[i:i + k])
                      and len(doc[i:i + k].text) > 2 and gazetteer.country(doc[i:i + k].text.title())), 0)
            if k:
                found.append((i, i + k, "GPE"))
            i += k or 1
        if found and found != [(s, e, "GPE")]:
            out += found
        else:
            out.append((s, e, lab))
    return out


def acronyms(doc: Doc, ents: list[Ent], taken: set[int]) -> list[Ent]:
    """An organisation's acronym in brackets right after its name, where the model left it
    unlabelled: "the National Central Organization of Panamanian Workers (CNTP)".  ``taken``
    gains their tokens."""
    out: list[Ent] = []
    for s, e, lab in ents:
        if (lab == "ORG" and e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")"
                and e + 1 not in taken and doc[e + 1].is_upper and doc[e + 1].is_alpha
                and 2 <= len(doc[e + 1]) <= 6):
            out.append((e + 1, e + 2, "ORG"))
            taken.add(e + 1)
    return out


#: Military units named by their number: "the 12th Brigade", "the 6th Fleet".
_UNITS = {"brigade", "division", "regiment", "battalion", "fleet", "army", "corps", "squadron", "wing",
          "infantry", "cavalry", "armoured", "armored", "airborne", "marines"}
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def units(doc: Doc, taken: set[int]) -> list[Ent]:
    """Numbered military units the model left unlabelled ("to the 12th Brigade in Botoa", "the
    3rd Infantry Division"): organisations.  ``taken`` gains their tokens."""
    out: list[Ent] = []
    for i in _tokens.select(doc, _tokens.LOWER, _ORDINAL.fullmatch):
        j = i + 1
        while j < len(doc) and j not in taken and doc[j].is_title and doc[j].lower_ in _UNITS:
            j += 1
        if j > i + 1 and i not in taken:
            out.append((i, j, "ORG"))
            taken.update(range(i, j))
    return out
