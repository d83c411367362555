"""Shared fixtures: hand-built spaCy Docs for unit tests, the real model for end-to-end ones."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_92b35fa992aff067.txt"
BBC = ROOT.parent / "shared" / "corpus" / "bbc-news" / "articles"


@pytest.fixture(scope="session")
def vocab() -> Vocab:
    return spacy.blank("en").vocab


MakeDoc = Callable[..., Doc]


@pytest.fixture
def make_doc(vocab: Vocab) -> MakeDoc:
    """Build a parsed Doc by hand: ``make_doc("Akar phoned Reznikov .", heads=[1, 1, 1, 1], ...)``.

    ``heads`` are absolute token indices; ``lemmas`` default to the lower-cased
    words; ``ents`` are IOB tags such as ``B-PERSON``.
    """

    def make(text: str, *, heads: Sequence[int], deps: Sequence[str], pos: Sequence[str],
             ents: Sequence[str] | None = None, lemmas: Sequence[str] | None = None,
             tags: Sequence[str] | None = None) -> Doc:
        words = text.split(" ")
        n = len(words)
        spaces = [i + 1 < n and words[i + 1] not in (".", ",", "'s") for i in range(n)]
        for seq in (heads, deps, pos):
            assert len(seq) == n, f"{len(seq)} values for {n} words"
        return Doc(vocab, words=words, spaces=spaces, heads=list(heads), deps=list(deps),
                   pos=list(pos), ents=list(ents or ["O"] * n),
                   lemmas=list(lemmas or [w.lower() for w in words]),
                   tags=list(tags) if tags else None)

    return make


@pytest.fixture
def akar_doc(make_doc: MakeDoc) -> Doc:
    """A hand-built parse of "Defense Minister Hulusi Akar phoned Ukraine's Oleksii Reznikov."."""
    return make_doc(
        "Defense Minister Hulusi Akar phoned Ukraine 's Oleksii Reznikov .",
        heads=[1, 3, 3, 4, 4, 8, 5, 8, 4, 4],
        deps=["compound", "compound", "compound", "nsubj", "ROOT", "poss", "case", "compound", "dobj", "punct"],
        pos=["PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PART", "PROPN", "PROPN", "PUNCT"],
        ents=["B-ORG", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O", "B-PERSON", "O"],
        lemmas=["defense", "minister", "hulusi", "akar", "phone", "ukraine", "'s", "oleksii", "reznikov", "."],
    )


@pytest.fixture(scope="session")
def nlp() -> spacy.language.Language:
    from kg.parse import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_graph_path(tmp_path_factory: pytest.TempPathFactory, nlp: spacy.language.Language) -> Path:
    """The seed article built once per run with the real model (Turtle only)."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("seed-build")
    build([SEEDS], out, nlp=nlp, html=False)
    return out / "graph.ttl"
