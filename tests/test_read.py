from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.read import read_documents
from kg.types import Document, Skipped

from .conftest import SEED, SEEDS


def _read(*paths: Path) -> list[Document | Skipped]:
    return list(read_documents(paths))


def test_seed_inline_date_is_metadata_not_text() -> None:
    (doc,) = _read(SEEDS)
    assert isinstance(doc, Document)
    assert doc.id == SEED.stem
    assert doc.date == dt.date(2022, 2, 25)
    assert doc.text == SEED.read_text(encoding="utf-8")  # offsets match the file
    (start, end), = doc.hidden
    assert doc.text[start:end].strip() == "date 2022-02-25"
    assert doc.text[end:].startswith("Defense Minister Hulusi Akar")


def test_key_value_metadata_lines(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("title: Talks in Ankara\ndate: 2024-01-31\nurl: https://ex.org/a\n\nBody text here.")
    (doc,) = _read(f)
    assert isinstance(doc, Document)
    assert (doc.title, doc.date, doc.url) == ("Talks in Ankara", dt.date(2024, 1, 31), "https://ex.org/a")
    assert len(doc.hidden) == 3 and doc.text.endswith("Body text here.")


def test_headline_becomes_title(tmp_path: Path) -> None:
    f = tmp_path / "b.txt"
    f.write_text("Ad sales boost profit\n\nProfits jumped 76%.\n")
    (doc,) = _read(f)
    assert isinstance(doc, Document) and doc.title == "Ad sales boost profit"
    f.write_text("A sentence, not a headline.\n\nMore.\n")
    (doc,) = _read(f)
    assert isinstance(doc, Document) and doc.title is None


def test_bom_and_crlf_are_normalised(tmp_path: Path) -> None:
    f = tmp_path / "c.txt"
    f.write_bytes("\ufeffLine one.\r\nLine two.\r\n".encode())
    (doc,) = _read(f)
    assert isinstance(doc, Document) and doc.text == "Line one.\nLine two.\n"


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (b"date 2022-02-25\n", "empty"),
    (b"\x00\x01\x02binary", "binary"),
    ("caf\u00e9".encode("latin-1"), "not UTF-8"),
    (b"date: 2022-13-45\nText.", "bad date"),
])
def test_bad_files_are_skipped_with_a_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    (item,) = _read(f)
    assert isinstance(item, Skipped) and reason in item.reason and item.source == str(f)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_is_skipped(tmp_path: Path) -> None:
    f = tmp_path / "secret.txt"
    f.write_text("x")
    f.chmod(0)
    (item,) = _read(f)
    assert isinstance(item, Skipped) and "permission" in item.reason


def test_permission_error_is_a_skip_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # root reads any file, so CI (as root) checks the branch by making the read fail the same way
    f = tmp_path / "secret.txt"
    f.write_text("x")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    (item,) = _read(f)
    assert isinstance(item, Skipped) and "permission denied" in item.reason and "chmod" in item.reason


def test_folder_ids_are_relative_paths_and_sorted(tmp_path: Path) -> None:
    for rel in ("sport/002.txt", "business/001.txt", "sport/001.txt", ".hidden.txt", "notes.csv"):
        p = tmp_path / rel
        p.parent.mkdir(exist_ok=True)
        p.write_text("Some text.")
    ids = [d.id for d in _read(tmp_path) if isinstance(d, Document)]
    assert ids == ["business/001", "sport/001", "sport/002"]


def test_symlink_loop_does_not_hang(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text.")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    items = _read(tmp_path)
    assert [d.id for d in items if isinstance(d, Document)] == ["a"]
    assert any(isinstance(s, Skipped) and "self.txt" in s.source for s in items)


def test_jsonl_records(tmp_path: Path) -> None:
    f = tmp_path / "news.jsonl"
    lines = [json.dumps({"id": "n1", "text": "Akar phoned Reznikov.", "date": "2022-02-25",
                         "title": "Call", "url": "https://ex.org/1"}),
             "not json", json.dumps({"id": "n2"}), "", json.dumps({"id": "n1", "text": "Again."}),
             json.dumps({"text": "No id."})]
    f.write_text("\n".join(lines))
    items = _read(f)
    docs = [d for d in items if isinstance(d, Document)]
    skips = [s for s in items if isinstance(s, Skipped)]
    assert [d.id for d in docs] == ["n1", "news-6"]
    assert docs[0].date == dt.date(2022, 2, 25) and docs[0].title == "Call"
    assert [s.source.rsplit(":", 1)[1] for s in skips] == ["2", "3", "5"]
    assert "duplicate" in skips[-1].reason


def test_missing_path_and_empty_folder_are_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        _read(tmp_path / "nope")
    with pytest.raises(InputError, match=r"no \.txt"):
        _read(tmp_path)


def test_jsonl_lone_surrogates_become_replacement_characters(tmp_path: Path) -> None:
    f = tmp_path / "s.jsonl"
    f.write_text('{"id": "s\\ud800", "text": "Caf\\udce9 talks in Ankara."}\n')
    (doc,) = _read(f)
    assert isinstance(doc, Document)
    assert doc.text == "Caf\ufffd talks in Ankara." and doc.id == "s\ufffd"
    doc.text.encode("utf-8")
