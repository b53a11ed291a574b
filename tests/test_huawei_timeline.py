"""Huawei's controller timeline across its policy versions, checked against the archived texts.

Facts (written from the policy texts, not read back from the knowledge base):

- "Last updated: September 2016" (Wayback copy of 2017-12-29), section 10: the cloud controller
  for the EEA and 18 listed places is "Huawei Technologies Deutschland, GmbH".
- "updated on April 15, 2018" (citp copies of 2018-05-29 and 2019-07-09), section IX: "Aspiegel
  Limited in Ireland is the data controller" for the same places.
- "Last updated: December, 2023" (ToS;DR copy, captured in 2024 or later): names no controller.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from xborder import KnowledgeBase
from xborder.api.cli import main
from xborder.graph.build import DEFAULT_KB_DIR

HTDG_NAME = "Huawei Technologies Deutschland GmbH"
ASPIEGEL_NAME = "Aspiegel Limited"
QUOTE_2016 = "is controlled by Huawei Technologies Deutschland, GmbH."
QUOTE_2018 = "Aspiegel Limited in Ireland is the data controller."
COPY_2016 = "web.archive.org/web/20171229083646id_/"
COPY_2018 = ("citp/privacy-policy-historical/blob/4b309c8838a5417666be914aafdb03c44fb3967b/"
             "h/hu/hua/huaweimobileservices.com.md")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_cli_names_the_controller_of_the_version_in_force_with_quote_and_copy(capsys):
    code, out = run(capsys, "resolve", "DE", "--service", "cloud", "--at", "2019-06-01",
                    "--org", "huawei")
    assert code == 0
    assert f"{ASPIEGEL_NAME} (IE) is the data controller" in out
    assert "section IX" in out and COPY_2018 in out
    assert QUOTE_2018 in " ".join(out.split())  # the quote, however the lines wrap
    assert "April 15, 2018" in out  # the policy line names the version
    code, out = run(capsys, "resolve", "DE", "--service", "cloud", "--at", "2019-06-01", "--json",
                    "--org", "huawei")
    body = json.loads(out)
    policy = body["policy"]
    assert (policy["document"], policy["status"]) == ("huawei-privacy-statement-2018", "in-force")
    assert (policy["from"], policy["first_seen"], policy["last_seen"]) == (
        "2018-04-15", "2018-05-29", "2019-07-09")
    assert QUOTE_2018 in body["sources"][0]["quote"] and COPY_2018 in body["sources"][0]["url"]
    assert not body["caveats"]


def test_versions_follow_each_other_day_by_day(kb: KnowledgeBase):
    last_2016 = kb.resolve("DE", service="cloud", at="2018-04-14", org="huawei")
    first_2018 = kb.resolve("DE", service="cloud", at="2018-04-15", org="huawei")
    assert last_2016.controller.name == HTDG_NAME
    assert first_2018.controller.name == ASPIEGEL_NAME
    assert last_2016.to_dict()["policy"]["to"] == "2018-04-14"
    assert kb.resolve("DE", service="cloud", at="2017-06-01",
                      org="huawei").controller.name == HTDG_NAME


@pytest.mark.parametrize(("at", "earlier", "later"), [
    ("2018-02-01", "huawei-privacy-policy-2016", "huawei-privacy-statement-2018"),
    ("2021-06-01", "huawei-privacy-statement-2018", "huawei-privacy-statement-2023"),
])
def test_a_gap_between_sightings_says_so_and_names_both_versions(kb, at, earlier, later):
    d = kb.resolve("DE", service="cloud", at=at, org="huawei").to_dict()
    policy = d["policy"]
    assert policy["status"] == "gap" and policy["document"] == earlier
    assert (policy["gap"]["after"]["document"], policy["gap"]["before"]["document"]) == (
        earlier, later)
    [caveat] = [c for c in d["caveats"] if "No archived copy" in c]
    assert earlier in caveat and later in caveat
    assert not any("assumes it still applies" in c for c in d["caveats"])


def test_only_the_latest_version_is_assumed_to_still_apply(kb):
    d = kb.resolve("DE", service="cloud", at="2025-06-01", org="huawei").to_dict()
    assert d["policy"]["document"] == "huawei-privacy-statement-2023"
    assert d["policy"]["status"] == "unconfirmed"
    assert any("assumes it still applies" in c for c in d["caveats"])
    assert d["controller"]["name"] == "Huawei Device Co., Ltd."  # the statement names no one


def test_changes_report_the_controller_change_with_both_sources(kb):
    rows = kb.changes("2017-12-01", "2018-06-01", service="cloud", org="huawei")
    [de] = [r for r in rows if r["location"] == "DE" and r["what"] == "controller"]
    assert (de["before"], de["after"]) == ("huawei-technologies-deutschland", "aspiegel-limited")
    assert de["policy_change"] is True
    before, after = de["sources"]["before"], de["sources"]["after"]
    assert (before["document"], before["section"]) == ("huawei-privacy-policy-2016", "10")
    assert (after["document"], after["section"]) == ("huawei-privacy-statement-2018", "IX")
    assert QUOTE_2016 in before["quote"] and COPY_2016 in before["url"]
    assert QUOTE_2018 in after["quote"] and COPY_2018 in after["url"]
    # every EEA state moved, and a state the policy does not list did not
    moved = {r["location"] for r in rows if r["what"] == "controller"}
    assert {"FR", "NO", "CH", "JP", "US", "GI"} <= moved and "CN" not in moved


def test_cli_changes_lists_both_sources(capsys):
    code, out = run(capsys, "changes", "--before", "2017-12-01", "--after", "2018-06-01",
                    "--service", "cloud", "--org", "huawei")
    assert code == 0
    assert "- controller Huawei Technologies Deutschland GmbH (DE) → Aspiegel Limited (IE)" in out
    assert COPY_2016 in out and COPY_2018 in out
    assert "before: huawei-privacy-policy-2016" in out
    assert "after: huawei-privacy-statement-2018" in out


NOTICE = """
organisation: {id: tl-test, name: Timeline Test}
entities:
  - {id: tl-test-a, name: A Ltd, country: IE}
  - {id: tl-test-b, name: B GmbH, country: DE}
documents:
  - {id: tl-test-policy-1, title: Policy, url: https://example.test/p, from: 2020-01-01,
     issuer: tl-test-a, archived_on: 2020-06-01, first_seen: 2020-02-01}
  - {id: tl-test-policy-2, title: Policy, url: https://example.test/p, from: 2022-01-01,
     issuer: tl-test-a}
  - {id: tl-test-notice, title: Notice, url: https://example.test/n, from: 2021-01-01,
     issuer: tl-test-b}
  - {id: tl-test-moved, title: Policy, url: https://example.test/q, from: 2023-01-01,
     issuer: tl-test-b, series: https://example.test/p}
rules:
  - {id: p1, controller: tl-test-a, locations: [DE],
     source: {document: tl-test-policy-1, section: "1", quote: "A Ltd is the controller."}}
  - {id: p2, controller: tl-test-b, locations: [DE],
     source: {document: tl-test-policy-2, section: "1", quote: "B GmbH is the controller."}}
"""


def test_a_series_orders_versions_and_another_url_does_not_end_them(tmp_path: Path):
    extra = tmp_path / "tl.yaml"
    extra.write_text(NOTICE, encoding="utf-8")
    kb = KnowledgeBase.load([DEFAULT_KB_DIR, extra])
    docs = kb.organisation("tl-test").documents
    assert docs["tl-test-policy-1"].in_force.end is not None
    assert docs["tl-test-policy-1"].in_force.end.isoformat() == "2021-12-31"
    assert docs["tl-test-policy-1"].next == "tl-test-policy-2"
    # another URL is another series, unless the document names the series it continues
    assert docs["tl-test-notice"].next is None and docs["tl-test-notice"].previous is None
    assert docs["tl-test-policy-2"].next == "tl-test-moved"
    seen = kb.resolve("DE", org="tl-test", at="2020-03-01").to_dict()["policy"]
    assert (seen["status"], seen["first_seen"]) == ("in-force", "2020-02-01")
    assert kb.resolve("DE", org="tl-test", at="2021-06-01").to_dict()["policy"]["status"] == "gap"
    assert kb.resolve("DE", org="tl-test", at="2022-06-01").controller.id == "tl-test-b"
