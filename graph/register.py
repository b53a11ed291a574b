"""The transfer register: one row per leg of an organisation's data flows on a date — the user's
leg to the controller (one per user location) and each controller's legs to the recipients its
policy names (one per controller, recipient and destination) — flat enough for a spreadsheet.

The rows feed the CSV and JSON exports, the GraphML export and the transfer maps; this module
knows nothing of HTTP, terminals or pyvis.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx

from xborder.graph.basis import plain_line
from xborder.graph.dates import parse_date
from xborder.graph.errors import NoApplicableRule
from xborder.graph.flows import stated_at

if TYPE_CHECKING:
    from xborder.graph.flows import Leg
    from xborder.graph.kb import KnowledgeBase
    from xborder.graph.model import Citation

__all__ = ["REGISTER_FIELDS", "RegisterRow", "register_csv", "register_graph",
           "register_graphml", "service_ids", "transfer_register"]

REGISTER_FIELDS = (
    "at", "organisation", "service", "leg", "from", "from_name", "to", "to_name", "controller",
    "controller_id", "controller_country", "recipient", "recipient_id", "status", "regime",
    "mechanism", "instrument", "scope", "valid_from", "valid_to", "confidence", "source",
    "source_section", "source_quote", "source_url", "legal_source", "plain", "explanation",
    "caveats", "gap",
)
_JOIN = "; "
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class RegisterRow:
    """One leg. ``location`` is the user's jurisdiction for a user-to-controller leg and None
    for a controller's leg to a recipient (the same for every user that controller serves)."""

    at: dt.date
    organisation_id: str
    organisation: str
    service_id: str | None
    service: str
    leg: str
    location: str | None
    from_code: str
    from_name: str
    to_code: str | None
    to_name: str
    controller_id: str
    controller: str
    controller_country: str
    recipient_id: str | None
    recipient: str
    recipient_kind: str | None
    status: str
    regime: str | None
    mechanisms: tuple[dict[str, Any], ...]
    explanation: str
    citation: dict[str, str | None]
    legal_sources: tuple[str, ...]
    gap: str | None
    plain: str = ""  # one sentence a privacy team can act on (graph.basis.plain_line)
    caveats: tuple[str, ...] = ()
    confidence: str | None = None  # the weakest confidence among the sources the leg rests on

    @property
    def key(self) -> tuple[str | None, ...]:
        """What identifies this leg across dates (its status may differ)."""
        if self.location is not None:
            return (self.service_id, "user", self.location)
        return (self.service_id, self.controller_id, self.recipient_id, self.to_code)

    def flat(self) -> dict[str, str]:
        """The row as :data:`REGISTER_FIELDS` → text (lists joined with ``"; "``, aligned)."""
        m = self.mechanisms
        values: dict[str, str | None] = {
            "at": self.at.isoformat(), "organisation": self.organisation,
            "service": self.service, "leg": self.leg, "from": self.from_code,
            "from_name": self.from_name, "to": self.to_code, "to_name": self.to_name,
            "controller": self.controller, "controller_id": self.controller_id,
            "controller_country": self.controller_country, "recipient": self.recipient,
            "recipient_id": self.recipient_id, "status": self.status, "regime": self.regime,
            "mechanism": _JOIN.join(x["kind"] for x in m),
            "instrument": _JOIN.join(x["instrument"] or x["name"] or "" for x in m),
            "scope": _JOIN.join(x.get("scope") or "" for x in m),
            "confidence": self.confidence,
            "plain": self.plain,
            "caveats": _JOIN.join(self.caveats),
            "valid_from": _JOIN.join(x["valid_from"] or "" for x in m),
            "valid_to": _JOIN.join(x["valid_to"] or "" for x in m),
            "source": self.citation.get("document"),
            "source_section": self.citation.get("section"),
            "source_quote": self.citation.get("quote"),
            "source_url": self.citation.get("url"),
            "legal_source": _JOIN.join(self.legal_sources),
            "explanation": self.explanation, "gap": self.gap,
        }
        return {k: values[k] or "" for k in REGISTER_FIELDS}

    def to_dict(self) -> dict[str, Any]:
        """The row for JSON: the flat fields plus the structured mechanisms and user location."""
        return {**self.flat(), "location": self.location, "service_id": self.service_id,
                "organisation_id": self.organisation_id, "recipient_kind": self.recipient_kind,
                "mechanisms": [dict(x) for x in self.mechanisms]}


def service_ids(kb: KnowledgeBase, org: str | None, service: str | None) -> list[str | None]:
    """The services a register or map covers: the one named, else all of the organisation's."""
    organisation = kb.organisation_for(org, service)
    if service is not None and service.strip():
        svc = kb.service(organisation, service)
        return [svc.id if svc else None]
    named: list[str | None] = list(sorted(organisation.services))
    return named or [None]


def _mechanisms(leg: Leg, at: dt.date) -> tuple[dict[str, Any], ...]:
    t = leg.transfer
    if t is None:
        return ()
    out = [{"kind": a.kind, "name": None, "instrument": a.instrument, "scope": a.scope,
            "valid_from": _iso(a.interval.start), "valid_to": _iso(a.interval.end),
            "source": a.source.celex or a.source.url} for a in t.adequacy]
    for m in t.safeguards:
        d = m.to_dict(at)
        out.append({"kind": m.kind, "name": m.name, "instrument": m.instrument,
                    "scope": m.scope, "valid_from": d["valid_from"],
                    "valid_to": d.get("grandfathered_to") if m.usable(at) == "grandfathered"
                    else d["valid_to"], "source": m.source.celex or m.source.url})
    return tuple(out)


def _legal_sources(leg: Leg, mechanisms: Sequence[dict[str, Any]]) -> tuple[str, ...]:
    t = leg.transfer
    found = [str(m["source"]) for m in mechanisms if m.get("source")]
    if t is not None and t.law is not None:
        found.insert(0, t.law.source.celex or t.law.source.url)
    return tuple(dict.fromkeys(found))


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _citation(c: Citation) -> dict[str, str | None]:
    return c.to_dict()


def transfer_register(kb: KnowledgeBase, at: str | dt.date | None = None,
                      org: str | None = None, service: str | None = None,
                      locations: Iterable[str] | None = None) -> list[RegisterRow]:
    """Every leg of the organisation's flows on ``at`` for the services (default: all of them)
    and user locations (default: every jurisdiction). Raises :class:`NoApplicableRule` when no
    rule of the organisation is in force for any of them on that date."""
    day = parse_date(at)
    organisation = kb.organisation_for(org, service)
    services = service_ids(kb, organisation.id, service)
    codes = ([kb.parse_location(x).code for x in locations] if locations is not None
             else kb.jurisdiction_codes())
    names = {c: j.name for c, j in kb.model.jurisdictions.items()}
    rows: list[RegisterRow] = []
    seen: set[tuple[str | None, ...]] = set()
    claims = {c.kind for c in stated_at(organisation, day)[1]}
    for svc_id in services:
        svc = organisation.services.get(svc_id) if svc_id else None
        for code in dict.fromkeys(codes):
            try:
                r = kb.resolve(code, service=svc_id, org=organisation.id, at=day)
            except NoApplicableRule:
                continue
            ctrl = r.controller
            for leg in r.legs:
                user = leg.kind == "user-to-controller"
                rec = leg.recipient
                mechanisms = _mechanisms(leg, day)
                row = RegisterRow(
                    day, organisation.id, organisation.name, svc_id,
                    svc.name if svc else "", leg.kind, r.answer.code if user else None,
                    leg.from_code, names.get(leg.from_code, leg.from_code), leg.to_code,
                    names.get(leg.to_code, leg.to_code) if leg.to_code else "",
                    ctrl.id, ctrl.name, ctrl.country,
                    rec.id if rec else None, rec.name if rec else "", rec.kind if rec else None,
                    leg.status,
                    leg.transfer.regime.id if leg.transfer and leg.transfer.regime else None,
                    mechanisms,
                    leg.transfer.explanation if leg.transfer else leg.note,
                    _citation(r.rule.citation if user or rec is None else rec.citation),
                    _legal_sources(leg, mechanisms), leg.gap(),
                    plain_line(leg.transfer,
                               names.get(leg.to_code, leg.to_code) if leg.to_code else None,
                               claims, day),
                    tuple(leg.transfer.caveats) if leg.transfer else (),
                    leg.transfer.coverage()["confidence"] if leg.transfer else None)
                if row.key in seen:
                    continue
                seen.add(row.key)
                rows.append(row)
    if not rows:
        raise NoApplicableRule(
            f"no rule of {organisation.name} is in force on {day.isoformat()} for the "
            "services and locations asked", at=day.isoformat())
    return rows


def _cell(value: str) -> str:
    """Spreadsheets run cells that start like a formula: make them text."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def register_csv(rows: Iterable[RegisterRow]) -> str:
    """RFC 4180 CSV (CRLF line ends) with a header row of :data:`REGISTER_FIELDS`."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(REGISTER_FIELDS)
    for row in rows:
        flat = row.flat()
        writer.writerow([_cell(flat[k]) for k in REGISTER_FIELDS])
    return out.getvalue()


def _node_ids(row: RegisterRow) -> tuple[str, str]:
    if row.location is not None:
        return f"user:{row.location}", f"entity:{row.controller_id}"
    target = (f"recipient:{row.recipient_id}@{row.to_code}" if row.to_code
              else f"recipient:{row.recipient_id}")
    return f"entity:{row.controller_id}", target


def register_graph(rows: Iterable[RegisterRow]) -> nx.MultiDiGraph:
    """The register as a networkx graph: user locations, controllers and recipients as nodes,
    one edge per row with the flat fields as text attributes (GraphML-ready)."""
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    for row in rows:
        src, dst = _node_ids(row)
        if row.location is not None:
            g.add_node(src, kind="user-location", code=row.location, name=row.from_name)
        if not g.has_node(f"entity:{row.controller_id}"):
            g.add_node(f"entity:{row.controller_id}", kind="controller", name=row.controller,
                       code=row.controller_country)
        if row.location is None and not g.has_node(dst):
            g.add_node(dst, kind="recipient", name=row.recipient, code=row.to_code or "",
                       recipient=row.recipient_kind or "")
        attrs = {k: v for k, v in row.flat().items() if k not in ("from", "to")}
        g.add_edge(src, dst, key="|".join(str(k) for k in row.key), label=row.status,
                   from_code=row.from_code, to_code=row.to_code or "", **attrs)
    return g


def register_graphml(rows: Iterable[RegisterRow]) -> str:
    """GraphML (for Gephi, yEd, Cytoscape) of :func:`register_graph`."""
    lines = nx.generate_graphml(register_graph(rows), prettyprint=True)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + "\n".join(lines) + "\n"
