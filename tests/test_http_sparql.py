"""``/sparql``: the SPARQL 1.1 Protocol, read-only, with a time limit and a result-size limit."""

from __future__ import annotations

import csv
import io
import time
import xml.etree.ElementTree as ET

import pytest

from tests.facts import HTDG
from tests.http_support import TYPE, TestClient
from xborder.api.http import create_app

ENTITIES = ("PREFIX dpv: <https://w3id.org/dpv#>\n"
            "SELECT ?e ?name WHERE { ?e a dpv:LegalEntity ; dpv:hasName ?name } ORDER BY ?e")
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def client(kb):
    with TestClient(create_app(kb, sparql_timeout=2.0, sparql_max_results=1000)) as c:
        yield c


def test_select_as_sparql_json(client):
    r = client.get("/sparql", params={"query": ENTITIES})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/sparql-results+json"
    body = r.json()
    assert body["head"]["vars"] == ["e", "name"]
    names = {b["e"]["value"].rsplit("/", 1)[-1]: b["name"] for b in body["results"]["bindings"]}
    assert names[HTDG] == {"type": "literal", "value": "Huawei Technologies Deutschland GmbH"}
    assert "ETag" in r.headers and r.headers["vary"] == "Accept"


def test_result_formats_by_accept_and_by_format(client):
    xml = client.get("/sparql", params={"query": ENTITIES},
                     headers={"Accept": "application/sparql-results+xml"})
    root = ET.fromstring(xml.content)
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert [v.get("name") for v in root.iter(ns + "variable")] == ["e", "name"]
    rows = list(csv.reader(io.StringIO(client.get(
        "/sparql", params={"query": ENTITIES, "format": "csv"}).text)))
    assert rows[0] == ["e", "name"]
    assert any(row[1] == "Huawei Technologies Deutschland GmbH" for row in rows[1:])
    tsv = client.get("/sparql", params={"query": ENTITIES},
                     headers={"Accept": "text/tab-separated-values"})
    assert tsv.text.startswith("?e\t?name\n<https://")
    ask = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert ask.json() == {"head": {}, "boolean": True}


def test_construct_as_turtle_and_ntriples(client):
    query = ("PREFIX dpv: <https://w3id.org/dpv#>\n"
             "CONSTRUCT { ?e dpv:hasName ?n } WHERE { ?e a dpv:LegalEntity ; dpv:hasName ?n }")
    r = client.get("/sparql", params={"query": query})
    assert r.headers["content-type"].startswith("text/turtle")
    assert "Huawei Technologies Deutschland GmbH" in r.text
    nt = client.get("/sparql", params={"query": query},
                    headers={"Accept": "application/n-triples"})
    assert nt.headers["content-type"] == "application/n-triples"
    assert nt.text.count(" .\n") >= 3
    csv_graph = client.get("/sparql", params={"query": query, "format": "csv"})
    assert csv_graph.status_code == 406


def test_post_forms(client):
    r = client.post("/sparql", content=ENTITIES,
                    headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 200 and r.json()["results"]["bindings"]
    r = client.post("/sparql", data={"query": "ASK { ?s ?p ?o }"})
    assert r.json()["boolean"] is True
    r = client.post("/sparql", content="x", headers={"Content-Type": "text/plain"})
    assert r.status_code == 415


@pytest.mark.parametrize("send", [
    lambda c: c.get("/sparql", params={"update": "DROP ALL"}),
    lambda c: c.get("/sparql", params={"query": "DROP ALL"}),
    lambda c: c.get("/sparql", params={
        "query": "PREFIX x: <http://x/>\n# comment\nINSERT DATA { x:a x:b x:c }"}),
    lambda c: c.post("/sparql", content="CLEAR DEFAULT",
                     headers={"Content-Type": "application/sparql-update"}),
    lambda c: c.post("/sparql", data={"update": "DELETE WHERE { ?s ?p ?o }"}),
])
def test_updates_are_refused(client, send):
    r = send(client)
    assert r.status_code == 403
    assert r.json()["type"] == TYPE + "sparql-update-forbidden"
    assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"]


def test_service_is_refused_so_nothing_is_fetched(client):
    r = client.get("/sparql", params={
        "query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"})
    assert r.status_code == 403
    assert r.json()["type"] == TYPE + "sparql-service-forbidden"


def test_syntax_errors_and_empty_queries(client):
    r = client.get("/sparql", params={"query": "SELEKT ?x"})
    assert r.status_code == 400 and r.json()["type"] == TYPE + "sparql-syntax"
    assert client.get("/sparql").status_code == 400
    assert client.get("/sparql", params={"query": "   "}).status_code == 400
    assert client.get("/sparql", params={"query": "ASK {}", "format": "yaml"}).status_code == 400


def test_result_size_limit(client):
    r = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert r.status_code == 422
    assert r.json()["type"] == TYPE + "sparql-result-too-large"
    limited = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1000"})
    assert limited.status_code == 200
    assert len(limited.json()["results"]["bindings"]) == 1000


def test_time_limit_stops_the_query_and_the_engine_recovers(client):
    r = client.get("/sparql", params={"query": CARTESIAN})
    assert r.status_code == 422
    assert r.json()["type"] == TYPE + "sparql-timeout"
    after = client.get("/sparql", params={"query": ENTITIES})
    assert after.status_code == 200


def test_health_is_answered_while_a_query_runs(kb):
    """The query runs in another process: the server keeps answering while it runs (the
    answers are checked to come while the slow query still holds the engine)."""
    import threading

    app = create_app(kb, sparql_timeout=2.0)
    with TestClient(app) as c:
        assert c.get("/sparql", params={"query": "ASK {}"}).status_code == 200  # engine up
        slow: list[int] = []
        t = threading.Thread(target=lambda: slow.append(
            c.get("/sparql", params={"query": CARTESIAN}).status_code))
        t.start()
        engine = app.state.sparql._lock
        for _ in range(600):  # until the slow query holds the engine (readiness, ≤ 30 s)
            if engine.locked():
                break
            time.sleep(0.05)
        assert engine.locked()
        answered = [c.get("/healthz").status_code for _ in range(5)]
        overlapped = engine.locked() and t.is_alive()
        t.join()
    assert answered == [200] * 5 and overlapped
    assert slow == [422]


def test_a_query_while_the_engine_is_held_past_its_time_limit_is_busy(kb):
    """A second query waits for the engine up to the time limit, then gets 429 with
    Retry-After; once the engine is free, the same query is answered."""
    app = create_app(kb, sparql_timeout=0.5)
    with TestClient(app) as c:
        assert c.get("/sparql", params={"query": "ASK {}"}).status_code == 200
        engine = app.state.sparql._lock
        assert engine.acquire(timeout=30)  # as a running query would
        try:
            busy = c.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
        finally:
            engine.release()
        free = c.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert busy.status_code == 429 and busy.json()["type"] == TYPE + "busy"
    assert busy.headers["retry-after"] == "1"
    assert free.status_code == 200


@pytest.mark.parametrize("name", ["default-graph-uri", "named-graph-uri"])
def test_dataset_parameters_are_refused_not_ignored(client, name):
    r = client.get("/sparql", params={"query": "ASK {}", name: "https://example.org/g"})
    assert r.status_code == 400 and name in r.json()["detail"]
    form = client.post("/sparql", data={"query": "ASK {}", name: "https://example.org/g"})
    assert form.status_code == 400 and name in form.json()["detail"]


def test_if_none_match_gets_a_304_without_running_the_query_again(client):
    first = client.get("/sparql", params={"query": ENTITIES})
    etag = first.headers["etag"]
    again = client.get("/sparql", params={"query": ENTITIES}, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.headers["etag"] == etag and not again.content
    other = client.get("/sparql", params={"query": ENTITIES, "format": "csv"},
                       headers={"If-None-Match": etag})
    assert other.status_code == 200  # another format is another representation


@pytest.mark.parametrize("fmt", ["json-ld", "rdf+xml", "n3", "turtle", "xml"])
def test_sparqlwrapper_format_names_are_understood(client, fmt):
    r = client.get("/sparql", params={"query": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } "
                                      "LIMIT 3", "format": fmt, "output": fmt, "results": fmt})
    assert r.status_code == 200, r.text
