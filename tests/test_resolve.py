"""Controller resolution against the seed policy and the membership facts."""

from __future__ import annotations

import datetime as dt

import pycountry
import pytest

from tests.facts import (
    ASPIEGEL,
    EEA_2017,
    HDUSA,
    HTDG,
    ISSUER,
    POLICY_DATE,
    SECTION_10_LISTED,
)
from xborder import (
    AmbiguousLocation,
    InvalidDate,
    KnowledgeBase,
    NoApplicableRule,
    UnknownLocation,
    UnknownOrganisation,
    UnknownService,
)

CLOUD = "consumer-cloud"


def controller(kb: KnowledgeBase, location: str, service: str | None = CLOUD,
               at: str = POLICY_DATE) -> str:
    return kb.resolve(location, service=service, at=at, org="huawei").controller.id


@pytest.mark.parametrize("code", EEA_2017)
def test_eea_states_of_the_policy_date_map_to_deutschland_for_the_cloud(kb, code):
    result = kb.resolve(code, service=CLOUD, at=POLICY_DATE, org="huawei")
    assert result.controller.id == HTDG
    assert result.rule.id == "10.1"
    assert "in EEA" in result.to_dict()["explanation"]


@pytest.mark.parametrize("code", SECTION_10_LISTED)
def test_the_18_listed_places_map_to_deutschland_for_the_cloud(kb, code):
    result = kb.resolve(code, service=CLOUD, at=POLICY_DATE, org="huawei")
    assert result.controller.id == HTDG
    assert result.rule.id == "10.1"


@pytest.mark.parametrize("location", ["US", "DE", "CN", "BR"])
def test_the_us_online_store_is_controlled_by_huawei_device_usa(kb, location):
    assert controller(kb, location, "online-store-us") == HDUSA
    assert controller(kb, location, "https://www.hihonor.com/us/phones/") == HDUSA


@pytest.mark.parametrize("code", ["CN", "BR", "IN", "AU", "RU", "ZA", "KP", "TR", "UA"])
def test_everyone_else_falls_to_the_issuer_and_the_answer_says_so(kb, code):
    result = kb.resolve(code, service=CLOUD, at=POLICY_DATE, org="huawei")
    assert result.controller.id == ISSUER
    assert result.rule.default
    assert any("issuer" in c for c in result.caveats)


def test_every_iso_code_resolves_for_every_service(kb):
    services = [None, CLOUD, "online-store-us", "consumer-products"]
    codes = [c.alpha_2 for c in pycountry.countries] + ["XK", "ES-CN", "PT-20", "PT-30"]
    for code in codes:
        for service in services:
            for at in (POLICY_DATE, None):
                result = kb.resolve(code, service=service, at=at, org="huawei")
                assert result.controller.id in {HTDG, HDUSA, ISSUER}
                assert result.to_dict()["sources"][0]["quote"]


def test_without_a_service_the_service_specific_answers_are_alternatives(kb):
    result = kb.resolve("DE", at=POLICY_DATE, org="huawei")
    assert result.controller.id == ISSUER
    alternatives = {a["controller"]["id"]: a for a in result.alternatives}
    assert alternatives[HTDG]["rule"] == "10.1"


# --- territories and dates ----------------------------------------------------------------
def test_reunion_is_in_the_eea_through_france(kb):
    d = kb.resolve("Réunion", service=CLOUD, at=POLICY_DATE, org="huawei").to_dict()
    assert d["controller"]["id"] == HTDG
    assert d["location"]["code"] == "RE"
    steps = " ".join(s["step"] for s in d["location"]["chain"])
    assert "FR" in steps and "355" in steps


@pytest.mark.parametrize("code", ["NC", "PF", "WF", "PM", "TF", "AW", "CW", "SX", "BQ", "BL"])
def test_overseas_countries_and_territories_are_outside_with_the_other_reading(kb, code):
    result = kb.resolve(code, service=CLOUD, at=POLICY_DATE, org="huawei")
    assert result.controller.id == ISSUER
    assert HTDG in {a["controller"]["id"] for a in result.alternatives}


@pytest.mark.parametrize("code", ["GF", "GP", "MQ", "YT", "MF", "AX", "ES-CN", "ES-CE", "ES-ML",
                                  "PT-20", "PT-30"])
def test_outermost_regions_and_eu_territories_are_inside(kb, code):
    assert controller(kb, code) == HTDG


def test_svalbard_is_outside_the_eea_and_says_why(kb):
    result = kb.resolve("SJ", service=CLOUD, at=POLICY_DATE, org="huawei")
    assert result.controller.id == ISSUER
    assert any("Jan Mayen" in c for c in result.caveats)


def test_crown_dependencies_are_outside(kb):
    for code in ["IM", "JE", "GG"]:
        assert controller(kb, code) == ISSUER


def test_united_kingdom_across_brexit(kb):
    # From April 2018 the statement names Aspiegel Limited for the EEA (section IX).
    assert controller(kb, "GB", at="2020-01-31") == ASPIEGEL
    during = kb.resolve("GB", service=CLOUD, at="2020-06-01", org="huawei")
    assert during.controller.id == ISSUER  # no longer a member state of the EEA
    assert ASPIEGEL in {a["controller"]["id"] for a in during.alternatives}  # EU law applied
    after = kb.resolve("GB", service=CLOUD, at="2021-06-01", org="huawei")
    assert after.controller.id == ISSUER
    assert not after.alternatives


def test_gibraltar_is_listed_so_brexit_does_not_change_it(kb):
    assert controller(kb, "GI", at="2017-06-01") == HTDG
    for at in ("2020-01-31", "2020-06-01", "2022-06-01"):  # listed in section IX too
        assert controller(kb, "GI", at=at) == ASPIEGEL


def test_us_territory_is_read_as_part_of_usa_with_a_caveat(kb):
    result = kb.resolve("PR", service=CLOUD, at=POLICY_DATE, org="huawei")
    assert result.controller.id == HTDG
    assert any("not named" in c for c in result.caveats)


def test_a_disputed_place_says_so(kb):
    result = kb.resolve("Kosovo", service=CLOUD, at=POLICY_DATE, org="huawei")
    assert result.controller.id == ISSUER
    assert "not recognised" in result.caveats[0]
    assert any("Western Sahara" in c for c in kb.resolve("EH", at=POLICY_DATE,
                                                         org="huawei").caveats)


def test_north_korea_gets_the_other_reading_of_korea(kb):
    result = kb.resolve("KP", service=CLOUD, at=POLICY_DATE, org="huawei")
    assert result.controller.id == ISSUER
    assert any("Korea" in a["reason"] for a in result.alternatives)


def test_before_the_policy_there_is_no_rule(kb):
    with pytest.raises(NoApplicableRule, match="2016-09-01"):
        kb.resolve("DE", service=CLOUD, at="2015-06-01", org="huawei")


def test_the_policy_month_and_its_last_sighting_are_caveats(kb):
    early = kb.resolve("DE", service=CLOUD, at="2016-09-10", org="huawei")
    assert any("only a month" in c for c in early.caveats)
    # Only after the last sighting of the latest version does an answer assume it still applies.
    late = kb.resolve("DE", service=CLOUD, at="2025-01-01", org="huawei")
    assert any("2024-01-01" in c and "assumes it still applies" in c for c in late.caveats)
    assert not any("2017-12-29" in c for c in kb.resolve("DE", service=CLOUD,
                                                            at=POLICY_DATE, org="huawei").caveats)
    gap = kb.resolve("DE", service=CLOUD, at="2018-02-01",
                     org="huawei")  # 2017-12-29 … 2018-04-15: unseen
    assert any("2017-12-29" in c for c in gap.caveats)
    assert not any("assumes it still applies" in c for c in gap.caveats)


def test_default_date_is_today(kb):
    assert kb.resolve("DE", service=CLOUD, org="huawei").at == dt.date.today()


# --- input ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text,code", [
    ("de", "DE"), ("DEU", "DE"), ("276", "DE"), ("Germany", "DE"), ("Allemagne", "DE"),
    ("Alemania", "DE"), ("USA", "US"), ("Macedonia", "MK"), ("Vatican", "VA"),
    ("Bosnia", "BA"), ("DE-BY", "DE"), ("Kosovo", "XK"),
])
def test_locations_in_many_forms(kb, text, code):
    assert kb.resolve(text, service=CLOUD, at=POLICY_DATE,
                      org="huawei").to_dict()["location"]["code"] == code


def test_a_subdivision_shows_in_the_chain(kb):
    d = kb.resolve("FR-75C", service=CLOUD, at=POLICY_DATE, org="huawei").to_dict()
    assert "FR-75C" in d["location"]["chain"][0]["step"]


def test_ambiguous_location_lists_candidates(kb):
    with pytest.raises(AmbiguousLocation) as info:
        kb.resolve("Korea", service=CLOUD, org="huawei")
    assert {c["code"] for c in info.value.candidates} == {"KR", "KP"}


def test_unknown_location_lists_close_candidates(kb):
    with pytest.raises(UnknownLocation) as info:
        kb.resolve("Germny", service=CLOUD, org="huawei")
    assert "DE" in {c["code"] for c in info.value.candidates}


def test_unknown_service_lists_the_known_ones(kb):
    with pytest.raises(UnknownService) as info:
        kb.resolve("DE", service="music", org="huawei")
    assert CLOUD in {c["id"] for c in info.value.candidates}


def test_unknown_organisation(kb):
    with pytest.raises(UnknownOrganisation):
        kb.resolve("DE", org="Acme")


@pytest.mark.parametrize("at", ["2017-13-01", "yesterday", "17-06-01", "0001-01-01"])
def test_bad_dates(kb, at):
    with pytest.raises(InvalidDate):
        kb.resolve("DE", at=at, org="huawei")


def test_json_shape(kb):
    d = kb.resolve("RE", service=CLOUD, at=POLICY_DATE, org="huawei").to_dict()
    assert set(d) >= {"controller", "location", "rule", "explanation", "sources", "at",
                      "alternatives", "caveats"}
    assert set(d["controller"]) >= {"id", "name", "country"}
    assert set(d["location"]) >= {"input", "code", "name", "chain"}
    assert d["controller"] == {"id": HTDG, "name": "Huawei Technologies Deutschland GmbH",
                               "country": "DE", "country_name": "Germany"}
    source = d["sources"][0]
    assert source["section"] == "10"
    assert "Huawei Technologies Deutschland, GmbH" in source["quote"]
    assert source["url"].startswith("https://web.archive.org/")


def test_a_question_asked_again_is_answered_from_its_day_and_today_is_never_remembered(kb):
    """The hot path remembers (question, day as typed) → the answer's date segment: the same
    answer as the first time, each day its own, legs only when asked, and no day for "today"."""
    first = kb.resolve("DE", service=CLOUD, at=POLICY_DATE, org="huawei")
    later = kb.resolve("DE", service=CLOUD, at="2019-06-01", org="huawei")
    again = kb.resolve("DE", service=CLOUD, at=POLICY_DATE, org="huawei", transfers=False)
    assert (first.controller.id, later.controller.id, again.controller.id) == \
        (HTDG, ASPIEGEL, HTDG)
    assert again.at == first.at and again.to_dict()["transfers"] == [] and first.legs
    assert again.to_dict()["location"] == first.to_dict()["location"]
    kb.resolve("DE", service=CLOUD, org="huawei")
    kb.resolve("DE", service=CLOUD, at="", org="huawei")
    assert not {key for key in kb._asked if key[3] in (None, "")}
    for _ in range(2):  # an error is raised again, with the day asked
        with pytest.raises(NoApplicableRule, match="1990-01-01"):
            kb.resolve("DE", service=CLOUD, at="1990-01-01", org="huawei")
