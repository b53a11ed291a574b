"""The owner block of generated policies: a heading that joins the owner and the controller
("Owner and Data Controller", "Titolare del Trattamento dei Dati", "Titular y Responsable del
tratamiento de los Datos", "Propriétaire et Responsable du traitement", "Anbieter und
Verantwortlicher"), the owner's name on the next line — often a bare name, a site or a person,
with the address after a comma — and then the owner's contact e-mail line.

Policy generators write this block the same way in every language they ship, so the name on the
line between the heading and the contact line is the controller for every user (0.7, noted).
"""

from __future__ import annotations

import re

from xborder.graph.ingest.entities import EntityBook
from xborder.graph.ingest.model import RuleProposal
from xborder.graph.ingest.places import PlaceFinder, Scope
from xborder.graph.ingest.rows import rule_for
from xborder.graph.ingest.slots import usable_name
from xborder.graph.ingest.text import Document

__all__ = ["owner_rules"]

_HEAD = (r"(?:owner\s+and\s+(?:data\s+)?controller|(?:data\s+)?controller\s+and\s+owner|"
         r"titolare\s+del\s+trattamento(?:\s+dei\s+dati)?|titular\s+y\s+responsable\s+del\s+"
         r"tratamiento(?:\s+de\s+(?:los\s+)?datos)?|propriétaire\s+et\s+responsable\s+du\s+"
         r"traitement(?:\s+des\s+données)?|anbieter\s+und\s+verantwortliche[r]?|"
         r"proprietário\s+e\s+controlador(?:\s+de\s+dados)?|titular\s+e\s+responsável\s+pelo\s+"
         r"tratamento(?:\s+dos\s+dados)?|eigenaar\s+en\s+verwerkingsverantwoordelijke|"
         r"właściciel\s+i\s+administrator\s+danych)")
_HEAD_AT = re.compile(r"\s*(?i:" + _HEAD + r")")
#: the heading, the name up to a comma or the line's end, then a contact line with an e-mail
_BLOCK = re.compile(r"^\s*(?i:" + _HEAD + r")\s*:?\s+(?:(?i:firma|company|empresa|società|"
                    r"société|unternehmen|name|nazwa)\s*:\s*)?"
                    r"(?P<name>[^\n,;:()]{2,60}?)\s*(?:,[^\n]*)?"
                    r"\n\s*(?=[^\n]{0,80}?(?i:e-?mail|correo|indirizzo|adresse|endereço|"
                    r"contact|kontakt\w*)[^\n]{0,60}?(?::|@))")


def owner_rules(doc: Document, book: EntityBook, finder: PlaceFinder,
                rules: list[RuleProposal]) -> list[RuleProposal]:
    """The owner of a generated policy's owner block, when no clause named a controller."""
    if any(not r.default for r in rules):
        return []
    units = doc.units
    for n, unit in enumerate(units):
        if not _HEAD_AT.match(unit.text):
            continue
        parts = [unit, *units[n + 1:n + 3]]
        window = "\n".join(u.text for u in parts)
        m = _BLOCK.match(window)
        if m is None:
            continue
        name, at = m["name"].strip(), m.start("name")
        offset = 0
        for part in parts:  # the unit the name is in, and where in it
            if at < offset + len(part.text) + 1:
                break
            offset += len(part.text) + 1
        start = at - offset
        known = [e for mention, e, _s in book.mentions(part)
                 if mention.start <= start < mention.end]
        if not known and not usable_name(part.text, name, start, finder):
            return []
        entity = known[0] if known else book.named(part, name, start)
        note = (f"named on the line under {unit.text.splitlines()[0].strip()[:60]!r}, the "
                "owner block of a generated policy: proposed for every user")
        return [rule_for(part, entity, Scope(everyone=True), part.text, [], 0.7, [note],
                         None, None)]
    return []
