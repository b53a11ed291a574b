"""The HTTP API answers the same facts as the core, with problem+json errors and cache headers."""

from __future__ import annotations

import csv
import io

import orjson
import pytest

from tests.facts import ASPIEGEL, HTDG, ISSUER, POLICY_DATE
from tests.http_support import PROBLEM, TYPE, TestClient
from xborder.api.http import create_app


@pytest.fixture(scope="module")
def client(kb):
    with TestClient(create_app(kb)) as c:
        yield c


def assert_problem(r, status: int, slug: str) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == PROBLEM
    body = r.json()
    assert body["type"] == TYPE + slug
    assert body["status"] == status
    assert body["title"] and body["detail"]
    assert "Traceback" not in r.text
    return body


# -- resolve --------------------------------------------------------------------------------------

def test_resolve_is_the_cli_json(client, kb):
    r = client.get("/v1/resolve", params={"location": "RE", "service": "consumer-cloud",
                                          "at": POLICY_DATE, "org": "huawei"})
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/json"
    body = r.json()
    assert body["controller"]["id"] == HTDG
    expected = kb.resolve("RE", service="consumer-cloud", at=POLICY_DATE, org="huawei").to_dict()
    assert body == orjson.loads(orjson.dumps(expected))
    assert body["transfers"], "transfer legs are included by default"


def test_resolve_without_transfers_is_smaller_and_has_the_same_controller(client):
    params = {"location": "RE", "service": "consumer-cloud", "at": POLICY_DATE, "org": "huawei"}
    full = client.get("/v1/resolve", params=params)
    lean = client.get("/v1/resolve", params={**params, "transfers": "false", "org": "huawei"})
    assert lean.status_code == 200
    assert lean.json()["transfers"] == []
    assert lean.json()["controller"] == full.json()["controller"]
    assert len(lean.content) < len(full.content) / 2


def test_resolve_brexit_transition_shows_the_other_reading(client):
    body = client.get("/v1/resolve", params={"location": "GB", "service": "consumer-cloud",
                                             "at": "2020-06-01", "org": "huawei"}).json()
    assert body["controller"]["id"] == ISSUER
    # in 2020 the April 2018 statement's EEA controller is Aspiegel Limited (section IX)
    assert [a["controller"]["id"] for a in body["alternatives"]] == [ASPIEGEL]


def test_resolve_etag_and_revalidation(client, kb):
    params = {"location": "DE", "service": "cloud", "at": POLICY_DATE, "org": "huawei"}
    r = client.get("/v1/resolve", params=params)
    etag = r.headers["etag"]
    assert kb.version in etag and POLICY_DATE in etag
    assert "max-age" in r.headers["cache-control"]
    again = client.get("/v1/resolve", params=params, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    other = client.get("/v1/resolve", params=params, headers={"If-None-Match": '"stale"'})
    assert other.status_code == 200


def test_resolve_default_date_is_today_in_the_etag(client):
    import datetime as dt

    r = client.get("/v1/resolve", params={"location": "DE", "org": "huawei"})
    assert r.status_code == 200
    assert r.json()["at"] == dt.date.today().isoformat()
    assert dt.date.today().isoformat() in r.headers["etag"]


@pytest.mark.parametrize("params,status,slug", [
    ({"location": "Korea"}, 409, "ambiguous-location"),
    ({"location": "Atlantisxq"}, 404, "unknown-location"),
    ({"location": "DE", "service": "music", "org": "huawei"}, 404, "unknown-service"),
    ({"location": "DE", "org": "acme"}, 404, "unknown-organisation"),
    ({"location": "DE", "at": "2017-02-30", "org": "huawei"}, 400, "invalid-date"),
    ({"location": "DE", "service": "cloud", "at": "2010-01-01",
      "org": "huawei"}, 404, "no-applicable-rule"),
    ({"location": "192.168.1.1"}, 422, "unplaceable-location"),
    ({}, 400, "invalid-input"),
    ({"location": "DE", "transfers": "perhaps"}, 400, "invalid-input"),
    ({"location": "x" * 201}, 400, "invalid-input"),
])
def test_resolve_errors_are_problems(client, params, status, slug):
    body = assert_problem(client.get("/v1/resolve", params=params), status, slug)
    assert body["instance"] == "/v1/resolve"


def test_ambiguous_and_unknown_locations_list_candidates(client):
    body = client.get("/v1/resolve", params={"location": "Korea", "org": "huawei"}).json()
    assert {c["code"] for c in body["candidates"]} == {"KR", "KP"}
    body = client.get("/v1/resolve", params={"location": "Germny", "org": "huawei"}).json()
    assert "DE" in {c["code"] for c in body["candidates"]}
    body = client.get("/v1/resolve", params={"location": "DE", "service": "music",
                                             "org": "huawei"}).json()
    assert "consumer-cloud" in {c["id"] for c in body["candidates"]}


def test_resolve_by_ip_address_reports_the_geoip_date(client):
    body = client.get("/v1/resolve", params={"location": "8.8.8.8", "service": "cloud",
                                             "at": POLICY_DATE, "org": "huawei"}).json()
    assert body["location"]["code"] == "US"
    assert body["controller"]["id"] == HTDG  # section 10 lists the USA
    assert "GeoLite2" in body["caveats"][0] and "dated 20" in body["caveats"][0]


# -- batch ----------------------------------------------------------------------------------------

def test_batch_answers_in_order_and_reports_failures_in_place(client):
    items = [{"location": "RE", "service": "consumer-cloud", "at": POLICY_DATE, "org": "huawei"},
             {"location": "Atlantisxq"},
             {"location": "Korea"},
             {"location": "GB", "service": "consumer-cloud", "at": "2020-06-01", "org": "huawei"}]
    r = client.post("/v1/resolve/batch?transfers=false", json={"items": items})
    assert r.status_code == 200
    body = r.json()
    assert body["count"] == 4
    ok = [x["ok"] for x in body["results"]]
    assert ok == [True, False, False, True]
    assert body["results"][0]["result"]["controller"]["id"] == HTDG
    assert body["results"][1]["problem"]["type"] == TYPE + "unknown-location"
    assert body["results"][2]["problem"]["status"] == 409
    assert body["results"][3]["result"]["controller"]["id"] == ISSUER
    assert body["results"][0]["result"]["transfers"] == []


def test_batch_matches_single_resolves(client):
    items = [{"location": c, "service": "consumer-cloud", "at": POLICY_DATE, "org": "huawei"}
             for c in ("FR", "NC", "GI", "JP", "CN")]
    batch = client.post("/v1/resolve/batch", json={"items": items}).json()["results"]
    for item, answer in zip(items, batch, strict=True):
        single = client.get("/v1/resolve", params=item).json()
        assert answer["result"] == single


@pytest.mark.parametrize("body,status,slug", [
    (b"not json", 400, "invalid-input"),
    (b"\xff\xfe\x00", 400, "invalid-input"),
    (b"[" * 100_000 + b"]" * 100_000, 400, "invalid-input"),
    (b'{"items": "RE"}', 400, "invalid-input"),
    (b'{"items": [1]}', 400, "invalid-input"),
    (b'{"items": [{"service": "cloud"}]}', 400, "invalid-input"),
    (b'{"items": [{"location": 3}]}', 400, "invalid-input"),
    (orjson.dumps({"items": [{"location": "DE"}] * 10_001}), 413, "body-too-large"),
])
def test_batch_rejects_malformed_bodies(client, body, status, slug):
    r = client.post("/v1/resolve/batch", content=body,
                    headers={"content-type": "application/json"})
    assert_problem(r, status, slug)


def test_batch_of_ten_thousand_is_accepted(client):
    items = [{"location": code, "service": "consumer-cloud", "at": POLICY_DATE, "org": "huawei"}
             for code in ["DE", "FR", "US", "JP", "CN"] * 2000]
    r = client.post("/v1/resolve/batch?transfers=false", json={"items": items})
    assert r.status_code == 200
    results = r.json()["results"]
    assert len(results) == 10_000
    assert results[2]["result"]["controller"]["id"] == HTDG
    assert results[4]["result"]["controller"]["id"] == ISSUER


# -- routing table --------------------------------------------------------------------------------

def test_routing_table_json_has_every_location_and_service(client, kb):
    r = client.get("/v1/routing-table", params={"at": POLICY_DATE, "org": "huawei"})
    assert r.status_code == 200
    body = r.json()
    services = [None, *kb.model.organisations["huawei"].services]
    assert body["count"] == len(kb.jurisdiction_codes()) * len(services)
    assert body["knowledge_base"] == kb.version
    rows = {(row["location"], row["service"]): row for row in body["rows"]}
    assert rows[("RE", "consumer-cloud")]["controller"] == HTDG
    assert rows[("NC", "consumer-cloud")]["controller"] == ISSUER
    assert rows[("NC", "consumer-cloud")]["alternative_count"] >= 1


def test_routing_table_csv_by_accept_and_revalidation(client):
    r = client.get("/v1/routing-table", params={"at": POLICY_DATE, "org": "huawei"},
                   headers={"Accept": "text/csv"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert "Accept" in r.headers["vary"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    de = [row for row in rows if row["location"] == "DE" and row["service"] == "consumer-cloud"]
    assert de[0]["controller"] == HTDG and de[0]["default_rule"] == "false"
    etag = r.headers["etag"]
    again = client.get("/v1/routing-table", params={"at": POLICY_DATE, "format": "csv",
                                                    "org": "huawei"},
                       headers={"If-None-Match": etag})
    assert again.status_code == 304
    json_etag = client.get("/v1/routing-table", params={"at": POLICY_DATE,
                                                        "org": "huawei"}).headers["etag"]
    assert json_etag != etag


def test_routing_table_errors(client):
    assert_problem(client.get("/v1/routing-table", params={"format": "xlsx", "org": "huawei"}), 400,
                   "invalid-input")
    assert_problem(client.get("/v1/routing-table", headers={"Accept": "image/png"}), 406,
                   "not-acceptable")
    assert_problem(client.get("/v1/routing-table", params={"org": "acme"}), 404,
                   "unknown-organisation")


# -- transfers ------------------------------------------------------------------------------------

def test_transfers_is_the_cli_json(client, kb):
    r = client.get("/v1/transfers", params={"from": "DE", "to": "US", "at": "2020-07-17"})
    assert r.status_code == 200
    assert r.json()["status"] == "safeguards-required"
    expected = kb.transfer("DE", "US", at="2020-07-17").to_dict()
    assert r.json() == orjson.loads(orjson.dumps(expected))
    before = client.get("/v1/transfers", params={"from": "DE", "to": "US",
                                                 "at": "2019-01-01"}).json()
    assert before["status"] == "adequacy"


def test_transfers_with_org_shows_policy_claims_and_errors(client):
    body = client.get("/v1/transfers", params={"from": "DE", "to": "CN", "at": "2020-07-17",
                                               "org": "huawei"}).json()
    assert body["policy_claims"]
    assert_problem(client.get("/v1/transfers", params={"from": "DE"}), 400, "invalid-input")
    assert_problem(client.get("/v1/transfers", params={"from": "DE", "to": "Congo"}), 409,
                   "ambiguous-location")


# -- service endpoints ----------------------------------------------------------------------------

def test_health_ready_version(client, kb):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz").json()
    assert ready["status"] == "ready" and ready["version"] == kb.version
    version = client.get("/v1/version").json()
    assert version["knowledge_base"] == kb.version
    assert version["geoip"]["date"] and version["geoip"]["date"][:2] == "20"


def test_unknown_paths_and_methods_are_problems(client):
    assert_problem(client.get("/v2/nothing"), 404, "not-found")
    r = client.delete("/v1/resolve")
    assert_problem(r, 405, "method-not-allowed")
    assert "GET" in r.headers["allow"]


def test_openapi_documents_every_endpoint_with_examples(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in ("/v1/resolve", "/v1/resolve/batch", "/v1/routing-table", "/v1/transfers",
                 "/v1/organisations", "/v1/entities/{entity_id}", "/v1/jurisdictions/{location}",
                 "/v1/regimes/{regime_id}", "/v1/adequacy", "/v1/export", "/sparql",
                 "/healthz", "/readyz", "/v1/version"):
        assert path in paths, path
    params = {p["name"]: p for p in paths["/v1/resolve"]["get"]["parameters"]}
    assert set(params) == {"location", "service", "org", "at", "transfers", "view"}
    assert params["location"]["required"] and params["location"]["examples"]
    assert params["transfers"]["schema"]["default"] is True
    assert "Problem" in spec["components"]["schemas"]
    assert client.get("/docs").status_code == 200


def test_the_knowledge_base_is_read_per_request(kb):
    """A reload swaps app.state.kb; answers and ETags follow the new object at once."""
    from xborder.graph.kb import KnowledgeBase

    app = create_app(kb)
    with TestClient(app) as c:
        first = c.get("/v1/resolve", params={"location": "DE", "at": POLICY_DATE, "org": "huawei"})
        other = KnowledgeBase(kb.graph, origin="swapped", version="0123456789abcdef")
        app.state.kb = other
        second = c.get("/v1/resolve", params={"location": "DE", "at": POLICY_DATE, "org": "huawei"})
        assert first.headers["etag"] != second.headers["etag"]
        assert "0123456789abcdef" in second.headers["etag"]
        assert c.get("/v1/version").json()["knowledge_base"] == "0123456789abcdef"
        assert c.get("/readyz").json()["origin"] == "swapped"


def test_compact_view_for_routers(client):
    params = {"location": "NC", "service": "consumer-cloud", "at": POLICY_DATE, "org": "huawei"}
    full = client.get("/v1/resolve", params=params).json()
    r = client.get("/v1/resolve", params={**params, "view": "compact", "org": "huawei"})
    assert r.status_code == 200
    compact = r.json()
    assert compact["controller"] == {k: full["controller"][k] for k in ("id", "name", "country")}
    assert compact["rule"] == {"id": full["rule"]["id"], "default": full["rule"]["default"]}
    assert compact["caveat_count"] == len(full["caveats"]) > 0
    assert compact["alternative_controllers"] == [a["controller"]["id"]
                                                  for a in full["alternatives"]]
    assert len(r.content) < 600
    batch = client.post("/v1/resolve/batch?view=compact",
                        json={"items": [params, {"location": "Atlantisxq"}]}).json()
    assert batch["results"][0]["result"] == compact
    assert batch["results"][1]["problem"]["status"] == 404
    bad = client.get("/v1/resolve", params={**params, "view": "tiny", "org": "huawei"})
    assert bad.status_code == 400
