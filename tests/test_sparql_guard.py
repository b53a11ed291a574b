"""``/sparql`` cannot reach another server: ``SERVICE`` and updates are refused on the parsed
query, and the query worker has no network at all.

The target is a real Oxigraph server on 127.0.0.1 holding a marker triple: a federated query that
reached it would bring the marker back. A plain listening socket counts connections besides."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.http_support import TestClient
from tests.test_store_sparql import oxigraph_server
from xborder.api import sparql_worker
from xborder.api.http import create_app
from xborder.api.sparql import check_read_only
from xborder.graph.errors import XborderInputError

MARKER = "urn:xborder-test:reached"

# Every spelling the engine was seen to read as SERVICE, and the ordinary ones.
SPELLINGS = [
    "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ sErViCe SILENT <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?a ?b trueSERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?a ?b falseSERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?a ?b 1SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ FILTER(true)SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    "SELECT * WHERE {{ {{ ?x ?y ?z }} UNION {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    "SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
    "ASK {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE\n#comment\n<{url}> {{ ?s ?p ?o }} }}",
    "PREFIX x: <{url}> SELECT * WHERE {{ SERVICE x: {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ BIND(<{url}> AS ?u) SERVICE ?u {{ ?s ?p ?o }} }}",
]
UPDATES = [
    "LOAD <{url}>",
    "load silent <{url}> into graph <urn:g>",
    "INSERT DATA {{ <urn:a> <urn:b> <urn:c> }}",
    "# comment\nDELETE WHERE {{ ?s ?p ?o }}",
    "WITH <urn:g> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}",
    "PREFIX x: <urn:x> CLEAR ALL",
    "DROP ALL",
]


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with oxigraph_server(tmp_path_factory.mktemp("target")) as url:
        r = httpx.post(f"{url}/update", timeout=30, content=f"INSERT DATA {{ <{MARKER}> "
                       f"<{MARKER}> <{MARKER}> }}".encode(),
                       headers={"Content-Type": "application/sparql-update"})
        assert r.status_code in (200, 204), r.text
        yield f"{url}/query"


class Listener:
    """A TCP port that counts the connections made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port: int = self.sock.getsockname()[1]
        self.count = 0
        self._stop = False
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.count += 1
            conn.close()

    def close(self) -> None:
        self._stop = True
        self._thread.join(2)
        self.sock.close()


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    li = Listener()
    yield li
    li.close()


@pytest.fixture(scope="module")
def client(kb):
    with TestClient(create_app(kb, sparql_timeout=5.0)) as c:
        yield c


@pytest.mark.parametrize("template", SPELLINGS)
def test_service_spellings_are_refused_by_the_parser(template: str) -> None:
    with pytest.raises(XborderInputError) as info:
        check_read_only(template.format(url="http://127.0.0.1:9/query"))
    assert info.value.status in (400, 403)


@pytest.mark.parametrize("template", UPDATES)
def test_updates_are_refused_by_the_parser(template: str) -> None:
    with pytest.raises(XborderInputError) as info:
        check_read_only(template.format(url="http://127.0.0.1:9/data"))
    assert info.value.status == 403, info.value.detail


def test_plain_queries_pass_the_parser() -> None:
    check_read_only("SELECT ?s WHERE { ?s ?p 'SERVICE' } LIMIT 1")  # a literal, not a keyword
    check_read_only("PREFIX service: <urn:s#> SELECT * WHERE { ?s service:x ?o }")


@pytest.mark.parametrize("template", SPELLINGS + UPDATES)
def test_nothing_reaches_a_real_server(client, target: str, listener: Listener,
                                       template: str) -> None:
    for url in (target, f"http://127.0.0.1:{listener.port}/query"):
        before = listener.count
        r = client.get("/sparql", params={"query": template.format(url=url)})
        assert r.status_code in (400, 403), r.text
        assert r.headers["content-type"] == "application/problem+json"
        assert MARKER not in r.text and "127.0.0.1" not in r.json()["detail"]
        assert listener.count == before


def test_the_worker_cannot_open_a_socket(listener: Listener) -> None:
    """The worker's isolation, run alone in a fresh process: after it, even loopback fails."""
    code = ("import importlib.util, socket\n"
            "spec = importlib.util.spec_from_file_location('worker', "
            f"{str(Path(sparql_worker.__file__))!r})\n"
            "w = importlib.util.module_from_spec(spec); spec.loader.exec_module(w)\n"
            "why = w.isolate_network()\n"
            "assert why is None, why\n"
            "try:\n"
            f"    socket.create_connection(('127.0.0.1', {listener.port}), timeout=2)\n"
            "except OSError as exc:\n"
            "    print('refused', exc)\n"
            "else:\n"
            "    print('CONNECTED')\n")
    before = listener.count
    out = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("refused"), out.stdout
    assert listener.count == before


def test_queries_still_answer_from_the_isolated_worker(client) -> None:
    r = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert r.status_code == 200, r.text
    assert r.json()["boolean"] is True
