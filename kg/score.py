"""Strict scoring for ``kg eval``, pure: precision/recall/F1 of item sets, calibration, and the
report as a table (``format_report``).

Items are ``(identity, label)`` pairs; ``gold_items`` and ``predicted_items``
make them from gold examples and from token spans with dataset labels.
Nothing here imports spaCy or the pipeline.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Hashable, Sequence
from typing import Any

from .conll import Example

__all__ = ["CALIBRATION_BINS", "Item", "Pair", "Span", "calibration", "format_report", "gold_items",
           "predicted_items", "prf", "score"]

Item = tuple[Hashable, str]  # (identity, label): the label is what per-type scores group by


def prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn, "gold": tp + fn,
            "pred": tp + fp}


def score(gold: Collection[Item], pred: Collection[Item], labels: Sequence[str]) -> dict[str, Any]:
    """Strict precision, recall and F1: micro, macro and per label.

    Items are ``(identity, label)`` pairs compared as a set: a prediction is
    right only if the same pair is in ``gold``.  Micro counts every item;
    macro averages the per-label scores over ``labels`` (plus any other label
    met), leaving out labels with neither gold nor predicted items.  0/0 is 0.

    >>> s = score({(1, "A"), (2, "B")}, {(1, "A"), (3, "B")}, ["A", "B"])
    >>> s["micro"]["f1"], s["macro"]["f1"], s["per_type"]["B"]["recall"]
    (0.5, 0.5, 0.0)
    """
    gold_set, pred_set = set(gold), set(pred)
    names = list(dict.fromkeys([*labels, *sorted({lab for _, lab in gold_set | pred_set})]))
    per_type: dict[str, dict[str, Any]] = {}
    for lab in names:
        g = {x for x in gold_set if x[1] == lab}
        p = {x for x in pred_set if x[1] == lab}
        per_type[lab] = prf(len(g & p), len(p - g), len(g - p))
    micro = prf(len(gold_set & pred_set), len(pred_set - gold_set), len(gold_set - pred_set))
    seen = [v for v in per_type.values() if v["gold"] or v["pred"]]
    macro = {k: sum(v[k] for v in seen) / len(seen) if seen else 0.0
             for k in ("precision", "recall", "f1")}
    return {"micro": micro, "macro": macro, "per_type": per_type}


#: Bin edges of the calibration table; 0.5 is ``kg.rdf.ASSERT_CONFIDENCE``.
CALIBRATION_BINS = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


def calibration(judged: Sequence[tuple[float, bool]],
                edges: Sequence[float] = CALIBRATION_BINS) -> dict[str, Any]:
    """How well confidences predict being right: per bin and the expected calibration error.

    ``judged`` holds a ``(confidence, right)`` pair per prediction.  Per bin
    ``[low, high)`` (the last one closed): the count, mean confidence and
    precision.  ``ece`` is the count-weighted mean gap between confidence and
    precision.

    >>> c = calibration([(0.9, True), (0.9, False), (0.3, False)])
    >>> [(b["low"], b["n"], b["precision"]) for b in c["bins"] if b["n"]], round(c["ece"], 3)
    ([(0.2, 1, 0.0), (0.9, 2, 0.5)], 0.367)
    """
    bins = []
    gap = 0.0
    for k, (low, high) in enumerate(itertools.pairwise(edges)):
        last = k == len(edges) - 2
        inside = [(c, ok) for c, ok in judged if low <= c < high or (last and c == high)]
        conf = sum(c for c, _ in inside) / len(inside) if inside else 0.0
        prec = sum(ok for _, ok in inside) / len(inside) if inside else 0.0
        gap += len(inside) * abs(conf - prec)
        bins.append({"low": low, "high": high, "n": len(inside), "confidence": conf,
                     "precision": prec})
    return {"bins": bins, "ece": gap / len(judged) if judged else 0.0, "n": len(judged)}


Span = tuple[int, int, str]  # token start, token end (exclusive), label
Pair = tuple[str, Span, Span]  # relation label, head, tail


def gold_items(n: int, ex: Example) -> tuple[set[Item], set[Item]]:
    """The gold entities and relations of example ``n`` as scoring items."""
    ents: set[Item] = {((n, s.start, s.end), s.type) for s in ex.entities}
    rels: set[Item] = {((n, (r.head.start, r.head.end, r.head.type),
                         (r.tail.start, r.tail.end, r.tail.type)), r.type) for r in ex.relations}
    return ents, rels


def predicted_items(n: int, entities: Collection[Span],
                    relations: Collection[Pair]) -> tuple[set[Item], set[Item]]:
    """Predicted token spans and relations of example ``n`` as items comparable with ``gold_items``.

    A relation's identity holds both spans *with their types*, so a relation
    between rightly placed but wrongly typed entities does not count (strict RE).
    """
    ents: set[Item] = {((n, a, b), t) for a, b, t in entities}
    rels: set[Item] = {((n, head, tail), t) for t, head, tail in relations}
    return ents, rels


def format_report(report: dict[str, Any]) -> str:
    """A plain-text table of a report from ``kg.evaluate.evaluate``.

    >>> r = {"format": "conll2003", "file": "x", "examples": 1, "unit": "document", "model": "m",
    ...      "entities": score({(1, "PER")}, {(1, "PER")}, ["PER"])}
    >>> print(format_report(r).splitlines()[3])
    PER                1.000   1.000   1.000      1      1
    """
    lines = [f"{report['format']} {report['file']}: {report['examples']} {report['unit']}(s), "
             f"model {report['model']}" + ("" if report.get("learned", True) else ", rules only")]
    for key, title in (("entities", "Entities"), ("relations", "Relations")):
        if key not in report:
            continue
        s = report[key]
        head = f"{title} (strict)"
        lines += ["", f"{head:<16} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6} {'pred':>6}"]
        for lab, v in s["per_type"].items():
            lines.append(f"{lab:<16} {v['precision']:7.3f} {v['recall']:7.3f} {v['f1']:7.3f} "
                         f"{v['gold']:6d} {v['pred']:6d}")
        m, a = s["micro"], s["macro"]
        lines.append(f"{'micro':<16} {m['precision']:7.3f} {m['recall']:7.3f} {m['f1']:7.3f} "
                     f"{m['gold']:6d} {m['pred']:6d}")
        lines.append(f"{'macro':<16} {a['precision']:7.3f} {a['recall']:7.3f} {a['f1']:7.3f}")
    if "calibration" in report:
        cal = report["calibration"]
        lines += ["", f"{'Confidence':<16} {'n':>7} {'mean':>7} {'P':>7}"]
        for b in cal["bins"]:
            if b["n"]:
                bounds = f"{b['low']:.1f}-{b['high']:.1f}"
                lines.append(f"{bounds:<16} {b['n']:7d} {b['confidence']:7.3f} "
                             f"{b['precision']:7.3f}")
        lines.append(f"expected calibration error {cal['ece']:.3f}, over the {cal['n']} relations "
                     "whose arguments are both gold spans")
    if "asserted_relations" in report:
        from .rdf import ASSERT_CONFIDENCE  # (rdflib: only for this line)

        a = report["asserted_relations"]
        lines.append(f"relations kg build asserts (confidence >= {ASSERT_CONFIDENCE}, not hedged): "
                     f"P {a['precision']:.3f} R {a['recall']:.3f} F1 {a['f1']:.3f}")
    if report.get("conventions"):
        lines += ["", f"scoring conventions: {', '.join(report['conventions'])}"]
    if "pronoun_arguments" in report:
        c = report.get("counts", {})
        lines += ["", f"pronoun arguments: {report['pronoun_arguments']} "
                      f"({c.get('pronoun_args_mapped', 0)} mapped, "
                      f"{c.get('pronoun_relations_dropped', 0)} relations dropped)"]
    return "\n".join(lines)
