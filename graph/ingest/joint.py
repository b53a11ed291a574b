"""Joint controllers named in one sentence and called so in the next.

"Acme España, S.L. e Acme Brasil LTDA. Ambas tratamos os seus dados pessoais como
corresponsáveis do tratamento": the second sentence names no company but says that *both* —
"Both", "Ambas", "Beide", "Toutes deux", "Entrambe" … — are joint controllers; the companies are
the ones the sentence before joins with "and". Each is proposed as a joint controller for the
places the second sentence names (everyone when it names none), at 0.7, with both sentences'
reading in the notes.
"""

from __future__ import annotations

import re

from xborder.graph.ingest.entities import representative
from xborder.graph.ingest.lexicon import JOINT
from xborder.graph.ingest.model import EntityProposal, RuleProposal
from xborder.graph.ingest.rows import Context, rule_for
from xborder.graph.ingest.text import Unit

__all__ = ["both_rules"]

_JOINT = re.compile(JOINT, re.I)
#: the sentence's subject is "both" of the companies just named
_BOTH = re.compile(r"^\W*(?:both(?:\s+(?:companies|entities|of\s+us|of\s+them))?|we\s+both|ambas|"
                   r"ambos|beide(?:\s+(?:Unternehmen|Gesellschaften))?|entrambe|entrambi|"
                   r"tou(?:te)?s\s+(?:les\s+)?deux|les\s+deux\s+(?:sociétés|entités)|allebei|"
                   r"beide\s+partijen|begge|båda|molemmat|obie)\b", re.I)
#: between two names the sentence before joins: "X e Y", "X, Y and Z"
_JOINED = re.compile(r"\W*(?:and|e|y|und|et|en|og|och|ja|i|oraz)?\W*", re.I)


def both_rules(unit: Unit, before: Unit | None, ctx: Context) -> list[RuleProposal]:
    """Rules for "Both … are joint controllers" after a sentence joining companies with "and"."""
    if before is None or not _BOTH.match(unit.text) or not _JOINT.search(unit.text) or \
            ctx.book.mentions(unit):
        return []
    mentions = ctx.book.mentions(before)
    named: list[EntityProposal] = []
    for k, (m, entity, _s) in enumerate(mentions):
        if k and not _JOINED.fullmatch(before.text[mentions[k - 1][0].end:m.start]):
            return []  # the names are not one list: "X Ltd, a subsidiary of Y Inc."
        if representative(before.text, m.start, m.end):
            return []
        if all(entity is not e for e in named):
            named.append(entity)
    if len(named) < 2:
        return []
    scope = ctx.finder.scope(unit.text)
    if not scope.codes:
        scope.everyone = True
    notes = ["joint controllers: " + ", ".join(e.name for e in named),
             "named in the sentence before, called joint controllers together in this one"]
    return [rule_for(unit, entity, scope, unit.text, [], 0.7, notes, None, None)
            for entity in named]
