"""Stage 6: extractions to RDF under the kg ontology.

Each article becomes a ``kg:Article`` holding its text; each entity a typed
node with its label, aliases, roles and every mention (a ``kg:Mention`` with
NIF character offsets into the article text).  Each relation is written twice:
as a plain triple (``:akar kg:phoned :reznikov``) for simple SPARQL, and as a
``kg:Statement`` carrying its evidence (source, sentence, offsets, mentions,
confidence, rule), unless it is hedged ("will continue to support") or read
with a confidence under ``ASSERT_CONFIDENCE``: a claim or a guess is recorded
with its evidence, not flattened into a fact.  Events
are nodes (type, agents, participants, time, place) with one report per
article; dates carry values normalised against the article date.

``triples`` gives one article's triples in a fixed order (the unit that is
cached and shipped between processes); ``to_graph`` joins articles into an
rdflib ``Graph``, where an entity seen in several articles keeps the label of
the first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from . import vocab
from .errors import ExportError
from .mint import Minter, valid_iri
from .timex import normalize
from .types import Entity, Event, Extraction, Mention, Relation
from .vocab import PREFIXES

# terms resolved once: rdf.py writes every triple of a build
DCTERMS, KG, NIF, RDF, RDFS, SDO, SKOS, XSD = (vocab.Terms(ns) for ns in (
    vocab.DCTERMS, vocab.KG, vocab.NIF, vocab.RDF, vocab.RDFS, vocab.SDO, vocab.SKOS, vocab.XSD))

__all__ = ["ASSERT_CONFIDENCE", "Triple", "new_graph", "ntriples", "to_graph", "triples"]

Triple = tuple[URIRef, URIRef, Node]
#: A relation read with less confidence than this is a statement only, not a plain triple.
ASSERT_CONFIDENCE = 0.5
_VALUE_TYPES = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}


def new_graph() -> Graph:
    """An empty graph with the kg prefixes bound."""
    g = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


def to_graph(extractions: Iterable[Extraction], minter: Minter | None = None) -> Graph:
    """Build the graph of all ``extractions`` (entities merge across articles by IRI)."""
    minter = minter or Minter()
    g = new_graph()
    labelled: set[Node] = set()
    for ex in extractions:
        for s, p, o in triples(ex, minter):
            if p == RDFS.label:
                if s in labelled:
                    continue
                labelled.add(s)
            g.add((s, p, o))
    return g


def triples(ex: Extraction, minter: Minter) -> list[Triple]:
    """One article's triples, without repeats, in an order fixed by the extraction."""
    out: dict[Triple, None] = {}

    def add(s: URIRef, p: URIRef, o: Node) -> None:
        out[(s, p, o)] = None

    _article(add, Literal, ex, minter)
    return list(out)


class _Lit(str):
    """A literal already written as N-Triples (``"..."^^<...>``)."""


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def ntriples(ex: Extraction, minter: Minter) -> bytes:
    """``triples`` written straight to N-Triples, in the same order (no rdflib or pyoxigraph
    term per value: this is what every article of a build goes through).

    The IRIs are minted, so valid; each distinct one is still checked once here.

    Raises:
        ExportError: an IRI is not valid (only if ``kg.mint`` let one through).
    """
    out: dict[str, None] = {}
    written: dict[str, str] = {}

    def iri(t: str) -> str:
        key = str.__str__(t)  # a URIRef: rdflib's own hash is slow Python, a str's is not
        nt = written.get(key)
        if nt is None:
            if not valid_iri(key):
                raise ExportError(f"invalid IRI {key!r}; IRIs must be minted by kg.mint")
            nt = written[key] = f"<{key}>"
        return nt

    def add(s: URIRef, p: URIRef, o: object) -> None:
        out[f"{iri(s)} {iri(p)} {o if type(o) is _Lit else iri(o)} .\n"] = None  # type: ignore[arg-type]

    def lit(value: object, datatype: URIRef | None = None) -> _Lit:
        if isinstance(value, bool):
            return _Lit(f'"{"true" if value else "false"}"^^{iri(XSD.boolean)}')
        if isinstance(value, int):
            return _Lit(f'"{value}"^^{iri(XSD.integer)}')
        if isinstance(value, float):
            return _Lit(f'"{value}"^^{iri(datatype or XSD.double)}')
        text = str(value).translate(_ESCAPES)
        return _Lit(f'"{text}"^^{iri(datatype)}' if datatype is not None else f'"{text}"')

    _article(add, lit, ex, minter)
    return "".join(out).encode("utf-8")


def _article(add, lit, ex: Extraction, minter: Minter) -> None:  # type: ignore[no-untyped-def]
    doc = ex.document
    article = minter.article(doc.id)
    add(article, RDF.type, KG.Article)
    add(article, DCTERMS.identifier, lit(doc.id))
    if doc.title:
        add(article, DCTERMS.title, lit(doc.title))
    if doc.date is not None:
        add(article, DCTERMS.issued, lit(doc.date.isoformat(), datatype=XSD.date))
    if doc.url:
        add(article, SDO.url, lit(doc.url, datatype=XSD.anyURI))
    add(article, NIF.isString, lit(doc.text))

    node_of: dict[Mention, URIRef] = {}
    names: dict[URIRef, str] = {}
    for entity in ex.entities:
        node = _entity(add, lit, entity, article, minter, doc.date)
        names.setdefault(node, entity.name)
        for m in entity.mentions:
            node_of[m] = node
    for rel in ex.relations:
        _relation(add, lit, rel, node_of, article, minter, doc.text)
    for event in ex.events:
        _event(add, lit, event, node_of, names, article, minter, doc)
    for entity in ex.entities:
        for m in entity.mentions:
            _mention(add, lit, m, article, minter)


def _mention(add, lit, m: Mention, article: URIRef, minter: Minter) -> None:  # type: ignore[no-untyped-def]
    node = minter.mention(m.doc_id, m.start, m.end)
    add(node, RDF.type, KG.Mention)
    add(node, NIF.anchorOf, lit(m.text))
    add(node, NIF.beginIndex, lit(m.start))
    add(node, NIF.endIndex, lit(m.end))
    add(node, NIF.referenceContext, article)


def _entity(add, lit, e: Entity, article: URIRef, minter: Minter, anchor: dt.date | None) -> URIRef:  # type: ignore[no-untyped-def]
    times = normalize(e.name, anchor) if e.kind == KG.Date else []
    if len(times) == 1 and times[0].value:  # "Thursday" -> 2022-02-24: one node for that day
        node = minter.entity(e.kind, times[0].value)
    else:
        node = minter.entity(e.kind, e.value or e.name, e.scope)
    add(node, RDF.type, e.kind)
    add(node, RDFS.label, lit(e.name))
    for alias in e.aliases:
        add(node, SKOS.altLabel, lit(alias))
    for role in e.roles:
        add(node, KG.holdsRole, lit(role))
    for t in times:
        if t.value:
            add(node, KG.dateValue, lit(t.value, datatype=XSD[t.datatype]))
        elif t.begin is not None and t.end is not None:
            add(node, KG.timeBegin, lit(t.begin.isoformat(), datatype=XSD.date))
            add(node, KG.timeEnd, lit(t.end.isoformat(), datatype=XSD.date))
    if e.kind == KG.Quantity and e.value:  # "12000000000 USD"
        number, _, unit = e.value.partition(" ")
        add(node, KG.amount, lit(number, datatype=XSD.decimal))
        add(node, KG.unit, lit(unit))
    add(node, KG.mentionedIn, article)
    for m in e.mentions:
        add(node, KG.hasMention, minter.mention(m.doc_id, m.start, m.end))
    return node


def _evidence(add, lit, node: URIRef, article: URIRef, text: str, start: int, end: int,  # type: ignore[no-untyped-def]
              confidence: float, rule: str, speaker: URIRef | None, modality: str,
              disputer: URIRef | None = None) -> None:
    add(node, KG.source, article)
    add(node, KG.sentence, lit(text[start:end]))
    add(node, KG.sentenceBegin, lit(start))
    add(node, KG.sentenceEnd, lit(end))
    add(node, KG.confidence, lit(float(confidence), datatype=XSD.double))
    add(node, KG.rule, lit(rule))
    if speaker is not None:
        add(node, KG.attributedTo, speaker)
    if modality:
        add(node, KG.modality, lit(modality))
    if disputer is not None:
        add(node, KG.disputedBy, disputer)


def _event(add, lit, ev: Event, node_of: dict[Mention, URIRef], names: dict[URIRef, str],  # type: ignore[no-untyped-def]
           article: URIRef, minter: Minter, doc) -> None:
    def nodes(ms: tuple[Mention, ...]) -> list[URIRef]:
        return sorted({node_of[m] for m in ms if m in node_of})

    agents, participants = nodes(ev.agents), nodes(ev.participants)
    times, places = nodes(ev.times), nodes(ev.places)
    if not (agents or participants or times or places):
        return  # a bare "revolution": nothing to tie it to
    when = times or ([doc.date.strftime("%G-W%V")] if doc.date else [doc.id])
    node = minter.event(ev.kind, agents, participants, places, when)
    add(node, RDF.type, KG.Event)
    add(node, KG.eventType, ev.kind)
    who = [names.get(n, "") for n in agents + participants] or [names.get(n, "") for n in places]
    label = f"{ev.trigger.text.lower()}: " + ", ".join(w for w in who if w) if who else ev.trigger.text
    add(node, RDFS.label, lit(label))
    for p, ns in ((KG.agent, agents), (KG.participant, participants), (KG.hasTime, times),
                  (KG.hasPlace, places)):
        for n in ns:
            add(node, p, n)
    report = minter.statement(ev.doc_id, "event", ev.trigger.start, ev.trigger.end)
    add(node, KG.report, report)
    add(report, RDF.type, KG.EventReport)
    trigger = minter.mention(ev.doc_id, ev.trigger.start, ev.trigger.end)
    add(report, KG.trigger, trigger)
    _evidence(add, lit, report, article, doc.text, ev.sentence_start, ev.sentence_end, ev.confidence,
              ev.rule, node_of.get(ev.attributed_to) if ev.attributed_to else None, ev.modality,
              node_of.get(ev.disputed_by) if ev.disputed_by else None)
    if ev.negated:
        add(report, KG.negated, lit(True))
    _mention(add, lit, ev.trigger, article, minter)


def _relation(add, lit, r: Relation, node_of: dict[Mention, URIRef], article: URIRef,  # type: ignore[no-untyped-def]
              minter: Minter, text: str) -> None:
    subj = node_of.get(r.subject)
    obj: Node | None = lit(r.value) if r.object is None else node_of.get(r.object)
    if subj is None or obj is None or subj == obj:
        return  # a pronoun nobody could be found for, or a thing related to itself
    if (not r.modality or r.object is None) and r.confidence >= ASSERT_CONFIDENCE:
        # a hedged claim or a weak guess is recorded below, not asserted; "X said ..." is the
        # speech act itself, asserted, with the hedge of what was said on its statement
        add(subj, r.predicate, obj)
    stmt = minter.statement(
        r.subject.doc_id, r.subject.start, r.subject.end, r.predicate,
        *((r.object.start, r.object.end) if r.object else ()), r.value,
    )
    add(stmt, RDF.type, KG.Statement)
    add(stmt, RDF.subject, subj)
    add(stmt, RDF.predicate, r.predicate)
    add(stmt, RDF.object, obj)
    add(stmt, KG.subjectMention, minter.mention(r.subject.doc_id, r.subject.start, r.subject.end))
    if r.object is not None:
        add(stmt, KG.objectMention, minter.mention(r.object.doc_id, r.object.start, r.object.end))
    speaker = node_of.get(r.attributed_to) if r.attributed_to is not None else None
    _evidence(add, lit, stmt, article, text, r.sentence_start, r.sentence_end, r.confidence, r.rule,
              speaker, r.modality, node_of.get(r.disputed_by) if r.disputed_by else None)
