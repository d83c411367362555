"""Fast token lookups for the extractors: which tokens of a ``Doc`` to look at.

Walking ``for tok in doc`` makes a Python ``Token`` for every word, and the
extractors used to do it a dozen times per article, which cost more than the
rules themselves.  Here a ``Doc``'s attribute columns are read once with
``Doc.to_array`` (C speed) and kept in ``doc.user_data``; the extractors ask
for the few token indices a rule can fire on, and only those become ``Token``
objects.  Word tests run once per distinct word of the article, not per token.
Internal: no stage of its own, no public verb.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_SPACE, LEMMA, LENGTH, LOWER, ORTH, POS
from spacy.tokens import Doc, Span

__all__ = ["DEP", "ENT_TYPE", "LEMMA", "LOWER", "ORTH", "POS", "ancestors", "bounds", "column", "dep_path",
           "pos_ids", "root", "select", "sentence_chars", "sentence_ids", "sentences", "span", "strings",
           "text", "unnamed", "whole_text"]

_KEY = "kg._tokens"


def _cache(doc: Doc) -> dict[object, object]:
    cache = doc.user_data.get(_KEY)
    if cache is None or cache.get("n") != len(doc):  # type: ignore[union-attr]
        cache = doc.user_data[_KEY] = {"n": len(doc)}
    return cache  # type: ignore[return-value]


def column(doc: Doc, attr: int) -> np.ndarray:
    """One attribute (``ORTH``, ``LOWER``, ``LEMMA``, ``POS``, ``ENT_TYPE``) of every token."""
    cache = _cache(doc)
    col = cache.get(attr)
    if col is None:
        col = cache[attr] = doc.to_array([attr]).reshape(-1) if len(doc) else np.zeros(0, np.uint64)
    return col  # type: ignore[return-value]


def pos_ids(doc: Doc, *tags: str) -> list[int]:
    """The ids ``column(doc, POS)`` holds for the universal POS ``tags``."""
    return [doc.vocab.strings[t] for t in tags]


def _words(doc: Doc, attr: int, fold: bool) -> tuple[list[str], np.ndarray]:
    """The distinct strings of ``attr`` in ``doc`` and, per token, which one it has."""
    cache = _cache(doc)
    key = ("words", attr, fold)
    hit = cache.get(key)
    if hit is None:
        uniq, inverse = np.unique(column(doc, attr), return_inverse=True)
        strings = doc.vocab.strings
        texts = [strings[h] if h else "" for h in uniq.tolist()]
        hit = cache[key] = ([t.lower() for t in texts] if fold else texts, inverse.reshape(-1))
    return hit  # type: ignore[return-value]


def strings(doc: Doc, attr: int, *, fold: bool = False) -> list[str]:
    """Each token's ``attr`` as a string (``DEP``: ``dep_``; ``LEMMA`` with ``fold``:
    ``lemma_.lower()``), without making ``Token`` objects."""
    cache = _cache(doc)
    key = ("strings", attr, fold)
    hit = cache.get(key)
    if hit is None:
        texts, inverse = _words(doc, attr, fold)
        hit = cache[key] = [texts[k] for k in inverse.tolist()]
    return hit  # type: ignore[return-value]


def ancestors(doc: Doc, i: int) -> list[int]:
    """Token ``i`` and the indices of its syntactic heads up to the root: ``[i, *ancestors]``."""
    cache = _cache(doc)
    chains: dict[int, list[int]] | None = cache.get("ancestors")  # type: ignore[assignment]
    if chains is None:
        chains = cache["ancestors"] = {}
    chain = chains.get(i)
    if chain is None:
        heads: list[int] | None = cache.get("heads")  # type: ignore[assignment]
        if heads is None:
            rel = column(doc, HEAD).astype(np.int64)  # offsets to the head, stored unsigned
            heads = cache["heads"] = (np.arange(len(doc), dtype=np.int64) + rel).tolist()
        chain = chains[i] = [i]
        while heads[i] != i and len(chain) <= len(heads):
            i = heads[i]
            chain.append(i)
    return chain


def dep_path(doc: Doc, a: int, b: int) -> tuple[list[int], list[int], int | None]:
    """The tree path between tokens ``a`` and ``b``: the tokens from ``a`` up to (not including)
    their lowest common head, the same from ``b``, and that head (``None``: different trees)."""
    cache = _cache(doc)
    paths: dict[tuple[int, int], tuple[list[int], list[int], int | None]] | None = \
        cache.get("paths")  # type: ignore[assignment]
    if paths is None:
        paths = cache["paths"] = {}
    hit = paths.get((a, b))
    if hit is None:
        up_a, up_b = ancestors(doc, a), ancestors(doc, b)
        where_b = {t: n for n, t in enumerate(up_b)}
        hit = ([], [], None)
        for n, t in enumerate(up_a):
            if t in where_b:
                hit = (up_a[:n], up_b[:where_b[t]], t)
                break
        paths[(a, b)] = hit
    return hit


def _index(doc: Doc, attr: int, fold: bool) -> dict[str, list[int]]:
    """Each distinct string of ``attr`` in ``doc`` -> its numbers in ``_words`` (more than one
    where ``fold`` lower-cased two strings alike: "Call", "call")."""
    cache = _cache(doc)
    key = ("index", attr, fold)
    hit = cache.get(key)
    if hit is None:
        texts = _words(doc, attr, fold)[0]
        if fold:
            hit = {}
            for n, t in enumerate(texts):
                hit.setdefault(t, []).append(n)
        else:  # the strings of distinct hashes are distinct
            hit = {t: [n] for n, t in enumerate(texts)}
        cache[key] = hit
    return hit  # type: ignore[return-value]


def _pos_mask(doc: Doc, pos: tuple[str, ...]) -> np.ndarray:
    """Which tokens have a universal POS in ``pos``, remembered (rules ask for the same few)."""
    cache = _cache(doc)
    key = ("pos", pos)
    hit = cache.get(key)
    if hit is None:
        col = column(doc, POS)
        hit = np.zeros(len(col), bool)
        for tag in pos_ids(doc, *pos):
            hit |= col == tag
        cache[key] = hit
    return hit  # type: ignore[return-value]


def select(doc: Doc, attr: int, test: Collection[str] | Callable[[str], object], *,
           fold: bool = False, pos: Collection[str] = ()) -> list[int]:
    """Indices of the tokens whose ``attr`` string passes ``test`` (a set of words or a
    predicate), lower-cased first if ``fold``, optionally only tokens with a POS in ``pos``."""
    if not len(doc):
        return []
    texts, inverse = _words(doc, attr, fold)
    wanted = _pos_mask(doc, tuple(pos)) if pos else None
    if callable(test):
        # the distinct strings to test: only those of tokens with a wanted POS
        which = np.unique(inverse[wanted]).tolist() if wanted is not None else range(len(texts))
        hits = [n for n in which if test(texts[n])]
    elif len(test) < len(texts):  # look the few words up rather than test every distinct one
        index = _index(doc, attr, fold)
        hits = [n for ns in map(index.get, test) if ns is not None for n in ns]
    else:
        hits = [n for n, t in enumerate(texts) if t in test]
    if not hits:
        return []
    ok = np.zeros(len(texts), bool)
    ok[hits] = True
    hit = ok[inverse]
    if wanted is not None:
        hit &= wanted
    return np.flatnonzero(hit).tolist()


def bounds(doc: Doc, start: int, end: int, mode: str = "strict") -> tuple[int, int] | None:
    """The token bounds of ``doc.char_span(start, end, alignment_mode=mode)``, remembered:
    every stage asks for the spans of the same mentions."""
    cache = _cache(doc)
    key = (start, end, mode)
    hit = cache.get(key, False)
    if hit is False:  # token bounds, not the Span: a Span in user_data would keep the Doc alive
        found = doc.char_span(start, end, alignment_mode=mode)
        hit = cache[key] = None if found is None else (found.start, found.end)
    return hit  # type: ignore[return-value]


def span(doc: Doc, start: int, end: int, mode: str = "strict") -> Span | None:
    """``doc.char_span(start, end, alignment_mode=mode)`` (see ``bounds``)."""
    found = bounds(doc, start, end, mode)
    return None if found is None else doc[found[0]:found[1]]


def root(doc: Doc, start: int, end: int, mode: str = "strict") -> int | None:
    """The index of the syntactic root of ``span(doc, start, end, mode)``, remembered."""
    cache = _cache(doc)
    key = ("root", start, end, mode)
    hit = cache.get(key, False)
    if hit is False:
        found = span(doc, start, end, mode)
        hit = cache[key] = None if found is None else found.root.i
    return hit  # type: ignore[return-value]


def unnamed(doc: Doc, *tags: str) -> list[int]:
    """Indices of the tokens with a POS in ``tags`` that are outside every named entity."""
    hit = _pos_mask(doc, tags) & (column(doc, ENT_TYPE) == 0)
    return np.flatnonzero(hit).tolist()


def _chars(doc: Doc) -> tuple[list[int], list[int], str]:
    cache = _cache(doc)
    chars = cache.get("chars")
    if chars is None:
        idx = column(doc, IDX)
        chars = cache["chars"] = (idx.tolist(), (idx + column(doc, LENGTH)).tolist(), doc.text)
    return chars  # type: ignore[return-value]  # doc.text joins every token: once


def text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` without making the ``Span`` and its ``Token`` objects."""
    if start >= end:
        return ""
    begin, stop, whole = _chars(doc)
    return whole[begin[start]:stop[end - 1]]


def whole_text(doc: Doc) -> str:
    """``doc.text``, which spaCy joins anew from every token at each call, made once."""
    return _chars(doc)[2]


def sentences(doc: Doc) -> list[tuple[int, int]]:
    """The ``(start, end)`` token bounds of each sentence, in order."""
    cache = _cache(doc)
    sents = cache.get("sents")
    if sents is None:
        sents = cache["sents"] = [(s.start, s.end) for s in doc.sents]
    return sents  # type: ignore[return-value]


def sentence_ids(doc: Doc) -> list[int]:
    """For each token, the number of its sentence (0 for the first)."""
    cache = _cache(doc)
    ids = cache.get("sent_ids")
    if ids is None:
        sents = sentences(doc)
        ids = cache["sent_ids"] = np.repeat(np.arange(len(sents)), [e - s for s, e in sents]).tolist()
    return ids  # type: ignore[return-value]


def sentence_chars(doc: Doc, i: int) -> tuple[int, int]:
    """The character bounds of token ``i``'s sentence, without the whitespace around it."""
    cache = _cache(doc)
    chars: dict[int, tuple[int, int]] | None = cache.get("sent_chars")  # type: ignore[assignment]
    if chars is None:
        chars = cache["sent_chars"] = {}
    n = sentence_ids(doc)[i]
    hit = chars.get(n)
    if hit is None:
        start, end = sentences(doc)[n]
        words = np.flatnonzero(column(doc, IS_SPACE)[start:end] == 0)
        idx, length = column(doc, IDX), column(doc, LENGTH)
        if len(words):
            first, last = start + int(words[0]), start + int(words[-1])
            hit = (int(idx[first]), int(idx[last] + length[last]))
        else:
            hit = (int(idx[start]), int(idx[end - 1] + length[end - 1]))
        chars[n] = hit
    return hit
