"""The legs of a data flow: user → controller's establishment → the recipients the policy names,
each evaluated as a transfer, beside what the policy itself claims (consent, anonymisation …)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from xborder.graph.dates import Interval
from xborder.graph.model import Entity, Organisation, Recipient, SafeguardClaim
from xborder.graph.transfers import TransferAnswer

__all__ = ["Leg", "flow_legs", "stated_at"]

Lookup = Callable[[str, str, dt.date], TransferAnswer]

CLAIM_MEANING = {
    "consent": "consent is a derogation for occasional transfers (GDPR Art. 49(1)(a); Directive "
               "95/46 Art. 26(1)(a) before 2018-05-25), not a safeguard for regular ones",
    "anonymisation": "anonymised data is outside the law's scope, but only if no one can "
                     "re-identify it",
    "adequate-protection": "a promise of 'adequate protection' is not itself a transfer tool",
}


@dataclass(frozen=True)
class Leg:
    kind: str  # user-to-controller | controller-to-recipient
    from_code: str
    to_code: str | None
    transfer: TransferAnswer | None
    recipient: Recipient | None
    claims: tuple[SafeguardClaim, ...]
    note: str = ""

    @property
    def status(self) -> str:
        return self.transfer.status if self.transfer else "unknown"

    def gap(self) -> str | None:
        if self.status not in ("safeguards-required", "unknown") and not (
                self.status == "adequacy" and self.transfer and self.transfer.safeguards):
            return None
        if not self.claims:
            return "The policy claims no safeguard for this transfer."
        kinds = sorted({c.kind for c in self.claims})
        named = [k for k in kinds if k in ("scc", "bcr")]
        parts = [CLAIM_MEANING[k] for k in kinds if k in CLAIM_MEANING]
        text = f"The policy claims {', '.join(kinds)}"
        if not named:
            text += " but names no standard contractual clauses or binding corporate rules"
        return text + ("; " + "; ".join(parts) if parts else "") + "."

    def to_dict(self, at: dt.date | None = None) -> dict[str, Any]:
        """The leg as JSON; it does not depend on the day asked (a fresh copy each call)."""
        return dict(self._dict)

    @cached_property
    def _dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"leg": self.kind, "from": self.from_code, "to": self.to_code}
        if self.recipient is not None:
            r = self.recipient
            d["recipient"] = {"id": r.id, "kind": r.kind, "name": r.name,
                              "entities": list(r.entities), "location_basis": r.location_basis,
                              "source": r.citation.to_dict()}
        t = self.transfer
        if t is not None:
            mechanisms = [_brief(a.kind, a.instrument, a.scope, a.interval)
                          for a in t.adequacy]
            mechanisms += [_brief(m.kind, m.instrument, m.scope, m.interval)
                           for m in t.safeguards]
            d.update(status=t.status, regime=t.regime.id if t.regime else None,
                     mechanisms=mechanisms, explanation=t.explanation, caveats=list(t.caveats))
        else:
            d.update(status="unknown", regime=None, mechanisms=[], explanation=self.note,
                     caveats=[])
        d["policy_claims"] = [{"kind": c.kind, "name": c.name, "section": c.citation.section,
                               "quote": c.citation.quote} for c in self.claims]
        d["gap"] = self.gap()
        return d


def _brief(kind: str, instrument: str | None, scope: str | None,
           interval: Interval) -> dict[str, Any]:
    return {"kind": kind, "instrument": instrument, "scope": scope,
            "valid_from": interval.start.isoformat() if interval.start else None,
            "valid_to": interval.end.isoformat() if interval.end else None}


def stated_at(org: Organisation, at: dt.date
              ) -> tuple[tuple[Recipient, ...], tuple[SafeguardClaim, ...]]:
    """The recipient and safeguard clauses of ``org``'s policy versions in force on ``at``: a
    clause is what its own version says, and does not carry into the versions after it."""
    return (tuple(r for r in org.recipients if r.citation.document.in_force.contains(at)),
            tuple(c for c in org.safeguards if c.citation.document.in_force.contains(at)))


def flow_legs(org: Organisation, controller: Entity, user_code: str, at: dt.date,
              lookup: Lookup) -> tuple[Leg, ...]:
    recipients, claims = stated_at(org, at)
    home = controller.country
    legs = [Leg("user-to-controller", user_code, home, lookup(user_code, home, at), None, claims,
                f"user in {user_code} → {controller.name} ({home})")]
    for r in recipients:
        places = [p for p in r.locations if p != "*"]
        if "*" in r.locations or not places:
            note = (r.location_basis.rstrip(".") if r.location_basis else
                    "The policy does not say where these recipients are")
            legs.append(Leg("controller-to-recipient", home, None, None, r, claims,
                            note + "; evaluate each destination with `transfers`."))
        for place in places:
            if place == home:
                continue
            legs.append(Leg("controller-to-recipient", home, place, lookup(home, place, at), r,
                            claims))
    return tuple(legs)
