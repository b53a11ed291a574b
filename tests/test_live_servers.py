"""End to end, as deployed: a real Oxigraph server, loaded with `xborder load`; two `xborder serve`
replicas on the ``sparql`` store and one on the embedded knowledge base, each its own process on
127.0.0.1. The replicas agree with the embedded backend on every jurisdiction × service at
several dates; a new version is picked up with no failed request; a broken one is refused by
`xborder load`, and when written past it, is rejected by the replicas, which keep serving and say
why on /readyz. Every process is stopped at the end, whatever happens."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.facts import HTDG, ISSUER, POLICY_DATE
from tests.test_store import broken, changed
from tests.test_store_sparql import free_port, oxigraph_server, sparql, stop, wait_until
from xborder.graph.kb import KnowledgeBase

SERVICES = [None, "consumer-cloud", "online-store-us", "consumer-products"]
DATES = [POLICY_DATE, "2020-06-01", "2023-03-01"]
JP = f"/v1/resolve?location=JP&service=cloud&at={POLICY_DATE}"
# Readiness only (start-up and reload validate with SHACL, in a child process at low priority:
# minutes on a loaded machine); no timing is asserted.
READY = 900.0


@dataclass
class Cluster:
    store_url: str
    env: dict[str, str]
    replicas: list[str]
    embedded: str
    folder: Path

    def xborder(self, *argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "xborder", *argv], env=self.env,
                              capture_output=True, text=True, timeout=300)

    def ready(self, base: str) -> Any:
        return httpx.get(f"{base}/readyz", timeout=30).json()


def _serve(folder: Path, name: str, env: dict[str, str],
           procs: list[subprocess.Popen[bytes]]) -> str:
    port = free_port()
    with open(folder / f"{name}.log", "wb") as log:
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "xborder", "serve", "--port", str(port), "--no-access-log"],
            env=env, stdout=log, stderr=subprocess.STDOUT))
    return f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    folder = tmp_path_factory.mktemp("live-servers")
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("XBORDER_")}
    with oxigraph_server(folder / "oxigraph") as url:
        env = {**base_env, "XBORDER_STORE": "sparql", "XBORDER_SPARQL_URL": url,
               "XBORDER_RELOAD_SECONDS": "0.2"}
        c = Cluster(url, env, [], "", folder)
        loaded = c.xborder("load")
        assert loaded.returncode == 0, loaded.stderr
        procs: list[subprocess.Popen[bytes]] = []
        try:
            c.replicas = [_serve(folder, f"replica-{n}", env, procs) for n in (1, 2)]
            c.embedded = _serve(folder, "embedded", base_env, procs)
            for base in (*c.replicas, c.embedded):
                wait_until(lambda b=base: httpx.get(f"{b}/readyz", timeout=5)
                           .status_code == 200, f"xborder serve at {base}", deadline=READY)
            yield c
        finally:
            for proc in procs:
                stop(proc)


def answers(base: str, kb: KnowledgeBase) -> list[tuple[int, Any]]:
    """Every jurisdiction × service × date: for one service by GET /v1/resolve, the rest in a
    batch (POST /v1/resolve/batch answers each item as /v1/resolve does)."""
    out: list[tuple[int, Any]] = []
    codes = kb.jurisdiction_codes()
    with httpx.Client(base_url=base, timeout=60) as client:
        for code in codes:
            r = client.get("/v1/resolve", params={"location": code, "service": SERVICES[1],
                                                  "at": DATES[0]})
            out.append((r.status_code, r.json()))
        items = [{"location": c, "service": s, "at": d} for d in DATES for c in codes
                 for s in SERVICES if (d, s) != (DATES[0], SERVICES[1])]
        r = client.post("/v1/resolve/batch", json={"items": items})
        assert r.status_code == 200
        out += [(200, row) for row in r.json()["results"]]
    return out


def test_replicas_agree_with_the_embedded_backend(cluster, kb):
    for base in (*cluster.replicas, cluster.embedded):
        assert cluster.ready(base)["version"] == kb.version
    assert cluster.ready(cluster.replicas[0])["store"]["kind"] == "sparql"
    expected = answers(cluster.embedded, kb)
    assert len(expected) == len(kb.jurisdiction_codes()) * len(SERVICES) * len(DATES)
    assert sum(1 for status, _ in expected if status == 200) > len(expected) // 2
    for base in cluster.replicas:
        assert answers(base, kb) == expected


def test_a_new_version_is_served_with_no_failed_request(cluster, kb):
    statuses: list[int] = []
    answered: list[tuple[float, str]] = []  # (when, controller)
    done = threading.Event()

    def hammer() -> None:
        with httpx.Client(timeout=60) as client:
            for n in range(50_000):  # bounded; stopped by the event once both have swapped
                if done.is_set():
                    return
                r = client.get(cluster.replicas[n % 2] + JP)
                statuses.append(r.status_code)
                if r.status_code == 200:
                    answered.append((time.monotonic(), r.json()["controller"]["id"]))

    before = httpx.get(cluster.replicas[0] + JP, timeout=30).headers["etag"]
    assert kb.version in before
    threads = [threading.Thread(target=hammer) for _ in range(2)]
    for t in threads:
        t.start()
    try:
        ttl = cluster.folder / "changed.ttl"
        changed(kb.graph).serialize(ttl, format="turtle")
        loaded = cluster.xborder("load", str(ttl))
        assert loaded.returncode == 0, loaded.stderr
        published = time.monotonic()
        new = sparql(cluster.store_url).version()
        assert new and new != kb.version
        for base in cluster.replicas:
            wait_until(lambda b=base: cluster.ready(b)["version"] == new,
                       f"{base} to serve {new}", deadline=READY)
    finally:
        done.set()
        for t in threads:
            t.join(60)
    assert statuses and set(statuses) == {200}
    controllers = {c for _, c in answered}
    assert controllers == {HTDG, ISSUER}  # answers from both sides of the swap
    # … and some while the replicas were building the new version: published, not yet served
    assert any(at > published and c == HTDG for at, c in answered), \
        "no request was answered between the publication and the swap"
    for base in cluster.replicas:
        after = httpx.get(base + JP, timeout=30)
        assert after.json()["controller"]["id"] == ISSUER
        assert new in after.headers["etag"]  # caches see the change
    assert httpx.get(cluster.embedded + JP, timeout=30).json()["controller"]["id"] == HTDG


def test_a_broken_version_is_refused_and_the_served_one_kept(cluster, kb):
    store = sparql(cluster.store_url)
    serving = store.version()
    bad = cluster.folder / "broken.nt"
    broken(kb.graph).serialize(bad, format="nt", encoding="utf-8")
    refused = cluster.xborder("load", str(bad))
    assert refused.returncode == 7 and "exactly one legal entity" in refused.stderr
    assert store.version() == serving
    store.write(broken(kb.graph), "broken-1")  # another tool writes past the checks
    for base in cluster.replicas:
        wait_until(lambda b=base: cluster.ready(b)["store"]["reload"] == "failed",
                   f"{base} to reject broken-1", deadline=READY)
        ready = cluster.ready(base)
        assert ready["status"] == "ready" and ready["version"] == serving
        assert ready["store"]["rejected"]["version"] == "broken-1"
        assert "exactly one legal entity" in ready["store"]["rejected"]["reason"]
        assert httpx.get(base + JP, timeout=30).json()["controller"]["id"] == ISSUER


def test_a_moved_date_is_published_and_reloaded(cluster, kb, tmp_path):
    """Only a date changes (the Privacy Shield's end): `load` publishes it, both replicas
    reload it, and the ETag that caches revalidate against changes."""
    from tests.test_digest import _shift
    from xborder.graph.build import DEFAULT_KB_DIR

    url = "/v1/transfers?from=DE&to=US&at=2020-07-16"
    before = {b: httpx.get(b + url, timeout=30).headers["etag"] for b in cluster.replicas}
    copy = tmp_path / "kb"
    shutil.copytree(DEFAULT_KB_DIR, copy)
    eu = copy / "regimes" / "eu.yaml"
    eu.write_text(_shift(eu.read_text(encoding="utf-8"), "id: eu-adequacy-us-privacy-shield",
                         "to"), encoding="utf-8")
    loaded = cluster.xborder("--kb", str(copy), "load")
    assert loaded.returncode == 0, loaded.stderr
    new = sparql(cluster.store_url).version()
    # what `xborder load` says when it wrote a new version (else "… already serves …")
    assert new and loaded.stdout.startswith(f"published {new} ")
    for base in cluster.replicas:
        wait_until(lambda b=base: cluster.ready(b)["version"] == new, f"{base} to serve {new}",
                   deadline=READY)
        after = httpx.get(base + url, timeout=30)
        assert after.headers["etag"] != before[base] and new in after.headers["etag"]
