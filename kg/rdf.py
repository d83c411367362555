"""Stage 6: extractions to RDF under the kg ontology.

Each article becomes a ``kg:Article`` holding its text; each entity a typed
node with its label, aliases, roles and every mention (a ``kg:Mention`` with
NIF character offsets into the article text).  Each relation is written twice:
as a plain triple (``:akar kg:phoned :reznikov``) for simple SPARQL, and as a
``kg:Statement`` carrying its evidence (source, sentence, offsets, mentions,
confidence, rule).

``triples`` gives one article's triples in a fixed order (the unit that is
cached and shipped between processes); ``to_graph`` joins articles into an
rdflib ``Graph``, where an entity seen in several articles keeps the label of
the first.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from .mint import Minter
from .types import Entity, Extraction, Mention, Relation
from .vocab import DCTERMS, KG, NIF, PREFIXES, RDF, RDFS, SDO, SKOS, XSD

__all__ = ["Triple", "new_graph", "to_graph", "triples"]

Triple = tuple[URIRef, URIRef, Node]
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

    doc = ex.document
    article = minter.article(doc.id)
    add(article, RDF.type, KG.Article)
    add(article, DCTERMS.identifier, Literal(doc.id))
    if doc.title:
        add(article, DCTERMS.title, Literal(doc.title))
    if doc.date is not None:
        add(article, DCTERMS.issued, Literal(doc.date.isoformat(), datatype=XSD.date))
    if doc.url:
        add(article, SDO.url, Literal(doc.url, datatype=XSD.anyURI))
    add(article, NIF.isString, Literal(doc.text))

    node_of: dict[Mention, URIRef] = {}
    for entity in ex.entities:
        node = minter.entity(entity.kind, entity.value or entity.name, entity.scope)
        _entity(add, node, entity, article, minter)
        for m in entity.mentions:
            node_of[m] = node
    for rel in ex.relations:
        _relation(add, rel, node_of, article, minter, doc.text)
    for entity in ex.entities:
        for m in entity.mentions:
            _mention(add, m, article, minter)
    return list(out)


def _mention(add, m: Mention, article: URIRef, minter: Minter) -> None:  # type: ignore[no-untyped-def]
    node = minter.mention(m.doc_id, m.start, m.end)
    add(node, RDF.type, KG.Mention)
    add(node, NIF.anchorOf, Literal(m.text))
    add(node, NIF.beginIndex, Literal(m.start))
    add(node, NIF.endIndex, Literal(m.end))
    add(node, NIF.referenceContext, article)


def _entity(add, node: URIRef, e: Entity, article: URIRef, minter: Minter) -> None:  # type: ignore[no-untyped-def]
    add(node, RDF.type, e.kind)
    add(node, RDFS.label, Literal(e.name))
    for alias in e.aliases:
        add(node, SKOS.altLabel, Literal(alias))
    for role in e.roles:
        add(node, KG.holdsRole, Literal(role))
    if e.value and len(e.value) in _VALUE_TYPES:
        add(node, KG.dateValue, Literal(e.value, datatype=_VALUE_TYPES[len(e.value)]))
    add(node, KG.mentionedIn, article)
    for m in e.mentions:
        add(node, KG.hasMention, minter.mention(m.doc_id, m.start, m.end))


def _relation(add, r: Relation, node_of: dict[Mention, URIRef], article: URIRef,  # type: ignore[no-untyped-def]
              minter: Minter, text: str) -> None:
    subj = node_of.get(r.subject)
    obj: Node | None = Literal(r.value) if r.object is None else node_of.get(r.object)
    if subj is None or obj is None or subj == obj:
        return  # a pronoun nobody could be found for, or a thing related to itself
    add(subj, r.predicate, obj)
    stmt = minter.statement(
        r.subject.doc_id, r.subject.start, r.subject.end, r.predicate,
        *((r.object.start, r.object.end) if r.object else ()), r.value,
    )
    add(stmt, RDF.type, KG.Statement)
    add(stmt, RDF.subject, subj)
    add(stmt, RDF.predicate, r.predicate)
    add(stmt, RDF.object, obj)
    add(stmt, KG.source, article)
    add(stmt, KG.sentence, Literal(text[r.sentence_start : r.sentence_end]))
    add(stmt, KG.sentenceBegin, Literal(r.sentence_start))
    add(stmt, KG.sentenceEnd, Literal(r.sentence_end))
    add(stmt, KG.subjectMention, minter.mention(r.subject.doc_id, r.subject.start, r.subject.end))
    if r.object is not None:
        add(stmt, KG.objectMention, minter.mention(r.object.doc_id, r.object.start, r.object.end))
    add(stmt, KG.confidence, Literal(float(r.confidence), datatype=XSD.double))
    add(stmt, KG.rule, Literal(r.rule))
