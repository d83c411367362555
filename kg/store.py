"""Load graph files into a SPARQL server and query it, over plain HTTP (stdlib only).

``load`` speaks the SPARQL 1.1 Graph Store HTTP Protocol (GSP): the endpoint
is the server's GSP base URL, e.g. ``http://127.0.0.1:7878/store`` (Oxigraph),
``http://localhost:3030/ds/data`` (Fuseki),
``http://localhost:7200/repositories/kg/rdf-graphs/service`` (GraphDB) or
``http://localhost:8890/sparql-graph-crud-auth`` (Virtuoso).  A graph file goes
to ``?default`` or ``?graph=<IRI>``; POST adds, PUT (``replace``) replaces.
A dataset file (``.trig``, ``.nq``) is sent to the base URL itself, which
Oxigraph and Fuseki accept as "load these quads into their named graphs".

``query_endpoint`` speaks the SPARQL 1.1 Protocol and formats results like
``kg.query.query``.

Credentials go in an ``Authorization`` header only (Basic, or Digest when the
server asks for it): they are never logged and never appear in an error.
"""

from __future__ import annotations

import base64
import getpass
import http.client
import logging
import os
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .errors import ExportError, KGError, QueryError
from .export import MEDIA_TYPES, rdf_format
from .query import FORMATS, format_result

__all__ = ["LoadError", "LoadReport", "credentials", "load", "query_endpoint"]

log = logging.getLogger(__name__)

Auth = tuple[str, str]
_USER_AGENT = "newskg (kg load)"
_HINTS = {
    400: "the server could not parse the data or the request; check the file with kg validate",
    401: "the server wants credentials: pass --user (and KG_PASSWORD) or set KG_USER "
    "and KG_PASSWORD",
    403: "these credentials may not write here; use an account with update rights",
    404: "no Graph Store service at this URL; use the GSP base, e.g. http://127.0.0.1:7878/store "
    "(Oxigraph) or http://localhost:3030/ds/data (Fuseki)",
    405: "this URL does not accept this method; use the GSP base URL, not the query URL",
    413: "the file is too large for the server; split it or raise the server's upload limit",
    415: "the server does not accept this RDF format; convert to Turtle (kg build --format ttl)",
}


class LoadError(KGError):
    """A SPARQL server could not be reached, or refused a request."""


@dataclass(frozen=True, slots=True)
class LoadReport:
    """What ``load`` sent, and the server's answer (``url`` carries no credentials)."""

    url: str
    method: str
    status: int
    triples: int
    bytes: int
    seconds: float


def credentials(
    user: str | None = None,
    *,
    env: Mapping[str, str] | None = None,
    prompt: Callable[[str], str] = getpass.getpass,
) -> Auth | None:
    """The (user, password) to send, or None for none.

    The user is ``user`` or ``$KG_USER``; the password is ``$KG_PASSWORD``,
    else asked for with ``prompt`` (no echo) when ``user`` was given.

    Raises:
        LoadError: ``$KG_USER`` is set without ``$KG_PASSWORD``, or no password could be read.
    """
    env = os.environ if env is None else env
    name = user or env.get("KG_USER")
    if not name:
        return None
    password = env.get("KG_PASSWORD")
    if password is None:
        if not user:
            raise LoadError(
                "KG_USER is set but KG_PASSWORD is not; set both, or pass --user "
                "to be asked for the password"
            )
        try:
            password = prompt(f"Password for {name}: ")
        except (EOFError, OSError) as exc:
            raise LoadError(
                f"no password for user {name!r} could be read; set KG_PASSWORD"
            ) from exc
    return name, password


def _split_userinfo(url: str) -> tuple[str, Auth | None]:
    """``http://u:p@host/x`` -> (``http://host/x``, (u, p)); checks the scheme."""
    parts = urllib.parse.urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port, parts = None, parts._replace(scheme="")  # a bad port: refused below
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise LoadError(
            f"endpoint {_safe(url)!r} is not an http(s) URL; pass e.g. http://127.0.0.1:7878/store"
        )
    if parts.username is None:
        return url, None
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    netloc = host + (f":{port}" if port else "")
    clean = urllib.parse.urlunsplit(parts._replace(netloc=netloc))
    return clean, (urllib.parse.unquote(parts.username), urllib.parse.unquote(parts.password or ""))


def _safe(url: str) -> str:
    return re.sub(r"//[^/@]*@", "//", url)


def _with_param(url: str, param: str) -> str:
    return url + ("&" if urllib.parse.urlsplit(url).query else "?") + param


def _server_message(exc: urllib.error.HTTPError) -> str:
    try:
        raw = exc.read(2000).decode("utf-8", "replace")
    except OSError:
        raw = ""
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", raw)).strip()
    return text[:300] or (exc.reason if isinstance(exc.reason, str) else "")


def _digest(url: str, method: str, challenge: str, auth: Auth) -> str | None:
    """An ``Authorization: Digest ...`` value answering ``challenge``, via urllib's handler."""
    mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    mgr.add_password(None, url, *auth)
    handler = urllib.request.HTTPDigestAuthHandler(mgr)
    chal = urllib.request.parse_keqv_list(
        [item for item in urllib.request.parse_http_list(challenge.split(" ", 1)[1]) if item]
    )
    value = handler.get_authorization(urllib.request.Request(url, method=method), chal)
    return f"Digest {value}" if value else None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are errors: urllib would turn a POST into a GET and drop the data silently."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def _send(
    url: str,
    method: str,
    headers: dict[str, str],
    body: Callable[[], Any],
    auth: Auth | None,
    timeout: float,
    what: str,
) -> tuple[int, str, bytes]:
    """One HTTP exchange (two if the server asks for Digest); returns status, content type, body."""
    authorization = None
    if auth is not None:
        authorization = "Basic " + base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode("ascii")
    for attempt in (1, 2):
        req = urllib.request.Request(
            url, data=body(), method=method, headers={"User-Agent": _USER_AGENT, **headers}
        )
        if authorization:
            req.add_unredirected_header("Authorization", authorization)
        try:
            with _OPENER.open(req, timeout=timeout) as resp:
                return resp.status, resp.headers.get("Content-Type", ""), resp.read()
        except urllib.error.HTTPError as exc:
            challenge = exc.headers.get("WWW-Authenticate", "") if exc.headers else ""
            if (
                exc.code == 401
                and auth
                and attempt == 1
                and challenge.lower().startswith("digest ")
            ):
                authorization = _digest(url, method, challenge, auth)
                if authorization:
                    exc.close()
                    continue
            message = _server_message(exc)
            exc.close()
            hint = _HINTS.get(
                exc.code,
                "the server failed; see its log"
                if exc.code >= 500
                else "see the server's documentation for its Graph Store URL",
            )
            if exc.code == 401 and auth:
                hint = (
                    "the server rejected these credentials; check --user, KG_USER and KG_PASSWORD"
                )
            elif 300 <= exc.code < 400:
                where = exc.headers.get("Location", "?") if exc.headers else "?"
                hint = f"the server redirects to {_safe(where)}; pass that URL instead"
                message = ""
            raise LoadError(
                f"{what} failed: HTTP {exc.code} from {_safe(url)}"
                + (f": {message}" if message else "")
                + f"; {hint}"
            ) from None
        except urllib.error.URLError as exc:
            raise _network_error(exc.reason, url, timeout, what) from None
        except (TimeoutError, ConnectionError) as exc:
            raise _network_error(exc, url, timeout, what) from None
        except http.client.HTTPException as exc:
            raise LoadError(
                f"{what} failed: {_safe(url)} gave no valid HTTP answer ({exc!r}); "
                "is this an HTTP SPARQL server?"
            ) from None
    raise AssertionError("unreachable")  # pragma: no cover


def _network_error(reason: object, url: str, timeout: float, what: str) -> LoadError:
    where = urllib.parse.urlsplit(url).netloc
    if isinstance(reason, ConnectionRefusedError):
        return LoadError(
            f"{what} failed: connection refused by {where}; is the server running "
            "and is the port right? (e.g. oxigraph serve --bind 127.0.0.1:7878)"
        )
    if isinstance(reason, TimeoutError):
        return LoadError(
            f"{what} failed: no answer from {where} within {timeout:g} s; "
            "check the server, or raise --timeout"
        )
    if isinstance(reason, socket.gaierror):
        return LoadError(f"{what} failed: unknown host in {_safe(url)}; check the endpoint URL")
    return LoadError(f"{what} failed: cannot reach {_safe(url)}: {reason}; check the endpoint URL")


def load(
    path: str | os.PathLike[str],
    endpoint: str,
    *,
    graph: str | None = None,
    replace: bool = False,
    auth: Auth | None = None,
    timeout: float = 300.0,
) -> LoadReport:
    """Send a graph file to a SPARQL 1.1 Graph Store: POST adds, PUT (``replace``) replaces.

    Args:
        path: a ``.ttl``, ``.nt`` or ``.jsonld`` graph, or a ``.trig``/``.nq`` dataset.
        endpoint: the Graph Store base URL (credentials in it are used, never shown).
        graph: the named graph to write; the default graph when None.
        replace: replace the graph (PUT) instead of adding to it (POST).  For a
            dataset file the whole dataset is replaced.
        auth: (user, password) from ``credentials``.

    Raises:
        LoadError: the file is not valid RDF, ``graph`` is not an absolute IRI,
            the server cannot be reached or answers with an error.
    """
    file = Path(path)
    try:
        name, fmt = rdf_format(file)
    except ExportError as exc:
        raise LoadError(str(exc)) from exc
    try:
        # parse strictly first: a bad file fails here, with a position, not on the server
        triples = sum(1 for _ in ox.parse(path=str(file), format=fmt))
        size = file.stat().st_size
    except FileNotFoundError:
        raise LoadError(f"{file}: no such file; build it first with kg build") from None
    except SyntaxError as exc:
        raise LoadError(
            f"{file} is not valid {name}: {exc}; rebuild it or check it with kg validate"
        ) from exc
    except OSError as exc:
        raise LoadError(f"{file} cannot be read: {exc}") from exc
    base, inline = _split_userinfo(endpoint)
    auth = auth or inline
    if name in ("trig", "nq"):
        if graph is not None:
            raise LoadError(
                f"{file} is a dataset with its own named graphs, so --graph {graph} cannot "
                "apply; load graph.ttl into one graph, or drop --graph"
            )
        url = base
    elif graph is None:
        url = _with_param(base, "default")
    else:
        try:
            ox.NamedNode(graph)
        except ValueError:
            raise LoadError(
                f"graph name {graph!r} is not an absolute IRI; "
                "pass e.g. --graph https://example.org/graphs/news"
            ) from None
        url = _with_param(base, urllib.parse.urlencode({"graph": graph}))
    method = "PUT" if replace else "POST"
    headers = {"Content-Type": f"{MEDIA_TYPES[name]}; charset=utf-8", "Content-Length": str(size)}
    log.info("%s %s (%d triples, %d bytes)", method, _safe(url), triples, size)
    started = time.perf_counter()
    handles: list[Any] = []

    def body() -> Any:
        for h in handles:
            h.close()
        handles.append(file.open("rb"))
        return handles[-1]

    try:
        status, _, _ = _send(url, method, headers, body, auth, timeout, f"{method} {file.name}")
    finally:
        for h in handles:
            h.close()
    return LoadReport(_safe(url), method, status, triples, size, time.perf_counter() - started)


def query_endpoint(
    url: str, sparql: str, fmt: str = "table", *, auth: Auth | None = None, timeout: float = 300.0
) -> str:
    """Run a SPARQL query on a server's SPARQL 1.1 Protocol endpoint; returns formatted text.

    ``url`` is the query endpoint (Oxigraph ``/query``, Fuseki ``/ds/query``,
    GraphDB ``/repositories/<id>``, Virtuoso ``/sparql``); results are asked
    for as SPARQL JSON (or Turtle for CONSTRUCT) and formatted locally, so
    the output is the same as ``kg query`` on a file.

    Raises:
        LoadError: the server cannot be reached or rejects the query.
        QueryError: ``fmt`` is unknown.
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    base, inline = _split_userinfo(url)
    headers = {
        "Content-Type": "application/sparql-query; charset=utf-8",
        "Accept": "application/sparql-results+json, text/turtle;q=0.9, application/n-triples;q=0.8",
    }
    data = sparql.encode("utf-8")
    log.info("POST query to %s", _safe(base))
    _, ctype, payload = _send(base, "POST", headers, lambda: data, auth or inline, timeout, "query")
    media = ctype.split(";")[0].strip().lower()
    try:
        if media in ("application/sparql-results+json", "application/json"):
            return format_result(ox.parse_query_results(payload, format=ox.QueryResultsFormat.JSON), fmt)
        if media == "application/sparql-results+xml":
            return format_result(ox.parse_query_results(payload, format=ox.QueryResultsFormat.XML), fmt)
        rdf = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES}
        if media in rdf:
            return format_result([q.triple for q in ox.parse(payload, format=rdf[media])], fmt)
    except SyntaxError as exc:
        raise LoadError(
            f"the server at {_safe(base)} sent an invalid {media} answer: {exc}"
        ) from exc
    raise LoadError(
        f"the server at {_safe(base)} answered with {media or 'no content type'!r}, "
        "not SPARQL results; is this the SPARQL query URL (e.g. .../query)?"
    )


def update_endpoint(url: str, sparql: str, *, auth: Auth | None = None, timeout: float = 300.0) -> int:
    """Run a SPARQL 1.1 Update on a server's update endpoint (Oxigraph ``/update``,
    Fuseki ``/ds/update``); returns the HTTP status.  Only ``kg query --update`` calls it.

    Raises:
        LoadError: the server cannot be reached or rejects the update.
    """
    base, inline = _split_userinfo(url)
    data = sparql.encode("utf-8")
    log.info("POST update to %s", _safe(base))
    status, _, _ = _send(base, "POST", {"Content-Type": "application/sparql-update; charset=utf-8"},
                         lambda: data, auth or inline, timeout, "update")
    return status
