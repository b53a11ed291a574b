"""What lets it cross: the exporting regime of a place on a date, and what allows data to go to a
destination — free flow inside one area, an adequacy decision (with its scope limit), appropriate
safeguards, derogations, data out of scope — or "no rules encoded" for that regime.

Order of analysis (GDPR Art. 44–49 and its siblings): same area → adequacy or equivalent listing →
safeguards (derogations listed apart) → unknown. A regime without a general restriction answers
``no-general-restriction`` with its targeted rules as caveats.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from xborder.graph.dates import Interval
from xborder.graph.law import (
    AdequacyEntry,
    Law,
    LawModel,
    Mechanism,
    Regime,
    RegimeArea,
    Restriction,
)
from xborder.graph.model import Model
from xborder.graph.places import Step, ancestors, group_status, place_breakpoints

__all__ = ["STATUSES", "Transfer", "TransferAnswer", "evaluate_transfer", "law_breakpoints",
           "place_breakpoints", "regimes_at"]

STATUSES = ("same-area", "adequacy", "safeguards-required", "no-general-restriction", "unknown")
SAFEGUARD_ORDER = ("scc", "standard-clauses", "bcr", "code-of-conduct", "certification",
                   "ad-hoc-clauses", "consent", "other")
SAFEGUARD_KINDS = set(SAFEGUARD_ORDER)


@dataclass(frozen=True)
class TransferAnswer:
    from_code: str
    to_code: str
    status: str
    regime: Regime | None
    law: Law | None
    adequacy: tuple[AdequacyEntry, ...]
    safeguards: tuple[Mechanism, ...]
    derogations: tuple[Mechanism, ...]
    out_of_scope: tuple[Mechanism, ...]
    restrictions: tuple[Restriction, ...]
    explanation: str
    caveats: tuple[str, ...]
    chain: tuple[Step, ...]
    names: tuple[str, str]
    segment_start: dt.date
    others: tuple[TransferAnswer, ...] = ()  # the other regimes covering the exporter

    def coverage(self) -> dict[str, Any]:
        """What this answer rests on: the regime, its law, the instruments evaluated and the
        weakest confidence among their sources."""
        used: list[AdequacyEntry | Mechanism | Restriction] = [
            *self.adequacy, *self.safeguards, *self.derogations, *self.restrictions]
        levels = [x.source.confidence if isinstance(x, Restriction) else x.confidence
                  for x in used]
        if self.law is not None:
            levels.append(self.law.source.confidence)
        return {
            "regime": self.regime.id if self.regime else None,
            "law": self.law.name if self.law else None,
            "instruments": [x.id for x in used],
            "confidence": ("secondary" if "secondary" in levels
                           else "verified" if levels else None),
        }

    def body(self, at: dt.date) -> dict[str, Any]:
        regime = None
        if self.regime is not None:
            auth = self.regime.authority
            regime = {"id": self.regime.id, "name": self.regime.name,
                      "law": ({"name": self.law.name, "iri": self.law.iri,
                               "source": {"title": self.law.source.title,
                                          "url": self.law.source.url}}
                              if self.law else None),
                      "authority": auth.to_dict() if auth else None}
        return {
            "from": {"code": self.from_code, "name": self.names[0]},
            "to": {"code": self.to_code, "name": self.names[1]},
            "at": at.isoformat(),
            "regime": regime,
            "status": self.status,
            "mechanisms": [a.to_dict() for a in self.adequacy]
                          + [m.to_dict(at) for m in self.safeguards],
            "derogations": [m.to_dict(at) for m in self.derogations],
            "out_of_scope": [m.to_dict(at) for m in self.out_of_scope],
            "restrictions": [r.to_dict() for r in self.restrictions],
            "explanation": self.explanation,
            "chain": [s.to_dict() for s in self.chain],
            "caveats": list(self.caveats),
            "coverage": self.coverage(),
            "other_regimes": [{"regime": o.regime.id if o.regime else None,
                               "status": o.status, "explanation": o.explanation,
                               "coverage": o.coverage()} for o in self.others],
        }


@dataclass(frozen=True)
class Transfer:
    """The answer to "may data go from A to B on D?": a :class:`TransferAnswer` plus the
    question as asked."""

    from_input: str
    to_input: str
    at: dt.date
    answer: TransferAnswer
    policy_claims: tuple[dict[str, Any], ...] = ()

    @property
    def status(self) -> str:
        return self.answer.status

    @property
    def regime(self) -> Regime | None:
        return self.answer.regime

    @property
    def caveats(self) -> tuple[str, ...]:
        return self.answer.caveats

    def to_dict(self) -> dict[str, Any]:
        body = self.answer.body(self.at)
        body["from"]["input"] = self.from_input
        body["to"]["input"] = self.to_input
        if self.policy_claims:
            body["policy_claims"] = list(self.policy_claims)
        return body


def _in_place(model: Model, code: str, place: str, at: dt.date) -> tuple[bool, list[Step]]:
    """Is ``code`` covered by ``place`` (a code, a group, or ``*`` for everywhere) on ``at``,
    and why."""
    if place == "*":
        return True, []
    j = model.jurisdictions.get(place)
    if j is not None and j.kind == "group":
        status = group_status(model, code, place, at)
        return status.law_applies, list(status.chain)
    if code == place:
        return True, []
    me = model.jurisdictions.get(code)
    if me is not None and me.kind == "subdivision" and place in ancestors(model, code):
        return True, [Step(f"{code} is a subdivision of {place}", None, f"part of {place}")]
    return False, []


def regimes_at(model: Model, law: LawModel, code: str,
               at: dt.date) -> list[tuple[Regime, list[Step], tuple[str, ...]]]:
    """The regimes whose area covers ``code`` on ``at``, with the chain that puts it there and
    the notes of the area entries that do (none when an entry without a note covers it too)."""
    found = []
    for regime in law.regimes.values():
        if regime.laws and regime.law_at(at) is None:
            continue
        covering: list[tuple[RegimeArea, list[Step]]] = []
        for area in regime.areas:
            if area.interval.contains(at):
                inside, chain = _in_place(model, code, area.place, at)
                if inside:
                    covering.append((area, chain))
        if covering:
            notes = () if any(a.note is None for a, _ in covering) else tuple(
                a.note for a, _ in covering if a.note)
            found.append((regime, covering[0][1], notes))
    return found


# How strict a status is, for exporters covered by several regimes: the strictest one decides.
# ``unknown`` ranks first: when one regime's rules are missing, no weaker conclusion may stand.
STRICTNESS = ("unknown", "safeguards-required", "adequacy", "same-area", "no-general-restriction")


def evaluate_transfer(model: Model, law: LawModel, src: str, dst: str,
                      at: dt.date) -> TransferAnswer:
    """The status of a transfer from ``src`` to ``dst`` on ``at``: each regime covering ``src``
    is evaluated on its own; the strictest answer is returned, with the others beside it."""
    names = (model.jurisdictions[src].name, model.jurisdictions[dst].name)
    regimes = regimes_at(model, law, src, at)
    caveats: list[str] = [j.disputed for j in (model.jurisdictions[src],
                                                 model.jurisdictions[dst]) if j.disputed]
    for a in model.applications.get(src, ()):
        if a.uncertainty and a.interval.contains(at):
            caveats.append(a.uncertainty)
    if not regimes:
        known = ", ".join(sorted(law.regimes))
        return TransferAnswer(src, dst, "unknown", None, None, (), (), (), (), (),
                              f"No transfer rules are encoded for {names[0]} ({src}) at this "
                              f"date (regimes encoded: {known}).",
                              tuple(dict.fromkeys(caveats)), (), names, at)
    answers = [_evaluate_regime(model, law, regime, tuple(chain), notes, src, dst, at, names,
                                caveats)
               for regime, chain, notes in regimes]
    best = min(answers, key=lambda a: STRICTNESS.index(a.status))
    if len(answers) == 1:
        return best
    others = tuple(a for a in answers if a is not best)
    extra = [f"{src} is also in the area of {o.regime.name if o.regime else '?'}: "
             f"{o.status} ({o.explanation})" for o in others]
    return replace(best, caveats=tuple(dict.fromkeys((*best.caveats, *extra))),
                   others=others,
                   explanation=f"{best.explanation} — the strictest of {len(answers)} regimes "
                               "covering the exporter")


def _efta_only(model: Model, code: str, at: dt.date) -> bool:
    """In the EEA through the EEA Agreement only (IS, LI, NO), not in the EU."""
    if "EEA" not in model.jurisdictions or "EU" not in model.jurisdictions:
        return False
    return (group_status(model, code, "EEA", at).law_applies
            and not group_status(model, code, "EU", at).law_applies)


def _eea_filter(entries: list[AdequacyEntry], at: dt.date,
                caveats: list[str]) -> list[AdequacyEntry]:
    """EU decisions reach IS, LI and NO only through an EEA Joint Committee decision."""
    kept = []
    for e in entries:
        inc = e.eea_efta
        label = e.instrument or e.id
        if e.kind == "not-a-transfer":
            kept.append(e)
        elif inc is None:
            caveats.append(f"Incorporation of {label} into the EEA Agreement (for Iceland, "
                           "Liechtenstein and Norway) is not confirmed in the knowledge base")
            kept.append(e)
        elif inc.pending:
            caveats.append(f"{label} is not yet incorporated into the EEA Agreement: "
                           f"{inc.pending}")
        elif inc.start and at < inc.start:
            caveats.append(f"{label} applies in the EEA EFTA states only from {inc.start}"
                           + (f" ({inc.instrument})" if inc.instrument else ""))
        else:
            kept.append(e)
    return kept


def _evaluate_regime(model: Model, law: LawModel, regime: Regime, chain: tuple[Step, ...],
                     notes: tuple[str, ...], src: str, dst: str, at: dt.date,
                     names: tuple[str, str], shared: list[str]) -> TransferAnswer:
    caveats = [*shared, *notes]

    def answer(status: str, explanation: str, adequacy: tuple[AdequacyEntry, ...] = (),
               safeguards: tuple[Mechanism, ...] = (), derogations: tuple[Mechanism, ...] = (),
               out: tuple[Mechanism, ...] = (), restrictions: tuple[Restriction, ...] = (),
               chain: tuple[Step, ...] = chain) -> TransferAnswer:
        return TransferAnswer(src, dst, status, regime, regime.law_at(at), adequacy, safeguards,
                              derogations, out, restrictions, explanation,
                              tuple(dict.fromkeys(caveats)), chain, names, at)

    law_now = regime.law_at(at)
    law_name = law_now.name if law_now else regime.name
    efta = _efta_only(model, src, at)
    usable = [m for m in law.mechanisms.get(regime.id, []) if m.usable(at, efta)]
    derogations = tuple(m for m in usable if m.kind == "derogation")
    out = tuple(m for m in usable if m.kind == "out-of-scope")
    safeguards = tuple(sorted((m for m in usable if m.kind in SAFEGUARD_KINDS),
                              key=lambda m: (SAFEGUARD_ORDER.index(m.kind),
                                             m.usable(at, efta) != "new", m.id)))

    if not regime.restricts_at(at):
        hits = tuple(r for r in law.restrictions.get(regime.id, [])
                     if r.interval.contains(at)
                     and any(_in_place(model, dst, d, at)[0] for d in r.destinations))
        for r in hits:
            caveats.append(f"{r.instrument or r.id}: {r.kind} for {r.scope}")
        return answer("no-general-restriction",
                      f"{law_name} imposes no general restriction on transfers from "
                      f"{names[0]}" + (f"; {len(hits)} targeted rule(s) apply to {names[1]}"
                                       if hits else ""),
                      safeguards=safeguards, restrictions=hits)

    same, dst_chain = _in_place_any(model, regime, dst, at)
    if same:
        return answer("same-area", f"{names[0]} and {names[1]} are both in the area of "
                                   f"{law_name}: no transfer restriction applies between them",
                      chain=chain + tuple(dst_chain))
    gap = regime.gap_at(at)
    if gap is not None:
        return answer("unknown", f"{law_name} restricts transfers from {names[0]}, but its "
                                 f"rules for this date are not encoded: {gap.missing}")

    matches: list[AdequacyEntry] = []
    for entry in law.adequacy.get(regime.id, []):
        if entry.interval.contains(at) and _in_place(model, dst, entry.destination, at)[0]:
            matches.append(entry)
            if entry.uncertainty:
                caveats.append(entry.uncertainty)
    if matches and efta:
        matches = _eea_filter(matches, at, caveats)
    bridges = [e for e in matches if e.kind == "not-a-transfer"]
    if bridges:
        bridge = bridges[0]
        return answer("same-area", f"Data sent from {names[0]} to {names[1]} is not treated "
                                   f"as a transfer to a third country: {bridge.instrument} "
                                   f"({bridge.scope})", adequacy=tuple(bridges))
    if matches:
        limited = [e for e in matches if e.scope.strip().lower() != "all"]
        text = "; ".join(f"{e.instrument} ({e.scope})" for e in matches)
        if limited and len(limited) == len(matches):
            caveats.append(f"The adequacy finding covers only: {limited[0].scope}. Recipients "
                           "outside that scope need one of the listed safeguards or a derogation.")
            return answer("adequacy", f"{law_name}: {names[1]} is found adequate by {text}",
                          tuple(matches), safeguards, derogations, out)
        return answer("adequacy", f"{law_name}: {names[1]} is found adequate by {text}",
                      tuple(matches))
    if not safeguards and not derogations:
        return answer("unknown", f"{law_name} restricts transfers from {names[0]} and no "
                                 f"adequacy finding for {names[1]} is encoded, but none of its "
                                 "routes (safeguards, consent, derogations) are encoded for "
                                 "this date either", out=out)
    return answer("safeguards-required",
                  f"{law_name}: no adequacy finding covers {names[1]}; a transfer route is "
                  f"required ({len(safeguards)} available), or a derogation for occasional "
                  "transfers", (), safeguards, derogations, out)


def _in_place_any(model: Model, regime: Regime, code: str,
                  at: dt.date) -> tuple[bool, list[Step]]:
    for area in regime.areas:
        if area.interval.contains(at):
            inside, chain = _in_place(model, code, area.place, at)
            if inside:
                return True, chain
    return False, []


def law_breakpoints(law: LawModel) -> set[dt.date]:
    """Every day on which any transfer rule begins or ends (add the places' own breakpoints)."""
    points: set[dt.date] = set()
    for regime in law.regimes.values():
        for law_ in regime.laws:
            points.update(law_.interval.breakpoints())
        for gap in regime.gaps:
            points.update(gap.interval.breakpoints())
        for area in regime.areas:
            points.update(area.interval.breakpoints())
    dated: list[AdequacyEntry | Mechanism | Restriction] = []
    for table in (law.adequacy, law.mechanisms, law.restrictions):
        for items in table.values():
            dated.extend(items)
    for item in dated:
        points.update(item.interval.breakpoints())
        if isinstance(item, AdequacyEntry) and item.eea_efta and item.eea_efta.start:
            points.add(item.eea_efta.start)
        if isinstance(item, Mechanism) and item.grandfathered_to:
            points.add(item.grandfathered_to + dt.timedelta(days=1))
        if isinstance(item, Mechanism) and item.eea_efta:
            points.update(Interval(item.eea_efta.start, item.eea_efta.end).breakpoints())
    return points
