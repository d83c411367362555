"""The learned relation classifier (kg.learn): its candidates, features and shipped weights."""

from __future__ import annotations

from kg import learn
from kg.mentions import find_mentions
from kg.relate import relate
from kg.vocab import KG
from tests.conftest import MakeDoc


def test_candidates_fit_the_scored_properties(make_doc: MakeDoc) -> None:
    doc = make_doc("Smith of Acme lives in Paris .", heads=[3, 0, 1, 3, 3, 4, 3],
                   deps=["nsubj", "prep", "pobj", "ROOT", "prep", "pobj", "punct"],
                   pos=["PROPN", "ADP", "PROPN", "VERB", "ADP", "PROPN", "PUNCT"],
                   ents=["B-PERSON", "O", "B-ORG", "O", "O", "B-GPE", "O"])
    pairs = {(a.text, b.text) for a, b, _, _ in learn.candidates(doc, find_mentions(doc, "d"))}
    assert pairs == {("Smith", "Acme"), ("Smith", "Paris"), ("Acme", "Paris")}  # no PER-PER without a killing


def test_features_name_types_path_and_rules(make_doc: MakeDoc) -> None:
    doc = make_doc("Smith of Acme lives in Paris .", heads=[3, 0, 1, 3, 3, 4, 3],
                   deps=["nsubj", "prep", "pobj", "ROOT", "prep", "pobj", "punct"],
                   pos=["PROPN", "ADP", "PROPN", "VERB", "ADP", "PROPN", "PUNCT"],
                   ents=["B-PERSON", "O", "B-ORG", "O", "O", "B-GPE", "O"])
    ms = find_mentions(doc, "d")
    a, b, sa, sb = next((a, b, sa, sb) for a, b, sa, sb in learn.candidates(doc, ms)
                        if (a.text, b.text) == ("Smith", "Paris"))
    f = learn.features(doc, a, b, sa, sb, ["livesIn:verb-prep"])
    assert "tp=PERSON>GPE" in f and "rule=livesIn:verb-prep" in f
    assert any(x.startswith("path=nsubj^/prepv/pobjv") for x in f)
    # the word each name hangs from, the words around and ending each name, names between
    assert {"ahead=nsubj>lives|PERSON>GPE", "bhead=pobj>in|PERSON>GPE", "pre_b=in|PERSON>GPE",
            "post_a=of|PERSON>GPE", "blast=paris|PERSON>GPE", "bent=ORG|PERSON>GPE"} <= set(f)


def test_shipped_confidences_rise_with_the_probability() -> None:
    from importlib import resources

    import numpy as np

    with resources.files("kg").joinpath(learn.MODEL).open("rb") as fh:
        data = np.load(fh)
        bins, precision = data["bins"], data["precision"]
    assert len(bins) == len(precision) and np.all(np.diff(bins) > 0)
    assert np.all(np.diff(precision) >= 0), precision  # pooled: never less sure at a higher p


def test_weights_load_and_confidences_are_probabilities(make_doc: MakeDoc) -> None:
    keep, add = learn.thresholds()
    assert 0 < keep <= add < 1
    doc = make_doc("Smith of Acme lives in Paris .", heads=[3, 0, 1, 3, 3, 4, 3],
                   deps=["nsubj", "prep", "pobj", "ROOT", "prep", "pobj", "punct"],
                   pos=["PROPN", "ADP", "PROPN", "VERB", "ADP", "PROPN", "PUNCT"],
                   ents=["B-PERSON", "O", "B-ORG", "O", "O", "B-GPE", "O"],
                   lemmas=["smith", "of", "acme", "live", "in", "paris", "."])
    ms = find_mentions(doc, "d")
    for (subj, obj), (pred, prob, conf) in learn.predict(doc, ms, {}).items():
        assert pred in learn.CLASSES and 0 <= prob <= 1 and 0 <= conf <= 1
    rels = relate(doc, ms)
    assert any(r.predicate == KG.livesIn and r.object is not None and r.object.text == "Paris" for r in rels)
    assert all(0 <= r.confidence <= 1 for r in rels)


def test_calibration_table_names_our_properties_and_holds_probabilities() -> None:
    import json
    from importlib import resources

    table = json.loads(resources.files("kg").joinpath(learn.CALIBRATION).read_text())["confidence"]
    assert table, "scripts/calibrate.py wrote an empty table"
    for key, value in table.items():
        prop, rule = key.split(" ")
        assert KG[prop] in learn.CLASSES or KG[prop] == KG.bornIn, key  # a scored property
        assert not rule.startswith("model:") and 0.0 <= value <= 1.0, key


def test_calibrated_confidence_replaces_a_measured_rules_and_keeps_the_others() -> None:
    import json
    from importlib import resources

    table = json.loads(resources.files("kg").joinpath(learn.CALIBRATION).read_text())["confidence"]
    key, value = next(iter(table.items()))
    prop, rule = key.split(" ")
    assert learn.calibrated(KG[prop], rule, 0.123) == value
    assert learn.calibrated(KG.phoned, "verb", 0.7) == 0.7  # not measured: unchanged
    assert learn.calibrated(KG[prop], "no-such-rule", 0.3) == 0.3
