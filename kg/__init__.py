"""kg: turn news articles into a provenance-rich RDF knowledge graph.

>>> from kg import build
>>> report = build(["seeds/"], "exports/")          # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

from .errors import ExportError, InputError, KGError, ModelNotFound, QueryError
from .mint import Minter
from .query import query
from .types import Document, Entity, Extraction, Mention, Relation, Skipped

if TYPE_CHECKING:
    from .pipeline import BuildReport, build, build_graph, extract

_LAZY = {"BuildReport", "build", "build_graph", "extract"}  # these import spaCy: load on use


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")

__all__ = [
    "BuildReport",
    "Document",
    "Entity",
    "ExportError",
    "Extraction",
    "InputError",
    "KGError",
    "Mention",
    "Minter",
    "ModelNotFound",
    "QueryError",
    "Relation",
    "Skipped",
    "__version__",
    "build",
    "build_graph",
    "extract",
    "query",
]
