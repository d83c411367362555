"""kg.viz in the real Chromium, offline: it draws, searches, explains edges and runs no data.

Every request other than ``file:`` is aborted.  The page's CSP forbids eval, so
waits poll with ``page.evaluate`` instead of ``wait_for_function``, and never
``time.sleep`` while a route is active (COMPONENTS.md section 7).
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.mint import Minter
from kg.viz import PHYSICS_LIMIT, write_html
from kg.vocab import DCTERMS, KG, NIF, RDF, RDFS, SKOS

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
READY = ("window.kgView && kgView.timing.firstDraw && "
         "(!kgView.data.meta.physics || kgView.timing.stabilized)")
PWN = ['<img src=x onerror="window.__pwned=1">', "<script>window.__pwned=1</script>",
       '"><svg onload="window.__pwned=1">', "</script><script>window.__pwned=1</script>"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent; install it with "
                       "apt-get install --no-install-recommends chromium fonts-dejavu-core"),
]


def small_graph(entities: Sequence[tuple[URIRef, str]],
                relations: Sequence[tuple[int, URIRef, int]] = (), *, text: str = "") -> Graph:
    """One article; ``entities`` as (class, label); each relation with a statement and spans."""
    m, g = Minter(), Graph()
    art = m.article("doc-1")
    sentence = " ".join(label for _, label in entities) + ". " + text
    for p, o in [(RDF.type, KG.Article), (DCTERMS.identifier, Literal("doc-1")),
                 (DCTERMS.title, Literal(text or "title")), (NIF.isString, Literal(sentence)),
                 (DCTERMS.issued, Literal("2022-02-25", datatype=XSD.date))]:
        g.add((art, p, o))
    nodes, mentions, at = [], [], 0
    for kind, label in entities:
        node = m.entity(kind, f"{label} {len(nodes)}")
        mention = m.mention("doc-1", at, at + len(label))
        for s, p, o in [(node, RDF.type, kind), (node, RDFS.label, Literal(label)),
                        (node, KG.mentionedIn, art), (node, KG.hasMention, mention),
                        (node, SKOS.altLabel, Literal(text + label)),
                        (mention, NIF.beginIndex, Literal(at)),
                        (mention, NIF.endIndex, Literal(at + len(label))),
                        (mention, NIF.anchorOf, Literal(label))]:
            g.add((s, p, o))
        nodes.append(node)
        mentions.append(mention)
        at += len(label) + 1
    for n, (s, p, o) in enumerate(relations):
        g.add((nodes[s], p, nodes[o]))
        stmt = m.statement("doc-1", n)
        for q, v in [(RDF.type, KG.Statement), (RDF.subject, nodes[s]), (RDF.predicate, p),
                     (RDF.object, nodes[o]), (KG.source, art), (KG.sentence, Literal(sentence)),
                     (KG.sentenceBegin, Literal(0)), (KG.subjectMention, mentions[s]),
                     (KG.objectMention, mentions[o]), (KG.confidence, Literal(0.9))]:
            g.add((stmt, q, v))
    if text and nodes:
        g.add((nodes[0], KG.said, Literal(text)))
    return g


def wait_for(page: Any, expression: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not page.evaluate(f"!!({expression})"):
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        page.wait_for_timeout(50)


class View:
    """A page showing one HTML file, with its console errors and requests."""

    def __init__(self, browser: Any, path: Path, *, bypass_csp: bool = False,
                 ready: str = READY) -> None:
        self.context = browser.new_context(viewport={"width": 1400, "height": 900},
                                           bypass_csp=bypass_csp)
        self.page = page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
                   else r.abort())
        self.url = path.resolve().as_uri()
        page.goto(self.url, wait_until="load")
        wait_for(page, ready)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def node_id(self, label: str) -> int:
        return self.js("l => kgView.data.nodes.find(n => n.label === l).id", label)

    def click_canvas(self, point: dict[str, float]) -> None:
        box = self.page.locator("#graph canvas").bounding_box()
        self.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
        self.page.wait_for_timeout(100)

    def click_node(self, nid: int) -> None:
        self.click_canvas(self.js("id => network.canvasToDOM(network.getPositions([id])[id])", nid))

    def click_edge(self, eid: int) -> None:
        self.click_canvas(self.js(
            "id => network.canvasToDOM(network.body.edges[id].edgeType.getPoint(0.5))", eid))

    def panel(self) -> str:
        return self.page.locator("#panel-body").inner_text()

    def assert_clean(self) -> None:
        assert self.errors == []
        assert self.requests == [self.url]

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def seed_graph() -> Graph:
    from kg.pipeline import build_graph

    return build_graph([ROOT / "seeds"])[0]


@pytest.fixture
def seed(browser: Any, seed_graph: Graph, tmp_path: Path) -> Iterator[View]:
    view = View(browser, write_html(seed_graph, tmp_path / "graph.html"))
    yield view
    view.close()


@pytest.mark.model
def test_seed_draws_offline_and_stops(seed: View) -> None:
    assert seed.js("network.body.data.nodes.length") == seed.js("kgView.data.nodes.length") > 20
    assert seed.js("network.physics.options.enabled") is False  # stabilised, then frozen
    assert seed.js("kgView.timing.stabilized - kgView.timing.start") < 10_000
    legend = seed.page.locator("#legend").inner_text()
    assert "person" in legend and "country" in legend
    ARTIFACTS.mkdir(exist_ok=True)
    seed.page.screenshot(path=str(ARTIFACTS / "seed-graph.png"))
    seed.assert_clean()


@pytest.mark.model
def test_search_selects_reznikov(seed: View) -> None:
    seed.page.locator("#search").click()
    seed.page.keyboard.type("Reznikov")
    first = seed.page.locator("#suggest li").first
    assert "Oleksii Reznikov" in first.inner_text()
    seed.page.keyboard.press("Enter")
    rid = seed.node_id("Oleksii Reznikov")
    assert seed.js("network.getSelectedNodes()") == [rid]
    assert seed.page.locator("#panel-body h2").inner_text() == "Oleksii Reznikov"
    focus = seed.js("kgView.focus.nodes")  # the neighbourhood, drawn over a veil
    assert rid in focus and seed.node_id("Hulusi Akar") in focus
    assert seed.node_id("Thursday") not in focus
    seed.page.locator("#search").fill("")
    seed.page.keyboard.type("ukrainian")  # an alias
    assert "alias: Ukrainian" in seed.page.locator("#suggest li").first.inner_text()
    seed.assert_clean()


@pytest.mark.model
def test_click_phoned_edge_shows_evidence(seed: View) -> None:
    akar, rez = seed.node_id("Hulusi Akar"), seed.node_id("Oleksii Reznikov")
    eid = seed.js("([a, b]) => kgView.data.edges.find(e => e.from === a && e.to === b && "
                  "kgView.data.relations[e.r].key === 'phoned').id", [akar, rez])
    seed.click_edge(eid)
    assert seed.js("network.getSelectedEdges()") == [eid]
    text = seed.panel()
    assert "phoned" in text and "phone call" in text and "000_92b35fa992aff067" in text
    assert "confidence 0." in text
    marks = seed.page.locator("#panel-body mark")
    assert "Oleksii Reznikov" in marks.all_inner_texts()
    seed.assert_clean()


@pytest.mark.model
def test_click_node_shows_its_panel(seed: View) -> None:
    seed.click_node(seed.node_id("Hulusi Akar"))
    text = seed.panel()
    for part in ("Hulusi Akar", "person", "Defense Minister", "Akar", "phoned", "Oleksii Reznikov",
                 "000_92b35fa992aff067", "SAID"):
        assert part in text
    seed.page.get_by_role("button", name="Oleksii Reznikov").first.click()
    assert seed.js("network.getSelectedNodes()") == [seed.node_id("Oleksii Reznikov")]
    seed.click_canvas({"x": 3, "y": 3})  # background: clears the highlight
    assert seed.js("kgView.focus") is None
    seed.assert_clean()


@pytest.mark.model
def test_filters(seed: View) -> None:
    shown = "[network.body.data.nodes.length, network.body.data.edges.length]"
    nodes, edges = seed.js(shown)
    seed.page.locator("#legend label", has_text="date").click()
    dates = seed.js("kgView.data.nodes.filter(n => kgView.data.classes[n.c].key === 'Date').length")
    assert seed.js(shown) == [nodes - dates, edges]
    seed.page.locator("#relations label", has_text="phoned").click()
    assert seed.js(shown) == [nodes - dates, edges - 2]
    seed.page.locator("#article").select_option(index=1)
    assert seed.js(shown)[0] == nodes - dates  # one article: all of them
    total = seed.js("kgView.data.nodes.length")
    assert f"of {total} entities" in seed.page.locator("#status").inner_text()
    seed.assert_clean()


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_hostile_names_do_not_run(browser: Any, tmp_path: Path, bypass_csp: bool) -> None:
    entities = [(KG.Person, PWN[0]), (KG.Organization, PWN[1]), (KG.Place, PWN[2]),
                (KG.Other, PWN[3]), (KG.Person, "Plain Name")]
    g = small_graph(entities, [(0, KG.met, 1), (1, KG.supports, 4), (4, KG.phoned, 0)],
                    text=PWN[0] + PWN[1])
    view = View(browser, write_html(g, tmp_path / "g.html"), bypass_csp=bypass_csp)
    try:
        view.page.locator("#search").click()
        view.page.keyboard.type("window")  # suggestions list every hostile name
        assert view.page.locator("#suggest li").count() == 5
        for label in PWN:
            view.js("id => kgView.select(id)", view.node_id(label))
            assert view.page.locator("#panel-body h2").inner_text() == label
        for eid in range(3):
            view.click_edge(eid)
            view.page.mouse.move(10, 10)
        view.click_node(view.node_id(PWN[0]))
        view.page.wait_for_timeout(300)
        assert view.js("typeof window.__pwned") == "undefined"
        assert view.js("document.querySelectorAll('img, svg, iframe').length") == 0
        assert view.js("document.scripts.length") == 3
        assert PWN[0] + PWN[1] in view.panel()
        view.assert_clean()
    finally:
        view.close()


@pytest.mark.model
def test_max_nodes_is_announced(browser: Any, seed_graph: Graph, tmp_path: Path) -> None:
    view = View(browser, write_html(seed_graph, tmp_path / "g.html", max_nodes=5))
    try:
        notice = view.page.locator("#notice")
        assert notice.is_visible()
        total = len(set(seed_graph.subjects(KG.mentionedIn)))
        assert f"Showing the 5 best-connected of {total} entities" in notice.inner_text()
        assert view.js("network.body.data.nodes.length") == 5
        view.assert_clean()
    finally:
        view.close()


def test_large_graph_draws_without_physics(browser: Any, tmp_path: Path) -> None:
    n = PHYSICS_LIMIT + 500
    g = small_graph([(KG.Person if i % 3 else KG.Organization, f"N{i}") for i in range(n)],
                    [(i, KG.met, (i * 37 + 11) % n) for i in range(n) if i != (i * 37 + 11) % n]
                    + [(i, KG.phoned, (i * 101 + 7) % n) for i in range(n)
                       if i != (i * 101 + 7) % n])
    view = View(browser, write_html(g, tmp_path / "big.html"))
    try:
        assert view.js("kgView.data.meta.physics") is False
        assert view.js("network.physics.options.enabled") is False
        assert view.js("kgView.timing.firstDraw") < 15_000
        view.js("id => kgView.select(id)", 0)
        assert view.js("network.getSelectedNodes()") == [0]
        view.assert_clean()
    finally:
        view.close()


def test_empty_graph_says_so(browser: Any, tmp_path: Path) -> None:
    view = View(browser, write_html(Graph(), tmp_path / "empty.html"), ready="window.kgView")
    try:
        assert "no entities" in view.page.locator("#notice").inner_text()
        view.assert_clean()
    finally:
        view.close()


def test_quantities_start_hidden_and_one_click_shows_them(browser: Any, tmp_path: Path) -> None:
    g = small_graph([(KG.Person, "Ann Lee"), (KG.Organization, "Acme"), (KG.Quantity, "$12bn"),
                     (KG.Quantity, "27%")], [(0, KG.worksFor, 1)])
    view = View(browser, write_html(g, tmp_path / "q.html"))
    try:
        shown = "network.body.data.nodes.getIds().map(id => kgView.data.nodes[id].label).sort()"
        assert view.js(shown) == ["Acme", "Ann Lee"]
        box = view.page.locator("#legend label", has_text="quantity").locator("input")
        assert not box.is_checked()
        box.click()
        assert view.js(shown) == ["$12bn", "27%", "Acme", "Ann Lee"]
        box.click()
        view.js("id => kgView.select(id)", view.node_id("27%"))  # going to one shows its class
        assert box.is_checked()
        assert view.js("network.getSelectedNodes()") == [view.node_id("27%")]
        view.assert_clean()
    finally:
        view.close()
