"""The whole job: read -> parse -> mentions -> resolve -> relate -> rdf -> export.

The only module that imports every stage.  ``extract`` is the per-article
step; ``build_graph`` the in-memory job; ``build`` writes the exports and
reports what it did.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from spacy.language import Language
from spacy.tokens import Doc

from .errors import InputError
from .export import write_turtle
from .mentions import find_mentions
from .mint import DEFAULT_BASE_IRI, Minter
from .parse import load_nlp, parse
from .rdf import to_graph
from .read import read_documents
from .relate import relate
from .resolve import resolve
from .types import Document, Extraction, Skipped
from .vocab import KG, RDF

__all__ = ["BuildReport", "build", "build_graph", "extract"]


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did."""

    articles: int
    entities: int
    relations: int
    triples: int
    skipped: tuple[Skipped, ...]
    outputs: tuple[Path, ...]
    seconds: float


def extract(document: Document, doc: Doc) -> Extraction:
    """Entities and relations of one parsed article."""
    mentions = find_mentions(doc, document.id)
    return Extraction(document, tuple(resolve(mentions)), tuple(relate(doc, mentions)))


def _extractions(items: Iterable[Document | Skipped], nlp: Language,
                 skipped: list[Skipped]) -> Iterator[Extraction]:
    def documents() -> Iterator[Document]:
        for item in items:
            if isinstance(item, Skipped):
                skipped.append(item)
            else:
                yield item

    for document, doc in parse(nlp, documents()):
        yield extract(document, doc)


def build_graph(inputs: Sequence[str | os.PathLike[str]], *, nlp: Language | None = None,
                base_iri: str = DEFAULT_BASE_IRI) -> tuple[Graph, list[Skipped], int]:
    """Build the graph of every article under ``inputs``.

    Returns the graph, the inputs skipped (with reasons) and the number of
    articles read.

    Raises:
        InputError: nothing could be read at all.
        ModelNotFound: the spaCy model is missing.
    """
    minter = Minter(base_iri)
    items = read_documents(inputs)
    skipped: list[Skipped] = []
    count = 0

    def counted() -> Iterator[Extraction]:
        nonlocal count
        for ex in _extractions(items, nlp or load_nlp(), skipped):
            count += 1
            yield ex

    graph = to_graph(counted(), minter)
    if count == 0:
        reasons = "; ".join(f"{s.source}: {s.reason}" for s in skipped[:3])
        raise InputError(f"no article could be read ({reasons})" if reasons else
                         "no article could be read; pass .txt files, folders or .jsonl files")
    return graph, skipped, count


def build(inputs: Sequence[str | os.PathLike[str]], out_dir: str | os.PathLike[str] = "exports",
          *, nlp: Language | None = None, base_iri: str = DEFAULT_BASE_IRI, html: bool = True,
          strict: bool = False, on_skip: Callable[[Skipped], None] | None = None) -> BuildReport:
    """Build the graph and write ``graph.ttl`` (and ``graph.html``) into ``out_dir``.

    With ``strict``, any skipped input is an error and nothing is written.

    Raises:
        InputError: nothing could be read, or (``strict``) something was skipped.
    """
    started = time.perf_counter()
    graph, skipped, count = build_graph(inputs, nlp=nlp, base_iri=base_iri)
    for s in skipped:
        if on_skip is not None:
            on_skip(s)
    if strict and skipped:
        raise InputError(f"{len(skipped)} input(s) skipped and --strict is set; "
                         f"first: {skipped[0].source}: {skipped[0].reason}")
    out = Path(out_dir)
    outputs = [write_turtle(graph, out / "graph.ttl")]
    if html:
        from .viz import write_html  # the view is optional and needs pyvis

        outputs.append(write_html(graph, out / "graph.html"))
    entities = len(set(graph.subjects(KG.mentionedIn, None)))
    relations = len(set(graph.subjects(RDF.type, KG.Statement)))
    return BuildReport(count, entities, relations, len(graph), tuple(skipped), tuple(outputs),
                       time.perf_counter() - started)
