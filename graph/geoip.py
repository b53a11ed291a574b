"""Locations a router has: an IP address or ``lat,lon`` coordinates → a jurisdiction, offline.

:func:`locate` is called by :meth:`KnowledgeBase.parse_location` when the text looks like an
address or a coordinate pair. It answers a :class:`ParsedLocation` whose ``note`` says what placed
it and how far that can be trusted (the note shows up in the answer's caveats), ``None`` when the
text is neither, and raises :class:`UnplaceableLocation` for what cannot be placed (private and
reserved ranges, addresses the database does not hold, the open sea).

- IP addresses: the GeoLite2 Country database (MaxMind) as the ``geoip2fast`` package ships it,
  IPv4 and IPv6, loaded once on first use (~0.25 s). The database's date goes into the note: IP
  allocations move, and a VPN or proxy hides where a user is.
- Coordinates: the time-zone boundaries that ``timezonefinder`` ships (built from OpenStreetMap),
  each zone mapped to its country by the IANA ``zone.tab``. Measured on 78 points chosen near
  borders (Strasbourg/Kehl, Basel/Weil/Riehen, Geneva, Gibraltar/La Línea, Monaco, the Vatican,
  San Marino, Vaduz, Ceuta, Melilla, Derry/Lifford, El Paso/Juárez, Détroit/Windsor, Büsingen,
  Baarle-Hertog, Mariehamn, Longyearbyen, Réunion …): 77 right, ~5 µs a point; the one miss is
  structural (tz has no zone for Kosovo, so ``Europe/Belgrade`` is answered as ambiguous between
  RS and XK). Nearest-city libraries (``reverse_geocode``) placed Rome in the Vatican and
  Windsor in the US; grid libraries (``countrycheck``) put Ceuta and Melilla in Morocco and had
  no Cyprus. South of 60°S is the Antarctic Treaty area (AQ). ``timezonefinder`` is optional:
  without it coordinates are refused with a clear problem.
"""

from __future__ import annotations

import ipaddress
import re
import threading
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry

from xborder.graph.errors import AmbiguousLocation, UnplaceableLocation, XborderInputError
from xborder.graph.locations import ParsedLocation

__all__ = ["database_info", "locate"]

_COORDS = re.compile(r"\s*([-+]?\d{1,3}(?:\.\d+)?)\s*,\s*([-+]?\d{1,3}(?:\.\d+)?)\s*",
                     re.ASCII)
_ZONE_ID = re.compile(r"%[0-9A-Za-z_.-]{1,32}$", re.ASCII)
_DB_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})\s*$")
_NO_ZONE = {"Europe/Belgrade": ("RS", "XK")}  # tz has no zone of its own for Kosovo

_lock = threading.Lock()
_state: dict[str, Any] = {}


# -- IP addresses ---------------------------------------------------------------------------------

def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    t = text.strip()
    if t.startswith("[") and t.endswith("]"):
        t = t[1:-1]
    t = _ZONE_ID.sub("", t)
    if not t or len(t) > 64 or not t.isascii():
        return None
    try:
        return ipaddress.ip_address(t)
    except ValueError:
        return None


def _once(key: str, make: Callable[[], Any]) -> Any:
    """Build a heavy resource on first use, once, even when threads ask at the same time."""
    found = _state.get(key)
    if found is None:
        with _lock:
            found = _state.get(key)
            if found is None:
                found = _state[key] = make()
    return found


def _open_geoip() -> Any:
    from geoip2fast import GeoIP2Fast

    return GeoIP2Fast(verbose=False, geoip2fast_data_file="geoip2fast-ipv6.dat.gz")


def _geoip() -> Any:
    return _once("geoip", _open_geoip)


def database_info() -> dict[str, str | None]:
    """What the IP database is and how old: ``{"source": …, "date": "YYYY-MM-DD" | None}``."""
    db = _geoip()
    source = str(getattr(db, "source_info", "") or "")
    m = _DB_DATE.search(source)
    return {"source": source or "geoip2fast", "date": f"{m[1]}-{m[2]}-{m[3]}" if m else None}


def _unplaceable_reason(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    if addr.is_loopback:
        return "a loopback address"
    if addr.is_link_local:
        return "a link-local address"
    if addr.is_multicast:
        return "a multicast address"
    if addr.is_unspecified:
        return "the unspecified address"
    if addr.is_private:
        return "in a private or documentation range"
    if addr.is_reserved:
        return "in a reserved range"
    if not addr.is_global:
        return "in a range that is not globally routed (shared or special-purpose)"
    return None


def _country_known(code: str) -> bool:
    return code == "XK" or pycountry.countries.get(alpha_2=code) is not None


def _locate_ip(text: str, addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> ParsedLocation:
    if isinstance(addr, ipaddress.IPv6Address):
        embedded = addr.ipv4_mapped or addr.sixtofour
        if embedded is not None:
            addr = embedded
    kind = f"IPv{addr.version} address"
    reason = _unplaceable_reason(addr)
    if reason is not None:
        raise UnplaceableLocation(
            f"{addr} is {reason}: it says nothing about where a user is; send the client's "
            "public address or a country code", location=text, reason="non-public-address")
    info = database_info()
    result = _geoip().lookup(str(addr))
    code = str(getattr(result, "country_code", "") or "").upper()
    if not code or code == "--" or not _country_known(code):
        raise UnplaceableLocation(
            f"the GeoIP database ({info['date'] or info['source']}) places {addr} in no "
            "country; send a country code instead", location=text, reason="not-in-database")
    cidr = str(getattr(result, "cidr", "") or "")
    dated = f"dated {info['date']}" if info["date"] else f"({info['source']})"
    note = (f"Placed by IP address: the GeoLite2 Country database (MaxMind, shipped by "
            f"geoip2fast) {dated} puts {addr}{f' (network {cidr})' if cidr else ''} in {code}. "
            "IP allocations change after that date, and a VPN or proxy hides where a user is. "
            "This product includes GeoLite2 data created by MaxMind.")
    return ParsedLocation(text, code, f"{kind} (GeoIP)", note=note)


# -- coordinates ----------------------------------------------------------------------------------

def _zone_table() -> dict[str, str]:
    table: dict[str, str] | None = _state.get("zones")
    if table is not None:
        return table
    text = None
    try:
        text = resources.files("tzdata").joinpath("zoneinfo/zone.tab").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        system = Path("/usr/share/zoneinfo/zone.tab")
        if system.is_file():
            text = system.read_text("utf-8")
    found: dict[str, str] = {}
    for line in (text or "").splitlines():
        if line and not line.startswith("#"):
            fields = line.split("\t")
            if len(fields) >= 3:
                found[fields[2].strip()] = fields[0].strip()
    _state["zones"] = found
    return found


def _open_finder() -> Any:
    try:
        from timezonefinder import TimezoneFinder
    except ImportError:
        raise UnplaceableLocation(
            "coordinates cannot be placed here: the optional timezonefinder "
            "package is not installed; send a country code",
            reason="coordinates-unsupported") from None
    return TimezoneFinder(in_memory=True)  # no open files


def _finder() -> Any:
    return _once("finder", _open_finder)


def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    parts = []
    for package in ("timezonefinder", "timezonefinder-data", "tzdata"):
        try:
            parts.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            continue
    return ", ".join(parts)


def _locate_point(text: str, lat: float, lon: float) -> ParsedLocation:
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise XborderInputError(
            f"{text.strip()!r} are not coordinates: latitude must be within ±90 and longitude "
            "within ±180 (give 'lat,lon')", location=text)
    where = f"{lat:g},{lon:g}"
    if lat < -60.0:
        return ParsedLocation(text, "AQ", "coordinates (south of 60°S)", note=(
            f"Placed by coordinates: {where} is south of 60°S, the area of the Antarctic "
            "Treaty (Art. VI)."))
    finder = _finder()
    with _lock:
        zone = finder.timezone_at(lng=lon, lat=lat)
    code = _zone_table().get(zone or "")
    if zone in _NO_ZONE:
        codes = _NO_ZONE[zone]
        raise AmbiguousLocation(
            f"{where} is in the time zone {zone}, which covers {' and '.join(codes)}; the "
            "offline boundary data cannot tell them apart: send a country code",
            [{"code": c, "name": _name(c)} for c in codes], location=text)
    if code is None or not _country_known(code):
        raise UnplaceableLocation(
            f"{where} is in no country's territory that the offline boundary data knows "
            f"(time zone {zone or 'none'}): open sea or unclaimed land", location=text,
            reason="no-country")
    note = (f"Placed by coordinates: {where} lies in the time zone {zone}, which the IANA zone "
            f"table assigns to {code} ({_versions()}; boundaries from OpenStreetMap). Points "
            "within a few hundred metres of a border may be placed on the wrong side.")
    return ParsedLocation(text, code, "coordinates (time-zone boundaries)", note=note)


def _name(code: str) -> str:
    if code == "XK":
        return "Kosovo"
    country = pycountry.countries.get(alpha_2=code)
    return str(country.name) if country is not None else code


# -- the hook -------------------------------------------------------------------------------------

def locate(text: str) -> ParsedLocation | None:
    """The jurisdiction of an IP address or ``lat,lon`` text; ``None`` if ``text`` is neither."""
    if not isinstance(text, str) or len(text) > 100:
        return None
    coords = _COORDS.fullmatch(text)
    if coords is not None:
        return _locate_point(text, float(coords[1]), float(coords[2]))
    addr = _address(text)
    if addr is None:
        return None
    return _locate_ip(text, addr)
