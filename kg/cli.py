"""The ``kg`` command: the only module that prints or exits.

Each subcommand parses its arguments, calls one library function and formats
the result; a ``KGError`` becomes one line, ``kg: error: ...``, and exit code 1.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .errors import KGError
from .evaluate import FORMATS as EVAL_FORMATS
from .export import FORMATS as EXPORT_FORMATS
from .mint import DEFAULT_BASE_IRI
from .query import FORMATS
from .types import Skipped

__all__ = ["main"]

EXIT_OK, EXIT_ERROR, EXIT_SKIPPED = 0, 1, 3


class _Progress:
    """A progress line on stderr, only when it is a terminal."""

    def __init__(self) -> None:
        self.total = 0
        self.done = 0
        self.tty = sys.stderr.isatty()
        self.started = time.perf_counter()

    def start(self, total: int) -> None:
        self.total = total

    def step(self, cached: bool = False) -> None:
        self.done += 1
        if self.tty and (self.done == self.total or self.done % 5 == 0):
            rate = self.done / max(time.perf_counter() - self.started, 1e-9)
            width = 30
            filled = int(width * self.done / max(self.total, 1))
            sys.stderr.write(f"\rkg: [{'#' * filled}{'.' * (width - filled)}] "
                             f"{self.done}/{self.total} articles, {rate:.1f}/s")
            if self.done == self.total:
                sys.stderr.write("\n")
            sys.stderr.flush()


def _build(args: argparse.Namespace) -> int:
    from .pipeline import build

    def warn(skip: Skipped) -> None:
        print(f"kg: warning: skipped {skip.source}: {skip.reason}", file=sys.stderr)

    progress = _Progress()
    fmts = args.formats or ["ttl", "html"]
    report = build(args.inputs, args.output, base_iri=args.base_iri,
                   html="html" in fmts and not args.no_html,
                   formats=[f for f in fmts if f != "html"] or ["ttl"],
                   strict=args.strict, jobs=args.jobs, cache_dir=args.cache,
                   use_cache=not args.no_cache, dask=args.dask, max_nodes=args.max_nodes,
                   on_skip=warn, on_start=progress.start, on_article=progress.step)
    print(f"kg: {report.articles} article(s) ({report.cached} from cache), {report.entities} entities, "
          f"{report.relations} relations, {report.triples} triples in {report.seconds:.1f} s")
    for path in report.outputs:
        print(f"kg: wrote {path}")
    if report.skipped:
        print(f"kg: {len(report.skipped)} input(s) skipped", file=sys.stderr)
        return EXIT_SKIPPED
    return EXIT_OK


def _query(args: argparse.Namespace) -> int:
    from .query import query

    if args.file is None and args.graph and args.graph[-1].lower().endswith((".rq", ".sparql")):
        args.file, args.graph = args.graph[-1], args.graph[:-1]  # "kg query graph.ttl my.rq" reads the file
    if args.file is not None:
        try:
            sparql = Path(args.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise KGError(f"cannot read query file {args.file}: {exc}; pass a UTF-8 .rq file") from exc
        graphs = args.graph
    elif args.graph:
        graphs, sparql = args.graph[:-1], args.graph[-1]
    else:
        raise KGError("no query given; pass it as the last argument or with -f FILE")
    if args.update and not args.endpoint:
        raise KGError("kg never changes graph files; to run SPARQL Update, load the file into a "
                      "store (kg load) and use --update --endpoint URL")
    if args.endpoint:
        from .store import credentials, query_endpoint, update_endpoint

        if graphs:
            raise KGError("pass graph files or --endpoint, not both")
        if args.update:
            status = update_endpoint(args.endpoint, sparql, auth=credentials(args.user))
            print(f"kg: update done (HTTP {status})")
            return EXIT_OK
        sys.stdout.write(query_endpoint(args.endpoint, sparql, args.format,
                                        auth=credentials(args.user)))
        return EXIT_OK
    if not graphs:
        raise KGError("no graph file given; e.g. kg query exports/graph.ttl 'SELECT ...'")
    sys.stdout.write(query(graphs, sparql, args.format))
    return EXIT_OK


def _view(args: argparse.Namespace) -> int:
    from rdflib import Graph

    from .viz import write_html

    graph = Graph()
    for path in args.graph:
        try:
            graph.parse(path, format="turtle")
        except (OSError, SyntaxError, ValueError) as exc:
            raise KGError(f"cannot read {path} as Turtle: {exc}; pass a file written by kg build") from exc
    out = write_html(graph, args.output, max_nodes=args.max_nodes)
    print(f"kg: wrote {out}")
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    from .validate import validate

    report = validate(args.graph, shacl=not args.no_shacl)
    sys.stdout.write(report.text())
    return EXIT_OK if report.conforms else EXIT_ERROR


def _load(args: argparse.Namespace) -> int:
    from .store import credentials, load

    r = load(args.file, args.endpoint, graph=args.graph_iri, replace=args.replace,
             auth=credentials(args.user), timeout=args.timeout)
    where = f"graph <{args.graph_iri}>" if args.graph_iri else "the default graph"
    print(f"kg: {'replaced' if args.replace else 'added'} {r.triples} triples in {where} "
          f"at {r.url} (HTTP {r.status}, {r.seconds:.1f} s)")
    return EXIT_OK


def _eval(args: argparse.Namespace) -> int:
    import json

    from .evaluate import evaluate, format_report

    report = evaluate(args.file, args.format, limit=args.limit, learned=not args.rules_only,
                      **({"conventions": ()} if args.strict else {}))
    print(json.dumps(report, indent=2) if args.json else format_report(report))
    return EXIT_OK


def _version() -> str:
    from . import __version__

    return __version__


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description="Turn news articles into an RDF knowledge graph.")
    parser.add_argument("--version", action="version", version=f"kg {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="extract a graph from articles and write Turtle + HTML")
    b.add_argument("inputs", nargs="+", help=".txt files, folders of them, or .jsonl files")
    b.add_argument("-o", "--output", default="exports", help="output folder (default: exports)")
    b.add_argument("--base-iri", default=DEFAULT_BASE_IRI, help=f"IRI prefix of minted nodes (default: {DEFAULT_BASE_IRI})")
    b.add_argument("--format", dest="formats", action="extend", nargs="+", metavar="FMT",
                   choices=[*EXPORT_FORMATS, "html"],
                   help="what to write: ttl trig nt jsonld html (default: ttl html)")
    b.add_argument("--no-html", action="store_true", help="do not write graph.html")
    b.add_argument("--strict", action="store_true", help="fail, writing nothing, if any input is skipped")
    b.add_argument("-j", "--jobs", type=int, default=1, help="worker processes for parsing (default: 1)")
    b.add_argument("--cache", metavar="DIR", help="per-article cache folder (default: OUTPUT/.cache)")
    b.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    b.add_argument("--dask", metavar="ADDRESS", help="run extraction on a Dask scheduler, e.g. tcp://host:8786")
    b.add_argument("--max-nodes", type=int, default=None, help="HTML view: keep the N best-connected nodes")
    b.set_defaults(func=_build)

    q = sub.add_parser("query", help="run a SPARQL query over graph files")
    q.add_argument("graph", nargs="*", metavar="GRAPH [QUERY]",
                   help="Turtle (or .nt/.trig/.jsonld) files, then the query (text, or a .rq file) unless -f is given")
    q.add_argument("--endpoint", metavar="URL",
                   help="query this SPARQL endpoint (e.g. http://127.0.0.1:7878/query) instead of files")
    q.add_argument("--user", help="user name for --endpoint (password from KG_PASSWORD or asked for)")
    q.add_argument("--update", action="store_true",
                   help="the query is a SPARQL Update for --endpoint (its update URL, e.g. .../update); "
                        "files are never changed")
    q.add_argument("-f", "--file", help="read the query from this file")
    q.add_argument("--format", choices=FORMATS, default="table", help="result format (default: table)")
    q.set_defaults(func=_query)

    v = sub.add_parser("view", help="render a graph file as a self-contained HTML page")
    v.add_argument("graph", nargs="+", help="Turtle files written by kg build")
    v.add_argument("-o", "--output", default="graph.html", help="HTML file to write")
    v.add_argument("--max-nodes", type=int, default=None, help="keep only the N best-connected nodes")
    v.set_defaults(func=_view)

    val = sub.add_parser("validate", help="check graph files: strict syntax, typed literals, SHACL shapes")
    val.add_argument("graph", nargs="+", help=".ttl/.trig/.nt/.nq/.jsonld files, checked as one graph")
    val.add_argument("--no-shacl", action="store_true", help="check only syntax and literals (fast)")
    val.set_defaults(func=_validate)

    ld = sub.add_parser("load", help="send a graph file to a SPARQL server (Graph Store Protocol)")
    ld.add_argument("file", metavar="GRAPH", help=".ttl, .nt or .jsonld (or a .trig/.nq dataset)")
    ld.add_argument("--endpoint", required=True, metavar="URL",
                    help="Graph Store base URL, e.g. http://127.0.0.1:7878/store")
    ld.add_argument("--graph", dest="graph_iri", metavar="IRI",
                    help="named graph to write (default: the default graph)")
    ld.add_argument("--replace", action="store_true",
                    help="replace the graph (PUT) instead of adding to it (POST)")
    ld.add_argument("--user", help="user name; password from KG_PASSWORD or asked for (or set KG_USER)")
    ld.add_argument("--timeout", type=float, default=300.0, metavar="S",
                    help="seconds to wait (default: 300)")
    ld.set_defaults(func=_load)

    e = sub.add_parser("eval", help="score the extractors on labelled data (CoNLL04, CoNLL-2003)")
    e.add_argument("file", help="a CoNLL04 file in SpERT JSON, or a CoNLL-2003 file (eng.testa)")
    e.add_argument("--format", required=True, choices=EVAL_FORMATS, help="format of FILE")
    e.add_argument("--json", action="store_true", help="print the report as JSON instead of a table")
    e.add_argument("--limit", type=int, metavar="N",
                   help="score only the first N examples (conll04: sentences; conll2003: documents)")
    e.add_argument("--rules-only", action="store_true",
                   help="score the rules alone, without the learned relation classifier")
    e.add_argument("--strict", action="store_true",
                   help="conll04: score without the documented conventions (titles in person "
                        "spans, a birthplace 'City , State' as one span, dates as CoNLL04 "
                        "labels them)")
    e.set_defaults(func=_eval)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``kg``; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KGError as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
