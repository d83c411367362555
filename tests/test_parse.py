"""kg.parse: the model as ``kg build`` loads it (real model)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kg.evaluate import evaluate

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "tokens"), [
    ("on 2022-02-25 .", ["on", "2022-02-25", "."]),  # dates, scores, bowling figures, seasons
    ("won 2-1 with 9.5-0-44-1 in 1990-91", ["won", "2-1", "with", "9.5-0-44-1", "in", "1990-91"]),
    ("3+4 and 2*5", ["3", "+", "4", "and", "2", "*", "5"]),  # arithmetic is still split
    ("a 5-year-old", ["a", "5", "-", "year", "-", "old"]),  # and so are hyphens next to letters
])
def test_hyphens_between_digits_stay_inside_the_token(nlp: Any, text: str, tokens: list[str]) -> None:
    assert [t.text for t in nlp.make_doc(text)] == tokens


def test_eval_reads_text_with_spacys_tokenizer_and_maps_back_to_gold_tokens(nlp: Any,
                                                                          tmp_path: Path) -> None:
    # the gold token "Massachusetts." (a full stop glued on) is one token to the scorer; fed
    # whole to the model it is no place at all.  kg reads "Massachusetts" and "." as it would
    # in an article, and its "Massachusetts" covers the gold token.
    tokens = ["He", "was", "born", "in", "Massachusetts."]
    path = tmp_path / "one.json"
    path.write_text(json.dumps([{"tokens": tokens, "orig_id": 1, "relations": [],
                                 "entities": [{"type": "Loc", "start": 4, "end": 5}]}]))
    report = evaluate(path, "conll04", nlp=nlp)
    assert report["entities"]["micro"]["f1"] == 1.0
