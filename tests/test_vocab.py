"""The Python names in kg.vocab and the terms of ontology/kg.ttl must agree."""

from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS

from kg.vocab import KG, ONTOLOGY_IRI

from .conftest import ROOT


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ROOT / "ontology" / "kg.ttl", format="turtle")


def test_every_python_term_is_in_the_ontology_and_back(onto: Graph) -> None:
    declared = {s for s in onto.subjects(RDF.type, None) if str(s).startswith(str(KG))}
    assert {str(t) for t in declared} == {str(KG[n]) for n in KG.__annotations__}


def test_misspelt_term_fails_loudly() -> None:
    with pytest.raises(AttributeError):
        KG.phonned  # noqa: B018


def test_every_term_has_label_comment_and_alignment(onto: Graph) -> None:
    for name in KG.__annotations__:
        term = KG[name]
        assert onto.value(term, RDFS.label), name
        assert onto.value(term, RDFS.comment), name
        kind = onto.value(term, RDF.type)
        if kind == OWL.ObjectProperty:
            assert onto.value(term, RDFS.domain) and onto.value(term, RDFS.range), name
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto


def test_classes_align_to_standard_vocabularies(onto: Graph) -> None:
    outside = {str(o) for c in (KG.Person, KG.Article, KG.Event, KG.Statement, KG.Mention)
               for o in onto.objects(c, RDFS.subClassOf) if not str(o).startswith(str(KG))}
    assert any("schema.org" in o for o in outside)
    assert any("semanticweb.cs.vu.nl/2009/11/sem" in o for o in outside)
    assert any("nlp2rdf" in o for o in outside)
