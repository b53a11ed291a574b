"""A company followed by its users' places in brackets, in a list of the policy's companies, or
closing its part of a sentence that names several ("… Paris pour la France et Y S.R.L., … pour
l’Italie").

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
from collections.abc import Sequence

from xborder.graph.ingest.entities import EntityBook
from xborder.graph.ingest.mention import Mention
from xborder.graph.ingest.model import EntityProposal, RuleProposal
from xborder.graph.ingest.places import EVERYONE, PlaceFinder
from xborder.graph.ingest.rows import rule_for
from xborder.graph.ingest.text import Document, Unit

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
        if not any(r.evidence.start == unit.start for r in out):
            out += _each_for_its_place(unit, mentions, finder, taken)
    return out


#: a company's place at the end of its part of a sentence: "… 75017 Paris pour la France et Y
#: S.R.L., … pour l’Italie (ci-après …)"
_FOR_PLACE = re.compile(r"\b(?:pour|for|für|per|para|voor)\s+(?:la\s+|le\s+|l['’]|les\s+|the\s+|"
                        r"die\s+|den\s+|il\s+|el\s+|de\s+)?([^\s,;.()]+(?:[ \t]+[^\s,;.()]+){0,3}?)"
                        r"\s*(?=$|\s+(?:et|and|und|e|y|en)\s|\s*[(,;.])", re.I)


def _each_for_its_place(unit: Unit, mentions: Sequence[tuple[Mention, EntityProposal, object]],
                        finder: PlaceFinder, taken: set[tuple[int, str]]) -> list[RuleProposal]:
    """Two companies or more in one sentence, each with "for <place>" closing its part ("…
    proposés par X, …, Paris pour la France et Y S.R.L., … pour l’Italie"): each its place, at
    0.6; nothing unless every company named there has one."""
    found = []
    for k, (m, entity, _s) in enumerate(mentions):
        stop = mentions[k + 1][0].start if k + 1 < len(mentions) else len(unit.text)
        said = list(_FOR_PLACE.finditer(unit.text, m.end, stop))
        scope = finder.scope(said[-1][1]) if said else None
        if scope is None or not scope.codes or scope.codes == [EVERYONE] or \
                (unit.start, entity.id) in taken:
            return []
        found.append((entity, scope, said[-1]))
    if len(found) < 2 or len({e.id for e, _s, _m in found}) < len(found):
        return []
    return [rule_for(unit, entity, scope, m[1], [], 0.6,
                     [f"named with its users' place after it: {m[0]!r}"], None, None)
            for entity, scope, m in found]
