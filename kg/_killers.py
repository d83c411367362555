"""Who killed whom, from the words around a killing (a pattern of ``kg.relate``, like those of
``kg.patterns``):

``killers``: "Lincoln's assassin, John Wilkes Booth", "Chapman, convicted of killing Lennon",
"serving a sentence for the slaying of King" (``killed``).

Its confidences are the rule's precision measured on the CoNLL04 train split.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from . import _tokens
from ._args import Index
from .patterns import Found
from .types import Mention
from .vocab import KG

__all__ = ["killers"]

_KILL_NOUNS = {"assassin", "killer", "murderer", "slayer", "gunman"}
_KILL_EVENTS = {"kill", "killing", "murder", "assassinate", "assassination", "slaying", "slay",
                "shooting", "stab", "stabbing", "strangle"}
#: Verbs and nouns that tie a person to a killing they are held for ("convicted of killing").
_HELD_FOR = {"convict", "convicted", "charge", "charged", "accuse", "accused", "arrest", "indict",
             "sentence", "jail", "imprison", "execute", "hang", "electrocute", "guilty", "plead",
             "confess", "admit", "try", "prosecute", "serve", "suspect", "blame"}


def _killer_of(event: Token, idx: Index) -> list[Mention]:
    """Who is held for a killing named by ``event``: "convicted of killing", "a sentence for"."""
    tok, hops = event, 0
    while hops < 4 and tok.dep_ in ("pcomp", "pobj", "prep", "dobj", "xcomp", "advcl") and tok.head is not tok:
        tok, hops = tok.head, hops + 1
        if tok.lemma_.lower() in _HELD_FOR or tok.lower_ in _HELD_FOR:
            if tok.dep_ == "acl" and tok.head.i in idx:  # "Chapman, convicted of killing Lennon"
                return [idx[tok.head.i]]
            verb = tok if tok.pos_ in ("VERB", "AUX", "ADJ") else tok.head
            for c in verb.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.i in idx:
                    return [idx[c.i]]
            if verb.dep_ == "acl" and verb.head.i in idx:
                return [idx[verb.head.i]]
            return []
    return []


def _victims(event: Token, idx: Index) -> list[Mention]:
    out = []
    for c in event.children:
        if c.dep_ == "dobj" and c.i in idx:
            out.append(idx[c.i])
        elif c.dep_ == "poss" and c.i in idx and event.pos_ == "NOUN":
            out.append(idx[c.i])
        elif c.dep_ == "prep" and c.lower_ == "of" and event.pos_ == "NOUN":
            out += [idx[g.i] for g in c.children if g.dep_ == "pobj" and g.i in idx]
    return out


def killers(doc: Doc, idx: Index, mentions: list[Mention]) -> Iterator[Found]:
    """Killer and victim read off "assassin" nouns and killings someone is held for."""
    hits = set(_tokens.select(doc, _tokens.LEMMA, _KILL_NOUNS | _KILL_EVENTS, fold=True))
    hits.update(_tokens.select(doc, _tokens.LOWER, _KILL_EVENTS))
    for i in sorted(hits):
        tok = doc[i]
        lemma = tok.lemma_.lower()
        if lemma in _KILL_NOUNS and tok.pos_ == "NOUN":
            victims = _victims(tok, idx)
            killers_ = [idx[c.i] for c in tok.children if c.dep_ == "appos" and c.i in idx]
            if tok.dep_ == "appos" and tok.head.i in idx:  # "Ruby, the assassin of Oswald"
                killers_.append(idx[tok.head.i])
            if tok.dep_ in ("compound",) and tok.head.i in idx:  # "assassin Sirhan Sirhan"
                killers_.append(idx[tok.head.i])
            if tok.dep_ == "attr":  # "X was the assassin of Y"
                killers_ += [idx[c.i] for c in tok.head.children if c.dep_ == "nsubj" and c.i in idx]
            # read off the words, whatever the parse: "Kennedy 's assassin , Lee Harvey Oswald",
            # "John F. Kennedy assassin Lee Harvey Oswald"
            victim = idx.get(i - 2) if i >= 2 and doc[i - 1].lower_ in ("'s", "’s") else idx.get(i - 1)
            killer = idx.get(i + 2) if i + 2 < len(doc) and doc[i + 1].text == "," else idx.get(i + 1)
            if victim is not None and killer is not None and victim is not killer \
                    and victim.label == killer.label == "PERSON":
                victims.append(victim)
                killers_.append(killer)
            killers_ = list(dict.fromkeys(killers_))
            victims = list(dict.fromkeys(victims))
            for k in killers_:
                for v in victims:
                    yield k, KG.killed, v, tok, 0.85, "killer-noun"
        elif lemma in _KILL_EVENTS or tok.lower_ in _KILL_EVENTS:
            victims = _victims(tok, idx)
            if not victims:
                continue
            for k in _killer_of(tok, idx):
                for v in victims:
                    yield k, KG.killed, v, tok, 0.8, "held-for-killing"
