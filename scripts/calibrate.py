"""Measure how often each rule's relations are right; write ``kg/confidence-v1.json``.

Usage: python scripts/calibrate.py TRAIN.json DEV.json [--out kg/confidence-v1.json]

Runs ``kg``'s pipeline (as ``kg eval`` does, with no calibration applied) over
the CoNLL04 train and dev splits and counts, per property and rule, the scored
relations whose two arguments are gold entity spans, and the right ones (a
relation to "Kinderhook" where the gold span is "Kinderhook , N.Y." says
nothing about the rule).  A rule's calibrated confidence is its precision
shrunk towards its own confidence: ``(right + W * own) / (fired + W)``, so a rule
seen a few times moves little, and one seen fewer than ``MIN_JUDGED`` times not at all.  The learned classifier (``model:*``) is left
out: its confidence is already its cross-validated precision on train, and on
train it is scored in-sample.  Before writing the table fitted on both splits,
the script fits it on each split alone and prints the expected calibration
error (ECE) on the other, so the gain is measured on data the table did not see.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from kg import learn
from kg.conll import read_conll04
from kg.evaluate import (
    CONLL04_ENTITY,
    CONLL04_RELATION,
    CONVENTIONS,
    _Predictor,
    calibration,
    gold_items,
)
from kg.parse import load_nlp

W = 4.0  # weight of a rule's own confidence, in relations
MIN_JUDGED = 2  # a rule judged fewer times keeps its own confidence: one right relation would move a
# 0.5 rule to 0.6, past the classifier's veto (``kg.relate._VETO_BELOW``) and into what is asserted
Judged = list[tuple[str, float, bool]]  # (property rule, confidence, right), both spans gold


def judge(path: str) -> tuple[Judged, int]:
    nlp = load_nlp()
    pred = _Predictor(nlp, path, CONLL04_ENTITY, CONLL04_RELATION, CONVENTIONS)
    out: Judged = []
    n_gold = 0
    for n, ex in enumerate(read_conll04(path)):
        _, gold = gold_items(n, ex)
        spans = {(s.start, s.end) for s in ex.entities}
        n_gold += len(gold)
        pred.predict(ex)
        for pair, (conf, rule, prop) in pred.confidence.items():
            if pair[1][:2] in spans and pair[2][:2] in spans:  # else the spans decide, not the rule
                out.append((f"{prop} {rule}", conf, ((n, pair[1], pair[2]), pair[0]) in gold))
    return out, n_gold


def fit(judged: Judged) -> dict[str, float]:
    fired: dict[str, list[float]] = defaultdict(list)
    right: dict[str, int] = defaultdict(int)
    for key, conf, ok in judged:
        if conf > 0 and not key.split(" ", 1)[1].startswith("model:"):  # 0: a hedged claim
            fired[key].append(conf)
            right[key] += ok
    return {k: round((right[k] + W * max(v)) / (len(v) + W), 2) for k, v in sorted(fired.items())
            if len(v) >= MIN_JUDGED}


def applied(judged: Judged, table: dict[str, float]) -> list[tuple[float, bool]]:
    return [(table.get(k, c) if c > 0 else c, ok) for k, c, ok in judged]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("train")
    ap.add_argument("dev")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "kg" / learn.CALIBRATION))
    args = ap.parse_args()
    learn._calibration = lambda: {}  # type: ignore[assignment]  # the rules' own confidences
    data = {name: judge(path) for name, path in (("train", args.train), ("dev", args.dev))}
    for fitted, held in (("train", "dev"), ("dev", "train")):
        judged, n_gold = data[held]
        before = calibration([(c, ok) for _, c, ok in judged])
        after = calibration(applied(judged, fit(data[fitted][0])))
        print(f"fitted on {fitted}, scored on {held} ({len(judged)} relations whose arguments are "
              f"gold spans): ECE {before['ece']:.3f} -> {after['ece']:.3f}")
    table = fit(data["train"][0] + data["dev"][0])
    Path(args.out).write_text(json.dumps({
        "about": "precision of each rule's relations per property on CoNLL04 train+dev, shrunk "
                 f"towards the rule's own confidence with weight {W:g}; scripts/calibrate.py",
        "confidence": table}, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(table)} rules")


if __name__ == "__main__":
    main()
