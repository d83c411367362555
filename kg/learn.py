"""A learned relation classifier: adds the relations between two names that the rules miss.

Every ordered pair of named mentions in one sentence whose types fit one of
``worksFor``, ``killed``, ``basedIn``, ``livesIn`` or ``locatedIn`` is a
candidate.  A multinomial logistic regression over sparse features of the pair
(the two types, the dependency path between their heads, the words between
them, the word each name hangs from, the words around and ending each name,
the kinds of names between them, the rules that already joined them, what the
gazetteer knows of the names) scores it.  The weights are in
``relations-v1.npz`` next to this file; ``scripts/train_relations.py``
rebuilds them from the CoNLL04 *train* split alone (a few CPU minutes, NumPy
only).  The confidence of a prediction is the precision measured, by
cross-validation on train, for predictions of that probability (made monotone
in the probability), so it is calibrated like a rule's.

``candidates`` and ``features`` are shared by training and prediction;
``predict`` is the one verb ``relate`` calls.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from importlib import resources

import numpy as np
from rdflib import URIRef
from spacy.tokens import Doc, Span

from . import _tokens, gazetteer
from .types import Mention
from .vocab import KG

__all__ = ["CALIBRATION", "CLASSES", "MODEL", "RULE", "calibrated", "candidates", "features",
           "predict", "scores", "thresholds"]

MODEL = "relations-v1.npz"
#: Measured precision of each rule's relations per property, from ``scripts/calibrate.py``.
CALIBRATION = "confidence-v1.json"
RULE = "model:relations-v1"
#: Output classes; index 0 is "no relation".
CLASSES: tuple[URIRef | None, ...] = (None, KG.worksFor, KG.killed, KG.basedIn, KG.livesIn,
                                      KG.locatedIn)
_PLACE = {"GPE", "LOC", "FAC"}
#: (subject label group, object label group) -> the only class the pair can take.
_FITS = {("PER", "ORG"): KG.worksFor, ("PER", "PER"): KG.killed, ("ORG", "PLACE"): KG.basedIn,
         ("PER", "PLACE"): KG.livesIn, ("PLACE", "PLACE"): KG.locatedIn}


#: A person-person pair is a ``killed`` candidate only in a sentence with one of these lemmas.
_KILLING = {"kill", "killing", "killer", "murder", "murderer", "assassinate", "assassination",
            "assassin", "slay", "slaying", "slayer", "shoot", "shooting", "gunman", "execute",
            "stab", "strangle", "behead", "poison", "bomb", "death", "die", "dead", "slain"}


#: Two names joined only through another clause ("Akar said Turkey is ready") are not a pair.
_CLAUSES = {"ccomp^", "ccompv", "parataxis^", "parataxisv", "advcl^", "advclv", "csubj^", "csubjv"}


def _group(label: str) -> str:
    return "PER" if label == "PERSON" else "ORG" if label == "ORG" else "PLACE" if label in _PLACE else ""


def candidates(doc: Doc, mentions: Sequence[Mention]) -> Iterator[tuple[Mention, Mention, Span, Span]]:
    """Ordered pairs of named mentions in one sentence whose types fit a scored property."""
    by_sentence: dict[int, list[tuple[Mention, Span, int]]] = {}
    spans = []
    for m in mentions:
        if _group(m.label):
            span = _tokens.span(doc, m.start, m.end, "expand")
            if span is not None:
                spans.append((m, span, span.root.i))
                by_sentence.setdefault(m.sent, []).append(spans[-1])
    if not spans:
        return
    sent_of = _tokens.sentence_ids(doc)
    killing = {sent_of[i] for i in {*_tokens.select(doc, _tokens.LEMMA, _KILLING),
                                    *_tokens.select(doc, _tokens.LOWER, _KILLING)}} \
        if sum(1 for m, _, _ in spans if m.label == "PERSON") > 1 else set()
    for a, sa, ra in spans:
        for b, sb, rb in by_sentence[a.sent]:
            if a.label == b.label == "PERSON" and sent_of[sa.start] not in killing:
                continue
            if a is not b and (_group(a.label), _group(b.label)) in _FITS \
                    and (sa.start, sa.end) != (sb.start, sb.end) and not (sa.start < sb.end and sb.start < sa.end) \
                    and not _CLAUSES.intersection(_path(doc, ra, rb)[0]):
                yield a, b, sa, sb


def _path(doc: Doc, a: int, b: int) -> tuple[list[str], list[str], int | None]:
    """The dependency path between tokens ``a`` and ``b``: the labels going up from ``a``
    (``dep^``) then down to ``b`` (``depv``), the lemmas strictly between, and the top token."""
    up_a, up_b, top = _tokens.dep_path(doc, a, b)  # both empty when ``top`` is None
    dep = _tokens.strings(doc, _tokens.DEP)
    lemma = _tokens.strings(doc, _tokens.LEMMA, fold=True)
    return ([f"{dep[x]}^" for x in up_a] + [f"{dep[x]}v" for x in reversed(up_b)],
            [lemma[x] for x in up_a[1:]] + [lemma[x] for x in up_b[1:]], top)


@functools.lru_cache(maxsize=8192)
def _gaz(text: str) -> str:
    return ("c" if gazetteer.country(text) else "") + ("r" if gazetteer.region(text) else "") + (
        "t" if gazetteer.city(text) else "")


def features(doc: Doc, a: Mention, b: Mention, sa: Span, sb: Span, rules: Sequence[str]) -> list[str]:
    """The sparse features of the ordered pair (``a`` subject, ``b`` object) as strings."""
    tp = f"{a.label}>{b.label}"
    deps, lemmas, top = _path(doc, sa.root.i, sb.root.i)
    lower = _tokens.strings(doc, _tokens.LOWER)
    lemma = _tokens.strings(doc, _tokens.LEMMA, fold=True)
    dep_path = "/".join(deps)
    lo, hi = (sa.end, sb.start) if sa.start < sb.start else (sb.end, sa.start)
    between = range(lo, max(lo, hi))
    f = [f"tp={tp}", f"order={sa.start < sb.start}|{tp}", f"path={dep_path}|{tp}",
         f"plen={min(len(deps), 6)}|{tp}", f"dist={min(len(between), 10)}", f"ga={_gaz(a.text)}|{tp}",
         f"gb={_gaz(b.text)}|{tp}", f"arole={bool(a.role)}|{tp}", f"adep={a.dep}|{tp}", f"bdep={b.dep}|{tp}"]
    if len(deps) <= 5:
        f.append(f"lpath={dep_path}|{'/'.join(lemmas)}|{tp}")
    f += [f"pl={x}|{tp}" for x in lemmas]
    if top is not None:
        f.append(f"top={lemma[top]}|{tp}")
    if len(between) <= 8:
        words = [lower[i] for i in between]
        f.append(f"btw={' '.join(words)}|{tp}")
        f += [f"bw={w}|{tp}" for w in words]
    else:
        f += [f"bwfar={lemma[i]}" for i in [*between[:3], *between[-3:]]]
    if sa.start > 0:
        f.append(f"pre_a={lower[sa.start - 1]}|{tp}")
    if sb.end < len(doc):
        f.append(f"post_b={lower[sb.end]}|{tp}")
    if a.role:
        f += [f"role={w.lower()}|{tp}" for w in a.role.split()]
    dep = _tokens.strings(doc, _tokens.DEP)
    ha, hb = sa.root.head.i, sb.root.head.i
    f += [f"ahead={dep[sa.root.i]}>{lemma[ha]}|{tp}", f"bhead={dep[sb.root.i]}>{lemma[hb]}|{tp}"]
    f += [f"alast={lower[sa.end - 1]}|{tp}", f"blast={lower[sb.end - 1]}|{tp}"]
    ent = _tokens.strings(doc, _tokens.ENT_TYPE)
    f.append(f"bent={'/'.join(sorted({ent[i] for i in between if ent[i]}))}|{tp}")
    if sb.start > 0:
        f.append(f"pre_b={lower[sb.start - 1]}|{tp}")
    if sa.end < len(doc):
        f.append(f"post_a={lower[sa.end]}|{tp}")
    f += [f"rule={r}" for r in rules] or ["rule=none"]
    return f


@functools.cache
def _model() -> tuple[dict[str, int], np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    with resources.files("kg").joinpath(MODEL).open("rb") as fh:
        data = np.load(fh, allow_pickle=False)
        vocab = {str(w): i for i, w in enumerate(data["vocab"])}
        return vocab, data["weights"], data["bins"], data["precision"], data["threshold"]


def scores(feats: Sequence[Sequence[str]]) -> np.ndarray:
    """Class probabilities, one row per feature list."""
    vocab, weights, *_ = _model()
    out = np.zeros((len(feats), weights.shape[1]), dtype=np.float64)
    for n, f in enumerate(feats):
        rows = [vocab[x] for x in f if x in vocab]
        out[n] = weights[-1] + weights[rows].sum(axis=0)
    out -= out.max(axis=1, keepdims=True)
    np.exp(out, out=out)
    return out / out.sum(axis=1, keepdims=True)


def thresholds() -> tuple[float, float]:
    """``(keep, add)``: a rule's relation stays at probability ``keep`` or more; a pair no rule
    joined becomes a relation at ``add`` or more (both chosen on train, see the module doc)."""
    keep, add = _model()[4]
    return float(keep), float(add)


def predict(doc: Doc, mentions: Sequence[Mention], rules: dict[tuple[Mention, Mention], list[str]]
            ) -> dict[tuple[Mention, Mention], tuple[URIRef, float, float]]:
    """``(subject, object) -> (property, probability, confidence)`` for every candidate pair.

    ``rules`` maps a pair to the ``"property:rule"`` names of the rule relations
    already found between them (features of the pair).  The confidence is the
    precision measured on train for added pairs of that probability.
    """
    pairs = list(candidates(doc, mentions))
    if not pairs:
        return {}
    probs = scores([features(doc, a, b, sa, sb, rules.get((a, b), ())) for a, b, sa, sb in pairs])
    _, _, bins, precision, _ = _model()
    out: dict[tuple[Mention, Mention], tuple[URIRef, float, float]] = {}
    for (a, b, _, _), p in zip(pairs, probs, strict=True):
        fit = _FITS[(_group(a.label), _group(b.label))]
        k = CLASSES.index(fit)
        prob = float(p[k] / (p[k] + p[0]))
        n = int(np.searchsorted(bins, prob, side="right")) - 1
        conf = float(precision[min(max(n, 0), len(precision) - 1)])
        out[(a, b)] = (fit, prob, conf)
    return out


@functools.cache
def _calibration() -> dict[str, float]:
    import json

    data = json.loads(resources.files("kg").joinpath(CALIBRATION).read_text(encoding="utf-8"))
    return {k: float(v) for k, v in data["confidence"].items()}


def calibrated(predicate: URIRef, rule: str, confidence: float) -> float:
    """The confidence of a rule's relation as measured on labelled data, else ``confidence``.

    ``scripts/calibrate.py`` measured, on the CoNLL04 train and dev splits, how
    often each rule's relations of each scored property are right (shrunk
    towards the rule's own confidence where it fired only a few times).
    """
    return _calibration().get(f"{predicate.split('#')[-1]} {rule}", confidence)
