"""Recipients (who data is disclosed to) and the transfer safeguards a policy claims.

A recipient is proposed from a sentence that discloses ("share", "disclose", "transfer", "made
available", "sell") to a kind of party — affiliates, partners and service providers,
authorities, parties to a merger, anyone "with your consent" — or that puts data on "servers
located around the world"; a denial ("we do not share … with advertisers") proposes nothing.
One proposal per kind, from the first sentence that names it.

A safeguard is proposed from a sentence about transfers (or in a section whose heading is about
them): adequacy ("adequate level of protection", "adequacy decision"), SCCs, BCRs, the EU-U.S.
Data Privacy Framework (and the Privacy Shield before it), consent, anonymisation, certification
and codes of conduct.
"""

from __future__ import annotations

import re

from xborder.graph.ingest.entities import EntityBook
from xborder.graph.ingest.model import (
    EntityProposal,
    Evidence,
    RecipientProposal,
    SafeguardProposal,
)
from xborder.graph.ingest.places import EVERYONE, PlaceFinder
from xborder.graph.ingest.text import Document, Unit

__all__ = ["recipients", "safeguards"]

_SHARE = (r"shar(?:e|ed|es|ing)|disclos(?:e|ed|es|ing|ures?)|made\s+available|make\s+\w+\s+"
          r"available|give\s+access|sell|receiv(?:e|es|ed)|provide\s+(?:it|them|\w+\s+data)\s+to")
_DISCLOSE = re.compile(rf"\b(?:{_SHARE}|transfer(?:red|s|ring)?)\b", re.I)
_SHARE_ONLY = re.compile(rf"\b(?:{_SHARE})\b", re.I)
_DENIAL = re.compile(r"\b(?:not|never|no)\b[^.;]{0,25}\b(?:share|disclose|sell|transfer|rent)",
                     re.I)
_RECIPIENTS: list[tuple[str, str, str]] = [
    ("consented-party", r"\b(?:your\s+(?:explicit\s+|express\s+|prior\s+)?(?:consent|approval|"
                        r"permission|authori[sz]ation)|with\s+(?:your\s+)?consent)\b",
     "Other parties, with your consent"),
    ("affiliate", r"\baffiliat\w*|\bsubsidiar\w*|\bgroup\s+compan\w*|\b(?:companies|members?)\s+"
                  r"(?:in|of)\s+(?:our|the)\s+(?:\w+\s+)?group|\bcorporate\s+family|\bsister\s+"
                  r"compan|\brelated\s+compan\w*|\bfamily\s+of\s+companies|\brelated\s+bod(?:y|ies)\s+corporate",
     "Affiliates and group companies"),
    ("authority", r"\bauthorit\w*|\blaw\s+enforcement|\bcourts?\b|\bgovernment\w*|\bregulators?"
                  r"|\blegal\s+(?:process|proceedings|obligations?)|\brequired\s+by\s+(?:the\s+)?"
                  r"law|\bpolice\b|\bsubpoena",
     "Public authorities, courts and law enforcement"),
    ("transaction-party", r"\bmergers?\b|\bacquisitions?\b|\breorgani[sz]ations?\b|\binsolvency"
                          r"|\bbankruptcy|\bsale\s+of\s+(?:all\s+or\s+)?(?:part\s+of\s+)?(?:our|"
                          r"the)\s+(?:business|assets|company)|\btransaction\s+parties",
     "Parties to a merger, acquisition, reorganisation or insolvency"),
    ("partner", r"\bpartners?\b|\bservice\s+providers?|\bvendors?\b|\bprocessors?\b|\bsuppliers?"
                r"|\bcontractors?\b|\blogistics\b|\bpayment\s+(?:providers?|processors?)|"
                r"\badvertis\w+|\bthird[- ]party\s+providers?|\bagents?\b|\bbanks?\b|"
                r"\bfinancial\s+institutions?|\bcarriers?\b|\bdelivery\s+compan",
     "Partners and service providers"),
]
_SERVERS = re.compile(r"\b(?:servers|data\s+cent(?:er|re)s?|infrastructure|hosting\s+providers?)"
                      r"\b", re.I)
_SERVER_PLACE = re.compile(r"\b(?:located|hosted|housed|around\s+the\s+world|worldwide|globally)\b"
                           r"|\bin\s+(?:the\s+)?[A-Z]")
_SECTION = re.compile(r"disclos|shar|recipient|third[- ]part|transfer|who\s+(?:we|receives)",
                      re.I)
_CONTENTS = re.compile(r"(?:^|\s)\d{1,2}\.\s+[A-Z]")
_TRANSFER = re.compile(r"\btransfer\w*|\bcross[- ]border|\bacross\s+borders|\boutside\s+(?:of\s+)?"
                       r"(?:the|your)\b|\binternational\w*|\babroad\b|\boverseas\b|\bthird\s+countr|\bother\s+"
                       r"(?:countries|jurisdictions)", re.I)
_SAFEGUARDS: list[tuple[str, str, str]] = [
    ("scc", r"\bstandard\s+(?:contractual|data\s+protection)\s+clauses|\bmodel\s+"
            r"(?:contract(?:ual)?\s+)?clauses|\bSCCs?\b", "Standard contractual clauses"),
    ("bcr", r"\bbinding\s+corporate\s+rules|\bBCRs?\b", "Binding corporate rules"),
    ("dpf", r"\bdata\s+privacy\s+framework|\bprivacy\s+shield|\bDPF\b",
     "EU-U.S. Data Privacy Framework (or its predecessor, the Privacy Shield)"),
    ("adequacy", r"\badequacy\s+decisions?|\badequate\b|\b(?:equivalent|comparable|similar)\s+"
                 r"(?:level|standard)\b|\bstandard\s+comparable\s+to\b",
     "An adequate level of protection"),
    ("consent", r"\bconsent\b", "Consent to the transfer"),
    ("anonymisation", r"\banonymi[sz]\w*|\bde-?identif\w*|\bpseudonymi[sz]\w*",
     "Anonymisation before transfer"),
    ("certification", r"\bcertification\b|\bcodes?\s+of\s+conduct\b",
     "Certification or an approved code of conduct"),
]


def _evidence(unit: Unit) -> Evidence:
    return Evidence(unit.text, unit.start, unit.end, unit.section.label, unit.section.heading)


def recipients(doc: Document, book: EntityBook, finder: PlaceFinder) -> list[RecipientProposal]:
    """One proposal per kind: from a section about disclosure if there is one, else the first
    sentence anywhere (a table of contents is no disclosure)."""
    found: dict[str, RecipientProposal] = {}
    units = [u for u in doc.units if u.kind != "heading"
             and len(_CONTENTS.findall(u.text)) < 3]
    units.sort(key=lambda u: (not _SECTION.search(u.section.heading), u.index))
    for unit in units:
        text = unit.text
        kinds: list[tuple[str, str]] = []
        listed = unit.kind == "item" and _DISCLOSE.search(unit.section.title + " " + unit.lead)
        if (_DISCLOSE.search(text) or listed) and not _DENIAL.search(text):
            context = f"{unit.section.title}: {text}"
            kinds = [(kind, name) for kind, pattern, name in _RECIPIENTS
                     if re.search(pattern, context if kind == "consented-party" else text, re.I)
                     and (kind != "consented-party" or _SHARE_ONLY.search(text))]
        if _SERVERS.search(text) and _SERVER_PLACE.search(text):
            kinds.append(("infrastructure", "Servers and infrastructure"))
        for kind, name in kinds:
            if kind in found:
                continue
            skip = [(m.start, m.end) for m, _, _ in book.mentions(unit)]
            scope = finder.scope(text, skip)
            locations = scope.codes if scope.places else ([EVERYONE] if scope.everyone else [])
            proposal = RecipientProposal(_ident(kind), kind, name, _evidence(unit),
                                         0.8 if kind != "consented-party" else 0.7,
                                         locations=locations)
            if scope.everyone and not scope.places:
                proposal.location_basis = f"The policy says only {scope_words(text)!r}."
            if kind == "affiliate":
                _affiliates(proposal, book)
            found[kind] = proposal
    return sorted(found.values(), key=lambda r: r.evidence.start)


def scope_words(text: str) -> str:
    m = re.search(r"around\s+the\s+world|worldwide|globally|everywhere|rest\s+of\s+the\s+world",
                  text, re.I)
    return m[0] if m else "everyone"


def _ident(kind: str) -> str:
    return {"affiliate": "affiliates", "partner": "partners", "authority": "authorities",
            "transaction-party": "transaction-parties", "consented-party": "consented-parties",
            "infrastructure": "servers"}.get(kind, kind)


def _affiliates(proposal: RecipientProposal, book: EntityBook) -> None:
    """Affiliates are the group's named entities (not its representatives); where they are is
    where those entities are, when the sentence itself names no place."""
    members: list[EntityProposal] = [e for e in book.entities.values()
                                     if "representative" not in e.roles]
    proposal.entities = members
    if not proposal.locations:
        countries = list(dict.fromkeys(e.country for e in members if e.country))
        if countries:
            proposal.locations = countries
            proposal.location_basis = (
                "The policy names no places for its affiliates; these are the countries of "
                "the entities it names.")


def safeguards(doc: Document) -> list[SafeguardProposal]:
    found: dict[str, SafeguardProposal] = {}
    for unit in doc.units:
        if unit.kind == "heading":
            continue
        in_sentence = bool(_TRANSFER.search(unit.text))
        if not in_sentence and not _TRANSFER.search(unit.section.title):
            continue
        for kind, pattern, name in _SAFEGUARDS:
            if kind in found or not re.search(pattern, unit.text, re.I):
                continue
            if kind == "adequacy" and re.search(r"adequacy\s+decision", unit.text, re.I):
                name = "Adequacy decision"
            found[kind] = SafeguardProposal(_safeguard_id(kind), kind, name, _evidence(unit),
                                            0.8 if in_sentence else 0.65)
    return list(found.values())


def _safeguard_id(kind: str) -> str:
    return {"adequacy": "adequate-protection", "scc": "sccs", "bcr": "bcrs"}.get(kind, kind)
