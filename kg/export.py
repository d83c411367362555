"""Stage 7: write graphs to disk, atomically and in a stable order.

Serialisation goes through pyoxigraph, which writes Turtle two orders of
magnitude faster than rdflib and checks every IRI strictly as it goes.
Triples are sorted first, so two builds of the same input give
byte-identical files.  Every file is written to a temporary name beside the
target and renamed into place, so an interrupted build never leaves a
half-written export behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from .errors import ExportError

__all__ = ["atomic_write", "to_oxigraph", "write_turtle"]


def _term(t: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(t, URIRef):
        return ox.NamedNode(str(t))
    if isinstance(t, BNode):
        return ox.BlankNode(str(t))
    if isinstance(t, Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        if t.datatype is not None:
            return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
        return ox.Literal(str(t))
    raise ExportError(f"cannot export RDF term {t!r}; only IRIs, blank nodes and literals are valid")


def to_oxigraph(graph: Graph) -> Iterator[ox.Triple]:
    """The graph's triples as pyoxigraph triples, sorted for a stable output.

    Raises:
        ExportError: a term is not valid RDF (e.g. an IRI with a space).
    """
    triples = []
    try:
        for s, p, o in graph:
            triples.append(ox.Triple(_term(s), _term(p), _term(o)))  # type: ignore[arg-type]
    except ValueError as exc:
        raise ExportError(f"invalid term in graph: {exc}; IRIs must be minted by kg.mint") from exc
    triples.sort(key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return iter(triples)


def atomic_write(path: Path, write: Callable[[IO[bytes]], None]) -> Path:
    """Write ``path`` through a temporary file renamed into place; never half-written."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}; check the folder") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _prefixes(graph: Graph) -> dict[str, str]:
    return {p: str(ns) for p, ns in graph.namespaces() if p}


def write_turtle(graph: Graph, path: str | os.PathLike[str]) -> Path:
    """Write ``graph`` as Turtle with its prefixes; returns the path."""
    triples: Iterable[ox.Triple] = list(to_oxigraph(graph))
    prefixes = _prefixes(graph)
    return atomic_write(Path(path), lambda fh: ox.serialize(
        triples, fh, ox.RdfFormat.TURTLE, prefixes=prefixes))
