"""Each organisation's answers against facts written down from its own policies
(``tests/org_facts/<org>.yaml``: location, service, date → the controller the policy names, with
the archived copy and the sentence that says so), not re-read from the knowledge base."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from xborder import KnowledgeBase
from xborder.graph.yamlsource import read_yaml

FACTS_DIR = Path(__file__).parent / "org_facts"


def _load() -> list[Any]:
    cases = []
    for path in sorted(FACTS_DIR.glob("*.yaml")):
        data = read_yaml(path).data or {}  # YAML 1.2 booleans: Norway stays NO
        org = data["organisation"]
        for n, fact in enumerate(data.get("facts") or ()):
            label = f"{org}:{fact['location']}:{fact.get('service') or '-'}@{fact['at']}"
            cases.append(pytest.param(org, fact, id=f"{path.stem}#{n}:{label}"))
    return cases


CASES = _load()


def test_facts_are_sourced() -> None:
    assert CASES, "no facts in tests/org_facts"
    for case in CASES:
        _org, fact = case.values
        assert str(fact.get("source", "")).startswith("http"), fact
        assert fact.get("quote"), fact
        assert fact.get("controller"), fact


@pytest.mark.parametrize(("org", "fact"), CASES)
def test_controller(kb: KnowledgeBase, org: str, fact: dict[str, Any]) -> None:
    at = fact["at"]
    day = at if isinstance(at, dt.date) else dt.date.fromisoformat(str(at))
    r = kb.resolve(str(fact["location"]), service=fact.get("service"), org=org, at=day)
    assert r.controller.name == fact["controller"], (fact, r.to_dict()["explanation"])
