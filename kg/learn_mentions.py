"""A learned entity corrector over the rules' spans (trained; not called by ``mentions``).

``refine(doc, ents)`` takes the ``(start, end, label)`` token spans of
``mentions._corrected`` and returns a list of the same form.  Candidate spans
(the rules', spaCy's, runs of capitalised words and their pieces split at
"of"/"and" or at a known place in front, rule spans with a first or last word
cut off) are scored by a multinomial logistic regression over sparse features
(words, shapes, part of speech, dependency, the rules' and spaCy's labels,
gazetteer hits, neighbouring words); the best non-overlapping spans are kept.
Classes: none, person, organisation, place, nationality, date, other name.

A rule span's own class gets a bonus; dropping one and adding a new span need
the probabilities in the ``policy`` chosen on out-of-fold predictions on train.
Dates, nationalities, countries, news agencies, names the rules typed from
context, and tables of numbers are never changed, and ``_moves`` limits what
the model may do to the rest (see benchmarks/quality.md, run 4: without that
limit the model gains on CoNLL04 but turns today's companies into people).
With the limit it does not beat the rules, so ``mentions`` does not call it.
``scripts/train_mentions.py`` rebuilds ``mentions-v1.npz`` from the CoNLL04
*train* split alone (NumPy only, fixed seed).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import resources

import numpy as np
from spacy import attrs
from spacy.symbols import PROPN, PUNCT, SYM
from spacy.tokens import Doc

from . import gazetteer
from .mentions import TITLE_HEADS as _TITLES

__all__ = ["CLASSES", "MODEL", "candidates", "decode", "disabled", "features", "prepare",
           "probabilities", "refine"]

MODEL = "mentions-v1.npz"
#: Output classes; index 0 is "no entity".
CLASSES = ("", "PERSON", "ORG", "PLACE", "NORP", "DATE", "MISC")
_PLACE = {"GPE", "LOC", "FAC"}
_MISC = {"EVENT", "LAW", "WORK_OF_ART", "PRODUCT"}
#: spaCy labels ``mentions`` works with; other spaCy entities are still candidates.
_USED = {"PERSON", "ORG", "NORP", "DATE"} | _PLACE | _MISC
#: Lower-case words that may sit inside a capitalised name ("Bank of England", "Procter & Gamble").
_JOINERS = {"of", "and", "&", "for", "de", "del", "la", "von", "van", "du", "da", "der"}
_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame"}
_CALENDAR = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?|january|february|march|"
    r"april|june|july|august|september|october|november|december|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|\b1\d\d\d\b|\b20\d\d\b", re.I)
_DIGIT = re.compile(r"\d")
_MAX_LEN = 8  # tokens in a candidate span
_STATE = {"on": True}
_GUARDS = {"labels": {"DATE", "NORP"}, "context": True, "tables": True, "moves": True}


def cls_of(label: str) -> int:
    """The class index of a spaCy-style label (0 for labels outside the classes)."""
    if label in _PLACE:
        return 3
    if label in _MISC:
        return 6
    return CLASSES.index(label) if label in CLASSES[1:] else 0


def _known_place(text: str) -> bool:
    return len(text) > 2 and bool(gazetteer.city(text) or gazetteer.country(text)
                                  or gazetteer.region(text))


def _capish(tok_text: str) -> bool:
    return tok_text[:1].isupper() or (tok_text[:1].isdigit() and any(c.isalpha() for c in tok_text))


class _View:
    """What the features read of a doc, taken out of spaCy once per doc (Python-level token
    access is the expensive part)."""

    __slots__ = ("cap", "dep", "ents", "head", "lemma", "lower", "n", "num", "pos", "punct",
                 "sent0", "space", "strings", "text", "ws")

    def __init__(self, doc: Doc) -> None:
        raw = doc.to_array([attrs.POS, attrs.HEAD, attrs.DEP, attrs.LEMMA, attrs.SENT_START,
                            attrs.LIKE_NUM, attrs.IS_PUNCT, attrs.IS_SPACE, attrs.ORTH, attrs.SPACY,
                            attrs.ENT_IOB, attrs.ENT_TYPE])
        arr = raw.astype(np.int64)  # heads are signed offsets; hashes stay in ``raw``
        self.n = n = len(doc)
        self.strings = strings = doc.vocab.strings
        self.text = [strings[h] for h in raw[:, 8].tolist()]
        self.ws = (arr[:, 9] == 1).tolist()
        self.lower = [w.lower() for w in self.text]
        self.pos = arr[:, 0].tolist()
        self.head = (arr[:, 1] + np.arange(n)).tolist()
        self.dep, self.lemma = raw[:, 2].tolist(), raw[:, 3].tolist()
        self.sent0 = (arr[:, 4] == 1).tolist()
        if n:
            self.sent0[0] = True
        self.num, self.punct, self.space = (arr[:, 5] == 1).tolist(), (arr[:, 6] == 1).tolist(), (
            arr[:, 7] == 1).tolist()
        self.ents: list[tuple[int, int, str]] = []
        start = -1
        for i, iob in enumerate([*arr[:, 10].tolist(), 2]):
            if start >= 0 and iob != 1:
                self.ents.append((start, i, strings[raw[start, 11]]))
                start = -1
            if iob == 3:
                start = i

    def span_text(self, s: int, e: int) -> str:
        if e - s == 1:
            return self.text[s]
        text, ws = self.text, self.ws
        return "".join([text[i] + " " if ws[i] else text[i] for i in range(s, e - 1)]) + text[e - 1]

    def root(self, s: int, e: int) -> int:
        for i in range(s, e):
            if not s <= self.head[i] < e or self.head[i] == i:
                return i
        return s


def candidates(doc: Doc, ents: Sequence[tuple[int, int, str]],
               view: _View | None = None) -> list[tuple[int, int]]:
    """Candidate token spans, in text order: the rules' spans, spaCy's, capitalised runs and
    their pieces, and the rules' multi-word spans with a first or last word cut off."""
    v = view or _View(doc)
    text, lower, pos = v.text, v.lower, v.pos
    spans: set[tuple[int, int]] = set()
    for s, e, _ in ents:
        spans.add((s, e))
        if 2 <= e - s <= _MAX_LEN:
            spans.update(((s + 1, e), (s, e - 1)))
    for s, e, label in v.ents:
        if label in _USED and e - s <= _MAX_LEN:
            spans.add((s, e))
    for s, e in [sp for sp in spans if sp[1] - sp[0] >= 2]:  # "Kiev PRAVDA UKRAINY", "Sofia BTA"
        for k in (1, 2):
            if e - s > k and text[s + k][:1].isupper() and _known_place(v.span_text(s, s + k)):
                spans.update(((s, s + k), (s + k, e)))
    n = v.n
    cap = [_capish(w) for w in text]
    i = 0
    while i < n:
        if not (pos[i] == PROPN or (cap[i] and not v.sent0[i] and text[i].isalpha())):
            i += 1
            continue
        j, pieces, start = i + 1, [], i
        while j < n:
            if pos[j] == PROPN or (cap[j] and pos[j] not in (PUNCT, SYM)):
                j += 1
            elif lower[j] in _JOINERS and j + 1 < n and pos[j + 1] == PROPN:
                pieces.append((start, j))
                start = j + 1
                j += 2
            else:
                break
        if j - i <= _MAX_LEN:
            spans.add((i, j))
            if pieces:
                spans.update(pieces)
                spans.add((start, j))
            if j - i >= 2 and (v.sent0[i] or lower[i] in _HONORIFICS):
                spans.add((i + 1, j))
        i = j
    return sorted(sp for sp in spans if sp[0] < sp[1] and not v.space[sp[0]])


def _shape(text: str) -> str:
    if text.isupper():
        return "XX" if len(text) > 1 else "X"
    if text[:1].isupper():
        return "Xx." if text.endswith(".") else "Xx"
    if text[:1].isdigit():
        return "d"
    return "x" if text[:1].isalpha() else text[:2]


@functools.lru_cache(maxsize=65536)
def _gaz(text: str) -> str:
    if len(text) < 2:
        return ""
    return ("c" if gazetteer.country(text) else "") + ("r" if gazetteer.region(text) else "") + (
        "t" if gazetteer.city(text) else "") + ("d" if gazetteer.demonym_country(text) else "") + (
        "a" if gazetteer.news_agency(text) else "")


def features(doc: Doc, ents: Sequence[tuple[int, int, str]], spans: Sequence[tuple[int, int]],
             view: _View | None = None) -> list[list[str]]:
    """The sparse features of every candidate span, as strings."""
    v = view or _View(doc)
    lower, text, strings = v.lower, v.text, v.strings
    pos = [strings[x] for x in v.pos] if v.n else []
    rule_at = {(s, e): lab for s, e, lab in ents}
    rule_tok = {i: (s, e, lab) for s, e, lab in ents for i in range(s, e)}
    sp_at = {(s, e): lab for s, e, lab in v.ents}
    sp_tok = {i: (s, e, lab) for s, e, lab in v.ents for i in range(s, e)}
    surnames = {text[e - 1] for s, e, lab in ents if lab == "PERSON" and e - s >= 2}
    firsts = {text[s] for s, e, lab in ents if lab == "PERSON" and e - s >= 2}
    n = v.n
    shapes = {i: _shape(text[i]) for s, e in spans for i in range(s, min(e, s + 4))}
    out: list[list[str]] = []
    for s, e in spans:
        r = rule_at.get((s, e), "-")
        sp = sp_at.get((s, e), "-")
        words = lower[s:e]
        joined = v.span_text(s, e)
        last = words[-1]
        l1 = lower[s - 1] if s else "<s>"
        r1 = lower[e] if e < n else "</s>"
        shp = " ".join([shapes[i] for i in range(s, min(e, s + 4))])
        f = [f"r={r}", f"s={sp}", f"len={min(e - s, 5)}|{r}", f"w0={words[0]}",
             f"wl={last}", f"suf={last[-3:]}", f"shp={shp}",
             f"pos={' '.join(pos[s:e][:4])}", f"l1={l1}",
             f"l2={lower[s - 2] if s > 1 else '<s>'}", f"r1={r1}",
             f"r2={lower[e + 1] if e + 1 < n else '</s>'}", f"l1r={l1}|{r}", f"r1r={r1}|{r}"]
        f += [f"w={x}" for x in words[1:-1][:4]]
        if e - s <= 4:
            f.append(f"t={' '.join(words)}")
        if r == "-":
            ov = rule_tok.get(s) or rule_tok.get(e - 1)
            if ov:
                inside, around = ov[0] <= s and e <= ov[1], s <= ov[0] and ov[1] <= e
                rel = "in" if inside else "out" if around else "x"
                f.append(f"ro={ov[2]}|{rel}")
            else:
                f.append("ro=none")
        if sp == "-":
            ov = sp_tok.get(s) or sp_tok.get(e - 1)
            f.append(f"so={ov[2]}" if ov else "so=none")
        g = _gaz(joined)
        f.append(f"g={g}|{r}")
        if e - s >= 2:
            f.append(f"g0={_gaz(text[s])}")
        root = v.root(s, e)
        dep = strings[v.dep[root]]
        hd = f"hd={strings[v.lemma[v.head[root]]].lower()}|{dep}"
        f += [f"dep={dep}|{r}", hd]
        if s and (lower[s - 1] in _TITLES or lower[s - 1] in _HONORIFICS):
            f.append(f"title|{r}")
        if e - s == 1 and text[s] in firsts:
            f.append("firstname")
        if v.sent0[s]:
            f.append("sent0")
        if joined.isupper() and len(joined) > 3:
            f.append("caps")
        if _DIGIT.search(joined):
            f.append("digit")
        if _CALENDAR.search(joined):
            f.append("cal")
        if e - s == 1 and text[s] in surnames:
            f.append("surname")
        if not text[s][:1].isupper():
            f.append(f"lower0|{r}")
        out.append(f)
    return out


@functools.cache
def _model() -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    with resources.files("kg").joinpath(MODEL).open("rb") as fh:
        data = np.load(fh, allow_pickle=False)
        vocab = {str(w): i for i, w in enumerate(data["vocab"])}
        return vocab, data["weights"].astype(np.float64), data["policy"].astype(np.float64)


def probabilities(feats: Sequence[Sequence[str]]) -> np.ndarray:
    """Class probabilities, one row per feature list (the order of ``CLASSES``)."""
    vocab, weights, _ = _model()
    rows: list[int] = []
    ptr = [0]
    get = vocab.get
    for f in feats:
        rows += [k for k in map(get, f) if k is not None]
        ptr.append(len(rows))
    logits = np.zeros((len(feats), weights.shape[1]))
    if rows:
        idx = np.asarray(rows, dtype=np.intp)
        counts = np.diff(ptr)
        sums = np.add.reduceat(weights[idx], np.asarray(ptr[:-1], dtype=np.intp).clip(
            max=len(idx) - 1), axis=0)
        logits += np.where(counts[:, None] > 0, sums, 0.0)
    logits += weights[-1]
    logits -= logits.max(axis=1, keepdims=True)
    np.exp(logits, out=logits)
    return logits / logits.sum(axis=1, keepdims=True)


def _table_rows(v: _View) -> set[int]:
    """Tokens of sentences that are mostly numbers: results and league tables, price lists."""
    rows: set[int] = set()
    starts = [i for i in range(v.n) if v.sent0[i]] + [v.n]
    for a, b in itertools.pairwise(starts):
        words = [i for i in range(a, b) if not (v.punct[i] or v.space[i])]
        if len(words) >= 4 and sum(v.num[i] for i in words) * 10 >= 3 * len(words):
            rows.update(range(a, b))
    return rows


def _protected(text: str, label: str, spacy_label: str) -> bool:
    """Rule spans the model may not drop or retype: dates, nationalities, countries, news
    agencies, and names whose type the rules took from the context rather than from spaCy."""
    if label in _GUARDS["labels"] or gazetteer.country(text) or gazetteer.news_agency(text):
        return True
    return bool(_GUARDS["context"]) and spacy_label != label


def _moves(text: str, label: str) -> set[int]:
    """The classes the model may give an unprotected rule span (0: drop it).

    Trained on 1990s wire copy, the model takes an unknown one-word name for a
    person and drops names the dataset leaves unlabelled (newspapers, products);
    on today's news both are mostly wrong ("Microsoft said").  So it may make a
    name an organisation, a place only if the gazetteer knows the place, and drop
    only a "place" the gazetteer does not know ("Broadband", "Games")."""
    known = _known_place(text)
    moves = {cls_of(label), 2} | ({3} if known else set())
    if label == "GPE" and not known:
        moves.add(0)
    return moves


def prepare(doc: Doc, ents: Sequence[tuple[int, int, str]], view: _View | None = None
            ) -> tuple[list[tuple[int, int]], np.ndarray, np.ndarray]:
    """Candidate spans, the class the rules gave each (0: none) and the classes the model
    may choose for each (a mask; a protected rule span may keep only its own class).  In
    table rows only the rules' spans are candidates, and they are protected; spans
    overlapping a protected one, or starting with an honorific, are left out."""
    v = view or _View(doc)
    rule_at = {(s, e): lab for s, e, lab in ents}
    rows = _table_rows(v) if _GUARDS["tables"] else set()
    sp_at = {(s, e): lab for s, e, lab in v.ents}
    fixed = {sp for sp, lab in rule_at.items()
             if sp[0] in rows or _protected(v.span_text(*sp), lab, sp_at.get(sp, ""))}
    frozen = {i for s, e in fixed for i in range(s, e)} | rows
    spans = [sp for sp in candidates(doc, ents, v)
             if sp in fixed or sp in rule_at or not (
                 any(i in frozen for i in range(*sp)) or v.lower[sp[0]] in _HONORIFICS)]
    rule_cls = np.array([cls_of(rule_at.get(sp, "")) for sp in spans], dtype=np.intp)
    allowed = np.ones((len(spans), len(CLASSES)), dtype=bool)
    allowed[rule_cls == 0, 0] = False
    for k, sp in enumerate(spans):
        if sp in fixed:
            allowed[k] = False
            allowed[k, rule_cls[k]] = True
        elif sp in rule_at and _GUARDS["moves"]:
            allowed[k] = False
            allowed[k, list(_moves(v.span_text(*sp), rule_at[sp]))] = True
    return spans, rule_cls, allowed


def decode(probs: np.ndarray, rule_cls: np.ndarray, allowed: np.ndarray,
           spans: Sequence[tuple[int, int]], policy: Sequence[float]) -> list[tuple[int, int, int]]:
    """The chosen ``(start, end, class)`` spans: best first, never overlapping.

    ``policy`` is ``(bonus, drop, add)``.  A rule span's own class gets ``bonus``
    added; the span takes the best allowed class, and is dropped only if "no
    entity" is best with a probability of ``drop`` or more.  A span no rule found
    becomes an entity of its best class if that class's probability is ``add`` or
    more.  A rule span allowed only its own class is kept before anything else.
    """
    bonus, drop, add = policy[:3]
    rows = np.arange(len(spans))
    ruled = rule_cls > 0
    adj = probs.copy()
    adj[ruled, rule_cls[ruled]] += bonus
    adj[~allowed] = -np.inf
    lab = adj.argmax(axis=1)
    dropped = ruled & (lab == 0) & (probs[:, 0] >= drop)
    lab = np.where(ruled & (lab == 0) & ~dropped, rule_cls, lab)
    best = adj[rows, lab]
    ok = np.where(ruled, ~dropped, (lab > 0) & (best >= add))
    fixed = ruled & (allowed.sum(axis=1) == 1)
    best = np.where(fixed, np.inf, best)
    taken: set[int] = set()
    out = []
    for k in np.argsort(-best, kind="stable"):
        if not ok[k]:
            continue
        s, e = spans[k]
        if any(i in taken for i in range(s, e)):
            continue
        taken.update(range(s, e))
        out.append((s, e, int(lab[k])))
    return sorted(out)


def _label(cls: int, rule: str, spacy_label: str) -> str:
    if cls_of(rule) == cls:
        return rule
    if cls_of(spacy_label) == cls and spacy_label in _USED:
        return spacy_label
    return {3: "GPE", 6: "EVENT"}.get(cls, CLASSES[cls])


@contextmanager
def disabled() -> Iterator[None]:
    """Within this block ``refine`` returns the rules' spans unchanged (training, comparisons)."""
    before = _STATE["on"]
    _STATE["on"] = False
    try:
        yield
    finally:
        _STATE["on"] = before


def refine(doc: Doc, ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The rules' ``(start, end, label)`` entity spans, corrected by the learned model."""
    if not _STATE["on"] or len(doc) == 0:
        return ents
    view = _View(doc)
    spans, rule_cls, allowed = prepare(doc, ents, view)
    if not spans:
        return ents
    probs = np.zeros((len(spans), len(CLASSES)))
    free = np.flatnonzero(allowed.sum(axis=1) > 1)
    if len(free):
        probs[free] = probabilities(features(doc, ents, [spans[k] for k in free], view))
    chosen = decode(probs, rule_cls, allowed, spans, _model()[2])
    rule_at = {(s, e): lab for s, e, lab in ents}
    sp_at = {(s, e): lab for s, e, lab in view.ents}
    return [(s, e, _label(c, rule_at.get((s, e), ""), sp_at.get((s, e), ""))) for s, e, c in chosen]
