"""Statuses are legal conclusions only where the rules that decide them are encoded: the
examples of the law-audit issue, overlapping regimes, EEA EFTA exporters, and a sweep showing no
answer says `safeguards-required` with no route available."""

from __future__ import annotations

import datetime as dt

import pytest

from xborder import KnowledgeBase

# (from, to, date, status it must have, status it must not have) — read from the sources named
# in tests/law_facts and docs/law-audit.md.
EXAMPLES = [
    ("US", "DE", "2015-01-01", "no-general-restriction", None),  # no general federal rule
    ("US", "DE", "2019-06-01", "no-general-restriction", None),
    ("CH", "DE", "2019-03-01", None, "safeguards-required"),  # old FADP + FDPIC list
    ("NO", "US", "2016-12-01", None, "adequacy"),  # Privacy Shield in the EEA only 2017-07-08
    ("CA-QC", "US", "2025-01-01", "safeguards-required", None),  # Québec s. 17 over PIPEDA
    ("JP", "US", "2015-06-01", None, "safeguards-required"),  # before the APPI's Art. 24
]


@pytest.mark.parametrize(("src", "dst", "at", "must", "must_not"), EXAMPLES)
def test_dated_examples(kb: KnowledgeBase, src: str, dst: str, at: str, must: str | None,
                        must_not: str | None) -> None:
    t = kb.transfer(src, dst, at=at)
    if must:
        assert t.status == must, t.to_dict()["explanation"]
    if must_not:
        assert t.status != must_not, t.to_dict()["explanation"]
    assert t.to_dict()["coverage"]["regime"] or t.status == "unknown"


def test_the_stricter_overlapping_regime_decides_and_both_are_shown(kb: KnowledgeBase) -> None:
    body = kb.transfer("CA-QC", "US", at="2025-01-01").to_dict()
    assert body["status"] == "safeguards-required"
    others = {o["regime"]: o["status"] for o in body["other_regimes"]}
    assert others, "the other regime covering Québec is shown"
    assert "no-general-restriction" in others.values()


def test_unknown_always_says_what_is_missing(kb: KnowledgeBase) -> None:
    body = kb.transfer("AQ", "DE", at="2020-01-01").to_dict()
    assert body["status"] == "unknown" and "encoded" in body["explanation"]


DATES = ["1999-01-01", "2005-06-01", "2012-01-01", "2017-06-01", "2020-07-17", "2024-06-01",
         dt.date.today().isoformat()]
DESTINATIONS = ["DE", "US", "CN", "IN", "BR", "JP", "GB", "RU"]


def test_no_safeguards_required_without_a_route(kb: KnowledgeBase) -> None:
    """Every regime's own places, to common destinations, on dates across three decades."""
    bad = []
    for regime in kb.law.regimes.values():
        for area in regime.areas:
            src = area.place
            if kb.model.jurisdictions[src].kind == "group":
                continue
            for dst in DESTINATIONS:
                for day in DATES:
                    body = kb.transfer(src, dst, at=day).to_dict()
                    if body["status"] == "safeguards-required" and not (
                            body["mechanisms"] or body["derogations"]):
                        bad.append((src, dst, day))
    assert not bad, f"safeguards-required with nothing available: {bad[:20]}"


def test_coverage_lists_every_regime_with_its_period(kb: KnowledgeBase) -> None:
    rows = {r["id"]: r for r in kb.coverage()}
    assert set(rows) == set(kb.law.regimes)
    assert len(rows) >= 9
    for r in rows.values():
        assert r["period"]["from"] is None or r["period"]["from"] <= dt.date.today().isoformat()
        assert r["laws"] or r["area"]


def test_a_targeted_rule_for_every_destination_is_shown(kb: KnowledgeBase) -> None:
    """A restriction whose destinations are `*` (India's SPDI Rule 7) applies everywhere."""
    body = kb.transfer("IN", "US", at="2024-06-01").to_dict()
    assert body["status"] == "no-general-restriction"
    assert any("*" in r["destinations"] for r in body["restrictions"])
