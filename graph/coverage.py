"""What the knowledge base knows of each transfer regime, and for which period: its laws (and
whether each restricts transfers), its area, how many adequacy entries, mechanisms and targeted
rules are encoded, how confident their sources are, and the periods known to be missing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from xborder.graph.dates import Interval
from xborder.graph.law import LawModel, Regime

__all__ = ["regime_coverage", "regimes_coverage"]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _valid(interval: Interval) -> dict[str, str | None]:
    return {"from": _iso(interval.start), "to": _iso(interval.end)}


def _period(regime: Regime) -> dict[str, str | None]:
    """From the first law (or area entry) to the last, open-ended when one still applies."""
    spans = [law.interval for law in regime.laws] or [a.interval for a in regime.areas]
    starts = [s.start for s in spans]
    ends = [s.end for s in spans]
    return {"from": None if None in starts else _iso(min(d for d in starts if d)),
            "to": None if None in ends else _iso(max(d for d in ends if d))}


def regime_coverage(law: LawModel, regime: Regime) -> dict[str, Any]:
    adequacy = law.adequacy.get(regime.id, [])
    mechanisms = law.mechanisms.get(regime.id, [])
    restrictions = law.restrictions.get(regime.id, [])
    confidence = Counter([*(a.confidence for a in adequacy), *(m.confidence for m in mechanisms),
                          *(r.source.confidence for r in restrictions)])
    missing = [{"valid": _valid(g.interval), "missing": g.missing,
                "source": {"title": g.source.title, "url": g.source.url}}
               for g in regime.gaps]
    efta_unconfirmed = [a.id for a in adequacy if a.eea_efta is None
                        and a.kind != "not-a-transfer"] if regime.id == "EU" else []
    return {
        "id": regime.id,
        "name": regime.name,
        "authority": regime.authority.to_dict() if regime.authority else None,
        "period": _period(regime),
        "laws": [{"name": x.name, "valid": _valid(x.interval),
                  "general_restriction": (x.restricts if x.restricts is not None
                                          else regime.general_restriction),
                  "confidence": x.source.confidence} for x in regime.laws],
        "area": sorted({a.place for a in regime.areas}),
        "adequacy_entries": len(adequacy),
        "mechanisms": dict(sorted(Counter(m.kind for m in mechanisms).items())),
        "restrictions": len(restrictions),
        "confidence": dict(sorted(confidence.items())),
        "not_encoded": missing,
        "eea_efta_unconfirmed": efta_unconfirmed,
        "note": regime.note,
    }


def regimes_coverage(law: LawModel) -> list[dict[str, Any]]:
    """Every regime's coverage, ordered by id."""
    return [regime_coverage(law, law.regimes[r]) for r in sorted(law.regimes)]
