"""Locations a router has: IP addresses (GeoIP, offline) and ``lat,lon`` coordinates."""

from __future__ import annotations

import importlib.util

import pytest

from tests.facts import HTDG, POLICY_DATE
from xborder.graph import geoip
from xborder.graph.errors import AmbiguousLocation, UnplaceableLocation, XborderInputError


@pytest.mark.parametrize("text", ["DE", "Germany", "FR-75C", "276", "", "1.2.3", "abc:def",
                                  "1.2.3.4.5", "999.1.1.1"])
def test_text_that_is_not_an_address_is_left_to_the_name_index(text):
    assert geoip.locate(text) is None


@pytest.mark.parametrize("address,code", [
    ("8.8.8.8", "US"),             # Google public DNS
    ("81.2.69.160", "GB"),
    ("::ffff:8.8.8.8", "US"),      # IPv4-mapped IPv6
    ("2001:4860:4860::8888", "US"),
    (" 8.8.8.8 ", "US"),
])
def test_public_addresses_are_placed_with_the_database_date(address, code):
    placed = geoip.locate(address)
    assert placed is not None
    assert placed.code == code
    info = geoip.database_info()
    assert info["date"] and info["date"] in (placed.note or "")
    assert "GeoLite2" in (placed.note or "")


@pytest.mark.parametrize("address", ["10.1.2.3", "192.168.1.1", "172.16.0.1", "127.0.0.1",
                                     "::1", "fe80::1", "fe80::1%eth0", "0.0.0.0", "224.0.0.1",
                                     "100.64.0.1", "169.254.1.1", "2001:db8::1", "fc00::1",
                                     "255.255.255.255", "[::1]"])
def test_private_and_reserved_ranges_are_a_clear_error(address):
    with pytest.raises(UnplaceableLocation) as info:
        geoip.locate(address)
    assert info.value.status == 422
    assert info.value.extra["reason"] == "non-public-address"


def test_resolve_by_address_carries_the_caveat(kb):
    r = kb.resolve("81.2.69.160", service="consumer-cloud", at=POLICY_DATE)
    assert r.answer.code == "GB"
    assert r.controller.id == HTDG
    assert "GeoLite2" in r.to_dict()["caveats"][0]


# -- coordinates (timezonefinder; optional) ---------------------------------------------------

needs_tzf = pytest.mark.skipif(importlib.util.find_spec("timezonefinder") is None,
                               reason="timezonefinder (coordinates) is not installed")


@needs_tzf
@pytest.mark.parametrize("text,code", [
    ("48.5734,7.7521", "FR"),        # Strasbourg
    ("48.5700, 7.8160", "DE"),       # Kehl, across the Rhine
    ("41.9029,12.4534", "VA"),       # the Vatican
    ("41.8900,12.4700", "IT"),       # Rome, a kilometre away
    ("36.1408,-5.3536", "GI"),       # Gibraltar
    ("36.1650,-5.3480", "ES"),       # La Línea
    ("35.8894,-5.3213", "ES"),       # Ceuta
    ("-21.1151,55.5364", "RE"),      # Réunion
    ("78.2232,15.6267", "SJ"),       # Longyearbyen
    ("54.9966,-7.3086", "GB"),       # Derry
    ("54.8710,-7.4740", "IE"),       # Lifford
    ("-75,0", "AQ"),                 # the Antarctic Treaty area
])
def test_coordinates_are_placed(text, code):
    placed = geoip.locate(text)
    assert placed is not None and placed.code == code
    assert "coordinates" in (placed.note or "")


@needs_tzf
def test_coordinates_that_cannot_be_placed():
    with pytest.raises(UnplaceableLocation):
        geoip.locate("0,-30")  # the Atlantic
    with pytest.raises(AmbiguousLocation) as info:
        geoip.locate("42.6629,21.1655")  # Pristina: tz has no zone for Kosovo
    assert {c["code"] for c in info.value.candidates} == {"RS", "XK"}
    with pytest.raises(XborderInputError):
        geoip.locate("91,0")
    with pytest.raises(XborderInputError):
        geoip.locate("45,181")


@needs_tzf
def test_resolve_by_coordinates(kb):
    r = kb.resolve("-21.1151,55.5364", service="consumer-cloud", at=POLICY_DATE)
    assert r.answer.code == "RE" and r.controller.id == HTDG
    assert "time zone" in r.to_dict()["caveats"][0]
