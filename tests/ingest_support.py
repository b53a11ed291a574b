"""What the invented-style suites of ``ingest`` compare: the explicit rules a page gives."""

from __future__ import annotations

import re
from collections.abc import Iterable

from xborder import KnowledgeBase
from xborder.graph.ingest import ingest

#: (locations, exceptions, controller name) of one explicit rule
Rule = tuple[tuple[str, ...], tuple[str, ...], str]


def explicit_rules(kb: KnowledgeBase, page: str) -> set[Rule]:
    """The rules ``ingest`` reads from ``page``, less the flagged default (the issuer)."""
    proposals = ingest(page, name="policy.md", kb=kb)
    return {(tuple(r.locations), tuple(r.excepts), r.controller.name) for r in proposals.rules
            if not r.default}


def _key(name: str) -> str:
    return re.sub(r"[\W_]+", "", re.sub(r"^\s*the\s+", "", name.casefold()))


def loose_rules(kb: KnowledgeBase, page: str) -> set[Rule]:
    """:func:`explicit_rules` with places sorted and names compared without case or
    punctuation ("X, S.L." = "X S.L.")."""
    return loose(explicit_rules(kb, page))


def loose(rules: Iterable[tuple[Iterable[str], Iterable[str], str]]) -> set[Rule]:
    """Rules written by hand, compared as :func:`loose_rules` compares them."""
    return {(tuple(sorted(at)), tuple(sorted(but)), _key(name)) for at, but, name in rules}
