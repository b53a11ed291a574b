"""The name a policy speaks as, when it names no controller: the subject of one of its opening
sentences on personal data — "Valve respects the privacy of its online visitors …", "Winktel
hecht veel waarde aan …", "SPARTOO recueille des données …", "The Wikimedia Foundation is the
nonprofit organization that operates …" — written again elsewhere in the policy.

A name with a legal form the policy gives elsewhere that starts with it ("Valve Corporation" in
the contact block) is that company; else the bare name is an entity of its own. Never a pronoun,
a generic word ("The Company", "This Policy") or a name a policy uses once.
"""

from __future__ import annotations

import re

from xborder.graph.ingest.entities import EntityBook
from xborder.graph.ingest.model import EntityProposal
from xborder.graph.ingest.text import Document

__all__ = ["subject_entity"]

_NAME = (r"((?:[A-Z][\w&’'.-]*[A-Za-z0-9](?:\s+(?:of|for|de|di|van|von)\s+|\s+)){0,3}"
         r"[A-Z][\w&’'-]*[A-Za-z0-9]|[a-z0-9-]{3,}\.(?:com|org|net|de|fr|io|nl|it|es|pt|pl|eu))")
#: a verb of caring for or handling personal data right after the subject, in the languages read
_VERB = (r"(?:respects?|values?|is\s+committed|takes|collects?|processes|uses|cares|"
         r"is\s+the\s+(?:non-?profit\s+)?(?:organi[sz]ation|company)|hecht|respecteert|verwerkt|"
         r"verzamelt|respecte|recueille|collecte|traite|s['’]engage|respektiert|verarbeitet|erhebt|"
         r"nimmt|legt|rispetta|raccoglie|tratta|respeta|recoge|trata|respeita|coleta|valoriza|"
         r"respekterar|behandlar|szanuje|przetwarza)\b")
_SUBJECT = re.compile(r"(?:^|[.!?]\s+|,\s+)(?:The\s+|La\s+|Le\s+|Die\s+|Der\s+|El\s+|Il\s+|De\s+|"
                      r"Het\s+)?" + _NAME + r"\s+" + _VERB)
#: "… les engagements pris par VERTBAUDET pour protéger votre vie privée"
_BY = re.compile(r"\b(?:pris|pr[ée]vus|adoptés)\s+par\s+" + _NAME + r"\s+pour\s+protéger\b")
_NOT = frozenset({"we", "our", "this", "these", "the", "our company", "company", "policy",
                  "privacy", "website", "site", "service", "services", "app", "you", "it",
                  "nous", "wir", "wij", "noi", "nosotros", "nós", "data", "personal data"})


def subject_entity(doc: Document, book: EntityBook) -> EntityProposal | None:
    """The entity the first units speak as (see the module), or None."""
    for unit in [u for u in doc.units if u.kind != "heading"][:4]:
        m = _SUBJECT.search(unit.text) or _BY.search(unit.text)
        if m is None:
            continue
        name, start = m[1].strip(), m.start(1)
        if name.casefold() in _NOT or name.split()[0].casefold() in _NOT or \
                len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", doc.source)) < 2:
            continue
        formed = [e for e in book.entities.values()
                  if e.name.casefold().startswith(name.casefold() + " ") and not
                  {"representative", "representative's contact", "parent", "third party"} & e.roles]
        if len(formed) == 1:
            return formed[0]  # "Valve respects …" / "Valve Corporation, P.O. Box …"
        if not formed:
            return book.named(unit, name, start)
    return None
