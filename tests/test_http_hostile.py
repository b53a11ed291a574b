"""No input, however malformed, huge or hostile, produces a 500 or a traceback.

The client raises any server exception (``raise_server_exceptions``), so an unhandled error
fails the test even where a response would have been sent.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.http_support import PROBLEM, TYPE, TestClient
from xborder.api.http import create_app


@pytest.fixture(scope="module")
def client(kb):
    with TestClient(create_app(kb, max_body=1024 * 1024, sparql_timeout=2.0)) as c:
        yield c


def url(path: str, params: dict[str, str]) -> str:
    """``path?params``, percent-encoded byte for byte (lone surrogates and controls included)."""
    return path + "?" + "&".join(f"{k}={quote(v.encode('utf-8', 'surrogatepass'), safe='')}"
                                 for k, v in params.items())


def assert_clean_4xx(r) -> None:
    assert 400 <= r.status_code < 500, (r.status_code, r.text[:300])
    assert r.headers["content-type"] == PROBLEM
    assert r.json()["type"].startswith(TYPE)
    assert "Traceback" not in r.text and 'File "' not in r.text


@pytest.mark.parametrize("at", ["0000-01-01", "1899-12-31", "3000-01-01", "99999-01-01",
                                "2017-02-30", "2017-13-01", "2017-06-01T00:00", "-2017-06-01",
                                "２０１７-０６-０１", "2017-06-01\x00", "now", "1e308",
                                "9" * 32])
def test_absurd_dates(client, at):
    r = client.get("/v1/resolve", params={"location": "DE", "at": at, "org": "huawei"})
    assert_clean_4xx(r)
    assert r.json()["type"] in (TYPE + "invalid-date", TYPE + "invalid-input")


INJECTIONS = [
    'RE" } ; DROP ALL ; #',
    "RE> } INSERT DATA { <a:a> <a:b> <a:c> } #",
    "'; DELETE WHERE { ?s ?p ?o } --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "\x00\x01\x02",
    "\u202eDE",
    "\ud800",
    "%00",
    "DE\r\nSet-Cookie: x=1",
    "${jndi:ldap://127.0.0.1/a}",
    "{{7*7}}",
]


REFERENCE = ["/v1/resolve?location=RE&service=cloud&at=2017-06-01",
             "/v1/resolve?location=DE&at=2017-06-01&view=compact",
             "/v1/transfers?from=DE&to=US&at=2020-07-17"]


@pytest.fixture(scope="module")
def reference_bodies(client) -> list[bytes]:
    """Before any injection: what the reference questions are answered."""
    return [client.get(u).content for u in REFERENCE]


@pytest.fixture(scope="module")
def reference_triples(kb) -> int:
    return len(kb.graph)


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("field", ["location", "service", "org"])
def test_injection_through_parameters_is_just_unknown_text(client, kb, value, field,
                                                           reference_bodies,
                                                           reference_triples):
    params = {"location": "DE", field: value}
    r = client.get(url("/v1/resolve", params))
    if r.status_code == 200:  # text the location index folds to a code ("\u202eDE" → DE)
        assert r.json()["location"]["input"] == value
    else:
        assert_clean_4xx(r)
    # nothing it sent changed what others are answered: the reference answers, byte for byte,
    # and the graph itself (an injected update would add or drop triples)
    assert [client.get(u).content for u in REFERENCE] == reference_bodies
    assert len(kb.graph) == reference_triples


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_through_other_endpoints(client, value):
    for path, params in (("/v1/transfers", {"from": value, "to": "US"}),
                         ("/v1/routing-table", {"org": value}),
                         ("/v1/adequacy", {"destination": value}),
                         ("/v1/jurisdictions/DE", {"at": value})):
        r = client.get(url(path, params))
        assert r.status_code < 500, (path, r.text[:200])
    r = client.get("/v1/entities/" + quote(value.encode("utf-8", "surrogatepass"), safe=""))
    assert r.status_code < 500


def test_non_utf8_and_odd_query_strings(client):
    for raw in ("/v1/resolve?location=%FF%FE", "/v1/resolve?location=%", "/v1/resolve?=&&&",
                "/v1/resolve?location=DE&location=FR&at=2017-06-01",
                "/v1/resolve?location=D%00E", "/sparql?query=%FF",
                "/v1/jurisdictions/%FF", "/v1/services/%C0%AF"):
        r = client.get(raw)
        assert r.status_code < 500, (raw, r.text[:200])


def test_huge_parameters(client):
    assert_clean_4xx(client.get("/v1/resolve", params={"location": "D" * 30_000}))
    assert_clean_4xx(client.get("/v1/transfers", params={"from": "D" * 5000, "to": "US"}))
    assert_clean_4xx(client.post("/sparql", content="ASK {} #" + "x" * 70_000,
                                 headers={"content-type": "application/sparql-query"}))


def test_oversized_bodies_are_refused_before_reading(client):
    r = client.post("/v1/resolve/batch", content=b"{" + b" " * (2 * 1024 * 1024) + b"}",
                    headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert r.json()["type"] == TYPE + "body-too-large"

    def chunks():
        for _ in range(3):
            yield b" " * (512 * 1024)

    r = client.post("/v1/resolve/batch", content=chunks(),
                    headers={"content-type": "application/json"})
    assert r.status_code == 413
    r = client.post("/sparql", content=b"x" * (2 * 1024 * 1024),
                    headers={"content-type": "application/sparql-query"})
    assert r.status_code == 413


@pytest.mark.parametrize("body", [
    b"[" * 5000 + b"]" * 5000,
    b'{"items": [' + b'{"a":' * 2000 + b"1" + b"}" * 2000 + b"]}",
    b'{"items": [{"location": "DE", "at": {"$gt": ""}}]}',
    b'{"items": [{"location": ["DE"]}]}',
    b'{"items": null}',
    b"\xef\xbb\xbf{}",
    b"\xc3\x28",
    b"",
    b"null",
    b'{"items": [{"location": "DE"}], "items": 3}',
    b'{"items": [{"location": "\\ud800"}]}',
    b'{"items": [{"location": "DE", "service": "' + b"s" * 300 + b'"}]}',
])
def test_hostile_json_bodies(client, body):
    r = client.post("/v1/resolve/batch", content=body,
                    headers={"content-type": "application/json"})
    assert_clean_4xx(r)


def test_hostile_headers(client):
    r = client.get("/v1/export", headers={"Accept": "text/turtle;q=nan, */*;q=-1, " * 200})
    assert r.status_code < 500
    r = client.get("/v1/resolve", params={"location": "DE", "org": "huawei"},
                   headers={"If-None-Match": ", ".join(['"x"'] * 500)})
    assert r.status_code == 200
    r = client.post("/v1/resolve/batch", content=b"{}",
                    headers={"content-type": "application/json", "content-length": "abc"})
    assert r.status_code < 500


def test_sparql_through_hostile_forms(client):
    for body, media in ((b"query=%FF", "application/x-www-form-urlencoded"),
                        (b"\xff\xfe", "application/sparql-query"),
                        (b"&".join([b"a=1"] * 100), "application/x-www-form-urlencoded"),
                        (b"query=", "application/x-www-form-urlencoded")):
        r = client.post("/sparql", content=body, headers={"content-type": media})
        assert r.status_code < 500, (body[:20], r.text[:200])
