"""Reload without downtime, in one process: :class:`LiveKnowledgeBase` over an on-disk Oxigraph
store swaps to a new version atomically, keeps serving the old one when a version fails (and says
why), retries the store when it cannot be reached, and :func:`attach_live` keeps the HTTP app on
the served version."""

from __future__ import annotations

import json
import threading
import time
from typing import Any

import anyio
import httpx
import pytest
from fastapi import FastAPI
from rdflib import Graph

from tests.facts import HTDG, ISSUER, POLICY_DATE
from tests.test_store import broken, changed
from xborder.api.http import create_app
from xborder.api.live import attach_live
from xborder.graph.kb import KnowledgeBase
from xborder.graph.live import LiveKnowledgeBase
from xborder.graph.store import OxigraphStore, StoreError, publish
from xborder.graph.vocab import KB, XB


def get(app: FastAPI, url: str) -> Any:
    """A request through the ASGI app in-process; the JSON body."""
    async def go() -> Any:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://xborder") as c:
            return (await c.get(url)).json()

    return anyio.run(go)


def uncompilable(graph: Graph) -> Graph:
    """A copy in which rule 10.1 cites no document: the model cannot be read."""
    g = Graph()
    g += graph
    g.remove((KB["rule/huawei/10.1/citation"], XB.document, None))
    return g


def jp(kb: KnowledgeBase) -> str:
    return kb.resolve("JP", "cloud", at=POLICY_DATE).controller.id


@pytest.fixture
def store(tmp_path, kb) -> OxigraphStore:
    s = OxigraphStore(tmp_path / "store")
    publish(s, kb.graph, validate="model")
    return s


@pytest.fixture
def live(store) -> Any:
    lkb = LiveKnowledgeBase(store, interval=0.05, validate="model", probe=1)
    yield lkb
    lkb.stop()


def test_nothing_to_serve_from_an_empty_store(tmp_path):
    with pytest.raises(StoreError, match="xborder load"):
        LiveKnowledgeBase(OxigraphStore(tmp_path)).load()


def test_load_then_swap_when_the_marker_moves(live, store, kb):
    seen: list[str] = []
    live.add_listener(lambda new: seen.append(new.version))
    assert live.load().version == kb.version and jp(live.kb) == HTDG
    assert live.check() is False  # same version: nothing to do
    done = publish(store, changed(kb.graph), validate="model")
    assert live.check() is True
    assert live.version == done["version"] and jp(live.kb) == ISSUER
    assert seen == [kb.version, done["version"]]
    status = live.status()
    assert status["reload"] == "ok" and status["reloads"] == 2 and status["version"] == \
        done["version"]


def test_a_failing_version_keeps_the_old_one_and_says_why(store, kb, monkeypatch):
    live = LiveKnowledgeBase(store, validate="model", probe=1)
    live.load()
    live.validate = "shapes"  # from now on: SHACL before serving
    store.write(broken(kb.graph), "broken-1")  # written past `xborder load`'s checks
    calls = []
    real = live._build_elsewhere

    def counting() -> Any:  # each build of a new version, in the child process
        calls.append(store.version())
        return real()

    monkeypatch.setattr(live, "_build_elsewhere", counting)
    assert live.check() is False
    assert live.version == kb.version and jp(live.kb) == HTDG
    status = live.status()
    assert status["reload"] == "failed"
    assert status["rejected"]["version"] == "broken-1"
    assert status["rejected"]["kind"] == "validation-failed"
    assert "exactly one legal entity" in status["rejected"]["reason"]
    assert status["rejected"]["serving"] == kb.version
    assert live.check() is False and calls == ["broken-1"]  # not validated again
    publish(store, changed(kb.graph), validate="model")
    assert live.check() is True and live.status()["rejected"] is None


def test_a_graph_the_model_cannot_read_is_rejected_in_model_mode(live, store, kb):
    live.load()
    store.write(uncompilable(kb.graph), "no-document")
    assert live.check() is False
    assert "does not compile" in live.status()["rejected"]["reason"]
    assert live.version == kb.version


def test_an_unreachable_store_is_retried(live, store, monkeypatch):
    live.load()

    def down() -> str:
        raise StoreError("cannot reach the store")

    monkeypatch.setattr(store, "version", down)
    assert live.check() is False
    assert live.status()["reload"] == "store-unreachable"
    monkeypatch.undo()
    assert live.check() is False and live.status()["reload"] == "ok"


def test_requests_during_a_background_reload_all_succeed(live, store, kb):
    """Answers go on while the new version is built (in a child process): requests made
    between the publication and the swap succeed, with the old answer, and after it the
    new one."""
    live.load()
    failures: list[BaseException] = []
    seen: list[tuple[str, bool]] = []  # (answer, was the reload under way when asked?)
    reloading = threading.Event()
    swapped = threading.Event()
    stop = threading.Event()
    live.add_listener(lambda _: swapped.set())

    def ask() -> None:
        end = time.monotonic() + 900  # bounded in time; normally stopped by the event
        while not stop.is_set() and time.monotonic() < end:
            time.sleep(0.001)  # asking steadily, not spinning
            during = reloading.is_set() and not swapped.is_set()
            try:
                seen.append((jp(live.kb), during))
            except BaseException as exc:
                failures.append(exc)
                return

    threads = [threading.Thread(target=ask) for _ in range(3)]
    for t in threads:
        t.start()
    new = publish(store, changed(kb.graph), validate="model")["version"]
    reloading.set()
    live.start()
    swapped.wait(600)
    for _ in range(200):  # a few answers after the swap too
        if sum(1 for answer, _ in seen if answer == ISSUER) >= 3:
            break
        stop.wait(0.05)
    stop.set()
    for t in threads:
        t.join(30)
    assert live.version == new and failures == []
    during = [answer for answer, under_way in seen if under_way]
    assert during, "no request was made while the new version was built"
    assert set(during) <= {HTDG, ISSUER} and HTDG in during
    assert {answer for answer, _ in seen} == {HTDG, ISSUER} and jp(live.kb) == ISSUER


def test_attach_live_follows_swaps_and_reports_on_readyz(live, store, kb):
    live.load()
    app = create_app(live.kb)
    attach_live(app, live, {"kind": "oxigraph", "path": str(store.root)})
    ready = get(app, "/readyz")
    assert ready["status"] == "ready" and ready["version"] == kb.version
    assert ready["store"]["kind"] == "oxigraph" and ready["store"]["reload"] == "ok"
    assert str(store.root) not in json.dumps(ready), "/readyz must not show local paths"
    url = f"/v1/resolve?location=JP&service=cloud&at={POLICY_DATE}"
    assert get(app, url)["controller"]["id"] == HTDG
    store.write(uncompilable(kb.graph), "broken-2")
    live.check()
    ready = get(app, "/readyz")
    assert ready["version"] == kb.version and ready["store"]["reload"] == "failed"
    assert "does not compile" in ready["store"]["rejected"]["reason"]
    new = publish(store, changed(kb.graph), validate="model")["version"]
    assert live.check() is True
    assert app.state.kb is live.kb
    assert get(app, "/readyz")["version"] == new
    assert get(app, url)["controller"]["id"] == ISSUER
