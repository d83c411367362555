"""Stage 5b: events, attribution and modality, read from the parse.

* ``find_events`` turns relations that describe something happening ("Akar
  phoned Reznikov") and event nouns ("Russia's military operation", "the
  Minsk agreements were signed in Moscow") into ``Event`` records with
  agents, participants, times and places (SEM style).
* ``attribute`` marks relations said by someone ("Erdoğan said Turkey will
  continue to support Ukraine") with the speaker and the hedge ("will
  continue to"), so that claims are not flattened into facts.

Pure functions of the ``Doc`` and the stage records; the ``Doc`` is never changed.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import replace

from rdflib import URIRef
from spacy.tokens import Doc, Token

from . import _tokens, gazetteer
from .lexicon import NOUN_PREDICATES, PREP_PREDICATES, VERB_PREDICATES, stands_for
from .types import Event, Mention, Relation
from .vocab import EVT, KG

__all__ = ["EVENT_FOR_PREDICATE", "EVENT_NOUNS", "attribute", "find_events"]

#: Relation property -> event type, for relations that report something happening.
EVENT_FOR_PREDICATE: dict[URIRef, URIRef] = {
    KG.phoned: EVT.PhoneCall, KG.met: EVT.Meeting, KG.discussedWith: EVT.Discussion,
    KG.annexed: EVT.Annexation, KG.invaded: EVT.Invasion, KG.recognized: EVT.Recognition,
    KG.fled: EVT.Flight, KG.killed: EVT.Killing,
}
#: Event verb -> event type, for verbs whose arguments no relation rule joined.
EVENT_VERBS: dict[str, URIRef] = {
    "annex": EVT.Annexation, "invade": EVT.Invasion, "recognize": EVT.Recognition,
    "recognise": EVT.Recognition, "phone": EVT.PhoneCall, "telephone": EVT.PhoneCall,
    "meet": EVT.Meeting, "assassinate": EVT.Killing, "kill": EVT.Killing, "flee": EVT.Flight,
    "bomb": EVT.MilitaryOperation, "shell": EVT.MilitaryOperation,
}
#: Event noun -> (event type, prepositions that introduce a participant).
EVENT_NOUNS: dict[str, tuple[URIRef, tuple[str, ...]]] = {
    "call": (EVT.PhoneCall, ("with",)), "meeting": (EVT.Meeting, ("with", "between")),
    "summit": (EVT.Meeting, ("with", "between")), "talk": (EVT.Discussion, ("with", "between")),
    "invasion": (EVT.Invasion, ("of",)), "annexation": (EVT.Annexation, ("of",)),
    "intervention": (EVT.MilitaryOperation, ("in", "against")),
    "operation": (EVT.MilitaryOperation, ("against",)), "offensive": (EVT.MilitaryOperation, ("against",)),
    "airstrike": (EVT.MilitaryOperation, ("on", "against")), "attack": (EVT.MilitaryOperation, ("on", "against")),
    "agreement": (EVT.Agreement, ("with", "between")), "accord": (EVT.Agreement, ("with", "between")),
    "treaty": (EVT.Agreement, ("with", "between")), "deal": (EVT.Agreement, ("with", "between")),
    "revolution": (EVT.Protest, ()), "protest": (EVT.Protest, ("against",)),
    "uprising": (EVT.Protest, ("against",)), "recognition": (EVT.Recognition, ("of",)),
    "assassination": (EVT.Killing, ("of",)), "killing": (EVT.Killing, ("of",)),
    "murder": (EVT.Killing, ("of",)), "election": (EVT.Election, ("in",)),
}
_MILITARY = {"military", "army", "ground", "air", "naval", "special", "counter-terrorism"}
_PHONE = {"phone", "telephone", "video"}
_LIGHT = {"hold", "have", "make", "conduct", "host", "sign", "launch", "start", "begin", "stage"}
_SAY = {"say", "tell", "state", "announce", "claim", "add", "insist", "warn", "declare", "report",
        "confirm", "allege", "accuse", "deny"}
_MODALS = {"will", "would", "could", "can", "may", "might", "should", "must", "shall", "'ll"}
_HEDGES = {"ready", "continue", "plan", "want", "intend", "hope", "try", "seek", "aim", "threaten",
           "promise", "expect", "prepare", "vow", "pledge", "refuse", "fail", "likely", "able",
           "willing", "set", "due", "poise", "consider"}
_ACTOR = {"PERSON", "ORG", "GPE", "NORP", "PRON"}
_PLACE = {"GPE", "LOC", "FAC"}

_Index = dict[int, Mention]


def _kind(m: Mention) -> str:
    return stands_for(m.label, m.role)  # "the company" counts as an organisation


def _index(doc: Doc, mentions: Iterable[Mention]) -> _Index:
    idx: _Index = {}
    for m in mentions:
        found = _tokens.bounds(doc, m.start, m.end, "expand")
        if found is not None:
            idx[_tokens.root(doc, m.start, m.end, "expand")] = m  # type: ignore[index]
            for i in range(*found):
                idx.setdefault(i, m)
    return idx


def _token(doc: Doc, m: Mention) -> Token | None:
    i = _tokens.root(doc, m.start, m.end, "expand")
    return doc[i] if i is not None else None


def _lca(a: Token, b: Token) -> Token:
    above = {a.i, *(t.i for t in a.ancestors)}
    return next((t for t in [b, *b.ancestors] if t.i in above), a.sent.root)


@functools.cache
def _lexicon() -> dict[URIRef, frozenset[str]]:
    """Words that can name each relation, from the relation rules' tables."""
    words: dict[URIRef, set[str]] = {}
    for lemma, p in VERB_PREDICATES.items():
        words.setdefault(p, set()).add(lemma)
    for (lemma, _), p in PREP_PREDICATES.items():
        words.setdefault(p, set()).add(lemma)
    for lemma, (p, _) in NOUN_PREDICATES.items():
        words.setdefault(p, set()).add(lemma)
    words.setdefault(KG.said, set()).update(_SAY)
    return {p: frozenset(ws) for p, ws in words.items()}


def _distance(a: Token, b: Token) -> int:
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    pos = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate(up_b):
        if t.i in pos:
            return n + pos[t.i]
    return len(up_a) + len(up_b)


def _trigger(r: Relation, s: Token, o: Token | None) -> Token:
    """The word that names the relation: the closest word of its lexicon to the subject."""
    words = _lexicon().get(r.predicate, frozenset())
    lemma = _tokens.strings(s.doc, _tokens.LEMMA, fold=True)
    start, end = _tokens.sentences(s.doc)[_tokens.sentence_ids(s.doc)[s.i]]
    found = [s.doc[i] for i in range(start, end) if lemma[i] in words and i != s.i]
    if found:
        return min(found, key=lambda t: (_distance(t, s), abs(t.i - s.i)))
    return _lca(s, o) if o is not None else s.head


def _clause_verb(tok: Token) -> Token:
    for t in [tok, *tok.ancestors]:
        if t.pos_ in ("VERB", "AUX"):
            return t
    return tok.sent.root


def _governor(tok: Token, triggers: set[int]) -> Token:
    """The verb or event noun a time or place phrase hangs from."""
    for t in tok.ancestors:
        if t.pos_ in ("VERB", "AUX") or t.i in triggers:
            return t
    return tok.sent.root


_REJECT = {"reject", "deny", "dismiss", "refute", "dispute", "contest"}


def _disputer(say: Token, idx: _Index) -> Mention | None:
    """Who rejects what ``say`` reports: "They claimed ..., claims rejected by Moscow"."""
    verb = say.head
    if say.dep_ not in ("ccomp", "conj") or verb is say or verb.lemma_.lower() not in _REJECT:
        return None
    for c in verb.children:
        if c.dep_ == "agent":
            return next((idx[p.i] for p in c.children if p.dep_ == "pobj" and p.i in idx), None)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return idx.get(subj.i) if subj is not None else None


def context(tok: Token, idx: _Index) -> tuple[Mention | None, str, bool, Mention | None]:
    """Who reports the clause of ``tok``, its hedge ("will continue to"), whether it is
    negated, and who rejects the report ("claims rejected by Moscow")."""
    verb = _clause_verb(tok)
    words: list[str] = []
    negated = False
    speaker: Mention | None = None
    chain = [verb]
    while chain[-1].dep_ in ("xcomp", "acomp") and chain[-1].head is not chain[-1]:
        chain.append(chain[-1].head)
    for v in chain:
        for c in v.children:
            if c.dep_ == "neg":
                negated = True
            elif c.dep_ == "aux" and c.lower_ in _MODALS:
                words.append(c.lower_)
        if v is not verb and v.lemma_.lower() in _HEDGES:
            words.append(f"{v.lemma_.lower()} to")
    disputer: Mention | None = None
    for t in [verb, *verb.ancestors]:
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in _SAY:
            subj = next((c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            speaker = idx.get(subj.i) if subj is not None else None
            disputer = _disputer(t.head, idx)
            break
        for prep in (c for c in t.children if c.dep_ == "prep" and c.lower_ == "according"):
            pobj = next((g for p in prep.children for g in p.children if g.dep_ == "pobj"), None)
            speaker = idx.get(pobj.i) if pobj is not None else None
    modal_order = sorted(set(words), key=lambda w: (w not in _MODALS, words.index(w)))
    return speaker, " ".join(modal_order), negated, disputer


def attribute(doc: Doc, relations: Sequence[Relation], mentions: Sequence[Mention]) -> list[Relation]:
    """The relations with their speaker and hedge, where the text gives them."""
    idx = _index(doc, mentions)
    out = []
    for r in relations:
        s = _token(doc, r.subject)
        o = _token(doc, r.object) if r.object is not None else None
        if s is None:
            out.append(r)
            continue
        trigger = _trigger(r, s, o)
        speaker, modality, _, disputer = context(trigger, idx)
        if r.predicate == KG.said:  # the hedge inside what was said: "Turkey is ready to ..."
            modality = _reported_hedge(trigger, idx)
        if speaker is not None and speaker in (r.subject, r.object):
            speaker = None  # "Akar said ..." is not a claim about Akar by Akar
        out.append(replace(r, attributed_to=speaker, modality=modality, disputed_by=disputer)
                   if speaker or modality or disputer else r)
    return out


def _reported_hedge(say: Token, idx: _Index) -> str:
    clause = next((c for c in say.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return ""
    inner = clause
    while (nxt := next((c for c in inner.children if c.dep_ in ("xcomp", "acomp")), None)) is not None:
        inner = nxt
    return context(inner, idx)[1]


def _mention_of(tok: Token, doc_id: str) -> Mention:
    return Mention(doc_id, tok.idx, tok.idx + len(tok), tok.text, "EVENT", "", 0, tok.dep_)


def _event_noun(tok: Token) -> tuple[URIRef, tuple[str, ...]] | None:
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or lemma not in EVENT_NOUNS:
        return None
    mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
    if lemma == "call" and not mods & _PHONE:
        return None
    if lemma == "operation" and not mods & _MILITARY:
        return None
    return EVENT_NOUNS[lemma]


def find_events(doc: Doc, doc_id: str, mentions: Sequence[Mention],
                relations: Sequence[Relation]) -> list[Event]:
    """Events of an article, from its relations and its event nouns, in text order."""
    idx = _index(doc, mentions)
    found: dict[int, dict[str, object]] = {}
    for r in relations:
        kind = EVENT_FOR_PREDICATE.get(r.predicate)
        s = _token(doc, r.subject)
        o = _token(doc, r.object) if r.object is not None else None
        if kind is None or s is None or o is None:
            continue
        trigger = _trigger(r, s, o)
        noun = next((c for c in trigger.children if c.dep_ == "dobj" and _event_noun(c)), None)
        if trigger.lemma_.lower() in _LIGHT and noun is not None:
            trigger = noun  # "held a phone call with ...": the call is the event
        e = found.setdefault(trigger.i, {"kind": kind, "agents": [], "participants": [],
                                         "conf": r.confidence, "rule": "relation"})
        for key, m in (("agents", r.subject), ("participants", r.object)):
            if m not in e[key]:  # type: ignore[operator]
                e[key].append(m)  # type: ignore[attr-defined]
    for i in _tokens.select(doc, _tokens.LEMMA, EVENT_VERBS.keys() | EVENT_NOUNS.keys(), fold=True,
                            pos=("VERB", "NOUN")):
        tok = doc[i]
        if tok.pos_ == "VERB" and tok.i not in found and tok.lemma_.lower() in EVENT_VERBS:
            verbal = _verb_event(tok, idx)
            if verbal is not None:
                found[tok.i] = verbal
            continue
        spec = _event_noun(tok)
        if spec is None or tok.i in found:
            continue
        kind, preps = spec
        agents = [idx[c.i] for c in tok.children if c.dep_ in ("poss", "compound")
                  and c.i in idx and _kind(idx[c.i]) in _ACTOR
                  and not (c.dep_ == "compound" and gazetteer.capital_country(c.text))]
        if not agents and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _LIGHT:
            agents = [idx[c.i] for c in tok.head.children if c.dep_ == "nsubj" and c.i in idx]
        participants = [idx[g.i] for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
                        for g in c.children if g.dep_ == "pobj" and g.i in idx
                        and _kind(idx[g.i]) in _ACTOR | _PLACE]
        found[tok.i] = {"kind": kind, "agents": agents, "participants": participants,
                        "conf": 0.6 if agents or participants else 0.5, "rule": "event-noun"}
    if not found:
        return []
    by_sentence: dict[int, list[tuple[Mention, Token]]] = {}  # times and places, by sentence
    for m in mentions:
        if m.label == "DATE" or m.label in _PLACE:
            root = _token(doc, m)
            if root is not None:
                by_sentence.setdefault(root.sent.start, []).append((m, root))
    return [_event(doc, doc_id, i, e, found, idx, by_sentence) for i, e in sorted(found.items())]


def _verb_event(verb: Token, idx: _Index) -> dict[str, object] | None:
    """An event verb's agents and participants, read from the parse alone."""
    def named(tok: Token) -> list[Mention]:
        out = []
        for t in [tok, *tok.conjuncts]:
            m = idx.get(t.i) or next((idx[c.i] for c in t.children  # "the Crimea region"
                                      if c.dep_ in ("compound", "nmod", "appos") and c.i in idx), None)
            if m is not None and _kind(m) in _ACTOR | _PLACE and m not in out:
                out.append(m)
        return out

    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    agents = [m for c in verb.children if c.dep_ == "nsubj" for m in named(c)]
    agents += [m for c in verb.children if c.dep_ == "agent" for p in c.children
               if p.dep_ == "pobj" for m in named(p)]
    rule, conf = "event-verb", 0.6
    head = verb.head
    if not agents and verb.dep_ in ("advcl", "xcomp", "conj") and head is not verb:
        for c in head.children:  # "followed by Russia annexing ...", "decided to annex"
            if c.dep_ in ("agent", "nsubj") and not (c.dep_ == "nsubj" and passive):
                agents += named(c) if c.dep_ == "nsubj" else [
                    m for p in c.children if p.dep_ == "pobj" for m in named(p)]
    if not agents and verb.dep_ == "ROOT" and not passive:
        before = [idx[t.i] for t in verb.sent if t.i < verb.i and t.i in idx
                  and idx[t.i].label in _ACTOR - {"PRON"} and t.dep_ in ("nsubj", "appos")]
        if before:  # a subject the parser hung elsewhere; less sure
            agents, rule, conf = [before[-1]], "event-verb-nearest-subject", 0.45
    objects = "nsubjpass" if passive else "dobj"
    participants = [m for c in verb.children if c.dep_ == objects for m in named(c)]
    if not agents and not participants:
        return None
    return {"kind": EVENT_VERBS[verb.lemma_.lower()], "agents": agents,
            "participants": [m for m in participants if m not in agents], "conf": conf, "rule": rule}


def _event(doc: Doc, doc_id: str, i: int, e: dict[str, object], found: dict[int, dict[str, object]],
           idx: _Index, by_sentence: dict[int, list[tuple[Mention, Token]]]) -> Event:
    trigger = doc[i]
    triggers = set(found)
    anchors = {trigger.i}
    if trigger.pos_ == "NOUN" and trigger.head.pos_ in ("VERB", "AUX") and trigger.dep_ in (
            "nsubj", "nsubjpass", "dobj"):
        anchors.add(trigger.head.i)  # "the agreements were signed in Moscow"
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.lemma_.lower() in (
            "start", "beginning", "launch", "end", "outbreak", "resumption"):
        anchors.add(trigger.head.head.i)  # "the start of a military operation ... on Thursday"
    times: list[Mention] = []
    places: list[Mention] = []
    for m, root in by_sentence.get(trigger.sent.start, ()):
        gov = _governor(root, triggers | anchors)
        if m.label == "DATE" and (gov.i in anchors or root.head.i in anchors):
            times.append(m)
        elif m.label in _PLACE and root.dep_ == "pobj" and root.head.lower_ in ("in", "at") \
                and root.head.head.i in anchors and m not in e["participants"]:  # type: ignore[operator]
            places.append(m)
    speaker, modality, negated, disputer = context(trigger, idx)
    start, end = _tokens.sentence_chars(doc, trigger.i)
    return Event(doc_id, e["kind"], _mention_of(trigger, doc_id),  # type: ignore[arg-type]
                 tuple(e["agents"]), tuple(e["participants"]), tuple(times), tuple(places),  # type: ignore[arg-type]
                 start, end, float(e["conf"]), str(e["rule"]), speaker, modality, negated,  # type: ignore[arg-type]
                 disputer)
