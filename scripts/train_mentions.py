"""Train the entity corrector ``kg.learn_mentions`` on CoNLL04 train; write ``kg/mentions-v1.npz``.

Usage:
    python scripts/train_mentions.py /work/shared/eval/conll04/conll04_train.json \
        [--out kg/mentions-v1.npz]       # ~25 s on 2 CPUs

Reproducible (fixed seed, full-batch training), CPU only, NumPy only.  Steps:
1. Rebuild every training sentence as ``kg eval`` does, run the rules of
   ``mentions._corrected`` (with the corrector off) and label every candidate
   span of ``learn_mentions.candidates`` with its gold class.  Spans are compared
   after the clean-up ``find_mentions`` applies anyway (a leading "the", trailing
   punctuation, and for people leading titles and honorifics).  Gold ``Peop`` is a
   person, ``Org`` an organisation, ``Loc`` a place ("Amherst , Mass." counts as
   its two places, as ``kg`` writes them); ``Other`` is a date, a nationality or
   group (the gazetteer's demonyms, spaCy's NORP), or another name; quantities,
   sums of money and clock times are not entities for ``kg`` and count as none.
2. 5-fold cross-validation over sentences gives out-of-fold probabilities; the
   decoding policy (bonus for the rules' own class, score to keep a rule span,
   score to add a new one) that maximises span F1 on them is kept.
3. A final model on all of train is saved with its vocabulary (features seen at
   least twice) and the policy.
Only the train split is read; dev and test are never touched.
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

import numpy as np

from kg import gazetteer, learn_mentions
from kg.conll import read_conll04
from kg.evaluate import CONLL04_ENTITY, _Predictor
from kg.mentions import HONORIFICS, _corrected, _is_title_word
from kg.parse import load_nlp

L2, EPOCHS, LR, SEED, FOLDS = 3e-4, 200, 0.3, 13, 5
BONUS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
DROP = (0.5, 0.6, 0.7, 0.8, 0.9)
ADD = (0.5, 0.6, 0.7, 0.8, 0.9)
TOLERANCE = 0.005  # F1 given up, at most, for a more conservative policy
_QUANTITY = ("percent", "%", "$", "gmt", "a.m.", "p.m.", "million", "billion", "miles", "feet",
             "acres", "yards", "mph", "minutes", "hours", "years", "days")


def _norm(doc, s: int, e: int, person: bool) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """The span as ``find_mentions`` would keep it (and ``kg eval`` compare it)."""
    while e - s > 1 and (doc[s].lower_ in ("the", "a", "an") or (person and (
            doc[s].lower_ in HONORIFICS or _is_title_word(doc[s])))):
        s += 1
    while e - s > 1 and (doc[e - 1].is_punct or doc[e - 1].lower_ in ("'s", "'")):
        e -= 1
    return s, e


def gold_class(doc, s: int, e: int, kind: str) -> int:  # type: ignore[no-untyped-def]
    """The class of a gold span (0: not an entity ``kg`` extracts)."""
    if kind == "Peop":
        return 1
    if kind == "Org":
        return 2
    if kind == "Loc":
        return 3
    text = doc[s:e].text
    low = text.lower()
    if any(q in low.split() or q in low for q in _QUANTITY if not q.isalpha()) or any(
            w in _QUANTITY for w in low.split()):
        return 0
    if learn_mentions._CALENDAR.search(text):
        return 5
    if any(c.isdigit() for c in text):
        return 0
    if gazetteer.demonym_country(text) or any(x.label_ == "NORP" for x in doc[s:e].ents):
        return 4
    return 6


def gold_keys(doc, ex) -> dict[tuple[int, int, int], int]:  # type: ignore[no-untyped-def]
    """Normalised gold spans ``(start, end, class)``; "City , State" places split at the comma."""
    keys = {}
    for g in ex.entities:
        k = gold_class(doc, g.start, g.end, g.type)
        if not k:
            continue
        parts = [(g.start, g.end)]
        if k == 3 and any(doc[i].text == "," for i in range(g.start, g.end)):
            parts, a = [], g.start
            for i in range(g.start, g.end + 1):
                if i == g.end or doc[i].text == ",":
                    if i > a:
                        parts.append((a, i))
                    a = i + 1
        for a, b in parts:
            keys[(*_norm(doc, a, b, k == 1), k)] = 1
    return keys


def build(path: str):  # type: ignore[no-untyped-def]
    """Per sentence: candidate features, targets, rule classes, protection, and gold keys."""
    nlp = load_nlp()
    pred = _Predictor(nlp, path, CONLL04_ENTITY, None, ("titles",))
    rows = []
    with learn_mentions.disabled():
        for ex in read_conll04(path):
            doc = pred.parse(ex)
            ents = _corrected(doc)
            spans, rule_cls, allowed = learn_mentions.prepare(doc, ents)
            feats = learn_mentions.features(doc, ents, spans)
            gold = gold_keys(doc, ex)
            keys = [[(*_norm(doc, s, e, k == 1), k) for k in range(len(learn_mentions.CLASSES))]
                    for s, e in spans]
            y = [next((k for k in range(1, len(learn_mentions.CLASSES)) if kk[k] in gold), 0)
                 for kk in keys]
            rows.append((spans, feats, np.array(y, dtype=np.intp), rule_cls, allowed, keys, gold))
    return rows


class Design:
    """A sparse 0/1 design matrix kept as index arrays, with fast products both ways."""

    def __init__(self, feats: list[list[str]], vocab: dict[str, int]) -> None:
        idx, rows = [], []
        for n, f in enumerate(feats):
            cols = sorted({vocab[x] for x in f if x in vocab})
            idx += cols
            rows += [n] * len(cols)
        self.n, self.idx, self.rows = len(feats), np.array(idx, np.intp), np.array(rows, np.intp)
        order = np.argsort(self.idx, kind="stable")
        self.by_col_rows = self.rows[order]
        self.cols, self.col_starts = np.unique(self.idx[order], return_index=True)
        self.row_starts = np.searchsorted(self.rows, np.arange(self.n))
        self.row_has = np.bincount(self.rows, minlength=self.n) > 0

    def dot(self, w: np.ndarray) -> np.ndarray:
        out = np.zeros((self.n, w.shape[1]))
        if len(self.idx):
            sums = np.add.reduceat(w[self.idx], self.row_starts.clip(max=len(self.idx) - 1), axis=0)
            out[self.row_has] = sums[self.row_has]
        return out + w[-1]

    def tdot(self, d: np.ndarray, dim: int) -> np.ndarray:
        grad = np.zeros((dim + 1, d.shape[1]))
        if len(self.idx):
            grad[self.cols] = np.add.reduceat(d[self.by_col_rows], self.col_starts, axis=0)
        grad[-1] = d.sum(axis=0)
        return grad


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(axis=1, keepdims=True)


def train(x: Design, y: np.ndarray, dim: int) -> np.ndarray:
    """Multinomial logistic regression (L2) by full-batch AdaGrad."""
    k = len(learn_mentions.CLASSES)
    w = np.zeros((dim + 1, k))
    g2 = np.full_like(w, 1e-8)
    target = np.zeros((len(y), k))
    target[np.arange(len(y)), y] = 1.0
    for _ in range(EPOCHS):
        d = (softmax(x.dot(w)) - target) / len(y)
        grad = x.tdot(d, dim)
        grad[:-1] += L2 * w[:-1]
        g2 += grad**2
        w -= LR * grad / np.sqrt(g2)
    return w


def span_f1(rows, probs, policy) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
    """Micro P/R/F1 of decoded spans against the normalised gold keys."""
    tp = n_pred = n_gold = 0
    for (spans, _, _, rule_cls, allowed, keys, gold), p in zip(rows, probs, strict=True):
        n_gold += len(gold)
        if policy is None:  # the rules alone
            chosen = [(spans[i][0], spans[i][1], int(c)) for i, c in enumerate(rule_cls) if c]
            index = {(s, e): i for i, (s, e) in enumerate(spans)}
            picked = [keys[index[(s, e)]][c] for s, e, c in chosen]
        else:
            chosen = learn_mentions.decode(p, rule_cls, allowed, spans, policy)
            index = {(s, e): i for i, (s, e) in enumerate(spans)}
            picked = [keys[index[(s, e)]][c] for s, e, c in chosen]
        n_pred += len(set(picked))
        tp += len(set(picked) & set(gold))
    pr, rc = tp / max(n_pred, 1), tp / max(n_gold, 1)
    return pr, rc, 2 * pr * rc / (pr + rc) if pr + rc else 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("train")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "kg"
                                         / learn_mentions.MODEL))
    args = ap.parse_args()
    rows = build(args.train)
    feats = [f for r in rows for f in r[1]]
    y = np.concatenate([r[2] for r in rows]) if rows else np.zeros(0, np.intp)
    counts: dict[str, int] = {}
    for f in feats:
        for x in set(f):
            counts[x] = counts.get(x, 0) + 1
    words = sorted(x for x, c in counts.items() if c >= 2)
    vocab = {x: i for i, x in enumerate(words)}
    n_gold = sum(len(r[6]) for r in rows)
    print(f"{len(rows)} sentences, {len(y)} candidate spans, {int((y > 0).sum())} positive, "
          f"{n_gold} gold spans, {len(words)} features")
    rng = np.random.default_rng(SEED)
    fold_of = rng.integers(0, FOLDS, len(rows))
    sizes = [len(r[0]) for r in rows]
    offsets = np.cumsum([0, *sizes])
    oof = np.zeros((len(y), len(learn_mentions.CLASSES)))
    for k in range(FOLDS):
        tr = np.concatenate([np.arange(offsets[i], offsets[i + 1]) for i in range(len(rows))
                             if fold_of[i] != k] or [np.zeros(0, np.intp)])
        te = np.concatenate([np.arange(offsets[i], offsets[i + 1]) for i in range(len(rows))
                             if fold_of[i] == k] or [np.zeros(0, np.intp)])
        w = train(Design([feats[i] for i in tr], vocab), y[tr], len(words))
        oof[te] = softmax(Design([feats[i] for i in te], vocab).dot(w))
    probs = [oof[offsets[i]:offsets[i + 1]] for i in range(len(rows))]
    p, r, f = span_f1(rows, probs, None)
    print(f"rules alone: span P {p:.3f} R {r:.3f} F1 {f:.3f}")
    results = []
    for bonus, drop, add in itertools.product(BONUS, DROP, ADD):
        policy = (float(bonus), float(drop), float(add))
        results.append((*span_f1(rows, probs, policy), policy))
    top = max(f for _, _, f, _ in results)
    # the most conservative policy (rules kept the most) within TOLERANCE of the best
    p, r, f, policy = max((x for x in results if x[2] >= top - TOLERANCE),
                          key=lambda x: (x[3][0], x[3][1], x[3][2]))
    print(f"rules + model (out of fold), best F1 {top:.3f}; chosen: bonus {policy[0]:.2f}, "
          f"drop {policy[1]:.2f}, add {policy[2]:.2f}: span P {p:.3f} R {r:.3f} F1 {f:.3f}")
    w = train(Design(feats, vocab), y, len(words))
    np.savez_compressed(args.out, vocab=np.array(words), weights=w.astype(np.float32),
                        policy=np.array(policy))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
