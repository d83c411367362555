"""Benchmark of the HTML view on a synthetic news graph (not a test).

    python benchmarks/bench_view.py [--nodes 5000] [--edges 10000] [--out test-artifacts]

Builds a graph in kg's shape (articles, typed entities with mentions, relations
each backed by a kg:Statement with its sentence and mention offsets), then
reports for it and for a 50-node baseline from the same generator, in the same
run: HTML size, Python generation time (``write_html``), and time to first draw
in headless Chromium (vis-network's first ``afterDrawing``, from navigation
start, with every non-``file:`` request aborted).  Target: first draw <= 3 s
at 5,000 nodes / 10,000 edges.  Screenshots go to ``--out``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import XSD

from kg.mint import Minter
from kg.viz import write_html
from kg.vocab import DCTERMS, KG, NIF, RDF, RDFS, SKOS

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
KINDS = [(KG.Person, 45), (KG.Organization, 20), (KG.Place, 12), (KG.Date, 9), (KG.Group, 5),
         (KG.Other, 5), (KG.Country, 4)]
RELATIONS = [KG.met, KG.phoned, KG.discussedWith, KG.supports, KG.rejects, KG.worksFor,
             KG.memberOf, KG.affiliatedWith, KG.locatedIn, KG.basedIn, KG.counterpartOf]
SYLLABLES = ["ka", "ro", "lin", "mer", "sa", "vik", "to", "dan", "el", "ya", "zu", "bor", "ni",
             "os"]


def synthetic(n_nodes: int, n_edges: int, seed: int = 0) -> Graph:
    """``n_nodes`` entities in topics, ``n_edges`` distinct relations, mostly within a topic."""
    rnd = random.Random(seed)
    m = Minter()
    g = Graph()
    topics = max(2, n_nodes // 80)
    n_articles = max(1, n_nodes // 8)
    articles = []
    for a in range(n_articles):
        art = m.article(f"a{a:05d}")
        g.add((art, RDF.type, KG.Article))
        g.add((art, DCTERMS.identifier, Literal(f"a{a:05d}")))
        g.add((art, DCTERMS.title, Literal(f"Synthetic story {a}")))
        g.add((art, DCTERMS.issued, Literal(f"2022-{1 + a % 12:02d}-{1 + a % 28:02d}",
                                             datatype=XSD.date)))
        articles.append(art)
    kinds = [k for k, w in KINDS for _ in range(w)]
    entities, topic_of, members = [], [], [[] for _ in range(topics)]
    for i in range(n_nodes):
        kind = rnd.choice(kinds)
        name = " ".join(
            "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 3))).title()
            for _ in range(2 if kind == KG.Person else 1))
        node = m.entity(kind, f"{name} {i}")
        g.add((node, RDF.type, kind))
        g.add((node, RDFS.label, Literal(name)))
        if kind == KG.Person and rnd.random() < 0.3:
            g.add((node, SKOS.altLabel, Literal(name.split()[-1])))
        t = rnd.randrange(topics)
        entities.append(node)
        topic_of.append(t)
        members[t].append(i)
    hubs = [i for i in range(n_nodes) if rnd.random() < 0.01] or [0]
    seen: set[tuple[int, int, int]] = set()
    mentions: dict[int, int] = {}
    while len(seen) < n_edges:
        t = rnd.randrange(topics)
        if len(members[t]) < 2:
            continue
        s = members[t][min(int(rnd.paretovariate(1.2)) - 1, len(members[t]) - 1)]
        roll = rnd.random()
        o = (rnd.choice(members[t]) if roll < 0.75 else rnd.choice(hubs) if roll < 0.9
             else rnd.randrange(n_nodes))
        p = rnd.randrange(len(RELATIONS))
        if s == o or (s, p, o) in seen:
            continue
        seen.add((s, p, o))
        art = articles[(t * 7 + rnd.randrange(8)) % n_articles]
        sl, ol = (str(g.value(entities[x], RDFS.label)) for x in (s, o))
        verb = str(RELATIONS[p]).rsplit("#", 1)[1]
        sentence = f"{sl} {verb} {ol} on Tuesday, officials said."
        begin = 100 * len(seen)
        stmt = m.statement(str(art), s, p, o)
        spans = []
        for x, at, label in ((s, 0, sl), (o, len(sl) + len(verb) + 2, ol)):
            mention = m.mention(f"a{len(seen)}", begin + at, begin + at + len(label))
            g.add((mention, RDF.type, KG.Mention))
            g.add((mention, NIF.beginIndex, Literal(begin + at)))
            g.add((mention, NIF.endIndex, Literal(begin + at + len(label))))
            g.add((mention, NIF.anchorOf, Literal(label)))
            g.add((entities[x], KG.hasMention, mention))
            g.add((entities[x], KG.mentionedIn, art))
            mentions[x] = mentions.get(x, 0) + 1
            spans.append(mention)
        g.add((entities[s], RELATIONS[p], entities[o]))
        for pred, obj in [(RDF.type, KG.Statement), (RDF.subject, entities[s]),
                          (RDF.predicate, RELATIONS[p]), (RDF.object, entities[o]),
                          (KG.source, art), (KG.subjectMention, spans[0]),
                          (KG.objectMention, spans[1]), (KG.sentence, Literal(sentence)),
                          (KG.sentenceBegin, Literal(begin)),
                          (KG.sentenceEnd, Literal(begin + len(sentence))),
                          (KG.confidence, Literal(round(rnd.uniform(0.4, 0.95), 2),
                                                  datatype=XSD.double)),
                          (KG.rule, Literal("synthetic"))]:
            g.add((stmt, pred, obj))
    for i, node in enumerate(entities):
        if i not in mentions:  # mentioned once, in its topic's article, with no relation
            g.add((node, KG.mentionedIn, articles[topic_of[i] % n_articles]))
    return g


def generate(g: Graph, path: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        write_html(g, path)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def wait_for(page: object, expression: str, timeout: float = 300.0) -> None:
    """Poll with page.evaluate: wait_for_function evals in the page, which its CSP forbids."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(f"!!({expression})"):  # type: ignore[attr-defined]
        if time.monotonic() > deadline:
            raise TimeoutError(f"{expression} still false after {timeout} s")
        page.wait_for_timeout(50)  # type: ignore[attr-defined]


def first_draw(browser: object, path: Path, shot: Path) -> dict[str, float]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
    errors: list[str] = []
    blocked: list[str] = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
               else (blocked.append(r.request.url), r.abort()))
    page.goto(path.resolve().as_uri(), wait_until="load")
    wait_for(page, "window.kgView && kgView.timing.firstDraw")
    timing = page.evaluate("kgView.timing")
    if page.evaluate("kgView.data.meta.physics"):
        wait_for(page, "kgView.timing.stabilized")
        timing = page.evaluate("kgView.timing")
    hub = page.evaluate("kgView.data.nodes.reduce((b, n) => n.m > b.m ? n : b).id")
    timing["select"] = page.evaluate(
        "id => { const t = performance.now(); kgView.select(id); return performance.now() - t; }",
        hub)
    page.wait_for_timeout(600)
    page.evaluate("network.unselectAll(); network.fit()")
    box = page.locator("#graph canvas").bounding_box()
    page.mouse.click(box["x"] + 3, box["y"] + 3)  # the background: clears the highlight
    page.wait_for_timeout(300)
    page.screenshot(path=str(shot))
    page.close()
    if errors or blocked:
        sys.exit(f"bench: {path}: console errors {errors}, requests {blocked}")
    return timing


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--edges", type=int, default=10000)
    ap.add_argument("--out", type=Path, default=Path("test-artifacts"))
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for nodes, edges, repeat in ((50, 100, 5), (args.nodes, args.edges, 3)):
            started = time.perf_counter()
            g = synthetic(nodes, edges)
            built = time.perf_counter() - started
            html = args.out / f"bench-{nodes}.html"
            gen = generate(g, html, repeat)
            t = first_draw(browser, html, args.out / f"bench-{nodes}.png")
            rows.append((nodes, edges, len(g), built, html.stat().st_size, gen, t))
        browser.close()
    base = rows[0]
    print(f"{'graph':>14} {'triples':>8} {'HTML':>10} {'x':>6} {'generate':>9} {'x':>6} "
          f"{'first draw':>10} {'x':>6} {'stabilized':>10} {'select':>7}")
    for nodes, edges, triples, _built, size, gen, t in rows:
        stab = f"{t['stabilized'] / 1000:.2f} s" if "stabilized" in t else "physics off"
        draw = t["firstDraw"]
        print(f"{nodes:>6}n/{edges:>5}e {triples:>8} {size / 1024:>7.0f} KiB "
              f"{size / base[4]:>6.1f} {gen:>7.2f} s {gen / base[5]:>6.1f} {draw / 1000:>8.2f} s "
              f"{draw / base[6]['firstDraw']:>6.2f} {stab:>10} {t['select']:>4.0f} ms")
    big = rows[-1][6]["firstDraw"] / 1000
    print(f"target: first draw <= 3 s at {rows[-1][0]} nodes: {'met' if big <= 3 else 'MISSED'}"
          f" ({big:.2f} s); screenshots in {args.out}/")
    return 0 if big <= 3 else 1


if __name__ == "__main__":
    sys.exit(main())
