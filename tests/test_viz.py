"""kg.viz without a browser: the page is one offline file, its data is complete and inert."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import ExportError
from kg.mint import Minter
from kg.viz import PHYSICS_LIMIT, to_networkx, write_html
from kg.vocab import DCTERMS, KG, NIF, RDF, RDFS, SKOS

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</script><script>alert(2)</script>",
    "<!-- x --> & &amp; \u2028 \u2029 'quote'",
    "lone \ud800 surrogate",
]


def make_graph(entities: Sequence[tuple[URIRef, str]],
               relations: Sequence[tuple[int, URIRef, int]] = (), *, title: str = "A title",
               aliases: Mapping[int, str] | None = None) -> Graph:
    """A graph in kg's shape: one article, ``entities`` as (class, label), relations by index.

    Every relation gets a kg:Statement whose sentence names both ends.
    """
    m = Minter()
    g = Graph()
    art = m.article("doc-1")
    text = " ".join(label for _, label in entities) + "."
    g.add((art, RDF.type, KG.Article))
    g.add((art, DCTERMS.identifier, Literal("doc-1")))
    g.add((art, DCTERMS.title, Literal(title)))
    g.add((art, DCTERMS.issued, Literal("2022-02-25", datatype=XSD.date)))
    g.add((art, NIF.isString, Literal(text)))
    nodes, spans, at = [], [], 0
    for kind, label in entities:
        node = m.entity(kind, label + f" {len(nodes)}")
        mention = m.mention("doc-1", at, at + len(label))
        g.add((node, RDF.type, kind))
        g.add((node, RDFS.label, Literal(label)))
        g.add((node, KG.mentionedIn, art))
        g.add((node, KG.hasMention, mention))
        g.add((mention, RDF.type, KG.Mention))
        g.add((mention, NIF.beginIndex, Literal(at)))
        g.add((mention, NIF.endIndex, Literal(at + len(label))))
        g.add((mention, NIF.anchorOf, Literal(label)))
        nodes.append(node)
        spans.append(mention)
        at += len(label) + 1
    for i, alias in (aliases or {}).items():
        g.add((nodes[i], SKOS.altLabel, Literal(alias)))
    for n, (s, p, o) in enumerate(relations):
        g.add((nodes[s], p, nodes[o]))
        stmt = m.statement("doc-1", s, p, o, n)
        for pred, obj in [(RDF.type, KG.Statement), (RDF.subject, nodes[s]), (RDF.predicate, p),
                          (RDF.object, nodes[o]), (KG.source, art), (KG.subjectMention, spans[s]),
                          (KG.objectMention, spans[o]), (KG.sentence, Literal(text)),
                          (KG.sentenceBegin, Literal(0)), (KG.sentenceEnd, Literal(len(text))),
                          (KG.confidence, Literal(0.75, datatype=XSD.double)),
                          (KG.rule, Literal("test"))]:
            g.add((stmt, pred, obj))
    return g


class _Tags(HTMLParser):
    """Tags and script bodies as a browser's tokenizer sees them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self.scripts.append((dict(attrs), ""))
            self._in_script = True

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)


def page_data(html: str) -> dict[str, Any]:
    (data,) = [body for attrs, body in _Tags(html).scripts if attrs.get("id") == "kg-data"]
    return json.loads(data)


@pytest.fixture(scope="module")
def seed_graph() -> Graph:
    from kg.pipeline import build_graph

    return build_graph([ROOT / "seeds"])[0]


@pytest.fixture(scope="module")
def seed_html(seed_graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = write_html(seed_graph, tmp_path_factory.mktemp("view") / "graph.html")
    return path.read_bytes().decode("utf-8")


@pytest.mark.model
def test_seed_page_is_one_offline_file(seed_html: str) -> None:
    assert seed_html.startswith("<!DOCTYPE html>")
    refs = re.findall(r"""(?:\bsrc|\bhref)\s*=\s*["']?([^"'\s>]+)|url\(\s*["']?([^"')]+)""",
                      seed_html, re.I)
    external = [a or b for a, b in refs if re.match(r"\s*(?:https?:)?//", a or b, re.I)]
    assert external == []
    tags = _Tags(seed_html)
    assert {t for t, _ in tags.tags} <= {"html", "head", "meta", "title", "style", "body", "header",
                                         "strong", "div", "input", "ul", "label", "select",
                                         "option", "button", "span", "p", "main", "aside", "h2",
                                         "script"}
    assert [a.get("type") for a, _ in tags.scripts] == ["application/json", None, None]
    assert not any("src" in a for a, _ in tags.scripts)
    assert "vis-network" in seed_html and "@version 9.1.2" in seed_html
    assert "sourceMappingURL" not in seed_html


@pytest.mark.model
def test_seed_page_holds_every_label(seed_graph: Graph, seed_html: str) -> None:
    data = page_data(seed_html)
    entities = set(seed_graph.subjects(KG.mentionedIn))
    labels = {str(seed_graph.value(e, RDFS.label)) for e in entities}
    assert labels and {n["label"] for n in data["nodes"]} == labels
    assert "Recep Tayyip Erdoğan" in seed_html  # UTF-8, not \u escapes
    edges = {(data["nodes"][e["from"]]["label"], data["relations"][e["r"]]["label"],
              data["nodes"][e["to"]]["label"]) for e in data["edges"]}
    assert ("Hulusi Akar", "phoned", "Oleksii Reznikov") in edges
    assert data["meta"]["physics"] is True


def test_script_hashes_match_csp(tmp_path: Path) -> None:
    html = write_html(make_graph([(KG.Person, "A")]), tmp_path / "g.html").read_text("utf-8")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    bodies = [body for attrs, body in _Tags(html).scripts if "type" not in attrs]
    assert len(bodies) == 2
    for body in bodies:
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_no_lib_folder_in_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_html(make_graph([(KG.Person, "A"), (KG.Place, "B")], [(0, KG.livesIn, 1)]), "out.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.html"]


def test_hostile_text_is_escaped(tmp_path: Path) -> None:
    entities = [(KG.Person, h) for h in HOSTILE] + [(KG.Place, "Ankara \U0001f600")]
    g = make_graph(entities, [(0, KG.met, 1), (1, KG.phoned, 2)], title=HOSTILE[1],
                   aliases={0: HOSTILE[2]})
    raw = write_html(g, tmp_path / "g.html").read_bytes()
    html = raw.decode("utf-8")
    for bad in ("<script>alert", "<img", "onerror=alert(1)>", "</script><script>", "<!-- x",
                "\u2028", "\u2029"):
        assert bad not in html
    tags = _Tags(html)
    assert [t for t, _ in tags.tags if t in ("script", "img")] == ["script"] * 3
    data = page_data(html)
    assert {n["label"] for n in data["nodes"]} == {label for _, label in entities}
    assert data["articles"][0]["title"] == HOSTILE[1]
    assert HOSTILE[2] in [a for n in data["nodes"] for a in n["al"]]


def test_evidence_offsets_are_relative_and_utf16() -> None:
    g = make_graph([(KG.Person, "\U0001f600 Emoji Person"), (KG.Country, "Ruritania")],
                   [(0, KG.discussedWith, 1)])
    nxg = to_networkx(g)
    (_, _, key, edge), = nxg.edges(keys=True, data=True)
    assert key == str(KG.discussedWith) and edge["label"] == "discussed with"
    (ev,) = edge["evidence"]
    text = ev["sentence"]
    utf16 = text.encode("utf-16-le")
    got = [utf16[2 * b:2 * e].decode("utf-16-le") for b, e, _ in ev["spans"]]
    assert got == ["\U0001f600 Emoji Person", "Ruritania"]
    assert ev["confidence"] == 0.75 and ev["rule"] == "test"


def test_property_label_from_graph_and_literal_objects_are_facts() -> None:
    g = make_graph([(KG.Person, "Akar"), (KG.Person, "Wallace")], [(0, KG.counterpartOf, 1)])
    g.add((KG.counterpartOf, RDFS.label, Literal("is the counterpart of", lang="en")))
    akar = next(s for s in g.subjects(RDFS.label, Literal("Akar")))
    g.add((akar, KG.said, Literal("peace <b>now</b>")))
    g.add((akar, KG.holdsRole, Literal("Defense Minister")))
    nxg = to_networkx(g)
    assert isinstance(nxg, nx.MultiDiGraph)
    assert [d["label"] for *_, d in nxg.edges(data=True)] == ["is the counterpart of"]
    node = nxg.nodes[str(akar)]
    assert node["roles"] == ["Defense Minister"] and node["type"] == KG.Person
    assert [(f["label"], f["value"]) for f in node["facts"]] == [("said", "peace <b>now</b>")]


def test_multi_edges_are_kept() -> None:
    g = make_graph([(KG.Person, "A"), (KG.Person, "B")],
                   [(0, KG.phoned, 1), (0, KG.met, 1), (1, KG.counterpartOf, 0)])
    assert to_networkx(g).number_of_edges() == 3


def star(n: int) -> Graph:
    """Entity 0 linked to all; entity 1 to 2..5; the rest are leaves."""
    rels = [(0, KG.relatedTo, i) for i in range(1, n)]
    rels += [(1, KG.met, i) for i in range(2, min(n, 6))]
    return make_graph([(KG.Person, f"P{i}") for i in range(n)], rels)


def test_max_nodes_keeps_the_best_connected(tmp_path: Path) -> None:
    data = page_data(write_html(star(12), tmp_path / "g.html", max_nodes=3).read_text("utf-8"))
    assert data["meta"] == {"entities": 12, "shown": 3, "relations": 15, "maxNodes": 3,
                                 "physics": True}
    assert {n["label"] for n in data["nodes"]} == {"P0", "P1", "P2"}
    assert len(data["edges"]) == 3
    full = page_data(write_html(star(12), tmp_path / "h.html", max_nodes=50).read_text("utf-8"))
    assert full["meta"]["shown"] == 12


@pytest.mark.parametrize("bad", [0, -3, True, 2.5, "10"])
def test_bad_max_nodes(tmp_path: Path, bad: Any) -> None:
    with pytest.raises(ExportError, match=f"got {re.escape(repr(bad))}.*--max-nodes"):
        write_html(star(4), tmp_path / "g.html", max_nodes=bad)


def test_folder_as_output_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="is a folder"):
        write_html(star(4), tmp_path)


def test_output_is_deterministic(tmp_path: Path) -> None:
    a = write_html(star(30), tmp_path / "a.html").read_bytes()
    b = write_html(star(30), tmp_path / "b.html").read_bytes()
    assert a == b


def test_empty_graph_still_writes_a_page(tmp_path: Path) -> None:
    data = page_data(write_html(Graph(), tmp_path / "g.html").read_text("utf-8"))
    assert data["nodes"] == [] and data["meta"]["entities"] == 0


def test_large_graph_gets_a_fixed_layout(tmp_path: Path) -> None:
    n = PHYSICS_LIMIT + 200
    rels = [(i, KG.relatedTo, (i * 7 + 1) % n) for i in range(n)] + \
           [(i, KG.met, i + 1) for i in range(0, n - 1, 3)]
    g = make_graph([(KG.Organization if i % 5 else KG.Person, f"E{i}") for i in range(n)], rels)
    data = page_data(write_html(g, tmp_path / "g.html").read_text("utf-8"))
    assert data["meta"]["physics"] is False
    xy = {(v["x"], v["y"]) for v in data["nodes"]}
    assert len(xy) == n  # no two nodes on the same spot
