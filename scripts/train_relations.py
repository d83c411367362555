"""Train the relation classifier of ``kg.learn`` on the CoNLL04 train split; write ``kg/relations-v1.npz``.

Usage: python scripts/train_relations.py /work/shared/eval/conll04/conll04_train.json [--out kg/relations-v1.npz]

Reproducible (fixed seed, full-batch training), CPU only, NumPy only.  Steps:
1. Run ``kg``'s own pipeline (parse, ``find_mentions``, the rules of ``relate``)
   over every training sentence; every candidate pair from ``learn.candidates``
   is labelled with the gold relation between the same token spans (a person's
   span is widened by an honorific or address title, as ``kg eval`` scores it).
2. 5-fold cross-validation over sentences gives out-of-fold probabilities: the
   threshold that maximises pair F1 of rules + model, and the precision per
   probability bin (made monotone by pooling adjacent bins, rounded down to 0.05)
   that becomes the prediction's confidence.
3. A final model on all of train is saved with its vocabulary (features seen at
   least twice), the threshold and the calibration table.
Only the train split is read; dev and test are never touched.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from kg import learn
from kg.conll import read_conll04
from kg.evaluate import CONLL04_ENTITY, CONLL04_RELATION, _Predictor
from kg.mentions import find_mentions
from kg.parse import load_nlp
from kg.relate import relate

TYPE_OF = {"Work_For": 1, "Kill": 2, "OrgBased_In": 3, "Live_In": 4, "Located_In": 5}
L2, EPOCHS, LR, SEED = 1e-4, 300, 0.5, 13
MIN_PRECISION = 0.55  # a wrong fact is worse than a missing one
MIN_ADDED_PRECISION = 0.5  # and each added fact must be right more often than not


def build(path: str) -> tuple[list[list[str]], np.ndarray, np.ndarray, np.ndarray, np.ndarray, int]:
    """Features, label, allowed class, rule class and example number of every candidate pair."""
    nlp = load_nlp()
    pred = _Predictor(nlp, path, CONLL04_ENTITY, CONLL04_RELATION, ("titles",))
    feats, ys, fits, ruled, groups = [], [], [], [], []
    n_gold = 0
    for n, ex in enumerate(read_conll04(path)):
        doc = pred.parse(ex)
        mentions = find_mentions(doc, ex.id)
        found = relate(doc, mentions, learned=False)
        rules: dict[tuple[object, object], list[str]] = {}
        rule_class: dict[tuple[object, object], int] = {}
        for r in found:
            if r.object is not None:
                name = r.predicate.split("#")[-1]
                rules.setdefault((r.subject, r.object), []).append(f"{name}:{r.rule}")
                rules.setdefault((r.object, r.subject), []).append(f"~{name}:{r.rule}")
                if r.predicate in learn.CLASSES:
                    rule_class[(r.subject, r.object)] = learn.CLASSES.index(r.predicate)
                elif r.predicate == learn.KG.bornIn:
                    rule_class[(r.subject, r.object)] = 4
        gold = {((r.head.start, r.head.end), (r.tail.start, r.tail.end)): TYPE_OF[r.type]
                for r in ex.relations}
        n_gold += len(gold)
        for a, b, sa, sb in learn.candidates(doc, mentions):
            ka, kb = pred.gold_span(a), pred.gold_span(b)
            feats.append(learn.features(doc, a, b, sa, sb, rules.get((a, b), ())))
            ys.append(gold.get((ka, kb), 0))
            fits.append(learn.CLASSES.index(learn._FITS[(learn._group(a.label), learn._group(b.label))]))
            ruled.append(rule_class.get((a, b), 0))
            groups.append(n)
    return feats, np.array(ys), np.array(fits), np.array(ruled), np.array(groups), n_gold


def encode(feats: list[list[str]], vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    idx, ptr = [], [0]
    for f in feats:
        idx += sorted({vocab[x] for x in f if x in vocab})
        ptr.append(len(idx))
    return np.array(idx, dtype=np.int64), np.array(ptr, dtype=np.int64)


def train(idx: np.ndarray, ptr: np.ndarray, y: np.ndarray, fit: np.ndarray, dim: int) -> np.ndarray:
    """Masked two-way softmax (no relation vs. the pair's one class) by full-batch AdaGrad."""
    k = len(learn.CLASSES)
    w = np.zeros((dim + 1, k))  # last row: bias
    g2 = np.full_like(w, 1e-8)
    rows = np.repeat(np.arange(len(ptr) - 1), np.diff(ptr))
    mask = np.full((len(y), k), -np.inf)
    mask[:, 0] = 0.0
    mask[np.arange(len(y)), fit] = 0.0
    target = np.zeros((len(y), k))
    target[np.arange(len(y)), np.where(y == fit, y, 0)] = 1.0
    for _ in range(EPOCHS):
        logits = np.zeros((len(y), k))
        np.add.at(logits, rows, w[idx])
        logits += w[-1] + mask
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        d = (p - target) / len(y)
        grad = np.zeros_like(w)
        np.add.at(grad, idx, d[rows])
        grad[-1] = d.sum(axis=0)
        grad[:-1] += L2 * w[:-1]
        g2 += grad**2
        w -= LR * grad / np.sqrt(g2)
    return w


def prob(w: np.ndarray, idx: np.ndarray, ptr: np.ndarray, fit: np.ndarray) -> np.ndarray:
    """P(the pair's class) against no relation."""
    rows = np.repeat(np.arange(len(ptr) - 1), np.diff(ptr))
    logits = np.zeros((len(ptr) - 1, w.shape[1]))
    np.add.at(logits, rows, w[idx])
    logits += w[-1]
    z = logits[np.arange(len(fit)), fit] - logits[:, 0]
    return 1 / (1 + np.exp(-z))


def _isotonic(values: list[float], weights: list[int]) -> list[float]:
    """The non-decreasing sequence closest to ``values`` (weighted pool-adjacent-violators)."""
    blocks: list[list[float]] = []  # [mean, weight, count]
    for v, w in zip(values, weights, strict=True):
        blocks.append([v, float(w), 1.0])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            (m1, w1, n1), (m2, w2, n2) = blocks[-2], blocks.pop()
            blocks[-1] = [(m1 * w1 + m2 * w2) / (w1 + w2), w1 + w2, n1 + n2]
    return [m for m, _, n in blocks for _ in range(int(n))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("train")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "kg" / learn.MODEL))
    args = ap.parse_args()
    feats, y, fit, ruled, groups, n_gold = build(args.train)
    counts: dict[str, int] = {}
    for f in feats:
        for x in set(f):
            counts[x] = counts.get(x, 0) + 1
    words = sorted(x for x, c in counts.items() if c >= 2)
    vocab = {x: i for i, x in enumerate(words)}
    idx, ptr = encode(feats, vocab)
    print(f"{len(y)} candidate pairs, {int((y > 0).sum())} positive of {n_gold} gold relations, "
          f"{len(words)} features")
    rng = np.random.default_rng(SEED)
    fold_of = rng.integers(0, 5, groups.max() + 1)[groups]
    oof = np.zeros(len(y))
    for k in range(5):
        tr, te = np.where(fold_of != k)[0], np.where(fold_of == k)[0]
        w = train(*encode([feats[i] for i in tr], vocab), y[tr], fit[tr], len(words))
        oof[te] = prob(w, *encode([feats[i] for i in te], vocab), fit[te])
    good = y == fit
    by_rule = ruled > 0
    rp = int((by_rule & good).sum()) / max(int(by_rule.sum()), 1)
    print(f"rules alone: pair P {rp:.3f} R {int((by_rule & good).sum()) / n_gold:.3f}")
    best = (-1.0, 0.5, 0.5, 0.0, 0.0)
    for keep in np.arange(0.05, 0.75, 0.05):  # a rule's pair is kept above ``keep``
        for add in np.arange(0.3, 0.96, 0.05):  # a pair no rule found is added above ``add``
            sel = (by_rule & (oof >= keep)) | (~by_rule & (oof >= add))
            tp = int((sel & good).sum())
            p, r = tp / max(int(sel.sum()), 1), tp / n_gold
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            added = ~by_rule & (oof >= add)
            added_p = float(good[added].mean()) if added.any() else 1.0
            if p >= MIN_PRECISION and added_p >= MIN_ADDED_PRECISION and f1 > best[0]:
                best = (f1, float(keep), float(add), p, r)
    f1, keep, add, p, r = best
    keep, add = round(keep, 2), round(add, 2)
    print(f"rules + model: keep rule pairs at p >= {keep:.2f}, add pairs at p >= {add:.2f}: "
          f"pair P {p:.3f} R {r:.3f} F1 {f1:.3f}")
    bins = np.unique(np.array([add, 0.6, 0.7, 0.8, 0.9]).clip(add, None))
    measured, sizes = [], []
    for lo, hi in zip(bins, [*bins[1:], 1.01], strict=True):
        sel = (oof >= lo) & (oof < hi) & ~by_rule
        measured.append(float(good[sel].mean()) if sel.any() else float(lo))
        sizes.append(max(int(sel.sum()), 1))
        print(f"  added pairs with p in [{lo:.2f}, {hi:.2f}): {int(sel.sum())}, "
              f"precision {measured[-1]:.3f}")
    # monotone in p (pool adjacent bins whose precision falls: a few dozen pairs each), then
    # rounded down like the rules' confidences
    precision = [np.floor(x * 20) / 20 for x in _isotonic(measured, sizes)]
    print("  confidences:", " ".join(f"{x:.2f}" for x in precision))
    threshold = np.array([keep, add])
    w = train(idx, ptr, y, fit, len(words))
    np.savez_compressed(args.out, vocab=np.array(words), weights=w.astype(np.float32),
                        bins=bins, precision=np.array(precision), threshold=threshold)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
