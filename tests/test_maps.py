"""Transfer maps: grouped, coloured by status, stable, offline; and the "what changed" map.

The rendered HTML is read back (the vis-network data sets it carries) and checked against the
facts: who controls whose data on the policy's date, and what Schrems II and Brexit changed."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any

import anyio
import httpx
import pytest
from fastapi import FastAPI

from tests.facts import ASPIEGEL, EEA_2017, HTDG, ISSUER, POLICY_DATE, SECTION_10_LISTED
from xborder import KnowledgeBase
from xborder.api.cli import main
from xborder.api.http import create_app
from xborder.api.maps import STATUS_STYLE, build_map, map_html

SCHREMS_II = ("2020-07-15", "2020-07-17")  # the judgment (C-311/18) was given on 2020-07-16
BREXIT = ("2020-01-31", "2020-02-01")


def data_sets(html: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The nodes and edges the map's script hands to vis-network."""
    found = re.findall(r"new vis\.DataSet\((\[.*?\])\);\n", html, flags=re.S)
    assert len(found) == 2
    return json.loads(found[0]), json.loads(found[1])


def edges_between(edges: list[dict[str, Any]], src: str, dst: str) -> list[dict[str, Any]]:
    return [e for e in edges if e["from"] == src and e["to"] == dst]


class Resources(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline_scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href", "data") and value:
                self.urls.append(value)
        if tag == "script" and not dict(attrs).get("src"):
            self.inline_scripts += 1


@pytest.fixture(scope="module")
def policy_map(kb: KnowledgeBase) -> str:
    return map_html(kb, POLICY_DATE, "huawei")


def test_eea_to_the_german_controller_is_same_area(policy_map):
    nodes, edges = data_sets(policy_map)
    labels = {n["id"]: n["label"] for n in nodes}
    assert labels["group:EEA"].startswith("EEA (")
    assert labels[f"entity:{HTDG}"].startswith("Huawei Technologies Deutschland GmbH")
    [edge] = [e for e in edges_between(edges, "group:EEA", f"entity:{HTDG}")]
    assert edge["status"] == "same-area"
    assert edge["color"]["color"] == STATUS_STYLE["same-area"][0]
    assert "Source: policy § 10" in edge["title"] and "Services: Huawei Consumer Cloud" in \
        edge["title"]
    # every EU state of 2017 is in that group (the UK included, before Brexit); the EEA EFTA
    # states' legs carry their own caveat (the EEA Agreement's incorporation of EU decisions),
    # so each is drawn apart — with the same status to the same controller
    efta = ("IS", "LI", "NO")
    assert all(code in edge["title"] for code in EEA_2017 if code not in efta)
    for code in efta:
        [leg] = edges_between(edges, f"place:{code}", f"entity:{HTDG}")
        assert leg["status"] == "same-area"


def test_recipient_legs_carry_status_mechanism_and_source(policy_map):
    _, edges = data_sets(policy_map)
    [cn] = edges_between(edges, f"entity:{HTDG}", "recipient:affiliates@CN")
    [us] = edges_between(edges, f"entity:{HTDG}", "recipient:affiliates@US")
    assert (cn["status"], us["status"]) == ("safeguards-required", "adequacy")
    assert cn["color"]["color"] == STATUS_STYLE["safeguards-required"][0]
    assert "2016/1250" in us["title"] and "2016-07-12 → 2020-07-15" in us["title"]
    assert "policy § 3.2" in cn["title"]
    unplaced = edges_between(edges, f"entity:{HTDG}", "recipients:unplaced")
    assert [e["status"] for e in unplaced] == ["unknown"] and unplaced[0]["dashes"] is True


def test_jurisdictions_are_grouped_not_a_hairball(kb, policy_map):
    nodes, edges = data_sets(policy_map)
    users = [n for n in nodes if n["id"].startswith(("group:", "place:"))]
    # 261 places drawn as at most 16 user nodes: grouped by controller and by the status and
    # caveats of their first leg (the knowledge base has more regimes, so more distinct legs)
    assert len(users) <= 16 < len(kb.jurisdiction_codes())
    text = " ".join(n["label"] for n in users)
    # the policy's listed places (outside the EEA) are named on the map
    assert all(code in text for code in SECTION_10_LISTED if code not in [*EEA_2017, "GI"])
    assert any(n["label"].startswith("Everywhere else (") for n in users)
    assert len(nodes) < 30 and len(edges) < 60
    xs = {n["x"] for n in nodes}
    assert len(xs) == 3  # three fixed columns: users, controllers, recipients


def test_layout_is_stable_and_the_legend_complete(kb, policy_map):
    assert map_html(kb, POLICY_DATE, "huawei") == policy_map
    assert '"physics": {"enabled": false}' in policy_map
    for colour, text in STATUS_STYLE.values():
        assert colour in policy_map and text in policy_map


def test_works_offline(policy_map, kb):
    for html in (policy_map, map_html(kb, POLICY_DATE, location="RE", embed=True, org="huawei")):
        parser = Resources()
        parser.feed(html)
        assert [u for u in parser.urls if re.match(r"(https?:)?//", u)] == []
        assert not re.search(r"cdn\.|jsdelivr|unpkg|cdnjs|googleapis", html)
        assert parser.inline_scripts >= 2 and "vis.Network" in html


def test_one_location(kb):
    model = build_map(kb, POLICY_DATE, service="cloud", location="Réunion", org="huawei")
    assert [n for n, d in model.nodes.items() if d["column"] == 0] == ["place:RE"]
    assert model.edges[("place:RE", f"entity:{HTDG}", "same-area")].rows[0].location == "RE"


def test_schrems_ii_changes_the_leg_to_the_us(kb):
    # In 2020 the April 2018 statement names Aspiegel Limited (IE) for the cloud in the EEA.
    before, after = SCHREMS_II
    changes = kb.changes(before, after, service="cloud", org="huawei")
    served = [c for c in kb.jurisdiction_codes()
              if kb.resolve(c, service="cloud", at=before, org="huawei").controller.country == "IE"]
    hits = {c["location"] for c in changes if (c["from"], c["to"], c["before"], c["after"]) ==
            ("IE", "US", "adequacy", "safeguards-required")}
    assert hits == set(served) and "FR" in hits
    _, edges = data_sets(map_html(kb, after, before=before, org="huawei"))
    # the affiliates the April 2018 statement names (its own clause, not the 2016 policy's)
    [us] = edges_between(edges, f"entity:{ASPIEGEL}", "recipient:2018-affiliates@US")
    assert (us["status"], us["change"], us["label"]) == (
        "safeguards-required", "changed", "was adequacy")
    assert us["shadow"]["enabled"] is True and "CHANGED: was adequacy on 2020-07-15" in us["title"]
    [eea] = edges_between(edges, "group:EEA", f"entity:{ASPIEGEL}")
    assert eea["change"] == "" and eea["color"]["opacity"] < 1  # unchanged legs fade


def test_brexit_moves_the_uk_to_the_issuer(kb):
    model = build_map(kb, BREXIT[1], before=BREXIT[0], org="huawei")
    assert model.nodes["place:GB"]["label"] == "United Kingdom (GB)"
    new = model.edges[("place:GB", f"entity:{ISSUER}", "safeguards-required")]
    gone = model.edges[("place:GB", f"entity:{ASPIEGEL}", "same-area")]
    assert (new.change, gone.change) == ("new", "removed")
    assert {r.service_id for r in new.rows} >= {"consumer-cloud"}


def test_cli_map(tmp_path, capsys):
    out = tmp_path / "huawei.html"
    assert main(["map", "--org", "huawei", "--at", POLICY_DATE, "-o", str(out)]) == 0
    assert "wrote" in capsys.readouterr().out
    nodes, _ = data_sets(out.read_text("utf-8"))
    assert any(n["id"] == "group:EEA" for n in nodes)
    diff = tmp_path / "schrems.html"
    assert main(["map", "--service", "cloud", "--before", SCHREMS_II[0], "--at",
                 SCHREMS_II[1], "-o", str(diff), "--org", "huawei"]) == 0
    assert "what changed from 2020-07-15 to 2020-07-17" in diff.read_text("utf-8")
    graphml = tmp_path / "huawei.graphml"
    assert main(["map", "--at", POLICY_DATE, "-o", str(graphml), "--org", "huawei"]) == 0
    assert graphml.read_text("utf-8").startswith("<?xml")
    assert main(["map", "--at", "1990-01-01", "-o", str(tmp_path / "x.html"),
                 "--org", "huawei"]) == 5
    assert main(["map", "--format", "graphml", "--before", "2020-01-01", "--org", "huawei"]) == 2
    assert not list(tmp_path.glob("*.part"))


def _get(app: FastAPI, url: str, **params: str) -> httpx.Response:
    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://xborder") as c:
            return await c.get(url, params=params)

    return anyio.run(go)


def test_api_map(kb):
    app = create_app(kb)
    r = _get(app, "/v1/maps/huawei.html", at=POLICY_DATE, location="RE", embed="true")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    nodes, _ = data_sets(r.text)
    assert {n["id"] for n in nodes} >= {"place:RE", f"entity:{HTDG}"}
    assert "<h1>" not in r.text  # embedded in the page: no title of its own
    diff = _get(app, "/v1/maps/huawei.html", at=SCHREMS_II[1], before=SCHREMS_II[0])
    assert '"change": "changed"' in diff.text
    assert _get(app, "/v1/maps/nobody.html").status_code == 404
    bad = _get(app, "/v1/maps/huawei.html", at="2017-13-01")
    assert bad.status_code == 400 and bad.json()["type"].endswith("invalid-date")
