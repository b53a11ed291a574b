"""The cross-organisation question: for a user in one place on one date, who controls their
data at each organisation — Python, CLI and HTTP give the same rows."""

from __future__ import annotations

import json

import pytest

from tests.http_support import TestClient
from xborder import KnowledgeBase
from xborder.api.cli import main
from xborder.api.http import create_app

# Huawei's April 2018 privacy statement, section IX: "If you use Huawei consumer cloud services
# in a member state of the European Economic Area (EEA) … Aspiegel Limited in Ireland is the
# data controller."
DE_2019 = ("DE", "2019-06-01", "huawei", "consumer-cloud", "Aspiegel Limited")


def _row(rows, org):
    return next(r for r in rows if r["organisation"]["id"] == org)


def test_every_organisation_has_a_row(kb: KnowledgeBase) -> None:
    location, at, org, service, controller = DE_2019
    rows = kb.resolve_organisations(location, at=at)
    assert [r["organisation"]["id"] for r in rows] == sorted(kb.model.organisations)
    huawei = _row(rows, org)
    by_service = {a["service"]: a for a in huawei["answers"]}
    assert by_service[service]["controller"]["name"] == controller
    assert by_service[service]["policy"]["archived_url"].startswith("https://")
    assert huawei["depends_on_service"] is True


def test_an_unknown_place_is_one_error(kb: KnowledgeBase) -> None:
    from xborder.graph.errors import XborderInputError

    with pytest.raises(XborderInputError):
        kb.resolve_organisations("Atlantisxq", at="2019-06-01")


def test_cli_and_http_agree(kb: KnowledgeBase, capsys: pytest.CaptureFixture[str]) -> None:
    location, at, org, _service, _controller = DE_2019
    assert main(["controllers", location, "--at", at, "--org", org, "--json"]) == 0
    cli = json.loads(capsys.readouterr().out)
    with TestClient(create_app(kb)) as client:
        r = client.get("/v1/resolve/organisations", params={"location": location, "at": at,
                                                             "org": org})
        assert r.status_code == 200, r.text
        assert r.json() == cli
        bad = client.get("/v1/resolve/organisations", params={"location": "Atlantisxq"})
        assert bad.status_code == 404 or bad.status_code == 400
        assert bad.headers["content-type"] == "application/problem+json"
