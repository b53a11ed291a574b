"""The ``sparql`` store against a real Oxigraph server (the ``oxigraph`` package's binary, started
on 127.0.0.1 for each test and always stopped): publication, crash half-way, competing writers,
old graphs collected, and the paths for servers without the Graph Store Protocol.

The helpers here (:func:`oxigraph_server`, :func:`free_port`, :func:`wait_until`, :func:`stop`)
are shared with ``test_live_servers.py``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests.facts import POLICY_DATE
from tests.test_store import changed
from xborder.graph.kb import KnowledgeBase
from xborder.graph.store import StoreError, publish
from xborder.graph.store.sparql import META, VERSION_GRAPH, SparqlStore

BIN = Path(sys.executable).parent


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_until(check: Callable[[], bool], what: str, deadline: float = 90.0) -> None:
    """Poll ``check`` until it is true (readiness only: a generous deadline, no timing)."""
    end = time.monotonic() + deadline
    while True:
        try:
            if check():
                return
        except (httpx.HTTPError, OSError):
            pass
        if time.monotonic() > end:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.1)


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(15)


@contextmanager
def oxigraph_server(folder: Path) -> Iterator[str]:
    """A real Oxigraph server on a free 127.0.0.1 port, persisting in ``folder``."""
    exe = BIN / "oxigraph"
    if not exe.exists():
        found = shutil.which("oxigraph")
        if found is None:
            pytest.fail("the Oxigraph server binary is missing: install the test extra "
                        "(`pip install -e '.[test]'`, package `oxigraph`)")
        exe = Path(found)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "oxigraph.log", "wb") as log:
        proc = subprocess.Popen([str(exe), "serve", "--location", str(folder / "db"), "--bind",
                                 f"127.0.0.1:{port}"], stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_until(lambda: httpx.get(f"{url}/query", params={"query": "ASK {}"},
                                         timeout=5).status_code == 200, "the Oxigraph server")
            yield url
        finally:
            stop(proc)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    with oxigraph_server(tmp_path / "oxigraph") as url:
        yield url


def sparql(url: str, gsp: bool = True) -> SparqlStore:
    return SparqlStore(f"{url}/query", f"{url}/update", f"{url}/store" if gsp else None)


def version_graphs(store: SparqlStore) -> set[str]:
    rows = store._select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                         f"FILTER(STRSTARTS(STR(?g), {json.dumps(VERSION_GRAPH)})) }}")
    return {r["g"] for r in rows}


def test_empty_store_then_publish_and_read_back(server, kb):
    store = sparql(server)
    assert store.version() is None
    with pytest.raises(StoreError, match="xborder load"):
        store.read()
    assert publish(store, kb.graph, validate="model")["changed"] is True
    snap = store.read()
    assert snap.version == kb.version and snap.published
    again = KnowledgeBase(snap.graph)
    assert again.version == kb.version  # blank nodes came back as blank nodes
    assert again.resolve("GB", "cloud", at="2020-06-01").to_dict() == \
        kb.resolve("GB", "cloud", at="2020-06-01").to_dict()
    assert store.describe()["version"] == kb.version


def test_crash_before_the_marker_moves_then_cleanup(server, kb, monkeypatch):
    store = sparql(server)
    publish(store, kb.graph, validate="model")
    first = version_graphs(store)

    def crash(*args: object) -> None:
        raise StoreError("connection lost")

    monkeypatch.setattr(store, "_flip", crash)
    with pytest.raises(StoreError):
        publish(store, changed(kb.graph), validate="model")
    assert store.version() == kb.version and store.read().version == kb.version
    assert len(version_graphs(store)) == 2  # the half-published graph is still there
    monkeypatch.undo()
    done = publish(store, changed(kb.graph), validate="model")
    graphs = version_graphs(store)
    assert len(graphs) == 2 and first < graphs  # old version kept, half-written one dropped
    store.write(kb.graph, "third")
    assert store.version() == "third" and len(version_graphs(store)) == 2
    assert first.isdisjoint(version_graphs(store)) and done["changed"]


def test_a_competing_writer_cannot_move_the_marker(server, kb):
    store = sparql(server)
    store.write(kb.graph, "mine")
    with pytest.raises(StoreError, match="another writer"):
        store._flip(f"{VERSION_GRAPH}theirs-1", "theirs", 1, expected="urn:not-current")
    assert store.version() == "mine"
    rows = store._select(f"SELECT ?p ?o WHERE {{ GRAPH <{META}> {{ <{META}> ?p ?o }} }}")
    assert len(rows) == 4  # one marker: version, graph, count, time


def test_without_graph_store_protocol_in_small_chunks(server, kb, monkeypatch):
    monkeypatch.setattr("xborder.graph.store.sparql.CHUNK", 700)
    store = sparql(server, gsp=False)
    store.write(kb.graph, kb.version)
    snap = store.read()
    assert KnowledgeBase(snap.graph).version == kb.version
    assert KnowledgeBase(sparql(server).read().graph).resolve(
        "RE", "cloud", at=POLICY_DATE).to_dict() == kb.resolve("RE", "cloud",
                                                                at=POLICY_DATE).to_dict()


def test_an_unreachable_store_is_a_store_error():
    store = SparqlStore(f"http://127.0.0.1:{free_port()}/query", timeout=5)
    with pytest.raises(StoreError, match="cannot reach"):
        store.version()
    assert "error" in store.describe()
