"""Run per-article extraction at scale: in this process, in a process pool, or on Dask.

The unit of work is one article, and its result is that article's triples as
N-Triples bytes: small, picklable, cacheable.  ``run`` yields the results in
input order whatever the backend, reusing cached articles; ``merge`` joins them
into one stream of triples, dropping repeats across articles (an entity's type
and label, a relation reported twice) so the output is the same however the
work was split.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from itertools import islice

import pyoxigraph as ox
from spacy.language import Language
from spacy.tokens import Doc

from . import _tokens, gazetteer
from .amounts import find_amounts
from .cache import Cache
from .errors import KGError
from .events import attribute, find_events
from .learn import RULE as LEARNED
from .lexicon import ANAPHORS, DEFAULT_SIGNATURE, SIGNATURE
from .mentions import find_mentions
from .mint import Minter
from .nominal import nations
from .parse import load_nlp, parse
from .rdf import ntriples
from .relate import relate
from .resolve import quotations, resolve
from .types import Document, Entity, Extraction, Mention, Relation
from .vocab import KG, RDFS, XSD

__all__ = ["extract", "merge", "run"]

log = logging.getLogger(__name__)
BATCH = 16  # articles per task sent to a worker

_worker_nlp: Language | None = None


def extract(document: Document, doc: Doc, *, learned: bool = True) -> Extraction:
    """Entities, relations and events of one parsed article (``learned=False``: the rules
    alone, without the relation classifier of ``kg.learn``)."""
    mentions = find_mentions(doc, document.id, document.date)
    relations = attribute(doc, relate(doc, mentions, learned=learned), mentions)
    events = find_events(doc, document.id, mentions, relations)
    # the quotations of the piece parsed, in its own offsets
    amounts = find_amounts(doc, document.id, mentions)  # values: no relation or event reads them
    entities = resolve(sorted([*mentions, *amounts], key=lambda m: (m.start, m.end)),
                       quotations(_tokens.whole_text(doc)), nations(doc, mentions))
    return Extraction(document, tuple(entities), tuple(_on_the_map(_well_typed(relations, entities))),
                      tuple(events))


def _well_typed(relations: Sequence[Relation], entities: Sequence[Entity]) -> list[Relation]:
    """The relations whose pronoun or description stands, once resolved, for the kind of thing
    the property joins: "its chief executive" works for an organisation, not for a country
    "its" turned out to be (named arguments were checked when the relation was read); and
    that join two things, not one thing to itself ("Blair defended his plans", "he called
    himself a libertarian": no property of ours holds between a thing and itself)."""
    named = {m: {n.label for n in e.mentions if n.label not in ANAPHORS}
             for e in entities for m in e.mentions if m.label in ANAPHORS}
    entity_of = {m: n for n, e in enumerate(entities) for m in e.mentions}
    out = []
    for r in relations:
        if r.object is not None and entity_of.get(r.subject, -1) == entity_of.get(r.object, -2):
            continue
        subj_ok, obj_ok = SIGNATURE.get(r.predicate, DEFAULT_SIGNATURE)
        if (r.subject in named and not named[r.subject] & subj_ok) or (
                r.object in named and not named[r.object] & obj_ok):
            continue
        out.append(r)
    return out


def _on_the_map(relations: Sequence[Relation]) -> list[Relation]:
    """The learned relations the gazetteer does not contradict: a city is not in a country that
    has no city of its name ("Kabul" in North Korea, "Dallas" in France, guessed from a list of
    places).  What a rule read off the words stands ("Stockton, England": the gazetteer knows
    only the Stockton in California), and cities or countries the gazetteer does not know are
    not judged."""
    return [r for r in relations if not (
        r.rule == LEARNED and r.predicate == KG.locatedIn and r.object is not None
        and r.subject.label == r.object.label == "GPE"
        and not gazetteer.country(r.subject.text)
        and gazetteer.city_in(r.subject.text, r.object.text) is False)]


def _shifted(ex: Extraction, offset: int) -> Extraction:
    """An extraction from a piece of an article, with offsets into the whole article."""
    if offset == 0:
        return ex

    def m(x: Mention) -> Mention:
        return replace(x, start=x.start + offset, end=x.end + offset)

    def ms(xs: tuple[Mention, ...]) -> tuple[Mention, ...]:
        return tuple(m(x) for x in xs)

    entities = tuple(replace(e, mentions=ms(e.mentions)) for e in ex.entities)
    relations = tuple(replace(r, subject=m(r.subject), object=m(r.object) if r.object else None,
                              attributed_to=m(r.attributed_to) if r.attributed_to else None,
                              disputed_by=m(r.disputed_by) if r.disputed_by else None,
                              sentence_start=r.sentence_start + offset,
                              sentence_end=r.sentence_end + offset) for r in ex.relations)
    events = tuple(replace(e, trigger=m(e.trigger), agents=ms(e.agents), participants=ms(e.participants),
                           times=ms(e.times), places=ms(e.places),
                           attributed_to=m(e.attributed_to) if e.attributed_to else None,
                           disputed_by=m(e.disputed_by) if e.disputed_by else None,
                           sentence_start=e.sentence_start + offset,
                           sentence_end=e.sentence_end + offset) for e in ex.events)
    return Extraction(ex.document, entities, relations, events)


def _extract_local(documents: Iterable[Document], nlp: Language, minter: Minter) -> Iterator[bytes]:
    """Parse and extract in this process; each article's N-Triples bytes."""
    parts: list[Extraction] = []
    for document, doc, offset, last in parse(nlp, documents):
        parts.append(_shifted(extract(document, doc), offset))
        if last:
            whole = parts[0] if len(parts) == 1 else Extraction(
                document, tuple(e for p in parts for e in p.entities),
                tuple(r for p in parts for r in p.relations),
                tuple(e for p in parts for e in p.events))
            parts = []
            yield ntriples(whole, minter)


def _init_worker(model: str | None) -> None:
    global _worker_nlp
    _worker_nlp = load_nlp(model)


def _extract_batch(documents: list[Document], base_iri: str, model: str | None = None) -> list[bytes]:
    """A worker's task (process pool or Dask): parse and extract a batch of articles."""
    global _worker_nlp
    if _worker_nlp is None:
        _worker_nlp = load_nlp(model)
    return list(_extract_local(documents, _worker_nlp, Minter(base_iri)))


def _batches(items: Sequence[Document]) -> Iterator[list[Document]]:
    it = iter(items)
    while batch := list(islice(it, BATCH)):
        yield batch


def _extract_pool(documents: Sequence[Document], base_iri: str, jobs: int,
                  model: str | None) -> Iterator[bytes]:
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(model,)) as pool:
        task = functools.partial(_extract_batch, base_iri=base_iri, model=model)
        for result in pool.map(task, _batches(documents)):
            yield from result


def _extract_dask(documents: Sequence[Document], base_iri: str, address: object,
                  model: str | None) -> Iterator[bytes]:
    try:
        from distributed import Client
    except ImportError as exc:
        raise KGError("the Dask engine needs the distributed package; "
                      "install it with: pip install 'newskg[dask]'") from exc
    try:
        client = address if isinstance(address, Client) else Client(address, timeout="10s")
    except OSError as exc:
        raise KGError(f"cannot reach the Dask scheduler at {address!r} ({exc}); "
                      "start one with `dask scheduler` or check the address") from exc
    try:
        futures = client.map(_extract_batch, list(_batches(documents)), base_iri=base_iri,
                             model=model, pure=False)
        for future in futures:  # in input order, as each finishes
            yield from future.result()
    finally:
        if client is not address:
            client.close()


def run(documents: Sequence[Document], *, base_iri: str, nlp: Language | None = None,
        jobs: int = 1, cache: Cache | None = None, dask: object = None, model: str | None = None,
        on_article: Callable[[bool], None] | None = None) -> Iterator[bytes]:
    """Yield each article's triples as N-Triples bytes, in input order, computing only what
    the cache lacks.

    ``dask`` is a scheduler address (or a ``distributed.Client``); otherwise ``jobs``
    processes are used (1: this process, with ``nlp`` if given).  ``on_article`` is
    called once per article with ``True`` if it came from the cache.
    """
    if jobs < 1:
        raise KGError(f"--jobs {jobs} is not a number of processes; use 1 or more")
    keys = [cache.key(d, base_iri) if cache else "" for d in documents]
    cached = [cache is not None and cache.has(k) for k in keys]  # read one at a time, below
    todo = [d for d, hit in zip(documents, cached, strict=True) if not hit]
    log.info("%d article(s), %d from cache", len(documents), len(documents) - len(todo))
    fresh: Iterator[bytes]
    if not todo:
        fresh = iter(())
    elif dask is not None:
        fresh = _extract_dask(todo, base_iri, dask, model)
    elif jobs > 1 and len(todo) > BATCH:
        fresh = _extract_pool(todo, base_iri, jobs, model)
    else:
        fresh = _extract_local(todo, nlp or load_nlp(model), Minter(base_iri))
    for key, hit in zip(keys, cached, strict=True):
        data = cache.get(key) if hit and cache is not None else next(fresh)
        if data is None:
            raise KGError(f"cache entry {key} vanished during the build; rebuild with --no-cache")
        if not hit and cache is not None:
            cache.put(key, data)
        if on_article is not None:
            on_article(hit)
        yield data


def merge(chunks: Iterable[bytes], base_iri: str) -> Iterator[ox.Triple]:
    """Join articles' N-Triples into one stream: repeats dropped, first label kept."""
    article_space = Minter(base_iri).article("x")[: -1]
    label = ox.NamedNode(str(RDFS.label))
    unique_per_article = {ox.NamedNode(str(KG.hasMention)), ox.NamedNode(str(KG.mentionedIn))}
    report = ox.NamedNode(str(KG.report))
    reports: dict[str, int] = {}
    seen: set[ox.Triple] = set()
    labelled: set[object] = set()
    for chunk in chunks:
        for t in ox.parse(input=chunk, format=ox.RdfFormat.N_TRIPLES):
            s = t.subject
            if t.predicate == label:
                if s in labelled:
                    continue
                labelled.add(s)
            elif (isinstance(s, ox.NamedNode) and not s.value.startswith(article_space)
                  and t.predicate not in unique_per_article):
                if t in seen:
                    continue
                seen.add(t)
                if t.predicate == report:
                    reports[s.value] = reports.get(s.value, 0) + 1
            yield t
    count = ox.NamedNode(str(KG.mentionCount))
    for event in sorted(reports):  # how many reports of each event, over all articles
        yield ox.Triple(ox.NamedNode(event), count, ox.Literal(str(reports[event]),
                                                               datatype=ox.NamedNode(str(XSD.integer))))
