"""Change reports and timelines: what :meth:`KnowledgeBase.changes` returns, grouped by (flow,
before → after, cause) with entities named, plus the changes of law that keep the same status
(GB → CN moving from the EU GDPR to the UK GDPR on 2021-01-01); and, per country pair, the
sequence of what allowed a transfer over time (DE → US: Safe Harbor → nothing → Privacy Shield →
nothing → DPF), each step sourced.

Core only: no printing, no HTTP.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from xborder.graph.dates import parse_date
from xborder.graph.errors import XborderError
from xborder.graph.places import place_breakpoints
from xborder.graph.transfers import TransferAnswer, law_breakpoints

if TYPE_CHECKING:
    from xborder.graph.kb import KnowledgeBase

__all__ = ["cause_of", "change_report", "law_changes", "pair_timeline", "report_csv"]


def _entity(kb: KnowledgeBase, ident: str | None) -> dict[str, Any] | None:
    if ident is None:
        return None
    e = kb.model.entities.get(ident)
    return {"id": ident, "name": e.name if e else ident, "country": e.country if e else None}


def _place(kb: KnowledgeBase, code: str | None) -> dict[str, Any] | None:
    if code is None:
        return None
    j = kb.model.jurisdictions.get(code)
    return {"code": code, "name": j.name if j else code}


def cause_of(a1: TransferAnswer | None, a2: TransferAnswer | None) -> dict[str, Any]:
    """Why the answer for one country pair differs between two dates: an instrument ended
    (by a judgment, named), began, the law or the regime changed."""
    if a1 is None or a2 is None:
        return {"kind": "flow", "text": "the leg exists on one date only (the controller or "
                                        "the recipients changed)"}
    ids2 = {a.id for a in a2.adequacy}
    ids1 = {a.id for a in a1.adequacy}
    for e in a1.adequacy:
        if e.id not in ids2:
            if e.ended_by is not None:
                b = e.ended_by
                return {"kind": "judgment", "text": f"{e.instrument} ({e.scope}) ended on "
                        f"{e.interval.end}: {b.name} of {b.date}", "name": b.name,
                        "date": b.date.isoformat(), "url": b.source.url,
                        "instrument": e.instrument}
            return {"kind": "instrument-ended", "text": f"{e.instrument} ended on "
                    f"{e.interval.end}", "instrument": e.instrument, "url": e.source.url,
                    "date": e.interval.end.isoformat() if e.interval.end else None}
    for e in a2.adequacy:
        if e.id not in ids1:
            return {"kind": "instrument-began", "text": f"{e.instrument} ({e.scope}) applies "
                    f"from {e.interval.start}", "instrument": e.instrument, "url": e.source.url,
                    "date": e.interval.start.isoformat() if e.interval.start else None}
    r1 = a1.regime.id if a1.regime else None
    r2 = a2.regime.id if a2.regime else None
    if r1 != r2:
        n1 = a1.regime.name if a1.regime else "no regime"
        n2 = a2.regime.name if a2.regime else "no regime"
        return {"kind": "regime", "text": f"the exporting regime changed: {n1} → {n2}",
                "url": a2.law.source.url if a2.law else None}
    l1 = a1.law.name if a1.law else None
    l2 = a2.law.name if a2.law else None
    if l1 != l2:
        return {"kind": "law", "text": f"the law changed: {l1 or '?'} → {l2 or '?'}",
                "url": a2.law.source.url if a2.law else None}
    return {"kind": "other", "text": a2.explanation}


def _answer(kb: KnowledgeBase, src: str | None, dst: str | None,
            day: dt.date) -> TransferAnswer | None:
    if not src or not dst:
        return None
    return kb.transfer(src, dst, at=day).answer


def law_changes(kb: KnowledgeBase, d1: dt.date, d2: dt.date, org: str,
                service: str | None = None) -> list[dict[str, Any]]:
    """Legs whose status stayed the same while the law or regime deciding it changed."""
    from xborder.graph.network import _services

    out: list[dict[str, Any]] = []
    for svc in _services(kb, org, service):
        for code in kb.jurisdiction_codes():
            try:
                r1 = kb.resolve(code, service=svc, org=org, at=d1)
                r2 = kb.resolve(code, service=svc, org=org, at=d2)
            except XborderError:
                continue
            legs1 = {(x.kind, x.from_code, x.to_code): x for x in r1.legs}
            for leg in r2.legs:
                old = legs1.get((leg.kind, leg.from_code, leg.to_code))
                if old is None or old.transfer is None or leg.transfer is None:
                    continue
                a1, a2 = old.transfer, leg.transfer
                same_law = (a1.law.name if a1.law else None) == (a2.law.name if a2.law else None)
                if a1.status != a2.status or (same_law and a1.regime == a2.regime):
                    continue  # kb.changes reports status changes; nothing else changed
                out.append({"location": code, "service": svc, "what": "law", "leg": leg.kind,
                            "from": leg.from_code, "to": leg.to_code, "before": a1.status,
                            "after": a2.status, "why": a2.explanation})
    return out


def change_report(kb: KnowledgeBase, before: str | dt.date, after: str | dt.date,
                  org: str, service: str | None = None) -> dict[str, Any]:
    """The rows of ``kb.changes`` plus :func:`law_changes`, grouped by (what, flow, before →
    after, cause), with entities, places and services named."""
    d1, d2 = parse_date(before), parse_date(after)
    organisation = kb.organisation(org)
    rows = kb.changes(d1, d2, org=organisation.id, service=service)
    rows = rows + law_changes(kb, d1, d2, organisation.id, service)
    services = {s.id: s.name for s in organisation.services.values()}
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in rows:
        what = r.get("what", "other")
        if what == "controller":
            b, a = _entity(kb, r.get("before")), _entity(kb, r.get("after"))
            srcs = r.get("sources") or {}
            docs = [srcs.get(k) for k in ("before", "after")]
            policy = bool(r.get("policy_change"))
            text = (f"policy version: {docs[0]['version'] if docs[0] else '?'} → "
                    f"{docs[1]['version'] if docs[1] else '?'}" if policy else r.get("why", ""))
            cause = {"kind": "policy" if policy else "controller-rule", "text": text,
                     "url": docs[1]["url"] if docs[1] else None,
                     "quotes": docs}
            key: tuple[Any, ...] = ("controller", r.get("before"), r.get("after"), text)
            flow = None
        elif what in ("transfer", "law"):
            a1 = _answer(kb, r.get("from"), r.get("to"), d1)
            a2 = _answer(kb, r.get("from"), r.get("to"), d2)
            cause = cause_of(a1 if r.get("before") else None, a2 if r.get("after") else None)
            b, a = r.get("before"), r.get("after")
            user_leg = r.get("leg") == "user-to-controller" and what == "transfer"
            flow = {"leg": r.get("leg"),
                    "from": {"code": "users", "name": "Users' places"} if user_leg
                    else _place(kb, r.get("from")), "to": _place(kb, r.get("to"))}
            key = (what, r.get("leg"), None if user_leg else r.get("from"), r.get("to"), b, a,
                   cause["text"])
        else:  # kinds added to kb.changes later (policy versions …): grouped as they come
            b, a = r.get("before"), r.get("after")
            cause = {"kind": what, "text": str(r.get("why") or "")}
            flow = None
            key = (what, str(b), str(a), cause["text"])
        g = groups.get(key)
        if g is None:
            g = groups[key] = {"what": what, "flow": flow, "before": b, "after": a,
                               "cause": cause, "locations": [], "services": []}
        if r.get("location") and r["location"] not in g["locations"]:
            g["locations"].append(r["location"])
        svc = services.get(r.get("service") or "", r.get("service"))
        if svc and svc not in g["services"]:
            g["services"].append(svc)
    ordered = sorted(groups.values(), key=lambda g: (
        {"controller": 0, "transfer": 1, "law": 2}.get(g["what"], 3), -len(g["locations"])))
    for g in ordered:
        g["count"] = len(g["locations"])
    return {"organisation": {"id": organisation.id, "name": organisation.name},
            "service": {"id": service, "name": services.get(service, service)}
            if service else None,
            "before": d1.isoformat(), "after": d2.isoformat(), "rows": len(rows),
            "groups": ordered}


def _label(v: Any) -> str:
    if isinstance(v, dict):
        return f"{v['name']}" + (f" ({v['country']})" if v.get("country") else "")
    return "—" if v is None else str(v)


def report_csv(report: dict[str, Any]) -> str:
    """One line per group of the report."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["what", "from", "to", "before", "after", "cause", "cause_url", "count",
                "locations", "services"])
    for g in report["groups"]:
        flow = g.get("flow") or {}
        w.writerow([g["what"], (flow.get("from") or {}).get("code", ""),
                    (flow.get("to") or {}).get("code", ""), _label(g["before"]),
                    _label(g["after"]), g["cause"]["text"], g["cause"].get("url") or "",
                    g["count"], " ".join(g["locations"]), "; ".join(g["services"])])
    return buf.getvalue()


def _step_key(a: TransferAnswer) -> tuple[Any, ...]:
    return (a.status, tuple(e.id for e in a.adequacy), a.regime.id if a.regime else None,
            a.law.name if a.law else None)


def pair_timeline(kb: KnowledgeBase, src: str, dst: str, start: str | dt.date = "1995-01-01",
                  end: str | dt.date | None = None) -> list[dict[str, Any]]:
    """What allowed a transfer from ``src`` to ``dst`` over time: one step per period with the
    same status, adequacy instruments and law; each step names its basis and its sources."""
    a_code = kb.parse_location(src).code
    b_code = kb.parse_location(dst).code
    d0, d9 = parse_date(start), parse_date(end)
    points = law_breakpoints(kb.law) | place_breakpoints(kb.model, a_code) | \
        place_breakpoints(kb.model, b_code)
    days = sorted({d0} | {p for p in points if d0 < p <= d9})
    steps: list[dict[str, Any]] = []
    last: tuple[Any, ...] | None = None
    for day in days:
        a = kb.transfer(a_code, b_code, at=day).answer
        key = _step_key(a)
        if key == last:
            continue
        if steps:
            steps[-1]["to"] = (day - dt.timedelta(days=1)).isoformat()
        last = key
        basis = ("; ".join(f"{e.instrument} ({e.scope})" for e in a.adequacy) if a.adequacy
                 else {"same-area": "same area", "no-general-restriction":
                       "no general restriction", "safeguards-required":
                       "nothing: safeguards (SCCs, BCRs …) needed",
                       "unknown": "not known"}.get(a.status, a.status))
        sources = [{"title": e.source.title, "url": e.source.url} for e in a.adequacy]
        if a.law is not None:
            sources.append({"title": a.law.source.title, "url": a.law.source.url})
        step: dict[str, Any] = {"from": day.isoformat(), "to": None, "status": a.status,
                                "basis": basis, "law": a.law.name if a.law else None,
                                "regime": a.regime.id if a.regime else None,
                                "sources": sources}
        ended = [e.ended_by.to_dict() for e in a.adequacy if e.ended_by]
        if ended:
            step["ended_by"] = ended[0]
        steps.append(step)
    return steps


def timelines(kb: KnowledgeBase, pairs: list[tuple[str, str]],
              start: str | dt.date = "1995-01-01") -> dict[str, list[dict[str, Any]]]:
    """:func:`pair_timeline` for several pairs, keyed ``"DE→US"``."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for a, b in pairs:
        out[f"{a}→{b}"] = pair_timeline(kb, a, b, start)
    return dict(out)
