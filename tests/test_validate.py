"""kg.validate: the seed build conforms; broken graphs fail with messages that name the problem."""

from __future__ import annotations

import warnings
from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, SH

from kg.errors import InputError
from kg.export import FORMATS, ontology_bytes, write
from kg.validate import ValidationReport, _shacl_results, validate
from kg.vocab import DCTERMS, KG, NIF, RDF, RDFS, XSD

from .conftest import ROOT

ID = "https://newskg.example/id/"
ARTICLE = URIRef(f"{ID}article/a1")
AKAR, WALLACE = URIRef(f"{ID}person/hulusi-akar"), URIRef(f"{ID}person/ben-wallace")
STATEMENT = URIRef(f"{ARTICLE}/statement/0123456789")
M1, M2 = URIRef(f"{ARTICLE}#char=0,4"), URIRef(f"{ARTICLE}#char=12,19")
TEXT = "Akar phoned Wallace."


def small_graph() -> Graph:
    """A hand-made graph in the shape kg build writes: one article, two people, one statement."""
    g = Graph()
    g.add((ARTICLE, RDF.type, KG.Article))
    g.add((ARTICLE, DCTERMS.identifier, Literal("a1")))
    g.add((ARTICLE, NIF.isString, Literal(TEXT)))
    g.add((ARTICLE, DCTERMS.issued, Literal("2022-02-25", datatype=XSD.date)))
    for node, mention, name, (b, e) in (
        (AKAR, M1, "Hulusi Akar", (0, 4)),
        (WALLACE, M2, "Ben Wallace", (12, 19)),
    ):
        g.add((node, RDF.type, KG.Person))
        g.add((node, RDFS.label, Literal(name)))
        g.add((node, KG.mentionedIn, ARTICLE))
        g.add((node, KG.hasMention, mention))
        g.add((mention, RDF.type, KG.Mention))
        g.add((mention, NIF.referenceContext, ARTICLE))
        g.add((mention, NIF.beginIndex, Literal(b)))
        g.add((mention, NIF.endIndex, Literal(e)))
        g.add((mention, NIF.anchorOf, Literal(TEXT[b:e])))
    g.add((AKAR, KG.phoned, WALLACE))
    for p, o in (
        (RDF.type, KG.Statement),
        (RDF.subject, AKAR),
        (RDF.predicate, KG.phoned),
        (RDF.object, WALLACE),
        (KG.source, ARTICLE),
        (KG.subjectMention, M1),
        (KG.objectMention, M2),
        (KG.sentence, Literal(TEXT)),
        (KG.sentenceBegin, Literal(0)),
        (KG.sentenceEnd, Literal(len(TEXT))),
        (KG.confidence, Literal(0.8, datatype=XSD.double)),
        (KG.rule, Literal("verb")),
    ):
        g.add((STATEMENT, p, o))
    date = URIRef(f"{ID}date/2014")
    g.add((date, RDF.type, KG.Date))
    g.add((date, RDFS.label, Literal("2014")))
    g.add((date, KG.mentionedIn, ARTICLE))
    g.add((date, KG.dateValue, Literal("2014", datatype=XSD.gYear)))
    return g


def save(g: Graph, path: Path) -> Path:
    g.serialize(
        path, format="nt", encoding="utf-8"
    )  # rdflib writes what we hand it, ill-typed or not
    return path


def test_small_graph_conforms(tmp_path: Path) -> None:
    report = validate([save(small_graph(), tmp_path / "ok.nt")])
    assert report.conforms and report.messages == () and report.triples == len(small_graph())
    assert report.text().startswith("valid: ")


@pytest.mark.model
def test_seed_build_conforms_in_every_format(seed_graph_path: Path, tmp_path: Path) -> None:
    graph = Graph().parse(seed_graph_path, format="turtle")
    for path in [seed_graph_path, *write(graph, tmp_path, FORMATS)]:
        report = validate([path])
        assert report.conforms, (path, report.text())


def test_broken_graph_fails_with_readable_messages(tmp_path: Path) -> None:
    g = small_graph()
    g.remove((STATEMENT, KG.source, None))  # missing source
    g.set((M2, NIF.beginIndex, Literal(25)))  # begin > end
    g.set((ARTICLE, DCTERMS.issued, Literal("2022-13-45", datatype=XSD.date)))  # bad date
    g.set((STATEMENT, KG.confidence, Literal("1.5", datatype=XSD.double)))  # out of [0, 1]
    g.add((WALLACE, RDFS.label, Literal("Wallace")))  # two labels
    g.remove((AKAR, KG.phoned, WALLACE))  # statement without triple
    g.set((URIRef(f"{ID}date/2014"), KG.dateValue, Literal("2014")))  # untyped date value
    report = validate([save(g, tmp_path / "broken.nt")])
    assert not report.conforms
    text = report.text()
    assert text.startswith(f"invalid: {len(report.messages)} problem(s)")
    expected = [
        ("ill-typed literal", '"2022-13-45"^^xsd:date', "dct:issued", str(ARTICLE)),
        (str(STATEMENT), "kg:source", "needs exactly one kg:source"),
        (str(M2), "nif:beginIndex", "< nif:endIndex", '"25"^^xsd:integer'),
        (str(ARTICLE), "dct:issued", "valid xsd:date"),
        (str(STATEMENT), "kg:confidence", "in [0, 1]", "1.5"),
        (str(WALLACE), "rdfs:label", "exactly one non-empty rdfs:label"),
        (str(STATEMENT), "plain triple", "is not in the graph"),
        (str(M2), "nif:anchorOf is not the text"),
        ("date/2014", "kg:dateValue", "xsd:gYear"),
    ]
    for parts in expected:
        assert any(all(p in m for p in parts) for m in report.messages), (parts, text)
    assert all("Traceback" not in m for m in report.messages)


def test_syntax_errors_are_reported_per_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix ex: <http://ex.org/> .\nex:a ex:b <http://ex.org/a b> .\n", encoding="utf-8"
    )
    rel = tmp_path / "rel.nt"
    rel.write_text("<a> <http://ex.org/b> <http://ex.org/c> .\n", encoding="utf-8")
    report = validate([bad, rel])
    assert not report.conforms and len(report.messages) == 2
    assert "bad.ttl: not valid ttl" in report.messages[0] and "line 2" in report.messages[0]
    assert "rel.nt: not valid nt" in report.messages[1]


def test_unusable_inputs_raise(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        validate([tmp_path / "missing.ttl"])
    with pytest.raises(InputError, match=r"unknown RDF file type '\.csv'"):
        validate([tmp_path / "x.csv"])
    with pytest.raises(InputError, match="no graph file"):
        validate([])


def test_fast_sparql_constraints_agree_with_pyshacl(tmp_path: Path) -> None:
    """validate evaluates sh:sparql with pyoxigraph; pyshacl's own evaluation must say the same."""
    g = small_graph()
    g.remove((AKAR, KG.phoned, WALLACE))
    g.set((M1, NIF.anchorOf, Literal("Akbar")))
    g.set((STATEMENT, KG.sentence, Literal("something else")))
    mine = set(validate([save(g, tmp_path / "g.nt")]).messages)
    shapes = Graph().parse(data=ontology_bytes("shapes.ttl"), format="turtle")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        _, results, _ = pyshacl.validate(g, shacl_graph=shapes, inference="none")
    theirs = set(_shacl_results(results))  # type: ignore[arg-type]
    assert mine == theirs and len(mine) == 3


def test_shapes_name_every_entity_class_of_the_ontology() -> None:
    """The sh:in list of entity types follows kg.ttl: subclasses of kg:Entity, and kg:Event."""
    onto = Graph().parse(ROOT / "ontology" / "kg.ttl", format="turtle")
    shapes = Graph().parse(ROOT / "ontology" / "shapes.ttl", format="turtle")
    entity_classes = {
        c
        for c in onto.transitive_subjects(RDFS.subClassOf, KG.Entity)
        if (c, RDF.type, OWL.Class) in onto and c != KG.Entity
    } | {KG.Event}
    listed = set()
    for lst in shapes.objects(None, SH["in"]):
        listed |= set(shapes.items(lst))
    assert listed == entity_classes


def test_report_is_a_frozen_record() -> None:
    report = ValidationReport(True, ())
    with pytest.raises(AttributeError):
        report.conforms = False  # type: ignore[misc]


def test_hedged_statements_events_and_periods(tmp_path: Path) -> None:
    g = small_graph()
    g.remove((AKAR, KG.phoned, WALLACE))
    g.add((STATEMENT, KG.modality, Literal("will")))  # a hedged claim is not asserted: fine
    event, report = URIRef(f"{ID}event/phone-call-1"), URIRef(f"{ARTICLE}/statement/event-1")
    g.add((event, RDF.type, KG.Event))
    g.add((event, KG.eventType, URIRef("https://newskg.example/event-type/PhoneCall")))
    g.add((event, KG.agent, AKAR))
    g.add((event, KG.report, report))
    g.add((report, RDF.type, KG.EventReport))
    for p, o in (
        (KG.source, ARTICLE),
        (KG.sentence, Literal(TEXT)),
        (KG.sentenceBegin, Literal(0)),
        (KG.sentenceEnd, Literal(len(TEXT))),
        (KG.rule, Literal("verb")),
        (KG.confidence, Literal(0.7, datatype=XSD.double)),
        (KG.trigger, M1),
    ):
        g.add((report, p, o))
    late = URIRef(f"{ARTICLE}/date/late-last-year")
    g.add((late, KG.timeBegin, Literal("2021-09-01", datatype=XSD.date)))
    g.add((late, KG.timeEnd, Literal("2021-12-31", datatype=XSD.date)))
    assert validate([save(g, tmp_path / "ok.nt")]).conforms
    g.remove((report, KG.trigger, None))
    g.set((late, KG.timeEnd, Literal("2021-01-31", datatype=XSD.date)))
    g.add((report, KG.negated, Literal("yes")))
    messages = validate([save(g, tmp_path / "bad.nt")]).messages
    assert any("kg:trigger" in m and str(report) in m for m in messages), messages
    assert any("kg:timeBegin" in m and "not after kg:timeEnd" in m for m in messages), messages
    assert any("kg:negated" in m and "xsd:boolean" in m for m in messages), messages
    assert len(messages) == 3, messages
