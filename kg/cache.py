"""Per-article extraction cache: re-parse only what changed.

Each article's triples are stored as N-Triples under a key that hashes the
article (id, text, metadata), the base IRI, the spaCy model and every module
and weights file of the package, so a change to any of them misses the cache instead of
serving stale results.  Entries are written atomically; a damaged entry is a
miss, never an error.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path

from .types import Document

__all__ = ["Cache", "pipeline_fingerprint", "sources"]


@functools.cache
def sources() -> list[Path]:
    """Every module and data file of the package (weights, calibration table)."""
    here = Path(__file__).parent
    return sorted(p for pattern in ("*.py", "*.npz", "*.json") for p in here.glob(pattern))


def _source_hash() -> str:
    """Any change to the code or data of extraction misses the cache."""
    h = hashlib.sha256()
    for path in sources():
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def pipeline_fingerprint(model: str) -> str:
    """What, besides the article, decides the extraction: code, model, library versions."""
    import spacy

    from . import __version__

    return hashlib.sha256(
        json.dumps([__version__, _source_hash(), model, spacy.__version__]).encode()
    ).hexdigest()


class Cache:
    """A folder of cached per-article N-Triples."""

    def __init__(self, folder: str | os.PathLike[str], fingerprint: str) -> None:
        self.folder = Path(folder)
        self.fingerprint = fingerprint

    def key(self, document: Document, base_iri: str) -> str:
        record = [self.fingerprint, base_iri, document.id, document.text,
                  str(document.date), document.title, document.url, list(document.hidden)]
        return hashlib.sha256(json.dumps(record, ensure_ascii=False).encode("utf-8",
                                                                         "surrogatepass")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.nt"

    def has(self, key: str) -> bool:
        return self._path(key).is_file()

    def get(self, key: str) -> bytes | None:
        try:
            return self._path(key).read_bytes()
        except OSError:
            return None

    def put(self, key: str, data: bytes) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs time
