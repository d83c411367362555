"""End to end on real BBC articles (read from ../shared; never copied into the repo)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from .conftest import BBC

pytestmark = [pytest.mark.model, pytest.mark.corpus,
              pytest.mark.skipif(not BBC.is_dir(), reason=f"BBC corpus not found at {BBC}")]

N_PER_SECTION = 5  # 5 sections x 5 = 25 articles


@pytest.fixture(scope="module")
def bbc_build(tmp_path_factory: pytest.TempPathFactory, nlp) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    from kg.pipeline import build

    src = tmp_path_factory.mktemp("bbc")
    for section in sorted(p for p in BBC.iterdir() if p.is_dir()):
        for f in sorted(section.glob("*.txt"))[:N_PER_SECTION]:
            (src / section.name).mkdir(exist_ok=True)
            shutil.copy(f, src / section.name / f.name)
    out = tmp_path_factory.mktemp("bbc-out")
    report = build([src], out, nlp=nlp, html=False)
    assert report.articles == 25 and not report.skipped
    assert report.relations >= 10 and report.entities > 100
    return src, out / "graph.ttl"


def _rows(store: ox.Store, q: str) -> list[dict[str, str]]:
    res = store.query("PREFIX kg: <https://newskg.example/ontology#> "
                      "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
                      "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> "
                      "PREFIX dct: <http://purl.org/dc/terms/> " + q)
    return [{v.value: sol[v].value for v in res.variables if sol[v] is not None} for sol in res]


def test_bbc_turtle_parses_strictly_and_every_relation_has_evidence(bbc_build: tuple[Path, Path]) -> None:
    _, ttl = bbc_build
    store = ox.Store()
    store.load(path=str(ttl), format=ox.RdfFormat.TURTLE)
    assert len(_rows(store, "SELECT ?a WHERE { ?a a kg:Article }")) == 25
    relations = _rows(store, """SELECT ?s ?p ?o WHERE { ?s ?p ?o . ?s kg:mentionedIn ?x .
                                ?o kg:mentionedIn ?y . FILTER(STRSTARTS(STR(?p), STR(kg:))) }""")
    assert len(relations) >= 10
    unbacked = _rows(store, """SELECT ?s ?p ?o WHERE { ?s ?p ?o . ?s kg:mentionedIn ?x .
        ?o kg:mentionedIn ?y . FILTER(STRSTARTS(STR(?p), STR(kg:)) && ?p != kg:mentionedIn)
        FILTER NOT EXISTS { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:source ?src ;
                            kg:sentence ?sen ; kg:subjectMention ?sm ; kg:confidence ?c } }""")
    assert unbacked == []


def test_bbc_offsets_slice_each_article(bbc_build: tuple[Path, Path]) -> None:
    _, ttl = bbc_build
    store = ox.Store()
    store.load(path=str(ttl), format=ox.RdfFormat.TURTLE)
    texts = {r["a"]: r["t"] for r in _rows(store, "SELECT ?a ?t WHERE { ?a nif:isString ?t }")}
    mentions = _rows(store, """SELECT ?a ?b ?e ?x WHERE { ?m nif:referenceContext ?a ;
                               nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?x }""")
    assert len(mentions) > 500
    for m in mentions:
        assert texts[m["a"]][int(m["b"]):int(m["e"])] == m["x"]
    titles = _rows(store, "SELECT ?t WHERE { ?a dct:title ?t }")
    assert len(titles) == 25  # BBC files start with a headline line
