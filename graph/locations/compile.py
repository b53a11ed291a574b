"""Compiling a :class:`~xborder.graph.locations.LocationIndex`: every table as key → :class:`Hit`.

Everything here runs once per set of knowledge-base names and aliases; the result is pickled
(:func:`~xborder.graph.locations.sources.cached`) so that the next process only reads it.
"""

from __future__ import annotations

import gettext
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pycountry

from xborder.graph.errors import KnowledgeBaseError
from xborder.graph.locations import places as place_layer
from xborder.graph.locations.hit import Hit
from xborder.graph.locations.readings import is_group_code
from xborder.graph.locations.sources import raw_tables, zone_comments
from xborder.graph.locations.text import forms, key, tokens

__all__ = ["OWN_CODE", "SUB_CODE", "Hit", "compile_index", "language_label", "translations"]

#: ISO 3166-2 entries denoting a territory with its own ISO 3166-1 code that pycountry's names
#: cannot reveal (its subdivision name matches no English or French name of the territory).
_TERRITORY_EXCEPTIONS = {"FI-01": "AX", "NO-21": "SJ", "NO-22": "SJ"}
#: CLDR codes outside ISO 3166-1 for places ISO 3166-2 or 3166-1 names: Canary Islands (IC),
#: Ceuta and Melilla (EA), Diego Garcia (DG), Ascension (AC), Tristan da Cunha (TA).
_CLDR_EXCEPTIONAL = {"IC": ("ES-CN",), "EA": ("ES-CE", "ES-ML"), "DG": ("IO",), "AC": ("SH",),
                     "TA": ("SH",)}
OWN_CODE = "jurisdiction code"
SUB_CODE = "ISO 3166-2 subdivision code"
_SUB_NAME = "ISO 3166-2 subdivision name"
_TERRITORY = "ISO 3166-2 code of a territory with its own ISO 3166-1 code"
_FORMER = "ISO 3166-2-style code of a territory with its own ISO 3166-1 code"
_ALIAS, _ENGLISH, _ENGLISH_VARIANT, _EAGER = range(4)


def translations(domain: str, locale: str) -> gettext.NullTranslations | None:
    try:
        return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[locale])
    except OSError:
        return None


class _Tiers:
    """Normalised text → codes, keeping only the best tier; equal tiers merge (ambiguity).

    With ``vote``, a code that at least three languages give a text, and more than twice as many
    as give it any other code, takes it alone: that outvotes slips such as Occitan's "Paraguai"
    for Nicaragua's official name, while "Kongo" or "Korea" stay ambiguous."""

    def __init__(self, vote: bool = False) -> None:
        self.entries: dict[str, tuple[int, dict[str, set[str]], str, bool]] = {}
        self.keys: dict[str, str] = {}
        self.vote = vote

    def add(self, k: str, code: str, tier: int, how: str, translated: bool = False) -> None:
        old = self.entries.get(k)
        if not k or (old is not None and old[0] < tier):
            return
        if old is not None and old[0] == tier:
            old[1].setdefault(code, set()).add(how)
        else:
            self.entries[k] = (tier, {code: {how}}, how, translated)

    def add_name(self, name: str, code: str, tiers: tuple[int, int], how: str) -> None:
        for i, form in enumerate(forms(name)):
            self.add(key(form), code, tiers[min(i, 1)], how)

    def add_translations(self, tr: gettext.NullTranslations, names: list[tuple[str, list[str]]],
                         tier: int, lang: str) -> None:
        for code, originals in names:
            for original in originals:
                if (name := tr.gettext(original)) != original:
                    for form in forms(name):
                        k = self.keys.get(form)
                        if k is None:
                            k = self.keys[form] = key(form)
                        self.add(k, code, tier, lang, True)

    def freeze(self) -> dict[str, Hit]:
        frozen = {}
        for k, (_, votes, how, translated) in self.entries.items():
            codes = list(votes)
            if self.vote and len(codes) > 1:
                codes.sort(key=lambda c: -len(votes[c]))
                first, second = len(votes[codes[0]]), len(votes[codes[1]])
                if first >= 3 and first > 2 * second:
                    codes = codes[:1]
                    how = how if how in votes[codes[0]] else min(votes[codes[0]])
            frozen[k] = Hit(tuple(codes), how, translated)
        return frozen


def _english(names: Mapping[str, str]) -> list[tuple[str, list[str]]]:
    fields = ("name", "official_name", "common_name")
    return [(c.alpha_2, [n for f in fields if isinstance(n := getattr(c, f, None), str)])
            for c in pycountry.countries if c.alpha_2 in names]


def compile_index(names: Mapping[str, str], aliases: Iterable[tuple[str, tuple[str, ...]]],
                  languages: Sequence[str]) -> dict[str, Any]:
    """Every table of the index (key → the fields of a :class:`Hit`, as a plain tuple), and
    the GeoNames divisions matched to knowledge-base subdivisions; ``aliases``: (text, codes) —
    one code, or several (ambiguous)."""
    english = _english(names)
    codes: dict[str, Hit] = {}
    for c in pycountry.countries:
        if c.alpha_2 in names:
            codes[c.alpha_2] = Hit((c.alpha_2,), "ISO 3166-1 alpha-2 code")
            codes[c.alpha_3] = Hit((c.alpha_2,), "ISO 3166-1 alpha-3 code")
            codes[c.numeric] = Hit((c.alpha_2,), "ISO 3166-1 numeric code")
    for code in names:
        codes.setdefault(code.upper(), Hit((code,), SUB_CODE if "-" in code else OWN_CODE))
    tiers = _Tiers()
    alias_codes: dict[str, str] = {}
    for text, targets in aliases:
        k = key(text)
        old = tiers.entries.get(k)
        unknown = [t for t in targets if t not in names]
        if not k or unknown or (old and [*old[1]] != [*targets]):
            problem = (f"names unknown codes {unknown}" if unknown else
                       f"conflicts with an alias for {[*old[1]]}" if old else "has no letters")
            raise KnowledgeBaseError(f"alias {text!r} {problem}")
        tiers.entries[k] = (_ALIAS, {t: set() for t in targets}, "alias", False)
        if len(targets) == 1:
            alias_codes[k] = targets[0]
    for code, name in names.items():
        tiers.add_name(name, code, (_ENGLISH, _ENGLISH_VARIANT), "English name")
    for code, english_names in english:
        for name in english_names:
            tiers.add_name(name, code, (_ENGLISH, _ENGLISH_VARIANT), "English name")
    for lang in languages:
        tr = translations("iso3166-1", lang)
        if tr is None:
            raise ValueError(f"pycountry has no ISO 3166-1 translations for {lang!r}")
        tiers.add_translations(tr, english, _EAGER, lang)
    sub_codes, own_names, own = _subdivisions(names, english, alias_codes)
    raw = raw_tables()
    sub_targets = {code: hit.codes[0] for code, hit in sub_codes.items() if len(hit.codes) == 1}
    sub_names = {s.code: s.name for s in pycountry.subdivisions}
    divisions = place_layer.city_divisions(raw, names, zone_comments(), sub_targets)
    cities, subdivisions = (
        {k: Hit(p.codes, p.how, False, p.subdivision, p.subdivision_name, p.others)
         for k, p in table.items()}
        for table in place_layer.compile_places(raw, names, sub_targets, divisions, sub_names))
    tables = {"codes": codes, "names": tiers.freeze(), "sub_codes": sub_codes,
              "own_names": own_names, "all": _all_languages(english, languages, own),
              "cldr": _cldr(raw["cldr"], names), "cities": cities,
              "subdivisions": subdivisions}
    interned: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    state: dict[str, Any] = {
        name: {k: interned.setdefault(tuple(h), tuple(h)) for k, h in table.items()}
        for name, table in tables.items()}
    state["divisions"] = divisions
    state["labels"] = {locale: language_label(locale)
                       for locale in sorted(os.listdir(pycountry.LOCALES_DIR))}
    return state


def language_label(locale: str) -> str:
    """"Japanese name" for ``ja``, "Portuguese (pt_BR) name" for ``pt_BR``."""
    base = re.split(r"[_@]", locale)[0]
    language = pycountry.languages.get(alpha_2=base) or pycountry.languages.get(alpha_3=base)
    name = language.name if language is not None else locale
    return f"{name} name" if base == locale else f"{name} ({locale}) name"


def _subdivisions(known: Mapping[str, str], english: list[tuple[str, list[str]]],
                  alias_codes: Mapping[str, str],
                  ) -> tuple[dict[str, Hit], dict[str, Hit], tuple[tuple[str, str], ...]]:
    """ISO 3166-2 codes: each goes to its nearest ancestor the knowledge base names, else to
    the ISO 3166-1 code of the territory it denotes, else to its country."""
    subs = {code: (country, s.name, s.parent_code) for s in pycountry.subdivisions
            if (country := s.country_code) in known and (code := s.code)}
    territories = _territories(subs, english, alias_codes)
    codes: dict[str, Hit] = {}
    tiers, own = _Tiers(), []
    for code, (country, name, _) in subs.items():
        node: str | None = code
        target = None
        while node is not None and target is None:
            target = node if node in known else territories.get(node)
            node = subs[node][2] if node in subs else None
        if target is None:
            codes[code] = Hit((country,), SUB_CODE, False, code, name)
        elif target in (code, territories.get(code)):  # the jurisdiction itself
            own.append((name, target))
            tiers.add_name(name, target, (0, 0), _SUB_NAME)
            codes[code] = Hit((target,), SUB_CODE if target == code else _TERRITORY)
        else:  # part of a jurisdiction, e.g. ES-GC (Las Palmas) in ES-CN (Canarias)
            codes[code] = Hit((target,), SUB_CODE, False, code, name)
    for code, territory in territories.items():  # earlier editions' form, e.g. FR-RE
        codes.setdefault(f"{code[:2]}-{territory}", Hit((territory,), _FORMER))
    return codes, tiers.freeze(), tuple(own)


def _territories(subs: Mapping[str, tuple[str, str, str | None]],
                 english: list[tuple[str, list[str]]],
                 alias_codes: Mapping[str, str]) -> dict[str, str]:
    """ISO 3166-2 code → ISO 3166-1 code of the same territory.

    A top-level subdivision of country C is territory T ≠ C when its code reuses T's alpha-2 code
    and its name begins with a name of T (NL-AW Aruba, CN-HK Hong Kong SAR); when its name is a
    name of T and T has no subdivisions of its own (FR-974 La Réunion) — which keeps US-GA Georgia
    and GN-ML Mali out; when its name is a top-level subdivision of T and a word of T's name
    (NL-BQ3 Sint Eustatius, BQ-SE in BQ "Bonaire, Sint Eustatius and Saba"); or when an alias
    names it as T (RS-KM Kosovo-Metohija → XK). Names are compared in English and French."""
    found_forms: dict[str, set[tuple[str, ...]]] = {}
    french = translations("iso3166-1", "fr")
    for t, english_names in english:
        all_names = english_names + [french.gettext(n) for n in english_names if french]
        found_forms[t] = {tuple(tokens(f)) for n in all_names for f in forms(n)} - {()}
    has_subdivisions = {country for country, _, _ in subs.values()}
    by_name: dict[tuple[str, ...], set[str]] = {}
    for t, fs in found_forms.items():
        for f in fs if t not in has_subdivisions else ():
            by_name.setdefault(f, set()).add(t)
    top_names: dict[str, set[str]] = {}
    for country, name, parent in subs.values():
        if parent is None:
            top_names.setdefault(key(name), set()).add(country)
    found = {code: t for code, t in _TERRITORY_EXCEPTIONS.items() if t in found_forms}
    for code, (country, name, parent) in subs.items():
        if parent or code in found:
            continue
        own = [tuple(tokens(f)) for f in forms(name)]
        suffix = code[3:]
        prefixes = found_forms.get(suffix, ()) if suffix != country else ()
        words = set(tokens(name))
        inside = {t for t in top_names.get(key(name), set()) - {country}
                  if any(words <= set(f) for f in found_forms.get(t, ()))}
        alias = alias_codes.get(key(name))
        if any(f[: len(t)] == t for f in own for t in prefixes):
            found[code] = suffix
        elif len(matches := set().union(*(by_name.get(f, ()) for f in own)) - {country}) == 1:
            found[code] = matches.pop()
        elif len(inside) == 1:
            found[code] = inside.pop()
        elif alias and alias != country and "-" not in alias:
            found[code] = alias
    return found


def _all_languages(english: list[tuple[str, list[str]]], languages: Sequence[str],
                   own: tuple[tuple[str, str], ...]) -> dict[str, Hit]:
    """Every ISO 3166-1 translation pycountry ships, and every language's names of subdivisions
    that are jurisdictions."""
    tiers = _Tiers(vote=True)
    for lang in sorted(set(os.listdir(pycountry.LOCALES_DIR)) - set(languages)):
        if (tr := translations("iso3166-1", lang)) is not None:
            tiers.add_translations(tr, english, 0, lang)
    rest = sorted(set(os.listdir(pycountry.LOCALES_DIR)) - set(languages))
    for lang in [*languages, *rest]:  # the eager languages name a match first
        if (tr := translations("iso3166-2", lang)) is not None:
            tiers.add_translations(tr, [(code, [name]) for name, code in own], 1, lang)
    return tiers.freeze()


def _cldr(cldr: Mapping[str, Mapping[str, int]], names: Mapping[str, str]) -> dict[str, Hit]:
    """CLDR names: a code the knowledge base knows (most locales first), else a group marker."""
    found: dict[str, Hit] = {}
    for k, counts in cldr.items():
        votes: dict[str, int] = {}
        for code, n in counts.items():
            for target in _CLDR_EXCEPTIONAL.get(code, (code,)):
                if target in names:
                    votes[target] = votes.get(target, 0) + n
        if votes:
            ranked = sorted(votes, key=lambda c: -votes[c])
            first = votes[ranked[0]]
            if len(ranked) > 1 and first >= 3 and first > 2 * votes[ranked[1]]:
                ranked = ranked[:1]
            found[k] = Hit(tuple(ranked[:6]), "CLDR name")
        elif "ZZ" in counts:
            found[k] = Hit((), "CLDR: Unknown Region", flag="none")
        elif any(is_group_code(c) for c in counts):
            found[k] = Hit((), "CLDR region or group", flag="group")
    return found
