"""Stage 1: read articles from files, folders and JSONL into ``Document`` records.

A text file is one article; its first line may carry metadata, either as
``key: value`` lines (``date``, ``title``, ``url``) or inline before the text
(``date 2022-02-25 Defense Minister ...``).  Metadata stays in ``Document.text``
(so offsets match the file) but is listed in ``Document.hidden`` and never
parsed.  A short unpunctuated first line followed by a blank line is a headline
and becomes the title.  A JSONL file holds one ``{"id", "text", "date"?,
"title"?, "url"?}`` object per line.

Files that cannot be used are yielded as ``Skipped`` records with a reason,
so one bad file never stops a build.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError
from .types import Document, Skipped

__all__ = ["read_documents"]

MAX_FILE_BYTES = 200 * 1024 * 1024
_TEXT_SUFFIXES = {".txt", ".text", ".md"}
_META_LINE = re.compile(r"^[ \t]*(date|title|url)[ \t]*:[ \t]*(.*?)[ \t]*$", re.I)
_INLINE_DATE = re.compile(r"^[ \t]*date[ \t]*:?[ \t]*(\d{4}-\d{2}-\d{2})\b[ \t]*", re.I)


def read_documents(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Document | Skipped]:
    """Yield a ``Document`` per article found under ``paths``, or ``Skipped``.

    Raises:
        InputError: a path does not exist, or nothing readable was given.
    """
    seen: set[str] = set()
    found = False
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder; check the path")
        if path.is_dir():
            files = _files_under(path)
            if not files:
                raise InputError(
                    f"no .txt or .jsonl files in {path}; put one article per .txt file there"
                )
            items = ((f, _relative_id(f, path)) for f in files)
        else:
            items = iter([(path, path.stem)])
        for file, doc_id in items:
            found = True
            for item in _read_file(file, doc_id):
                if isinstance(item, Document):
                    if item.id in seen:
                        yield Skipped(item.source, f"duplicate article id {item.id!r}; rename one")
                        continue
                    seen.add(item.id)
                yield item
    if not found:
        raise InputError("no input given; pass article files, folders or .jsonl files")


def _files_under(folder: Path) -> list[Path]:
    out: list[Path] = []
    for root, dirs, files in os.walk(folder, followlinks=False, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            p = Path(root, name)
            if p.suffix.lower() in _TEXT_SUFFIXES | {".jsonl"} and not name.startswith("."):
                out.append(p)
    return sorted(out)


def _relative_id(file: Path, root: Path) -> str:
    return file.relative_to(root).with_suffix("").as_posix()


def _read_bytes(file: Path) -> bytes | Skipped:
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            return Skipped(
                str(file), f"{size} bytes is over the {MAX_FILE_BYTES} byte limit; split the file"
            )
        return file.read_bytes()
    except PermissionError:
        return Skipped(str(file), "permission denied; make the file readable (chmod +r)")
    except OSError as exc:
        return Skipped(str(file), f"cannot be read ({exc.strerror or exc}); check the file")


def _decode(file: Path, data: bytes) -> str | Skipped:
    if b"\x00" in data[:8192]:
        return Skipped(str(file), "looks binary (contains NUL bytes); pass UTF-8 text files")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Skipped(
            str(file),
            f"is not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            f"convert it, e.g. iconv -f latin1 -t utf-8",
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_file(file: Path, doc_id: str) -> Iterator[Document | Skipped]:
    data = _read_bytes(file)
    if isinstance(data, Skipped):
        yield data
        return
    text = _decode(file, data)
    if isinstance(text, Skipped):
        yield text
        return
    if file.suffix.lower() == ".jsonl":
        yield from _jsonl_documents(file, text)
    else:
        yield _text_document(str(file), doc_id, text)


def _parse_date(value: str, source: str) -> _dt.date | Skipped:
    try:
        return _dt.date.fromisoformat(value.strip())
    except ValueError:
        return Skipped(source, f"bad date {value!r}; write dates as YYYY-MM-DD")


def _text_document(source: str, doc_id: str, text: str) -> Document | Skipped:
    meta: dict[str, str] = {}
    hidden: list[tuple[int, int]] = []
    pos = 0
    while True:  # leading ``key: value`` lines
        line_end = text.find("\n", pos)
        line = text[pos : len(text) if line_end < 0 else line_end]
        m = _META_LINE.match(line)
        if not m or m.group(1).lower() in meta:
            break
        meta[m.group(1).lower()] = m.group(2)
        hidden.append((pos, pos + len(line)))
        pos = len(text) if line_end < 0 else line_end + 1
    inline = _INLINE_DATE.match(text, pos) if "date" not in meta else None
    if inline:
        meta["date"] = inline.group(1)
        hidden.append((inline.start(), inline.end()))
        pos = inline.end()
    if not text[pos:].strip():
        return Skipped(source, "is empty (no article text); remove it or add text")
    date = _parse_date(meta["date"], source) if "date" in meta else None
    if isinstance(date, Skipped):
        return date
    title = meta.get("title") or _headline(text, pos)
    return Document(doc_id, text, source, date, title or None, meta.get("url") or None,
                    tuple(hidden))


def _headline(text: str, pos: int) -> str:
    """The first line, if it reads as a headline: short, unpunctuated, then a blank line."""
    first, sep, rest = text[pos:].lstrip(" \t").partition("\n")
    end = first.rstrip().rstrip("\"'”’)]")[-1:]
    if sep and rest.startswith("\n") and 0 < len(first) <= 150 and end and end not in ".!?:;,":
        return first.strip()
    return ""


def _jsonl_documents(file: Path, text: str) -> Iterator[Document | Skipped]:
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{file}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skipped(where, f"is not valid JSON ({exc.msg}); write one object per line")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield Skipped(where, 'has no "text" string; each line needs {"id", "text"}')
            continue
        if not record["text"].strip():
            yield Skipped(where, 'has an empty "text"; remove the line or add text')
            continue
        doc_id = _clean(str(record.get("id") or f"{file.stem}-{number}"))
        date = None
        if record.get("date"):
            date = _parse_date(str(record["date"])[:10], where)
            if isinstance(date, Skipped):
                yield date
                continue
        title = record.get("title")
        url = record.get("url")
        yield Document(doc_id, _clean(record["text"]).replace("\r\n", "\n"), where, date,
                       _clean(str(title)) if title else None, _clean(str(url)) if url else None)


def _clean(text: str) -> str:
    """Replace lone surrogates (JSON allows ``"\\ud800"``; UTF-8 does not) by U+FFFD."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
