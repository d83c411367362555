"""Hostile and broken input: long articles, arbitrary Unicode, a build killed half-way."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg.parse
from kg.engine import merge, run
from kg.mint import DEFAULT_BASE_IRI
from kg.types import Document

pytestmark = pytest.mark.model

NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "}", '"""', "\u0000",
           "\u200f\u202e", "'; DROP GRAPH <x> ; #", "SELECT * WHERE { ?s ?p ?o }", "\\u0022", "@prefix"]


def _turtle(documents: list[Document], nlp) -> bytes:  # type: ignore[no-untyped-def]
    triples = merge(run(documents, base_iri=DEFAULT_BASE_IRI, nlp=nlp), DEFAULT_BASE_IRI)
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes={"nif": NIF})


def _check(data: bytes, texts: dict[str, str]) -> int:
    """Strict parse; every mention's offsets give back its anchor text. Returns #mentions."""
    store = ox.Store()
    store.load(input=data, format=ox.RdfFormat.TURTLE)
    q = f"""SELECT ?id ?b ?e ?a WHERE {{ ?m <{NIF}anchorOf> ?a ; <{NIF}beginIndex> ?b ;
            <{NIF}endIndex> ?e ; <{NIF}referenceContext> ?d .
            ?d <http://purl.org/dc/terms/identifier> ?id }}"""
    n = 0
    for sol in store.query(q):
        text = texts[sol["id"].value]
        assert text[int(sol["b"].value):int(sol["e"].value)] == sol["a"].value
        n += 1
    return n


def test_long_article_is_split_not_refused(nlp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(kg.parse, "_CHUNK", 600)
    monkeypatch.setattr(nlp, "max_length", 1000)  # anything over this would raise spaCy's E088
    para = ("Maria Lopez met Jean Dupont in Geneva on Monday. Dupont, who works for Acme Corp, "
            "phoned Lopez later.\n\n")
    text = para * 40  # ~4,000 characters: seven pieces
    doc = Document("long", text, "long.txt")
    data = _turtle([doc], nlp)
    assert _check(data, {"long": text}) >= 40 * 3
    assert b"phoned" in data


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.text(st.characters(blacklist_categories=["Cs"]), max_size=60),
                          st.sampled_from(HOSTILE),
                          st.sampled_from(["Hulusi Akar", "Ukraine's", " phoned ", "Ben Wallace",
                                           "Erdoğan", "\n\n", ". ", "Москва"])),
                min_size=1, max_size=12))
def test_any_text_builds_valid_rdf(nlp, parts: list[str]) -> None:  # type: ignore[no-untyped-def]
    text = "".join(parts)
    if not text.strip():
        return
    documents = [Document("doc<1>\"x", text, "h.txt")]
    _check(_turtle(documents, nlp), {"doc<1>\"x": text})


def _corpus(folder: Path, n: int, extra: str = "") -> None:
    folder.mkdir(exist_ok=True)
    for i in range(n):
        (folder / f"{i:03d}.txt").write_text(
            f"Anna Berg met Carlos Diaz in Lima. Diaz phoned Berg on Monday.{extra}\n" * 30, encoding="utf-8")


def _kg(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "kg", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def test_sigkill_half_way_leaves_previous_exports_intact(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    _corpus(src, 40)
    assert _kg("build", str(src), "-o", str(out), "--no-html").wait() == 0
    before = (out / "graph.ttl").read_bytes()
    _corpus(src, 40, extra=" Berg met Diaz again.")
    proc = _kg("build", str(src), "-o", str(out), "--no-html", "--no-cache")
    time.sleep(3.0)  # past start-up, in the middle of parsing
    still_running = proc.poll() is None
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    after = (out / "graph.ttl").read_bytes()
    list(ox.parse(input=after, format=ox.RdfFormat.TURTLE))  # whole and strictly valid
    if still_running:
        assert after == before
    leftovers = [p.name for p in out.iterdir() if p.is_file() and p.name != "graph.ttl"]
    assert all(n.startswith(".graph.ttl.") and n.endswith(".tmp") for n in leftovers), leftovers


def test_ten_thousand_tiny_files(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    from kg.pipeline import build

    src = tmp_path / "tiny"
    for i in range(10_000):
        sub = src / f"{i // 1000:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i:05d}.txt").write_text(f"Mayor Ana Ruiz visited Lima {i} times.\n" if i % 7 else "",
                                          encoding="utf-8")
    report = build([src], tmp_path / "out", nlp=nlp, html=False, use_cache=False)
    empty = sum(1 for i in range(10_000) if i % 7 == 0)
    assert report.articles == 10_000 - empty and len(report.skipped) == empty
    assert all("empty" in s.reason for s in report.skipped)
    list(ox.parse(path=str(tmp_path / "out" / "graph.ttl"), format=ox.RdfFormat.TURTLE))
