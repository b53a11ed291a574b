"""Change reports, timelines and what each leg rests on (graph.report, graph.basis), and their
CLI and HTTP faces: grouped, named, sourced."""

from __future__ import annotations

import csv
import datetime as dt
import io

from xborder.api.cli import main
from xborder.graph.basis import answer_basis, leg_bases, per_service
from xborder.graph.report import change_report, pair_timeline, report_csv

ORG = "huawei"


def test_schrems_ii_is_one_group_naming_the_judgment(kb):
    report = change_report(kb, "2020-07-15", "2020-07-17", ORG, "cloud")
    assert len(report["groups"]) == 1 and report["rows"] > 30
    g = report["groups"][0]
    assert (g["before"], g["after"]) == ("adequacy", "safeguards-required")
    assert g["flow"]["to"]["name"] == "United States"
    assert g["cause"]["kind"] == "judgment" and "C-311/18" in g["cause"]["name"]
    assert g["cause"]["date"] == "2020-07-16" and "62018CJ0311" in g["cause"]["url"]
    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    assert rows[0]["cause_url"] == g["cause"]["url"] and int(rows[0]["count"]) == g["count"]


def test_a_change_of_law_with_the_same_status_is_reported(kb):
    report = change_report(kb, "2020-12-31", "2021-01-01", ORG)
    law = [g for g in report["groups"] if g["what"] == "law"]
    gb_cn = [g for g in law
             if g["flow"]["from"]["code"] == "GB" and g["flow"]["to"]["code"] == "CN"]
    assert gb_cn, [g["flow"] for g in law]
    assert gb_cn[0]["before"] == gb_cn[0]["after"] == "safeguards-required"
    assert "UK GDPR" in gb_cn[0]["cause"]["text"]


def test_controller_changes_name_the_entities_and_both_policy_versions(kb):
    report = change_report(kb, "2017-12-01", "2018-06-01", ORG, "cloud")
    g = report["groups"][0]
    assert g["what"] == "controller" and g["cause"]["kind"] == "policy"
    assert g["before"]["name"] == "Huawei Technologies Deutschland GmbH"
    assert g["after"]["name"] == "Aspiegel Limited"
    assert all(q and q["quote"] for q in g["cause"]["quotes"])


def test_de_us_timeline_safe_harbor_nothing_privacy_shield_nothing_dpf(kb):
    steps = pair_timeline(kb, "DE", "US", "1998-10-25")
    adequacy = [s for s in steps if s["status"] == "adequacy"]
    assert "2000/520/EC" in adequacy[0]["basis"] and adequacy[0]["to"] == "2015-10-05"
    assert adequacy[0]["ended_by"]["date"] == "2015-10-06"
    assert "2016/1250" in adequacy[-2]["basis"] and adequacy[-2]["to"] == "2020-07-15"
    assert "2023/1795" in adequacy[-1]["basis"] and adequacy[-1]["to"] is None
    gaps = [s["from"] for s in steps if s["status"] == "safeguards-required"]
    assert "2015-10-06" in gaps and "2020-07-16" in gaps
    assert all(s["sources"] for s in steps if s["status"] != "unknown")


def test_transfer_basis_says_why_it_changed_and_the_duties(kb):
    t = kb.transfer("DE", "US", at="2020-07-17")
    b = answer_basis(kb, t.answer, dt.date(2020, 7, 17))
    assert "C-311/18" in b["ended"]["ended_by"]["name"]
    assert b["ended"]["last_day"] == "2020-07-15"
    texts = " ".join(d["text"] for d in b["duties"])
    assert "Transfer impact assessment" in texts and "Supplementary measures" not in texts
    later = answer_basis(kb, kb.transfer("DE", "US", at="2021-01-04").answer,
                         dt.date(2021, 1, 4))
    assert "EDPB Recommendations 01/2020" in " ".join(d["text"] for d in later["duties"])
    assert {"SCCs", "BCRs"} <= {x for d in b["duties"] for x in d["applies_to"]}
    assert b["derogations"] > 0 and b["plain"].startswith("May go to United States only under")
    # a decision in force is not said to have ended
    assert answer_basis(kb, kb.transfer("DE", "US", at="2017-06-01").answer,
                        dt.date(2017, 6, 1))["ended"] is None


def test_each_leg_names_its_instrument_and_a_plain_line(kb):
    d = kb.resolve("RE", service="cloud", org=ORG, at="2017-06-01").to_dict()
    bases = leg_bases(kb, d)
    us = next(b for leg, b in zip(d["transfers"], bases, strict=True) if leg["to"] == "US")
    assert us is not None
    a = us["adequacy"][0]
    assert a["celex"] == "32016D1250" and "Privacy Shield" in a["scope"]
    assert a["window"] == "2016-07-12 to 2020-07-15" and a["confidence"] == "verified"
    cn = next(b for leg, b in zip(d["transfers"], bases, strict=True) if leg["to"] == "CN")
    assert cn is not None and "May go to China only under SCCs, BCRs" in cn["plain"]
    assert "the policy names" in cn["plain"]


def test_no_service_lists_the_controller_per_service(kb, capsys):
    rows = per_service(kb, "DE", ORG, "2020-01-01")
    names = {r["service"]["id"]: r["controller"]["name"] for r in rows if r["controller"]}
    assert names["consumer-cloud"] == "Aspiegel Limited" and len(set(names.values())) > 1
    assert main(["resolve", "Germany", "--org", ORG, "--at", "2020-01-01"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("The controller depends on the service")
    assert "Huawei Consumer Cloud Services: Aspiegel Limited (IE)" in out


def test_cli_changes_fits_on_one_screen_and_names_the_judgment(capsys):
    assert main(["changes", "--before", "2020-07-15", "--after", "2020-07-17", "--service",
                 "cloud", "--org", ORG]) == 0
    out = capsys.readouterr().out
    assert len(out.splitlines()) <= 24 and "C-311/18" in out and "None" not in out


def test_cli_transfers_says_the_shield_ended_and_counts_derogations(capsys):
    assert main(["transfers", "--from", "DE", "--to", "US", "--at", "2020-07-17"]) == 0
    out = capsys.readouterr().out
    assert "ended on 2020-07-15, the day before" in out and "C-311/18" in out
    assert "transfer impact assessment" in out.lower()
    assert "Derogations (occasional transfers only): 8 (--all lists them)" in out
    assert out.index("Why it changed") < out.index("Safeguards")
