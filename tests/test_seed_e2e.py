"""End to end on seeds/ with the real spaCy model: the facts the product promises."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from .conftest import SEED

pytestmark = pytest.mark.model

PREFIXES = """PREFIX kg: <https://newskg.example/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


@pytest.fixture(scope="module")
def store(seed_graph_path: Path) -> ox.Store:
    st = ox.Store()
    st.load(path=str(seed_graph_path), format=ox.RdfFormat.TURTLE)  # strict parser
    return st


def rows(store: ox.Store, q: str) -> list[dict[str, str]]:
    res = store.query(PREFIXES + q)
    return [{v.value: sol[v].value for v in res.variables if sol[v] is not None} for sol in res]


@pytest.mark.parametrize("other", ["Oleksii Reznikov", "Ben Wallace"])
def test_akar_phoned_with_evidence_that_slices_the_article(store: ox.Store, other: str) -> None:
    found = rows(store, f"""
        SELECT ?sentence ?b ?e ?anchor ?ob ?oe ?oanchor ?conf ?text WHERE {{
          ?akar rdfs:label "Hulusi Akar" ; kg:phoned ?o .
          ?o rdfs:label "{other}" .
          ?st a kg:Statement ; rdf:subject ?akar ; rdf:predicate kg:phoned ; rdf:object ?o ;
              kg:sentence ?sentence ; kg:confidence ?conf ; kg:source ?art ;
              kg:subjectMention [ nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor ] ;
              kg:objectMention [ nif:beginIndex ?ob ; nif:endIndex ?oe ; nif:anchorOf ?oanchor ] .
          ?art nif:isString ?text .
        }}""")
    assert found, f"no Akar -phoned-> {other}"
    text = SEED.read_text(encoding="utf-8")
    for r in found:
        assert r["text"] == text
        assert text[int(r["b"]):int(r["e"])] == r["anchor"]
        assert text[int(r["ob"]):int(r["oe"])] == r["oanchor"] and r["oanchor"].endswith(other.split()[-1])
        assert "phone call" in r["sentence"] and r["sentence"] in text
        assert 0.0 < float(r["conf"]) <= 1.0


def test_akar_is_one_person_with_role_and_aliases(store: ox.Store) -> None:
    people = rows(store, """SELECT DISTINCT ?p WHERE { ?p a kg:Person ; skos:altLabel|rdfs:label ?l .
                            FILTER(CONTAINS(?l, "Akar")) }""")
    assert len(people) == 1
    facts = rows(store, """SELECT ?label ?role ?alias WHERE { ?p a kg:Person ; rdfs:label ?label ;
                           kg:holdsRole ?role ; skos:altLabel ?alias . FILTER(?label = "Hulusi Akar") }""")
    assert {r["role"] for r in facts} == {"Defense Minister"}
    assert {"Defense Minister Hulusi Akar", "Akar"} <= {r["alias"] for r in facts}
    anchors = {r["a"] for r in rows(store, """SELECT ?a WHERE { ?p rdfs:label "Hulusi Akar" ;
                                             kg:hasMention/nif:anchorOf ?a }""")}
    assert {"Hulusi Akar", "Akar", "his"} <= anchors


def test_reznikov_tied_to_ukraine_and_wallace_to_the_uk(store: ox.Store) -> None:
    assert rows(store, """SELECT ?u WHERE { ?r rdfs:label "Oleksii Reznikov" ; kg:affiliatedWith ?u .
                          ?u a kg:Country ; rdfs:label "Ukraine" }""")
    assert rows(store, """SELECT ?x WHERE { ?w rdfs:label "Ben Wallace" ; kg:nationality ?x .
                          ?x a kg:Country ; rdfs:label "United Kingdom" }""")
    assert rows(store, """SELECT ?a WHERE { ?w rdfs:label "Ben Wallace" ; kg:counterpartOf ?a .
                          ?a rdfs:label "Hulusi Akar" }""")


def test_article_date_title_and_text(store: ox.Store) -> None:
    (r,) = rows(store, "SELECT ?d ?id WHERE { ?a a kg:Article ; dct:issued ?d ; dct:identifier ?id }")
    assert r == {"d": "2022-02-25", "id": SEED.stem}
    assert store.query(PREFIXES + 'ASK { ?a dct:issued "2022-02-25"^^xsd:date }')


def test_every_mention_and_statement_slices_the_text(store: ox.Store) -> None:
    text = SEED.read_text(encoding="utf-8")
    mentions = rows(store, "SELECT ?b ?e ?a WHERE { ?m a kg:Mention ; nif:beginIndex ?b ; "
                           "nif:endIndex ?e ; nif:anchorOf ?a }")
    assert len(mentions) > 40
    for m in mentions:
        assert text[int(m["b"]):int(m["e"])] == m["a"]
    stmts = rows(store, "SELECT ?s ?b ?e WHERE { ?st a kg:Statement ; kg:sentence ?s ; "
                        "kg:sentenceBegin ?b ; kg:sentenceEnd ?e }")
    assert stmts
    for s in stmts:
        assert text[int(s["b"]):int(s["e"])] == s["s"]
    assert "date 2022" not in "".join(m["a"] for m in mentions)  # metadata is never text


def test_plain_triples_mirror_statements(store: ox.Store) -> None:
    missing = rows(store, """SELECT ?st WHERE { ?st a kg:Statement ; rdf:subject ?s ;
                             rdf:predicate ?p ; rdf:object ?o ; kg:confidence ?c . FILTER(?c >= 0.5)
                             FILTER NOT EXISTS { ?st kg:modality ?m }
                             FILTER NOT EXISTS { ?s ?p ?o } }""")
    assert missing == []
    hedged = rows(store, """SELECT ?m WHERE { ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ;
                            rdf:object ?o ; kg:modality ?m . FILTER(?p != kg:said)
                            FILTER EXISTS { ?s ?p ?o } }""")
    assert hedged == []  # a hedged claim is not asserted as a fact


def test_two_builds_are_byte_identical(seed_graph_path: Path, tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    from kg.pipeline import build

    build([SEED.parent], tmp_path, nlp=nlp, html=False)
    assert (tmp_path / "graph.ttl").read_bytes() == seed_graph_path.read_bytes()


def test_ntriples_writer_equals_the_rdflib_path(nlp) -> None:  # type: ignore[no-untyped-def]
    """``ntriples`` (what a build writes, formatted by hand) parses to ``triples`` (what
    ``to_graph`` uses), term for term and in the same order, on the real seed extraction: every
    kind of literal occurs, and the article text has quotes and newlines to escape."""
    from kg.engine import extract
    from kg.export import Terms
    from kg.mint import Minter
    from kg.rdf import ntriples, triples
    from kg.read import read_documents

    (document,) = read_documents([SEED])
    assert '"' in document.text and "\n" in document.text
    ex = extract(document, nlp(document.text))
    minter, terms = Minter(), Terms()
    expected = [terms.triple(s, p, o) for s, p, o in triples(ex, minter)]
    got = [q.triple for q in ox.parse(input=ntriples(ex, minter), format=ox.RdfFormat.N_TRIPLES)]
    kinds = {type(t.object).__name__ for t in got} | {
        t.object.datatype.value for t in got if isinstance(t.object, ox.Literal)}
    assert any(k.endswith("#double") for k in kinds) and any(k.endswith("#integer") for k in kinds)
    assert any(k.endswith("#date") for k in kinds) and "NamedNode" in kinds
    assert got == expected
