"""A company followed by its users' places in brackets, in a list of the policy's companies.

"UNUMPLUS LIMITED, registered address: …, London (för Storbritannien)" / "Reflection Investment
B.V., registered address: …, Rotterdam (för övriga EU-länder)" / "(häri kallad ”OnePlus”, ”vi”)":
a policy that names its companies one per line, each with the places it serves in a bracket
that starts with "for" (för, für, pour, per, para, voor, dla), gives each its places — at 0.65,
noted — when no other clause named a controller for that line. A bracket that names no place
("(for the purposes of the GDPR)") gives nothing; the company's address before the bracket is
never read as where its users are.
"""

from __future__ import annotations

import re

from xborder.graph.ingest.entities import EntityBook
from xborder.graph.ingest.model import RuleProposal
from xborder.graph.ingest.places import EVERYONE, PlaceFinder
from xborder.graph.ingest.rows import rule_for
from xborder.graph.ingest.text import Document

__all__ = ["bracketed_rules"]

_FOR = re.compile(r"\(\s*(?:for|för|für|pour|per|para|voor|dla|voor)\s+(?:(?:users|customers|"
                  r"residents|Nutzer|utilisateurs|utenti|usuarios|gebruikers|användare)\s+"
                  r"(?:in|of|from|en|aus|i|di|de)\s+)?([^()\n]{2,60})\)", re.I)


def bracketed_rules(doc: Document, book: EntityBook, finder: PlaceFinder,
                    rules: list[RuleProposal]) -> list[RuleProposal]:
    taken = {(r.evidence.start, r.controller.id) for r in rules}
    out: list[RuleProposal] = []
    for unit in doc.units:
        mentions = book.mentions(unit)
        for k, (m, entity, _s) in enumerate(mentions):
            if (unit.start, entity.id) in taken:
                continue
            stop = mentions[k + 1][0].start if k + 1 < len(mentions) else len(unit.text)
            line_end = unit.text.find("\n", m.end)
            stop = min(stop, line_end) if line_end >= 0 else stop
            bracket = _FOR.search(unit.text, m.end, stop)
            if bracket is None:
                continue
            scope = finder.scope(bracket[1])
            if not scope.codes or scope.codes == [EVERYONE]:
                continue
            notes = [f"named with its users' places in brackets: {bracket[0]!r}"]
            out.append(rule_for(unit, entity, scope, bracket[1], [], 0.65, notes, None, None))
            taken.add((unit.start, entity.id))
    return out
