"""Recipients and claimed safeguards follow the policy version in force (graph/flows.py).

The facts in ``tests/org_facts/recipients/*.yaml`` were read from each archived version's
disclosure and cross-border sections: on a day inside a version, the answer shows that version's
kinds of recipients and safeguards, each citing that version, and nothing an earlier or later
version says.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from xborder import KnowledgeBase
from xborder.graph.flows import stated_at

FACTS = Path(__file__).parent / "org_facts" / "recipients"
CASES: list[tuple[str, dict[str, Any]]] = [
    (spec["organisation"], version)
    for path in sorted(FACTS.glob("*.yaml"))
    for spec in [yaml.safe_load(path.read_text(encoding="utf-8"))]
    for version in spec["versions"]
]


def _ids(cases: list[tuple[str, dict[str, Any]]]) -> list[str]:
    return [f"{org}-{v['at']}" for org, v in cases]


@pytest.mark.parametrize(("org", "version"), CASES, ids=_ids(CASES))
def test_legs_show_the_recipients_of_the_version_in_force(kb: KnowledgeBase, org: str,
                                                           version: dict[str, Any]) -> None:
    organisation = kb.organisation(org)
    service = next(iter(organisation.services), None)
    day = dt.date.fromisoformat(str(version["at"]))
    stated, _ = stated_at(organisation, day)
    assert sorted({x.kind for x in stated}) == sorted(version["recipients"])
    r = kb.resolve("DE", org=org, service=service, at=day)
    recipients = {leg.recipient for leg in r.legs if leg.recipient is not None}
    # a recipient only in the controller's own country is no cross-border leg
    assert recipients and {x.kind for x in recipients} <= set(version["recipients"])
    assert {x.citation.document.id for x in recipients} == {version["document"]}
    claims = {c for leg in r.legs for c in leg.claims}
    assert sorted({c.kind for c in claims}) == sorted(version["safeguards"])
    assert {c.citation.document.id for c in claims} == {version["document"]}


@pytest.mark.parametrize(("org", "version"), CASES, ids=_ids(CASES))
def test_transfers_and_the_register_name_the_claims_of_that_version(
        kb: KnowledgeBase, org: str, version: dict[str, Any]) -> None:
    t = kb.transfer("DE", "CN", at=version["at"], org=org).to_dict()
    assert sorted({c["kind"] for c in t["policy_claims"]}) == sorted(version["safeguards"])
    from xborder.graph.register import transfer_register

    rows = transfer_register(kb, at=version["at"], org=org, locations=["DE"])
    kinds = {row.recipient_kind for row in rows if row.recipient_kind is not None}
    assert kinds and kinds <= set(version["recipients"])


def test_every_version_in_the_facts_is_a_version_of_the_knowledge_base(kb: KnowledgeBase
                                                                        ) -> None:
    for org, version in CASES:
        docs = kb.organisation(org).documents
        assert version["document"] in docs
        assert docs[version["document"]].in_force.contains(version["at"])
