"""Stage 6: extractions to an RDF graph under the kg ontology.

Each article becomes a ``kg:Article`` holding its text; each entity a typed
node with its label, aliases, roles and every mention (a ``kg:Mention`` with
NIF character offsets into the article text).  Each relation is written twice:
as a plain triple (``:akar kg:phoned :reznikov``) for simple SPARQL, and as a
``kg:Statement`` carrying its evidence (source, sentence, offsets, mentions,
confidence, rule).
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from .mint import Minter
from .types import Entity, Extraction, Mention, Relation
from .vocab import DCTERMS, KG, NIF, PREFIXES, RDF, RDFS, SDO, SKOS, XSD

__all__ = ["to_graph"]

_VALUE_TYPES = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}


def to_graph(extractions: Iterable[Extraction], minter: Minter | None = None) -> Graph:
    """Build the graph of all ``extractions`` (entities merge across articles by IRI)."""
    minter = minter or Minter()
    g = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    labels: dict[URIRef, str] = {}
    for ex in extractions:
        _add_extraction(g, ex, minter, labels)
    for node, label in labels.items():
        g.add((node, RDFS.label, Literal(label)))
    return g


def _add_extraction(g: Graph, ex: Extraction, minter: Minter, labels: dict[URIRef, str]) -> None:
    doc = ex.document
    article = minter.article(doc.id)
    g.add((article, RDF.type, KG.Article))
    g.add((article, DCTERMS.identifier, Literal(doc.id)))
    g.add((article, NIF.isString, Literal(doc.text)))
    if doc.date is not None:
        g.add((article, DCTERMS.issued, Literal(doc.date.isoformat(), datatype=XSD.date)))
    if doc.title:
        g.add((article, DCTERMS.title, Literal(doc.title)))
    if doc.url:
        g.add((article, SDO.url, Literal(doc.url, datatype=XSD.anyURI)))

    node_of: dict[Mention, URIRef] = {}
    for entity in ex.entities:
        node = minter.entity(entity.kind, entity.value or entity.name, entity.scope)
        _add_entity(g, node, entity, article, minter, labels)
        for m in entity.mentions:
            node_of[m] = node
    for rel in ex.relations:
        _add_relation(g, rel, node_of, article, minter, doc.text)


def _add_mention(g: Graph, m: Mention, article: URIRef, minter: Minter) -> URIRef:
    node = minter.mention(m.doc_id, m.start, m.end)
    g.add((node, RDF.type, KG.Mention))
    g.add((node, NIF.referenceContext, article))
    g.add((node, NIF.beginIndex, Literal(m.start)))
    g.add((node, NIF.endIndex, Literal(m.end)))
    g.add((node, NIF.anchorOf, Literal(m.text)))
    return node


def _add_entity(g: Graph, node: URIRef, e: Entity, article: URIRef, minter: Minter,
                labels: dict[URIRef, str]) -> None:
    g.add((node, RDF.type, e.kind))
    labels.setdefault(node, e.name)
    for alias in e.aliases:
        g.add((node, SKOS.altLabel, Literal(alias)))
    for role in e.roles:
        g.add((node, KG.holdsRole, Literal(role)))
    if e.value and len(e.value) in _VALUE_TYPES:
        g.add((node, KG.dateValue, Literal(e.value, datatype=_VALUE_TYPES[len(e.value)])))
    g.add((node, KG.mentionedIn, article))
    for m in e.mentions:
        g.add((node, KG.hasMention, _add_mention(g, m, article, minter)))


def _add_relation(g: Graph, r: Relation, node_of: dict[Mention, URIRef], article: URIRef,
                  minter: Minter, text: str) -> None:
    subj = node_of.get(r.subject)
    obj: Node | None
    if r.object is None:
        obj = Literal(r.value)
    else:
        obj = node_of.get(r.object)
    if subj is None or obj is None or subj == obj:
        return  # a pronoun nobody could be found for, or a thing related to itself
    g.add((subj, r.predicate, obj))
    stmt = minter.statement(
        r.subject.doc_id, r.subject.start, r.subject.end, r.predicate,
        *((r.object.start, r.object.end) if r.object else ()), r.value,
    )
    g.add((stmt, RDF.type, KG.Statement))
    g.add((stmt, RDF.subject, subj))
    g.add((stmt, RDF.predicate, r.predicate))
    g.add((stmt, RDF.object, obj))
    g.add((stmt, KG.source, article))
    g.add((stmt, KG.subjectMention, minter.mention(r.subject.doc_id, r.subject.start, r.subject.end)))
    if r.object is not None:
        g.add((stmt, KG.objectMention, minter.mention(r.object.doc_id, r.object.start, r.object.end)))
    g.add((stmt, KG.sentence, Literal(text[r.sentence_start : r.sentence_end])))
    g.add((stmt, KG.sentenceBegin, Literal(r.sentence_start)))
    g.add((stmt, KG.sentenceEnd, Literal(r.sentence_end)))
    g.add((stmt, KG.confidence, Literal(float(r.confidence), datatype=XSD.double)))
    g.add((stmt, KG.rule, Literal(r.rule)))
