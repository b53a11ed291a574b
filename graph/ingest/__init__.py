"""Read a privacy policy and propose the graph assertions a human reviews and accepts.

:func:`ingest` is the one entry point: text in (Markdown, HTML or plain text), :class:`Proposals`
out — the legal entities named, the controller rules (controller, locations, exceptions,
services, dates), the recipients and the transfer safeguards, each with its evidence (sentence,
offsets into the input, section, confidence). :mod:`xborder.graph.ingest.emit` writes them as an
authoring file (or Turtle, or JSON) that ``xborder validate`` accepts. Nothing is merged into the
knowledge base here: that is a separate, explicit step.

Extraction is rule-based (regular expressions over sentences, the knowledge base's location
index for places); ``docs/ingest.md`` says why, and what it reads.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from xborder.graph.dates import parse_date
from xborder.graph.errors import UnknownOrganisation, XborderInputError
from xborder.graph.ingest.bracketed import bracketed_rules
from xborder.graph.ingest.brand import brand_name
from xborder.graph.ingest.cjkplaces import cjk_residence_rules
from xborder.graph.ingest.clauses import controller_rules, document_date, number_rules
from xborder.graph.ingest.disclosures import recipients, safeguards
from xborder.graph.ingest.editions import apply_edition, edition_region
from xborder.graph.ingest.entities import EntityBook, entity_key, find_mentions
from xborder.graph.ingest.lexicon import RESIDES, SERVING, THIRD_PARTY
from xborder.graph.ingest.model import (
    DocumentProposal,
    EntityProposal,
    Evidence,
    Proposals,
    RuleProposal,
    slug,
)
from xborder.graph.ingest.others import everyone_else
from xborder.graph.ingest.owner import owner_rules
from xborder.graph.ingest.places import EVERYONE, PlaceFinder
from xborder.graph.ingest.regional import define_groups, issuer_rules, lead_rules
from xborder.graph.ingest.selfnamed import bare_we_entity, own_name
from xborder.graph.ingest.services import KnownService, ServiceBook
from xborder.graph.ingest.text import Document, read_document

if TYPE_CHECKING:
    from xborder.graph.kb import KnowledgeBase
    from xborder.graph.model import Organisation

__all__ = ["Proposals", "ingest", "read_policy"]

MAX_INPUT = 5_000_000  # characters
LONG_INPUT = 100_000  # characters: from here on, progress is reported on standard error


@functools.cache
def _shipped_kb() -> KnowledgeBase:
    from xborder.graph.kb import KnowledgeBase

    return KnowledgeBase.load()


def ingest(text: str, org: str | None = None, url: str | None = None,
           published: str | dt.date | None = None, fmt: str | None = None,
           name: str | None = None, kb: KnowledgeBase | None = None,
           region: str | None = None, edition: str | None = None,
           progress: Callable[[str], None] | None = None) -> Proposals:
    """Propose the assertions a policy makes.

    ``org`` names an organisation of the knowledge base (its ids are then reused) or a new one;
    ``url`` and ``published`` (YYYY-MM-DD) record provenance; ``fmt`` is ``markdown``, ``html``
    or ``text`` (default: from ``name``'s suffix, else sniffed); ``kb`` supplies the places and
    the organisations known (default: the shipped knowledge base). ``region`` (codes, comma
    separated) or ``edition`` (a name such as "EEA" or "uk") says which regional edition the
    policy is; else it is read from the URL or the title. ``progress`` receives a line per stage
    (default for inputs of 100 000 characters or more: standard error).
    """
    if not isinstance(text, str) or not text.strip():
        raise XborderInputError("the policy is empty: nothing to read")
    if len(text) > MAX_INPUT:
        raise XborderInputError(f"the policy is too long ({len(text)} characters; at most "
                                f"{MAX_INPUT})")
    if fmt not in (None, "markdown", "html", "text"):
        raise XborderInputError(f"unknown input format {fmt!r}: use markdown, html or text")
    day = parse_date(published) if published not in (None, "") else None
    report = _reporter(len(text), progress)
    kb = kb or _shipped_kb()
    doc = read_document(text, fmt, name)
    if not [u for u in doc.units if u.kind != "heading"]:
        raise XborderInputError("no sentences found in the policy")
    report(f"read {len(text) // 1024} KB: {len(doc.units)} units, {len(doc.sections)} sections")
    finder = PlaceFinder(kb.locations, [a.text for a in kb.model.aliases])
    notes: list[str] = define_groups(doc, finder)
    book = EntityBook(finder, kb.model.entities)
    book.scan(doc)
    bare_we_entity(doc, book, finder)
    report(f"entities: {len(book.entities)} named")
    issuer, issuer_evidence = _issuer(doc, book, org, notes)
    existing = _existing(kb, org or _short_name(issuer))
    known_services: list[KnownService] = []
    if existing is not None:
        book.adopt({entity_key(e.name): (e.id, e.name, e.country)
                    for e in kb.model.entities.values() if e.organisation == existing.id})
        known_services = [(s.id, s.name, s.aliases, s.domains)
                          for s in existing.services.values()]
        notes.append(f"{existing.name} ({existing.id}) is already in the knowledge base: the "
                     f"proposal is a separate organisation ({existing.id}-proposed) that loads "
                     "beside it; entities it already has keep their registered names and "
                     "countries, services their ids")
    services = ServiceBook(finder, known_services)
    rules = controller_rules(doc, book, finder, services)
    rules += lead_rules(doc, book, finder, rules)
    rules += cjk_residence_rules(doc, book, rules)
    rules += bracketed_rules(doc, book, finder, rules)
    rules += owner_rules(doc, book, finder, rules)
    if not any(not r.default for r in rules):
        own_name(doc, book, finder)
    rules += issuer_rules(doc, book, rules)
    issuer = _named_issuer(issuer, book, notes)
    _brand_issuer(doc, book, issuer, url, finder, notes)
    number_rules(rules)
    first = doc.units[0] if doc.units and (doc.units[0].kind == "heading" or (
        len(doc.units[0].text) < 80 and _TITLE_WORD.search(doc.units[0].text))
        ) else None  # a title line: "Datenschutzerklärung (EWR)"
    title = doc.title or (first.text if first else None)
    codes = edition_region(url, title, region, edition, finder)
    if codes:
        how = "--region" if region else "--edition" if edition else "from the URL or title"
        apply_edition(rules, codes, how)
        notes.append(f"regional edition for {', '.join(codes)} ({how}): clauses naming no "
                     "place apply there")
    report(f"controller rules: {len(rules)}")
    if not any(not r.default for r in rules):
        rules += _title_rule(doc, title, book, issuer)
    placed = {c for r in rules if not r.services for c in r.locations}
    if not codes and not any(r.locations == [EVERYONE] and not r.services and
                             set(r.excepts) <= placed for r in rules):
        rules.append(_we_elsewhere(issuer, issuer_evidence, rules, book) or
                     _default_rule(issuer, issuer_evidence))  # else every user has a rule
    everyone_else(rules)  # after the default: "everyone else" covers every user left
    org_id, org_name = _organisation(existing, org, issuer)
    taken_docs = {d for o in kb.model.organisations.values() for d in o.documents}
    document = _document(doc, org_id, org_name, url, day, issuer, notes, taken_docs)
    for rule in rules:
        if rule.end is not None and rule.end < document.start:
            rule.notes.append(f"ended before the policy's own date ({document.start}): the "
                              "authoring file lists it as history, not as one of its rules")
    entities = list(book.entities.values())
    if issuer not in entities:
        entities.insert(0, issuer)
    for entity in entities:
        if entity.country is None:
            notes.append(f"{entity.name}: country not stated ({entity.country_basis}); "
                         "the authoring file writes the first candidate — check it")
    used = {org_name} | ({existing.name, *existing.aliases} if existing else set())
    organisation = {"id": org_id, "name": org_name,
                    "aliases": list(dict.fromkeys(a for e in entities for a in e.aliases
                                                  if a not in used)),
                    "in_knowledge_base": existing is not None}
    result = Proposals(organisation, document, entities, services.all, rules,
                       recipients(doc, book, finder), safeguards(doc), doc.format, notes)
    report("done")
    return result


#: a policy's own name, in a first line that is its title
_TITLE_WORD = re.compile(r"^[^.:!?]*\b(?:privacy|policy|notice|statement|datenschutz\w*|"
                         r"confidentialit\w*|donn[ée]es\s+personnelles|privacidad|privacidade|"
                         r"informativa|privacybeleid|privacyverklaring|integritet\w*|"
                         r"personvern\w*)\b[^.:!?]*$", re.I)


def _reporter(size: int, progress: Callable[[str], None] | None) -> Callable[[str], None]:
    """A progress callback that adds the elapsed time; silent for short input by default."""
    started = time.perf_counter()
    if progress is None and size >= LONG_INPUT:
        def progress(line: str) -> None:
            print(f"ingest: {line}", file=sys.stderr, flush=True)
    if progress is None:
        return lambda _line: None
    sink = progress

    def report(line: str) -> None:
        sink(f"{line} ({time.perf_counter() - started:.1f} s)")
    return report


def read_policy(path: str, stdin: TextIO | None = None) -> tuple[str, str | None]:
    """(text, file name) of a policy file, or of ``stdin`` when ``path`` is ``-``."""
    try:
        if path == "-":
            if stdin is None:
                raise XborderInputError("no standard input to read the policy from")
            return stdin.read(), None
        return Path(path).read_text(encoding="utf-8-sig"), path
    except UnicodeDecodeError as exc:
        raise XborderInputError(f"cannot read {path}: not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise XborderInputError(f"cannot read {path}: {exc.strerror or exc}") from None


def _existing(kb: KnowledgeBase, org: str | None) -> Organisation | None:
    if not org or not org.strip():
        return None
    try:
        return kb.organisation(org)
    except UnknownOrganisation:
        return None


def _issuer(doc: Document, book: EntityBook, org: str | None, notes: list[str]
            ) -> tuple[EntityProposal, Evidence]:
    """Who issues the policy: the entity it calls "we", else the copyright holder, else the
    first entity of the preamble, else the first named; with the sentence that says so."""
    we = book.we
    if we is not None and {"representative's contact", "third party"} & we.roles:
        we = None  # a DPO's or representative's company, or a processor, is never its "we"
    candidates: list[tuple[EntityProposal, str]] = []
    for unit in doc.units:
        for _m, entity, _s in book.mentions(unit):
            if entity is we:
                candidates.insert(0, (entity, "the policy calls it \"we\""))
            elif re.search(r"©|\bcopyright\b", unit.text, re.I) and \
                    "third party" not in entity.roles:
                candidates.append((entity, "the copyright holder"))
    current = [e for e in book.entities.values() if "former name" not in e.roles]
    others = [e for e in current if "third party" not in e.roles]  # not a listed processor
    others = [e for e in others if not {"representative", "representative's contact"} & e.roles]
    # … nor a DPO's or a representative's company: the first named may be one
    others = [e for e in others if not candidates and not _serves(doc, book, e)]
    first = next((e for e in others if "parent" not in e.roles), others[0] if others else None)
    for entity, _why in candidates or ([(first, "the first entity the policy names")]
                                      if first else []):
        unit = next(u for u in doc.units if any(e is entity for _, e, _ in book.mentions(u)))
        entity.roles.add("issuer")
        return entity, Evidence(unit.text, unit.start, unit.end, unit.section.label,
                                unit.section.heading)
    titled = find_mentions(doc.title) if doc.title else []  # "Privacy Statement of X N.V."
    name = org or (titled[0].name if titled else doc.title) or "Unknown organisation"
    notes.append("the policy names no legal entity: the issuer is a placeholder named after "
                 f"{name!r}")
    unit = next(u for u in doc.units if u.kind != "heading")
    evidence = Evidence(unit.text, unit.start, unit.end, unit.section.label, unit.section.heading)
    seats = tuple(titled[0].candidates) if titled and not org else ()  # the form's countries
    basis = f"legal form {titled[0].form} (in the title)" if seats else "not stated"
    return EntityProposal(slug(name, "issuer"), name, seats[0] if len(seats) == 1 else None,
                          seats, basis, evidence, roles={"issuer"}), evidence


def _serves(doc: Document, book: EntityBook, entity: EntityProposal) -> bool:
    """Every sentence naming ``entity`` names it as a service the site uses ("Unser
    Internetangebot wird bei der X gehostet", "advertising … is managed by X"): no issuer."""
    return all(_SERVING.search(u.text) for u in doc.units
               if any(entity is e for _, e, _ in book.mentions(u)))


def _brand_issuer(doc: Document, book: EntityBook, issuer: EntityProposal, url: str | None,
                  finder: PlaceFinder, notes: list[str]) -> None:
    """A placeholder issuer (the policy names no legal entity) takes the name of the site's
    brand as the text writes it (:mod:`.brand`): still the flagged default, never a controller
    the text names — a brand is no legal entity."""
    if any(issuer is e for e in book.entities.values()) or \
            (brand := brand_name(doc, url, finder)) is None:
        return
    issuer.name, issuer.country_basis = brand[1], "no legal entity named: the site's brand"
    issuer.id = slug(brand[1], "issuer")
    while any(e.id == issuer.id for e in book.entities.values()):
        issuer.id += "-issuer"
    notes[:] = [f"the policy names no legal entity: the issuer is named after the site's brand "
                f"{brand[1]!r}, as the text writes it — the company behind it is not said"
                if n.startswith("the policy names no legal entity") else n for n in notes]


def _named_issuer(issuer: EntityProposal, book: EntityBook, notes: list[str]
                  ) -> EntityProposal:
    """A placeholder issuer, once a clause has named an entity without a legal form ("Mistral
    AI is the data controller"): that entity when it has the placeholder's name or is the only
    one; else the placeholder, with an id no entity has."""
    named = [e for e in book.entities.values()
             if not {"former name", "parent", "representative", "representative's contact",
                     "third party"} & e.roles]
    if any(issuer is e for e in book.entities.values()) or not named:
        return issuer
    same = [e for e in named if entity_key(e.name) == entity_key(issuer.name)]
    chosen = same[0] if same else named[0] if len(named) == 1 else None
    if chosen is None:
        while any(e.id == issuer.id for e in book.entities.values()):
            issuer.id += "-issuer"
        return issuer
    chosen.roles.add("issuer")
    notes[:] = [n for n in notes if not n.startswith("the policy names no legal entity")]
    return chosen


def _default_rule(issuer: EntityProposal, evidence: Evidence) -> RuleProposal:
    return RuleProposal(
        "issuer-default", issuer, [], [], "", [], evidence, 0.5, default=True,
        notes=["No clause names a controller for everyone else: the issuer is proposed as the "
               "implied default; a local affiliate may be the controller instead — check"])


def _we_elsewhere(issuer: EntityProposal, evidence: Evidence, rules: list[RuleProposal],
                  book: EntityBook) -> RuleProposal | None:
    """The company the policy defines as "we", for the users no clause places, when its clauses
    name another company for some places only ("X, Inc. (“we”) …" and "If you are located in
    the EEA, X Limited is the controller"): the policy speaks as X everywhere else (0.55)."""
    explicit = [r for r in rules if not r.default]
    if book.we is not issuer or not explicit or any(r.locations == [EVERYONE] for r in explicit):
        return None
    placed = list(dict.fromkeys(c for r in explicit if not r.services for c in r.locations))
    if not placed:
        return None
    if any(r.controller is issuer for r in explicit):  # "X (“we”) is the controller for
        # users in France": the others are not said — the flagged default stays
        return None
    return RuleProposal(
        "we-elsewhere", issuer, [EVERYONE], placed, "", [], evidence, 0.55,
        notes=[f"the company the policy calls \"we\"; its clauses name another controller only "
               f"for {', '.join(placed)}: proposed for everyone else — check"])


def _short_name(issuer: EntityProposal) -> str:
    return issuer.aliases[0] if issuer.aliases else issuer.name.split()[0].strip(",")


def _organisation(existing: Organisation | None, org: str | None, issuer: EntityProposal
                  ) -> tuple[str, str]:
    """A new organisation's id and name; for one the knowledge base has, ``<id>-proposed``, so
    the proposal loads beside it."""
    if existing is not None:
        return f"{existing.id}-proposed", f"{existing.name} (proposed)"
    name = org.strip() if org and org.strip() else _short_name(issuer)
    return slug(name, "organisation"), name


def _document(doc: Document, org_id: str, org_name: str, url: str | None,
              day: dt.date | None, issuer: EntityProposal, notes: list[str], taken: set[str]
              ) -> DocumentProposal:
    stated = document_date(doc)
    version = stated[2] if stated else None
    precision = stated[1] if stated else "day"
    start = day or (stated[0] if stated else None)
    if day is not None:
        precision = "day"
    if start is None:
        start = dt.date.today()
        notes.append("the policy states no date and none was given (--published): 'from' is "
                     "today's date — correct it")
    if not url:
        url = f"urn:xborder:unpublished:{org_id}"
        notes.append("no URL given (--url): the document's url is a placeholder")
    title = doc.title or f"{org_name} privacy policy"
    ident = slug(f"{org_id.removesuffix('-proposed')} privacy policy {start.year}", "policy")
    while ident in taken:
        ident += "-proposed"
    return DocumentProposal(ident, title, url, version, start, precision, issuer)


_RESIDES = re.compile(RESIDES, re.I)
_SERVING = re.compile(THIRD_PARTY + "|" + SERVING, re.I)


def _title_rule(doc: Document, title: str | None, book: EntityBook, issuer: EntityProposal
                ) -> list[RuleProposal]:
    """A policy that names a company only in its title ("Datenschutzerklärung der Quill GmbH",
    "Privacy Policy of Quill Ltd") and no condition on where its users live: that company,
    for every user, at 0.5 and noted (it is the placeholder issuer read from the title)."""
    titled = find_mentions(title) if title else []
    if not title or not titled or not _TITLE_WORD.search(title.replace(titled[0].name, "X")) or \
            entity_key(titled[0].name) != entity_key(issuer.name) or \
            (book.entities and entity_key(issuer.name) not in book.entities) or \
            any(_RESIDES.search(u.text) for u in doc.units):
        return []
    start = max(doc.source.find(title), 0)
    evidence = Evidence(title, start, start + len(title), "Preamble", "Preamble")
    issuer.roles.add("controller")
    return [RuleProposal("title", issuer, [EVERYONE], [], "", [], evidence, 0.5, notes=[
        "the company the policy's title names as its own; no clause names the controller: "
        "proposed as the controller, check", "the title names no place: proposed for every "
        "user"])]
