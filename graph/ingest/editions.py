"""Regional editions: a policy published for one region (``--region``, ``--edition``, or
"-eu", "/uk/", "(EEA)" in its URL or title, a country its title ends with) — the clauses that
name no place apply to that region, not to every user."""

from __future__ import annotations

import re

from xborder.graph.ingest.entities import find_mentions
from xborder.graph.ingest.model import RuleProposal
from xborder.graph.ingest.places import EVERYONE, PlaceFinder

__all__ = ["apply_edition", "edition_region"]

#: a region token as a whole path segment, a segment's suffix ("privacy-policy-eu") or a query
#: value — never inside a name ("genai-eu-versions")
_SEG = r"(?:^|/|[?&=]|[-_])(?:TOKENS)(?=/|$|\.html?|\?|#|&)"
#: "about-us", "contact-us", "join-us" are pages, not the US edition
_NOT_US = "".join(rf"(?<!{w})" for w in ("about", "contact", "join", "meet", "find", "follow",
                                           "reach", "visit", "email", "call", "with", "for",
                                           "help", "write", "talk"))
_EDITION = [(re.compile(_SEG.replace("TOKENS", "eu|eea|europe"), re.I), ["EEA"]),
            (re.compile(_SEG.replace("TOKENS", "uk|gb|en-gb"), re.I), ["GB"]),
            (re.compile(_SEG.replace("[-_]", _NOT_US + "[-_]").replace("TOKENS", "us|usa|en-us"),
                        re.I), ["US"])]
#: a law's name in a title is no edition ("EU-DSGVO", "EU GDPR", "UK GDPR")
#: nor a representative's ("Data Controller; EU Representative; DPO")
_TITLE = [(re.compile(r"\bEEA\b|\bEuropean\s+Economic\s+Area\b|\bEU\b(?![-‑]|\s+(?:GDPR|"
                      r"[Rr]epresentative))|\((?:Europe|EWR|EEE|EER|SEE|EØS|ETA|EES)\)"), ["EEA"]),
          (re.compile(r"\bUK\b(?![-‑]|\s+(?:GDPR|[Rr]epresentative))|\bUnited\s+Kingdom\b"),
           ["GB"]),
          (re.compile(r"\bU\.?S\.?A?\b(?!\w)|\bUnited\s+States\b"), ["US"])]


def edition_region(url: str | None, title: str | None, region: str | None = None,
                   edition: str | None = None, finder: PlaceFinder | None = None) -> list[str]:
    """The region a regional edition is for: ``region`` (codes, comma-separated) first, then
    ``edition``, the URL, the title — by its EEA/UK/US words, else (with ``finder``) a country
    the title ends with ("Privacy Notice (Canada)", "Datenschutzerklärung für die Schweiz",
    "Política de privacidad — México"), never one inside a company's name."""
    if region:
        return [c.strip().upper() for c in region.split(",") if c.strip()]
    for text, table in ((edition, _EDITION), (url, _EDITION), (edition, _TITLE),
                        (title, _TITLE)):
        for pattern, codes in table if text else ():
            if pattern.search(text or ""):
                return codes
    end = _TITLE_END.search(title.strip()) if title and finder is not None else None
    if end is None or finder is None or find_mentions(title or ""):
        return []
    words = next(g for g in end.groups() if g)
    places = finder.find(words)
    covered = sum(p.end - p.start for p in places)
    return [p.code for p in places] if places and covered >= len(words.strip(" .")) - 4 else []


#: the end of a title that may name the edition's country
_TITLE_END = re.compile(r"\(([^()]{2,40})\)\s*$|\s[–—-]\s*([^–—-]{2,40})$|"
                        r"\b(?:for|für(?:\s+d(?:ie|en|as))?|pour(?:\s+l[ae]|\s+les)?|para|per|voor|em|no|na)\s+([^,;:()]{2,40})$|"
                        r"\s((?:België|Belgique|Schweiz|Suisse|Svizzera|Österreich|Brasil|México|"
                        r"Canada|España|Italia|Nederland|Deutschland|France|Portugal))$", re.I)


def apply_edition(rules: list[RuleProposal], codes: list[str], how: str) -> None:
    """Clauses that named no place apply to the edition's region, not to every user."""
    for rule in rules:
        if rule.default or rule.locations != [EVERYONE] or rule.excepts:
            continue
        if any("names no place" in n for n in rule.notes):
            rule.locations = list(codes)
            rule.notes.append(f"the clause names no place: the edition's region ({how}: "
                              f"{', '.join(codes)})")
