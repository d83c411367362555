"""SPARQL over Turtle files (read-only), with results as a table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox

from .errors import QueryError

__all__ = ["FORMATS", "format_result", "query"]

FORMATS = ("table", "csv", "json")
_RDF_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
                ".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG,
                ".jsonld": ox.RdfFormat.JSON_LD, ".rdf": ox.RdfFormat.RDF_XML}


def _load(paths: Sequence[str | os.PathLike[str]]) -> ox.Store:
    store = ox.Store()
    for raw in paths:
        path = Path(raw)
        fmt = _RDF_FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise QueryError(f"{path}: unknown RDF file type {path.suffix!r}; use one of "
                             + ", ".join(sorted(_RDF_FORMATS)))
        try:
            store.bulk_load(path=str(path), format=fmt)  # TriG/N-Quads: graphs kept, see query()
        except FileNotFoundError as exc:
            raise QueryError(f"{path}: no such file; build it first with kg build") from exc
        except (SyntaxError, ValueError) as exc:
            raise QueryError(f"{path} is not valid RDF: {exc}") from exc
        except OSError as exc:
            raise QueryError(f"{path} cannot be read: {exc}") from exc
    return store


def _cell(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode | ox.Literal | ox.BlankNode):
        return term.value
    return str(term)


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _printable(cell: str) -> str:
    """A cell safe to print on a terminal: control and bidi characters shown as escapes."""
    return _CONTROL.sub(lambda m: " " if m[0] in "\n\t" else f"\\u{ord(m[0]):04x}", cell)


def _table(header: list[str], rows: list[list[str]]) -> str:
    cells = [[_printable(c) for c in row] for row in rows]
    widths = [max([len(h)] + [min(len(r[i]), 80) for r in cells]) for i, h in enumerate(header)]

    def line(row: list[str]) -> str:
        return " | ".join((c if len(c) <= 80 else c[:77] + "...").ljust(w)
                          for c, w in zip(row, widths, strict=True)).rstrip()

    sep = "-+-".join("-" * w for w in widths)
    return "\n".join([line(header), sep, *(line(r) for r in cells)]) + "\n"


def format_result(result: object, fmt: str) -> str:
    """A SPARQL result (solutions, boolean, or triples) as table, CSV or JSON text."""
    if isinstance(result, ox.QueryBoolean):
        result = bool(result)
    if isinstance(result, bool):
        return json.dumps({"head": {}, "boolean": result}) + "\n" if fmt == "json" else f"{str(result).lower()}\n"
    if isinstance(result, ox.QuerySolutions):
        if fmt == "json":  # the W3C SPARQL 1.1 Query Results JSON format
            return result.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8") + "\n"
        header = [v.value for v in result.variables]
        rows = [[_cell(sol[v]) for v in header] for sol in result]
        if fmt == "csv":
            buf = io.StringIO()
            writer = csv.writer(buf, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)
            return buf.getvalue()
        return _table(header, rows)
    triples = list(result)  # type: ignore[call-overload]  # CONSTRUCT / DESCRIBE
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE).decode("utf-8")


def query(paths: Sequence[str | os.PathLike[str]], sparql: str, fmt: str = "table") -> str:
    """Run a SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE query over RDF files; returns text.

    The files are loaded into an in-memory store and never written: SPARQL
    Update is refused.  Named graphs of TriG/N-Quads files are queried as one
    default graph (their union).

    Raises:
        QueryError: a file is missing or invalid, the query is not valid SPARQL
            (updates are refused: files are only read), or ``fmt`` is unknown.
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    store = _load(paths)
    try:
        result = store.query(sparql, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise QueryError(f"not a valid SPARQL query ({exc}); SPARQL Update is not allowed here") from exc
    return format_result(result, fmt)
