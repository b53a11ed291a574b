"""Transfer law as typed objects, read back from the graph: regimes (where they apply, over
time), adequacy decisions, mechanisms and targeted restrictions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from xborder.graph.dates import Interval
from xborder.graph.model import Source

__all__ = ["AdequacyEntry", "Authority", "Duty", "EeaEfta", "EndedBy", "Gap", "Law", "LawModel",
           "Mechanism", "Regime", "RegimeArea", "Restriction"]


@dataclass(frozen=True)
class Law:
    name: str
    interval: Interval
    iri: str | None
    source: Source
    restricts: bool | None = None  # overrides the regime's general_restriction for this period


@dataclass(frozen=True)
class Authority:
    name: str
    url: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "url": self.url}


@dataclass(frozen=True)
class Gap:
    """A period in which the regime's law applied but its transfer rules are not encoded."""

    interval: Interval
    missing: str
    source: Source


@dataclass(frozen=True)
class EeaEfta:
    """When an EU decision reached the EEA EFTA states (IS, LI, NO), or that it has not yet."""

    start: dt.date | None
    instrument: str | None
    pending: str | None
    source: Source
    end: dt.date | None = None  # on a mechanism: its last day for EEA EFTA exporters


@dataclass(frozen=True)
class RegimeArea:
    place: str  # a jurisdiction code or a group id
    interval: Interval
    source: Source
    note: str | None = None  # said as a caveat of every transfer from this part of the area


@dataclass(frozen=True)
class Regime:
    id: str
    name: str
    general_restriction: bool
    laws: tuple[Law, ...]
    areas: tuple[RegimeArea, ...]
    note: str | None = None
    authority: Authority | None = None
    gaps: tuple[Gap, ...] = ()

    def law_at(self, at: dt.date) -> Law | None:
        for law in self.laws:
            if law.interval.contains(at):
                return law
        return None

    def restricts_at(self, at: dt.date) -> bool:
        """Whether the law in force on ``at`` restricts outbound transfers in general."""
        law = self.law_at(at)
        if law is not None and law.restricts is not None:
            return law.restricts
        return self.general_restriction

    def gap_at(self, at: dt.date) -> Gap | None:
        return next((g for g in self.gaps if g.interval.contains(at)), None)


@dataclass(frozen=True)
class EndedBy:
    """What ended an adequacy entry before its time: a judgment (C-311/18) or a repeal."""

    name: str
    date: dt.date
    source: Source

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "date": self.date.isoformat(), "url": self.source.url,
                "source": _source_dict(self.source)}


@dataclass(frozen=True)
class Duty:
    """What an exporter relying on a mechanism must also do (a transfer impact assessment,
    supplementary measures), from a date, with its source."""

    text: str
    interval: Interval
    source: Source

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "valid_from": _iso(self.interval.start),
                "valid_to": _iso(self.interval.end), "source": _source_dict(self.source)}


def _source_dict(source: Source) -> dict[str, Any]:
    return {"title": source.title, "url": source.url, "celex": source.celex,
            "confidence": source.confidence}


@dataclass(frozen=True)
class AdequacyEntry:
    id: str
    regime: str
    destination: str
    scope: str
    kind: str
    interval: Interval
    instrument: str | None
    iri: str | None
    source: Source
    confidence: str
    note: str | None = None
    uncertainty: str | None = None
    eea_efta: EeaEfta | None = None
    ended_by: EndedBy | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
             "kind": self.kind, "id": self.id, "instrument": self.instrument,
             "scope": self.scope, "destination": self.destination,
             "valid_from": _iso(self.interval.start), "valid_to": _iso(self.interval.end),
             "iri": self.iri, "source": _source_dict(self.source),
             "confidence": self.confidence, "note": self.note}
        if self.ended_by is not None:
            d["ended_by"] = self.ended_by.to_dict()
        return d


@dataclass(frozen=True)
class Mechanism:
    id: str
    regime: str
    kind: str
    name: str
    interval: Interval
    source: Source
    confidence: str
    article: str | None = None
    iri: str | None = None
    instrument: str | None = None
    grandfathered_to: dt.date | None = None
    scope: str | None = None
    note: str | None = None
    duties: tuple[Duty, ...] = ()
    eea_efta: EeaEfta | None = None

    def duties_at(self, at: dt.date) -> tuple[Duty, ...]:
        return tuple(d for d in self.duties if d.interval.contains(at))

    def usable(self, at: dt.date, efta: bool = False) -> str | None:
        """``"new"`` if usable for new arrangements on ``at``, ``"grandfathered"`` if only
        existing ones stay valid, else None. ``efta``: for an exporter in IS, LI or NO, whose
        window may differ (``eea_efta``)."""
        interval = self.interval
        if efta and self.eea_efta is not None:
            interval = Interval(self.eea_efta.start or interval.start,
                                self.eea_efta.end or interval.end)
        if interval.contains(at):
            return "new"
        if self.grandfathered_to and interval.end and interval.end < at <= \
                self.grandfathered_to:
            return "grandfathered"
        return None
        if self.interval.contains(at):
            return "new"
        if self.grandfathered_to and self.interval.end and self.interval.end < at <= \
                self.grandfathered_to:
            return "grandfathered"
        return None

    def to_dict(self, at: dt.date | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {
            "kind": self.kind, "id": self.id, "name": self.name,
            "instrument": self.instrument, "scope": self.scope,
            "valid_from": _iso(self.interval.start), "valid_to": _iso(self.interval.end),
            "article": self.article, "iri": self.iri, "source": _source_dict(self.source),
            "confidence": self.confidence,
        }
        if self.grandfathered_to:
            d["grandfathered_to"] = self.grandfathered_to.isoformat()
        if at is not None and self.usable(at) == "grandfathered":
            d["note"] = (f"only contracts concluded before {self.interval.end} remain valid, "
                         f"until {self.grandfathered_to}")
        elif self.note:
            d["note"] = self.note
        duties = self.duties if at is None else self.duties_at(at)
        if duties:
            d["duties"] = [x.to_dict() for x in duties]
        return d


@dataclass(frozen=True)
class Restriction:
    id: str
    regime: str
    destinations: tuple[str, ...]
    scope: str
    kind: str
    interval: Interval
    instrument: str | None
    source: Source
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "scope": self.scope,
                "destinations": list(self.destinations), "instrument": self.instrument,
                "valid_from": _iso(self.interval.start), "valid_to": _iso(self.interval.end),
                "source": _source_dict(self.source), "note": self.note}


@dataclass
class LawModel:
    regimes: dict[str, Regime] = field(default_factory=dict)
    adequacy: dict[str, list[AdequacyEntry]] = field(default_factory=dict)  # by regime
    mechanisms: dict[str, list[Mechanism]] = field(default_factory=dict)  # by regime
    restrictions: dict[str, list[Restriction]] = field(default_factory=dict)  # by regime


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
