"""kg.store against a real Oxigraph server over HTTP, plus fake servers for auth and timeouts."""

from __future__ import annotations

import http.server
import logging
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from kg.export import write
from kg.query import query
from kg.store import LoadError, credentials, load, query_endpoint

from .oxigraph_server import OxigraphServer, find_oxigraph, free_port

A = (
    "<http://ex.org/a> <http://ex.org/p> <http://ex.org/b> .\n"
    "<http://ex.org/a> <http://ex.org/p> <http://ex.org/c> .\n"
)
B = (
    "<http://ex.org/a> <http://ex.org/p> <http://ex.org/c> .\n"
    '<http://ex.org/d> <http://ex.org/p> "Erdoğan" .\n'
)
GRAPH = "https://example.org/graphs/run-1"
PHONED = """PREFIX kg: <https://newskg.example/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?caller ?callee WHERE { ?a kg:phoned ?b . ?a rdfs:label ?caller . ?b rdfs:label ?callee }
ORDER BY ?caller ?callee"""


@pytest.fixture
def server() -> Iterator[OxigraphServer]:
    exe = find_oxigraph()
    if exe is None:
        pytest.skip(
            "the oxigraph server binary is not installed (pip install oxigraph, a dev dependency)"
        )
    with OxigraphServer.start(exe) as srv:
        yield srv


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.nt", tmp_path / "b.ttl"
    a.write_text(A, encoding="utf-8")
    b.write_text("# a comment first: curl -d would lose every triple\n" + B, encoding="utf-8")
    return a, b


def triples_in(path: Path) -> int:
    return sum(1 for _ in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))


@pytest.mark.model
def test_load_seed_build_into_default_graph(server: OxigraphServer, seed_graph_path: Path) -> None:
    report = load(seed_graph_path, server.store)
    assert report.method == "POST" and report.status in (200, 201, 204)
    assert report.triples == triples_in(seed_graph_path) > 100
    assert server.count() == report.triples
    assert report.url == f"{server.store}?default"


@pytest.mark.model
def test_load_seed_build_into_named_graph_and_query_it(
    server: OxigraphServer, seed_graph_path: Path
) -> None:
    report = load(seed_graph_path, server.store, graph=GRAPH)
    assert server.count(GRAPH) == report.triples and server.count() == 0
    rows = server.select(
        PHONED.replace("WHERE {", f"WHERE {{ GRAPH <{GRAPH}> {{").replace("ORDER BY", "} ORDER BY")
    )
    assert [(r["caller"], r["callee"]) for r in rows] == [
        ("Hulusi Akar", "Ben Wallace"),
        ("Hulusi Akar", "Oleksii Reznikov"),
    ]


def test_post_adds_and_put_replaces(server: OxigraphServer, files: tuple[Path, Path]) -> None:
    a, b = files
    for graph in (None, GRAPH):
        load(a, server.store, graph=graph)
        load(b, server.store, graph=graph)
        assert server.count(graph) == 3  # a + b: the shared triple counts once
        report = load(b, server.store, graph=graph, replace=True)
        assert report.method == "PUT" and server.count(graph) == 2
    rows = server.select('SELECT ?s WHERE { ?s ?p "Erdoğan" }')
    assert rows == [{"s": "http://ex.org/d"}]  # UTF-8 survives the trip


@pytest.mark.model
def test_every_export_format_loads_with_its_content_type(
    server: OxigraphServer, tmp_path: Path, seed_graph_path: Path
) -> None:
    graph = Graph().parse(seed_graph_path, format="turtle")
    paths = write(graph, tmp_path, ["ttl", "nt", "jsonld", "trig"])
    for path in (p for p in paths if p.suffix != ".trig"):
        g = f"https://example.org/graphs/{path.suffix[1:]}"
        load(path, server.store, graph=g)
        assert server.count(g) == len(graph), path
    trig = next(p for p in paths if p.suffix == ".trig")
    load(trig, server.store)  # a dataset: its own named graphs
    named = server.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    by_graph = {r["g"]: int(r["n"]) for r in named}
    assert by_graph["https://newskg.example/ontology"] > 100
    assert by_graph["https://newskg.example/id/graph/entities"] > 0
    assert sum(n for g, n in by_graph.items() if "/article/" in g) > 0
    with pytest.raises(LoadError, match="dataset"):
        load(trig, server.store, graph=GRAPH)


@pytest.mark.model
def test_query_endpoint_formats_like_kg_query(
    server: OxigraphServer, seed_graph_path: Path
) -> None:
    load(seed_graph_path, server.store)
    for fmt in ("table", "csv", "json"):
        assert query_endpoint(server.query_url, PHONED, fmt) == query(
            [seed_graph_path], PHONED, fmt
        )
    assert query_endpoint(server.query_url, PHONED, "csv") == (
        "caller,callee\nHulusi Akar,Ben Wallace\nHulusi Akar,Oleksii Reznikov\n"
    )
    ask = "ASK { ?s ?p ?o }"
    assert query_endpoint(server.query_url, ask) == query([seed_graph_path], ask) == "true\n"
    assert query_endpoint(server.query_url, ask, "json") == '{"head": {}, "boolean": true}\n'
    construct = (
        "CONSTRUCT { ?s <http://ex.org/n> ?o } "
        "WHERE { ?s <http://purl.org/dc/terms/identifier> ?o }"
    )
    out = query_endpoint(server.query_url, construct)
    assert len(list(ox.parse(out.encode(), format=ox.RdfFormat.TURTLE))) == 1


def test_query_endpoint_reports_the_servers_message(server: OxigraphServer) -> None:
    with pytest.raises(LoadError, match=r"HTTP 400 .*error at 1:"):
        query_endpoint(server.query_url, "SELEC nothing")
    with pytest.raises(LoadError, match=r"not SPARQL results|HTTP 4"):
        query_endpoint(server.store + "?default", "SELECT * WHERE { ?s ?p ?o }")


def test_http_error_names_status_server_message_and_hint(
    server: OxigraphServer, files: tuple[Path, Path]
) -> None:
    with pytest.raises(LoadError) as err:
        load(files[0], server.base + "/nothere")
    msg = str(err.value)
    assert "HTTP 404" in msg and "not supported by this server" in msg and "Graph Store" in msg


def test_invalid_file_fails_before_sending(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://ex.org/a b> <http://ex.org/p> 1 .\n", encoding="utf-8")
    closed = f"http://127.0.0.1:{free_port()}/store"
    with pytest.raises(LoadError, match=r"bad\.ttl is not valid ttl.*kg validate"):
        load(bad, closed)
    with pytest.raises(LoadError, match="no such file"):
        load(tmp_path / "missing.ttl", closed)
    with pytest.raises(LoadError, match=r"unknown RDF file type '\.txt'"):
        load(tmp_path / "x.txt", closed)


def test_bad_endpoint_or_graph_name(files: tuple[Path, Path]) -> None:
    with pytest.raises(LoadError, match="not an http"):
        load(files[0], "ftp://example.org/store")
    with pytest.raises(LoadError, match="not an absolute IRI"):
        load(files[0], f"http://127.0.0.1:{free_port()}/store", graph="not an iri")


def test_connection_refused(files: tuple[Path, Path]) -> None:
    with pytest.raises(
        LoadError, match=r"connection refused by 127\.0\.0\.1:.*is the server running"
    ):
        load(files[0], f"http://127.0.0.1:{free_port()}/store")


def test_timeout(files: tuple[Path, Path]) -> None:
    with socket.socket() as listener:  # accepts connections (backlog) but never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen(5)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/store"
        with pytest.raises(LoadError, match=r"no answer from .* within 0.3 s"):
            load(files[0], url, timeout=0.3)


class _AuthHandler(http.server.BaseHTTPRequestHandler):
    seen: list[dict[str, str]]
    scheme = "Basic"

    def _answer(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        auth = self.headers.get("Authorization", "")
        self.seen.append({"method": self.command, "path": self.path, "auth": auth})
        if self.scheme == "Digest" and auth.startswith("Digest ") and 'username="ann"' in auth:
            self.send_response(204)
            self.end_headers()
            return
        self.send_response(401)
        challenge = (
            'Digest realm="SPARQL", nonce="abc123", qop="auth", algorithm="MD5"'
            if self.scheme == "Digest"
            else 'Basic realm="kg"'
        )
        self.send_header("WWW-Authenticate", challenge)
        body = b"<html><body><h1>401 Unauthorized</h1></body></html>"
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_PUT = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(params=["Basic", "Digest"])
def auth_server(request: pytest.FixtureRequest) -> Iterator[tuple[str, list[dict[str, str]]]]:
    seen: list[dict[str, str]] = []
    handler = type("H", (_AuthHandler,), {"seen": seen, "scheme": request.param})
    httpd = http.server.HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield request.param, seen, f"http://127.0.0.1:{httpd.server_address[1]}/store"  # type: ignore[misc]
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_auth_failure_and_digest(
    auth_server: tuple[str, list[dict[str, str]], str],
    files: tuple[Path, Path],
    caplog: pytest.LogCaptureFixture,
) -> None:
    scheme, seen, url = auth_server
    caplog.set_level(logging.DEBUG)
    secret = "s3cret-Pa55"
    if scheme == "Basic":
        with pytest.raises(LoadError) as err:
            load(files[0], url, auth=("ann", secret))
        msg = str(err.value)
        assert "HTTP 401" in msg and "401 Unauthorized" in msg and "KG_PASSWORD" in msg
        assert secret not in msg and "<h1>" not in msg
        assert seen[0]["auth"].startswith("Basic ")
        with pytest.raises(LoadError, match="wants credentials: pass --user"):
            load(files[0], url)
        # credentials inside the URL are used, and never shown
        with pytest.raises(LoadError) as err:
            load(files[0], url.replace("http://", f"http://ann:{secret}@"))
        assert secret not in str(err.value) and "ann" not in str(err.value)
        assert seen[-1]["auth"].startswith("Basic ")
    else:
        report = load(files[0], url, auth=("ann", secret), replace=True)
        assert report.status == 204 and report.method == "PUT"
        assert [s["auth"].split(" ")[0] for s in seen] == ["Basic", "Digest"]
        assert secret not in seen[1]["auth"] and 'realm="SPARQL"' in seen[1]["auth"]
    assert secret not in caplog.text


def test_credentials_from_options_environment_or_prompt() -> None:
    asked: list[str] = []

    def prompt(text: str) -> str:
        asked.append(text)
        return "typed"

    assert credentials(None, env={}, prompt=prompt) is None
    assert credentials(None, env={"KG_USER": "u", "KG_PASSWORD": "p"}, prompt=prompt) == ("u", "p")
    assert credentials("me", env={"KG_PASSWORD": "p"}, prompt=prompt) == ("me", "p")
    assert not asked
    assert credentials("me", env={}, prompt=prompt) == ("me", "typed")
    assert asked == ["Password for me: "]
    with pytest.raises(LoadError, match="KG_USER is set but KG_PASSWORD is not"):
        credentials(None, env={"KG_USER": "u"}, prompt=prompt)

    def no_tty(text: str) -> str:
        raise EOFError

    with pytest.raises(LoadError, match="set KG_PASSWORD"):
        credentials("me", env={}, prompt=no_tty)


class _RedirectHandler(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(302)
        self.send_header("Location", "http://elsewhere.example/store")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_redirect_is_an_error_not_a_silent_get(files: tuple[Path, Path]) -> None:
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _RedirectHandler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        with pytest.raises(
            LoadError, match=r"HTTP 302 .*redirects to http://elsewhere\.example/store"
        ):
            load(files[0], f"http://127.0.0.1:{httpd.server_address[1]}/store")
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_not_an_http_server(files: tuple[Path, Path]) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)

        def answer() -> None:
            conn, _ = listener.accept()
            with conn:
                conn.recv(65536)
                conn.sendall(b"SSH-2.0-OpenSSH_9.2\r\n")

        thread = threading.Thread(target=answer, daemon=True)
        thread.start()
        with pytest.raises(LoadError, match=r"no valid HTTP answer|cannot reach|connection"):
            load(files[0], f"http://127.0.0.1:{listener.getsockname()[1]}/store", timeout=5)
        thread.join()


def test_update_only_with_the_flag_and_only_on_a_server(server: OxigraphServer, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from kg.cli import main

    insert = "INSERT DATA { <http://ex.org/s> <http://ex.org/p> 'o' }"
    ttl = tmp_path / "g.ttl"
    ttl.write_text("<http://ex.org/a> <http://ex.org/b> <http://ex.org/c> .\n")
    before = ttl.read_bytes()
    assert main(["query", str(ttl), insert, "--update"]) == 1
    assert "never changes graph files" in capsys.readouterr().err and ttl.read_bytes() == before
    assert main(["query", "--endpoint", server.query_url, insert]) == 1  # no flag: refused
    capsys.readouterr()
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert main(["query", "--endpoint", server.query_url, count, "--format", "csv"]) == 0
    assert capsys.readouterr().out == "n\n0\n"
    assert main(["query", "--endpoint", f"{server.base}/update", insert, "--update"]) == 0
    capsys.readouterr()
    assert main(["query", "--endpoint", server.query_url, count, "--format", "csv"]) == 0
    assert capsys.readouterr().out == "n\n1\n"
