"""The one place IRIs are made: deterministic, readable and always valid.

>>> m = Minter("https://example.org/id/")
>>> str(m.entity(KG.Person, "Recep Tayyip Erdoğan"))
'https://example.org/id/person/recep-tayyip-erdoğan'
>>> str(m.entity(KG.Person, '<script>"x"</script>'))
'https://example.org/id/person/script-x-script'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from .errors import KGError
from .vocab import KG

__all__ = ["DEFAULT_BASE_IRI", "Minter", "slug"]

DEFAULT_BASE_IRI = "https://newskg.example/id/"
_MAX_SLUG = 80
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|\\^`]')

# RFC 3987 ucschar ranges: the non-ASCII code points allowed in an IRI path.
_UCS = ((0xA0, 0xD7FF), (0xF900, 0xFDCF), (0xFDF0, 0xFFEF)) + tuple(
    (p * 0x10000, p * 0x10000 + 0xFFFD) for p in range(1, 14)
) + ((0xE1000, 0xEFFFD),)


def valid_iri(text: str) -> bool:
    """Whether ``text`` can be written as an absolute IRI (``<...>`` in N-Triples)."""
    return bool(_SCHEME.match(text)) and not _IRI_FORBIDDEN.search(text)


def _iri_safe(ch: str) -> bool:
    if ch.isascii():
        return ch.isalnum() or ch == "_"
    cp = ord(ch)
    return ch.isalnum() and any(lo <= cp <= hi for lo, hi in _UCS)


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]


def slug(text: str, *, lower: bool = True) -> str:
    """A readable IRI segment: letters and digits joined by ``-``.

    Any other character (space, quote, ``<``, control, emoji) becomes a
    separator, so the result is valid in an IRI path whatever the input.
    Long or empty slugs get a short hash so different inputs stay apart.
    """
    norm = unicodedata.normalize("NFC", text)
    if lower:
        norm = norm.casefold()
    out = re.sub(r"-{2,}", "-", "".join(c if _iri_safe(c) else "-" for c in norm)).strip("-")
    if not out:
        return "x-" + _digest(text)
    if len(out) > _MAX_SLUG:
        return out[:_MAX_SLUG].rstrip("-") + "-" + _digest(text)
    return out


_KIND_SEGMENT = {
    KG.Person: "person",
    KG.Organization: "organization",
    KG.Country: "country",
    KG.Place: "place",
    KG.Group: "group",
    KG.Date: "date",
    KG.Quantity: "quantity",
    KG.Other: "thing",
    KG.Event: "event",
}


class Minter:
    """Mints every IRI of a graph under one base IRI."""

    def __init__(self, base: str = DEFAULT_BASE_IRI) -> None:
        if not valid_iri(base) or base[-1] not in "/#":
            raise KGError(
                f"base IRI {base!r} is not an absolute IRI ending in '/' or '#'; "
                "pass something like --base-iri https://example.org/kg/"
            )
        self.base = base
        self._articles: dict[str, URIRef] = {}  # every mention and statement asks again

    def article(self, doc_id: str) -> URIRef:
        """The article's IRI; ids that a slug would change get a hash to stay unique."""
        iri = self._articles.get(doc_id)
        if iri is None:
            seg = slug(doc_id, lower=False)
            if seg != doc_id:  # "a/b" and "a-b" must not meet
                seg = f"{seg}-{_digest(doc_id)}"
            if len(self._articles) > 4096:
                self._articles.clear()
            iri = self._articles[doc_id] = URIRef(f"{self.base}article/{seg}")
        return iri

    def mention(self, doc_id: str, start: int, end: int) -> URIRef:
        """A span of an article's text, RFC 5147 style: ``.../article/x#char=3,9``."""
        return URIRef(f"{self.article(doc_id)}#char={start},{end}")

    def entity(self, kind: URIRef, name: str, scope: str = "") -> URIRef:
        """An entity: same kind and name give the same IRI in every article."""
        seg = _KIND_SEGMENT.get(kind)
        if seg is None:
            raise KGError(f"no IRI pattern for class {kind}; add it to mint._KIND_SEGMENT")
        if scope:
            return URIRef(f"{self.article(scope)}/{seg}/{slug(name)}")
        return URIRef(f"{self.base}{seg}/{slug(name)}")

    def event(self, kind: URIRef, *parts: object) -> URIRef:
        """An event, named by its type and a hash of what identifies it (actors, time, place)."""
        key = "\x1f".join(str(p) for p in (kind, *parts))
        return URIRef(f"{self.base}event/{slug(str(kind).rsplit('/', 1)[-1])}-{_digest(key)}")

    def statement(self, doc_id: str, *parts: object) -> URIRef:
        """A statement node, named by a hash of everything that identifies it."""
        key = "\x1f".join(str(p) for p in parts)
        return URIRef(f"{self.article(doc_id)}/statement/{_digest(key)}")
