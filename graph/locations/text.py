"""How typed text is folded for comparison, and the forms people wrap a location in.

:func:`key` is the one comparison key of every table (names from pycountry, CLDR, GeoNames and the
knowledge base's aliases alike): case, accents, punctuation, spacing, ``the``/``and`` and a leading
article are folded away. :func:`parts` splits the forms a form field or a user produces —
``Frankreich (FR)``, ``Suisse / Schweiz``, ``Paris, France`` — into the pieces to try on their own.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["CONTROL", "FOLD_VERSION", "flag_letters", "forms", "key", "no_location", "parts",
           "tokens"]

#: Bump when :func:`key` changes: cached tables are keyed by it.
FOLD_VERSION = "3"

# Control characters, surrogates and invisible format characters (bidi overrides, zero-width).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u200b-\u200f"
                     r"\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_BRACKETED = re.compile(r"\s*[(\[][^)\]]*[)\]]")
_INSIDE = re.compile(r"[(\[]([^)\]]*)[)\]]")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Separators: what is not a letter or digit, except the vowel signs of the Indic, Thaana and South-
# East Asian scripts (dropping those would reduce names to consonant skeletons that collide).
_SPLIT = re.compile(r"[^\w\u0780-\u07bf\u0900-\u0dff\u0e00-\u0fff\u1000-\u109f\u1780-\u17ff]+")
_FOLD = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
                       "ı": "i", "ʻ": "", "ʼ": "", "’": ""})
_ABBREVIATIONS = {"st": "saint", "ste": "sainte"}
_DROPPED = frozenset({"the", "and"})
_ARTICLES = frozenset({"l", "la", "le", "les", "el"})
# What forms and exports put where no location is known (compared case-folded, spaces collapsed).
_NO_LOCATION = frozenset({
    "n/a", "n.a.", "n.a", "n / a", "none", "null", "nil", "unknown", "not applicable",
    "not specified", "not available", "unspecified", "not known", "not given", "no location",
})
_ONLY_PUNCTUATION = re.compile(r"[\s\-‐‑‒–—―?.,;:/\\*_#~|'\"]+")
_REGIONAL_INDICATOR = re.compile("[\U0001f1e6-\U0001f1ff]{2}")


def tokens(text: str) -> list[str]:
    """Words of ``text`` folded for comparison: case, accents, punctuation, ``the``/``and``."""
    if text.isascii():
        text = text.lower()
    else:
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold().translate(_FOLD)))
    words = [_ABBREVIATIONS.get(w, w) for w in _SPLIT.split(text) if w and w not in _DROPPED]
    if len(words) > 1 and words[0] in _ARTICLES:
        del words[0]
    return words


@functools.lru_cache(maxsize=1 << 16)
def key(text: str) -> str:
    """The comparison key of ``text`` (memoised: the same texts come back)."""
    return "".join(tokens(text))


def forms(name: str) -> list[str]:
    """A name, then its variants: without brackets, comma-inverted, and the part before a comma."""
    found = [name]
    core = _BRACKETED.sub("", name).strip()
    if core and core != name:
        found.append(core)
    if "," in core:
        head, tail = core.split(",", 1)
        found += [f"{tail} {head}", head]
    return found


def no_location(text: str) -> bool:
    """``N/A``, ``none``, ``-``, ``???``: a form's way of saying that no location is known."""
    folded = " ".join(text.casefold().split())
    return folded in _NO_LOCATION or bool(_ONLY_PUNCTUATION.fullmatch(folded))


def flag_letters(text: str) -> str | None:
    """``FR`` for the flag emoji 🇫🇷 (two regional indicator symbols)."""
    if _REGIONAL_INDICATOR.fullmatch(text):
        return "".join(chr(ord(c) - 0x1F1E6 + ord("A")) for c in text)
    return None


def parts(text: str) -> list[str]:
    """The pieces of ``Name (CODE)``, ``Name / Name``, ``City, Country`` to try one by one
    (empty when ``text`` has none of these forms)."""
    found: list[str] = []
    inside = _INSIDE.findall(text)
    outside = _BRACKETED.sub(" ", text).strip()
    if inside and outside:
        found += [outside, *(i.strip() for i in inside)]
    for sep in ("/", ",", ";", "|", " - "):
        pieces = [p.strip() for p in outside.split(sep)]
        if len(pieces) > 1:
            found += [p for p in pieces if p]
    return [p for p in dict.fromkeys(found) if p and p != text.strip()]
