"""Score the pipeline against labelled data: CoNLL04 (NER + relations) and CoNLL-2003 (NER).

Each gold example becomes text (its gold tokens joined with natural spacing,
PTB escapes turned back into characters), which is read exactly as ``kg
build`` reads an article: spaCy's own tokenizer, the model's components and
``kg.pipeline.extract``.  Gold sentence breaks are kept.  Our mentions are
mapped back to the gold tokens they touch by their characters (a gold token
such as "Texas." cannot be split, so "Texas" covers it), and our entities and
relations to the dataset's labels through the tables below.  Scoring is
strict: an entity counts only with its exact token span and type; a relation
only with its type, direction, both exact spans and both entity types.
Nothing here is tuned on the data it scores.

Mapping decisions (made on the CoNLL04 *train* split):

* CoNLL04 ``Other`` is dates and times ("April", "Dec.", "21 Feb 94", "1700
  GMT"), quantities ("42 percent", "100 yards") and named events or works
  ("World War II", "Warren Commission Report").  So ``KG.Date`` and
  ``KG.Other`` map to ``Other``.  CoNLL-2003 annotates no dates: ``KG.Date``
  maps to nothing there, while groups and other names are ``MISC``
  (nationalities are ``MISC``).
* A demonym mention (spaCy ``NORP``: "Israeli") is scored as ``KG.Group``
  even when ``resolve`` attached it to a country, because the datasets label
  the word itself, if at all, ``Other``/``MISC``, not ``Loc``.  CoNLL04 mostly
  leaves groups and demonyms unlabelled (of the 157 words spaCy tags ``NORP``
  on train, 120 are no entity: "Spanish officials", "the Americans"; 14 are
  ``Other``; most others are "Soviet", labelled ``Loc``), so ``KG.Group`` is
  not scored there.
* A description by nationality ("the American said") is a mention of a person
  for ``kg``; its word is scored as the nationality it is (``KG.Group``).
* A relation argument that is a pronoun or a definite description ("the
  minister") is replaced by the nearest named mention of its entity in the
  same example; if its entity has none there, the relation is dropped (the
  datasets never annotate pronouns or descriptions).

Four documented scoring conventions, CoNLL04 only, on by default and named in
the report (``conventions=()`` scores without them; ``kg._conventions`` has
what each does and the measurements on train): ``titles`` (a person span takes
in "Ms." and "President"), ``births`` (a birthplace "Tupelo , Miss" is one
span) and ``dates`` ("Nov. 22 , 1963" is scored as "Nov.", "April 1985" as
"1985"; a lone weekday or year is not scored) and ``states`` ("Soviet" of
"Soviet Union" is scored as the country).
No convention may look at the gold (a "City , State" convention that merged our
places only where the gold had one span was removed: it used the answer).
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from rdflib import URIRef

from ._conventions import date_span, join_births, names_its_country, rewrite, with_title
from .conll import Example, gold_offsets, read_conll04, read_conll2003, to_tokens
from .errors import InputError
from .lexicon import ANAPHORS
from .rdf import ASSERT_CONFIDENCE
from .score import (
    CALIBRATION_BINS,
    Item,
    Pair,
    Span,
    calibration,
    format_report,
    gold_items,
    predicted_items,
    prf,
    score,
)
from .types import Mention
from .vocab import KG

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["CALIBRATION_BINS", "CONLL04_ENTITY", "CONLL04_RELATION", "CONLL2003_ENTITY", "FORMATS",
           "calibration", "evaluate", "format_report", "gold_items", "predicted_items", "score"]

# --- the mapping: our ontology -> the datasets' labels (the one place it lives) ------------

#: Ontology class -> CoNLL04 entity type (``None``: not scored as an entity).
CONLL04_ENTITY: dict[URIRef, str | None] = {
    KG.Person: "Peop", KG.Organization: "Org", KG.Country: "Loc", KG.Place: "Loc",
    KG.Group: None,  # CoNLL04 leaves most demonyms and groups unlabelled (see above)
    KG.Date: "Other", KG.Quantity: "Other", KG.Other: "Other",
}
#: Ontology property -> CoNLL04 relation type; other properties are not scored.
CONLL04_RELATION: dict[URIRef, str] = {
    KG.worksFor: "Work_For", KG.killed: "Kill", KG.basedIn: "OrgBased_In",
    KG.livesIn: "Live_In", KG.locatedIn: "Located_In",
    KG.bornIn: "Live_In",  # CoNLL04 annotates "X was born in Y" as Live_In (~65 on train)
}
#: Ontology class -> CoNLL-2003 entity type (dates are not annotated in CoNLL-2003).
CONLL2003_ENTITY: dict[URIRef, str | None] = {
    KG.Person: "PER", KG.Organization: "ORG", KG.Country: "LOC", KG.Place: "LOC",
    KG.Group: "MISC", KG.Other: "MISC", KG.Date: None, KG.Quantity: None,
}
CONLL04_ENTITY_TYPES = ("Peop", "Org", "Loc", "Other")
CONLL04_RELATION_TYPES = ("Work_For", "Kill", "OrgBased_In", "Live_In", "Located_In")
CONLL2003_TYPES = ("PER", "ORG", "LOC", "MISC")
FORMATS = ("conll04", "conll2003")
CONVENTIONS = ("titles", "births", "dates", "states")
PRONOUN_POLICY = ("pronouns and descriptions ('the minister') mapped to the nearest named "
                  "mention of their entity in the example, else dropped")

# --- prediction -----------------------------------------------------------------------------


class _Predictor:
    """Runs the ``kg build`` pipeline over gold tokens and maps the output to token spans."""

    def __init__(self, nlp: Language, source: str, entity_table: dict[URIRef, str | None],
                 relation_table: dict[URIRef, str] | None, conventions: Collection[str] = (),
                 learned: bool = True) -> None:
        self.nlp, self.source, self.conventions = nlp, source, set(conventions)
        self.learned = learned
        self.entity_table, self.relation_table = entity_table, relation_table
        self.counts: Counter[str] = Counter()
        #: of the relations predicted last: (confidence, rule, property); a hedged claim's is 0
        self.confidence: dict[Pair, tuple[float, str, str]] = {}
        self.gold_words: list[str] = []  # of the example parsed last, and their characters
        self.gold_starts: list[int] = []
        self.gold_ends: list[int] = []

    def parse(self, ex: Example) -> Doc:
        """The example's text as ``kg build`` reads it: spaCy's own tokenizer, then the model.

        The text is the gold tokens joined with natural spacing (``gold_offsets``).
        spaCy tokenizes it as it would an article (a gold token "Texas." at the end
        of a sentence is "Texas" and "."); gold sentence breaks are kept and the
        parser may add more.  Mentions map back to gold tokens by their characters
        (``to_tokens``).
        """
        text, offsets = gold_offsets(ex)
        self.gold_words = [text[a:b] for a, b in offsets]
        self.gold_starts, self.gold_ends = [a for a, _ in offsets], [b for _, b in offsets]
        doc = self.nlp.make_doc(text)
        starts = {offsets[i][0] for i in ex.sent_starts if 0 < i < len(offsets)}
        for tok in doc[1:]:
            if tok.idx in starts:
                tok.is_sent_start = True
        for _, proc in self.nlp.pipeline:
            doc = proc(doc)
        return doc

    def predict(self, ex: Example) -> tuple[set[Span], set[Pair]]:
        """Our entities and relations for one example, as token spans with dataset labels."""
        from .pipeline import extract
        from .types import Document

        self.confidence = {}
        doc = self.parse(ex)
        extraction = extract(Document(ex.id, doc.text, self.source), doc, learned=self.learned)
        kind: dict[Mention, URIRef] = {}
        named: dict[Mention, list[Mention]] = {}
        for entity in extraction.entities:
            names = [m for m in entity.mentions if m.label not in ANAPHORS]
            for m in entity.mentions:
                kind[m] = KG.Group if m.label == "NORP" and not (
                    "states" in self.conventions and entity.kind == KG.Country
                    and names_its_country(m.text, entity.name)) else entity.kind
                named[m] = names

        def span(m: Mention) -> Span | None:
            label = self.entity_table.get(kind[m]) if m in kind else None
            tokens = self.gold_span(m) if label is not None else None
            if tokens is not None and kind[m] == KG.Date and "dates" in self.conventions:
                tokens = date_span(self.gold_words, *tokens)
            return None if tokens is None else (*tokens, label)

        for m in list(kind):  # "the American said": the word is a nationality, the mention a person
            if m.label == "NOM" and m.role == "national":
                word = m.text.split()[-1]
                nationality = Mention(m.doc_id, m.end - len(word), m.end, word, "NORP", "", m.sent, m.dep)
                kind[nationality] = KG.Group
        # where two mentions land on the same gold tokens ("R" and "Utah" in "R-Utah"), the one
        # with more characters wins, then the label in order: never the order of a set
        entities: set[Span] = set()
        for _, _, _, e in sorted((s[0], -s[1], -(m.end - m.start), s) for m in kind
                                 if m.label not in ANAPHORS and (s := span(m)) is not None):
            if any(e[0] < f[1] and f[0] < e[1] for f in entities):
                self.counts["overlapping_entities_dropped"] += 1  # a tag sequence cannot hold both
            else:
                entities.add(e)
        relations: set[Pair] = set()
        births: set[Pair] = set()  # where a person was born: the ``births`` convention
        if self.relation_table is None:
            return entities, relations
        for r in extraction.relations:
            rtype = self.relation_table.get(r.predicate)
            if r.object is None or rtype is None:
                continue
            subj, obj = _named(r.subject, named), _named(r.object, named)
            pronouns = (r.subject.label in ANAPHORS) + (r.object.label in ANAPHORS)
            if subj is None or obj is None:
                self.counts["pronoun_relations_dropped"] += 1
                continue
            self.counts["pronoun_args_mapped"] += pronouns
            head, tail = span(subj), span(obj)
            if head is not None and tail is not None and head != tail:
                pair = (rtype, head, tail)
                relations.add(pair)
                if r.predicate == KG.bornIn:
                    births.add(pair)
                # a hedged claim is never asserted (kg.rdf): its confidence counts as 0
                asserted = r.confidence if not r.modality else 0.0
                if asserted >= self.confidence.get(pair, (-1.0, "", ""))[0]:
                    self.confidence[pair] = (asserted, r.rule, r.predicate.split("#")[-1])
        if "births" in self.conventions:
            entities, relations = self._join_births(entities, relations, births)
        return entities, relations

    def _join_births(self, entities: set[Span], relations: set[Pair],
                     births: set[Pair]) -> tuple[set[Span], set[Pair]]:
        """The ``births`` convention (``kg._conventions``) on one example's predictions."""
        joined = join_births(self.gold_words, entities, relations, births)
        if not joined:
            return entities, relations
        entities, pairs = rewrite(joined, entities, relations)
        confidence: dict[Pair, tuple[float, str, str]] = {}
        for old, new in sorted(pairs.items()):
            if new is not None and self.confidence[old] > confidence.get(new, (-1.0, "", "")):
                confidence[new] = self.confidence[old]
        self.confidence = confidence
        return entities, set(confidence)

    def gold_span(self, m: Mention) -> tuple[int, int] | None:
        """The gold tokens of a mention of the example parsed last (``None`` if it has none).

        With the ``titles`` convention a person's span takes in the honorific and
        address title written directly before it.  A full stop that the gold
        writes as the example's last token is left out where our mention ends
        with it ("Mass." in "born in Amherst , Mass ."): it ends the sentence
        (train: out of the span 88 times, in it 4; a dateline is no sentence and
        keeps it: "ROYAL OAK , Mich ." 11 times of 12).  A mention that is part of a
        gold word ("Frankfurt" of "Frankfurt-based") has none (``conll.to_tokens``).
        """
        tokens = to_tokens(self.gold_starts, self.gold_ends, m.start, m.end, self.gold_words)
        words = self.gold_words
        if tokens is not None and tokens[1] - tokens[0] > 1 and tokens[1] == len(words) \
                and words[-1] == "." and any(w.islower() for w in words):
            tokens = (tokens[0], tokens[1] - 1)
        if tokens is not None and m.label == "PERSON" and "titles" in self.conventions:
            tokens = (with_title(self.gold_words, tokens[0], m.role), tokens[1])
        return tokens


def _named(m: Mention, named: dict[Mention, list[Mention]]) -> Mention | None:
    """``m`` itself, or for a pronoun or description the closest named mention of its entity
    (else ``None``)."""
    if m.label not in ANAPHORS:
        return m
    names = named.get(m, [])
    return min(names, key=lambda n: (abs(n.start - m.start), n.start)) if names else None


# --- the public verb ------------------------------------------------------------------------


def evaluate(path: str | os.PathLike[str], fmt: str, *, nlp: Language | None = None,
             limit: int | None = None, conventions: Collection[str] = CONVENTIONS,
             learned: bool = True) -> dict[str, Any]:
    """Run the pipeline over a labelled file and score it strictly.

    Args:
        path: a CoNLL04 SpERT JSON file or a CoNLL-2003 file.
        fmt: ``"conll04"`` or ``"conll2003"``.
        nlp: the spaCy pipeline; ``kg.parse.load_nlp()`` when ``None``.
        limit: score only the first ``limit`` examples (CoNLL04 sentences,
            CoNLL-2003 documents).
        conventions: the CoNLL04 scoring conventions to apply (``CONVENTIONS``,
            see the module docstring); ``()`` scores strictly without them.
        learned: run the learned relation classifier (``kg.learn``), as ``kg build``
            does; ``False`` scores the rules alone.

    Returns:
        A JSON-able report: ``entities`` (and, for CoNLL04, ``relations``) hold
        ``micro``, ``macro`` and ``per_type`` precision/recall/F1 with counts.

    Raises:
        InputError: unknown ``fmt``, bad ``limit``, or an unreadable or malformed file.
        ModelNotFound: no spaCy model is installed.
    """
    if fmt not in FORMATS:
        raise InputError(f"unknown evaluation format {fmt!r}; use one of: {', '.join(FORMATS)}")
    unknown = set(conventions) - set(CONVENTIONS)
    if unknown:
        raise InputError(f"unknown scoring convention(s) {sorted(unknown)}; use any of: "
                         f"{', '.join(CONVENTIONS)}")
    if limit is not None and limit < 1:
        raise InputError(f"limit must be a positive number of examples, got {limit}")
    started = time.perf_counter()
    examples = read_conll04(path) if fmt == "conll04" else read_conll2003(path)
    examples = examples[:limit] if limit is not None else examples
    if nlp is None:
        from .parse import load_nlp

        nlp = load_nlp()
    conll04 = fmt == "conll04"
    predictor = _Predictor(nlp, os.fspath(path), CONLL04_ENTITY if conll04 else CONLL2003_ENTITY,
                           CONLL04_RELATION if conll04 else None,
                           conventions if conll04 else (), learned)
    gold_ents: set[Item] = set()
    pred_ents: set[Item] = set()
    gold_rels: set[Item] = set()
    pred_rels: set[Item] = set()
    judged: list[tuple[float, bool, bool]] = []  # (confidence, right, both spans gold) per relation
    for n, ex in enumerate(examples):
        ents, rels = gold_items(n, ex)
        gold_ents |= ents
        gold_rels |= rels
        ents, rels = predicted_items(n, *predictor.predict(ex))
        pred_ents |= ents
        pred_rels |= rels
        spans = {(s.start, s.end) for s in ex.entities}
        judged += [(c, ((n, pair[1], pair[2]), pair[0]) in gold_rels,
                    pair[1][:2] in spans and pair[2][:2] in spans)
                   for pair, (c, _, _) in predictor.confidence.items()]
    import spacy

    from . import __version__

    meta = nlp.meta
    report: dict[str, Any] = {
        "format": fmt,
        "file": os.fspath(path),
        "examples": len(examples),
        "unit": "sentence" if conll04 else "document",
        "tokens": sum(len(ex.tokens) for ex in examples),
        "model": f"{meta.get('lang', '')}_{meta.get('name', '')} {meta.get('version', '')}",
        "spacy": spacy.__version__,
        "kg": __version__,
        "learned": learned,
        "entities": score(gold_ents, pred_ents,
                          CONLL04_ENTITY_TYPES if conll04 else CONLL2003_TYPES),
    }
    if conll04:
        report["relations"] = score(gold_rels, pred_rels, CONLL04_RELATION_TYPES)
        # calibration is judged where both arguments are gold spans: a relation to "Kinderhook"
        # is not wrong because the gold span is "Kinderhook , N.Y."
        report["calibration"] = calibration([(c, ok) for c, ok, both in judged if both])
        tp = sum(ok for c, ok, _ in judged if c >= ASSERT_CONFIDENCE)
        asserted = sum(c >= ASSERT_CONFIDENCE for c, _, _ in judged)
        report["asserted_relations"] = prf(tp, asserted - tp, len(gold_rels) - tp)
        report["pronoun_arguments"] = PRONOUN_POLICY
        report["conventions"] = [c for c in CONVENTIONS if c in set(conventions)]
        report["counts"] = {k: predictor.counts[k]
                            for k in ("pronoun_args_mapped", "pronoun_relations_dropped")}
    report["overlapping_entities_dropped"] = predictor.counts["overlapping_entities_dropped"]
    report["seconds"] = round(time.perf_counter() - started, 1)
    return report
