"""Look-ups of organisations, entities, services, jurisdictions, regimes, adequacy; the export."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.facts import HTDG
from tests.http_support import TYPE, TestClient
from xborder.api.http import create_app


@pytest.fixture(scope="module")
def client(kb):
    with TestClient(create_app(kb)) as c:
        yield c


def authored_organisations() -> list[tuple[str, str]]:
    """(id, name) of every organisation, read from the authoring files themselves (not from
    the model the API serves), in the one order the API promises: by id."""
    from xborder.graph.build import DEFAULT_KB_DIR

    found = []
    for path in sorted(Path(DEFAULT_KB_DIR).rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("organisation"), dict):
            found.append((str(data["organisation"]["id"]), str(data["organisation"]["name"])))
    return sorted(found)


def test_organisations_and_one_organisation(client):
    orgs = client.get("/v1/organisations").json()
    expected = authored_organisations()
    assert expected, "no organisation found in the authoring files"
    assert [(o["id"], o["name"]) for o in orgs] == expected
    huawei = client.get("/v1/organisations/huawei").json()
    assert {s["id"] for s in huawei["services"]} >= {"consumer-cloud"}
    rule = next(r for r in huawei["rules"] if r["id"] == "10.1")
    assert rule["controller"] == HTDG
    assert rule["source"]["section"] == "10"
    assert "EEA" in rule["locations"]
    by_name = client.get("/v1/organisations/Huawei Device")
    assert by_name.json()["id"] == "huawei"
    missing = client.get("/v1/organisations/acme")
    assert missing.status_code == 404
    assert missing.json()["type"] == TYPE + "unknown-organisation"


def test_entities(client):
    entities = {e["id"]: e for e in client.get("/v1/entities").json()}
    assert entities[HTDG]["country"] == "DE"
    one = client.get(f"/v1/entities/{HTDG}").json()
    assert "10.1" in one["controller_in_rules"]
    missing = client.get("/v1/entities/nobody")
    assert missing.status_code == 404
    assert HTDG in {c["id"] for c in missing.json()["candidates"]}


def test_services_by_id_name_and_url(client):
    ids = {s["id"] for s in client.get("/v1/services").json()}
    assert "consumer-cloud" in ids
    assert client.get("/v1/services/cloud").json()["id"] == "consumer-cloud"
    by_url = client.get("/v1/services/https:%2F%2Fwww.hihonor.com%2Fus")
    assert by_url.status_code == 200, by_url.text
    assert by_url.json()["id"] == "online-store-us"
    assert client.get("/v1/services/music").json()["type"] == TYPE + "unknown-service"


def test_jurisdictions_with_memberships_over_time(client):
    codes = {j["code"]: j for j in client.get("/v1/jurisdictions").json()}
    assert codes["RE"]["part_of"] == "FR" and codes["EEA"]["kind"] == "group"
    gb = client.get("/v1/jurisdictions/GB", params={"at": "2020-06-01"}).json()
    eu = [m for m in gb["memberships"] if m["group"] == "EU"]
    assert eu and eu[0]["valid"]["to"] == "2020-01-31"
    assert gb["groups"]["EU"]["member"] is False
    assert gb["groups"]["EU"]["law_applies"] is True  # the Brexit transition period
    by_name = client.get("/v1/jurisdictions/Réunion", params={"at": "2017-06-01"}).json()
    assert by_name["code"] == "RE" and by_name["groups"]["EU"]["member"] is True
    eea = client.get("/v1/jurisdictions/EEA").json()
    li = [m for m in eea["members"] if m["member"] == "LI"]
    assert li[0]["valid"]["from"] == "1995-05-01"
    assert client.get("/v1/jurisdictions/Korea").status_code == 409


def test_regimes_and_adequacy_decisions(client):
    regimes = {r["id"] for r in client.get("/v1/regimes").json()}
    assert {"EU", "UK", "CH"} <= regimes
    eu = client.get("/v1/regimes/EU").json()
    assert any(a["id"] == "eu-adequacy-us-privacy-shield" for a in eu["adequacy"])
    assert any(m["kind"] == "scc" for m in eu["mechanisms"])
    assert client.get("/v1/regimes/eu").json()["id"] == "EU"
    assert client.get("/v1/regimes/XX").status_code == 404
    shield = client.get("/v1/adequacy", params={"regime": "EU", "destination": "US",
                                                "at": "2019-01-01"}).json()
    assert [a["id"] for a in shield] == ["eu-adequacy-us-privacy-shield"]
    after = client.get("/v1/adequacy", params={"regime": "EU", "destination": "US",
                                               "at": "2020-07-17"}).json()
    assert after == []  # Schrems II
    assert client.get("/v1/adequacy", params={"regime": "ZZ"}).status_code == 400


@pytest.mark.parametrize("fmt,media,marker", [
    ("ttl", "text/turtle", "@prefix"), ("nt", "application/n-triples", "<https://"),
    ("jsonld", "application/ld+json", '"@id"')])
def test_export_by_format_and_by_accept(client, kb, fmt, media, marker):
    r = client.get("/v1/export", params={"format": fmt})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(media)
    assert marker in r.text
    assert kb.version in r.headers["etag"]
    negotiated = client.get("/v1/export", headers={"Accept": media})
    assert negotiated.headers["content-type"].startswith(media)
    assert negotiated.headers["vary"] == "Accept"


def test_export_negotiation_edge_cases(client):
    assert client.get("/v1/export").headers["content-type"].startswith("text/turtle")
    q = client.get("/v1/export", headers={"Accept": "text/turtle;q=0.2, application/ld+json"})
    assert q.headers["content-type"].startswith("application/ld+json")
    r = client.get("/v1/export", headers={"Accept": "image/png"})
    assert r.status_code == 406 and r.json()["type"] == TYPE + "not-acceptable"
    r = client.get("/v1/export", params={"format": "xml"})
    assert r.status_code == 400
    etag = client.get("/v1/export", params={"format": "nt"}).headers["etag"]
    assert client.get("/v1/export", params={"format": "nt"},
                      headers={"If-None-Match": f'W/{etag}'}).status_code == 304
