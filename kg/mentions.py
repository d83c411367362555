"""Stage 3: find the mentions in a parsed article.

Named entities come from spaCy's NER, then corrected: person names grow over
first names the model left out ("Oleksii Reznikov"), titles in front of a
name become the mention's ``role`` instead of part of it ("Defense Minister
Hulusi Akar"), country names and demonyms are typed from the gazetteer, and a
leading "the" is dropped.  Personal pronouns are mentions too, for coreference.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from . import gazetteer
from .types import Mention

__all__ = ["TITLE_HEADS", "find_mentions"]

LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "DATE", "EVENT", "LAW", "WORK_OF_ART",
          "PRODUCT"}
PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its"}

#: Words that make a title on their own ("President", "Minister").
TITLE_HEADS = {
    "president", "minister", "secretary", "chancellor", "premier", "king", "queen", "prince",
    "princess", "senator", "sen.", "governor", "gov.", "mayor", "general", "gen.", "admiral",
    "colonel", "col.", "commander", "chief", "chairman", "chairwoman", "chair", "ceo", "cfo",
    "director", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "leader",
    "judge", "justice", "pope", "sheikh", "emir", "sultan", "professor", "prof.", "officer",
    "attorney", "prosecutor", "coach", "manager", "captain", "founder", "boss", "executive",
    "representative", "rep.", "lawmaker", "mp", "congressman", "congresswoman", "deputy",
    "chairperson", "head", "lieutenant", "lt.", "sergeant", "sgt.", "major", "marshal",
    "commissioner", "inspector", "detective", "bishop", "archbishop", "cardinal", "rabbi",
    "imam", "ayatollah", "dr", "dr.", "sir", "dame", "lord", "lady", "striker", "midfielder",
    "defender", "goalkeeper", "analyst", "economist", "chef", "singer", "actor", "actress",
}
#: Words that qualify a title ("Defense", "Prime", "Foreign").
_TITLE_MODIFIERS = {
    "defense", "defence", "foreign", "interior", "finance", "prime", "vice", "acting", "first",
    "health", "trade", "economy", "economic", "energy", "home", "culture", "education", "labour",
    "labor", "transport", "environment", "agriculture", "state", "attorney", "supreme", "grand",
    "senior", "junior", "assistant", "associate", "managing", "opposition", "shadow", "deputy",
    "executive", "chief", "general", "army", "military", "police", "party", "foreign-affairs",
    "treasury", "justice", "industry", "security", "intelligence", "development", "science",
    "technology", "communications", "information", "sports", "tourism", "housing", "employment",
    "welfare", "immigration", "european", "national", "regional", "federal", "central", "news",
    "financial", "operating", "technical", "creative", "commercial", "team", "club", "union",
}
_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame"}
_DROP_FROM_ROLE = {"former", "then", "new", "late", "ex", "ex-", "outgoing", "incoming"}
_DATE_WORDS = re.compile(
    r"\d|january|february|march|april|may|june|july|august|september|october|november|"
    r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|"
    r"tomorrow|tonight|\b(last|this|next|earlier|later)\b", re.I)


def _is_title_word(tok: Token) -> bool:
    low = tok.lower_
    return low in TITLE_HEADS or low in _TITLE_MODIFIERS or low in _DROP_FROM_ROLE


def _title_before(doc: Doc, start: int) -> tuple[int, str]:
    """Where a title in front of token ``start`` begins, and the role it names."""
    i = start
    while i > 0:
        tok = doc[i - 1]
        if _is_title_word(tok) and not tok.is_space:
            i -= 1
        elif tok.lower_ == "of" and i > 1 and doc[i - 2].lower_ in TITLE_HEADS and i < start:
            i -= 1  # "Secretary of State"
        else:
            break
    words = [t for t in doc[i:start]]
    if not any(t.lower_ in TITLE_HEADS for t in words):
        return start, ""
    role_words = [t.text for t in words if t.lower_ not in _DROP_FROM_ROLE]
    if all(w.lower() in _HONORIFICS for w in role_words):
        return i, ""
    while role_words and role_words[0].lower() == "of":
        role_words.pop(0)
    return i, " ".join(role_words)


def _grow_person(doc: Doc, start: int, end: int) -> int:
    """Take in proper nouns the NER left out: "Oleksii" in "Oleksii Reznikov"."""
    while start > 0:
        tok = doc[start - 1]
        if (tok.pos_ == "PROPN" and tok.dep_ == "compound" and start <= tok.head.i < end
                and tok.ent_type_ in ("", "PERSON") and not _is_title_word(tok)
                and tok.lower_ not in _HONORIFICS and tok.text[:1].isupper()):
            start -= 1
        else:
            break
    return start


def _label(span: Span, label: str) -> str:
    text = span.text
    if label in ("GPE", "LOC", "ORG", "PERSON", "NORP") and gazetteer.country(text):
        return "GPE"
    if label in ("NORP", "GPE", "ORG") and gazetteer.demonym_country(text):
        return "NORP"
    return label


def _mention(doc: Doc, doc_id: str, start: int, end: int, label: str, role: str,
             sent_of: dict[int, int]) -> Mention | None:
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].lower_ in ("'s", "’s", "'")):
        end -= 1
    if start >= end:
        return None
    span = doc[start:end]
    return Mention(doc_id, span.start_char, span.end_char, span.text, label, role,
                   sent_of[span.root.i], span.root.dep_)


def find_mentions(doc: Doc, doc_id: str) -> list[Mention]:
    """All mentions in ``doc``, in text order; ``doc`` is not changed."""
    sent_of = {tok.i: n for n, sent in enumerate(doc.sents) for tok in sent}
    taken: set[int] = set()
    out: list[Mention] = []
    ents = [e for e in doc.ents if e.label_ in LABELS]
    # person names first, so the titles they claim are not read as organisations
    for ent in sorted(ents, key=lambda e: (e.label_ != "PERSON", e.start)):
        start, end, label, role = ent.start, ent.end, _label(ent, ent.label_), ""
        if label == "PERSON":
            start = _grow_person(doc, start, end)
            title_start, role = _title_before(doc, start)
            taken.update(range(title_start, start))
            # a title spaCy put inside the name: "President Recep Tayyip Erdoğan"
            inner_start, inner_role = start, ""
            while inner_start < end - 1 and _is_title_word(doc[inner_start]):
                inner_start += 1
            if inner_start > start:
                _, inner_role = _title_before(doc, inner_start)
                start, role = inner_start, inner_role or role
        elif label == "DATE" and not _DATE_WORDS.search(ent.text):
            continue
        if any(i in taken for i in range(start, end)):
            continue
        if label != "PERSON" and all(_is_title_word(t) for t in doc[start:end]):
            continue
        m = _mention(doc, doc_id, start, end, label, role, sent_of)
        if m is not None:
            taken.update(range(start, end))
            out.append(m)
    for tok in doc:
        if tok.i in taken:
            continue
        if tok.lower_ in PRONOUNS and tok.pos_ == "PRON":
            out.append(Mention(doc_id, tok.idx, tok.idx + len(tok), tok.text, "PRON", "",
                               sent_of[tok.i], tok.dep_))
        elif tok.pos_ in ("ADJ", "PROPN") and not tok.ent_type_ and gazetteer.demonym_country(tok.text):
            if tok.text[:1].isupper():  # "Ukrainian" that the NER missed
                out.append(Mention(doc_id, tok.idx, tok.idx + len(tok), tok.text, "NORP", "",
                                   sent_of[tok.i], tok.dep_))
    return sorted(out, key=lambda m: (m.start, m.end))
