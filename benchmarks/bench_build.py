"""Build benchmark: kg against bare spaCy on the same texts, in the same run.

    python benchmarks/bench_build.py [--corpus ../shared/corpus/bbc-news/articles] [--limit N] [--ratio-only]

Prints, each as a ratio against a baseline measured here and now (machines are
noisy; absolute seconds are printed only for context):

* kg build (1 process, no cache, Turtle only) / bare ``nlp.pipe``   target <= 1.15
* speed-up of ``--jobs 2`` over ``--jobs 1``                          target >= 1.7
* peak RSS of the whole build                                         target <= 1.5 GB
* Turtle write throughput (kg's pyoxigraph writer vs rdflib's)        target >= 500k triples/s
* incremental rebuild after changing one article / full build       target <= 5 %

This is a benchmark, not a test: nothing here fails a build.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-news" / "articles"


def _copy_corpus(src: Path, dst: Path, limit: int | None) -> list[Path]:
    files = sorted(src.rglob("*.txt"))[:limit]
    out = []
    for f in files:
        target = dst / f.relative_to(src)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(f, target)
        out.append(target)
    return out


def _kg(args: list[str]) -> tuple[float, int]:
    """Run ``kg`` in a child process; wall seconds and the child's peak RSS in bytes."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "kg", *args], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 3):
        raise SystemExit(f"kg {' '.join(args)} failed")
    return seconds, usage.ru_maxrss * 1024


def _bare_spacy(texts: list[str]) -> float:
    from kg.parse import load_nlp

    nlp = load_nlp()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - started


def _writers(ttl: Path, n: int = 100_000) -> tuple[float, float, int]:
    """Triples/s for pyoxigraph's and rdflib's Turtle writers on the same ``n`` triples."""
    import pyoxigraph as ox
    from rdflib import Graph

    triples = list(ox.parse(path=str(ttl), format=ox.RdfFormat.TURTLE))
    started = time.perf_counter()
    ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes={"kg": "https://newskg.example/ontology#"})
    ox_rate = len(triples) / (time.perf_counter() - started)
    sample = ox.serialize(triples[:n], format=ox.RdfFormat.N_TRIPLES)
    g = Graph().parse(data=sample, format="nt")
    started = time.perf_counter()
    g.serialize(format="turtle")
    rdflib_rate = len(g) / (time.perf_counter() - started)
    return ox_rate, rdflib_rate, len(triples)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    ap.add_argument("--ratio-only", action="store_true",
                    help="measure only kg build / bare spaCy (a quicker check while optimising)")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"corpus not found: {args.corpus}")
    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        files = _copy_corpus(args.corpus, work / "in", args.limit)
        print(f"corpus: {len(files)} articles, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB, "
              f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
        from kg.read import read_documents
        from kg.parse import _masked  # the exact text kg hands to spaCy

        texts = [_masked(d) for d in read_documents([work / "in"]) if hasattr(d, "text")]
        # the baseline is measured before and after kg build and averaged: a machine that slows
        # down or speeds up during the run moves both sides of the ratio alike
        bare_before = _bare_spacy(texts)
        one, rss1 = _kg(["build", str(work / "in"), "-o", str(work / "one"), "--no-html", "--no-cache"])
        bare_after = _bare_spacy(texts)
        bare = (bare_before + bare_after) / 2
        if args.ratio_only:
            print(f"bare spaCy nlp.pipe          {bare:8.1f} s   (baseline: {bare_before:.1f} s before,"
                  f" {bare_after:.1f} s after kg build)")
            print(f"kg build, 1 process          {one:8.1f} s   ratio {one / bare:5.2f}   target <= 1.15")
            return
        two, rss2 = _kg(["build", str(work / "in"), "-o", str(work / "two"), "--no-html", "--no-cache", "-j", "2"])
        same = (work / "one" / "graph.ttl").read_bytes() == (work / "two" / "graph.ttl").read_bytes()
        full, _ = _kg(["build", str(work / "in"), "-o", str(work / "inc"), "--no-html"])
        with files[len(files) // 2].open("a", encoding="utf-8") as fh:
            fh.write("\nThe minister met the president in Paris on Monday.\n")
        inc, _ = _kg(["build", str(work / "in"), "-o", str(work / "inc"), "--no-html"])
        ox_rate, rdflib_rate, n = _writers(work / "one" / "graph.ttl")
        print(f"bare spaCy nlp.pipe          {bare:8.1f} s   (baseline: {bare_before:.1f} s before,"
              f" {bare_after:.1f} s after kg build)")
        print(f"kg build, 1 process          {one:8.1f} s   ratio {one / bare:5.2f}   target <= 1.15"
              " (includes interpreter and model start-up)")
        print(f"kg build --jobs 2            {two:8.1f} s   speed-up {one / two:4.2f}x  target >= 1.7x"
              f"   identical output: {same}")
        print(f"peak RSS, 1 process          {rss1 / 2**20:8.0f} MB  target <= 1536 MB"
              f"   (--jobs 2 parent: {rss2 / 2**20:.0f} MB)")
        print(f"Turtle writer (pyoxigraph)   {ox_rate / 1e3:8.0f} k triples/s over {n} triples; "
              f"rdflib {rdflib_rate / 1e3:.0f} k/s; ratio {ox_rate / rdflib_rate:.0f}x  target >= 500k/s")
        print(f"incremental rebuild          {inc:8.1f} s   {100 * inc / full:5.1f} % of the full "
              f"cached-path build ({full:.1f} s)   target <= 5 %")
        peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"(this script's own peak RSS: {peak_self:.0f} MB)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
