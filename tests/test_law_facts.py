"""The facts manifest: every dated rule of transfer law, written down from its source in
``tests/law_facts/*.yaml`` (not from ``graph/kb``), checked on its boundary days.

For each fact: on its first and last day (today when it is still in force) the transfer has the
fact's status and lists the entry it pins; on the day before and the day after, the entry is not
listed. A date moved in the knowledge base therefore fails a test here. Parametrised the way
pySHACL runs its conformance suites: one test id per fact and day.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from xborder import KnowledgeBase
from xborder.graph.yamlsource import read_yaml

FACTS_DIR = Path(__file__).parent / "law_facts"
TODAY = dt.date.today()
KINDS = ("adequacy", "mechanism", "status")


def _day(value: Any) -> dt.date | None:
    if value is None:
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _load() -> list[dict[str, Any]]:
    facts = []
    for path in sorted(FACTS_DIR.glob("*.yaml")):
        data = read_yaml(path).data or {}  # YAML 1.2 booleans: Norway stays NO
        for n, fact in enumerate(data.get("facts") or ()):
            fact = dict(fact)
            fact["file"] = f"{path.name}#{n}"
            fact["regime"] = data.get("regime")
            facts.append(fact)
    return facts


FACTS = _load()


def _cases() -> list[Any]:
    cases = []
    for f in FACTS:
        start, end = _day(f.get("from")), _day(f.get("to"))
        label = f"{f['file']}:{f.get('pins') or f['status']}:{f['exporter']}->{f['destination']}"
        inside = [d for d in (start, end or TODAY) if d is not None and d <= TODAY]
        for day in dict.fromkeys(inside):
            cases.append(pytest.param(f, day, True, id=f"{label}@{day}"))
        if f["kind"] == "status":
            continue
        if start is not None:
            cases.append(pytest.param(f, start - dt.timedelta(days=1), False,
                                      id=f"{label}@{start}-1"))
        after = _day(f.get("grandfathered_to")) or end
        if after is not None and after < TODAY:
            cases.append(pytest.param(f, after + dt.timedelta(days=1), False,
                                      id=f"{label}@{after}+1"))
    return cases


def _listed(body: dict[str, Any]) -> set[str]:
    ids = {m["id"] for m in body["mechanisms"]}
    ids |= {m["id"] for m in body["derogations"]} | {m["id"] for m in body["out_of_scope"]}
    return ids


def test_manifest_is_well_formed() -> None:
    assert FACTS, "no facts in tests/law_facts"
    for f in FACTS:
        assert f["kind"] in KINDS, f["file"]
        assert f.get("source", "").startswith("http"), f"{f['file']}: a fact needs its source URL"
        if f["kind"] != "status":
            assert f.get("pins"), f"{f['file']}: an {f['kind']} fact pins an entry"


@pytest.mark.parametrize(("fact", "day", "inside"), _cases())
def test_boundary(kb: KnowledgeBase, fact: dict[str, Any], day: dt.date, inside: bool) -> None:
    body = kb.transfer(fact["exporter"], fact["destination"], at=day).to_dict()
    listed = _listed(body)
    if inside:
        assert body["status"] == fact["status"], (fact["file"], body["explanation"])
        if fact.get("pins"):
            assert fact["pins"] in listed, (fact["file"], sorted(listed))
    else:
        assert fact["pins"] not in listed, (fact["file"], day)


def test_every_entry_is_pinned(kb: KnowledgeBase) -> None:
    """Every adequacy entry and mechanism in the knowledge base has a fact of its own."""
    pinned = {f["pins"] for f in FACTS if f.get("pins")}
    entries = {e.id for items in kb.law.adequacy.values() for e in items}
    entries |= {m.id for items in kb.law.mechanisms.values() for m in items}
    missing = sorted(entries - pinned)
    assert not missing, f"{len(missing)} entries have no fact in tests/law_facts: {missing}"


def test_every_pin_exists(kb: KnowledgeBase) -> None:
    entries = {e.id for items in kb.law.adequacy.values() for e in items}
    entries |= {m.id for items in kb.law.mechanisms.values() for m in items}
    unknown = sorted({f["pins"] for f in FACTS if f.get("pins")} - entries)
    assert not unknown, f"facts pin entries the knowledge base does not hold: {unknown}"
