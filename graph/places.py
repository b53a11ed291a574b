"""Where a place stands, legally, on a date: membership of a group (EU, EEA …) and whether the
group's law applies there, with the chain of facts that decided it.

Geography (``part_of``) never implies legal status by itself (New Caledonia is part of France but
outside the EU): a territory is inside a group only through a dated membership record or a dated
law-application record (Art. 355 TFEU and the like).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from xborder.graph.dates import Interval
from xborder.graph.model import Model, Source

__all__ = ["GroupStatus", "Step", "ancestors", "group_status", "place_breakpoints"]


@dataclass(frozen=True)
class Step:
    """One link of an explanation chain, with the source that backs it."""

    text: str
    source: Source | None = None
    short: str = ""  # the compact form used in one-line explanations

    def to_dict(self) -> dict[str, str | None]:
        return {"step": self.text, "source": self.source.url if self.source else None}

    @property
    def brief(self) -> str:
        return self.short or self.text


@dataclass(frozen=True)
class GroupStatus:
    code: str
    group: str
    member: bool  # a member (state or territory of a member state where the group's law applies)
    law_applies: bool  # the group's law applies (members, plus transition periods)
    chain: tuple[Step, ...]
    caveats: tuple[str, ...] = ()
    geographic_member: str | None = None  # a member state this place is geographically part of


def _name(model: Model, code: str) -> str:
    j = model.jurisdictions.get(code)
    return f"{code} ({j.name})" if j else code


def ancestors(model: Model, code: str) -> list[str]:
    """The geographic parents of ``code``, nearest first (RE → [FR])."""
    out: list[str] = []
    seen = {code}
    j = model.jurisdictions.get(code)
    while j is not None and j.part_of and j.part_of not in seen:
        out.append(j.part_of)
        seen.add(j.part_of)
        j = model.jurisdictions.get(j.part_of)
    return out


def _span(interval: Interval) -> str:
    return interval.describe()


def group_status(model: Model, code: str, group: str, at: dt.date) -> GroupStatus:
    group_name = model.jurisdictions[group].name if group in model.jurisdictions else group
    for m in model.memberships.get(code, ()):
        if m.group == group and m.interval.contains(at):
            step = Step(f"{_name(model, code)} is a member of the {group_name} "
                        f"{_span(m.interval)}", m.source,
                        f"{code} in {group} {_span(m.interval)}")
            return GroupStatus(code, group, True, True, (step,))
    caveats: list[str] = []
    for a in model.applications.get(code, ()):
        if group not in a.groups or not a.interval.contains(at):
            continue
        if a.uncertainty:
            caveats.append(a.uncertainty)
        if a.kind == "transition":
            left = [m for m in model.memberships.get(code, ()) if m.group == group
                    and m.interval.end and m.interval.end < at]
            transition = [Step(f"{_name(model, code)} left the {group_name} on "
                               f"{left[-1].interval.end}", left[-1].source)] if left else []
            transition.append(Step(f"{a.basis}: the {group_name}'s law still applied "
                              f"{_span(a.interval)}", a.source,
                              f"{group} law applied {_span(a.interval)} ({a.basis})"))
            return GroupStatus(code, group, False, a.applies, tuple(transition),
                               tuple(caveats))
        parent = model.jurisdictions[code].part_of if code in model.jurisdictions else None
        if not a.applies:
            step = Step(f"{_name(model, code)}: the {group_name}'s law does not apply "
                        f"({a.basis}) {_span(a.interval)}", a.source)
            geo = _geographic_member(model, code, group, at)
            return GroupStatus(code, group, False, False, (step,), tuple(caveats), geo)
        if parent is None:
            step = Step(f"{_name(model, code)}: {a.basis}", a.source)
            return GroupStatus(code, group, True, True, (step,), tuple(caveats))
        upper = group_status(model, parent, group, at)
        step = Step(f"{_name(model, code)} is part of {_name(model, parent)}; the "
                    f"{group_name}'s law applies there ({a.basis})", a.source,
                    f"part of {parent}")
        return GroupStatus(code, group, upper.member, upper.law_applies,
                           (step, *upper.chain), (*caveats, *upper.caveats),
                           upper.geographic_member)
    steps: list[Step] = []
    for m in model.memberships.get(code, ()):
        if m.group == group:
            if m.interval.end and m.interval.end < at:
                steps.append(Step(f"{_name(model, code)} left the {group_name} on "
                                  f"{m.interval.end}", m.source))
            elif m.interval.start and at < m.interval.start:
                steps.append(Step(f"{_name(model, code)} joined the {group_name} only on "
                                  f"{m.interval.start}", m.source))
    geo = _geographic_member(model, code, group, at)
    if geo:
        caveats.append(
            f"{_name(model, code)} is geographically part of {_name(model, geo)}, a member of "
            f"the {group_name}, but no record says the {group_name}'s law applies there; "
            f"read as outside")
    return GroupStatus(code, group, False, False, tuple(steps), tuple(caveats), geo)


def _geographic_member(model: Model, code: str, group: str, at: dt.date) -> str | None:
    for parent in ancestors(model, code):
        if group_status(model, parent, group, at).member:
            return parent
    return None


def place_breakpoints(model: Model, code: str) -> set[dt.date]:
    """Every day on which the legal status of ``code`` (or of its parents) may change."""
    points: set[dt.date] = set()
    for c in (code, *ancestors(model, code)):
        for m in model.memberships.get(c, ()):
            points.update(m.interval.breakpoints())
        for a in model.applications.get(c, ()):
            points.update(a.interval.breakpoints())
    return points
