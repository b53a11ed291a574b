"""Who controls it: the controller rule that decides a (location, service, date), and why.

:func:`evaluate` is the reference resolver over the model; :class:`~xborder.graph.kb.KnowledgeBase`
compiles its answers into dated lookup tables and hands out :class:`Resolution` objects.

Specificity: a named service beats "every service"; a listed jurisdiction beats a territory of it,
which beats a group (EEA), which beats "everywhere"; the issuer default comes last.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from xborder.graph.dates import MIN_DATE, Interval
from xborder.graph.errors import NoApplicableRule
from xborder.graph.flows import Leg
from xborder.graph.model import Document, Entity, Model, Organisation, Rule, Service
from xborder.graph.places import Step, ancestors, group_status, place_breakpoints

if TYPE_CHECKING:
    from xborder.graph.locations import ParsedLocation

__all__ = ["Answer", "Resolution", "evaluate", "policy_status", "rule_breakpoints"]


@dataclass(frozen=True)
class Answer:
    """What holds for a whole date segment; shared by every question that falls in it."""

    controller: Entity
    rule: Rule
    organisation: Organisation
    service: Service | None
    code: str
    name: str
    chain: tuple[Step, ...]
    explanation: str
    alternatives: tuple[dict[str, Any], ...]
    caveats: tuple[str, ...]
    country_name: str
    policy: dict[str, Any] | None = None  # the version in force, and whether a gap is crossed

    def body(self) -> dict[str, Any]:
        """The answer as JSON, without what was asked: a fresh copy each call, nested lists and
        mappings included, so a caller that edits it cannot change the cached answer."""
        fresh: dict[str, Any] = _fresh(self._body)
        return fresh

    @cached_property
    def _body(self) -> dict[str, Any]:
        rule = self.rule
        sources = [rule.citation.to_dict()]
        sources += [s.source.to_dict() for s in self.chain if s.source is not None]
        seen: set[tuple[Any, ...]] = set()
        unique = []
        for s in sources:
            key = tuple(s.values())
            if key not in seen:
                seen.add(key)
                unique.append(s)
        return {
            "organisation": {"id": self.organisation.id, "name": self.organisation.name},
            "service": ({"id": self.service.id, "name": self.service.name}
                        if self.service else None),
            "controller": {"id": self.controller.id, "name": self.controller.name,
                           "country": self.controller.country,
                           "country_name": self.country_name},
            "rule": {"id": rule.id, "default": rule.default,
                     "document": rule.citation.document.id, "section": rule.citation.section,
                     "valid": _rule_interval(rule).to_dict()},
            "policy": self.policy,
            "explanation": self.explanation,
            "sources": unique,
            "alternatives": list(self.alternatives),
            "caveats": list(self.caveats),
        }


class Resolution:
    """The answer to one question: an :class:`Answer` (shared by every question that falls in
    the same date segment) plus what was asked. The transfer legs are computed on first use."""

    __slots__ = ("_flow", "_legs", "_place", "answer", "at", "input")

    def __init__(self, input: str, at: dt.date, answer: Answer,
                 place: ParsedLocation | None = None,
                 flow: Callable[[Resolution], tuple[Leg, ...]] | None = None) -> None:
        self.input = input
        self.at = at
        self.answer = answer
        self._place = place  # how the text asked about was placed (shared by every answer)
        self._flow = flow
        self._legs: tuple[Leg, ...] | None = None if flow is not None else ()

    @property
    def subdivision(self) -> str | None:
        return self._place.subdivision if self._place is not None else None

    @property
    def matched(self) -> str:
        return self._place.matched if self._place is not None else ""

    @property
    def note(self) -> str | None:
        """How the location was placed, when that is itself uncertain."""
        return self._place.note if self._place is not None else None

    def __repr__(self) -> str:
        return (f"Resolution({self.input!r}, at={self.at.isoformat()}, "
                f"controller={self.answer.controller.id!r}, rule={self.answer.rule.id!r})")

    @property
    def legs(self) -> tuple[Leg, ...]:
        """Each leg of the flow, evaluated as a transfer (empty if asked without transfers)."""
        if self._legs is None:
            assert self._flow is not None
            self._legs = self._flow(self)
        return self._legs

    @property
    def controller(self) -> Entity:
        return self.answer.controller

    @property
    def rule(self) -> Rule:
        return self.answer.rule

    @property
    def caveats(self) -> tuple[str, ...]:
        return self.answer.caveats

    @property
    def alternatives(self) -> tuple[dict[str, Any], ...]:
        return self.answer.alternatives

    def to_dict(self) -> dict[str, Any]:
        a = self.answer
        chain = [s.to_dict() for s in a.chain]
        if self.subdivision:
            chain.insert(0, {"step": f"{self.subdivision} is an ISO 3166-2 subdivision of "
                                     f"{a.code}", "source": None})
        body = a.body()
        if self.note:
            body["caveats"] = [self.note, *body["caveats"]]
        return {
            "at": self.at.isoformat(),
            "location": {"input": self.input, "code": a.code, "name": a.name,
                         "matched": self.matched, "chain": chain},
            **body,
            "transfers": [leg.to_dict() for leg in self.legs],
        }


def _fresh(value: Any) -> Any:
    """A copy of JSON-shaped data (dicts and lists copied, leaves shared: they are immutable)."""
    if isinstance(value, dict):
        return {k: _fresh(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_fresh(v) for v in value]
    return value


def _rule_interval(rule: Rule) -> Interval:
    doc = rule.citation.document.in_force
    start = max(filter(None, (rule.interval.start, doc.start)), default=None)
    end = min(filter(None, (rule.interval.end, doc.end)), default=None)
    return Interval(start, end)


def rule_breakpoints(org: Organisation) -> set[dt.date]:
    points: set[dt.date] = set()
    for rule in org.rules:
        points.update(_rule_interval(rule).breakpoints())
        doc = rule.citation.document
        if doc.archived_on:
            points.add(doc.archived_on + dt.timedelta(days=1))
        if doc.precision == "month" and doc.interval.start:
            start = doc.interval.start
            points.add((start.replace(day=28) + dt.timedelta(days=4)).replace(day=1))
    return points


@dataclass
class _Near:
    """A rule that covers the location only under another reading."""

    rule: Rule
    why: str
    caveats: tuple[str, ...] = ()


@dataclass
class _Match:
    rule: Rule
    rank: tuple[int, int, int]
    chain: list[Step]
    caveats: list[str]


def _match_location(
    model: Model, rule: Rule, code: str, at: dt.date, near_misses: list[_Near]
) -> tuple[int, list[Step], list[str]] | None:
    lineage = [code, *ancestors(model, code)]
    if any(c in rule.excepts for c in lineage):
        return None
    if code in rule.locations:
        caveats = [f"The policy says {r.text!r}; xborder reads it as {r.read_as}: {r.note}."
                   for r in rule.readings if r.read_as == code]
        return 3, [], caveats
    for parent in lineage[1:]:
        if parent in rule.locations:
            return 2, [Step(f"{code} is part of {parent}", None, f"part of {parent}")], [
                f"{model.jurisdictions[code].name} is not named in the policy; it is read as "
                f"covered because it is part of {model.jurisdictions[parent].name}, which is."]
    for place in sorted(rule.locations):
        if model.jurisdictions.get(place, None) is None or \
                model.jurisdictions[place].kind != "group":
            continue
        status = group_status(model, code, place, at)
        if status.member:
            return 1, list(status.chain), list(status.caveats)
        if status.law_applies:
            near_misses.append(_Near(rule, " ".join(s.text for s in status.chain) +
                                     f"; if the policy's {place} is read as 'where {place} law "
                                     "applies', this rule covers the location", status.caveats))
        elif status.geographic_member:
            near_misses.append(_Near(rule, f"{code} is geographically part of "
                                           f"{status.geographic_member}, a member of {place}, "
                                           f"although {place} law does not apply there; if the "
                                           "policy is read by geography, this rule covers the "
                                           "location", status.caveats))
        elif status.caveats:
            near_misses.append(_Near(rule, "", status.caveats))
    for r in rule.readings:
        if code in r.also:
            near_misses.append(_Near(rule, f"the policy's {r.text!r} is read as {r.read_as}; if "
                                           f"it also meant {code}, this rule covers the "
                                           "location"))
    if "*" in rule.locations or (rule.default and not rule.locations):
        return 0, [], []
    return None


def evaluate(model: Model, org: Organisation, service: Service | None, code: str,
             at: dt.date) -> Answer:
    """The reference resolver (slow path): the rule that decides, its chain and caveats."""
    matches: list[_Match] = []
    near: list[_Near] = []
    service_alternatives: list[tuple[Rule, list[Step]]] = []
    for rule in org.rules:
        if not _rule_interval(rule).contains(at):
            continue
        if rule.services:
            if service is None or service.id not in rule.services:
                if service is None:
                    loc = _match_location(model, rule, code, at, [])
                    if loc is not None:
                        service_alternatives.append((rule, loc[1]))
                continue
            service_rank = 1
        else:
            service_rank = 0
        loc = _match_location(model, rule, code, at, near)
        if loc is None:
            continue
        rank = (service_rank, loc[0], 0 if rule.default else 1)
        matches.append(_Match(rule, rank, loc[1], loc[2]))
    j = model.jurisdictions[code]
    if not matches:
        dated = [_rule_interval(r) for r in org.rules]
        starts = [i.start for i in dated if i.start]
        detail = f"No controller rule of {org.name} is in force for {j.name} ({code}) on {{at}}"
        if starts and at < min(starts):
            detail += f"; the knowledge base has {org.name}'s policies from {min(starts)} on"
        raise NoApplicableRule(detail, organisation=org.id, code=code)
    matches.sort(key=lambda m: (m.rank, m.rule.id), reverse=True)
    best = matches[0]
    caveats = list(best.caveats)
    alternatives: list[dict[str, Any]] = []
    for other in matches[1:]:
        if other.rank == best.rank and other.rule.controller != best.rule.controller:
            caveats.append(f"Rules {best.rule.id} and {other.rule.id} apply equally; the policy "
                           "is ambiguous here")
            alternatives.append(_alternative(model, other.rule, "applies equally"))
    for n in near:
        caveats.extend(n.caveats)
        if n.why and n.rule.controller != best.rule.controller and n.rule.id != best.rule.id:
            alternatives.append(_alternative(model, n.rule, n.why))
    for rule, _steps in service_alternatives:
        if rule.controller != best.rule.controller:
            names = ", ".join(sorted(org.services[s].name for s in rule.services))
            alternatives.append(_alternative(model, rule, f"for {names} only: name the service "
                                                                 "to get this answer"))
    doc = best.rule.citation.document
    if j.disputed:
        caveats.insert(0, j.disputed)
    if best.rule.default:
        caveats.append(best.rule.note or "The issuer is the default controller.")
    policy, caveat = policy_status(org, doc, at)
    if caveat:
        caveats.append(caveat)
    if doc.precision == "month" and doc.interval.start and \
            (at.year, at.month) == (doc.interval.start.year, doc.interval.start.month):
        caveats.append(f"The policy gives only a month ({doc.version}); it may not yet have "
                       "been in force on the day asked.")
    controller = model.entities[best.rule.controller]
    chain = tuple(best.chain)
    parts = [code] + [s.brief for s in chain]
    parts.append(f"rule {best.rule.id} (section {best.rule.citation.section})")
    explanation = " → ".join(parts) + f" → {controller.name}"
    country = model.jurisdictions.get(controller.country)
    return Answer(controller, best.rule, org, service, code, j.name, chain, explanation,
                  tuple(alternatives), tuple(dict.fromkeys(caveats)),
                  country.name if country else controller.country, policy)


def _name(doc: Document) -> str:
    return f"'{doc.version or doc.title}' ({doc.id})"


def policy_status(org: Organisation, doc: Document,
                  at: dt.date) -> tuple[dict[str, Any], str | None]:
    """The version in force on ``at`` as answers name it, and the caveat its evidence needs.

    ``status`` is ``in-force`` (no archived copy contradicts it), ``gap`` (after the last copy
    seen of this version and before the next version's stated date: nobody saw which text was
    in force) or ``unconfirmed`` (after the last copy seen of the latest version known)."""
    policy: dict[str, Any] = {**doc.to_dict(), "status": "in-force"}
    if doc.archived_on is None or at <= doc.archived_on:
        return policy, None
    following = org.documents.get(doc.next) if doc.next else None
    if following is None:
        policy["status"] = "unconfirmed"
        return policy, (f"The policy {_name(doc)} was last seen in force on {doc.archived_on} "
                        "(archived copy); later versions may name other controllers. This "
                        "answer assumes it still applies.")
    policy["status"] = "gap"
    policy["gap"] = {"after": {"document": doc.id, "version": doc.version,
                               "last_seen": doc.archived_on.isoformat()},
                     "before": {"document": following.id, "version": following.version,
                                "from": following.in_force.start.isoformat()
                                if following.in_force.start else None}}
    return policy, ("No archived copy covers this date: it falls between the last sighting of "
                    f"{_name(doc)} on {doc.archived_on} and the next version known, "
                    f"{_name(following)}, dated {following.in_force.start}. This answer uses "
                    "the earlier version; another text may have been in force in between.")


def _alternative(model: Model, rule: Rule, why: str) -> dict[str, Any]:
    e = model.entities[rule.controller]
    return {"controller": {"id": e.id, "name": e.name, "country": e.country},
            "rule": rule.id, "reason": why}


def segment_starts(model: Model, org: Organisation, code: str) -> list[dt.date]:
    return sorted({MIN_DATE} | place_breakpoints(model, code) | rule_breakpoints(org))
