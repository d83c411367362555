"""Errors the library raises; the CLI turns them into one line on stderr.

    KGError                 base class: catch this one
     +-- InputError         a file, folder or record that cannot be read
     +-- ModelNotFound      the spaCy model is not installed
     +-- QueryError         a SPARQL query or graph file that cannot be run
     +-- ExportError        an output that cannot be written

Every message names the offending value and says how to fix it.
"""

from __future__ import annotations

__all__ = ["ExportError", "InputError", "KGError", "ModelNotFound", "QueryError"]


class KGError(Exception):
    """Base class of every error ``kg`` raises on purpose."""


class InputError(KGError):
    """An input file, folder or record cannot be used."""


class ModelNotFound(KGError):
    """The spaCy English model is not installed."""


class QueryError(KGError):
    """A SPARQL query, or the graph it runs on, is not valid."""


class ExportError(KGError):
    """An export cannot be written."""
