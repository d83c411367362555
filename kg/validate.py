"""Check graph files: strict syntax, well-typed literals, and the SHACL shapes.

Three layers, each reported with the file it failed in:

1. **Syntax and IRIs**: pyoxigraph's strict parser (never ``lenient``), which
   rejects invalid IRIs, relative IRIs and bad language tags that rdflib's
   parser lets through.
2. **Literals**: every typed literal must have a valid lexical form
   (``"2022-13-45"^^xsd:date`` is legal RDF syntax but ill-typed), checked
   with rdflib's ``Literal.ill_typed``.
3. **Shapes**: ``ontology/shapes.ttl`` with pyshacl, ``inference="none"`` and
   **no ontology graph**.  The shapes target explicit classes and
   ``kg:mentionedIn`` subjects, so they need no reasoning; RDFS inference
   would add triples (``rdfs:domain kg:Statement`` would *type* a node that
   merely has a ``kg:source``, hiding a missing ``rdf:type``), mix the
   ontology into the data and cost time.  The graph is validated exactly as
   a consumer without a reasoner sees it.

pyshacl runs SHACL-SPARQL constraints one focus node at a time through
rdflib's SPARQL engine (about 10 ms each), so the ``sh:sparql`` constraints of
the shapes are evaluated here instead, once per constraint over the whole
graph with pyoxigraph, restricted to the shape's targets; the results are the
same (``tests/test_validate.py`` checks both ways agree).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH, NamespaceManager
from rdflib.term import Node

from .errors import ExportError, InputError
from .export import ontology_bytes, rdf_format, to_rdflib
from .vocab import PREFIXES, RDF, RDFS

__all__ = ["ValidationReport", "validate"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of ``validate``: ``conforms`` is true when ``messages`` is empty."""

    conforms: bool
    messages: tuple[str, ...]
    files: tuple[str, ...] = ()
    triples: int = 0

    def text(self) -> str:
        """The report as lines of text for a terminal."""
        where = f"{self.triples} triples in {len(self.files)} file(s)"
        if self.conforms:
            return (
                f"valid: {where} parse strictly, have well-typed literals, conform to the shapes\n"
            )
        lines = [f"invalid: {len(self.messages)} problem(s) in {where}"]
        lines += [f"  - {m}" for m in self.messages]
        return "\n".join(lines) + "\n"


class _QuietIllTyped(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Failed to convert Literal lexical form")


@contextmanager
def _quiet_rdflib() -> Iterator[None]:
    """rdflib logs a traceback for each ill-typed literal; we report them ourselves."""
    logger, flt = logging.getLogger("rdflib.term"), _QuietIllTyped()
    logger.addFilter(flt)
    try:
        yield
    finally:
        logger.removeFilter(flt)


def _namespaces() -> NamespaceManager:
    nsm = NamespaceManager(Graph(bind_namespaces="none"), bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        nsm.bind(prefix, ns)
    return nsm


_NSM = _namespaces()


def _short(node: object) -> str:
    """A node as Turtle, with the kg prefixes: ``kg:source``, ``"25"^^xsd:integer``, ``<iri>``."""
    text = str(node)
    if isinstance(node, Literal):
        out = node.n3(_NSM)
        return out if len(out) <= 120 else out[:100] + "..." + out[-15:]
    for prefix, ns in PREFIXES.items():
        if text.startswith(ns) and re.fullmatch(r"[A-Za-z_][\w-]*", text[len(ns) :]):
            return f"{prefix}:{text[len(ns) :]}"
    return f"<{text}>"


def _read(path: Path, store: ox.Store, graph: Graph, messages: list[str]) -> int | None:
    """Parse one file strictly into ``store`` and ``graph``; its quad count, None if invalid."""
    try:
        name, fmt = rdf_format(path)
    except ExportError as exc:
        raise InputError(str(exc)) from exc
    if not path.is_file():
        raise InputError(f"{path}: no such file; build it first with kg build")
    try:
        quads = list(ox.parse(path=str(path), format=fmt))
    except SyntaxError as exc:
        messages.append(f"{path}: not valid {name}: {exc}")
        return None
    except (OSError, ValueError) as exc:
        raise InputError(f"{path} cannot be read: {exc}") from exc
    store.extend(quads)
    with _quiet_rdflib():
        for q in quads:
            o = to_rdflib(q.object)
            if isinstance(o, Literal) and o.ill_typed:
                messages.append(
                    f"{path}: ill-typed literal {_short(o)} ({_short(q.predicate.value)} of "
                    f"{_short(URIRef(q.subject.value))}); write a valid {_short(o.datatype)} value"
                )
            graph.add((to_rdflib(q.subject), URIRef(q.predicate.value), o))
    return len(quads)


def _targets(shapes: Graph, shape: Node) -> list[str]:
    pats = [
        f"{{ ?this <{RDF.type}>/<{RDFS.subClassOf}>* <{c}> }}"
        for c in shapes.objects(shape, SH.targetClass)
    ]
    pats += [f"{{ ?this <{p}> [] }}" for p in shapes.objects(shape, SH.targetSubjectsOf)]
    pats += [f"{{ [] <{p}> ?this }}" for p in shapes.objects(shape, SH.targetObjectsOf)]
    pats += [f"{{ VALUES ?this {{ {n.n3()} }} }}" for n in shapes.objects(shape, SH.targetNode)]
    if (shape, RDF.type, RDFS.Class) in shapes:
        pats.append(f"{{ ?this <{RDF.type}>/<{RDFS.subClassOf}>* {shape.n3()} }}")
    return pats


def _sparql_results(shapes: Graph, store: ox.Store) -> list[str]:
    """Evaluate each ``sh:sparql`` SELECT constraint once over the whole graph."""
    out = []
    for shape, constraint in sorted(shapes.subject_objects(SH.sparql)):
        select = shapes.value(constraint, SH.select)
        targets = _targets(shapes, shape)
        if (
            select is None
            or not targets
            or shapes.value(constraint, SH.deactivated) == Literal(True)
        ):
            continue
        prologue = "".join(
            f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n"
            for p in shapes.objects(constraint, SH.prefixes)
            for d in shapes.objects(p, SH.declare)
        )
        body = re.sub(r"\$this\b", "?this", str(select))
        query = f"{prologue}SELECT * WHERE {{ {{ {' UNION '.join(targets)} }} {{ {body} }} }}"
        message = (
            shapes.value(constraint, SH.message)
            or shapes.value(shape, SH.message)
            or "SPARQL constraint"
        )
        solutions = store.query(query, use_default_graph_as_union=True)
        has_value = any(v.value == "value" for v in solutions.variables)  # type: ignore[union-attr]
        for sol in solutions:  # type: ignore[union-attr]
            focus = to_rdflib(sol["this"])
            value = sol["value"] if has_value else None
            extra = f" (value: {_short(to_rdflib(value))})" if value is not None else ""
            out.append(f"Violation: {_short(focus)}: {message}{extra}")
    return out


def _shacl_results(results: Graph) -> list[str]:
    out = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        severity = str(results.value(r, SH.resultSeverity) or SH.Violation).rpartition("#")[2]
        focus = results.value(r, SH.focusNode)
        path = results.value(r, SH.resultPath)
        value = results.value(r, SH.value)
        text = f"{severity}: {_short(focus)}"
        text += f" {_short(path)}" if isinstance(path, URIRef) else ""
        text += f": {results.value(r, SH.resultMessage) or 'constraint not met'}"
        text += f" (value: {_short(value)})" if value is not None and value != focus else ""
        out.append(text)
    return out


def _shapes() -> Graph:
    try:
        return Graph().parse(data=ontology_bytes("shapes.ttl"), format="turtle")
    except (SyntaxError, ValueError) as exc:
        raise ExportError(f"ontology/shapes.ttl is not valid Turtle: {exc}; restore it") from exc


def validate(paths: Sequence[str | os.PathLike[str]], *, shacl: bool = True) -> ValidationReport:
    """Validate RDF files (``.ttl``, ``.trig``, ``.nt``, ``.nq``, ``.jsonld``) as one graph.

    Datasets (TriG, N-Quads) are checked as the union of their graphs.
    ``shacl=False`` skips the shapes and checks only syntax and literals.

    Raises:
        InputError: a file is missing, unreadable or not of an RDF file type.
    """
    messages: list[str] = []
    store, graph, count = ox.Store(), Graph(bind_namespaces="none"), 0
    files = tuple(str(p) for p in paths)
    if not files:
        raise InputError("no graph file given; e.g. kg validate exports/graph.ttl")
    unreadable = False
    for raw in paths:
        read = _read(Path(raw), store, graph, messages)
        unreadable |= read is None
        count += read or 0
    if shacl and not unreadable:  # shapes over a half-read graph would only add noise
        import pyshacl

        shapes = _shapes()
        fast = Graph()
        for t in shapes:
            if t[1] != SH.sparql:
                fast.add(t)
        conforms, results, _ = pyshacl.validate(
            graph, shacl_graph=fast, inference="none", allow_infos=True, allow_warnings=True
        )
        log.debug("pyshacl conforms=%s", conforms)
        messages += sorted(set(_shacl_results(results)))
        messages += sorted(set(_sparql_results(shapes, store)))
    return ValidationReport(not messages, tuple(messages), files, count)
