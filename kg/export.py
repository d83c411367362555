"""Stage 7: write graphs to disk, atomically and in a stable order.

Four formats, one entry point (``write``):

``ttl``
    Turtle, every triple of the graph (``graph.ttl``).
``trig``
    TriG (``graph.trig``): the same triples split into named graphs, plus the
    ontology.  A triple goes to the graph of the article it came from when
    its subject is that article, one of its mentions (``nif:referenceContext``)
    or one of its statements (``kg:source``); every other triple (entity
    types, labels, aliases, roles, ``kg:mentionedIn``, ``kg:hasMention`` and
    the plain relation triples) goes to the entities graph.  Graph names:

    - ``<article IRI>``: the article's own IRI names its graph;
    - ``<{base}graph/entities>``: the entities graph (``base`` is the
      ``--base-iri``; ``graph/`` is never used by ``kg.mint``);
    - ``<https://newskg.example/ontology>`` (``vocab.ONTOLOGY_IRI``): the
      triples of ``ontology/kg.ttl``.

    The union of the graphs other than the ontology is exactly ``graph.ttl``.
``nt``
    N-Triples (``graph.nt``), streamed subject by subject: only the sorted
    subjects are held in memory, never a second copy of the triples.
``jsonld``
    JSON-LD (``graph.jsonld``) compacted with, and embedding, the published
    context ``ontology/context.jsonld``, so it needs no network to expand.

Serialisation goes through pyoxigraph, which checks every IRI strictly as it
goes.  Triples are sorted first, so two builds of the same input give
byte-identical files.  Every file is written to a temporary name beside the
target and renamed into place, so an interrupted build never leaves a
half-written export behind.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.term import Node

from ._terms import Terms, to_oxigraph, to_rdflib
from ._terms import triple_key as _key
from .errors import ExportError
from .mint import DEFAULT_BASE_IRI
from .vocab import KG, NIF, ONTOLOGY_IRI, PREFIXES, RDF

__all__ = [
    "FORMATS",
    "MEDIA_TYPES",
    "SUFFIXES",
    "Triples",
    "atomic_write",
    "entities_graph",
    "ontology_bytes",
    "rdf_format",
    "to_oxigraph",
    "to_rdflib",
    "write",
    "write_jsonld",
    "write_ntriples",
    "write_trig",
    "write_turtle",
]

log = logging.getLogger(__name__)

#: Export format names accepted by ``write``, in the order they are written.
FORMATS = ("ttl", "trig", "nt", "jsonld")
# name: (suffix, media type for HTTP Content-Type, pyoxigraph format); nq is read, never written
_TABLE = {
    "ttl": (".ttl", "text/turtle", ox.RdfFormat.TURTLE),
    "trig": (".trig", "application/trig", ox.RdfFormat.TRIG),
    "nt": (".nt", "application/n-triples", ox.RdfFormat.N_TRIPLES),
    "nq": (".nq", "application/n-quads", ox.RdfFormat.N_QUADS),
    "jsonld": (".jsonld", "application/ld+json", ox.RdfFormat.JSON_LD),
}
#: File suffix of each export format.
SUFFIXES = {name: row[0] for name, row in _TABLE.items() if name in FORMATS}
#: Media type of each RDF format ``kg`` reads or writes.
MEDIA_TYPES = {name: row[1] for name, row in _TABLE.items()}
_BY_SUFFIX = {row[0]: name for name, row in _TABLE.items()} | {".turtle": "ttl", ".json": "jsonld"}


def rdf_format(path: str | os.PathLike[str]) -> tuple[str, ox.RdfFormat]:
    """The format name (``ttl``, ``trig``, ``nt``, ``nq``, ``jsonld``) of a file, by its suffix.

    Raises:
        ExportError: the suffix is not one of an RDF format ``kg`` reads.
    """
    suffix = Path(path).suffix.lower()
    name = _BY_SUFFIX.get(suffix)
    if name is None:
        raise ExportError(
            f"{path}: unknown RDF file type {suffix!r}; use one of " + ", ".join(sorted(_BY_SUFFIX))
        )
    return name, _TABLE[name][2]


def ontology_bytes(name: str = "kg.ttl") -> bytes:
    """The bytes of an ontology file (``kg.ttl``, ``shapes.ttl``, ``context.jsonld``).

    Wheels ship them as ``kg/_ontology/<name>`` (hatch ``force-include``);
    an editable install reads the repository's ``ontology/<name>``.

    Raises:
        ExportError: the file is in neither place.
    """
    packaged = resources.files("kg") / "_ontology" / name
    if packaged.is_file():
        return packaged.read_bytes()
    repo = Path(__file__).resolve().parent.parent / "ontology" / name
    try:
        return repo.read_bytes()
    except OSError as exc:
        raise ExportError(
            f"ontology file {name!r} is missing (looked in kg/_ontology/ and {repo}); "
            "reinstall newskg, or add it to [tool.hatch.build.targets.wheel."
            "force-include] in pyproject.toml"
        ) from exc


def atomic_write(path: Path, write: Callable[[IO[bytes]], object]) -> Path:
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


Triples = Graph | Iterable[ox.Triple]


def _prefixes(graph: Triples) -> dict[str, str]:
    if isinstance(graph, Graph):
        return {p: str(ns) for p, ns in graph.namespaces() if p}
    return dict(PREFIXES)


def _listed(graph: Triples) -> list[ox.Triple]:
    """Sorted triples of a Graph; a stream of triples as it comes (its order is the caller's)."""
    return list(to_oxigraph(graph)) if isinstance(graph, Graph) else list(graph)


def write_turtle(graph: Graph, path: str | os.PathLike[str]) -> Path:
    """Write ``graph`` as Turtle with its prefixes; returns the path."""
    triples: Iterable[ox.Triple] = list(to_oxigraph(graph))
    prefixes = _prefixes(graph)
    return atomic_write(
        Path(path), lambda fh: ox.serialize(triples, fh, ox.RdfFormat.TURTLE, prefixes=prefixes)
    )


def _stream(graph: Graph) -> Iterator[ox.Triple]:
    """Triples subject by subject, each subject's sorted: deterministic whatever the hash seed."""
    terms = Terms()
    subjects = sorted({terms(s) for s in graph.subjects(unique=True)}, key=str)
    for s in subjects:
        node: Node = URIRef(s.value) if isinstance(s, ox.NamedNode) else BNode(s.value)
        yield from sorted((terms.triple(node, p, o) for p, o in graph.predicate_objects(node)),
                          key=_key)


def write_ntriples(graph: Triples, path: str | os.PathLike[str]) -> Path:
    """Write N-Triples, streamed: a Graph subject by subject (sorted), a triple stream as it comes.

    Memory stays at one subject's triples (plus the sorted subject list for a
    Graph), so this is the format for big dumps.
    """
    stream = _stream(graph) if isinstance(graph, Graph) else graph
    return atomic_write(Path(path), lambda fh: ox.serialize(stream, fh, ox.RdfFormat.N_TRIPLES))


def _base_of(articles: Iterable[str]) -> str:
    """The ``--base-iri`` a graph was minted with, read off its article IRIs."""
    bases = set()
    for article in articles:
        head, _, _ = article.rpartition("/")
        if head.endswith("article"):
            bases.add(head[: -len("article")])
    return min(bases) if bases else DEFAULT_BASE_IRI


def entities_graph(base_iri: str = DEFAULT_BASE_IRI) -> URIRef:
    """The name of the TriG graph that holds entity descriptions and plain relations."""
    return URIRef(f"{base_iri}graph/entities")


def _quads(triples: list[ox.Triple], base_iri: str | None) -> list[ox.Quad]:
    rdf_type, article_class = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(KG.Article))
    articles = {t.subject for t in triples if t.predicate == rdf_type and t.object == article_class}
    names = (a.value for a in articles if isinstance(a, ox.NamedNode))
    entities = ox.NamedNode(str(entities_graph(base_iri or _base_of(names))))
    home: dict[object, ox.NamedNode] = {a: a for a in articles}  # type: ignore[misc]
    links = {
        ox.NamedNode(str(KG.source)),
        ox.NamedNode(str(NIF.referenceContext)),
    }  # statements, mentions
    for t in sorted(
        (t for t in triples if t.predicate in links and t.object in articles), key=_key
    ):
        home.setdefault(t.subject, t.object)  # type: ignore[arg-type]
    quads = [
        ox.Quad(t.subject, t.predicate, t.object, home.get(t.subject, entities)) for t in triples
    ]
    quads.sort(key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    onto = ox.NamedNode(str(ONTOLOGY_IRI))
    ontology = sorted(
        ox.parse(input=ontology_bytes("kg.ttl"), format=ox.RdfFormat.TURTLE), key=_key
    )
    return [ox.Quad(q.subject, q.predicate, q.object, onto) for q in ontology] + quads


def write_trig(
    graph: Triples, path: str | os.PathLike[str], *, base_iri: str | None = None
) -> Path:
    """Write TriG: the ontology, then one graph per article and one of entities (sorted).

    ``base_iri`` names the entities graph; by default it is read off the
    article IRIs (the base ``kg.mint`` minted them under).
    """
    quads = _quads(_listed(graph), base_iri)
    prefixes = _prefixes(graph)
    return atomic_write(
        Path(path), lambda fh: ox.serialize(quads, fh, ox.RdfFormat.TRIG, prefixes=prefixes)
    )


def _context() -> dict[str, Any]:
    try:
        ctx = json.loads(ontology_bytes("context.jsonld"))["@context"]
    except (ValueError, KeyError, TypeError) as exc:
        raise ExportError(
            f"ontology/context.jsonld is not a JSON-LD context document ({exc}); "
            "restore it from the repository"
        ) from exc
    return dict(ctx)


def _sort_values(value: Any) -> Any:
    if isinstance(value, list):
        items = [_sort_values(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    if isinstance(value, dict):
        return {k: _sort_values(v) for k, v in value.items()}
    return value


def _jsonld(triples: list[ox.Triple]) -> dict[str, Any]:
    from rdflib.plugins.serializers.jsonld import from_rdf

    ctx = _context()
    ordered = Graph(bind_namespaces="none")  # rdflib orders nodes by hash: sorted again below
    for t in triples:
        ordered.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))  # type: ignore[arg-type]
    doc = from_rdf(ordered, context_data=ctx)  # type: ignore[no-untyped-call]
    nodes = doc.pop("@graph", None)
    if nodes is None:  # rdflib inlines a single node
        nodes = [{k: v for k, v in doc.items() if k != "@context"}] if len(doc) > 1 else []
    nodes = sorted((_sort_values(n) for n in nodes), key=lambda n: str(n.get("@id", "")))
    return {"@context": ctx, "@graph": nodes}


def write_jsonld(graph: Triples, path: str | os.PathLike[str]) -> Path:
    """Write compacted JSON-LD that embeds ``ontology/context.jsonld`` (no network needed)."""
    data = json.dumps(_jsonld(_listed(graph)), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return atomic_write(Path(path), lambda fh: fh.write(data.encode("utf-8")))


def check_formats(formats: Sequence[str]) -> list[str]:
    """The formats asked for, once each.

    Raises:
        ExportError: a name is not one of ``FORMATS``.
    """
    wanted = list(dict.fromkeys(formats))
    for fmt in wanted:
        if fmt not in FORMATS:
            hint = " (the HTML view is written by kg.viz, not kg.export)" if fmt == "html" else ""
            raise ExportError(
                f"unknown export format {fmt!r}{hint}; use one or more of " + ", ".join(FORMATS)
            )
    return wanted


def write(
    graph: Triples,
    out_dir: str | os.PathLike[str],
    formats: Sequence[str] = ("ttl",),
    *,
    base_iri: str | None = None,
    stem: str = "graph",
) -> list[Path]:
    """Write a graph into ``out_dir`` as ``<stem>.<suffix>`` in each of ``formats``.

    Args:
        graph: an rdflib Graph (written sorted), or a stream of pyoxigraph
            triples (Turtle and N-Triples keep its order, which must then
            be deterministic; it is kept in memory when more than one
            format, or TriG or JSON-LD, is asked for).
        formats: names from ``FORMATS`` (``ttl``, ``trig``, ``nt``, ``jsonld``);
            repeats are written once, in the order of ``FORMATS``.
        base_iri: names the TriG entities graph (see ``write_trig``).

    Raises:
        ExportError: a format is unknown (nothing is written), or a file cannot be written.
    """
    wanted = check_formats(formats)
    if not isinstance(graph, Graph) and len(wanted) > 1:
        graph = list(graph)  # a stream can be read only once
    out, prefixes = Path(out_dir), _prefixes(graph)
    writers: dict[str, Callable[[Path], Path]] = {
        "ttl": lambda p: (
            write_turtle(graph, p)
            if isinstance(graph, Graph)
            else atomic_write(
                p, lambda fh: ox.serialize(graph, fh, ox.RdfFormat.TURTLE, prefixes=prefixes)
            )
        ),
        "trig": lambda p: write_trig(graph, p, base_iri=base_iri),
        "nt": lambda p: write_ntriples(graph, p),
        "jsonld": lambda p: write_jsonld(graph, p),
    }
    paths = []
    for fmt in (f for f in FORMATS if f in wanted):
        paths.append(writers[fmt](out / f"{stem}{SUFFIXES[fmt]}"))
        log.info("wrote %s", paths[-1])
    return paths
