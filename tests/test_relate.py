"""Relation rules on hand-built parses, so model updates cannot break them."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.mentions import find_mentions
from kg.relate import relate
from kg.vocab import KG

from .conftest import MakeDoc


def _triples(doc: Doc) -> set[tuple[str, str, str]]:
    return {(r.subject.text, r.predicate.split("#")[1], r.object.text if r.object else r.value)
            for r in relate(doc, find_mentions(doc, "d"))}


def test_active_verb(make_doc: MakeDoc) -> None:
    doc = make_doc("Akar phoned Reznikov .", heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "dobj", "punct"],
                   pos=["PROPN", "VERB", "PROPN", "PUNCT"], ents=["B-PERSON", "O", "B-PERSON", "O"],
                   lemmas=["akar", "phone", "reznikov", "."])
    (r,) = relate(doc, find_mentions(doc, "d"))
    assert (r.subject.text, r.predicate, r.object.text if r.object else None) == ("Akar", KG.phoned, "Reznikov")
    assert (r.sentence_start, r.sentence_end) == (0, len(doc.text))
    assert 0 < r.confidence <= 1 and r.rule == "verb"


def test_passive_verb_with_agent(make_doc: MakeDoc) -> None:
    doc = make_doc("Reznikov was phoned by Akar .", heads=[2, 2, 2, 2, 3, 2],
                   deps=["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"],
                   pos=["PROPN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
                   ents=["B-PERSON", "O", "O", "O", "B-PERSON", "O"],
                   lemmas=["reznikov", "be", "phone", "by", "akar", "."])
    assert _triples(doc) == {("Akar", "phoned", "Reznikov")}


def test_negated_verb_gives_nothing(make_doc: MakeDoc) -> None:
    doc = make_doc("Akar did not phone Reznikov .", heads=[3, 3, 3, 3, 3, 3],
                   deps=["nsubj", "aux", "neg", "ROOT", "dobj", "punct"],
                   pos=["PROPN", "AUX", "PART", "VERB", "PROPN", "PUNCT"],
                   ents=["B-PERSON", "O", "O", "O", "B-PERSON", "O"],
                   lemmas=["akar", "do", "not", "phone", "reznikov", "."])
    assert _triples(doc) == set()


def test_prepositional_object(make_doc: MakeDoc) -> None:
    doc = make_doc("Akar discussed developments with Reznikov .", heads=[1, 1, 1, 1, 3, 1],
                   deps=["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
                   pos=["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
                   ents=["B-PERSON", "O", "O", "O", "B-PERSON", "O"],
                   lemmas=["akar", "discuss", "development", "with", "reznikov", "."])
    assert _triples(doc) == {("Akar", "discussedWith", "Reznikov")}


def test_conjoined_objects(make_doc: MakeDoc) -> None:
    doc = make_doc("Moscow recognized Donetsk and Luhansk .", heads=[1, 1, 1, 2, 2, 1],
                   deps=["nsubj", "ROOT", "dobj", "cc", "conj", "punct"],
                   pos=["PROPN", "VERB", "PROPN", "CCONJ", "PROPN", "PUNCT"],
                   ents=["B-GPE", "O", "B-GPE", "O", "B-GPE", "O"],
                   lemmas=["moscow", "recognize", "donetsk", "and", "luhansk", "."])
    assert _triples(doc) == {("Moscow", "recognized", "Donetsk"), ("Moscow", "recognized", "Luhansk")}


def test_nominal_phone_call_with_apposition_counterpart_and_nationality(make_doc: MakeDoc) -> None:
    doc = make_doc(
        "Akar held a phone call with his British counterpart Ben Wallace .",
        heads=[1, 1, 4, 4, 1, 4, 8, 8, 5, 10, 8, 1],
        deps=["nsubj", "ROOT", "det", "compound", "dobj", "prep", "poss", "amod", "pobj", "compound",
              "appos", "punct"],
        pos=["PROPN", "VERB", "DET", "NOUN", "NOUN", "ADP", "PRON", "ADJ", "NOUN", "PROPN", "PROPN", "PUNCT"],
        ents=["B-PERSON", "O", "O", "O", "O", "O", "O", "B-NORP", "O", "B-PERSON", "I-PERSON", "O"],
        lemmas=["akar", "hold", "a", "phone", "call", "with", "his", "british", "counterpart", "ben",
                "wallace", "."],
    )
    assert _triples(doc) == {
        ("Akar", "phoned", "Ben Wallace"),
        ("Ben Wallace", "counterpartOf", "his"),
        ("Ben Wallace", "nationality", "British"),
    }


def test_possessive_ties_a_person_to_a_country(make_doc: MakeDoc) -> None:
    doc = make_doc(
        "Defense Minister Hulusi Akar phoned Ukraine 's Oleksii Reznikov .",
        heads=[1, 3, 3, 4, 4, 8, 5, 8, 4, 4],
        deps=["compound", "compound", "compound", "nsubj", "ROOT", "poss", "case", "compound", "dobj", "punct"],
        pos=["PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PART", "PROPN", "PROPN", "PUNCT"],
        ents=["B-ORG", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O", "B-PERSON", "O"],
        lemmas=["defense", "minister", "hulusi", "akar", "phone", "ukraine", "'s", "oleksii", "reznikov", "."],
    )
    assert _triples(doc) == {("Hulusi Akar", "phoned", "Oleksii Reznikov"),
                             ("Oleksii Reznikov", "affiliatedWith", "Ukraine")}


def test_reported_speech_keeps_what_was_said(make_doc: MakeDoc) -> None:
    doc = make_doc("Akar said Turkey is ready .", heads=[1, 1, 3, 1, 3, 1],
                   deps=["nsubj", "ROOT", "nsubj", "ccomp", "acomp", "punct"],
                   pos=["PROPN", "VERB", "PROPN", "AUX", "ADJ", "PUNCT"],
                   ents=["B-PERSON", "O", "B-GPE", "O", "O", "O"],
                   lemmas=["akar", "say", "turkey", "be", "ready", "."])
    assert _triples(doc) == {("Akar", "said", "Turkey is ready")}


def test_relative_clause_subject_and_type_signature(make_doc: MakeDoc) -> None:
    # "Acme , which employs Smith , is based in Paris ."
    doc = make_doc("Acme , which employs Smith , is based in Paris .",
                   heads=[7, 0, 3, 0, 3, 0, 7, 7, 7, 8, 7],
                   deps=["nsubjpass", "punct", "nsubj", "relcl", "dobj", "punct", "auxpass", "ROOT", "prep",
                         "pobj", "punct"],
                   pos=["PROPN", "PUNCT", "PRON", "VERB", "PROPN", "PUNCT", "AUX", "VERB", "ADP", "PROPN",
                        "PUNCT"],
                   ents=["B-ORG", "O", "O", "O", "B-PERSON", "O", "O", "O", "O", "B-GPE", "O"],
                   lemmas=["acme", ",", "which", "employ", "smith", ",", "be", "base", "in", "paris", "."])
    assert ("Acme", "basedIn", "Paris") in _triples(doc)
