"""The knowledge base as typed Python objects: places, entities, organisations, their documents
and rules.

The graph is the single source of truth; :func:`xborder.graph.read.model.read_model` is the only
place that turns it into these objects (this module knows nothing of RDF), and the resolvers and
compiled indexes work on them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from xborder.graph.dates import Interval

__all__ = [
    "Alias",
    "Application",
    "Citation",
    "Document",
    "Entity",
    "Jurisdiction",
    "Membership",
    "Model",
    "Organisation",
    "Reading",
    "Recipient",
    "Rule",
    "SafeguardClaim",
    "Service",
    "Source",
]


@dataclass(frozen=True)
class Source:
    iri: str
    title: str
    url: str
    celex: str | None = None
    confidence: str = "verified"

    def to_dict(self) -> dict[str, str | None]:
        return {"document": self.title, "section": None, "quote": None, "url": self.url}


@dataclass(frozen=True)
class Jurisdiction:
    code: str
    name: str
    kind: str  # country | subdivision | region | group
    part_of: str | None = None
    disputed: str | None = None  # why the place's status is contested, if it is


@dataclass(frozen=True)
class Membership:
    member: str
    group: str
    interval: Interval
    source: Source


@dataclass(frozen=True)
class Application:
    territory: str
    groups: tuple[str, ...]
    applies: bool
    interval: Interval
    kind: str
    basis: str
    uncertainty: str | None
    source: Source


@dataclass(frozen=True)
class Alias:
    text: str
    code: str | None
    ambiguous: tuple[str, ...] = ()
    note: str | None = None  # the caveat every answer read through this name carries


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    country: str
    organisation: str
    locality: str | None = None
    address: str | None = None


@dataclass(frozen=True)
class Service:
    id: str
    organisation: str
    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


@dataclass(frozen=True)
class Document:
    id: str
    organisation: str
    title: str
    url: str
    interval: Interval
    issuer: str
    version: str | None = None
    precision: str = "day"
    archived_url: str | None = None
    archived_on: dt.date | None = None  # the last day an archived copy shows it in force
    first_seen: dt.date | None = None  # the first day an archived copy shows it
    series: str = ""  # documents of one series replace each other; default: the URL
    previous: str | None = None  # the series' version before this one (document id)
    next: str | None = None  # the series' version after this one (document id)
    next_from: dt.date | None = None  # the day the next version states it came into force

    @property
    def in_force(self) -> Interval:
        """The stated interval; without a stated end, it ends the day before the next version."""
        end = self.interval.end
        if end is None and self.next_from is not None and self.interval.start is not None \
                and self.next_from > self.interval.start:
            end = self.next_from - dt.timedelta(days=1)
        return Interval(self.interval.start, end)

    def to_dict(self) -> dict[str, str | None]:
        """The version as answers name it: id, stated version and dates, archived sightings."""
        span = self.in_force
        return {"document": self.id, "title": self.title, "version": self.version,
                "from": _iso(span.start), "to": _iso(span.end),
                "first_seen": _iso(self.first_seen), "last_seen": _iso(self.archived_on),
                "url": self.url, "archived_url": self.archived_url}


@dataclass(frozen=True)
class Citation:
    document: Document
    section: str
    quote: str

    def to_dict(self) -> dict[str, str | None]:
        return {
            "document": self.document.title,
            "section": self.section,
            "quote": self.quote,
            "url": self.document.archived_url or self.document.url,
        }


@dataclass(frozen=True)
class Reading:
    text: str
    read_as: str
    also: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class Rule:
    id: str
    organisation: str
    controller: str
    services: frozenset[str]
    locations: frozenset[str]
    excepts: frozenset[str]
    default: bool
    interval: Interval
    citation: Citation
    readings: tuple[Reading, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Recipient:
    id: str
    organisation: str
    kind: str
    name: str
    entities: tuple[str, ...]
    locations: tuple[str, ...]
    location_basis: str | None
    citation: Citation


@dataclass(frozen=True)
class SafeguardClaim:
    id: str
    organisation: str
    kind: str
    name: str
    citation: Citation


@dataclass
class Organisation:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    services: dict[str, Service] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    rules: list[Rule] = field(default_factory=list)
    recipients: list[Recipient] = field(default_factory=list)
    safeguards: list[SafeguardClaim] = field(default_factory=list)


@dataclass
class Model:
    jurisdictions: dict[str, Jurisdiction]
    memberships: dict[str, list[Membership]]  # by member code
    applications: dict[str, list[Application]]  # by territory code
    aliases: list[Alias]
    entities: dict[str, Entity]
    organisations: dict[str, Organisation]
    sources: dict[str, Source]
