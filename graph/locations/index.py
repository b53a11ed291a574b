"""What a user types as a location → a jurisdiction code, offline, from pycountry's data.

:class:`LocationIndex` is built once from the knowledge base's jurisdiction codes and display names
plus its aliases. Parsing normalises the text (case, accents, punctuation, spacing, a leading
article) and then does dictionary look-ups, in this order:

1. a code the knowledge base knows (``XK``, ``ES-CN``), an ISO 3166-1 alpha-2, alpha-3 or numeric
   code, or an ISO 3166-2 code (folded into its country, its knowledge-base ancestor such as
   ``ES-GC`` → ``ES-CN``, or the territory's own ISO 3166-1 code such as ``FR-974`` → ``RE``);
2. names, by tier: aliases; English names; English variants (``Korea, Republic of`` also reads
   ``Republic of Korea`` and ``Korea``); the eager translations; names of subdivisions that are
   jurisdictions (``Canarias``, ``Svalbard``); then the translations in every language pycountry
   ships. The first tier holding the text decides; two codes in that tier make it ambiguous.

Codes and names of ISO 3166-1 are indexed eagerly (tens of milliseconds). The ISO 3166-2 layer
(pycountry's subdivision database alone takes ~30 ms to load) and the all-languages layer are
built once, on the first look-up that needs them, and then are dictionary look-ups too.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import gettext
import os
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import pycountry

from xborder.graph.errors import (
    AmbiguousLocation,
    KnowledgeBaseError,
    UnknownLocation,
    XborderInputError,
)

__all__ = ["MAX_INPUT_LENGTH", "Alias", "LocationIndex", "ParsedLocation"]

MAX_INPUT_LENGTH = 200

#: ISO 3166-2 entries denoting a territory with its own ISO 3166-1 code that pycountry's names
#: cannot reveal (its subdivision name matches no English or French name of the territory).
#: Every other such territory (FR-974 → RE, US-PR → PR, NL-AW → AW, CN-HK → HK, …) is derived.
_TERRITORY_EXCEPTIONS = {
    "FI-01": "AX",  # "Landskapet Åland"; ISO 3166-1: "Åland Islands"
    "NO-21": "SJ",  # "Svalbard (Arctic Region)"; ISO 3166-1: "Svalbard and Jan Mayen"
    "NO-22": "SJ",  # "Jan Mayen (Arctic Region)"
}

_OWN_CODE = "jurisdiction code"
_SUB_CODE = "ISO 3166-2 subdivision code"
_SUB_NAME = "ISO 3166-2 subdivision name"
_TERRITORY = "ISO 3166-2 code of a territory with its own ISO 3166-1 code"
_FORMER = "ISO 3166-2-style code of a territory with its own ISO 3166-1 code"
_ALIAS, _ENGLISH, _ENGLISH_VARIANT, _EAGER = range(4)
# Control characters, surrogates and invisible format characters (bidi overrides, zero-width).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u200b-\u200f"
                      r"\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_SUBDIVISION_SHAPE = re.compile(r"([A-Za-z]{2})\s*([-_\s])\s*([A-Za-z0-9]{1,3})", re.ASCII)
_BRACKETED = re.compile(r"\s*[(\[][^)\]]*[)\]]")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Separators: what is not a letter or digit, except the vowel signs of the Indic, Thaana and South-
# East Asian scripts (dropping those would reduce names to consonant skeletons that collide).
_SPLIT = re.compile(r"[^\w\u0780-\u07bf\u0900-\u0dff\u0e00-\u0fff\u1000-\u109f\u1780-\u17ff]+")
_FOLD = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th"})
_ABBREVIATIONS = {"st": "saint", "ste": "sainte"}
_DROPPED = frozenset({"the", "and"})
_ARTICLES = frozenset({"l", "la", "le", "les", "el"})


@dataclass(frozen=True, slots=True)
class ParsedLocation:
    input: str
    code: str
    matched: str
    subdivision: str | None = None
    subdivision_name: str | None = None
    note: str | None = None  # a caveat about how it was placed (e.g. a GeoIP database's date)


@dataclass(frozen=True, slots=True)
class Alias:
    text: str
    code: str | None = None
    ambiguous: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if (self.code is None) == (not self.ambiguous):
            raise ValueError(f"alias {self.text!r}: give exactly one of code / ambiguous")
        if self.ambiguous and len(set(self.ambiguous)) < 2:
            raise ValueError(f"alias {self.text!r}: ambiguous needs at least two codes")


@dataclass(frozen=True, slots=True)
class _Hit:
    codes: tuple[str, ...]
    how: str  # how it matched, or the locale of a translation
    translated: bool = False
    subdivision: str | None = None
    subdivision_name: str | None = None


def _tokens(text: str) -> list[str]:
    """Words of ``text`` folded for comparison: case, accents, punctuation, ``the``/``and``."""
    if text.isascii():
        text = text.lower()
    else:
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold().translate(_FOLD)))
    words = [_ABBREVIATIONS.get(w, w) for w in _SPLIT.split(text) if w and w not in _DROPPED]
    if len(words) > 1 and words[0] in _ARTICLES:
        del words[0]
    return words


def _key(text: str) -> str:
    return "".join(_tokens(text))


def _forms(name: str) -> list[str]:
    """A name, then its variants: without brackets, comma-inverted, and the part before a comma."""
    forms = [name]
    core = _BRACKETED.sub("", name).strip()
    if core and core != name:
        forms.append(core)
    if "," in core:
        head, tail = core.split(",", 1)
        forms += [f"{tail} {head}", head]
    return forms


@functools.cache
def _language_label(locale: str) -> str:
    base = re.split(r"[_@]", locale)[0]
    language = pycountry.languages.get(alpha_2=base) or pycountry.languages.get(alpha_3=base)
    name = language.name if language is not None else locale
    return f"{name} name" if base == locale else f"{name} ({locale}) name"


def _translations(domain: str, locale: str) -> gettext.NullTranslations | None:
    try:
        return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[locale])
    except OSError:
        return None


def _code_country(text: str) -> str | None:
    """"FR" for a code-shaped "FR-75"."""
    shape = _SUBDIVISION_SHAPE.fullmatch(text)
    return shape[1] if shape and shape[2] in "-_" else None


def _quote(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


@dataclass(frozen=True, slots=True)
class _Layer:
    """A lazily built part of the index: codes, names, and (name, code) of subdivisions that are
    jurisdictions themselves."""

    codes: dict[str, _Hit]
    names: dict[str, _Hit]
    own: tuple[tuple[str, str], ...] = ()


class _Tiers:
    """Normalised text → codes, keeping only the best tier; equal tiers merge (ambiguity).

    With ``vote``, a code that at least three languages give a text, and more than twice as many
    as give it any other code, takes it alone: that outvotes slips such as Occitan's "Paraguai"
    for Nicaragua's official name, while "Kongo" or "Korea" stay ambiguous.
    """

    def __init__(self, vote: bool = False) -> None:
        self.entries: dict[str, tuple[int, dict[str, set[str]], str, bool]] = {}
        self.keys: dict[str, str] = {}  # text → _key(text), as translations repeat a lot
        self.vote = vote

    def add(self, key: str, code: str, tier: int, how: str, translated: bool = False) -> None:
        old = self.entries.get(key)
        if not key or (old is not None and old[0] < tier):
            return
        if old is not None and old[0] == tier:
            old[1].setdefault(code, set()).add(how)
        else:
            self.entries[key] = (tier, {code: {how}}, how, translated)

    def add_name(self, name: str, code: str, tiers: tuple[int, int], how: str) -> None:
        """``name`` at the first tier, its variants at the second."""
        for i, form in enumerate(_forms(name)):
            self.add(_key(form), code, tiers[min(i, 1)], how)

    def add_translations(
        self, tr: gettext.NullTranslations, names: list[tuple[str, list[str]]], tier: int, lang: str
    ) -> None:
        """Each code's names as ``tr`` translates them (untranslated names are skipped)."""
        for code, originals in names:
            for original in originals:
                if (name := tr.gettext(original)) != original:
                    for form in _forms(name):
                        key = self.keys.get(form)
                        if key is None:
                            key = self.keys[form] = _key(form)
                        self.add(key, code, tier, lang, True)

    def freeze(self) -> dict[str, _Hit]:
        frozen = {}
        for key, (_, votes, how, translated) in self.entries.items():
            codes = list(votes)
            if self.vote and len(codes) > 1:
                codes.sort(key=lambda c: -len(votes[c]))
                first, second = len(votes[codes[0]]), len(votes[codes[1]])
                if first >= 3 and first > 2 * second:
                    codes = codes[:1]
                    how = how if how in votes[codes[0]] else min(votes[codes[0]])
            frozen[key] = _Hit(tuple(codes), how, translated)
        return frozen


class LocationIndex:
    """Resolves user text to a jurisdiction code; see the module documentation."""

    def __init__(
        self,
        names: Mapping[str, str],
        aliases: Iterable[Alias] = (),
        languages: Sequence[str] = ("fr", "de", "es"),
    ) -> None:
        self._display = dict(names)
        self._languages = tuple(languages)
        self._layers: dict[str, _Layer] = {}
        self._lock = threading.RLock()
        countries = [c for c in pycountry.countries if c.alpha_2 in names]
        fields = ("name", "official_name", "common_name")
        self._english = [  # (alpha-2, its English names)
            (c.alpha_2, [n for f in fields if isinstance(n := getattr(c, f, None), str)])
            for c in countries
        ]
        codes: dict[str, _Hit] = {}
        for c in countries:
            codes[c.alpha_2] = _Hit((c.alpha_2,), "ISO 3166-1 alpha-2 code")
            codes[c.alpha_3] = _Hit((c.alpha_2,), "ISO 3166-1 alpha-3 code")
            codes[c.numeric] = _Hit((c.alpha_2,), "ISO 3166-1 numeric code")
        for code in names:
            codes.setdefault(code.upper(), _Hit((code,), _SUB_CODE if "-" in code else _OWN_CODE))

        tiers = _Tiers()
        for alias in aliases:
            targets = (alias.code,) if alias.code is not None else alias.ambiguous
            key = _key(alias.text)
            old = tiers.entries.get(key)
            unknown = [t for t in targets if t not in names]
            if not key or unknown or (old and [*old[1]] != [*targets]):
                problem = (f"names unknown codes {unknown}" if unknown else
                           f"conflicts with an alias for {[*old[1]]}" if old else "has no letters")
                raise KnowledgeBaseError(f"alias {alias.text!r} {problem}")
            tiers.entries[key] = (_ALIAS, {t: set() for t in targets}, "alias", False)
        english = (_ENGLISH, _ENGLISH_VARIANT)
        for code, name in names.items():
            tiers.add_name(name, code, english, "English name")
        for code, english_names in self._english:
            for name in english_names:
                tiers.add_name(name, code, english, "English name")
        for lang in self._languages:
            tr = _translations("iso3166-1", lang)
            if tr is None:
                raise ValueError(f"pycountry has no ISO 3166-1 translations for {lang!r}")
            tiers.add_translations(tr, self._english, _EAGER, lang)
        self._codes = codes
        self._names = tiers.freeze()
        self._fuzzy = list(self._names)
        self._sorted = sorted(self._names)
        self._sorted_display = sorted((_key(n), c) for c, n in names.items())

    # -- look-ups ---------------------------------------------------------------------------------

    def parse(self, text: str) -> ParsedLocation:
        """The jurisdiction ``text`` denotes.

        Raises :class:`UnknownLocation` (with candidates) or :class:`AmbiguousLocation`; empty
        input is an :class:`XborderInputError`.
        """
        if not isinstance(text, str):
            raise XborderInputError(f"a location must be text, not {type(text).__name__}")
        stripped = text.strip()
        if not stripped:
            raise XborderInputError("no location given: expected a country name or ISO 3166 code")
        if len(stripped) > MAX_INPUT_LENGTH:
            raise UnknownLocation(
                f"location text is too long ({len(stripped)} characters; "
                f"at most {MAX_INPUT_LENGTH})", location=stripped[:MAX_INPUT_LENGTH])
        if _CONTROL.search(stripped):
            raise UnknownLocation(f"{_quote(stripped)} contains control characters",
                                  location=stripped)
        hit = self._lookup(stripped)
        if hit is None:
            raise self._unknown(stripped)
        if len(hit.codes) > 1:
            listed = ", ".join(f"{self._name(c)} ({c})" for c in hit.codes)
            raise AmbiguousLocation(f"{_quote(stripped)} is ambiguous: {listed}",
                                    [self._entry(c) for c in hit.codes], location=stripped)
        how = _language_label(hit.how) if hit.translated else hit.how
        return ParsedLocation(text, hit.codes[0], how, hit.subdivision, hit.subdivision_name)

    def candidates(self, text: str, limit: int = 5) -> list[dict[str, str]]:
        """Up to ``limit`` jurisdictions close to ``text``: exact, then prefix, then fuzzy."""
        if not isinstance(text, str) or limit <= 0:
            return []
        stripped = _CONTROL.sub(" ", text.strip()[:MAX_INPUT_LENGTH]).strip()
        exact = self._lookup(_code_country(stripped) or stripped) if stripped else None
        found = list(exact.codes if exact else ())
        key = _key(stripped)
        if key:
            found += self._prefixed(key, limit)
            for close in difflib.get_close_matches(key, self._fuzzy, n=2 * limit, cutoff=0.6):
                found += self._names[close].codes
        return [self._entry(c) for c in dict.fromkeys(found)][:limit]

    def suggest(self, prefix: str, limit: int = 10) -> list[dict[str, str]]:
        """Type-ahead: jurisdictions whose code or name (English first) starts with ``prefix``."""
        if not isinstance(prefix, str) or limit <= 0 or len(prefix) > MAX_INPUT_LENGTH:
            return []
        key = _key(prefix)
        if not key:
            return []
        code = self._codes.get(prefix.strip().upper())
        found = list(code.codes if code else ())
        i = bisect.bisect_left(self._sorted_display, (key, ""))
        while i < len(self._sorted_display) and self._sorted_display[i][0].startswith(key):
            found.append(self._sorted_display[i][1])
            i += 1
        found += self._prefixed(key, limit)
        return [self._entry(c) for c in dict.fromkeys(found)][:limit]

    # -- internals --------------------------------------------------------------------------------

    def _lookup(self, stripped: str) -> _Hit | None:
        upper = stripped.upper()
        hit = self._codes.get(upper)
        if hit is None and upper.isdigit() and upper.isascii() and len(upper) < 3:
            hit = self._codes.get(upper.zfill(3))
        if hit is None and (shape := _SUBDIVISION_SHAPE.fullmatch(stripped)):
            hit = self._layer("iso3166-2", self._build_subdivisions).codes.get(
                f"{shape[1]}-{shape[3]}".upper())
        if hit is not None:
            return hit
        key = _key(stripped)
        hit = self._names.get(key)
        if hit is None and 2 <= len(key) <= 3 and key.isascii() and key.isalpha():
            hit = self._codes.get(key.upper())  # "U.K.", "d.e."
        if hit is None and key:
            hit = self._layer("iso3166-2", self._build_subdivisions).names.get(key)
        if hit is None and key:
            hit = self._layer("all", self._build_all_languages).names.get(key)
        return hit

    def _layer(self, name: str, build: Callable[[], _Layer]) -> _Layer:
        layer = self._layers.get(name)
        if layer is None:
            with self._lock:
                if (layer := self._layers.get(name)) is None:
                    layer = self._layers[name] = build()
        return layer

    def _build_subdivisions(self) -> _Layer:
        """ISO 3166-2 codes: each goes to its nearest ancestor the knowledge base names, else to
        the ISO 3166-1 code of the territory it denotes, else to its country."""
        known = self._display
        subs = {  # code → (country, name, parent code)
            code: (country, s.name, s.parent_code)
            for s in pycountry.subdivisions
            if (country := s.country_code) in known and (code := s.code)
        }
        territories = self._territories(subs)
        codes: dict[str, _Hit] = {}
        tiers, own = _Tiers(), []
        for code, (country, name, _) in subs.items():
            node: str | None = code
            target = None
            while node is not None and target is None:
                target = node if node in known else territories.get(node)
                node = subs[node][2] if node in subs else None
            if target is None:
                codes[code] = _Hit((country,), _SUB_CODE, False, code, name)
            elif target in (code, territories.get(code)):  # the jurisdiction itself
                own.append((name, target))
                tiers.add_name(name, target, (0, 0), _SUB_NAME)
                codes[code] = _Hit((target,), _SUB_CODE if target == code else _TERRITORY)
            else:  # part of a jurisdiction, e.g. ES-GC (Las Palmas) in ES-CN (Canarias)
                codes[code] = _Hit((target,), _SUB_CODE, False, code, name)
        for code, territory in territories.items():  # earlier editions' form, e.g. FR-RE
            codes.setdefault(f"{code[:2]}-{territory}", _Hit((territory,), _FORMER))
        return _Layer(codes, tiers.freeze(), tuple(own))

    def _territories(self, subs: Mapping[str, tuple[str, str, str | None]]) -> dict[str, str]:
        """ISO 3166-2 code → ISO 3166-1 code of the same territory.

        A top-level subdivision of country C is territory T ≠ C when its code reuses T's alpha-2
        code and its name begins with a name of T (NL-AW Aruba, CN-HK Hong Kong SAR, FR-PF
        Polynésie française); or when its name is a name of T and T has no subdivisions of its own
        (FR-971 Guadeloupe, FR-974 La Réunion) — which keeps US-GA Georgia and GN-ML Mali out.
        Names are compared in English and French, the languages ISO 3166 is published in.
        """
        forms: dict[str, set[tuple[str, ...]]] = {}
        french = _translations("iso3166-1", "fr")
        for t, english_names in self._english:
            names = english_names + [french.gettext(n) for n in english_names if french]
            forms[t] = {tuple(_tokens(f)) for n in names for f in _forms(n)} - {()}
        has_subdivisions = {country for country, _, _ in subs.values()}
        by_name: dict[tuple[str, ...], set[str]] = {}
        for t, fs in forms.items():
            for f in fs if t not in has_subdivisions else ():
                by_name.setdefault(f, set()).add(t)
        found = {code: t for code, t in _TERRITORY_EXCEPTIONS.items() if t in forms}
        for code, (country, name, parent) in subs.items():
            if parent or code in found:
                continue
            own = [tuple(_tokens(f)) for f in _forms(name)]
            suffix = code[3:]
            prefixes = forms.get(suffix, ()) if suffix != country else ()
            if any(f[: len(t)] == t for f in own for t in prefixes):
                found[code] = suffix
            elif len(matches := set().union(*(by_name.get(f, ()) for f in own)) - {country}) == 1:
                found[code] = matches.pop()
        return found

    def _build_all_languages(self) -> _Layer:
        """Every ISO 3166-1 translation pycountry ships, and the eager languages' names of
        subdivisions that are jurisdictions."""
        tiers = _Tiers(vote=True)
        for lang in sorted(set(os.listdir(pycountry.LOCALES_DIR)) - set(self._languages)):
            if (tr := _translations("iso3166-1", lang)) is not None:
                tiers.add_translations(tr, self._english, 0, lang)
        own = self._layer("iso3166-2", self._build_subdivisions).own
        for lang in self._languages:
            if (tr := _translations("iso3166-2", lang)) is not None:
                tiers.add_translations(tr, [(code, [name]) for name, code in own], 1, lang)
        return _Layer({}, tiers.freeze())

    def _prefixed(self, key: str, limit: int) -> list[str]:
        """Codes of about ``limit`` eager names starting with ``key``, in key order."""
        found: list[str] = []
        i = bisect.bisect_left(self._sorted, key)
        while i < len(self._sorted) and self._sorted[i].startswith(key) and len(found) < limit:
            found += self._names[self._sorted[i]].codes
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
