"""Services a controller clause is limited to: "within the scope of Huawei Consumer Cloud
Services", "for Kumo Mail and Kumo Drive", "when you use the Acme Music app", a clause whose
subject is a service ("Huawei online store www.hihonor.com/us is controlled by …"), or a table's
service column. A name made only of generic words ("our Services", "personal data"), a place or
an entity is not a service. Services the organisation already has in the knowledge base are
matched by name, alias or domain and keep their ids.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from xborder.graph.ingest.entities import find_mentions, name_key
from xborder.graph.ingest.model import ServiceProposal, slug
from xborder.graph.ingest.places import PlaceFinder

if TYPE_CHECKING:
    from xborder.graph.ingest.entities import EntityBook

__all__ = ["KnownService", "ServiceBook"]

KnownService = tuple[str, str, Sequence[str], Sequence[str]]  # id, name, aliases, domains

_WORD = r"[A-Z][\w&+'’-]*"
_TAIL = r"(?:app|apps|application|service|services|store|website|site|platform|programme|program)"
_NAME = rf"{_WORD}(?:\s+(?:{_WORD}|{_TAIL}\b))*"
_DOMAIN = re.compile(r"\b(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}"
                     r"(?:/[\w/.-]*[\w/])?", re.I)
_INTRO = re.compile(
    rf"\b(?:within\s+the\s+scope\s+of|in\s+connection\s+with|when\s+you\s+use|for|on|through|"
    rf"via|using|of)\s+(?:the\s+|our\s+|your\s+)?(?:use\s+of\s+(?:the\s+|our\s+)?)?"
    rf"(?P<name>{_NAME}(?:\s*(?:,|and|&)\s*(?:the\s+)?{_NAME})*)")
_SUBJECT = re.compile(r"^\s*(?:however,?\s+|please\s+note\s+that\s+|note\s+that\s+)?(?:the\s+)?"
                      r"(?P<subj>[^,;]{3,120}?)\s+(?:is|are)\s+(?:controlled|operated|provided|"
                      r"run|offered)\s+by\b", re.I)
_GENERIC = frozenset({
    "services", "service", "policy", "privacy", "notice", "statement", "terms", "personal", "data",
    "information", "sites", "site", "website", "websites", "apps", "app", "application",
    "products", "product", "platform", "our", "the", "your", "this", "gdpr", "article",
    "section", "users", "user", "company", "group", "controller", "controllers", "processing",
    "use", "customers", "cookie", "cookies", "europe", "european", "union", "area", "economic",
    "member", "state", "states", "law", "laws", "regulation", "protection", "act", "individuals",
    "residents", "you", "we", "us", "all", "other", "online", "any"})
_NOT_SUBJECT = re.compile(r"\b(?:data|information|personal|processing|you|your)\b", re.I)


def _domain_key(domain: str) -> str:
    d = re.sub(r"^https?://", "", domain.lower()).removeprefix("www.")
    return d.rstrip("/")


class ServiceBook:
    def __init__(self, finder: PlaceFinder, known: Sequence[KnownService] = ()) -> None:
        self.finder = finder
        self.known = list(known)
        self.services: dict[str, ServiceProposal] = {}

    @property
    def all(self) -> list[ServiceProposal]:
        return list(self.services.values())

    def find(self, text: str, a: int, b: int, book: EntityBook, cell: bool = False
             ) -> tuple[list[ServiceProposal], list[tuple[int, int]]]:
        """Services named in ``text[a:b]`` and the spans naming them."""
        piece = text[a:b]
        found: list[tuple[str, list[str], int, int]] = []  # name, domains, span
        if cell:
            for part in re.split(r"\s*(?:,|;|\band\b|&)\s*", piece):
                if part.strip():
                    found.append((part.strip(), [], a, b))
        subject = _SUBJECT.match(piece)
        if subject and not _NOT_SUBJECT.search(subject["subj"]):
            subj = subject["subj"]
            domains = [d[0] for d in _DOMAIN.finditer(subj) if "." in d[0]]
            name = _DOMAIN.sub("", subj).strip(" ,()")
            found.append((name or domains[0] if domains else name, domains,
                          a + subject.start("subj"), a + subject.end("subj")))
        for m in _INTRO.finditer(piece):
            if re.match(r",?\s*\d{1,4}[a-z]?\b", piece[m.end():]):
                continue  # "via Carlo Alberto 34": a street and its number, no service
            for part in re.split(r"\s*(?:,|\band\b|&)\s*(?:the\s+)?", m["name"]):
                found.append((part.strip(), [], a + m.start("name"), a + m.end("name")))
        services: list[ServiceProposal] = []
        spans: list[tuple[int, int]] = []
        mention_spans = [(a + m.start, a + m.end) for m in find_mentions(piece)]
        for name, domains, x, y in found:
            if not self._service_like(name, domains, book) or (any(
                    x < q and p < y for p, q in mention_spans) and not domains):
                continue
            service = self._get(name, domains)
            if service not in services:
                services.append(service)
            spans.append((x, y))
        return services, spans

    def _service_like(self, name: str, domains: list[str], book: EntityBook) -> bool:
        if domains:
            return True
        words = re.findall(r"[\w&+'’-]+", name)
        aliases = {a.casefold() for e in book.entities.values() for a in e.aliases}
        if not words or all(w.casefold() in _GENERIC or w.casefold() in aliases for w in words):
            return False
        entity_keys = set(book.entities) | {name_key(a) for e in book.entities.values()
                                            for a in e.aliases}
        if name_key(name) in entity_keys:
            return False
        places = self.finder.find(name)
        return not (places and sum(p.end - p.start for p in places) >= len(name) - 4)

    def _get(self, name: str, domains: list[str]) -> ServiceProposal:
        key = name_key(name)
        domain_keys = {_domain_key(d) for d in domains}
        for ident, known_name, aliases, known_domains in self.known:
            names = {name_key(n) for n in (known_name, ident, *aliases)}
            if key in names or domain_keys & {_domain_key(d) for d in known_domains}:
                existing = self.services.get(ident)
                if existing is None:
                    existing = self.services[ident] = ServiceProposal(
                        ident, known_name, list(known_domains), True, list(aliases))
                return existing
        for service in self.services.values():
            if name_key(service.name) == key or domain_keys & {_domain_key(d)
                                                              for d in service.domains}:
                service.domains += [d for d in domains if d not in service.domains]
                return service
        ident = slug(name, "service")
        while ident in self.services:
            ident += "-2"
        service = self.services[ident] = ServiceProposal(ident, name, list(domains))
        return service
