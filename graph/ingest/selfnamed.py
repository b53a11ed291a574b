"""The name a policy gives itself without a legal form, when it names no company with one:
the name it defines as "we" ("Quillify (“we”, “us”) respects your privacy"), the name it
defines with its initials in its own voice and then uses them ("Koninklijke Bibliotheek (‘KB’)"
… "De KB is …"), or the bare name it gives as its own ("This is a privacy policy for X.", "X,
pessoa jurídica …"). Each becomes an entity of the :class:`~.entities.EntityBook`."""

from __future__ import annotations

import re

from xborder.graph.ingest.entities import EntityBook
from xborder.graph.ingest.lexicon import REPRESENTATIVE
from xborder.graph.ingest.places import PlaceFinder
from xborder.graph.ingest.shortnames import acronym_name, bare_we
from xborder.graph.ingest.slots import owner_name
from xborder.graph.ingest.text import Document

__all__ = ["bare_we_entity", "own_name"]

_REPRESENTS = re.compile(REPRESENTATIVE, re.I)
#: the policy speaking as itself, in the sentence defining the initials
_OWN_VOICE = re.compile(r"\b(?:we|our|us|wij|onze|nous|notre|wir|unser\w*|noi|nostr[oaie]|"
                        r"nosotros|nuestr[oa]s?|nós|noss[oa]s?|owned\s+by|personal\s+(?:data|"
                        r"information)|données|personenbezogene|dati\s+personali|datos\s+"
                        r"personales|dados\s+pessoais|persoonsgegevens|danych)\b",
                        re.I)
#: initials that name a law, an authority or a union of states, never the policy's own
_NOT_OURS = re.compile(r"\b(?:Regulation|Reglamento|Regolamento|Regulamento|Verordnung|"
                       r"Verordening|Règlement|Authority|Autoridade|Autoriteit|Autoridad|Autorità|"
                       r"Behörde|Commissioner\w*|Commission|Garante|Agencia|Act|Law|Ley|Lei|"
                       r"Gesetz|Wet)\b|\b(?:European\s+Union|Unión\s+Europea|União\s+Europeia|"
                       r"Unione\s+[Ee]uropea|Europäische\s+Union|Union\s+européenne)")


def bare_we_entity(doc: Document, book: EntityBook, finder: PlaceFinder) -> None:
    """When no company with a legal form is named, the name the policy defines as "we"
    ("Quillify (“we”, “us”) respects your privacy") is an entity, the one it calls "we"; or the
    name it defines with its initials in its own voice and then uses them. A parent or a processor
    named beside it ("a member of the Vodafone Group": “Vodafone Group” means Vodafone Group Plc
    …) does not stop it."""
    if any(not {"parent", "third party"} & e.roles for e in book.entities.values()):
        return
    for unit in doc.units[:12]:
        if (acronym := acronym_name(unit.text)) is not None and _OWN_VOICE.search(unit.text) \
                and not _NOT_OURS.search(acronym[0]) and \
                not any(p.start == 0 for p in finder.find(acronym[0])) and \
                not _REPRESENTS.search(unit.text) and \
                len(re.findall(r"\b" + re.escape(acronym[2]) + r"\b", doc.source)) >= 2:
            book.named(unit, acronym[0], acronym[1]).aliases.append(acronym[2])
            return  # "Koninklijke Bibliotheek (‘KB’)", then "De KB is …": the policy's own
        if (found := bare_we(unit.text)) is not None and \
                not any(found[0] in e.name for e in book.entities.values()):  # a part of one
            if re.search(re.escape(found[0]) + r"\s+is\s+(?:the|a)\s+(?:registered\s+)?"
                         r"trad(?:e|ing)\s+name\b", doc.source):
                return  # "X is the registered trade name of a sole proprietorship": no entity
            entity = book.named(unit, *found)
            entity.we = True
            entity.country_basis = "no legal form: the name the policy defines as \"we\""
            return


def own_name(doc: Document, book: EntityBook, finder: PlaceFinder) -> None:
    """A policy that names no company with a legal form and no controller: the bare name it
    gives as its own in its first units ("This is a privacy policy for X.") is an entity."""
    if any(not {"third party", "representative", "representative's contact"} & e.roles
           for e in book.entities.values()):
        return
    for unit in doc.units[:12]:
        if (own := owner_name(unit.text, finder)) is not None:
            book.named(unit, *own)
            return
