"""The example queries in queries/: each runs on the seed build and returns what it promises.

Assertions stay on facts the phone-call rules guarantee (Akar phoned Reznikov
and Wallace); nothing counts rows that other extraction rules may change.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import spacy

from kg.export import write_turtle
from kg.query import query
from kg.store import load, query_endpoint

from .conftest import ROOT, SEEDS
from .oxigraph_server import OxigraphServer, find_oxigraph

pytestmark = pytest.mark.model

QUERIES = ROOT / "queries"
NAMES = ["phoned", "person", "by-date", "articles-mentioning", "co-mentioned", "amounts"]
SEED_ID = "000_92b35fa992aff067"
PHONE_CALLS = {("Hulusi Akar", "Oleksii Reznikov"), ("Hulusi Akar", "Ben Wallace")}


@pytest.fixture(scope="module")
def seed_ttl(tmp_path_factory: pytest.TempPathFactory, nlp: spacy.language.Language) -> Path:
    from kg.pipeline import build_graph

    graph, _, _ = build_graph([SEEDS], nlp=nlp)
    return write_turtle(graph, tmp_path_factory.mktemp("queries") / "graph.ttl")


def text_of(name: str) -> str:
    return (QUERIES / f"{name}.rq").read_text(encoding="utf-8")


def run(path: Path, sparql: str) -> list[dict[str, str]]:
    data = json.loads(query([path], sparql, "json"))
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def test_every_query_file_is_listed_and_documented() -> None:
    assert sorted(p.stem for p in QUERIES.glob("*.rq")) == sorted(NAMES)
    for name in NAMES:
        text = text_of(name)
        header = text.split("PREFIX", 1)[0]
        assert header.startswith(f"# {name}.rq: "), name
        assert f"kg query exports/graph.ttl -f queries/{name}.rq" in header, name
        ox.Store().query(text)  # parses (on an empty store)


def test_phoned(seed_ttl: Path) -> None:
    rows = run(seed_ttl, text_of("phoned"))
    assert {(r["caller"], r["callee"]) for r in rows} == PHONE_CALLS
    for r in rows:
        assert "phone call" in r["sentence"] and r["callee"].split()[-1] in r["sentence"]
        assert r["date"] == "2022-02-25" and 0 <= float(r["confidence"]) <= 1
        assert r["article"].endswith(SEED_ID)


def test_person(seed_ttl: Path) -> None:
    rows = run(seed_ttl, text_of("person"))
    assert {r["person"] for r in rows} == {"Hulusi Akar"}
    calls = {r["value"]: r for r in rows if r["property"] == "phoned"}
    assert set(calls) == {"Oleksii Reznikov", "Ben Wallace"}
    assert all(r["direction"] == "out" and r["sentence"] and r["rule"] for r in calls.values())
    assert {
        "direction": "out",
        "property": "type",
        "value": "Person",
        "person": "Hulusi Akar",
    } in rows
    # an alias finds the same person; a name nobody has finds nothing
    by_alias = run(seed_ttl, text_of("person").replace('"Hulusi Akar"', '"Akar"'))
    assert {(r["property"], r["value"]) for r in by_alias} == {
        (r["property"], r["value"]) for r in rows
    }
    assert run(seed_ttl, text_of("person").replace('"Hulusi Akar"', '"Nobody Atall"')) == []


def test_by_date(seed_ttl: Path) -> None:
    rows = run(seed_ttl, text_of("by-date"))
    assert rows and {r["date"] for r in rows} == {"2022-02-25"}
    assert {(r["subject"], r["object"]) for r in rows if r["property"] == "phoned"} >= PHONE_CALLS
    outside = (
        text_of("by-date")
        .replace('"2022-01-01"', '"2023-01-01"')
        .replace('"2022-12-31"', '"2023-12-31"')
    )
    assert run(seed_ttl, outside) == []


def test_articles_mentioning(seed_ttl: Path) -> None:
    rows = run(seed_ttl, text_of("articles-mentioning"))
    assert [r["id"] for r in rows] == [SEED_ID]
    assert int(rows[0]["mentions"]) >= 1 and rows[0]["date"] == "2022-02-25"
    akar = run(seed_ttl, text_of("articles-mentioning").replace('"Ukraine"', '"Hulusi Akar"'))
    assert [r["id"] for r in akar] == [SEED_ID]
    assert run(seed_ttl, text_of("articles-mentioning").replace('"Ukraine"', '"Atlantis"')) == []


def test_co_mentioned(seed_ttl: Path) -> None:
    rows = run(seed_ttl, text_of("co-mentioned"))
    pairs = {(r["a"], r["b"]) for r in rows}
    assert ("Hulusi Akar", "Oleksii Reznikov") in pairs and ("Ben Wallace", "Hulusi Akar") in pairs
    assert all(r["a"] <= r["b"] and int(r["articles"]) >= 1 for r in rows)
    assert len(pairs) == len(rows)  # each pair once
    dates = {
        r["l"]
        for r in run(
            seed_ttl,
            "SELECT ?l WHERE { ?d a <https://newskg.example/ontology#Date> ; "
            "<http://www.w3.org/2000/01/rdf-schema#label> ?l }",
        )
    }
    assert dates and not dates & {name for pair in pairs for name in pair}


@pytest.fixture(scope="module")
def server(seed_ttl: Path) -> Iterator[OxigraphServer]:
    exe = find_oxigraph()
    if exe is None:
        pytest.skip(
            "the oxigraph server binary is not installed (pip install oxigraph, a dev dependency)"
        )
    with OxigraphServer.start(exe) as srv:
        load(seed_ttl, srv.store)
        yield srv


@pytest.mark.parametrize("name", NAMES)
def test_queries_give_the_same_answer_from_a_server(
    server: OxigraphServer, seed_ttl: Path, name: str
) -> None:
    sparql = text_of(name)
    assert query_endpoint(server.query_url, sparql, "csv") == query([seed_ttl], sparql, "csv")


def test_amounts(tmp_path: Path, nlp: spacy.language.Language) -> None:
    from kg.pipeline import build_graph

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "deal.txt").write_text(
        "Acme agreed to buy Widget Ltd for $12bn, after a $900m bid by Gadget Corp failed.\n"
        "Widget's shares rose 27% and the £40m break fee was waived.\n", encoding="utf-8")
    graph, _, _ = build_graph([tmp_path / "in"], nlp=nlp)
    ttl = write_turtle(graph, tmp_path / "graph.ttl")
    rows = run(ttl, text_of("amounts"))
    assert [(r["amount"], r["label"], r["id"]) for r in rows] == [
        ("12000000000", "$12bn", "deal"), ("900000000", "$900m", "deal")]
    pounds = run(ttl, text_of("amounts").replace('VALUES ?unit { "USD" }', 'VALUES ?unit { "GBP" }'))
    assert [r["label"] for r in pounds] == ["£40m"]
