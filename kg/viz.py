"""Stage 8: the graph as one self-contained HTML page that works offline.

``to_networkx`` reads the entities, relations and their evidence out of an
rdflib graph; ``write_html`` lays them out and writes a single UTF-8 file:
the page template, script and style from ``kg/_view/``, the vis-network
bundle inlined, and the data as JSON in a ``<script type="application/json">``
block with every ``<``, ``>`` and ``&`` escaped.  The page builds its DOM with
``textContent`` only and carries a Content-Security-Policy that allows no
request and no script but its own two, so article text can never run.

pyvis supplies the vis-network bundle (MIT/Apache-2.0) that is inlined; its
own page template is not used, because it loads CDNs and has escaping holes
(COMPONENTS.md section 5).
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import os
import re
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import IO, Any

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from ._layout import layout
from .errors import ExportError
from .export import atomic_write
from .vocab import DCTERMS, KG, NIF, RDF, RDFS, SKOS

__all__ = ["PHYSICS_LIMIT", "to_networkx", "write_html"]

#: Above this many nodes the page uses the layout computed here and no physics.
PHYSICS_LIMIT = 1000

# Most specific first: a node typed both kg:Country and kg:Place is a country.
_CLASSES: dict[URIRef, tuple[str, str]] = {  # Okabe-Ito colours, colour-blind safe
    KG.Person: ("#0072B2", "dot"), KG.Organization: ("#E69F00", "square"),
    KG.Country: ("#009E73", "diamond"), KG.Place: ("#56B4E9", "triangle"),
    KG.Group: ("#CC79A7", "hexagon"), KG.Date: ("#B8A200", "triangleDown"),
    KG.Quantity: ("#000000", "square"),
    KG.Event: ("#D55E00", "star"), KG.Other: ("#7F7F7F", "star")}
#: Classes the view starts with unticked: amounts take part in no relation, and dozens of lone
#: nodes would crowd out the graph (one click in the legend, or a search, shows them).
_HIDDEN_AT_FIRST = {KG.Quantity}
_SPARE_COLOURS = ("#882255", "#44AA99", "#332288", "#999933", "#AA4499", "#117733")
_NOT_RELATIONS = {KG.mentionedIn, KG.hasMention, KG.source, KG.subjectMention,
                  KG.objectMention, KG.sentence, KG.sentenceBegin, KG.sentenceEnd,
                  KG.confidence, KG.rule}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029\ud800-\udfff]")
_SLOT = re.compile(r"<!--kg:(\w+)-->")  # the slots of kg/_view/page.html
_VIS_BUNDLE = ("templates", "lib", "vis-9.1.2", "vis-network.min.js")
_VIS_SHA256 = "1f20f0736f32cb9bedf8f6383b25cfea2f839e1abe80d6e8040b4d5bea378c69"


def _local(iri: Node) -> str:
    return re.split(r"[#/]", str(iri).rstrip("/#"))[-1] or str(iri)


def _words(name: str) -> str:
    """``discussedWith`` -> ``discussed with``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).replace("_", " ").lower()


def _label_of(graph: Graph, term: Node) -> str:
    labels = sorted(graph.objects(term, RDFS.label), key=lambda lit: (
        getattr(lit, "language", None) not in (None, "en"), str(lit)))
    return str(labels[0]) if labels else _words(_local(term))


def _props(graph: Graph, subject: Node) -> dict[Node, list[Node]]:
    out: dict[Node, list[Node]] = {}
    for p, o in graph.predicate_objects(subject):
        out.setdefault(p, []).append(o)
    return out


def _one(props: dict[Node, list[Node]], p: URIRef) -> Node | None:
    values = props.get(p)
    return min(values, key=str) if values else None


def _column(graph: Graph, p: URIRef) -> dict[Node, Node]:
    """``{subject: object}`` for one predicate; the least object where there are several."""
    out: dict[Node, Node] = {}
    for s, o in graph.subject_objects(p):
        if s not in out or str(o) < str(out[s]):
            out[s] = o
    return out


def _int(term: Node | None) -> int | None:
    try:
        return int(term.toPython()) if isinstance(term, Literal) else None
    except (TypeError, ValueError):
        return None


def _utf16(text: str, i: int) -> int:
    return i + sum(1 for c in text[:i] if ord(c) > 0xFFFF)


_EVIDENCE = (RDF.subject, RDF.predicate, RDF.object, KG.source, KG.sentence, KG.sentenceBegin,
             KG.sentenceEnd, KG.subjectMention, KG.objectMention, KG.confidence, KG.rule,
             NIF.beginIndex, NIF.endIndex, NIF.anchorOf)


def _evidence(graph: Graph, stmt: Node, col: dict[URIRef, dict[Node, Node]]) -> dict[str, Any]:
    article, begin = col[KG.source].get(stmt), _int(col[KG.sentenceBegin].get(stmt))
    sentence = col[KG.sentence].get(stmt)
    text = str(sentence) if sentence is not None else ""
    if sentence is None and article is not None and begin is not None:
        full = graph.value(article, NIF.isString)
        text = str(full)[begin:_int(col[KG.sentenceEnd].get(stmt))] if full is not None else ""
    spans = []
    for role, p in enumerate((KG.subjectMention, KG.objectMention)):
        mention = col[p].get(stmt)
        if mention is None:
            continue
        b, e = _int(col[NIF.beginIndex].get(mention)), _int(col[NIF.endIndex].get(mention))
        anchor = str(col[NIF.anchorOf].get(mention, ""))
        if b is not None and e is not None and begin is not None:
            b, e = b - begin, e - begin
        if b is None or e is None or not 0 <= b < e <= len(text) or (
                anchor and text[b:e] != anchor):  # offsets off: fall back to the text
            b = text.find(anchor) if anchor else -1
            e = b + len(anchor)
        if b >= 0:
            spans.append((_utf16(text, b), _utf16(text, e), role))
    confidence = col[KG.confidence].get(stmt)
    value = confidence.toPython() if isinstance(confidence, Literal) else None
    rule = col[KG.rule].get(stmt)
    return {"article": None if article is None else str(article), "sentence": text,
            "spans": sorted(spans), "rule": None if rule is None else str(rule),
            "confidence": float(value) if isinstance(value, (int, float)) and
            math.isfinite(value) else None}


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """The entities (subjects of ``kg:mentionedIn``) and the relations between them.

    Nodes are IRI strings with ``label``, ``type``, ``aliases``, ``roles``,
    ``articles``, ``mentions`` and ``facts`` (statements whose object is a
    literal, such as ``kg:said``); edges are keyed by predicate and carry its
    ``label`` and the ``evidence`` of every ``kg:Statement`` behind them.
    ``g.graph["articles"]`` maps article IRIs to their id, title and date.
    """
    info: dict[str, dict[str, str | None]] = {}
    for a in sorted({*graph.subjects(RDF.type, KG.Article), *graph.objects(None, KG.mentionedIn)},
                    key=str):
        if isinstance(a, URIRef):
            props = _props(graph, a)
            ident, title, date = (_one(props, t) for t in (DCTERMS.identifier, DCTERMS.title,
                                                       DCTERMS.issued))
            info[str(a)] = {"id": _local(a) if ident is None else str(ident),
                            "title": None if title is None else str(title),
                            "date": None if date is None else str(date)}
    g = nx.MultiDiGraph(articles=info)
    entities = sorted({s for s in graph.subjects(KG.mentionedIn, None) if isinstance(s, URIRef)},
                      key=str)
    names = set(entities)
    col = {p: _column(graph, p) for p in _EVIDENCE}
    evidence: dict[tuple[Node, Node, Node], list[dict[str, Any]]] = {}
    for stmt in graph.subjects(RDF.type, KG.Statement):
        key = (col[RDF.subject].get(stmt), col[RDF.predicate].get(stmt), col[RDF.object].get(stmt))
        if key[0] in names and key[1] is not None and key[2] is not None:
            evidence.setdefault(key, []).append(_evidence(graph, stmt, col))  # type: ignore[arg-type]
    relations = set(evidence)
    prop_labels: dict[Node, str] = {}
    for e in entities:
        props = _props(graph, e)
        relations.update((e, q, o) for q, objects in props.items() for o in objects
                         if str(q).startswith(str(KG)) and q not in _NOT_RELATIONS)
        types = set(props.get(RDF.type, []))
        kind = next((c for c in _CLASSES if c in types), min(types, key=str) if types else KG.Other)
        label = _one(props, RDFS.label) or _one(props, SKOS.prefLabel)
        g.add_node(str(e), iri=str(e), label=_local(e) if label is None else str(label),
                   type=kind, aliases=sorted({str(a) for a in props.get(SKOS.altLabel, [])}),
                   roles=sorted({str(r) for r in props.get(KG.holdsRole, [])}),
                   articles=sorted({str(a) for a in props.get(KG.mentionedIn, [])} & info.keys()),
                   mentions=len(props.get(KG.hasMention, [])), facts=[])
    for s, p, o in sorted(relations, key=lambda t: tuple(map(str, t))):
        if p not in prop_labels:
            prop_labels[p] = _label_of(graph, p)
        ev = sorted(evidence.get((s, p, o), []), key=lambda d: (str(d["article"]), d["sentence"]))
        if o in names:
            g.add_edge(str(s), str(o), key=str(p), predicate=p, label=prop_labels[p], evidence=ev)
        elif isinstance(o, Literal) and p != KG.holdsRole:
            g.nodes[str(s)]["facts"].append({"predicate": p, "label": prop_labels[p],
                                             "value": str(o), "evidence": ev})
    return g


def _top_nodes(g: nx.MultiDiGraph, n: int) -> list[str]:
    return sorted(g, key=lambda v: (-g.degree(v), -g.nodes[v]["mentions"], v))[:n]


def _page_data(g: nx.MultiDiGraph, total: int, total_edges: int,
               max_nodes: int | None) -> dict[str, Any]:
    positions = layout(g)
    articles = sorted(g.graph["articles"].items(), key=lambda kv: (kv[1]["id"], kv[0]))
    art_index = {iri: i for i, (iri, _) in enumerate(articles)}
    kinds = sorted(Counter(d["type"] for _, d in g.nodes(data=True)).items(),
                   key=lambda kv: (list(_CLASSES).index(kv[0]) if kv[0] in _CLASSES else 99,
                                   str(kv[0])))
    kind_index = {k: i for i, (k, _) in enumerate(kinds)}
    classes = [{"key": _local(k), "label": _words(_local(k)), "n": n, "color": _CLASSES.get(
        k, (_SPARE_COLOURS[i % len(_SPARE_COLOURS)],))[0], "shape": _CLASSES.get(k, ("", "dot"))[1],
        "on": k not in _HIDDEN_AT_FIRST} for i, (k, n) in enumerate(kinds)]
    rels = sorted(Counter((p, d["label"]) for *_, p, d in g.edges(keys=True, data=True)).items(),
                  key=lambda kv: kv[0][1])
    rel_index = {p: i for i, ((p, _), _) in enumerate(rels)}
    sentences: dict[tuple[int, str], int] = {}

    def ev(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out = []
        for d in items:
            a = art_index.get(d["article"], -1)
            s = sentences.setdefault((a, d["sentence"]), len(sentences))
            out.append({"s": s, "h": [list(x) for x in d["spans"]], "c": d["confidence"],
                        "r": d["rule"]})
        return out

    ids = {v: i for i, v in enumerate(g)}
    nodes = []
    for v, d in g.nodes(data=True):
        x, y = positions[v]
        nodes.append({"id": ids[v], "label": d["label"], "iri": d["iri"],
                      "c": kind_index[d["type"]], "al": d["aliases"], "ro": d["roles"],
                      "m": d["mentions"], "x": x, "y": y,
                      "ar": sorted(art_index[a] for a in d["articles"] if a in art_index),
                      "f": [{"p": f["label"], "v": f["value"], "ev": ev(f["evidence"])}
                            for f in d["facts"]]})
    edges = [{"id": i, "from": ids[a], "to": ids[b], "r": rel_index[k], "ev": ev(d["evidence"])}
             for i, (a, b, k, d) in enumerate(g.edges(keys=True, data=True))]
    return {
        "meta": {"entities": total, "shown": len(nodes), "relations": total_edges,
                 "maxNodes": max_nodes, "physics": len(nodes) <= PHYSICS_LIMIT},
        "classes": classes,
        "relations": [{"key": _local(p), "iri": str(p), "label": label, "n": n}
                      for (p, label), n in rels],
        "articles": [{"id": d["id"], "title": d["title"], "date": d["date"]} for _, d in articles],
        "sentences": [[a, text] for (a, text) in sentences],
        "nodes": nodes,
        "edges": edges,
    }


def _json_for_html(data: Any) -> str:
    """JSON that is inert in ``<script>``: no ``<``, ``>``, ``&``, line separators, surrogates."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)  # < -> \u003c etc.


def _asset(name: str) -> str:
    return resources.files("kg").joinpath("_view", name).read_text(encoding="utf-8")


def _vis_bundle() -> str:
    """vis-network's standalone bundle, as pyvis ships it (the version view.js is tested with)."""
    try:
        data = resources.files("pyvis").joinpath(*_VIS_BUNDLE).read_bytes()
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise ExportError("the HTML view needs pyvis's vis-network bundle; "
                          "install it with: pip install 'pyvis>=0.3.2,<0.4'") from exc
    if hashlib.sha256(data).hexdigest() != _VIS_SHA256:
        raise ExportError("pyvis ships a different vis-network than the one kg's view is tested "
                          "with (9.1.2); install it with: pip install 'pyvis>=0.3.2,<0.4'")
    # the HTML parser turns CR LF into LF before the CSP hash is checked: hash what it will see
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def _render(data: dict[str, Any]) -> str:
    vis = re.sub(r"\n//# sourceMappingURL=\S*\s*$", "\n", _vis_bundle())
    script = _asset("view.js")
    if re.search(r"</script|<!--", vis + script, re.IGNORECASE):
        raise ExportError("kg/_view scripts contain '</script' or '<!--'; escape it in the asset")

    def sha(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    slots = {"csp": f"default-src 'none'; script-src {sha(vis)} {sha(script)}; "
                    "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'",
             "style": _asset("view.css"), "vis": vis, "script": script,
             "data": _json_for_html(data)}
    return _SLOT.sub(lambda m: slots[m[1]], _asset("page.html"))  # one pass: no re-expansion


def write_html(graph: Graph, path: str | os.PathLike[str], *,
               max_nodes: int | None = None) -> Path:
    """Write the interactive view of ``graph`` to ``path``; returns the path.

    Args:
        max_nodes: keep only the N entities with the most relations; the page says so.

    Raises:
        ExportError: ``max_nodes`` is not a positive integer, or the file cannot be written.
    """
    if max_nodes is not None and (type(max_nodes) is not int or max_nodes < 1):
        raise ExportError(f"max_nodes must be a positive integer, got {max_nodes!r}; "
                          "pass e.g. --max-nodes 500, or leave it out to show every entity")
    target = Path(path)
    if target.is_dir():
        raise ExportError(f"cannot write the HTML view to {target}: it is a folder; "
                          "pass a file name such as graph.html")
    g = to_networkx(graph)
    total, total_edges = g.number_of_nodes(), g.number_of_edges()
    if max_nodes is not None and total > max_nodes:
        g = g.subgraph(_top_nodes(g, max_nodes)).copy()
    page = _render(_page_data(g, total, total_edges, max_nodes)).encode("utf-8")

    def write(fh: IO[bytes]) -> None:
        fh.write(page)

    try:
        return atomic_write(target, write)
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {exc.strerror or exc}; "
                          "check the folder exists and is writable") from exc
