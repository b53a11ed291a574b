"""What each transfer answer rests on, said so a privacy team can act on it: the instruments
(name, CELEX number, link, scope limit, validity window, confidence, duties), what ended the
last one that covered the destination (a judgment, with its date), and one plain-language line
("May go to China only under SCCs or BCRs; the policy names neither").

Core only: plain data in, plain data out; the CLI text, the page and the maps render it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from xborder.graph.dates import parse_date
from xborder.graph.law import AdequacyEntry, Mechanism
from xborder.graph.transfers import TransferAnswer

if TYPE_CHECKING:
    from xborder.graph.kb import KnowledgeBase

__all__ = ["SHORT", "answer_basis", "ended_before", "leg_bases", "per_service", "plain_line"]

SHORT = {"scc": "SCCs", "bcr": "BCRs", "code-of-conduct": "an approved code of conduct",
         "certification": "a certification", "ad-hoc-clauses": "authorised ad-hoc clauses",
         "consent": "consent", "standard-clauses": "standard clauses",
         "other": "another listed route"}


def _window(start: dt.date | None, end: dt.date | None) -> str:
    return f"{start or '…'} to {end or 'now'}"


def _instrument(x: AdequacyEntry | Mechanism, at: dt.date) -> dict[str, Any]:
    name = x.instrument or (x.name if isinstance(x, Mechanism) else x.id)
    d: dict[str, Any] = {
        "id": x.id, "kind": x.kind, "name": name,
        "celex": x.source.celex, "url": x.source.url, "source": x.source.title,
        "scope": x.scope if x.scope and x.scope != "all" else None,
        "valid_from": x.interval.start.isoformat() if x.interval.start else None,
        "valid_to": x.interval.end.isoformat() if x.interval.end else None,
        "window": _window(x.interval.start, x.interval.end),
        "confidence": x.confidence,
    }
    if isinstance(x, Mechanism):
        if x.usable(at) == "grandfathered":
            d["note"] = f"only contracts concluded before {x.interval.end}, until " \
                        f"{x.grandfathered_to}"
        d["duties"] = [duty.to_dict() for duty in x.duties_at(at)]
    elif x.ended_by is not None:
        d["ended_by"] = x.ended_by.to_dict()
    return d


def ended_before(kb: KnowledgeBase, answer: TransferAnswer, at: dt.date) -> dict[str, Any] | None:
    """The latest adequacy entry that covered this destination before ``at`` and was ended by
    a judgment or act — said only when nothing covers the destination now."""
    if answer.regime is None or answer.adequacy:
        return None
    latest: AdequacyEntry | None = None
    for e in kb.law.adequacy.get(answer.regime.id, []):
        end = e.interval.end
        if e.ended_by is None or end is None or end >= at:
            continue
        if latest is not None and latest.interval.end and latest.interval.end >= end:
            continue
        earlier = kb.transfer(answer.from_code, answer.to_code, at=end).answer
        if any(a.id == e.id for a in earlier.adequacy):
            latest = e
    if latest is None or latest.ended_by is None:
        return None
    end_by = latest.ended_by
    return {"id": latest.id, "instrument": latest.instrument, "scope": latest.scope,
            "last_day": latest.interval.end.isoformat() if latest.interval.end else None,
            "ended_by": end_by.to_dict(),
            "text": f"{latest.instrument} ({latest.scope}) ended on {latest.interval.end}, the "
                    f"day before {end_by.name} of {end_by.date}"}


def _kinds(answer: TransferAnswer) -> list[str]:
    return list(dict.fromkeys(m.kind for m in answer.safeguards))


def _or(words: list[str]) -> str:
    if not words:
        return "a derogation for occasional transfers"
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def plain_line(answer: TransferAnswer | None, to_name: str | None, claims: set[str] | None,
               at: dt.date) -> str:
    """One sentence a privacy team can act on."""
    if answer is None:
        return ("The policy does not say where these recipients are: each destination must be "
                "checked on its own.")
    dest = to_name or answer.names[1]
    kinds = _kinds(answer)
    routes = [SHORT[k] for k in ("scc", "bcr") if k in kinds]
    if len(routes) < len(kinds):
        routes.append("another listed safeguard" if routes else SHORT[kinds[0]])
    policy = ""
    if claims is not None:
        named = [SHORT[k] for k in ("scc", "bcr") if k in claims]
        policy = ("; the policy names " + " and ".join(named) if named else
                  "; the policy names neither" if len(routes) == 2 else "; the policy names none")
        if "consent" in claims and answer.status in ("safeguards-required", "adequacy"):
            policy += " (the consent it asks for covers occasional transfers only)"
    duties = [d for m in answer.safeguards for d in m.duties_at(at)]
    tia = "; each needs a transfer impact assessment (C-311/18)" if duties else ""
    if answer.status == "same-area":
        return f"Free to go to {dest}: no transfer restriction applies between the two."
    if answer.status == "no-general-restriction":
        hits = len(answer.restrictions)
        return (f"May go to {dest}: the exporter's law imposes no general restriction"
                + (f", but {hits} targeted rule(s) apply" if hits else "") + ".")
    if answer.status == "adequacy":
        e = answer.adequacy[0]
        if e.scope.strip().lower() == "all" or not routes:
            return f"May go to {dest} under {e.instrument}."
        return (f"May go to {dest} under {e.instrument} only to {e.scope}; other recipients "
                f"need {_or(routes)}{policy}{tia}.")
    if answer.status == "safeguards-required":
        return f"May go to {dest} only under {_or(routes)}{policy}{tia}."
    return f"Not known for {dest}: {answer.explanation}."


def answer_basis(kb: KnowledgeBase, answer: TransferAnswer, at: dt.date,
                 claims: set[str] | None = None, to_name: str | None = None) -> dict[str, Any]:
    """The instruments an answer rests on, grouped (adequacy, then safeguards by kind, then a
    count of derogations), what ended the last decision, the duties, and the plain line."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for m in answer.safeguards:
        groups.setdefault(m.kind, []).append(_instrument(m, at))
    duties: dict[str, dict[str, Any]] = {}
    for m in answer.safeguards:
        for x in m.duties_at(at):
            entry = duties.setdefault(x.text, {**x.to_dict(), "applies_to": []})
            if SHORT.get(m.kind, m.kind) not in entry["applies_to"]:
                entry["applies_to"].append(SHORT.get(m.kind, m.kind))
    coverage = answer.coverage()
    return {
        "status": answer.status,
        "plain": plain_line(answer, to_name, claims, at),
        "regime": answer.regime.name if answer.regime else None,
        "law": answer.law.name if answer.law else None,
        "authority": answer.regime.authority.to_dict()
        if answer.regime and answer.regime.authority else None,
        "adequacy": [_instrument(a, at) for a in answer.adequacy],
        "safeguards": [{"kind": k, "label": SHORT.get(k, k), "instruments": v}
                       for k, v in groups.items()],
        "derogations": len(answer.derogations),
        "out_of_scope": len(answer.out_of_scope),
        "ended": ended_before(kb, answer, at),
        "duties": list(duties.values()),
        "confidence": coverage["confidence"],
        "caveats": list(answer.caveats),
    }


def leg_bases(kb: KnowledgeBase, resolution: dict[str, Any]) -> list[dict[str, Any] | None]:
    """For each leg of a resolution (``Resolution.to_dict()``), its :func:`answer_basis` (None
    for a leg whose destination the policy does not name)."""
    at = parse_date(resolution["at"])
    names = {c: j.name for c, j in kb.model.jurisdictions.items()}
    out: list[dict[str, Any] | None] = []
    for leg in resolution.get("transfers") or []:
        claims = {c["kind"] for c in leg.get("policy_claims") or []}
        if not leg.get("to"):
            out.append({"status": "unknown", "plain": plain_line(None, None, claims, at),
                        "adequacy": [], "safeguards": [], "derogations": 0, "out_of_scope": 0,
                        "ended": None, "duties": [], "confidence": None, "caveats": [],
                        "regime": None, "law": None, "authority": None})
            continue
        answer = kb.transfer(leg["from"], leg["to"], at=at).answer
        out.append(answer_basis(kb, answer, at, claims, names.get(leg["to"], leg["to"])))
    return out


def per_service(kb: KnowledgeBase, location: str, org: str, at: str | dt.date | None
                ) -> list[dict[str, Any]]:
    """The controller for each of the organisation's services (for an answer asked without
    one); services whose answer fails (no rule in force) say why."""
    from xborder.graph.errors import XborderError

    organisation = kb.organisation(org)
    rows: list[dict[str, Any]] = []
    for svc in sorted(organisation.services.values(), key=lambda s: s.name):
        try:
            r = kb.resolve(location, service=svc.id, org=organisation.id, at=at).to_dict()
        except XborderError as exc:
            rows.append({"service": {"id": svc.id, "name": svc.name}, "controller": None,
                         "problem": str(exc)})
            continue
        rows.append({"service": {"id": svc.id, "name": svc.name},
                     "controller": r["controller"], "rule": r["rule"]})
    return rows
