"""kg.evaluate / kg.conll: strict scoring, the two readers, PTB spacing, and one real-model run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kg.conll import Example, GoldSpan, iob1_chunks, read_conll04, read_conll2003, words_and_spaces
from kg.errors import InputError
from kg.evaluate import (
    CONLL04_ENTITY,
    CONLL04_RELATION,
    CONLL2003_ENTITY,
    evaluate,
    format_report,
    gold_items,
    predicted_items,
    score,
)
from kg.vocab import KG

DATA = Path(__file__).parent / "data" / "eval"
CONLL04 = DATA / "conll04_tiny.json"
CONLL2003 = DATA / "conll2003_tiny.txt"


# --- score ----------------------------------------------------------------------------------


def _gold_as_prediction(ex: Example) -> tuple[set[Any], set[Any]]:
    """The gold annotation, passed through the *prediction* path."""
    spans = {(s.start, s.end, s.type) for s in ex.entities}
    rels = {(r.type, (r.head.start, r.head.end, r.head.type),
             (r.tail.start, r.tail.end, r.tail.type)) for r in ex.relations}
    return predicted_items(0, spans, rels)


def test_perfect_prediction_scores_one() -> None:
    ex = read_conll04(CONLL04)[1]
    gold_e, gold_r = gold_items(0, ex)
    pred_e, pred_r = _gold_as_prediction(ex)
    for gold, pred, labels in ((gold_e, pred_e, ["Peop", "Org", "Loc", "Other"]),
                               (gold_r, pred_r, ["Kill", "Located_In"])):
        s = score(gold, pred, labels)
        assert s["micro"]["f1"] == s["micro"]["precision"] == s["micro"]["recall"] == 1.0
        assert s["macro"]["f1"] == 1.0


def test_empty_prediction_scores_zero() -> None:
    gold_e, _ = gold_items(0, read_conll04(CONLL04)[0])
    s = score(gold_e, set(), ["Peop", "Org", "Loc", "Other"])
    assert s["micro"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 3,
                          "gold": 3, "pred": 0}
    assert s["macro"]["f1"] == 0.0
    assert s["per_type"]["Other"]["gold"] == 0  # listed, but left out of the macro average


def test_partial_prediction_hand_computed() -> None:
    gold = {((0, 0, 2), "Peop"), ((0, 3, 4), "Peop"), ((0, 5, 6), "Peop"), ((0, 7, 9), "Org")}
    pred = {((0, 0, 2), "Peop"), ((0, 3, 4), "Peop"),  # right
            ((0, 7, 9), "Loc")}                         # right span, wrong type: fp and fn
    s = score(gold, pred, ["Peop", "Org", "Loc"])
    # tp = 2, fp = 1, fn = 2: P = 2/3, R = 2/4, F1 = 2PR/(P+R) = (2/3)/(7/6) = 4/7
    assert s["micro"]["precision"] == pytest.approx(2 / 3)
    assert s["micro"]["recall"] == pytest.approx(1 / 2)
    assert s["micro"]["f1"] == pytest.approx(4 / 7)
    # per type: Peop P = 1, R = 2/3, F1 = 0.8; Org 0; Loc 0 -> macro F1 = 0.8 / 3
    assert s["per_type"]["Peop"]["f1"] == pytest.approx(0.8)
    assert s["macro"]["f1"] == pytest.approx(0.8 / 3)


def test_macro_and_micro_differ() -> None:
    gold = {(i, "A") for i in range(9)} | {(9, "B")}
    pred = {(i, "A") for i in range(9)}
    s = score(gold, pred, ["A", "B"])
    # micro: tp 9, fp 0, fn 1 -> P 1, R 0.9, F1 = 1.8/1.9 = 18/19; macro: (1 + 0) / 2
    assert s["micro"]["f1"] == pytest.approx(18 / 19)
    assert s["macro"]["f1"] == pytest.approx(0.5)


def test_relations_are_strict_on_direction_and_argument_types() -> None:
    ex = read_conll04(CONLL04)[1]  # Kill(Tom Brown -> Mary Jones)
    _, gold = gold_items(0, ex)
    tom, mary = (5, 7, "Peop"), (0, 2, "Peop")
    for wrong in [("Kill", mary, tom),                   # reversed
                  ("Kill", (5, 7, "Org"), mary),         # right span, wrong type
                  ("Work_For", tom, mary)]:              # wrong relation
        _, pred = predicted_items(0, set(), {wrong})
        assert score(gold, pred, ["Kill"])["per_type"]["Kill"]["tp"] == 0
    _, pred = predicted_items(0, set(), {("Kill", tom, mary)})
    assert score(gold, pred, ["Kill"])["per_type"]["Kill"]["tp"] == 1


def test_same_span_in_two_examples_are_different_items() -> None:
    gold = {((0, 0, 1), "Loc"), ((1, 0, 1), "Loc")}
    assert score(gold, {((0, 0, 1), "Loc")}, ["Loc"])["micro"]["recall"] == 0.5


# --- IOB1 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("tags", "chunks"), [
    (["I-PER", "I-PER", "O"], [(0, 2, "PER")]),                     # I- opens a chunk at the start
    (["O", "I-LOC"], [(1, 2, "LOC")]),                              # ... and after O
    (["I-LOC", "B-LOC", "I-LOC"], [(0, 1, "LOC"), (1, 3, "LOC")]),  # B- splits same-type chunks
    (["I-PER", "I-ORG"], [(0, 1, "PER"), (1, 2, "ORG")]),           # a type change splits
    (["B-PER", "I-PER"], [(0, 2, "PER")]),                          # IOB2 reads the same
    (["B-MISC", "B-MISC"], [(0, 1, "MISC"), (1, 2, "MISC")]),
    (["O", "O"], []),
    ([], []),
])
def test_iob1_chunks(tags: list[str], chunks: list[tuple[int, int, str]]) -> None:
    assert iob1_chunks(tags) == [GoldSpan(*c) for c in chunks]


# --- PTB spacing ----------------------------------------------------------------------------


@pytest.mark.parametrize(("tokens", "text"), [
    (["He", "did", "n't", "go", "."], "He didn't go."),
    (["Smith", "'s", "car", ",", "not", "Jones", "'", "."], "Smith's car, not Jones'."),
    (["``", "Yes", ",", "''", "he", "said", "."], '"Yes," he said.'),
    (['"', "No", '"', "she", "said", '"', "never", '"'], '"No" she said "never"'),
    (["Orbit", "Bank", "-LRB-", "Denver", "-RRB-", "won"], "Orbit Bank (Denver) won"),
    (["`", "Explains", "'", "it"], "'Explains' it"),
    (["O", "'Brien", "ca", "n't", "wo", "'t"], "O'Brien can't wo't"),
    (["$", "5", "or", "9", "%", ";", "ok"], "$5 or 9%; ok"),
    (["the", "'50s", "--", "CHICAGO", "_", "Jesse"], "the '50s -- CHICAGO — Jesse"),
    ([], ""),
])
def test_ptb_spacing(tokens: list[str], text: str) -> None:
    words, spaces = words_and_spaces(tokens)
    assert len(words) == len(tokens) == len(spaces)
    assert "".join(w + (" " if s else "") for w, s in zip(words, spaces, strict=True)) == text


# --- readers --------------------------------------------------------------------------------


def test_read_conll2003_crlf_documents_and_iob1() -> None:
    docs = read_conll2003(CONLL2003)
    assert [len(d.tokens) for d in docs] == [13, 11]
    assert docs[0].sent_starts == (0, 5)  # document-level token indices
    assert [(s.start, s.end, s.type) for s in docs[0].entities] == [
        (0, 2, "PER"), (3, 4, "LOC"), (5, 6, "LOC"), (7, 8, "LOC"), (8, 9, "LOC")]
    assert not any("\r" in t for d in docs for t in d.tokens)


def test_read_conll04_fixture() -> None:
    sentences = read_conll04(CONLL04)
    assert len(sentences) == 3
    assert [r.type for r in sentences[0].relations] == ["Work_For", "Live_In"]
    assert sentences[1].relations[0].head == GoldSpan(5, 7, "Peop")


@pytest.mark.parametrize(("content", "expected"), [
    ("{not json", "is not JSON"),
    ('{"tokens": []}', "not a list of sentences"),
    ('[{"entities": []}]', "sentence 0: tokens must be"),
    ('[{"tokens": ["a"], "entities": [{"type": "Loc", "start": 0, "end": 2}]}]',
     "outside its 1 tokens"),
    ('[{"tokens": ["a"], "entities": [{"type": "Loc", "start": 0}]}]', "malformed entity"),
    ('[{"tokens": ["a"], "entities": [], "relations": [{"type": "Kill", "head": 0, "tail": 1}]}]',
     "points to entity 0 or 1"),
])
def test_malformed_conll04_is_an_input_error(tmp_path: Path, content: str, expected: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=expected) as err:
        read_conll04(bad)
    assert "bad.json" in str(err.value)


@pytest.mark.parametrize(("content", "expected"), [
    ("EU NNP I-NP I-ORG\nrejects VBZ I-VP E-ORG\n", "line 2: 'rejects VBZ I-VP E-ORG'"),
    ("onlyonecolumn\n", "line 1"),
    ("-DOCSTART- -X- -X- O\n\n", "holds no tagged tokens"),
])
def test_malformed_conll2003_is_an_input_error(tmp_path: Path, content: str, expected: str) -> None:
    bad = tmp_path / "bad.conll"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=expected):
        read_conll2003(bad)


def test_missing_file_and_bad_arguments_fail_before_loading_a_model(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.json"):
        evaluate(tmp_path / "nope.json", "conll04", nlp=None)
    with pytest.raises(InputError, match=r"'conll05'.*conll04, conll2003"):
        evaluate(CONLL04, "conll05")
    with pytest.raises(InputError, match="limit"):
        evaluate(CONLL04, "conll04", limit=0)


# --- tables and report ----------------------------------------------------------------------


def test_mapping_tables_cover_the_ontology_classes_we_emit() -> None:
    emitted = {KG.Person, KG.Organization, KG.Country, KG.Place, KG.Group, KG.Date, KG.Quantity,
               KG.Other}
    assert set(CONLL04_ENTITY) == set(CONLL2003_ENTITY) == emitted
    assert set(CONLL04_RELATION.values()) == {"Work_For", "Kill", "OrgBased_In", "Live_In",
                                              "Located_In"}


def test_format_report_is_a_table() -> None:
    s = score({(1, "PER"), (2, "ORG")}, {(1, "PER")}, ["PER", "ORG"])
    text = format_report({"format": "conll2003", "file": "f", "examples": 2, "unit": "document",
                          "model": "m 1", "entities": s})
    lines = text.splitlines()
    assert lines[0] == "conll2003 f: 2 document(s), model m 1"
    assert lines[-2].split() == ["micro", "1.000", "0.500", "0.667", "2", "1"]
    assert lines[-1].split() == ["macro", "0.500", "0.500", "0.500"]


def test_scoring_core_does_not_import_spacy() -> None:
    code = ("import sys, kg.evaluate, kg.conll, kg.score; "
            "assert 'spacy' not in sys.modules, sorted(m for m in sys.modules if 'spacy' in m)")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


# --- the real model -------------------------------------------------------------------------


def _check_scores(block: dict[str, Any], labels: set[str]) -> None:
    assert set(block) == {"micro", "macro", "per_type"}
    assert labels <= set(block["per_type"])
    for part in (block["micro"], block["macro"], *block["per_type"].values()):
        for key in ("precision", "recall", "f1"):
            assert 0.0 <= part[key] <= 1.0


@pytest.mark.model
def test_evaluate_end_to_end_with_the_model(nlp: Any) -> None:
    r04 = evaluate(CONLL04, "conll04", nlp=nlp)
    assert (r04["format"], r04["examples"], r04["unit"]) == ("conll04", 3, "sentence")
    assert r04["entities"]["micro"]["gold"] == 11 and r04["relations"]["micro"]["gold"] == 6
    _check_scores(r04["entities"], {"Peop", "Org", "Loc", "Other"})
    _check_scores(r04["relations"], {"Work_For", "Kill", "OrgBased_In", "Live_In", "Located_In"})
    assert set(r04["counts"]) == {"pronoun_args_mapped", "pronoun_relations_dropped"}
    cal = r04["calibration"]
    assert sum(b["n"] for b in cal["bins"]) == cal["n"] and 0.0 <= cal["ece"] <= 1.0
    asserted = r04["asserted_relations"]
    assert asserted["gold"] == 6 and asserted["pred"] <= r04["relations"]["micro"]["pred"]

    r03 = evaluate(CONLL2003, "conll2003", nlp=nlp, limit=1)
    assert (r03["examples"], r03["unit"], r03["tokens"]) == (1, "document", 13)
    assert "relations" not in r03
    _check_scores(r03["entities"], {"PER", "ORG", "LOC", "MISC"})
    for report in (r04, r03):
        assert json.loads(json.dumps(report)) == report
        assert "micro" in format_report(report)


@pytest.mark.model
def test_rules_only_scores_without_the_relation_classifier(tmp_path: Path, nlp: Any) -> None:
    # invented: the classifier adds "Bob Lee livesIn Armonk", which no rule finds
    data = [{"tokens": "IBM spokesman Bob Lee in Armonk said .".split(),
             "entities": [{"type": "Org", "start": 0, "end": 1}, {"type": "Peop", "start": 2, "end": 4},
                          {"type": "Loc", "start": 5, "end": 6}],
             "relations": [{"type": "Live_In", "head": 1, "tail": 2}], "orig_id": 1}]
    path = tmp_path / "one.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    learned, rules = evaluate(path, "conll04", nlp=nlp), evaluate(path, "conll04", nlp=nlp, learned=False)
    assert (learned["learned"], rules["learned"]) == (True, False)
    assert learned["relations"]["per_type"]["Live_In"]["tp"] == 1
    assert rules["relations"]["per_type"]["Live_In"]["tp"] == 0
    assert "rules only" in format_report(rules).splitlines()[0]


def _one_example(tmp_path: Path, sentence: str, entities: list[tuple[str, int, int]],
                 relations: list[tuple[str, int, int]]) -> Path:
    data = [{"tokens": sentence.split(),
             "entities": [{"type": t, "start": a, "end": b} for t, a, b in entities],
             "relations": [{"type": t, "head": h, "tail": i} for t, h, i in relations],
             "orig_id": 1}]
    path = tmp_path / "one.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.model
def test_births_convention_scores_city_and_state_as_one_birthplace(tmp_path: Path,
                                                                   nlp: Any) -> None:
    # invented, in CoNLL04's style: a birthplace "City , State" is one gold span
    path = _one_example(tmp_path, "In 1830 , poet Mary Lane was born in Amherst , Mass .",
                        [("Other", 1, 2), ("Peop", 4, 6), ("Loc", 9, 12)], [("Live_In", 1, 2)])
    report = evaluate(path, "conll04", nlp=nlp)
    assert "births" in report["conventions"]
    assert report["entities"]["per_type"]["Loc"]["tp"] == 1
    assert report["relations"]["micro"]["tp"] == 1 and report["relations"]["micro"]["fp"] == 0
    strict = evaluate(path, "conll04", nlp=nlp, conventions=())
    assert strict["conventions"] == []
    assert strict["entities"]["per_type"]["Loc"] == {**strict["entities"]["per_type"]["Loc"],
                                                     "tp": 0, "fp": 2}
    assert strict["relations"]["micro"]["tp"] == 0


@pytest.mark.model
def test_births_convention_leaves_where_someone_lives_as_two_places(tmp_path: Path,
                                                                    nlp: Any) -> None:
    # invented, in CoNLL04's style: a home "of City , State" is two gold spans
    path = _one_example(tmp_path, "Andrew Hall of Miami , Fla. , confirmed the deal .",
                        [("Peop", 0, 2), ("Loc", 3, 4), ("Loc", 5, 6)],
                        [("Live_In", 0, 1), ("Live_In", 0, 2), ("Located_In", 1, 2)])
    report = evaluate(path, "conll04", nlp=nlp)
    assert report["entities"]["micro"]["tp"] == 3
    assert report["relations"]["micro"]["tp"] == 3


@pytest.mark.model
def test_titles_convention_keeps_honorific_and_address_in_the_person(tmp_path: Path,
                                                                     nlp: Any) -> None:
    path = _one_example(tmp_path, "President Kennedy met Ms. Toth in Dallas .",
                        [("Peop", 0, 2), ("Peop", 3, 5), ("Loc", 6, 7)], [])
    default, strict = evaluate(path, "conll04", nlp=nlp), evaluate(path, "conll04", nlp=nlp,
                                                                   conventions=())
    assert default["entities"]["per_type"]["Peop"]["tp"] == 2
    assert strict["entities"]["per_type"]["Peop"]["tp"] == 0


@pytest.mark.model
def test_dates_convention_scores_a_full_date_as_its_month_and_skips_lone_years(
        tmp_path: Path, nlp: Any) -> None:
    # invented, in CoNLL04's style: the month alone of "Nov. 22 , 1963" is gold, the lone
    # year and weekday are unlabelled
    path = _one_example(tmp_path, "Mary Lane died on Nov. 22 , 1963 , and Tom Hale in 1970 "
                                  "on a Tuesday .",
                        [("Peop", 0, 2), ("Other", 4, 5), ("Peop", 10, 12)], [])
    other = evaluate(path, "conll04", nlp=nlp)["entities"]["per_type"]["Other"]
    assert (other["tp"], other["fp"], other["fn"]) == (1, 0, 0)
    other = evaluate(path, "conll04", nlp=nlp, conventions=())["entities"]["per_type"]["Other"]
    assert (other["tp"], other["fp"], other["fn"]) == (0, 3, 1)
    # and the year alone of "April 1985"
    path = _one_example(tmp_path, "Mary Lane flew in April 1985 .", [("Peop", 0, 2), ("Other", 5, 6)], [])
    other = evaluate(path, "conll04", nlp=nlp)["entities"]["per_type"]["Other"]
    assert (other["tp"], other["fp"], other["fn"]) == (1, 0, 0)


@pytest.mark.model
def test_demonyms_are_not_scored_as_conll04_entities(tmp_path: Path, nlp: Any) -> None:
    # invented, in CoNLL04's style: "Spanish" before a noun is no entity there
    path = _one_example(tmp_path, "Spanish officials met Hans Weber in Madrid on March 3 .",
                        [("Peop", 3, 5), ("Loc", 6, 7)], [])
    entities = evaluate(path, "conll04", nlp=nlp)["entities"]
    assert entities["per_type"]["Other"]["pred"] == 1  # "March 3": dates are Other
    assert (entities["micro"]["tp"], entities["micro"]["fp"]) == (2, 1)


@pytest.mark.model
def test_states_convention_scores_soviet_as_the_country_and_leaves_other_demonyms(
        tmp_path: Path, nlp: Any) -> None:
    # invented, in CoNLL04's style: "Soviet" is Loc there, "Spanish" no entity
    path = _one_example(tmp_path, "Soviet and Spanish officials met Hans Weber in Madrid .",
                        [("Loc", 0, 1), ("Peop", 5, 7), ("Loc", 8, 9)], [])
    loc = evaluate(path, "conll04", nlp=nlp)["entities"]["per_type"]["Loc"]
    assert (loc["tp"], loc["fp"], loc["fn"]) == (2, 0, 0)
    loc = evaluate(path, "conll04", nlp=nlp, conventions=("titles",))["entities"]["per_type"]["Loc"]
    assert (loc["tp"], loc["fp"], loc["fn"]) == (1, 0, 1)


@pytest.mark.model
def test_a_nationality_that_describes_a_person_is_still_misc_in_conll2003(tmp_path: Path,
                                                                           nlp: Any) -> None:
    # "the American" is a mention of Agassi for kg; CoNLL-2003 tags the word MISC
    lines = ["-DOCSTART- -X- -X- O", ""]
    for word, tag in [("Andre", "I-PER"), ("Agassi", "I-PER"), ("lost", "O"), (".", "O"), ("", ""),
                      ("The", "O"), ("American", "I-MISC"), ("said", "O"), ("so", "O"), (".", "O")]:
        lines.append(f"{word} NNP I-NP {tag}" if word else "")
    path = tmp_path / "misc.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    misc = evaluate(path, "conll2003", nlp=nlp)["entities"]["per_type"]["MISC"]
    assert (misc["tp"], misc["fp"], misc["fn"]) == (1, 0, 0)
