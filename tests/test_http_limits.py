"""Limits on every input, against a real `xborder serve` on 127.0.0.1 (uvicorn, as deployed):
a URL or headers past the request-head limit get a 414/431 problem (not a plain-text 400), a
client that does not finish its request head is cut off, the trailing-slash redirect does not
follow the Host header; and in-process: padded query strings do not grow the answer cache, a
batch whose answers pass the response limit is refused, mutating an answer does not change the
next one."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import socket
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator

import httpx
import pytest

from tests.http_support import TestClient
from tests.test_store_sparql import free_port, stop, wait_until
from xborder.api import routes_resolve
from xborder.api.common import AnswerCache, cache_for
from xborder.api.http import create_app
from xborder.api.serve import MAX_HEAD

HEAD_TIMEOUT = 2.0


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    port = free_port()
    log = tmp_path_factory.mktemp("limits") / "serve.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "xborder", "serve", "--port", str(port), "--no-access-log",
             "--head-timeout", str(HEAD_TIMEOUT)], stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_until(lambda: httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
                   .status_code == 200, "xborder serve", deadline=600.0)
        yield port
    finally:
        stop(proc)


def raw(port: int, data: bytes, timeout: float = 30.0) -> tuple[int, dict[str, str], bytes]:
    """Send ``data`` as is; the response's status, headers and body (read to the close)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        with contextlib.suppress(OSError):  # refused while still sending: read what it said
            s.sendall(data)
        chunks = []
        while True:
            try:
                chunk = s.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.lower().split(": ", 1) for line in lines[1:] if ": " in line)
    return int(lines[0].split()[1]), headers, body


def test_a_url_past_the_head_limit_gets_a_414_problem(server):
    url = "/v1/resolve?location=RE&org=huawei&pad=" + "x" * (MAX_HEAD + 1000)
    status, headers, body = raw(server, f"GET {url} HTTP/1.1\r\nHost: a\r\n\r\n".encode())
    assert status == 414 and headers["content-type"] == "application/problem+json"
    assert json.loads(body)["type"].endswith("/url-too-long")


def test_headers_past_the_head_limit_get_a_431_problem_and_the_server_goes_on(server):
    big = b"x-pad: " + b"y" * (4 * MAX_HEAD) + b"\r\n"
    status, _, body = raw(server, b"GET /healthz HTTP/1.1\r\nHost: a\r\n" + big + b"\r\n")
    assert status == 431 and json.loads(body)["type"].endswith("/headers-too-large")
    assert httpx.get(f"http://127.0.0.1:{server}/healthz", timeout=30).status_code == 200


def test_headers_within_the_limit_are_served(server):
    pad = b"x-pad: " + b"y" * (MAX_HEAD // 2) + b"\r\n"
    status, _, body = raw(server, b"GET /healthz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n"
                          + pad + b"\r\n")
    assert status == 200 and json.loads(body) == {"status": "ok"}


def test_a_large_body_sent_with_its_head_is_not_counted_as_head(server):
    items = [{"location": "DE", "at": "2017-06-01"}] * 5000  # ~200 KB, one sendall
    body = json.dumps({"items": items}).encode()
    status, _, answer = raw(server, b"POST /v1/resolve/batch?view=compact HTTP/1.1\r\nHost: a"
                            b"\r\nContent-Type: application/json\r\nConnection: close\r\n"
                            b"Content-Length: %d\r\n\r\n" % len(body) + body)
    assert status == 200 and json.loads(answer)["count"] == 5000


def test_half_sent_requests_are_answered_408_and_closed(server):
    socks = []
    try:
        for _ in range(200):  # bounded: a slowloris of 200 connections
            s = socket.create_connection(("127.0.0.1", server), timeout=60)
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: a\r\n")  # never the blank line
            socks.append(s)
        started = time.monotonic()
        closed = 0
        for s in socks:
            data = b""
            while True:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
            assert data.startswith(b"HTTP/1.1 408 "), data[:80]
            closed += 1
        assert closed == len(socks)
        assert time.monotonic() - started < 60  # the head timeout, not the client, ended them
    finally:
        for s in socks:
            s.close()


def test_the_trailing_slash_redirect_does_not_follow_the_host_header(server):
    status, headers, _ = raw(server, b"GET /v1/organisations/ HTTP/1.1\r\nHost: evil.example"
                             b"\r\nConnection: close\r\n\r\n")
    if status in (301, 302, 307, 308):
        assert "evil.example" not in headers.get("location", "")
        assert headers["location"].startswith("/")
    else:
        assert status in (200, 404)


def test_padded_query_strings_do_not_grow_the_answer_cache(kb):
    client = TestClient(create_app(kb))
    cache: AnswerCache = cache_for(kb, "answers", lambda: AnswerCache(64 * 1024 * 1024))
    first = client.get("/v1/resolve", params={"location": "RE", "org": "huawei",
                                              "at": "2017-06-01"})
    assert first.status_code == 200
    entries, used = len(cache.entries), cache.used
    for n in range(400):  # each with 60 KB of unused parameters, all different
        r = client.get(f"/v1/resolve?location=RE&org=huawei&at=2017-06-01&pad{n}="
                       + "p" * 60_000)
        assert r.status_code == 200 and r.content == first.content
    assert len(cache.entries) == entries and cache.used == used


def test_cache_keys_count_in_its_budget():
    cache = AnswerCache(10_000)
    for n in range(1000):
        cache.put(("x" * 500, n), (200, b"{}", []))
    assert cache.used <= 10_000 and len(cache.entries) < 20


def test_a_batch_whose_answers_pass_the_limit_is_refused(kb, monkeypatch):
    client = TestClient(create_app(kb))
    monkeypatch.setattr(routes_resolve, "MAX_BATCH_BYTES", 50_000)
    items = [{"location": code, "org": "huawei", "at": "2017-06-01"}
             for code in kb.jurisdiction_codes()[:200]]
    r = client.post("/v1/resolve/batch", json={"items": items})
    assert r.status_code == 413 and r.headers["content-type"] == "application/problem+json"
    assert "view=compact" in r.json()["detail"]
    small = client.post("/v1/resolve/batch?view=compact", json={"items": items[:20]})
    assert small.status_code == 200 and small.json()["count"] == 20


def test_mutating_an_answer_does_not_change_the_next_one(kb):
    first = kb.resolve("RE", service="cloud", at="2017-06-01").to_dict()
    for value in first.values():
        if isinstance(value, list):
            value.append("mutated")
        elif isinstance(value, dict):
            for inner in value.values():
                if isinstance(inner, list):
                    inner.append("mutated")
    again = kb.resolve("RE", service="cloud", at="2017-06-01").to_dict()
    assert "mutated" not in json.dumps(again)


SELECT = "SELECT ?s WHERE { ?s a <https://w3id.org/dpv#LegalEntity> } LIMIT 3"
CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s a <https://w3id.org/dpv#LegalEntity> ; ?p ?o } " \
            "LIMIT 5"


@pytest.mark.parametrize("method", ["GET", "POST-form", "POST-direct"])
@pytest.mark.parametrize(("query", "fmt"), [
    *[(SELECT, f) for f in ("json", "xml", "csv", "tsv")],
    *[(CONSTRUCT, f) for f in ("turtle", "n3", "xml", "json-ld", "rdf+xml")]])
def test_sparqlwrapper_works_in_every_format_and_method(server, method, query, fmt):
    """SPARQLWrapper, the usual Python SPARQL client, against /sparql as deployed: every
    result format it asks for, by GET, form POST and direct POST."""
    wrapper = pytest.importorskip("SPARQLWrapper")
    client = wrapper.SPARQLWrapper(f"http://127.0.0.1:{server}/sparql")
    client.setQuery(query)
    client.setReturnFormat({"json": wrapper.JSON, "xml": wrapper.XML, "csv": wrapper.CSV,
                            "tsv": wrapper.TSV, "turtle": wrapper.TURTLE, "n3": wrapper.N3,
                            "json-ld": wrapper.JSONLD, "rdf+xml": wrapper.RDFXML}[fmt])
    if method != "GET":
        client.setMethod(wrapper.POST)
        client.setRequestMethod(wrapper.URLENCODED if method == "POST-form"
                                else wrapper.POSTDIRECTLY)
    result = client.query()
    assert result.response.status == 200
    with warnings.catch_warnings():  # SPARQLWrapper's own use of rdflib's ConjunctiveGraph
        warnings.simplefilter("ignore", DeprecationWarning)
        converted = result.convert()  # parsed as the format asked for
    assert converted is not None
    if isinstance(converted, (bytes, str, dict, list)) or hasattr(converted, "__len__"):
        assert len(converted) > 0


def test_export_to_a_missing_folder_is_a_clear_error(tmp_path, capsys):
    from xborder.api.cli import main

    assert main(["export", "-o", str(tmp_path / "no" / "such" / "x.ttl")]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and "Traceback" not in err


def test_routing_table_csv_cells_cannot_be_formulas(kb, monkeypatch):
    import csv
    import io

    from xborder.api.routes_routing import _csv_cell, _routing_table

    assert [_csv_cell(v) for v in ("=HYPERLINK(1)", "+1", "-1", "@A1", "DE", None, True, 3)] \
        == ["'=HYPERLINK(1)", "'+1", "'-1", "'@A1", "DE", "", "true", 3]
    import dataclasses

    evil = '=HYPERLINK("https://evil.example","Germany")'
    monkeypatch.setitem(kb.model.jurisdictions, "DE",
                        dataclasses.replace(kb.model.jurisdictions["DE"], name=evil))
    day = dt.date(2017, 6, 1)
    rows = list(csv.reader(io.StringIO(_routing_table(kb, "huawei", day, "csv").decode())))
    names = [row[1] for row in rows if row[0] == "DE"]
    assert names and all(name.startswith("'=") for name in names)


def test_a_missing_static_file_gets_a_problem_body(kb):
    import anyio

    app = create_app(kb)

    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://x") as client:
            return await client.get("/static/no-such-file.js")

    r = anyio.run(go)
    assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"
    assert r.json()["type"].endswith("/not-found") and r.json()["instance"] == \
        "/static/no-such-file.js"
