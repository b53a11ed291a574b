"""Transfer evaluation against the dated facts of transfer law (CELEX, legislation.gov.uk, …)."""

from __future__ import annotations

import pytest

from tests.facts import ASPIEGEL, HTDG, ISSUER, POLICY_DATE
from xborder import KnowledgeBase
from xborder.graph.transfers import STATUSES


def status(kb: KnowledgeBase, src: str, dst: str, at: str) -> str:
    return kb.transfer(src, dst, at=at).status


def instruments(kb: KnowledgeBase, src: str, dst: str, at: str) -> list[str]:
    return [m["instrument"] or "" for m in kb.transfer(src, dst, at=at).to_dict()["mechanisms"]]


# Safe Harbor (2000/520/EC, invalid from C-362/14 on 2015-10-06), Privacy Shield
# (2016/1250 from 2016-07-12, invalid from C-311/18 on 2020-07-16), DPF (2023/1795 from 2023-07-10).
@pytest.mark.parametrize("at,expected,instrument", [
    ("2015-10-05", "adequacy", "2000/520/EC"),
    ("2015-10-06", "safeguards-required", None),
    ("2016-07-11", "safeguards-required", None),
    ("2016-07-12", "adequacy", "2016/1250"),
    ("2020-07-15", "adequacy", "2016/1250"),
    ("2020-07-16", "safeguards-required", None),
    ("2020-07-17", "safeguards-required", None),
    ("2023-07-09", "safeguards-required", None),
    ("2023-07-10", "adequacy", "2023/1795"),
])
def test_eu_to_us_across_schrems_and_the_dpf(kb, at, expected, instrument):
    t = kb.transfer("DE", "US", at=at)
    assert t.status == expected
    assert t.regime is not None and t.regime.id == "EU"
    if instrument:
        assert instrument in instruments(kb, "DE", "US", at)[0]
        assert any("only" in c for c in t.caveats)  # the scope limit is stated


def test_dpf_adequacy_states_its_scope_and_still_lists_safeguards(kb):
    d = kb.transfer("FR", "US", at="2024-01-01").to_dict()
    assert "Data Privacy Framework" in d["mechanisms"][0]["scope"]
    assert any(m["kind"] == "scc" for m in d["mechanisms"][1:])


def test_after_schrems_ii_the_2021_sccs_and_derogations_are_listed_apart(kb):
    d = kb.transfer("DE", "US", at="2022-01-01").to_dict()
    kinds = {m["kind"] for m in d["mechanisms"]}
    assert "scc" in kinds and "bcr" in kinds
    assert d["derogations"] and all(m["kind"] == "derogation" for m in d["derogations"])
    assert any("A49-1-a" in (m["article"] or "") for m in d["derogations"])
    assert any(m["kind"] == "out-of-scope" for m in d["out_of_scope"])
    old = [m for m in d["mechanisms"] if m.get("instrument") and "2010/87" in m["instrument"]]
    assert old and "only contracts concluded before" in old[0]["note"]
    assert not any("2010/87" in (m["instrument"] or "") for m in
                   kb.transfer("DE", "US", at="2023-01-01").to_dict()["mechanisms"])


def test_japan_adequacy_starts_2019_01_23(kb):
    assert status(kb, "DE", "JP", "2019-01-22") == "safeguards-required"
    assert status(kb, "DE", "JP", "2019-01-23") == "adequacy"


def test_switzerland_to_us_from_2024_09_15(kb):
    assert status(kb, "CH", "US", "2024-09-14") == "safeguards-required"
    t = kb.transfer("CH", "US", at="2024-09-15")
    assert t.status == "adequacy" and t.regime is not None and t.regime.id == "CH"


def test_uk_to_korea_from_2022_12_19(kb):
    assert status(kb, "GB", "KR", "2022-12-18") == "safeguards-required"
    t = kb.transfer("GB", "KR", at="2022-12-19")
    assert t.status == "adequacy" and "2022/1213" in instruments(kb, "GB", "KR", "2022-12-19")[0]


def test_eu_to_uk_across_brexit(kb):
    assert status(kb, "DE", "GB", "2020-06-01") == "same-area"  # transition: EU law applied
    bridge = kb.transfer("DE", "GB", at="2021-03-01").to_dict()
    assert bridge["status"] == "same-area" and "FINPROV" in bridge["mechanisms"][0]["instrument"]
    assert status(kb, "DE", "GB", "2021-07-01") == "adequacy"
    assert kb.transfer("GB", "DE", at="2021-07-01").regime.id == "UK"


def test_territories_inside_and_outside_the_eu(kb):
    assert status(kb, "DE", "FR", POLICY_DATE) == "same-area"
    assert status(kb, "DE", "RE", POLICY_DATE) == "same-area"
    assert status(kb, "DE", "ES-CN", POLICY_DATE) == "same-area"
    assert status(kb, "DE", "NC", POLICY_DATE) == "safeguards-required"
    assert status(kb, "DE", "BL", "2011-06-01") == "same-area"
    assert status(kb, "DE", "BL", "2012-06-01") == "safeguards-required"


def test_eea_efta_states(kb):
    assert status(kb, "DE", "NO", "2017-01-01") == "same-area"
    assert status(kb, "NO", "DE", "2019-01-01") == "same-area"
    assert kb.transfer("IS", "DE", at="2017-01-01").regime.id == "EU"


def test_us_has_no_general_restriction_but_targeted_rules(kb):
    t = kb.transfer("US", "CN", at="2025-05-01").to_dict()
    assert t["status"] == "no-general-restriction"
    # PADFA from 2024-06-23; the DOJ Data Security Program (28 CFR 202) from 2025-04-08.
    assert {r["id"] for r in t["restrictions"]} == {"us-padfa", "us-doj-dsp"}
    assert [r["id"] for r in kb.transfer("US", "CN", at="2024-07-01").to_dict()
            ["restrictions"]] == ["us-padfa"]
    assert t["caveats"]
    assert kb.transfer("US", "CN", at="2023-01-01").to_dict()["restrictions"] == []
    assert kb.transfer("US", "FR", at="2025-05-01").to_dict()["restrictions"] == []


def test_an_unencoded_regime_is_unknown_with_the_reason(kb):
    t = kb.transfer("KP", "US", at="2025-01-01").to_dict()  # no regime encoded for North Korea
    assert t["status"] == "unknown"
    assert "No transfer rules are encoded for Korea, Democratic People" in t["explanation"]
    assert t["regime"] is None and t["mechanisms"] == []


def test_every_status_is_one_of_the_five(kb):
    for src in ("DE", "GB", "CH", "JP", "KR", "CA", "CN", "BR", "US", "IN", "RE", "NO"):
        for dst in ("US", "CN", "DE", "GB", "JP", "NC"):
            for at in ("2010-01-01", "2017-06-01", "2021-03-01", "2025-01-01"):
                t = kb.transfer(src, dst, at=at).to_dict()
                assert t["status"] in STATUSES
                for m in t["mechanisms"]:
                    assert m["source"]["url"].startswith("http")


def test_transfer_json_shape(kb):
    d = kb.transfer("DE", "JP", at="2020-01-01", org="huawei").to_dict()
    assert set(d) >= {"from", "to", "at", "regime", "status", "mechanisms", "explanation",
                      "caveats"}
    assert set(d["mechanisms"][0]) >= {"kind", "instrument", "scope", "valid_from", "valid_to",
                                       "source"}
    assert d["mechanisms"][0]["valid_from"] == "2019-01-23"
    # on 2020-01-01 the April 2018 statement is in force: its own claims (SCCs for data from
    # the EU, adequate safeguards, anonymisation, agreements with recipients), not the 2016 ones
    assert {c["kind"] for c in d["policy_claims"]} == {"scc", "anonymisation",
                                                         "adequate-protection", "other"}
    assert {c["source"]["url"] for c in d["policy_claims"]} == {  # the statement's archive
        "https://github.com/citp/privacy-policy-historical/blob/"
        "4b309c8838a5417666be914aafdb03c44fb3967b/h/hu/hua/huaweimobileservices.com.md"}
    before = kb.transfer("DE", "JP", at="2017-06-01", org="huawei").to_dict()
    assert {c["kind"] for c in before["policy_claims"]} == {"consent", "anonymisation",
                                                              "adequate-protection"}


# --- the legs of a resolution ---------------------------------------------------------------
def test_resolution_legs_for_a_cloud_user_in_reunion(kb):
    d = kb.resolve("RE", service="consumer-cloud", at=POLICY_DATE, org="huawei").to_dict()
    assert d["controller"]["id"] == HTDG
    legs = d["transfers"]
    first = legs[0]
    assert (first["leg"], first["from"], first["to"], first["status"]) == \
        ("user-to-controller", "RE", "DE", "same-area")
    to_china = [leg for leg in legs if leg["to"] == "CN"]
    assert to_china and to_china[0]["status"] == "safeguards-required"
    assert to_china[0]["recipient"]["id"] == "affiliates"
    assert "names no standard contractual clauses" in to_china[0]["gap"]
    servers = [leg for leg in legs if leg.get("recipient", {}).get("id") == "servers-worldwide"]
    assert servers and servers[0]["to"] is None and servers[0]["status"] == "unknown"


def test_resolution_legs_for_a_user_in_china(kb):
    d = kb.resolve("CN", service="consumer-cloud", at="2022-06-01", org="huawei").to_dict()
    assert d["controller"]["id"] == ISSUER
    to_germany = next(leg for leg in d["transfers"] if leg["to"] == "DE")
    assert to_germany["regime"] == "CN" and to_germany["status"] == "safeguards-required"


def test_what_changed_across_schrems_ii(kb):
    rows = kb.changes("2020-07-15", "2020-07-17", service="consumer-cloud", org="huawei")
    de_us = [r for r in rows if r["location"] == "DE" and r["to"] == "US"]
    assert de_us and de_us[0]["before"] == "adequacy" and de_us[0]["after"] == \
        "safeguards-required"
    assert not [r for r in rows if r["location"] == "CN"]


def test_what_changed_across_brexit(kb):
    rows = kb.changes("2020-01-31", "2020-02-01", service="consumer-cloud", org="huawei")
    gb = [r for r in rows if r["location"] == "GB" and r["what"] == "controller"]
    # in 2020 the April 2018 statement's EEA cloud controller is Aspiegel Limited (section IX)
    assert gb and gb[0]["before"] == ASPIEGEL and gb[0]["after"] == ISSUER


def test_transfer_network_view(kb):
    g = kb.transfer_network(at=POLICY_DATE, service="consumer-cloud", locations=["DE", "CN"],
                            org="huawei")
    edge = g.get_edge_data("user:DE", f"entity:{HTDG}")
    assert edge and next(iter(edge.values()))["status"] == "same-area"
    assert g.has_node("place:CN")


def test_eea_efta_exporters_before_the_gdpr_reached_them_get_the_area_note(kb):
    # The GDPR applied in IS, LI and NO only from 2018-07-20 (EEA JCD 154/2018).
    assert any("2018-07-19" in c for c in kb.transfer("NO", "US", at="2018-06-01").caveats)
    assert not any("2018-07-19" in c for c in kb.transfer("DE", "US", at="2018-06-01").caveats)
    assert not any("2018-07-19" in c for c in kb.transfer("NO", "US", at="2019-06-01").caveats)
