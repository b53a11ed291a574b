"""Country names in the languages policies are written in, from CLDR (``babel``).

``local_name("Royaume-Uni")`` → ``"GB"``, ``local_name("der Schweiz")`` → ``"CH"``,
``local_name("Verenigde Staten")`` → ``"US"``. The names are CLDR's territory names in English,
German, French, Spanish, Italian, Dutch, Portuguese, Swedish, Danish, Norwegian, Finnish and
Polish, with the inflected German forms a sentence uses ("den Vereinigten Staaten", "des
Vereinigten Königreichs") and a few common forms CLDR does not list (VS, VK, EE. UU., EUA,
Estados Unidos da América). Only ISO 3166-1 countries are returned, never regions such as
"Europe" or "World": those are read by :mod:`.places` itself.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["local_name"]

LOCALES = ("en", "de", "fr", "es", "it", "nl", "pt", "sv", "da", "nb", "fi", "pl")
_SHORT = {"vs": "US", "vk": "GB", "ee uu": "US", "eeuu": "US", "eua": "US", "usa": "US",
          "u s a": "US", "uk": "GB", "rpc": "CN", "rae de hong kong": "HK",
          "estados unidos da américa": "US", "estados unidos de américa": "US"}
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "XK"})


def _key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    text = re.sub(r"^(?:the|la|le|les|l'|el|los|il|lo|gli|de|het|die|der|den|des|dem|o|a|os|"
                  r"as)\s*", "", text.strip())
    return re.sub(r"[\s.,-]+", " ", text).strip()


def _german_forms(name: str) -> list[str]:
    """"Vereinigte Staaten" → "Vereinigten Staaten"; "Vereinigtes Königreich" → "… Königreichs"."""
    words = name.split()
    if len(words) < 2:
        return [name + "s"] if not name.endswith(("s", "z", "x")) else []
    adjectives = [re.sub(r"(?:e|es|er)$", "en", w) for w in words[:-1]]
    inflected = " ".join([*adjectives, words[-1]])
    return [inflected, inflected + "s"]


@functools.cache
def _names() -> dict[str, str]:
    try:
        from babel import Locale
    except ImportError:  # babel missing: only the knowledge base's names are read
        return {}
    names: dict[str, str] = {}
    for locale in LOCALES:
        for code, name in Locale.parse(locale).territories.items():
            if len(code) != 2 or not code.isalpha() or code in _NOT_COUNTRIES:
                continue
            forms = [name] + (_german_forms(name) if locale == "de" else [])
            for form in forms:
                if len(_key(form)) > 3:  # "Man", "Oman"'s short forms: ordinary words
                    names.setdefault(_key(form), code)
    for short, code in _SHORT.items():
        names.setdefault(short, code)
    return names


def local_name(phrase: str) -> str | None:
    """The ISO 3166-1 code a country name in one of :data:`LOCALES` names, else None."""
    return _names().get(_key(phrase))
