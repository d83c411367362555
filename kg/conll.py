"""Readers for the two labelled evaluation formats, without spaCy.

* CoNLL04 in the SpERT JSON layout: a list of ``{tokens, entities: [{type,
  start, end}], relations: [{type, head, tail}]}``, spans in tokens, ``end``
  exclusive, ``head``/``tail`` indexing ``entities``.
* CoNLL-2003: ``token POS chunk NER`` per line, IOB1 tags, a blank line
  between sentences and ``-DOCSTART-`` between documents (CRLF or LF).

Both give ``Example`` records: the gold tokens with their gold spans.
``words_and_spaces`` turns PTB-style tokens back into readable text;
``gold_offsets`` gives that text with each gold token's characters, and
``to_tokens`` maps characters back to gold token indices.
"""

from __future__ import annotations

import bisect
import itertools
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

__all__ = ["Example", "GoldRelation", "GoldSpan", "gold_offsets", "iob1_chunks", "read_conll04",
           "read_conll2003", "to_tokens", "words_and_spaces"]


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """A typed token span, ``end`` exclusive."""

    start: int
    end: int
    type: str


@dataclass(frozen=True, slots=True)
class GoldRelation:
    """A typed, directed relation between two spans."""

    type: str
    head: GoldSpan
    tail: GoldSpan


@dataclass(frozen=True, slots=True)
class Example:
    """One scoring unit: a CoNLL04 sentence or a CoNLL-2003 document.

    ``sent_starts`` are the token indices where a gold sentence begins.
    """

    id: str
    tokens: tuple[str, ...]
    entities: tuple[GoldSpan, ...]
    relations: tuple[GoldRelation, ...] = ()
    sent_starts: tuple[int, ...] = (0,)


# --- PTB tokens -> text ---------------------------------------------------------------------

#: PTB escapes and quote tokens -> the characters the parser should see.
PTB_CHARS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
             "``": '"', "''": '"', "`": "'", "_": "—"}  # "_" is the AP dateline dash in CoNLL04
_NO_SPACE_BEFORE = {",", ".", ":", ";", "?", "!", "%", ")", "]", "}", "''", "'", "...", "..",
                    "n't", "-RRB-", "-RSB-", "-RCB-"}
_NO_SPACE_AFTER = {"(", "[", "{", "``", "`", "$", "#", "-LRB-", "-LSB-", "-LCB-"}
_CLITIC = re.compile(r"'[A-Za-z]")  # 's 't 're 'll 'd 'm 've, and the O'Brien split: O 'Brien


def words_and_spaces(tokens: Sequence[str]) -> tuple[list[str], list[bool]]:
    """Words and trailing-space flags that read naturally, one word per token.

    >>> words, spaces = words_and_spaces(["``", "He", "did", "n't", "-LRB-", "1", "-RRB-", "''"])
    >>> print("".join(w + " " * s for w, s in zip(words, spaces)))
    "He didn't (1)"
    """
    words: list[str] = []
    no_before: list[bool] = []
    no_after: list[bool] = []
    quote_open = False
    for tok in tokens:
        before, after = tok in _NO_SPACE_BEFORE or bool(_CLITIC.match(tok)), tok in _NO_SPACE_AFTER
        if tok == '"':  # plain double quotes alternate: opening, closing
            before, after = quote_open, not quote_open
            quote_open = not quote_open
        words.append(PTB_CHARS.get(tok, tok))
        no_before.append(before)
        no_after.append(after)
    spaces = [not (no_after[i] or no_before[i + 1]) for i in range(len(words) - 1)]
    return words, [*spaces, False] if words else []


def gold_offsets(ex: Example) -> tuple[str, list[tuple[int, int]]]:
    """The example's text (gold tokens with natural spacing) and each gold token's characters.

    Sentences are joined by one space.

    >>> text, offsets = gold_offsets(Example("x", ("He", "left", ".", "-LRB-", "Ok", "-RRB-"),
    ...                                      (), (), (0, 3)))
    >>> text, [text[a:b] for a, b in offsets]
    ('He left. (Ok)', ['He', 'left', '.', '(', 'Ok', ')'])
    """
    words: list[str] = []
    spaces: list[bool] = []
    starts = [*ex.sent_starts, len(ex.tokens)]
    for a, b in itertools.pairwise(starts):
        w, s = words_and_spaces(ex.tokens[a:b])
        words += w
        spaces += [*s[:-1], True] if s else []
    offsets: list[tuple[int, int]] = []
    pos = 0
    for w, sp in zip(words, spaces, strict=True):
        offsets.append((pos, pos + len(w)))
        pos += len(w) + sp
    text = "".join(w + " " * sp for w, sp in zip(words, spaces, strict=True))
    return text.rstrip(" "), offsets


def to_tokens(starts: Sequence[int], ends: Sequence[int], start: int, end: int,
              words: Sequence[str] = ()) -> tuple[int, int] | None:
    """The gold tokens ``[i, j)`` that characters ``[start, end)`` touch (``None`` if none).

    ``starts`` and ``ends`` are the gold tokens' first and past-the-end
    characters, in order.  A mention that covers part of a gold token takes the
    whole token, since the gold annotation cannot split it ("Texas" in "Texas.");
    given the gold ``words``, not where the part left out holds a letter: "Utah" of
    "R-Utah", "Frankfurt" of "Frankfurt-based" is a word of its own that the gold
    cannot label, so the mention has no gold tokens.

    >>> to_tokens([0, 3, 10], [2, 9, 13], 4, 9), to_tokens([0], [2], 2, 3)
    ((1, 2), None)
    >>> to_tokens([0, 7], [6, 22], 7, 16, ["Texas.", "Frankfurt-based"])
    """
    first = bisect.bisect_right(ends, start)
    last = bisect.bisect_left(starts, end)
    if first >= last:
        return None
    if words and any(c.isalpha() for c in words[first][: max(0, start - starts[first])]
                     + words[last - 1][max(0, end - starts[last - 1]):]):
        return None
    return first, last


# --- IOB1 -----------------------------------------------------------------------------------


def iob1_chunks(tags: Sequence[str]) -> list[GoldSpan]:
    """Chunks of an IOB1 (or IOB2) tag sequence, with conlleval's rules.

    A chunk starts at ``B-X``, or at ``I-X`` after ``O`` or after another
    type; it ends before ``O``, ``B-*`` or a change of type.

    >>> [(c.start, c.end, c.type) for c in iob1_chunks(["I-PER", "I-PER", "B-PER", "I-LOC", "O"])]
    [(0, 2, 'PER'), (2, 3, 'PER'), (3, 4, 'LOC')]
    """
    chunks: list[GoldSpan] = []
    start: int | None = None
    ctype = ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, typ = tag.partition("-")
        if start is not None and (prefix != "I" or typ != ctype):
            chunks.append(GoldSpan(start, i, ctype))
            start = None
        if prefix in ("B", "I") and start is None:
            start, ctype = i, typ
    return chunks


# --- readers --------------------------------------------------------------------------------


def _read_text(path: str | os.PathLike[str], what: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {what} file {os.fspath(path)!r}: {exc}; "
                         f"pass a readable UTF-8 {what} file") from exc


def read_conll04(path: str | os.PathLike[str]) -> list[Example]:
    """The sentences of a CoNLL04 file in SpERT JSON.

    Raises:
        InputError: the file is unreadable, not JSON, or a record is malformed.
    """
    where = os.fspath(path)
    try:
        data = json.loads(_read_text(path, "CoNLL04 JSON"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{where!r} is not JSON ({exc}); pass a SpERT-format CoNLL04 file "
                         "such as conll04_dev.json") from exc
    if not isinstance(data, list):
        raise InputError(f"{where!r} holds a {type(data).__name__}, not a list of sentences; "
                         "pass a SpERT-format CoNLL04 file "
                         "(a JSON list of {tokens, entities, relations})")
    return [_conll04_record(rec, n, where) for n, rec in enumerate(data)]


def _conll04_record(rec: object, n: int, where: str) -> Example:
    def bad(why: str) -> InputError:
        return InputError(f"{where!r}, sentence {n}: {why}; each sentence needs tokens "
                          "(strings), entities [{type, start, end}] "
                          "and relations [{type, head, tail}]")

    if not isinstance(rec, dict):
        raise bad(f"expected an object, got {rec!r:.60}")
    tokens = rec.get("tokens")
    if not isinstance(tokens, list) or not all(isinstance(t, str) and t for t in tokens):
        raise bad(f"tokens must be a list of non-empty strings, got {tokens!r:.60}")
    try:
        spans = [GoldSpan(int(e["start"]), int(e["end"]), str(e["type"]))
                 for e in rec.get("entities", [])]
        rels = [(str(r["type"]), int(r["head"]), int(r["tail"])) for r in rec.get("relations", [])]
    except (KeyError, TypeError, ValueError) as exc:
        raise bad(f"malformed entity or relation ({exc!r})") from exc
    for s in spans:
        if not 0 <= s.start < s.end <= len(tokens):
            raise bad(f"entity span {s.start}:{s.end} lies outside its {len(tokens)} tokens")
    for typ, head, tail in rels:
        if not (0 <= head < len(spans) and 0 <= tail < len(spans)):
            raise bad(f"relation {typ} points to entity {head} or {tail}, "
                      f"but there are {len(spans)}")
    relations = tuple(GoldRelation(typ, spans[h], spans[t]) for typ, h, t in rels)
    return Example(str(rec.get("orig_id", n)), tuple(tokens), tuple(spans), relations)


def read_conll2003(path: str | os.PathLike[str]) -> list[Example]:
    """The documents of a CoNLL-2003 file; a file without ``-DOCSTART-`` is one document.

    Raises:
        InputError: the file is unreadable or a line is not ``token POS chunk NER``.
    """
    where = os.fspath(path)
    docs: list[list[list[tuple[str, str]]]] = [[]]
    sentence: list[tuple[str, str]] = []
    for lineno, line in enumerate(_read_text(path, "CoNLL-2003").splitlines(), 1):
        cols = line.split()
        if not cols or cols[0] == "-DOCSTART-":
            if sentence:
                docs[-1].append(sentence)
                sentence = []
            if cols and docs[-1]:
                docs.append([])
            continue
        if len(cols) < 2 or not re.fullmatch(r"O|[BI]-\S+", cols[-1]):
            raise InputError(f"{where!r}, line {lineno}: {line.strip()!r:.80} is not 'token POS "
                             "chunk NER' with an IOB1 tag (O, I-PER, B-LOC ...); pass a CoNLL-2003 "
                             "file such as eng.testa")
        sentence.append((cols[0], cols[-1]))
    if sentence:
        docs[-1].append(sentence)
    out: list[Example] = []
    for d, sentences in enumerate(s for s in docs if s):
        tokens: list[str] = []
        spans: list[GoldSpan] = []
        starts: list[int] = []
        for sent in sentences:
            starts.append(len(tokens))
            spans += [GoldSpan(c.start + len(tokens), c.end + len(tokens), c.type)
                      for c in iob1_chunks([tag for _, tag in sent])]
            tokens += [tok for tok, _ in sent]
        out.append(Example(f"doc{d}", tuple(tokens), tuple(spans), (), tuple(starts)))
    if not out:
        raise InputError(f"{where!r} holds no tagged tokens; "
                         "pass a CoNLL-2003 file such as eng.testa")
    return out
