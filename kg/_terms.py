"""rdflib terms to pyoxigraph terms and back, for ``export`` (and ``validate``, ``pipeline``).

Serialisation goes through pyoxigraph, which checks every IRI strictly; the
graph is built with rdflib.  ``to_oxigraph`` converts a whole graph, sorted
for a stable output; ``to_rdflib`` one term back.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from .errors import ExportError

__all__ = ["Terms", "to_oxigraph", "to_rdflib", "triple_key"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class Terms:
    """rdflib -> pyoxigraph terms, remembering IRIs (entities and vocabulary repeat a lot)."""

    def __init__(self) -> None:
        self._iris: dict[str, ox.NamedNode] = {}

    def __call__(self, t: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        if isinstance(t, URIRef):
            key = str(t)  # a plain str: rdflib's __hash__/__eq__ are slow Python
            node = self._iris.get(key)
            if node is None:
                node = self._iris[key] = ox.NamedNode(key)
            return node
        if isinstance(t, Literal):
            if t.language:
                return ox.Literal(str(t), language=t.language)
            if t.datatype is not None:
                return ox.Literal(str(t), datatype=self(t.datatype))
            return ox.Literal(str(t))
        if isinstance(t, BNode):
            return ox.BlankNode(str(t))
        raise ExportError(
            f"cannot export RDF term {t!r}; only IRIs, blank nodes and literals are valid"
        )

    def triple(self, s: Node, p: Node, o: Node) -> ox.Triple:
        """One triple; an invalid IRI is an ``ExportError`` naming the fix."""
        try:
            return ox.Triple(self(s), self(p), self(o))  # type: ignore[arg-type]
        except (ValueError, TypeError) as exc:
            raise ExportError(
                f"invalid triple ({s!r}, {p!r}, {o!r}): {exc}; IRIs must be minted by kg.mint"
            ) from exc


def triple_key(t: ox.Triple) -> tuple[str, str, str]:
    """The sort key of a triple: its terms as N-Triples text."""
    return (str(t.subject), str(t.predicate), str(t.object))


def to_oxigraph(graph: Graph) -> Iterator[ox.Triple]:
    """The graph's triples as pyoxigraph triples, sorted for a stable output.

    Raises:
        ExportError: a term is not valid RDF (e.g. an IRI with a space).
    """
    terms = Terms()
    triples = [terms.triple(s, p, o) for s, p, o in graph]
    triples.sort(key=triple_key)
    return iter(triples)


def to_rdflib(t: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    """A pyoxigraph term as an rdflib term; ``"x"^^xsd:string`` becomes the plain ``Literal("x")``.

    RDF 1.1 makes the two one term, rdflib keeps them apart: the plain form is
    the one ``Literal("x")`` in code (and ``rdflib.compare``) matches.
    """
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if t.language:
        return Literal(t.value, lang=t.language)
    dt = t.datatype.value
    return Literal(t.value, datatype=None if dt == _XSD_STRING else URIRef(dt))
