"""Stage 6: extractions to RDF, built by hand (no model)."""

from __future__ import annotations

import datetime as dt

from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from kg.mint import Minter
from kg.rdf import ASSERT_CONFIDENCE, to_graph
from kg.types import Document, Entity, Extraction, Mention, Relation
from kg.vocab import KG, NIF, RDF, RDFS, SKOS, XSD

TEXT = "Akar phoned Reznikov. Erdoğan said Turkey will support Ukraine."
M = Minter("https://ex.org/kg/")


def _m(text: str, label: str, occurrence: int = 0) -> Mention:
    start = TEXT.index(text) if occurrence == 0 else TEXT.index(text, TEXT.index(text) + 1)
    return Mention("d1", start, start + len(text), text, label)


AKAR, REZ, ERD, TUR, UKR = (_m("Akar", "PERSON"), _m("Reznikov", "PERSON"), _m("Erdoğan", "PERSON"),
                            _m("Turkey", "GPE"), _m("Ukraine", "GPE"))


def _graph(*relations: Relation) -> Graph:
    doc = Document("d1", TEXT, "d1.txt", dt.date(2022, 2, 25), "Calls")
    entities = (Entity(KG.Person, "Hulusi Akar", (AKAR,), ("Akar",), ("Defense Minister",)),
                Entity(KG.Person, "Oleksii Reznikov", (REZ,)), Entity(KG.Person, "Erdoğan", (ERD,)),
                Entity(KG.Country, "Turkey", (TUR,)), Entity(KG.Country, "Ukraine", (UKR,)))
    return to_graph([Extraction(doc, entities, relations)], M)


def test_relation_is_a_plain_triple_and_a_statement_with_evidence() -> None:
    g = _graph(Relation(AKAR, KG.phoned, REZ, 0, 21, 0.8, "verb"))
    akar, rez = M.entity(KG.Person, "Hulusi Akar"), M.entity(KG.Person, "Oleksii Reznikov")
    assert (akar, KG.phoned, rez) in g
    (st,) = g.subjects(RDF.type, KG.Statement)
    assert {(p, o) for p, o in g.predicate_objects(st)} >= {
        (RDF.subject, akar), (RDF.predicate, KG.phoned), (RDF.object, rez),
        (KG.source, M.article("d1")), (KG.sentence, Literal("Akar phoned Reznikov.")),
        (KG.sentenceBegin, Literal(0)), (KG.sentenceEnd, Literal(21)),
        (KG.confidence, Literal(0.8, datatype=XSD.double)), (KG.rule, Literal("verb")),
        (KG.subjectMention, M.mention("d1", 0, 4)), (KG.objectMention, M.mention("d1", 12, 20))}
    assert g.value(M.mention("d1", 12, 20), NIF.anchorOf) == Literal("Reznikov")
    assert g.value(akar, RDFS.label) == Literal("Hulusi Akar")
    assert set(g.objects(akar, SKOS.altLabel)) == {Literal("Akar")}
    assert g.value(akar, KG.holdsRole) == Literal("Defense Minister")
    assert g.value(M.article("d1"), NIF.isString) == Literal(TEXT)


def test_hedged_or_weak_relations_are_recorded_not_asserted() -> None:
    hedged = Relation(TUR, KG.supports, UKR, 22, 63, 0.8, "verb", attributed_to=ERD, modality="will")
    weak = Relation(AKAR, KG.met, REZ, 0, 21, ASSERT_CONFIDENCE - 0.1, "model:relations-v1")
    g = _graph(hedged, weak)
    tur, ukr = M.entity(KG.Country, "Turkey"), M.entity(KG.Country, "Ukraine")
    assert (tur, KG.supports, ukr) not in g
    assert (M.entity(KG.Person, "Hulusi Akar"), KG.met, M.entity(KG.Person, "Oleksii Reznikov")) not in g
    assert len(set(g.subjects(RDF.type, KG.Statement))) == 2
    (st,) = g.subjects(KG.modality, Literal("will"))
    assert g.value(st, KG.attributedTo) == M.entity(KG.Person, "Erdoğan")


def test_same_input_same_graph_in_any_run() -> None:
    rel = Relation(AKAR, KG.phoned, REZ, 0, 21, 0.8, "verb")
    assert isomorphic(_graph(rel), _graph(rel))


def test_ntriples_escapes_what_n_triples_must_and_nothing_else() -> None:
    import pyoxigraph as ox

    from kg.export import Terms
    from kg.rdf import ntriples, triples

    text = 'Akar said "no" \\ then\r\nleft\t\x01 ☃ 𝄞 <script>"> .'
    m = Mention("d1", 0, 4, "Akar", "PERSON")
    doc = Document("d1", text, "d1.txt", dt.date(2022, 2, 25), 'A "quoted" \\ title')
    ex = Extraction(doc, (Entity(KG.Person, 'Akar "the" \\ minister', (m,)),), ())
    terms = Terms()
    expected = [terms.triple(s, p, o) for s, p, o in triples(ex, M)]
    parsed = [q.triple for q in ox.parse(input=ntriples(ex, M), format=ox.RdfFormat.N_TRIPLES)]
    assert parsed == expected
    assert any(isinstance(t.object, ox.Literal) and t.object.value == text for t in parsed)
