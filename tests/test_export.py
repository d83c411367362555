"""Exports: every format parses strictly, reads back isomorphic, is stable and atomic."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import pyoxigraph as ox
import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import ExportError
from kg.export import (
    FORMATS,
    atomic_write,
    entities_graph,
    ontology_bytes,
    rdf_format,
    to_oxigraph,
    to_rdflib,
    write,
    write_turtle,
)
from kg.mint import Minter
from kg.rdf import to_graph
from kg.types import Document, Entity, Extraction, Mention, Relation
from kg.vocab import KG, NIF, ONTOLOGY_IRI, RDF, RDFS, SKOS, XSD

from .conftest import ROOT, SEEDS

RDFLIB_FORMAT = {"ttl": "turtle", "trig": "trig", "nt": "nt", "jsonld": "json-ld"}


def parse_dataset(path: Path) -> Dataset:
    """rdflib's own TriG parser (7.6 warns about its own Dataset internals: not ours to fix)."""
    ds = Dataset()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        ds.parse(path, format="trig")
    return ds


def read_both(path: Path) -> tuple[Graph, Graph]:
    """An export read by strict pyoxigraph and by rdflib, without the ontology graph."""
    name, fmt = rdf_format(path)
    strict = Graph()
    for q in ox.parse(path=str(path), format=fmt):  # never lenient
        if q.graph_name != ox.NamedNode(str(ONTOLOGY_IRI)):
            strict.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    if name == "trig":
        ds = parse_dataset(path)
        loose = Graph()
        for g in ds.graphs():
            if g.identifier != ONTOLOGY_IRI:
                for t in g:
                    loose.add(t)
    else:
        with warnings.catch_warnings():  # rdflib 7.6's JSON-LD parser warns about its own internals
            warnings.simplefilter("ignore", DeprecationWarning)
            loose = Graph().parse(path, format=RDFLIB_FORMAT[name])
    return strict, loose


def simple(graph: Graph) -> Graph:
    """``"x"^^xsd:string`` and ``"x"`` are one RDF 1.1 term, two rdflib terms: use the short one."""
    out = Graph(bind_namespaces="none")
    for prefix, ns in graph.namespaces():
        out.bind(prefix, ns)
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD.string:
            o = Literal(str(o))
        out.add((s, p, o))
    return out


def assert_valid_exports(graph: Graph, out: Path) -> list[Path]:
    paths = write(graph, out, FORMATS)
    graph = simple(graph)
    assert [p.name for p in paths] == ["graph.ttl", "graph.trig", "graph.nt", "graph.jsonld"]
    for path in paths:
        strict, loose = read_both(path)
        assert isomorphic(strict, graph), path
        assert isomorphic(loose, graph), path
        bad = [o for o in loose.objects() if isinstance(o, Literal) and o.ill_typed]
        assert not bad, (path, bad)
    return paths


@pytest.fixture(scope="module")
def seed_graph(nlp: spacy.language.Language) -> Graph:
    from kg.pipeline import build_graph

    return simple(build_graph([SEEDS], nlp=nlp)[0])


@pytest.mark.model
def test_seed_build_in_every_format_parses_strictly_and_round_trips(
    seed_graph: Graph, tmp_path: Path
) -> None:
    assert_valid_exports(seed_graph, tmp_path)


@pytest.mark.model
def test_exports_are_byte_identical_whatever_the_insertion_order(
    seed_graph: Graph, tmp_path: Path
) -> None:
    first = write(seed_graph, tmp_path / "a", FORMATS)
    shuffled = list(seed_graph)
    random.Random(5).shuffle(shuffled)
    other = Graph(bind_namespaces="none")
    for prefix, ns in seed_graph.namespaces():
        other.bind(prefix, ns)
    for t in shuffled:
        other.add(t)
    second = write(other, tmp_path / "b", FORMATS)
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


_HASH_SEED_SCRIPT = """
import sys
from rdflib import Graph
from kg.export import write
g = Graph().parse(sys.argv[1], format="turtle")
write(g, sys.argv[2], ["ttl", "trig", "nt", "jsonld"])
"""


@pytest.mark.model
def test_exports_are_byte_identical_across_hash_seeds(seed_graph: Graph, tmp_path: Path) -> None:
    src = write_turtle(seed_graph, tmp_path / "src.ttl")
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-c", _HASH_SEED_SCRIPT, str(src), str(out)],
            check=True,
            env=env,
            cwd=ROOT,
        )
        outs.append(out)
    for name in ("graph.ttl", "graph.trig", "graph.nt", "graph.jsonld"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


@pytest.mark.model
def test_trig_puts_each_triple_in_its_graph(seed_graph: Graph, tmp_path: Path) -> None:
    (path,) = write(seed_graph, tmp_path, ["trig"])
    ds = parse_dataset(path)
    article = next(seed_graph.subjects(RDF.type, KG.Article))
    entities = entities_graph()
    assert entities == URIRef("https://newskg.example/id/graph/entities")
    names = {g.identifier for g in ds.graphs() if len(g)}
    assert names == {article, entities, ONTOLOGY_IRI}
    art, ent, onto = ds.graph(article), ds.graph(entities), ds.graph(ONTOLOGY_IRI)
    statement = next(seed_graph.subjects(RDF.type, KG.Statement))
    mention = next(seed_graph.subjects(RDF.type, KG.Mention))
    akar = next(seed_graph.subjects(RDFS.label, Literal("Hulusi Akar")))
    assert set(art.predicate_objects(statement)) == set(seed_graph.predicate_objects(statement))
    assert set(art.predicate_objects(mention)) == set(seed_graph.predicate_objects(mention))
    assert (article, NIF.isString, None) in art
    assert set(ent.predicate_objects(akar)) == set(seed_graph.predicate_objects(akar))
    assert (akar, KG.phoned, None) in ent and (akar, SKOS.altLabel, None) in ent
    assert (KG.phoned, RDF.type, URIRef("http://www.w3.org/2002/07/owl#ObjectProperty")) in onto
    assert isomorphic(onto, Graph().parse(ROOT / "ontology" / "kg.ttl"))
    assert len(art) + len(ent) == len(seed_graph)


def test_trig_entities_graph_follows_the_base_iri(tmp_path: Path) -> None:
    base = "https://example.org/kg/"
    graph = to_graph([_extraction("Ann", "Bob", "Ann phoned Bob.", "doc")], Minter(base))
    (path,) = write(graph, tmp_path, ["trig"])
    names = {q.graph_name.value for q in ox.parse(path=str(path), format=ox.RdfFormat.TRIG)}
    assert names == {f"{base}graph/entities", f"{base}article/doc", str(ONTOLOGY_IRI)}
    (path,) = write(graph, tmp_path, ["trig"], base_iri="urn:x:")
    assert "<urn:x:graph/entities>" in path.read_text(encoding="utf-8")


@pytest.mark.model
def test_jsonld_embeds_the_published_context_and_compacts(
    seed_graph: Graph, tmp_path: Path
) -> None:
    (path,) = write(seed_graph, tmp_path, ["jsonld"])
    doc = json.loads(path.read_text(encoding="utf-8"))
    published = json.loads((ROOT / "ontology" / "context.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"] == published["@context"]
    akar = next(n for n in doc["@graph"] if n.get("label") == "Hulusi Akar")
    assert akar["@type"] == "Person" and len(akar["phoned"]) == 2
    assert all(v.startswith("https://") for v in akar["phoned"])
    statement = next(n for n in doc["@graph"] if n.get("@type") == "Statement")
    assert {"subject", "predicate", "object", "source", "sentence", "confidence", "rule"} <= set(
        statement
    )
    assert isinstance(statement["confidence"], str)  # typed by the context, never a JSON number


def test_context_covers_every_ontology_term() -> None:
    ctx = json.loads((ROOT / "ontology" / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    kg_terms = {}
    for term, value in ctx.items():
        iri = value if isinstance(value, str) else value["@id"]
        if iri.startswith("kg:"):
            kg_terms[term] = iri[3:]
    assert all(term == local for term, local in kg_terms.items())
    assert set(kg_terms) == set(KG.__annotations__)


def test_unknown_format_names_the_valid_ones(tmp_path: Path) -> None:
    with pytest.raises(
        ExportError, match=r"unknown export format 'xml'; use one or more of ttl, trig, nt, jsonld"
    ):
        write(Graph(), tmp_path, ["ttl", "xml"])
    with pytest.raises(ExportError, match=r"kg\.viz"):
        write(Graph(), tmp_path, ["html"])
    assert not list(tmp_path.iterdir())  # nothing written when a name is bad
    assert write(Graph(), tmp_path, []) == []


def test_failed_write_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("old", encoding="utf-8")
    bad = Graph()
    bad.add((URIRef("http://ex.org/a b"), RDFS.label, Literal("x")))
    with pytest.raises(ExportError, match="invalid triple"):
        write_turtle(bad, target)

    def boom(fh: object) -> None:
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        atomic_write(target, boom)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_ontology_files_are_found() -> None:
    assert ontology_bytes() == (ROOT / "ontology" / "kg.ttl").read_bytes()
    assert b"sh:NodeShape" in ontology_bytes("shapes.ttl")
    assert json.loads(ontology_bytes("context.jsonld"))["@context"]
    with pytest.raises(ExportError, match="missing"):
        ontology_bytes("nope.ttl")


def _extraction(
    name1: str,
    name2: str,
    text: str,
    doc_id: str,
    said: str = "",
    title: str | None = None,
    date: dt.date | None = None,
    confidence: float = 0.5,
) -> Extraction:
    """One article, ``name1 phoned name2. text``: two mentions, a call and a quote."""
    full = f"{name1} phoned {name2}. {text}"
    m1 = Mention(doc_id, 0, len(name1), name1, "PERSON")
    start2 = len(name1) + len(" phoned ")
    m2 = Mention(doc_id, start2, start2 + len(name2), name2, "ORG")
    e1 = Entity(KG.Person, name1, (m1,), aliases=(text[:20],), roles=(said[:10],) if said else ())
    e2 = Entity(KG.Organization, name2, (m2,))
    rels = (
        Relation(m1, KG.phoned, m2, 0, len(full), confidence, "verb"),
        Relation(m1, KG.said, None, 0, len(full), confidence, "reported-speech", value=said or "x"),
    )
    return Extraction(Document(doc_id, full, "test", date=date, title=title), (e1, e2), rels)


_TEXT = st.text(alphabet=st.characters(codec="utf-8"))  # any Unicode scalar value: no surrogates


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name1=_TEXT,
    name2=_TEXT,
    text=_TEXT,
    doc_id=_TEXT.filter(bool),
    said=_TEXT,
    title=st.none() | _TEXT,
    date=st.none() | st.dates(),
    confidence=st.floats(min_value=0, max_value=1),
)
def test_any_text_survives_every_format(
    name1: str,
    name2: str,
    text: str,
    doc_id: str,
    said: str,
    title: str | None,
    date: dt.date | None,
    confidence: float,
) -> None:
    minter = Minter()
    graph = to_graph(
        [_extraction(name1, name2, text, doc_id, said, title, date, confidence)], minter
    )
    with tempfile.TemporaryDirectory() as out:
        for path in assert_valid_exports(graph, Path(out)):
            strict, _ = read_both(path)
            assert strict.value(minter.entity(KG.Person, name1), RDFS.label) == Literal(name1), path
            assert strict.value(minter.entity(KG.Organization, name2), RDFS.label) == Literal(name2)
            assert strict.value(minter.article(doc_id), NIF.isString).value.startswith(name1)


@pytest.mark.model
def test_a_stream_of_triples_writes_the_same_files(seed_graph: Graph, tmp_path: Path) -> None:
    """``kg build`` streams pyoxigraph triples: sorted, they give the Graph's exports."""
    from_graph = write(seed_graph, tmp_path / "graph", FORMATS)
    from_stream = write(iter(to_oxigraph(seed_graph)), tmp_path / "stream", FORMATS)
    for a, b in zip(from_graph, from_stream, strict=True):
        if a.suffix == ".ttl":  # prefix lines may come in another order
            assert isomorphic(read_both(a)[0], read_both(b)[0])
        else:
            assert a.read_bytes() == b.read_bytes(), a.name
    (nt,) = write((t for t in to_oxigraph(seed_graph)), tmp_path / "one", ["nt"])  # streamed once
    assert nt.read_bytes() == from_graph[2].read_bytes()
