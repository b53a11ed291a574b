"""The place layer of the index: cities (GeoNames) and ISO 3166-2 subdivision names, weighed by
size, so that a name several places share is read as the clearly largest, the others listed — or
refused with candidates when none is clearly largest.

A city is placed in its country, or in the knowledge base's legally distinct subdivision that its
GeoNames first-level division is: a division is matched to a knowledge-base subdivision when its
cities' time zones are the zone the IANA zone table names after that subdivision (Atlantic/Azores
"Azores", Atlantic/Canary "Canary Islands") or when one of its cities bears the name of an ISO
3166-2 subdivision inside it (Ceuta, Melilla, Québec, Santa Cruz de Tenerife). Every knowledge-base
subdivision and its division are listed in the tests, so a change in either source shows.

Weights: a city counts its population; an ISO 3166-2 subdivision of the first level counts as a
place of one million people, one below as ten thousand (ISO 3166-2 gives no populations). A reading
is clearly best when it weighs at least three times the next.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from xborder.graph.locations.text import forms, key, tokens

__all__ = ["CLEAR", "Place", "city_divisions", "compile_places"]

CLEAR = 3.0
TOP_LEVEL, LOWER_LEVEL = 1_000_000, 10_000
CITY, SUBDIVISION = "city name (GeoNames)", "ISO 3166-2 subdivision name"


@dataclass(frozen=True, slots=True)
class Place:
    """A reading of a place name: the codes it may denote, best first."""

    codes: tuple[str, ...]
    how: str
    others: tuple[str, ...] = ()
    subdivision: str | None = None
    subdivision_name: str | None = None


def city_divisions(raw: Mapping[str, Any], names: Mapping[str, str],
                   zones: Mapping[str, tuple[str, str]],
                   targets: Mapping[str, str]) -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1) → the knowledge-base subdivision it is (see the module doc).

    ``targets``: ISO 3166-2 code → the knowledge-base jurisdiction it lies in or is."""
    subs = [c for c in names if "-" in c and len(c) <= 6]
    by_zone: dict[str, str] = {}
    for zone, (country, comment) in zones.items():
        hits = [s for s in subs if s[:2] == country
                and set(tokens(names[s])) <= set(tokens(comment))]
        if len(hits) == 1:
            by_zone[zone] = hits[0]
    by_name: dict[tuple[str, str], str] = {}  # (country, key) → kb subdivision
    for code, country, _, sub_names in raw["subdivisions"]:
        target = targets.get(code)
        if target in subs:
            for n in sub_names:
                by_name[(country, key(n))] = target
    votes: dict[tuple[str, str], Counter[str]] = {}
    for keys, country, admin1, _, zone in raw["cities"]:
        vote = by_zone.get(zone) or (by_name.get((country, keys[0])) if keys else None)
        if vote is not None and admin1:
            votes.setdefault((country, admin1), Counter())[vote] += 1
    return {group: count.most_common(1)[0][0] for group, count in votes.items()}


def compile_places(raw: Mapping[str, Any], names: Mapping[str, str],
                   targets: Mapping[str, str], divisions: Mapping[tuple[str, str], str],
                   sub_names: Mapping[str, str]) -> tuple[dict[str, Place], dict[str, Place]]:
    """Key → reading, for the cities, then for the ISO 3166-2 subdivision names (a second
    table: a city's name is read before a subdivision's, which may be a small municipality).

    ``targets``: ISO 3166-2 code → its jurisdiction; ``sub_names``: code → its ISO name."""
    cities: dict[str, dict[str, tuple[int, str, str | None]]] = {}
    subdivisions: dict[str, dict[str, tuple[int, str, str | None]]] = {}
    weights = cities

    def add(k: str, code: str, weight: int, how: str, sub: str | None) -> None:
        entry = weights.setdefault(k, {})
        old = entry.get(code)
        if old is None or weight > old[0]:
            entry[code] = (weight, how, sub if old is None or old[2] == sub else None)

    for keys, country, admin1, population, _ in raw["cities"]:
        code = divisions.get((country, admin1)) or country
        if code in names:
            for k in keys:
                add(k, code, population, CITY, None)
    weights = subdivisions
    originals: dict[str, set[str]] = {}  # a translation may not take another's ISO name
    for code, name in sub_names.items():
        originals.setdefault(key(name), set()).add(code)
    for code, _, parent, sub_list in raw["subdivisions"]:
        target = targets.get(code)
        if target is None or target == code:
            continue
        weight = LOWER_LEVEL if parent else TOP_LEVEL
        own = code if "-" in target or target == code[:2] else None
        for k in {key(f) for n in sub_list for f in forms(n)}:
            if k and (k not in originals or code in originals[k]):
                add(k, target, weight, SUBDIVISION, own)
    return _rank(cities, sub_names), _rank(subdivisions, sub_names)


def _rank(weights: Mapping[str, Mapping[str, tuple[int, str, str | None]]],
          sub_names: Mapping[str, str]) -> dict[str, Place]:
    interned: dict[Place, Place] = {}
    places: dict[str, Place] = {}
    for k, entry in weights.items():
        ranked = sorted(entry, key=lambda c: -entry[c][0])
        weight, how, sub = entry[ranked[0]]
        if len(ranked) == 1 or weight >= CLEAR * max(entry[ranked[1]][0], 1):
            place = Place((ranked[0],), how, tuple(ranked[1:8]), sub,
                          sub_names.get(sub) if sub else None)
        else:
            place = Place(tuple(ranked[:8]), how)
        places[k] = interned.setdefault(place, place)
    return places
