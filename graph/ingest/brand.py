"""The brand a policy speaks for, when it names no company at all: the name of the site it was
published on, as the text writes it ("walkhighlands.co.uk" → "Walkhighlands", "green-resort.com"
→ "Camping Green Resort", "apo.de" written as itself), else the name its title gives after the
document's own words ("POLÍTICA DE PRIVACIDAD – GIMNASIO CAROLINAS" → "Gimnasio Carolinas", as the
text writes it).

Only a name the text writes with capitals (or the domain itself) — a title's name at least twice
outside the title, in words that are all capitalised and hold no digit; never a pronoun, a
generic word or a place. It only names the issuer the policy leaves unnamed — still the flagged
default: a brand is no legal entity, and the imprint or a register names the company behind it.
"""

from __future__ import annotations

import re
from itertools import pairwise
from urllib.parse import urlsplit

from xborder.graph.ingest.mention import name_key
from xborder.graph.ingest.places import PlaceFinder
from xborder.graph.ingest.slots import usable_name
from xborder.graph.ingest.text import Document, Unit

__all__ = ["brand_name"]

#: the labels of a host that are no brand: "www", a country's or a generic second level
_NOT_LABEL = frozenset({"www", "m", "en", "de", "fr", "es", "it", "nl", "pt", "co", "com", "org",
                        "net", "gov", "ac", "edu", "github", "githubusercontent", "web",
                        "archive"})
_TOKEN = re.compile(r"[^\s,;:()\[\]\"“”«»]+")
#: words before or after a brand that are not part of it
_NOT_PART = frozenset({"le", "la", "les", "l", "the", "der", "die", "das", "el", "il", "lo", "de",
                       "het", "en", "in", "at", "by", "of", "and", "et", "und", "y", "e", "we",
                       "our", "this", "cette", "ce", "a", "an", "une", "un", "welcome"})
#: the title's separators and the document's own words, in the languages read
_SEPARATOR = re.compile(r"\s*[–—|•:]\s*|\s+-\s+")
_DOCUMENT = re.compile(r"^(?:privacy|privacidad|privacidade|privacy\s*policy|pol[ií]tica|"
                       r"datenschutz\w*|politique|charte|informativa|privacyverklaring|"
                       r"privacybeleid|cookie\w*|user\s+control\s+panel|aviso|polityka|"
                       r"integritetspolicy|personuppgiftspolicy)\b", re.I)


def _label(url: str | None) -> str | None:
    """The brand part of a URL's host: "www.walkhighlands.co.uk" → "walkhighlands"."""
    host = urlsplit(url).hostname if url and "//" in url else None
    if not host:
        return None
    labels = [x for x in host.split(".")[:-1] if x not in _NOT_LABEL]
    return labels[-1] if labels and len(labels[-1]) >= 3 else None


def _capital(token: str) -> bool:
    return token[:1].isupper() and token.strip(".").casefold() not in _NOT_PART


def _run(text: str, label: str) -> tuple[str, int] | None:
    """The capitalised words of ``text`` that spell the domain's label ("Green Resort" for
    "greenresort"), with the capitalised words right around them ("Camping Green Resort")."""
    tokens = [(m[0].rstrip("."), m.start()) for m in _TOKEN.finditer(text)]
    key = name_key(label)
    for i in range(len(tokens)):
        for j in range(i + 1, min(i + 5, len(tokens) + 1)):
            window = tokens[i:j]
            if not all(_capital(w) for w, _s in window) or \
                    any(text[a + len(w):b].strip() for (w, a), (_x, b) in pairwise(window)):
                break  # not capitalised, or not one run of words
            if name_key("".join(w for w, _s in window)) != key:
                continue
            caps = all(w.isupper() for w, _s in window)
            while i > 0 and _capital(tokens[i - 1][0]) and tokens[i - 1][0].isupper() == caps \
                    and not text[tokens[i - 1][1] + len(tokens[i - 1][0]):tokens[i][1]].strip():
                i -= 1
            while j < len(tokens) and _capital(tokens[j][0]) and tokens[j][0].isupper() == caps \
                    and not text[tokens[j - 1][1] + len(tokens[j - 1][0]):tokens[j][1]].strip():
                j += 1
            start, last = tokens[i][1], tokens[j - 1]
            return text[start:last[1] + len(last[0])], start
    return None


def _body(doc: Document) -> list[Unit]:
    return [u for u in doc.units if u.kind != "heading" and u.text != doc.title]


def brand_name(doc: Document, url: str | None, finder: PlaceFinder
               ) -> tuple[Unit, str, int] | None:
    """(unit, name, start) of the brand the policy speaks for (see the module), or None."""
    label = _label(url)
    units = _body(doc)[:20]
    if label is not None:
        domain = re.compile(r"(?<![\w.@/-])(" + re.escape(label) + r"\.[a-z]{2,6}(?:\.[a-z]{2})?)"
                            r"(?![\w/-])", re.I)
        for unit in units:
            if (found := _run(unit.text, label)) is not None and \
                    usable_name(unit.text, found[0], found[1], finder):
                return unit, *found
            if (d := domain.search(unit.text)) is not None and \
                    re.search(r"\b(?:Firma|company|société|empresa|società)\s+$",
                              unit.text[:d.start()], re.I):
                return unit, d[1], d.start(1)  # "die Firma apo.de"
    title = doc.title or (doc.units[0].text if doc.units else "")
    parts = [p.strip() for p in _SEPARATOR.split(title) if p.strip()]
    for part in [p for p in parts if not _DOCUMENT.match(p)]:
        words = part.split()
        if len(words) > 4 or "\n" in part or re.search(r"\d", part) or \
                not all(w[:1].isupper() or w.casefold() in _NOT_PART for w in words):
            continue  # "Skip to main content", "Stand Juni 2022": no name
        written = re.compile(r"(?<![\w-])" + r"[ \t]+".join(re.escape(w) for w in words) +
                             r"(?![\w-])", re.I)
        said = [(unit, m) for unit in units for m in written.finditer(unit.text)
                if m[0][:1].isupper() and not m[0].isupper()]
        if len(said) >= 2 and usable_name(said[0][0].text, said[0][1][0], said[0][1].start(),
                                          finder):
            unit, m = said[0]  # said twice in the text, as it writes it, not in the title's caps
            return unit, m[0], m.start()
    return None
