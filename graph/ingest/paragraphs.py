"""Rules read across paragraphs, each paragraph too short to say it all.

* Companies listed a paragraph each ("In Great Britain – Acme Limited: 1 Fleet St, …") under
  "Which of our companies you contract with depends on where …" (:func:`line_runs`).
* A paragraph that is only a condition on the user ("For users in the EEA and the UK:") and the
  company named at the start of the paragraph after it (:func:`condition_heads`).

Neither reads a representative's or a contact's list ("We have appointed X as our
representative: – For users in the EEA: X Ireland Ltd …").
"""

from __future__ import annotations

import itertools
import re

from xborder.graph.ingest.distractors import not_user_places
from xborder.graph.ingest.entities import representative
from xborder.graph.ingest.lexicon import REPRESENTATIVE
from xborder.graph.ingest.model import RuleProposal
from xborder.graph.ingest.others import ELSE
from xborder.graph.ingest.rows import NOT_PARTY, Context, rule_for
from xborder.graph.ingest.text import Unit

__all__ = ["condition_heads", "line_runs"]

_REPRESENTS = re.compile(REPRESENTATIVE, re.I)
#: one line "In Spain – Acme Spain S.L.: Calle …" / "Greece - Acme M.E.P.E."
_RUN_LINE = re.compile(r"^[ \t]*[-*•]?[ \t]*([^:\n|–—]{2,60}?)[ \t]*(?:[:|–—]|[ \t]-)[ \t]+\S")


def line_runs(units: list[Unit], ctx: Context) -> dict[int, RuleProposal]:
    """Companies listed a paragraph each, "In Great Britain – Acme Limited: 1 Fleet St, …"
    under "Which of our companies you contract with depends on where …": each line whose
    words before the dash or colon are places and that names a company after them is a rule,
    when at least two lines in a row read so (a short line between them, the rest of an
    address, does not break the run). Keyed by the unit's index."""
    found: dict[int, RuleProposal] = {}
    run: list[tuple[int, RuleProposal]] = []
    lead = ""
    for n, unit in enumerate(units):
        if (rule := _line_rule(unit, ctx)) is not None:
            if not run:
                lead = " ".join(u.text for u in units[max(0, n - 3):n])
            run.append((n, rule))
        elif not (run and len(unit.text) < 80 and not ctx.book.mentions(unit) and
                  unit.kind != "heading"):  # "15, 03108 Vilnius, Lithuania" continues a line
            _close(run, lead, found)
            run = []
    _close(run, lead, found)
    return found


def _line_rule(unit: Unit, ctx: Context) -> RuleProposal | None:
    """The rule of one "place – company" line, if the unit is one."""
    if unit.kind not in ("sentence", "item") or "\n" in unit.text.strip() or \
            len(unit.text) > 240 or (line := _RUN_LINE.match(unit.text)) is None:
        return None
    scope = ctx.finder.scope(line[1])
    if not scope.codes and ELSE.search(line[1]):
        scope.everyone = True  # "All others: Acme Global Pte. Ltd."
    named = [e for m, e, _s in ctx.book.mentions(unit) if m.start >= line.end(1)]
    if not scope.codes or not named:
        return None
    return rule_for(unit, named[0], scope, line[1], [], 0.75,
                    ["one 'place – company' line of a list"], None, None)


def _close(run: list[tuple[int, RuleProposal]], lead: str, found: dict[int, RuleProposal]
           ) -> None:
    """Keep a finished run of two lines or more, unless it lists a representative's offices
    ("We’ve appointed VeraSafe as our representative …: – For users in the EEA: …")."""
    if len(run) >= 2 and not _REPRESENTS.search(lead):
        found.update(run)


#: a paragraph that is only a condition on the user: "For users in the EEA and the UK:"
_USER_WORD = re.compile(r"\b(?:users?|residents?|customers?|you|Nutzer\w*|Kunden|utilisateurs|"
                        r"clients|usuari[oa]s|utenti|clienti|gebruikers|klanten|utilizadores|"
                        r"användare|brukere|brugere)\b", re.I)


def condition_heads(units: list[Unit], ctx: Context) -> dict[int, RuleProposal]:
    """A paragraph that is only a condition on where the user is, ending in a colon ("For
    users in the rest of the world:"), and a paragraph that starts with a company's name right
    after it: the company is proposed for the condition's places. Keyed by the second
    paragraph's index."""
    found: dict[int, RuleProposal] = {}
    for n, (head, unit) in enumerate(itertools.pairwise(units), start=1):
        text = head.text.strip()
        if head.kind not in ("sentence", "item", "heading") or not text.endswith(":") or \
                len(text) > 140 or ctx.book.mentions(head) or not _USER_WORD.search(text) or \
                _REPRESENTS.search(text) or NOT_PARTY.search(text):
            continue  # not "If you are in the EEA, you can contact our representative:"
        scope = ctx.finder.scope(text, not_user_places(text, ctx.finder))
        if not scope.codes and not ELSE.search(text):
            continue
        if not scope.codes:
            scope.everyone = True
        named = ctx.book.mentions(unit)
        if not named or named[0][0].start > 4 or representative(unit.text, named[0][0].start,
                                                                named[0][0].end):
            continue
        found[n] = rule_for(unit, named[0][1], scope, text, [], 0.7,
                            [f"named under the condition {text[:80]!r}"], None, None)
    return found
