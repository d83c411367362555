"""A real Oxigraph SPARQL server for tests: started on a free port, stopped by its PID.

>>> with OxigraphServer.start() as server:          # doctest: +SKIP
...     server.count()
0

The binary comes with the ``oxigraph`` PyPI package (a dev dependency); it is
found on ``PATH`` or next to ``sys.executable`` (a venv's ``bin/``).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

__all__ = ["OxigraphServer", "find_oxigraph", "free_port"]


def find_oxigraph() -> str | None:
    """The ``oxigraph`` executable, or None when it is not installed."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("oxigraph")


def free_port() -> int:
    """A TCP port nothing listens on right now (bound to 127.0.0.1)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class OxigraphServer:
    """A running ``oxigraph serve`` process with its data folder."""

    proc: subprocess.Popen[bytes]
    base: str
    data_dir: str
    log_path: Path

    @property
    def store(self) -> str:
        """The Graph Store HTTP Protocol base URL."""
        return f"{self.base}/store"

    @property
    def query_url(self) -> str:
        """The SPARQL 1.1 Protocol query URL."""
        return f"{self.base}/query"

    @classmethod
    def start(cls, exe: str | None = None, timeout: float = 20.0) -> OxigraphServer:
        exe = exe or find_oxigraph()
        if exe is None:
            raise FileNotFoundError("oxigraph binary not found; pip install oxigraph")
        data_dir = tempfile.mkdtemp(prefix="kg-oxigraph-")
        log_path = Path(data_dir) / "server.log"
        for _ in range(3):  # another process may grab the free port before the server binds it
            port = free_port()
            with log_path.open("wb") as log:
                proc = subprocess.Popen(
                    [
                        exe,
                        "serve",
                        "--location",
                        str(Path(data_dir) / "db"),
                        "--bind",
                        f"127.0.0.1:{port}",
                    ],
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL,
                    env={**os.environ, "RUST_BACKTRACE": "0"},
                )
            server = cls(proc, f"http://127.0.0.1:{port}", data_dir, log_path)
            if server._wait_ready(timeout):
                return server
            server.stop()
        raise RuntimeError(f"oxigraph did not start: {log_path.read_text(errors='replace')}")

    def _wait_ready(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False
            try:
                with urllib.request.urlopen(self.query_url + "?query=ASK%7B%7D", timeout=1) as r:
                    if r.status == 200:
                        return True
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.05)
        return False

    def select(self, sparql: str) -> list[dict[str, str]]:
        """Run a SELECT over HTTP; rows of variable -> value."""
        req = urllib.request.Request(
            self.query_url,
            data=sparql.encode("utf-8"),
            method="POST",
            headers={
                "Content-Type": "application/sparql-query",
                "Accept": "application/sparql-results+json",
            },
        )
        with urllib.request.urlopen(req, timeout=30) as r:
            bindings = json.load(r)["results"]["bindings"]
        return [{k: v["value"] for k, v in b.items()} for b in bindings]

    def count(self, graph: str | None = None) -> int:
        """Triples in the default graph, or in one named graph."""
        where = "{ ?s ?p ?o }" if graph is None else f"{{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
        return int(self.select(f"SELECT (COUNT(*) AS ?n) WHERE {where}")[0]["n"])

    def stop(self) -> None:
        """Terminate the server (SIGTERM, then SIGKILL) and delete its data."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.data_dir, ignore_errors=True)

    def __enter__(self) -> OxigraphServer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
