"""Ontology terms as Python names.

``KG`` mirrors ``ontology/kg.ttl`` term for term (``tests/test_vocab.py`` keeps
the two in sync); ``_fail = True`` turns a typo such as ``KG.phonned`` into an
``AttributeError`` instead of a new IRI.  The other namespaces are the standard
vocabularies the graph uses directly.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace

__all__ = ["DCTERMS", "EVT", "KG", "Terms", "NIF", "ONTOLOGY_IRI", "OWL", "PREFIXES", "PROV", "RDF", "RDFS",
           "SDO", "SKOS", "XSD"]


class KG(DefinedNamespace):
    """Terms of ``ontology/kg.ttl``."""

    _NS = Namespace("https://newskg.example/ontology#")
    _fail = True

    # classes
    Article: URIRef
    Entity: URIRef
    Person: URIRef
    Organization: URIRef
    Place: URIRef
    Country: URIRef
    Group: URIRef
    Date: URIRef
    Quantity: URIRef
    Other: URIRef
    Event: URIRef
    Mention: URIRef
    Statement: URIRef
    # relations between entities
    relatedTo: URIRef
    communicatedWith: URIRef
    phoned: URIRef
    met: URIRef
    discussedWith: URIRef
    rejects: URIRef
    supports: URIRef
    annexed: URIRef
    invaded: URIRef
    recognized: URIRef
    fled: URIRef
    killed: URIRef
    affiliatedWith: URIRef
    worksFor: URIRef
    memberOf: URIRef
    nationality: URIRef
    counterpartOf: URIRef
    locatedIn: URIRef
    basedIn: URIRef
    livesIn: URIRef
    bornIn: URIRef
    # attributes
    said: URIRef
    holdsRole: URIRef
    dateValue: URIRef
    amount: URIRef
    unit: URIRef
    mentionedIn: URIRef
    hasMention: URIRef
    # evidence
    source: URIRef
    subjectMention: URIRef
    objectMention: URIRef
    sentence: URIRef
    sentenceBegin: URIRef
    sentenceEnd: URIRef
    confidence: URIRef
    rule: URIRef
    # events, time and attribution
    Evidence: URIRef
    EventReport: URIRef
    eventType: URIRef
    agent: URIRef
    participant: URIRef
    hasTime: URIRef
    hasPlace: URIRef
    report: URIRef
    trigger: URIRef
    mentionCount: URIRef
    attributedTo: URIRef
    modality: URIRef
    negated: URIRef
    disputedBy: URIRef
    timeBegin: URIRef
    timeEnd: URIRef


class EVT(DefinedNamespace):
    """Event types: the SKOS concepts of ``ontology/event-types.ttl`` (mapped to CAMEO, PLOVER)."""

    _NS = Namespace("https://newskg.example/event-type/")
    _fail = True

    EventTypes: URIRef  # the concept scheme
    PhoneCall: URIRef
    Meeting: URIRef
    Discussion: URIRef
    Annexation: URIRef
    Invasion: URIRef
    MilitaryOperation: URIRef
    Recognition: URIRef
    Flight: URIRef
    Killing: URIRef
    Agreement: URIRef
    Protest: URIRef
    Election: URIRef


class NIF(DefinedNamespace):
    """The NIF 2.0 core terms used for text spans."""

    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    _fail = True

    Context: URIRef
    OffsetBasedString: URIRef
    Phrase: URIRef
    isString: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef
    referenceContext: URIRef


class Terms:
    """A namespace's terms as plain attributes, resolved once: ``Terms(KG).phoned``.

    ``DefinedNamespace`` checks every attribute access in Python; hot loops (writing
    hundreds of thousands of triples) use this instead.
    """

    def __init__(self, ns: object) -> None:
        self._ns = ns

    def __getattr__(self, name: str) -> URIRef:
        value: URIRef = getattr(self._ns, name)
        setattr(self, name, value)
        return value

    def __getitem__(self, name: str) -> URIRef:
        return self.__getattr__(name)


ONTOLOGY_IRI = URIRef(str(KG)[:-1])

#: Prefixes written into every serialisation, in this order.
PREFIXES: dict[str, str] = {
    "kg": str(KG),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
    "dct": str(DCTERMS),
    "schema": str(SDO),
    "skos": str(SKOS),
    "prov": str(PROV),
    "nif": str(NIF),
    "evt": str(EVT),
}
