"""Context retyping (kg.retype) on hand-built Docs: sports clubs, one type per name, scores trimmed."""

from __future__ import annotations

from kg.mentions import find_mentions
from kg.retype import consistent, teams, trimmed
from tests.conftest import MakeDoc


def _labels(doc, ents):  # type: ignore[no-untyped-def]
    return {(doc[s:e].text, lab) for s, e, lab in ents}


def test_a_city_that_beats_another_is_a_club(make_doc: MakeDoc) -> None:
    doc = make_doc("Leeds beat Chelsea .", heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "dobj", "punct"],
                   pos=["PROPN", "VERB", "PROPN", "PUNCT"], ents=["B-GPE", "O", "B-GPE", "O"],
                   lemmas=["leeds", "beat", "chelsea", "."])
    ents = [(0, 1, "GPE"), (2, 3, "GPE")]
    assert ("Leeds", "ORG") in _labels(doc, teams(doc, ents))


def test_a_country_that_wins_stays_a_country(make_doc: MakeDoc) -> None:
    doc = make_doc("France beat Spain .", heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "dobj", "punct"],
                   pos=["PROPN", "VERB", "PROPN", "PUNCT"], lemmas=["france", "beat", "spain", "."])
    ents = [(0, 1, "GPE"), (2, 3, "GPE")]
    assert _labels(doc, teams(doc, ents)) == {("France", "GPE"), ("Spain", "GPE")}


def test_results_row_names_are_clubs(make_doc: MakeDoc) -> None:
    doc = make_doc("Chicago 11 Toronto 2", heads=[0, 0, 0, 2], deps=["ROOT", "nummod", "appos", "nummod"],
                   pos=["PROPN", "NUM", "PROPN", "NUM"])
    assert _labels(doc, teams(doc, [(0, 1, "GPE")])) == {("Chicago", "ORG"), ("Toronto", "ORG")}


def test_trailing_scores_are_trimmed(make_doc: MakeDoc) -> None:
    doc = make_doc("Burnley 4 2 0 2", heads=[0, 0, 0, 0, 0], deps=["ROOT", "nummod", "nummod", "nummod", "nummod"],
                   pos=["PROPN", "NUM", "NUM", "NUM", "NUM"])
    assert _labels(doc, trimmed(doc, [(0, 5, "ORG")])) == {("Burnley", "ORG")}
    doc = make_doc("First Albany Corp .", heads=[2, 2, 2, 2], deps=["compound", "compound", "ROOT", "punct"],
                   pos=["PROPN", "PROPN", "PROPN", "PUNCT"])
    assert _labels(doc, trimmed(doc, [(0, 3, "ORG")])) == {("First Albany Corp", "ORG")}


def test_one_type_per_name_and_repeats_found(make_doc: MakeDoc) -> None:
    doc = make_doc("Acme sued Acme and Zeta . Acme won .", heads=[1, 1, 1, 2, 2, 1, 7, 7, 7],
                   deps=["nsubj", "ROOT", "dobj", "cc", "conj", "punct", "nsubj", "ROOT", "punct"],
                   pos=["PROPN", "VERB", "PROPN", "CCONJ", "PROPN", "PUNCT", "PROPN", "VERB", "PUNCT"])
    ents = [(0, 1, "ORG"), (2, 3, "ORG"), (4, 5, "ORG"), (6, 7, "GPE")]
    out = consistent(doc, ents)
    assert (6, 7, "ORG") in out
    doc = make_doc("Acme sued Zeta . Acme won .", heads=[1, 1, 1, 1, 5, 5, 5],
                   deps=["nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "punct"],
                   pos=["PROPN", "VERB", "PROPN", "PUNCT", "PROPN", "VERB", "PUNCT"])
    assert (4, 5, "ORG") in consistent(doc, [(0, 1, "ORG"), (2, 3, "ORG")])


def test_capitalised_headline_country_is_found(make_doc: MakeDoc) -> None:
    doc = make_doc("SOCCER - ISRAEL BEAT BULGARIA", heads=[0, 0, 3, 0, 3],
                   deps=["ROOT", "punct", "nsubj", "appos", "dobj"],
                   pos=["NOUN", "PUNCT", "PROPN", "VERB", "PROPN"])
    texts = {m.text for m in find_mentions(doc, "d")}
    assert {"ISRAEL", "BULGARIA"} <= texts
