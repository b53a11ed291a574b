"""What ``xborder ingest`` proposes: typed records, each with the evidence a reviewer checks.

:meth:`Proposals.to_dict` is the JSON that ``xborder ingest --json`` prints; :mod:`.emit` turns
the same records into an authoring file.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

__all__ = ["DocumentProposal", "EntityProposal", "Evidence", "Proposals", "Reading",
           "RecipientProposal", "RuleProposal", "SafeguardProposal", "ServiceProposal", "slug"]


def slug(text: str, fallback: str = "item") -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    value = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return value[:60].strip("-") or fallback


@dataclass(frozen=True)
class Evidence:
    quote: str
    start: int  # character offsets into the input as given: input[start:end]
    end: int
    section: str  # the section's number, else its title ("Preamble" before the first)
    heading: str

    def to_dict(self) -> dict[str, Any]:
        return {"quote": self.quote, "start": self.start, "end": self.end,
                "section": self.section, "heading": self.heading}


@dataclass
class EntityProposal:
    id: str
    name: str
    country: str | None
    candidates: tuple[str, ...]
    country_basis: str
    evidence: Evidence
    written: str = ""
    roles: set[str] = field(default_factory=set)  # issuer, controller, representative, …
    aliases: list[str] = field(default_factory=list)
    we: bool = False  # the policy calls it "we"
    known: bool = False  # taken from the organisation already in the knowledge base

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "country": self.country,
                "country_candidates": list(self.candidates) if self.country is None else [],
                "country_basis": self.country_basis, "roles": sorted(self.roles),
                "aliases": self.aliases, "written": self.written,
                "in_knowledge_base": self.known, "evidence": self.evidence.to_dict()}


@dataclass(frozen=True)
class Reading:
    """How one place word of a clause was read (an alias, an ambiguous name)."""

    code: str
    text: str
    reading: str
    also: tuple[str, ...] = ()
    confidence: float = 1.0


@dataclass
class ServiceProposal:
    id: str
    name: str
    domains: list[str] = field(default_factory=list)
    known: bool = False
    aliases: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "domains": self.domains,
                "aliases": self.aliases,
                "in_knowledge_base": self.known}


@dataclass
class RuleProposal:
    id: str
    controller: EntityProposal
    locations: list[str]
    excepts: list[str]
    locations_text: str
    services: list[ServiceProposal]
    evidence: Evidence
    confidence: float
    default: bool = False
    start: dt.date | None = None
    end: dt.date | None = None
    readings: list[Reading] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def pair(self) -> tuple[frozenset[str], str]:
        """(location set, controller): what the evaluation counts. Exceptions read ``-XX``."""
        where = {"default"} if self.default else set(self.locations)
        return frozenset(where | {f"-{c}" for c in self.excepts}), self.controller.name

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "controller": self.controller.name,
                "controller_id": self.controller.id,
                "controller_country": self.controller.country, "locations": self.locations,
                "except": self.excepts, "locations_text": self.locations_text,
                "services": [s.name for s in self.services],
                "service_ids": [s.id for s in self.services], "default": self.default,
                "from": self.start.isoformat() if self.start else None,
                "to": self.end.isoformat() if self.end else None,
                "readings": [{"code": r.code, "text": r.text, "reading": r.reading,
                              "also": list(r.also), "confidence": r.confidence}
                             for r in self.readings],
                "evidence": self.evidence.to_dict(), "confidence": round(self.confidence, 2),
                "notes": self.notes}


@dataclass
class RecipientProposal:
    id: str
    kind: str  # affiliate | partner | authority | transaction-party | consented-party | …
    name: str
    evidence: Evidence
    confidence: float
    entities: list[EntityProposal] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    location_basis: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "name": self.name,
                "entities": [e.name for e in self.entities], "locations": self.locations,
                "location_basis": self.location_basis, "evidence": self.evidence.to_dict(),
                "confidence": round(self.confidence, 2)}


@dataclass
class SafeguardProposal:
    id: str
    kind: str  # adequacy | scc | bcr | consent | anonymisation | dpf | …
    name: str
    evidence: Evidence
    confidence: float

    @property
    def authoring_kind(self) -> str:
        """The kind the authoring format knows (``build.org.SAFEGUARD_KINDS``)."""
        known = {"adequacy": "adequate-protection", "scc": "scc", "bcr": "bcr",
                 "consent": "consent", "anonymisation": "anonymisation"}
        return known.get(self.kind, "other")

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "name": self.name,
                "evidence": self.evidence.to_dict(), "confidence": round(self.confidence, 2)}


@dataclass
class DocumentProposal:
    id: str
    title: str
    url: str
    version: str | None
    start: dt.date
    precision: str  # day | month | year
    issuer: EntityProposal
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "url": self.url, "version": self.version,
                "from": self.start.isoformat(), "date_precision": self.precision,
                "issuer": self.issuer.name, "issuer_id": self.issuer.id, "notes": self.notes}


@dataclass
class Proposals:
    organisation: dict[str, Any]  # id, name, aliases, in_knowledge_base
    document: DocumentProposal
    entities: list[EntityProposal]
    services: list[ServiceProposal]
    rules: list[RuleProposal]
    recipients: list[RecipientProposal]
    safeguards: list[SafeguardProposal]
    format: str = "text"
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"organisation": self.organisation, "document": self.document.to_dict(),
                "input_format": self.format,
                "entities": [e.to_dict() for e in self.entities],
                "services": [s.to_dict() for s in self.services],
                "controller_rules": [r.to_dict() for r in self.rules],
                "recipients": [r.to_dict() for r in self.recipients],
                "safeguards": [s.to_dict() for s in self.safeguards], "notes": self.notes}
