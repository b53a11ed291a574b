"""The transfer register and its exports (CSV, JSON, GraphML), from the core, the CLI and the
API, checked against the facts of the policy and of EU transfer law."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import anyio
import httpx
import networkx as nx
import pytest
from fastapi import FastAPI

from tests.facts import ASPIEGEL, HDUSA, HTDG, ISSUER, POLICY_DATE
from xborder import KnowledgeBase, NoApplicableRule
from xborder.api.cli import main
from xborder.api.http import create_app
from xborder.graph.register import (
    REGISTER_FIELDS,
    RegisterRow,
    register_csv,
    register_graph,
    register_graphml,
    transfer_register,
)


@pytest.fixture(scope="module")
def rows(kb: KnowledgeBase) -> list[RegisterRow]:
    return transfer_register(kb, POLICY_DATE, org="huawei")


class Client:
    """Requests through the ASGI app in-process (httpx's ASGI transport)."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app

    def get(self, url: str, params: dict[str, str] | None = None) -> httpx.Response:
        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://xborder") as c:
                return await c.get(url, params=params)

        return anyio.run(go)


@pytest.fixture(scope="module")
def client(kb: KnowledgeBase) -> Client:
    return Client(create_app(kb))


def _leg(rows: list[RegisterRow], controller: str, to: str, recipient: str = "affiliates",
         service: str = "consumer-cloud") -> RegisterRow:
    found = [r for r in rows if r.location is None and r.controller_id == controller
             and r.to_code == to and r.recipient_id == recipient and r.service_id == service]
    assert len(found) == 1, found
    return found[0]


def test_affiliates_in_china_need_safeguards_under_the_directive(rows):
    row = _leg(rows, HTDG, "CN")
    assert (row.from_code, row.status, row.regime) == ("DE", "safeguards-required", "EU")
    flat = row.flat()
    assert "scc" in flat["mechanism"].split("; ")
    assert "2010/87/EU" in flat["instrument"]
    assert "2021-09-26" in flat["valid_to"].split("; ")
    assert (flat["source_section"], flat["recipient"]) == ("3.2", "Huawei affiliates")
    assert "shared with Huawei's affiliates" in flat["source_quote"]
    assert "31995L0046" in flat["legal_source"]  # the Directive, in force in 2017
    assert flat["gap"]  # the policy names no SCCs or BCRs


def test_affiliates_in_the_us_rest_on_privacy_shield_until_schrems_ii(kb, rows):
    row = _leg(rows, HTDG, "US")
    assert row.status == "adequacy"
    shield = row.mechanisms[0]
    assert ("Privacy Shield" in shield["scope"] and "2016/1250" in shield["instrument"])
    assert (shield["valid_from"], shield["valid_to"]) == ("2016-07-12", "2020-07-15")
    # by 2020 the April 2018 statement names Aspiegel Limited (IE) for the cloud in the EEA
    after = _leg(transfer_register(kb, "2020-07-17", service="cloud", org="huawei"), ASPIEGEL, "US",
                 recipient="2018-affiliates")  # the statement's own affiliates clause
    assert after.status == "safeguards-required"
    assert all(m["kind"] != "adequacy" for m in after.mechanisms)


def test_one_user_leg_per_location_and_service(kb, rows):
    codes = kb.jurisdiction_codes()
    services = sorted(kb.organisation("huawei").services)
    user = [r for r in rows if r.location is not None]
    assert len(user) == len(codes) * len(services)
    assert len({r.key for r in user}) == len(user)
    re_cloud = next(r for r in user if r.location == "RE" and r.service_id == "consumer-cloud")
    assert (re_cloud.from_code, re_cloud.to_code, re_cloud.controller_id, re_cloud.status) == (
        "RE", "DE", HTDG, "same-area")
    assert re_cloud.citation["section"] == "10"
    store = next(r for r in user if r.location == "RE" and r.service_id == "online-store-us")
    assert (store.controller_id, store.to_code, store.status) == (HDUSA, "US", "adequacy")
    products = next(r for r in user if r.location == "JP" and r.service_id == "consumer-products")
    assert products.controller_id == ISSUER


def test_service_and_location_narrow_the_register(kb):
    rows = transfer_register(kb, POLICY_DATE, service="cloud", locations=["Réunion"], org="huawei")
    assert {r.service_id for r in rows} == {"consumer-cloud"}
    assert [r.location for r in rows if r.location] == ["RE"]
    assert {r.to_code for r in rows if r.location is None} == {"CN", "US", None}


def test_no_rule_before_the_policy(kb):
    with pytest.raises(NoApplicableRule):
        transfer_register(kb, "1990-01-01", org="huawei")


def test_csv_is_flat_and_spreadsheet_safe(rows):
    text = register_csv(rows)
    table = list(csv.DictReader(io.StringIO(text)))
    assert tuple(table[0]) == REGISTER_FIELDS
    assert len(table) == len(rows)
    assert any(t["from"] == "DE" and t["to"] == "CN" and t["status"] == "safeguards-required"
               and t["recipient"] == "Huawei affiliates" for t in table)
    evil = dataclasses.replace(rows[0], explanation="=HYPERLINK(\"x\")")
    cell = next(csv.DictReader(io.StringIO(register_csv([evil]))))["explanation"]
    assert cell.startswith("'=")


def test_graphml_reads_back_with_the_legs(rows):
    g = nx.read_graphml(io.BytesIO(register_graphml(rows).encode()))
    assert g.nodes["user:RE"]["kind"] == "user-location"
    assert g.nodes[f"entity:{HTDG}"]["code"] == "DE"
    statuses = {d["status"] for u, v, d in g.edges(data=True)
                if u == f"entity:{HTDG}" and v == "recipient:affiliates@CN"}
    assert statuses == {"safeguards-required"}
    assert register_graph(rows).number_of_edges() == len(rows)


def test_cli_register_csv_and_json(tmp_path, capsys):
    out = tmp_path / "register.csv"
    assert main(["register", "--at", POLICY_DATE, "--service", "cloud", "-o", str(out),
                 "--org", "huawei"]) == 0
    table = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    assert {t["service"] for t in table} == {"Huawei Consumer Cloud Services"}
    assert main(["register", "--at", POLICY_DATE, "--location", "DE", "--format", "json",
                 "--org", "huawei"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {d["location"] for d in data if d["leg"] == "user-to-controller"} == {"DE"}
    assert main(["register", "--at", "1990-01-01", "--org", "huawei"]) == 5


def test_api_register_and_graphml(client):
    r = client.get("/v1/register/huawei.csv", params={"at": POLICY_DATE, "service": "cloud"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    table = list(csv.DictReader(io.StringIO(r.text)))
    assert any(t["from"] == "DE" and t["to"] == "CN" and t["status"] == "safeguards-required"
               for t in table)
    j = client.get("/v1/register/huawei.json", params={"at": POLICY_DATE, "location": "RE",
                                                       "org": "huawei"})
    body = j.json()
    assert body["count"] == len(body["rows"]) > 0
    assert {row["location"] for row in body["rows"] if row["location"]} == {"RE"}
    bad = client.get("/v1/register/huawei.xlsx")
    assert bad.status_code == 400
    assert bad.headers["content-type"] == "application/problem+json"
    missing = client.get("/v1/register/nobody.csv")
    assert missing.status_code == 404
    assert "huawei" in {c["id"] for c in missing.json()["candidates"]}
    g = client.get("/v1/maps/huawei.graphml", params={"at": POLICY_DATE})
    assert g.status_code == 200
    assert nx.read_graphml(io.BytesIO(g.content)).has_node("user:RE")
