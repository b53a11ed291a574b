"""What the invented-style suites of ``ingest`` compare: the explicit rules a page gives."""

from __future__ import annotations

from xborder import KnowledgeBase
from xborder.graph.ingest import ingest

#: (locations, exceptions, controller name) of one explicit rule
Rule = tuple[tuple[str, ...], tuple[str, ...], str]


def explicit_rules(kb: KnowledgeBase, page: str) -> set[Rule]:
    """The rules ``ingest`` reads from ``page``, less the flagged default (the issuer)."""
    proposals = ingest(page, name="policy.md", kb=kb)
    return {(tuple(r.locations), tuple(r.excepts), r.controller.name) for r in proposals.rules
            if not r.default}
