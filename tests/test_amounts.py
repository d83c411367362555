from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.amounts import amount_value, find_amounts
from kg.types import Mention
from kg.vocab import KG, RDF, RDFS, XSD

from .conftest import MakeDoc


@pytest.mark.parametrize(("text", "value"), [
    ("$12 billion", "12000000000 USD"),
    ("$12bn", "12000000000 USD"),
    ("£600m", "600000000 GBP"),
    ("€3.5 million", "3500000 EUR"),
    ("27 percent", "27 percent"),
    ("6.4%", "6.4 percent"),
    ("10,000 acres", "10000 acre"),
    ("10 , 000 acres", "10000 acre"),  # a thousands comma set apart, as CoNLL04 writes it
    ("14.27 million tonnes", "14270000 tonne"),
    ("274.5 pence", "274.5 pence"),
    ("89 degrees", "89 degree"),
    ("97p", "97 pence"),  # units written short
    ("912km", "912 kilometre"),
    ("50 feet", "50 foot"),
    ("a few dollars", ""),  # no number
    ("59.2 trillion", ""),  # no unit
    ("3% to 3.5%", ""),  # a range is two amounts, not one value
])
def test_amount_value_reads_number_and_unit(text: str, value: str) -> None:
    assert amount_value(text) == value


def test_hedges_are_left_out_and_a_split_thousands_comma_joined(make_doc: MakeDoc) -> None:
    doc = make_doc(
        "It burned about 10 , 000 acres and more than $ 4 billion .",
        heads=[1, 1, 6, 6, 3, 3, 1, 6, 12, 8, 12, 12, 6, 1],
        deps=["nsubj", "ROOT", "advmod", "nummod", "punct", "nummod", "dobj", "cc", "amod", "quantmod",
              "quantmod", "compound", "conj", "punct"],
        pos=["PRON", "VERB", "ADV", "NUM", "PUNCT", "NUM", "NOUN", "CCONJ", "ADJ", "ADP", "SYM", "NUM",
             "NUM", "PUNCT"],
        # the model's spans: "10" a number, "000 acres" a quantity, the hedge inside the money
        ents=["O", "O", "O", "B-CARDINAL", "O", "B-QUANTITY", "I-QUANTITY", "O", "B-MONEY", "I-MONEY",
              "I-MONEY", "I-MONEY", "I-MONEY", "O"],
    )
    assert [(m.text, m.label) for m in find_amounts(doc, "d", [])] == [
        ("10, 000 acres", "QUANTITY"), ("$ 4 billion", "MONEY")]
    assert amount_value("10, 000 acres") == "10000 acre"
    # the model tagged "$160" and left out the thousands after the comma
    doc = make_doc("He paid $160 , 000 to them .", heads=[1, 1, 1, 2, 2, 1, 5, 1],
                   deps=["nsubj", "ROOT", "dobj", "punct", "appos", "prep", "pobj", "punct"],
                   pos=["PRON", "VERB", "NUM", "PUNCT", "NUM", "ADP", "PRON", "PUNCT"],
                   ents=["O", "O", "B-MONEY", "O", "B-CARDINAL", "O", "O", "O"])
    assert [m.text for m in find_amounts(doc, "d", [])] == ["$160, 000"]
    assert amount_value("$160, 000") == "160000 USD"


def test_a_range_is_two_amounts_and_a_qualifying_measure_none(make_doc: MakeDoc) -> None:
    doc = make_doc(
        "A 3 % to 3.5 % rise on a 260-mile pipeline .",
        heads=[6, 2, 6, 2, 5, 3, 6, 6, 10, 10, 7, 6],
        deps=["det", "nummod", "compound", "prep", "nummod", "pobj", "ROOT", "prep", "det", "amod",
              "pobj", "punct"],
        pos=["DET", "NUM", "NOUN", "ADP", "NUM", "NOUN", "NOUN", "ADP", "DET", "ADJ", "NOUN", "PUNCT"],
        ents=["O", "B-PERCENT", "I-PERCENT", "I-PERCENT", "I-PERCENT", "I-PERCENT", "O", "O", "O",
              "B-QUANTITY", "O", "O"],
    )
    assert [m.text for m in find_amounts(doc, "d", [])] == ["3 %", "3.5 %"]


def test_currency_sign_and_scale_the_model_left_out_are_taken_in(vocab: Vocab) -> None:
    # "It paid £600m.", as the tokenizer splits it; the model tagged "600" alone
    doc = Doc(vocab, words=["It", "paid", "£", "600", "m", "."], spaces=[True, True, False, False, False, False],
              heads=[1, 1, 3, 1, 3, 1], deps=["nsubj", "ROOT", "nmod", "dobj", "npadvmod", "punct"],
              pos=["PRON", "VERB", "SYM", "NUM", "NOUN", "PUNCT"], ents=["O", "O", "O", "B-MONEY", "O", "O"])
    assert [(m.text, amount_value(m.text)) for m in find_amounts(doc, "d", [])] == [
        ("£600m", "600000000 GBP")]


def test_an_amount_inside_a_name_is_not_taken(make_doc: MakeDoc) -> None:
    doc = make_doc(
        "The 7 percent Club met .",
        heads=[3, 2, 3, 4, 4, 4], deps=["det", "nummod", "compound", "nsubj", "ROOT", "punct"],
        pos=["DET", "NUM", "NOUN", "PROPN", "VERB", "PUNCT"],
        ents=["O", "B-PERCENT", "I-PERCENT", "O", "O", "O"],
    )
    club = Mention("d", 0, len("The 7 percent Club"), "The 7 percent Club", "ORG")
    assert find_amounts(doc, "d", [club]) == []


@pytest.mark.model
def test_amounts_are_quantities_in_the_graph_with_number_and_unit(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    from kg.pipeline import build_graph

    (tmp_path / "a.txt").write_text(
        "Acme said on Monday it would buy Widget Ltd for $12 billion, lifting its shares 27 percent.\n"
        "The deal, worth about $12bn, was backed by Barclays.\n", encoding="utf-8")
    graph, _, _ = build_graph([tmp_path], nlp=nlp)
    quantities = {str(graph.value(q, RDFS.label)): q for q in graph.subjects(RDF.type, KG.Quantity)}
    assert set(quantities) == {"$12 billion", "27 percent"}  # "$12bn" is the same value
    money = quantities["$12 billion"]
    assert graph.value(money, KG.amount) == Literal("12000000000", datatype=XSD.decimal)
    assert graph.value(money, KG.unit) == Literal("USD")
    assert len(list(graph.objects(money, KG.hasMention))) == 2
    assert isinstance(money, URIRef) and str(money).endswith("/quantity/12000000000-usd")
    # values take part in no relation
    assert not [p for p in graph.predicates(None, money) if p != KG.hasMention]


@pytest.mark.model
def test_time_of_day_and_amounts_of_a_wire_report_validate(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    from kg.export import write_turtle
    from kg.pipeline import build_graph
    from kg.validate import validate

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "wire.txt").write_text(
        "date 1994-04-26\n"
        "The blast at the Novo plant at 0400 GMT caused damage put at $3 million, officials said.\n",
        encoding="utf-8")
    graph, _, _ = build_graph([tmp_path / "in"], nlp=nlp)
    (time,) = graph.subjects(RDFS.label, Literal("0400 GMT"))  # a time of day, within its article
    assert (time, RDF.type, KG.Date) in graph and "/article/wire/date/" in str(time)
    assert graph.value(time, KG.dateValue) is None  # which day is not said
    (money,) = graph.subjects(RDF.type, KG.Quantity)
    assert graph.value(money, KG.amount) == Literal("3000000", datatype=XSD.decimal)
    report = validate([write_turtle(graph, tmp_path / "graph.ttl")])
    assert report.conforms, report.messages
