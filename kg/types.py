"""Records passed between the pipeline stages: frozen, hashable, no logic.

``Document`` (read) -> spaCy ``Doc`` (parse) -> ``Mention`` (mentions)
-> ``Entity`` (resolve); ``Relation`` (relate) joins mentions; ``Event``
(events) groups actors, time and place; an ``Extraction`` is everything one
article yields, ready for ``rdf``.
Offsets are character offsets into ``Document.text``.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from rdflib import URIRef

__all__ = ["Document", "Entity", "Event", "Extraction", "Mention", "Relation", "Skipped"]


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from disk or JSONL.

    ``text`` is the article exactly as read (BOM dropped, line ends made ``\\n``);
    ``hidden`` lists the ``(start, end)`` spans of metadata (such as a leading
    ``date 2022-02-25``) that are kept in ``text`` but never parsed as prose.
    """

    id: str
    text: str
    source: str
    date: _dt.date | None = None
    title: str | None = None
    url: str | None = None
    hidden: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be read, and why (the reason names the fix)."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that refers to something.

    ``label`` is the spaCy entity label (``PERSON``, ``GPE``, ...), ``PRON``
    for a pronoun or ``NOM`` for a definite description ("the minister");
    ``role`` is a title written before a name ("Defense Minister"), or a
    description's head noun ("minister"); ``sent`` is the sentence index and
    ``dep`` the syntactic role of the span's head (``nsubj``, ``poss``, ...),
    used by coreference.
    """

    doc_id: str
    start: int
    end: int
    text: str
    label: str
    role: str = ""
    sent: int = 0
    dep: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    """One real thing within an article, with every mention that refers to it.

    ``kind`` is an ontology class (``KG.Person``...), ``name`` the preferred
    label, ``scope`` is empty for entities whose name identifies them across
    articles, or the article id for those that only make sense inside one
    (a date such as "Thursday").  ``value`` is a normalised date literal.
    """

    kind: URIRef
    name: str
    mentions: tuple[Mention, ...]
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    scope: str = ""
    value: str = ""


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation read from one sentence, with its evidence.

    ``object`` is a mention for relations between entities; for attributes
    such as ``KG.said`` it is ``None`` and ``value`` holds the text.
    """

    subject: Mention
    predicate: URIRef
    object: Mention | None
    sentence_start: int
    sentence_end: int
    confidence: float
    rule: str
    value: str = ""
    attributed_to: Mention | None = None
    modality: str = ""
    disputed_by: Mention | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened, read from one sentence (SEM style).

    ``kind`` is an event type (``EVT.PhoneCall``, mapped to CAMEO 041 in
    ``ontology/event-types.ttl``); ``trigger`` the
    verb or noun that names it; ``agents`` did it, ``participants`` took part
    or underwent it; ``times`` and ``places`` are mentions; ``attributed_to``
    is who the article says reported it, ``modality`` a hedge such as "will"
    or "ready to", ``negated`` says it is reported as not happening, and
    ``disputed_by`` who rejects the claim ("claims rejected by Moscow").
    """

    doc_id: str
    kind: URIRef
    trigger: Mention
    agents: tuple[Mention, ...]
    participants: tuple[Mention, ...]
    times: tuple[Mention, ...]
    places: tuple[Mention, ...]
    sentence_start: int
    sentence_end: int
    confidence: float
    rule: str
    attributed_to: Mention | None = None
    modality: str = ""
    negated: bool = False
    disputed_by: Mention | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article."""

    document: Document
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    events: tuple[Event, ...] = ()
