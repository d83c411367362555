"""Build benchmark: kg against bare spaCy on the same texts, in the same run.

    python benchmarks/bench_build.py [--corpus ../shared/corpus/bbc-news/articles] [--limit N] [--rounds R] [--repeat K] [--ratio-only]

Prints, each as a ratio against a baseline measured here and now (machines are
noisy; absolute seconds are printed only for context):

* kg build (no cache, Turtle only, start-up included) / bare ``nlp.pipe``, measured in
  interleaved rounds on the same articles (ABBA), so machine drift hits both, the
  fastest of ``--repeat`` runs of each side per round counting         target <= 1.15
  Both wall time and CPU time are measured; the CPU-time ratio is the stable figure
  on a shared machine (time the process waits for a busy CPU is not counted).  Both
  sides are single-threaded, so on a quiet machine the two ratios agree.
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
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-news" / "articles"


def _copy_corpus(src: Path, dst: Path, limit: int | None = None, files: list[Path] | None = None
                 ) -> list[Path]:
    """Copy ``files`` (default: the first ``limit`` articles under ``src``) into ``dst``, keeping
    their folders; the copies' paths."""
    files = sorted(src.rglob("*.txt"))[:limit] if files is None else files
    out = []
    for f in files:
        target = dst / f.relative_to(src)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(f, target)
        out.append(target)
    return out


def _kg(args: list[str]) -> tuple[float, int, float]:
    """Run ``kg`` in a child process; wall seconds, the child's peak RSS in bytes, CPU seconds."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "kg", *args], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 3):
        raise SystemExit(f"kg {' '.join(args)} failed")
    return seconds, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime


def _timed(work: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds (this process, all threads) of ``work()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def _interleaved(files: list[Path], work: Path, rounds: int,
                 repeat: int) -> tuple[list[float], list[float], list[float]]:
    """Bare ``nlp.pipe`` and ``kg build`` (in this process, same model, no cache) on the same
    articles, alternating in ``rounds`` slices (ABBA order), so that a machine drifting during the
    run slows both sides alike; each side runs ``repeat`` times per slice and its fastest run
    counts (as ``timeit`` does: a busy machine only ever adds time).  Returns the total
    ``[wall, cpu]`` seconds of each side and each round's wall-time ratio."""
    from kg.parse import _masked, load_nlp
    from kg.pipeline import build
    from kg.read import read_documents

    nlp = load_nlp()
    list(nlp.pipe(["Warm up the model."]))
    bare, kg = [0.0, 0.0], [0.0, 0.0]
    ratios = []
    size = -(-len(files) // rounds)
    for r in range(rounds):
        chunk = files[r * size:(r + 1) * size]
        if not chunk:
            break
        # a folder per round, so articles keep their folder in their id ("business/001" and
        # "politics/001" are two articles; given as bare files, the second would be skipped)
        folder = _copy_corpus(work / "in", work / f"slice{r}", files=chunk)[0].parents[1]
        texts = [_masked(d) for d in read_documents([folder]) if hasattr(d, "text")]
        assert len(texts) == len(chunk), f"round {r}: {len(texts)} of {len(chunk)} articles read"

        def run_bare(texts: list[str] = texts) -> tuple[float, float]:
            return _timed(lambda: [None for _ in nlp.pipe(texts, batch_size=32)])

        def run_kg(folder: Path = folder, out: Path = work / f"round{r}") -> tuple[float, float]:
            return _timed(lambda: build([folder], out, nlp=nlp, html=False, use_cache=False))

        bs: list[tuple[float, float]] = []
        ks: list[tuple[float, float]] = []
        for n in range(repeat):  # ABBA: bare, kg, kg, bare, ...
            if (r + n) % 2 == 0:
                bs.append(run_bare())
                ks.append(run_kg())
            else:
                ks.append(run_kg())
                bs.append(run_bare())
        b = (min(x[0] for x in bs), min(x[1] for x in bs))  # noise only ever adds time
        k = (min(x[0] for x in ks), min(x[1] for x in ks))
        bare = [bare[0] + b[0], bare[1] + b[1]]
        kg = [kg[0] + k[0], kg[1] + k[1]]
        ratios.append(k[0] / b[0])
    return bare, kg, ratios


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
    ap.add_argument("--rounds", type=int, default=8, help="interleaved rounds for the ratio (default 8)")
    ap.add_argument("--repeat", type=int, default=2,
                    help="runs of each side per round, the fastest counts (default 2)")
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
        bare, inproc, ratios = _interleaved(files, work, args.rounds, args.repeat)
        startup, _, startup_cpu = _kg(["build", str(files[0]), "-o", str(work / "startup"), "--no-html",
                                       "--no-cache"])
        print(f"bare spaCy nlp.pipe          {bare[0]:8.1f} s wall {bare[1]:8.1f} s CPU   (baseline, "
              f"{len(ratios)} rounds interleaved with kg, fastest of {args.repeat} each)")
        print(f"kg build, in-process         {inproc[0]:8.1f} s wall {inproc[1]:8.1f} s CPU   "
              f"(wall ratio per round: {min(ratios):.2f}-{max(ratios):.2f})")
        print(f"kg start-up (one article)    {startup:8.1f} s wall {startup_cpu:8.1f} s CPU   "
              "(interpreter, imports, model)")
        print(f"kg build / bare spaCy, wall  {'':8s}     ratio {(inproc[0] + startup) / bare[0]:5.2f}   "
              "target <= 1.15 (start-up included)")
        print(f"kg build / bare spaCy, CPU   {'':8s}     ratio {(inproc[1] + startup_cpu) / bare[1]:5.2f}   "
              "target <= 1.15 (start-up included; the stable figure on a shared machine)")
        if args.ratio_only:
            return
        one, rss1, _ = _kg(["build", str(work / "in"), "-o", str(work / "one"), "--no-html", "--no-cache"])
        two, rss2, _ = _kg(["build", str(work / "in"), "-o", str(work / "two"), "--no-html", "--no-cache", "-j", "2"])
        same = (work / "one" / "graph.ttl").read_bytes() == (work / "two" / "graph.ttl").read_bytes()
        full, _, _ = _kg(["build", str(work / "in"), "-o", str(work / "inc"), "--no-html"])
        with files[len(files) // 2].open("a", encoding="utf-8") as fh:
            fh.write("\nThe minister met the president in Paris on Monday.\n")
        inc, _, _ = _kg(["build", str(work / "in"), "-o", str(work / "inc"), "--no-html"])
        ox_rate, rdflib_rate, n = _writers(work / "one" / "graph.ttl")
        print(f"kg build, 1 process          {one:8.1f} s   (the whole corpus in one command: the"
              " --jobs 2 baseline)")
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
