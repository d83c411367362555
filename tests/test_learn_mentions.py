"""The learned entity corrector (kg.learn_mentions): candidates, guards, decoding, weights."""

from __future__ import annotations

import itertools
import subprocess
import sys

import numpy as np
import pytest

from kg import learn_mentions as lm
from kg.mentions import LABELS, _corrected
from tests.conftest import ROOT, MakeDoc


def _doc(make_doc: MakeDoc):  # type: ignore[no-untyped-def]
    return make_doc(
        "John Smith of Acme Corp met Bernero in France on Monday .",
        heads=[1, 5, 1, 4, 2, 5, 5, 5, 7, 5, 9, 5],
        deps=["compound", "nsubj", "prep", "compound", "pobj", "ROOT", "dobj", "prep", "pobj",
              "prep", "pobj", "punct"],
        pos=["PROPN", "PROPN", "ADP", "PROPN", "PROPN", "VERB", "PROPN", "ADP", "PROPN", "ADP",
             "PROPN", "PUNCT"],
        ents=["B-PERSON", "I-PERSON", "O", "B-ORG", "I-ORG", "O", "B-ORG", "O", "B-GPE", "O",
              "B-DATE", "O"])


def test_view_reads_the_doc_like_spacy(make_doc: MakeDoc) -> None:
    doc = _doc(make_doc)
    v = lm._View(doc)
    assert v.text == [t.text for t in doc]
    assert v.head == [t.head.i for t in doc]
    assert v.ents == [(e.start, e.end, e.label_) for e in doc.ents]
    assert v.span_text(0, 5) == "John Smith of Acme Corp"
    assert v.root(0, 2) == 1


def test_candidates_cover_rule_spans_and_name_pieces(make_doc: MakeDoc) -> None:
    doc = _doc(make_doc)
    ents = _corrected(doc)
    spans = lm.candidates(doc, ents)
    assert {(s, e) for s, e, _ in ents} <= set(spans)
    assert (0, 2) in spans and (3, 5) in spans and (0, 5) in spans  # "John Smith of Acme Corp"
    assert spans == sorted(set(spans)) and all(0 <= s < e <= len(doc) for s, e in spans)


def test_guards_keep_dates_and_countries(make_doc: MakeDoc) -> None:
    doc = _doc(make_doc)
    ents = _corrected(doc)
    spans, rule_cls, allowed = lm.prepare(doc, ents)
    for (s, e), c, ok in zip(spans, rule_cls, allowed, strict=True):
        if doc[s:e].text in ("France", "Monday"):
            assert c > 0 and ok.sum() == 1 and ok[c]  # only its own class: never dropped
        if c == 0:
            assert not ok[0]  # a span no rule found cannot be "dropped"
    out = lm.refine(doc, ents)
    texts = {(doc[s:e].text, lab) for s, e, lab in out}
    assert ("France", "GPE") in texts and ("Monday", "DATE") in texts


def test_refine_returns_valid_non_overlapping_spans(make_doc: MakeDoc) -> None:
    doc = _doc(make_doc)
    out = lm.refine(doc, _corrected(doc))
    assert out == sorted(out)
    assert all(0 <= s < e <= len(doc) and lab in LABELS for s, e, lab in out)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(out))
    with lm.disabled():
        assert lm.refine(doc, [(0, 2, "PERSON")]) == [(0, 2, "PERSON")]


def test_decode_prefers_rules_and_resolves_overlaps() -> None:
    spans = [(0, 2), (0, 1), (3, 4), (5, 6)]
    probs = np.array([[0.1, 0.5, 0.4, 0, 0, 0, 0],   # rule ORG; PERSON only a little better
                      [0.0, 0.9, 0.1, 0, 0, 0, 0],   # overlaps it, no rule: a new span
                      [0.95, 0.05, 0, 0, 0, 0, 0],   # rule PERSON the model says is nothing
                      [0.2, 0.0, 0.0, 0.8, 0, 0, 0]])  # no rule, a place
    rule_cls = np.array([2, 0, 1, 0])
    allowed = np.ones((4, 7), dtype=bool)
    allowed[[1, 3], 0] = False
    out = lm.decode(probs, rule_cls, allowed, spans, (0.2, 0.9, 0.7))
    assert (0, 1, 1) in out and (5, 6, 3) in out and (3, 4, 1) not in out  # dropped at p >= 0.9
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(out))
    out = lm.decode(probs, rule_cls, allowed, spans, (0.2, 0.99, 0.95))
    assert (0, 2, 2) in out and (3, 4, 1) in out and (5, 6, 3) not in out  # rules kept
    fixed = allowed.copy()
    fixed[0] = False
    fixed[0, 2] = True  # protected: only its own class
    assert (0, 2, 2) in lm.decode(probs, rule_cls, fixed, spans, (0.0, 0.5, 0.5))


def test_shipped_weights_load_and_give_probabilities() -> None:
    vocab, weights, policy = lm._model()
    assert weights.shape == (len(vocab) + 1, len(lm.CLASSES)) and len(policy) == 3
    p = lm.probabilities([["r=ORG", "s=ORG", "w0=acme"], ["no-such-feature"], []])
    assert p.shape == (3, len(lm.CLASSES)) and np.allclose(p.sum(axis=1), 1)
    assert np.allclose(p[1], p[2])  # unknown features weigh nothing


@pytest.mark.model
def test_training_script_runs_on_a_tiny_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "m.npz"
    res = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_mentions.py"),
                          str(ROOT / "tests" / "data" / "eval" / "conll04_tiny.json"),
                          "--out", str(out)], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert "rules alone" in res.stdout
    data = np.load(out)
    assert data["weights"].shape[1] == len(lm.CLASSES) and data["policy"].shape == (3,)
