"""Syntactic arguments as mentions: which mention a token of the parse stands for.

Shared by the relation rules (``kg.relate``): the token -> mention ``index`` of
a parsed article, the mentions an argument token stands for (``args``: its
conjuncts, the name in apposition to it, "the Crimea region" for Crimea), and
the subjects and objects of a verb through relative clauses, passives,
infinitives and conjunctions.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from . import _tokens
from .lexicon import PLACE, SAY_VERBS, stands_for
from .types import Mention

__all__ = ["Index", "addressee", "arg", "args", "index", "objects", "other_sense", "owner_kind", "prep_objects",
           "negated", "subjects", "verb_preps"]

Index = dict[int, Mention]


def index(doc: Doc, mentions: Sequence[Mention]) -> Index:
    index: Index = {}
    for m in mentions:
        found = _tokens.bounds(doc, m.start, m.end, "expand")
        if found is not None:
            for i in range(*found):
                index[i] = m
    return index


def args(tok: Token, idx: Index) -> list[Mention]:
    """The mentions a syntactic argument stands for, conjuncts included."""
    out: list[Mention] = []
    for t in [tok, *tok.conjuncts]:
        m = arg(t, idx)
        if m is not None and m not in out:
            out.append(m)
    return out


def arg(tok: Token, idx: Index) -> Mention | None:
    if tok.i in idx:
        return idx[tok.i]
    for child in tok.children:  # "his counterpart Ben Wallace", "the Crimea region"
        if child.dep_ == "appos" and child.i in idx:
            return idx[child.i]
    if tok.lemma_ in ("region", "city", "province", "country", "state", "republic", "town",
                      "capital", "peninsula", "territory", "area", "island", "village"):
        for child in tok.children:
            if child.dep_ in ("compound", "nmod") and child.i in idx and idx[child.i].label in PLACE:
                return idx[child.i]
    return None


def owner_kind(m: Mention) -> str:
    """What a possessor or a name before a title counts as: "the company('s chief executive)"
    and "its (founder)" an organisation (``engine`` drops the relation if "its" resolves to a
    country), a name its label."""
    return "ORG" if m.label == "PRON" and m.text.lower() == "its" else stands_for(m.label, m.role)


def prep_objects(tok: Token, idx: Index, preps: tuple[str, ...]) -> list[Mention]:
    """The names right after ``preps`` under ``tok``: "native *of Glasgow*", "lawyer *at Acme*"."""
    return [idx[g.i] for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj" and g.i in idx]


#: Verbs that deny the act of the "to" clause they take: "Iran refuses to recognise Israel".
_DENYING = {"refuse", "decline", "fail"}


def negated(verb: Token) -> bool:
    """Whether a verb is negated, itself or through the verbs whose "to" clause it is: "did not
    meet", "Iran refuses to recognise Israel", "did not want to meet him" (not "wants to meet")."""
    while not any(c.dep_ == "neg" for c in verb.children):
        if verb.dep_ != "xcomp" or verb.head is verb:
            return False
        verb = verb.head
        if verb.lemma_.lower() in _DENYING:
            return True
    return True


def verb_preps(verb: Token) -> list[Token]:
    """A verb's prepositions, with those the parser hung on a date or on a name the verb gives:
    "born on Feb. 5, 1907, *in* Portland" ("in" under "Feb."), "born Charles Hardin Holley *in*
    Lubbock" ("in" under the name), "met on Tuesday *with* Putin"."""
    preps = [c for c in verb.children if c.dep_ in ("prep", "agent")]
    hosts = [g for p in preps if p.lower_ in ("on", "in") for g in p.children
             if g.dep_ == "pobj" and g.ent_type_ == "DATE"]
    hosts += [c for c in verb.children if (c.dep_ == "oprd" and c.pos_ == "PROPN")
              or (c.dep_ == "npadvmod" and c.ent_type_ == "DATE")]
    return preps + [c for h in hosts for c in h.children if c.dep_ == "prep" and c.i > h.i]


def subjects(verb: Token, idx: Index, depth: int = 0) -> list[Mention]:
    if depth > 4:
        return []
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            if child.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
                # the name the clause hangs on and its conjuncts before it: "Jack Ruby, who killed
                # Oswald, and Jim and Tammy Bakker" (the Bakkers killed no one)
                head = verb.head  # ... or the name a noun it hangs on stands beside: "Derwinski, a
                if head.dep_ == "appos" and ((beside := arg(head, idx)) is None or beside.label == "NORP"):
                    head = head.head  # Republican who served in Congress"
                return [m for m in args(head, idx) if m.start < child.idx]
            return args(child, idx)
        if child.dep_ == "agent":
            return [m for p in child.children if p.dep_ == "pobj" for m in args(p, idx)]
    if any(c.dep_ == "nsubjpass" for c in verb.children) and (stray := _stray_agent(verb, idx)):
        return stray
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head is not verb:
        head = verb.head
        if verb.dep_ == "advcl" and any(c.dep_ == "agent" for c in head.children):
            return subjects(head, idx, depth + 1)  # "followed by Russia annexing ..."
        if verb.dep_ != "advcl" or verb.tag_ == "VBG":
            return subjects(head, idx, depth + 1)
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("PROPN", "NOUN"):
        return [m for m in args(verb.head, idx) if m.start < verb.idx]  # "Yanukovych fleeing the country"
    return []


#: Links the search for a passive's agent may follow: phrases, not clauses.
_PHRASE = {"prep", "pobj", "npadvmod", "advmod", "nmod", "compound", "amod", "det", "poss", "appos"}


def _stray_agent(verb: Token, idx: Index) -> list[Mention]:
    """The "by" agent the parser hung on a noun of the clause: "Lennon was shot in the courtyard
    of his building by Mark David Chapman" ("by" under "building")."""
    todo = [c for c in verb.children if c.dep_ in ("prep", "npadvmod", "advmod")]
    while todo:
        tok = todo.pop()
        if tok.lower_ == "by" and tok.dep_ in ("prep", "agent"):
            found = [m for p in tok.children if p.dep_ == "pobj" for m in args(p, idx)
                     if m.label in ("PERSON", "ORG", "NORP", "PRON")]
            if found:
                return found
        todo += [c for c in tok.children if c.dep_ in _PHRASE]
    return []


def other_sense(verb: Token) -> bool:
    """Whether a verb of the relation tables is used in another sense than the act they mean:
    with an object predicate, naming or judging ("calling it a present", "found him guilty");
    "call" with a particle or "into" ("called up Duncan Bell", "call Sheridan into his front
    row": picking a player; "called off", "called on"), but "called him back" is a call."""
    if any(c.dep_ == "oprd" for c in verb.children):
        return True
    return verb.lemma_.lower() == "call" and any(
        (c.dep_ == "prt" and c.lower_ != "back") or (c.dep_ == "prep" and c.lower_ == "into")
        for c in verb.children)


def objects(verb: Token, idx: Index) -> Iterator[tuple[Mention, float]]:
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and (child.dep_ == "dobj" or passive):
            found = args(child, idx)
            if not found and child.lower_ in ("who", "whom", "which", "that") and verb.dep_ == "relcl":
                found = args(verb.head, idx)  # "Oswald, who had just been shot by Jack Ruby"
            for m in found:
                yield m, 1.0
            if not found:  # "rejects Russia's military operation"
                for c in [child, *child.conjuncts]:
                    for g in c.children:
                        if g.dep_ == "poss" and g.i in idx:
                            yield idx[g.i], 0.7


_SPEAKING = SAY_VERBS | {"speak", "talk", "interview", "write", "reply", "confirm"}


def addressee(tok: Token) -> bool:
    """Whether ``tok`` names whom someone spoke to: "told the BBC", "told BBC Radio 4's Today
    programme", "told the BBC News website", "said to Reuters", "speaking to the Guardian"."""
    if tok.dep_ in ("poss", "compound"):
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "to":
        tok = tok.head
    return tok.dep_ in ("dobj", "dative", "prep") and tok.head.lemma_.lower() in _SPEAKING
