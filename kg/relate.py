"""Stage 5: relations between mentions, read from the dependency parse.

Pure extractors over a spaCy ``Doc`` (never modified) yielding ``Relation`` records:

* ``_verbal``: verbs with their subjects and objects, in active and passive
  voice, through conjunctions, relative clauses and infinitives, and with
  prepositional objects ("discussed developments *with* his counterpart").
* ``_nominal``: event nouns ("his phone call *with* Reznikov", "held a phone
  call with ...").
* ``_attributive``: possessives, appositions and modifiers ("Ukraine's
  Oleksii Reznikov", "his British counterpart Ben Wallace", "Moscow, Russia").

Word tables: ``kg.lexicon``; which mention a token stands for: ``kg._args``;
``relate`` is the one public verb.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from rdflib import URIRef
from spacy.tokens import Doc, Token

from . import _args, _killers, _tokens, gazetteer, learn, patterns
from ._args import Index, addressee, args, index, objects, other_sense, owner_kind, subjects
from ._places import one_country, own_country, through_places
from .lexicon import (
    ANAPHORS,
    CLAIM_VERBS,
    DEFAULT_SIGNATURE,
    JOB_NOUNS,
    LIGHT_VERBS,
    NOMINAL_HEADS,
    NOT_JOBS,
    NOUN_PREDICATES,
    PHONE_WORDS,
    PLACE,
    PLACE_HEADS,
    PREP_PREDICATES,
    SAY_VERBS,
    SIGNATURE,
    TITLE_HEADS,
    VERB_PREDICATES,
    VICTIM_WORDS,
    stands_for,
)
from .nominal import role_text
from .types import Mention, Relation
from .vocab import KG

__all__ = ["NOUN_PREDICATES", "PREP_PREDICATES", "VERB_PREDICATES", "relate"]

def _make(subj: Mention, pred: URIRef, obj: Mention | None, tok: Token, conf: float, rule: str,
          value: str = "") -> Relation | None:
    if obj is not None:
        if obj == subj or (obj.start, obj.end) == (subj.start, subj.end):
            return None
        subj_ok, obj_ok = SIGNATURE.get(pred, DEFAULT_SIGNATURE)
        if (stands_for(subj.label, subj.role) not in subj_ok
                or stands_for(obj.label, obj.role) not in obj_ok):
            return None
    if ANAPHORS & {subj.label, obj.label if obj else ""}:
        conf *= 0.85
    start, end = _tokens.sentence_chars(tok.doc, tok.i)
    return Relation(subj, pred, obj, start, end, round(conf, 3), rule, value)


#: What one does to a name by doing it to the name's thing: "rejects Russia's military operation",
#: "backed the Home Office's powers", "recognised Kosovo's independence".
_OF_WHOSE_THING = {KG.rejects, KG.supports, KG.recognized, KG.invaded}


def _verbal(doc: Doc, idx: Index) -> Iterator[Relation | None]:
    lemmas = {*VERB_PREDICATES, *(verb for verb, _ in PREP_PREDICATES), *SAY_VERBS}
    for i in _tokens.select(doc, _tokens.LEMMA, lemmas, fold=True, pos=("VERB", "AUX")):
        verb = doc[i]  # only verbs the tables name: the others cannot yield anything
        lemma = verb.lemma_.lower()
        if _args.negated(verb):
            continue
        subjs = subjects(verb, idx)
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        pred = VERB_PREDICATES.get(lemma)
        if pred is not None and not other_sense(verb):
            for obj, conf in objects(verb, idx):
                if lemma in CLAIM_VERBS and conf == 1.0:
                    continue  # "James denied Duff": one denies a claim ("Smith's claims"), not a name
                if conf < 1.0 and pred not in _OF_WHOSE_THING:
                    continue  # "met Gary Neville's cross", "killed Smith's wife": not Neville, not Smith
                for subj in subjs:
                    yield _make(subj, pred, obj, verb, 0.8 * conf, "verb-passive" if passive else "verb")
        for prep in _args.verb_preps(verb):
            ppred = PREP_PREDICATES.get((lemma, prep.lower_))
            if ppred is None:
                continue
            people = subjs or ([m for c in verb.children if c.dep_ == "nsubjpass"
                                   for m in args(c, idx)] if passive else [])
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for obj in args(pobj, idx):
                    for subj in people:
                        yield _make(subj, ppred, obj, verb, 0.75, "verb-prep")
        if lemma in SAY_VERBS and subjs:
            for comp in (c for c in verb.children if c.dep_ == "ccomp"):
                said = _clause_text(comp)
                if said:
                    for subj in subjs:
                        yield _make(subj, KG.said, None, verb, 0.8, "reported-speech", said)


def _clause_text(tok: Token) -> str:
    toks = sorted(tok.subtree, key=lambda t: t.i)
    span = tok.doc[toks[0].i : toks[-1].i + 1]
    return span.text.strip().strip(",;:").strip().strip('"“”').strip()


def _nominal(doc: Doc, idx: Index) -> Iterator[Relation | None]:
    for i in _tokens.select(doc, _tokens.LEMMA, NOUN_PREDICATES, fold=True, pos=("NOUN",)):
        noun = doc[i]
        pred, prep_word = NOUN_PREDICATES[noun.lemma_.lower()]
        compounds = {c.lower_ for c in noun.children if c.dep_ == "compound"}
        if noun.lemma_.lower() == "call" and not compounds & PHONE_WORDS:
            continue
        if noun.lemma_.lower() == "conversation" and compounds & PHONE_WORDS:
            pred = KG.phoned
        agents = [idx[c.i] for c in noun.children if c.dep_ == "poss" and c.i in idx]
        head = noun.head
        if not agents and noun.dep_ in ("dobj", "pobj") and head.lemma_.lower() in LIGHT_VERBS:
            verb = head if head.pos_ in ("VERB", "AUX") else head.head
            agents = subjects(verb, idx)
        preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == prep_word]
        if not agents:  # "the invasion of Ukraine by Russia" ("by" on the noun or on its object)
            objs = [o for p in preps for o in p.children if o.dep_ == "pobj"]
            agents = [m for b in (*noun.children, *(g for o in objs for g in o.children))
                      if b.dep_ in ("prep", "agent") and b.lower_ == "by"
                      for o in b.children if o.dep_ == "pobj" for m in args(o, idx)]
        # "of X" on the noun, or on a date after it: "the assassination in 1914 of X"
        preps += [g for c in noun.children if c.dep_ == "prep" for o in c.children
                  if o.dep_ == "pobj" and o.like_num for g in o.children
                  if g.dep_ == "prep" and g.lower_ == prep_word]
        for prep in preps:
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for obj in args(pobj, idx):
                    for subj in agents:
                        yield _make(subj, pred, obj, noun, 0.75, "nominal-event")


def _attributive(doc: Doc, idx: Index, mentions: Sequence[Mention]) -> Iterator[Relation | None]:
    for m in mentions:
        if m.label not in ("PERSON", "ORG", "GPE", "LOC", "FAC"):
            continue
        span = _tokens.span(doc, m.start, m.end, "expand")
        if span is None:
            continue
        head = span.root
        yield from _modifiers(m, head, head, idx, "possessive")
        # apposition, either way round: "his counterpart Ben Wallace", "Akar, the minister"
        nouns = [head.head] if head.dep_ == "appos" else []
        nouns += [c for c in head.children if c.dep_ == "appos" and c.i not in idx]
        nouns += [c for n in nouns[int(head.dep_ == "appos"):] for c in n.conjuncts
                  if c.i not in idx and c.i > n.i]  # "X, director of A and a member of B"
        if m.label == "PERSON":  # the second job where the parser hung it on the first one or
            # on its object: "leader of X and vice-president of Y", "professor at X and president of Y"
            nouns += [j for n in nouns[int(head.dep_ == "appos"):] if n.i not in idx
                      for j in (*(c for c in n.children if c.dep_ == "appos"),
                                *(cj for p in n.children if p.dep_ == "prep" for o in p.children
                                  if o.dep_ == "pobj" for cj in o.conjuncts))
                      if j.i not in idx and j.pos_ == "NOUN" and j.lemma_.lower() in JOB_NOUNS]
            nouns += _job_before(head, idx)
        for noun in nouns:
            if any(t.text == ";" for t in doc[min(head.i, noun.i) : max(head.i, noun.i)]) or (
                    noun.tag_ == "NNS" and any(c.dep_ == "nummod" for c in noun.children)):
                continue  # "actor - Jamie Foxx; actress - Imelda Staunton", "Real Madrid, the two Milan sides": lists
            if noun.i in idx or noun.pos_ not in ("NOUN", "PROPN"):
                # "Kharkiv, Ukraine": a place, comma, then the country it lies in
                if (noun.i in idx and head.dep_ == "appos" and m.label in PLACE
                        and head.i == noun.i + 2 and doc[noun.i + 1].text == ","
                        and gazetteer.country(m.text) and not gazetteer.country(idx[noun.i].text)):
                    other = idx[noun.i]
                    pred = KG.basedIn if other.label == "ORG" else KG.locatedIn
                    yield _make(other, pred, m, head, 0.6, "apposition")
                continue
            yield from _modifiers(m, noun, head, idx, "apposition")
            if m.label == "PERSON" and noun.lemma_.lower() in TITLE_HEADS:
                yield _make(m, KG.holdsRole, None, head, 0.7, "apposition", role_text(noun, idx))
        if m.label in PLACE | {"ORG"}:
            # the phrase right after the name: in "Dallas in the US, Bordeaux in France and Oporto
            # in Portugal" the parser hangs "in Portugal" on Bordeaux too
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                         and c.i == span.end):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    for obj in (o for o in args(pobj, idx) if o.label != "NORP"  # not "in Russian"
                                and not _placed_itself(doc, o, pobj, idx)):
                        pred = KG.basedIn if m.label == "ORG" else KG.locatedIn
                        yield _make(m, pred, obj, head, 0.55, "prep-in")


def _placed_itself(doc: Doc, obj: Mention, pobj: Token, idx: Index) -> bool:
    """Whether ``obj``, a conjunct of the place ``pobj``, is the next item of a list of places
    each with its own: "Kabul in Afghanistan and Pyongyang in North Korea" (Kabul is not in
    Pyongyang)."""
    if idx.get(pobj.i) is obj:
        return False
    found = _tokens.bounds(doc, obj.start, obj.end, "expand")
    return found is not None and found[1] < len(doc) and doc[found[1]].lower_ in ("in", "of")


def _job_before(head: Token, idx: Index) -> list[Token]:
    """The job a person's name follows where the parser hung the name on the job's
    organisation: "the chairman of Shell, Jeroen van der Veer" (name in apposition to "Shell")."""
    other = head.head
    if head.dep_ != "appos" or other.i not in idx or other.i > head.i or other.dep_ != "pobj":
        return []
    prep = other.head
    job = prep.head
    if (prep.dep_ == "prep" and prep.lower_ in ("of", "at", "for") and job.pos_ == "NOUN"
            and job.lemma_.lower() in JOB_NOUNS and job.i not in idx):
        return [job]
    return []


def _modifiers(m: Mention, noun: Token, anchor: Token, idx: Index, rule: str) -> Iterator[Relation | None]:
    """Ties read off the words around a name or the noun in apposition to it."""
    for c in noun.children:
        if c.dep_ == "prep":
            if m.label == "PERSON" and c.lower_ in ("of", "at", "from", "for", "with"):
                yield from _person_prep(m, c, noun, anchor, idx, rule)
            elif (m.label in PLACE and noun is not anchor and c.lower_ in ("of", "in")
                  and noun.lemma_.lower() in PLACE_HEADS):  # "Yerevan, the capital of Armenia"
                for obj in (o for g in c.children if g.dep_ == "pobj" for o in args(g, idx)):
                    if obj.label in PLACE:
                        yield _make(m, KG.locatedIn, obj, anchor, 0.6, rule + "-of-place")
            continue
        other = idx.get(c.i)
        if other is None or other == m:
            continue
        if c.dep_ == "poss":
            kind = owner_kind(other)  # "the company's chief executive, X", "its chief executive"
            if noun.lemma_.lower() == "counterpart" and other.label in ("PERSON", "PRON"):
                yield _make(m, KG.counterpartOf, other, anchor, 0.8, rule)
            elif m.label == "ORG" and other.label == "PERSON" and noun is anchor:
                # "Mulroney 's Conservative Party"; but often a work typed ORG ("Scorsese's Gangs of
                # New York"): 3 right of 12 on 700 BBC articles, none on CoNLL04, so not asserted
                yield _make(other, KG.worksFor, m, anchor, 0.4, rule + "-owner")
            elif kind == "ORG" and m.label == "PERSON" and (noun.lemma_.lower() in JOB_NOUNS or (
                    other.label == "ORG" and noun.lemma_.lower() not in NOT_JOBS)):
                yield _make(m, KG.worksFor, other, anchor, 0.7, rule)
            elif other.label in ("GPE", "NORP", "ORG") and m.label in ("PERSON", "ORG"):
                yield _make(m, KG.affiliatedWith, other, anchor, 0.7, rule)
            elif other.label in PLACE and m.label in PLACE:
                yield _make(m, KG.locatedIn, other, anchor, 0.6, rule)
        elif c.dep_ in ("amod", "compound", "nmod") and other.label == "NORP" and m.label == "PERSON":
            if gazetteer.demonym_country(other.text):
                yield _make(m, KG.nationality, other, anchor, 0.8, rule)
        elif (c.dep_ in ("compound", "nmod") and m.label == "PERSON" and other.label == "ORG"
              and noun.lemma_.lower() not in NOT_JOBS):  # not "a former Beatles fan"
            yield _make(m, KG.worksFor, other, anchor, 0.6, rule)
        elif (c.dep_ in ("compound", "nmod") and noun is not anchor and noun.pos_ == "NOUN"
              and other.label in PLACE and noun.lemma_.lower() not in TITLE_HEADS):
            # "Sun Hung Kai, a Hong Kong construction firm", "US phone firm MCI"; not "Warner, a
            # former U.S. ambassador" (a person typed ORG)
            if m.label == "ORG":
                yield _make(m, KG.basedIn, other, anchor, 0.75, rule + "-place")
            # "Bob Smith, a Chicago lawyer"; not "its UK chief executive", "the Dallas policeman"
            # (a post's reach), "former Wimbledon champion" (an event), nor a country
            elif (m.label == "PERSON" and any(d.dep_ == "det" and d.lower_ in ("a", "an")
                                              for d in noun.children)
                  and not gazetteer.country(other.text)):
                yield _make(m, KG.livesIn, other, anchor, 0.6, rule + "-place")


def _person_prep(m: Mention, prep: Token, noun: Token, anchor: Token, idx: Index,
                 rule: str) -> Iterator[Relation | None]:
    """"X of/at/for ORG" works there; "X of PLACE", "the mayor of PLACE" lives there ("a native
    of PLACE" was born there: ``patterns.natives``)."""
    if noun is not anchor and noun.lemma_.lower() == "native":
        return
    for pobj in (g for g in prep.children if g.dep_ == "pobj"):
        if pobj.i not in idx and pobj.pos_ == "NOUN" and (
                noun.lemma_.lower() in JOB_NOUNS or _org_noun(pobj)):
            for obj in _deeper_org(pobj, idx):  # "vice president for development at Acme"
                yield _make(m, KG.worksFor, obj, anchor, 0.6, rule)
        for obj in args(pobj, idx):
            if obj.start <= prep.idx < obj.end:
                continue  # "the Queen and Prince of Wales": "of" is inside the other name
            if obj.label == "ORG" and (noun is anchor or noun.lemma_.lower() not in NOT_JOBS):
                yield _make(m, KG.worksFor, obj, anchor, 0.6, rule)  # not "creator of The Simpsons"
            elif prep.lower_ in ("of", "from") and obj.label in PLACE and (
                    noun is anchor or noun.lemma_.lower() in TITLE_HEADS):
                # "Bob Dole of Kansas", "the mayor of Tulsa": lives there
                conf = 0.6 if noun is anchor else 0.5  # "Dole of Kansas"; "president of X"
                yield _make(m, KG.livesIn, obj, anchor, conf, rule + "-of-place")
            elif prep.lower_ in ("of", "at", "from") and noun.lemma_.lower() not in VICTIM_WORDS:
                # "a key ally of Tony Blair"; not "Booth, assassin of Lincoln" (``killed``)
                yield _make(m, KG.affiliatedWith, obj, anchor, 0.6, rule)


def _org_noun(tok: Token) -> bool:
    """A noun that a definite description of an organisation ends in: "firm", "bank"."""
    return NOMINAL_HEADS.get(tok.lemma_.lower()) == "ORG"


def _deeper_org(noun: Token, idx: Index) -> Iterator[Mention]:
    """The organisation a job's field belongs to: "(director) of research at Acme", "(head)
    of marketing for Acme", through at most one more common noun ("of new products at"), or
    that an organisation noun names: "(Kadet of) the law firm of Skadden, Arps"."""
    for depth in range(2):
        nxt = None
        for prep in (c for c in noun.children if c.dep_ == "prep"):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                if prep.lower_ in ("at", "for", "with") or (prep.lower_ == "of" and _org_noun(noun)):
                    yield from (o for o in args(pobj, idx) if o.label == "ORG")
                elif prep.lower_ == "of" and pobj.pos_ == "NOUN" and pobj.i not in idx:
                    nxt = pobj
        if nxt is None:
            return
        noun = nxt


def _patterns(doc: Doc, idx: Index, mentions: Sequence[Mention]) -> Iterator[Relation | None]:
    ms = list(mentions)
    for extractor in (patterns.comma_places, patterns.titled, patterns.datelines, _killers.killers,
                      patterns.natives, patterns.origins, patterns.copulas, patterns.squads):
        for subj, pred, obj, tok, conf, rule in extractor(doc, idx, ms):
            yield _make(subj, pred, obj, tok, conf, rule)  # type: ignore[arg-type]


#: Properties the classifier judges (``bornIn`` as the ``livesIn`` it implies).
_LEARNED = {KG.worksFor, KG.killed, KG.basedIn, KG.livesIn, KG.locatedIn, KG.bornIn}
#: Only rules less precise than this (measured on train) can be overruled by the classifier.
_VETO_BELOW = 0.6


def _learned(doc: Doc, mentions: Sequence[Mention], found: list[Relation]) -> list[Relation]:
    """``found`` re-scored by the classifier in ``learn``, plus the pairs it adds.

    A rule's relation between two names the classifier scored is kept only if
    the classifier gives the pair at least the ``keep`` probability; a pair no
    rule joined becomes a relation (rule ``model:relations-v1``) at ``add``.
    """
    rules: dict[tuple[Mention, Mention], list[str]] = {}
    for r in found:
        if r.object is not None:
            name = r.predicate.split("#")[-1]
            rules.setdefault((r.subject, r.object), []).append(f"{name}:{r.rule}")
            rules.setdefault((r.object, r.subject), []).append(f"~{name}:{r.rule}")
    scored = learn.predict(doc, mentions, rules)
    keep, add = learn.thresholds()
    out: list[Relation] = []
    joined: set[tuple[Mention, Mention]] = set()
    for r in found:
        judged = scored.get((r.subject, r.object)) if r.object is not None else None
        if r.predicate in _LEARNED and judged is not None:
            if judged[1] < keep and r.confidence < _VETO_BELOW and not (
                    r.rule.endswith("+place") and r.subject.label == "PERSON"):  # "of Miami, Fla."
                continue
            joined.add((r.subject, r.object))
        out.append(r)
    by_rules = {(r.subject, r.predicate, r.object) for r in found}
    for (subj, obj), (pred, prob, conf) in scored.items():
        if prob < add or (subj, obj) in joined or (obj, pred, subj) in by_rules:
            continue  # the last: the rules read the other way ("Oswald, who had been shot by Ruby")
        root = _tokens.root(doc, subj.start, subj.end, "expand")
        obj_root = _tokens.root(doc, obj.start, obj.end, "expand")
        if obj_root is not None and obj.label == "ORG" and addressee(doc[obj_root]):
            continue  # "Falconer told BBC Radio 4's Today programme": spoke to it, not for it
        if root is not None:
            rel = _make(subj, pred, obj, doc[root], conf, learn.RULE)
            if rel is not None:
                out.append(rel)
    return out


def relate(doc: Doc, mentions: Sequence[Mention], *, learned: bool = True) -> list[Relation]:
    """Every relation found in ``doc`` between ``mentions``, best evidence first, no repeats.

    With ``learned``, the classifier in ``kg.learn`` re-scores the rules' relations
    between names and adds those the rules miss.
    """
    idx = index(doc, mentions)
    best: dict[tuple[object, ...], Relation] = {}
    found_all = [r for r in (*_verbal(doc, idx), *_nominal(doc, idx), *_attributive(doc, idx, mentions),
                             *_patterns(doc, idx, mentions)) if r is not None]
    found_all = [*found_all, *through_places(found_all)]
    found_all = [r if (c := learn.calibrated(r.predicate, r.rule, r.confidence)) == r.confidence
                 else replace(r, confidence=c) for r in found_all]
    if learned:
        found_all = _learned(doc, mentions, found_all)
    found_all = own_country(_tokens.whole_text(doc), one_country(found_all))
    for found in found_all:
        key = (found.subject, found.predicate, found.object, found.value)
        if key not in best or found.confidence > best[key].confidence:
            best[key] = found
    return sorted(best.values(), key=lambda r: (r.subject.start, r.sentence_start, str(r.predicate),
                                                r.object.start if r.object else -1, r.value))
