"""The whole job: read -> parse -> mentions -> resolve -> relate -> rdf -> export.

The only module that imports every stage.  ``build_graph`` is the in-memory
job (an rdflib ``Graph``); ``build`` streams a corpus to ``graph.ttl`` (and the
HTML view), with a cache, parallel workers or a Dask cluster, and reports what
it did.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node
from spacy.language import Language

from .cache import Cache, pipeline_fingerprint
from .engine import extract, merge, run
from .errors import InputError
from .export import check_formats, to_rdflib, write
from .mint import DEFAULT_BASE_IRI, Minter
from .parse import model_id
from .rdf import new_graph
from .read import read_documents
from .types import Document, Skipped
from .vocab import KG, NIF, RDF

__all__ = ["BuildReport", "build", "build_graph", "extract"]


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did."""

    articles: int
    cached: int
    entities: int
    relations: int
    triples: int
    skipped: tuple[Skipped, ...]
    outputs: tuple[Path, ...]
    seconds: float


@dataclass
class _Counter:
    triples: int = 0
    relations: int = 0
    cached: int = 0
    entities: set[str] = field(default_factory=set)

    def count(self, stream: Iterator[ox.Triple]) -> Iterator[ox.Triple]:
        statement, rdf_type = ox.NamedNode(str(KG.Statement)), ox.NamedNode(str(RDF.type))
        mentioned = ox.NamedNode(str(KG.mentionedIn))
        for t in stream:
            self.triples += 1
            if t.predicate == rdf_type and t.object == statement:
                self.relations += 1
            elif t.predicate == mentioned:
                self.entities.add(t.subject.value)
            yield t


def _documents(inputs: Sequence[str | os.PathLike[str]]) -> tuple[list[Document], list[Skipped]]:
    docs: list[Document] = []
    skipped: list[Skipped] = []
    for item in read_documents(inputs):
        (skipped if isinstance(item, Skipped) else docs).append(item)  # type: ignore[arg-type]
    if not docs:
        reasons = "; ".join(f"{s.source}: {s.reason}" for s in skipped[:3])
        raise InputError(f"no article could be read ({reasons})" if reasons else
                         "no article could be read; pass .txt files, folders or .jsonl files")
    return docs, skipped


def build_graph(inputs: Sequence[str | os.PathLike[str]], *, nlp: Language | None = None,
                base_iri: str = DEFAULT_BASE_IRI) -> tuple[Graph, list[Skipped], int]:
    """Build the graph of every article under ``inputs`` in memory.

    Returns the graph, the inputs skipped (with reasons) and the number of
    articles read.

    Raises:
        InputError: nothing could be read at all.
        ModelNotFound: the spaCy model is missing.
    """
    Minter(base_iri)  # a bad base IRI fails before any work
    docs, skipped = _documents(inputs)
    graph = new_graph()
    for t in merge(run(docs, base_iri=base_iri, nlp=nlp), base_iri):
        graph.add(_rdflib_triple(t))
    return graph, skipped, len(docs)


def _rdflib_triple(t: ox.Triple) -> tuple[Node, Node, Node]:
    return (to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object))  # type: ignore[arg-type]


def build(inputs: Sequence[str | os.PathLike[str]], out_dir: str | os.PathLike[str] = "exports",
          *, nlp: Language | None = None, base_iri: str = DEFAULT_BASE_IRI, html: bool = True,
          formats: Sequence[str] = ("ttl",), strict: bool = False, jobs: int = 1, cache_dir: str | os.PathLike[str] | None = None,
          use_cache: bool = True, dask: object = None, max_nodes: int | None = None,
          on_skip: Callable[[Skipped], None] | None = None,
          on_start: Callable[[int], None] | None = None,
          on_article: Callable[[bool], None] | None = None) -> BuildReport:
    """Build the graph of ``inputs`` and write ``graph.ttl`` (and ``graph.html``) into ``out_dir``.

    ``formats`` picks the RDF files (``ttl``, ``trig``, ``nt``, ``jsonld``: see
    ``kg.export.write``); ``html`` adds the interactive view.

    Articles stream through the pipeline (memory stays bounded); results are
    cached per article under ``out_dir/.cache`` (or ``cache_dir``) so a rebuild
    re-parses only what changed; ``jobs`` worker processes or a Dask scheduler
    address (``dask``) share the parsing.  With ``strict``, any skipped input is
    an error and nothing is written.

    Raises:
        InputError: nothing could be read, or (``strict``) something was skipped.
        ModelNotFound: the spaCy model is missing.
    """
    started = time.perf_counter()
    Minter(base_iri)
    check_formats(formats)  # before any work, not after it
    docs, skipped = _documents(inputs)
    for s in skipped:
        if on_skip is not None:
            on_skip(s)
    if strict and skipped:
        raise InputError(f"{len(skipped)} input(s) skipped and --strict is set; "
                         f"first: {skipped[0].source}: {skipped[0].reason}")
    out = Path(out_dir)
    cache = None
    if use_cache:
        model = model_id() if nlp is None else f"{nlp.meta.get('name')}=={nlp.meta.get('version')}"
        cache = Cache(Path(cache_dir) if cache_dir else out / ".cache", pipeline_fingerprint(model))
    if on_start is not None:
        on_start(len(docs))
    counter = _Counter()

    def article_done(cached: bool) -> None:
        counter.cached += cached
        if on_article is not None:
            on_article(cached)

    stream = counter.count(merge(run(docs, base_iri=base_iri, nlp=nlp, jobs=jobs, cache=cache,
                                     dask=dask, on_article=article_done), base_iri))
    view = new_graph() if html else None
    if view is not None:
        stream = _mirror(stream, view)
    outputs = write(stream, out, formats, base_iri=base_iri)
    if view is not None:
        from .viz import write_html  # the view needs networkx and pyvis's bundle; Turtle does not

        outputs.append(write_html(view, out / "graph.html", max_nodes=max_nodes))
    return BuildReport(len(docs), counter.cached, len(counter.entities), counter.relations, counter.triples,
                       tuple(skipped), tuple(outputs), time.perf_counter() - started)


def _mirror(stream: Iterator[ox.Triple], view: Graph) -> Iterator[ox.Triple]:
    """Pass the stream on, copying into ``view`` what the HTML view reads (not article texts)."""
    text = ox.NamedNode(str(NIF.isString))
    for t in stream:
        if t.predicate != text:
            view.add(_rdflib_triple(t))
        yield t
