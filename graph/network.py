"""Views over many answers at once: "what changed" between two dates, and the transfer network
as a networkx graph (jurisdictions and entities as nodes, evaluated legs as edges).

A view asks the core object's public questions only (:class:`Answers`, which
:class:`~xborder.graph.kb.KnowledgeBase` provides); it does not import the core, so the core can
offer the views as methods without an import cycle. networkx is imported when a network is built.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from xborder.graph.dates import parse_date
from xborder.graph.errors import NoApplicableRule, XborderInputError

if TYPE_CHECKING:
    import networkx as nx

    from xborder.graph.model import Organisation, Service
    from xborder.graph.resolution import Resolution

__all__ = ["Answers", "changes", "organisations_at", "transfer_network"]


class Answers(Protocol):
    """What the views ask of a knowledge base."""

    def resolve(self, location: str, service: str | None = None, org: str | None = None,
                at: str | dt.date | None = None, *, transfers: bool = True) -> Resolution: ...

    def organisation_for(self, org: str | None, service: str | None) -> Organisation: ...

    def service(self, org: Organisation, service: str | None) -> Service | None: ...

    def jurisdiction_codes(self) -> list[str]: ...

    def organisation(self, org: str | None = None) -> Organisation: ...

    def organisations(self) -> list[Organisation]: ...

    def parse_location(self, location: str) -> Any: ...


def _resolve(kb: Answers, code: str, service: str | None, org: str,
             at: dt.date) -> Resolution | None:
    try:
        return kb.resolve(code, service=service, org=org, at=at)
    except NoApplicableRule:
        return None


def _services(kb: Answers, org: str, service: str | None) -> list[str | None]:
    organisation = kb.organisation_for(org, service)
    if service is not None:
        svc = kb.service(organisation, service)
        return [svc.id if svc else None]
    return [None, *organisation.services]


def _source(r: Resolution | None) -> dict[str, Any] | None:
    """The policy sentence behind an answer: document, version, section, quote and URL."""
    if r is None:
        return None
    rule = r.rule
    doc = rule.citation.document
    return {**rule.citation.to_dict(), "document": doc.id, "title": doc.title,
            "version": doc.version, "rule": rule.id, "controller": r.controller.id,
            "controller_name": r.controller.name}


def _policy_change(r1: Resolution | None, r2: Resolution | None) -> bool:
    """Whether the answers come from different versions of the organisation's policy."""
    if r1 is None or r2 is None:
        return r1 is not r2
    return r1.rule.citation.document.id != r2.rule.citation.document.id


def changes(kb: Answers, before: str | dt.date, after: str | dt.date,
            org: str | None = None, service: str | None = None) -> list[dict[str, Any]]:
    """Every (location, service) whose controller or any transfer leg's status differs between
    ``before`` and ``after`` — the impact report for a legal change."""
    d1, d2 = parse_date(before), parse_date(after)
    organisation = kb.organisation_for(org, service)
    out: list[dict[str, Any]] = []
    for svc in _services(kb, organisation.id, service):
        for code in kb.jurisdiction_codes():
            r1 = _resolve(kb, code, svc, organisation.id, d1)
            r2 = _resolve(kb, code, svc, organisation.id, d2)
            base = {"location": code, "service": svc}
            c1 = r1.controller.id if r1 else None
            c2 = r2.controller.id if r2 else None
            if c1 != c2:
                out.append({**base, "what": "controller", "before": c1, "after": c2,
                            "why": r2.answer.explanation if r2 else "no rule in force",
                            "policy_change": _policy_change(r1, r2),
                            "sources": {"before": _source(r1), "after": _source(r2)}})
            legs1 = {(leg.kind, leg.from_code, leg.to_code): leg for leg in
                     (r1.legs if r1 else ())}
            legs2 = {(leg.kind, leg.from_code, leg.to_code): leg for leg in
                     (r2.legs if r2 else ())}
            for key in sorted(set(legs1) | set(legs2), key=str):
                s1 = legs1[key].status if key in legs1 else None
                s2 = legs2[key].status if key in legs2 else None
                if s1 != s2:
                    leg = legs2.get(key) or legs1[key]
                    out.append({**base, "what": "transfer", "leg": key[0], "from": key[1],
                                "to": key[2], "before": s1, "after": s2,
                                "why": leg.transfer.explanation if leg.transfer else leg.note})
    return out


def transfer_network(kb: Answers, at: str | dt.date | None = None,
                     org: str | None = None, service: str | None = None,
                     locations: list[str] | None = None) -> nx.MultiDiGraph:
    """Users' jurisdictions → controllers → recipients' jurisdictions, one edge per evaluated
    leg, with ``status``, ``regime``, ``mechanisms`` and ``explanation`` as edge attributes."""
    import networkx as nx

    day = parse_date(at)
    organisation = kb.organisation_for(org, service)
    g: nx.MultiDiGraph = nx.MultiDiGraph(organisation=organisation.id, at=day.isoformat())
    codes = locations or kb.jurisdiction_codes()
    for code in codes:
        r = _resolve(kb, code, service, organisation.id, day)
        if r is None:
            continue
        user = f"user:{r.answer.code}"
        g.add_node(user, kind="user-location", code=r.answer.code, name=r.answer.name)
        ctrl = r.controller
        g.add_node(f"entity:{ctrl.id}", kind="controller", name=ctrl.name, country=ctrl.country)
        for leg in r.legs:
            attrs = {"status": leg.status, "leg": leg.kind,
                     "regime": leg.transfer.regime.id if leg.transfer and leg.transfer.regime
                     else None,
                     "mechanisms": [a.instrument for a in leg.transfer.adequacy] +
                                   [m.name for m in leg.transfer.safeguards[:3]]
                     if leg.transfer else [],
                     "explanation": leg.transfer.explanation if leg.transfer else leg.note}
            if leg.kind == "user-to-controller":
                g.add_edge(user, f"entity:{ctrl.id}", key=f"{code}:user", **attrs)
                continue
            assert leg.recipient is not None
            target = f"place:{leg.to_code}" if leg.to_code else f"recipients:{leg.recipient.id}"
            if not g.has_node(target):
                g.add_node(target, kind="recipient", name=leg.recipient.name,
                           code=leg.to_code, recipient=leg.recipient.kind)
            g.add_edge(f"entity:{ctrl.id}", target, key=f"{ctrl.id}:{leg.recipient.id}",
                       recipient=leg.recipient.name, **attrs)
    return g


def organisations_at(kb: Answers, location: str, at: str | dt.date | None = None,
                     orgs: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """For a user in ``location`` on ``at``: who controls their data at each organisation (all,
    or ``orgs``), per service where the answer depends on it. An organisation whose policy names
    no controller for that place and date says so in ``error``."""
    chosen = [kb.organisation(o) for o in orgs] if orgs else kb.organisations()
    kb.parse_location(location)  # an unknown or ambiguous place is one error, not many
    rows: list[dict[str, Any]] = []
    for org in chosen:
        answers: list[dict[str, Any]] = []
        errors: list[str] = []
        for svc in (None, *org.services.values()):
            try:
                r = kb.resolve(location, service=svc.id if svc else None, org=org.id, at=at,
                               transfers=False)
            except XborderInputError as exc:
                errors.append(exc.detail)
                continue
            body = r.to_dict()
            answers.append({"service": svc.id if svc else None,
                            "service_name": svc.name if svc else None,
                            "controller": body["controller"], "rule": body.get("rule"),
                            "policy": body.get("policy"), "caveats": body["caveats"]})
        distinct = {a["controller"]["id"] for a in answers if "controller" in a}
        rows.append({"organisation": {"id": org.id, "name": org.name},
                     "depends_on_service": len(distinct) > 1,
                     "answers": answers or [{"service": None, "error": errors[0]}]})
    return rows
