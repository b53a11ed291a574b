"""A rule from a table row or a "Country: Company" line, and the rule record every reader of
:mod:`.clauses` and :mod:`.regional` builds.

A row is read against its table's header: the place column ("Country", "Where you use the app",
"Pays") gives the locations, the entity column ("Controller", "Contracting party", "Société")
the controller, a service column the services. Without a place column the row's other cells
are read, less the entity's own cell, address and contact cells and a representative's cell,
so a company's seat is never read as where its users are. A header whose cells are places
("| Service | EEA | United Kingdom | Rest of the world |") makes each of those columns a rule
for the row's service. A block of lines "United Kingdom: Acme UK Ltd" / "All other countries:
Acme, Inc." under a controller sentence is read line by line, as a table's rows are.
A clause whose only cue is where the user lives ("If you reside outside North America, your
contract is with X", "…, wenn Sie ein Bewohner der Vereinigten Staaten sind") is read by
:func:`residence_rules`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from xborder.graph.ingest.dating import Dating, dates_in
from xborder.graph.ingest.distractors import not_user_places
from xborder.graph.ingest.entities import EntityBook, Mention, representative
from xborder.graph.ingest.lexicon import RESIDES
from xborder.graph.ingest.model import (
    EntityProposal,
    Evidence,
    Reading,
    RuleProposal,
    ServiceProposal,
    slug,
)
from xborder.graph.ingest.others import ELSE
from xborder.graph.ingest.places import EVERYONE, Place, PlaceFinder, Scope
from xborder.graph.ingest.services import ServiceBook
from xborder.graph.ingest.text import Unit

__all__ = [
    "HEADER_PLACE",
    "NOT_PARTY",
    "Context",
    "bare_condition",
    "drop_placeless_repeats",
    "line_rules",
    "number_rules",
    "own_scopes",
    "places_and_companies",
    "residence_rules",
    "row_rules",
    "rule_for",
    "said_once",
]

#: a table column of places ("Country", "Where you use the app", "Pays")
HEADER_PLACE = re.compile(r"countr|region|location|where\s+you|resid|jurisdiction|users?\s+in|"
                           r"market|territor|\bL(?:and|änder)\b|\bpays\b|\bpa[íi]s(?:es)?\b|"
                           r"\bpaes[ei]\b|\bStaat|\bÉtat|\bStato\b|\bEstado\b|\bland(?:en)?\b",
                           re.I)
_HEADER_ENTITY = re.compile(r"controller|entity|company|responsible|operator|provider|contracting|"
                            r"party|Verantwortlich|responsable|titolare|verwerkingsverantwoordelijke|"
                            r"Gesellschaft|Unternehmen|société|entité|sociedad|entidad|società|"
                            r"entità|azienda|vennootschap|onderneming|entiteit|sociedade|entidade|"
                            r"empresa", re.I)
#: an entity column that says what the entity is to the user, not only that it is a company
_HEADER_ROLE = re.compile(r"controller|responsible|operator|provider|contracting|Verantwortlich|"
                          r"responsable|titolare|verwerkingsverantwoordelijke|responsável|"
                          r"Anbieter|fournisseur|proveedor|fornitore|aanbieder", re.I)
_HEADER_ADDRESS = re.compile(r"address|contact|e-?mail|postal|adresse|anschrift|indirizzo|direcci|"
                             r"morada|adres\b|seat|siège|Sitz|sede", re.I)
_REP_CELL = re.compile(r"\brepresentative\b|\breprésentant|\bVertreter", re.I)
_HEADER_SERVICE = re.compile(r"\bservices?\b|\bproducts?\b|\bapps?\b", re.I)


#: "all countries not listed above": everyone but the places of the table's rows above
_NOT_ABOVE = re.compile(r"\bnot\s+(?:listed|named|mentioned)\s+above|\bnon\s+(?:énumérés|"
                        r"mentionnés|listés|cités)\s+ci-dessus|\bnicht\s+(?:oben\s+)?(?:aufgeführt|"
                        r"genannt)|\bno\s+(?:enumerados|mencionados|indicados)\s+(?:anteriormente|"
                        r"arriba)|\bnon\s+(?:elencati|indicati)\s+sopra|\bniet\s+(?:hierboven\s+)?"
                        r"(?:vermeld|genoemd)|\bnão\s+(?:listados|indicados)\s+acima", re.I)


@dataclass
class Context:
    book: EntityBook
    finder: PlaceFinder
    services: ServiceBook
    dating: Dating
    #: the table being read: its last row's index, the place cell of the row above (a blank
    #: first cell continues it), every place its rows named and the services of the row above
    #: (a merged service cell continues them)
    row_at: int = -2
    place_above: Scope | None = None
    places_above: list[Place] = field(default_factory=list)
    services_above: list[ServiceProposal] = field(default_factory=list)


def places_and_companies(header: tuple[str, ...]) -> bool:
    """A header with a place column and a company column ("Where You Reside | … | Your Service
    Provider"): a table of who is responsible where, wherever it stands."""
    place = [i for i, h in enumerate(header) if HEADER_PLACE.search(h)]
    return bool(place) and any(_HEADER_ROLE.search(h) for i, h in enumerate(header)
                               if i not in place)  # not "| Country | Company |": affiliates


def row_rules(unit: Unit, ctx: Context) -> list[RuleProposal]:
    if unit.index != ctx.row_at + 1:
        ctx.place_above, ctx.places_above, ctx.services_above = None, [], []  # another table
    ctx.row_at = unit.index
    header = unit.header
    columns = _place_columns(header, ctx.finder)
    if len(columns) >= 2:
        return _column_rules(unit, ctx, columns)
    place_col = next((i for i, h in enumerate(header) if HEADER_PLACE.search(h)), None)
    entity_col = next((i for i, h in enumerate(header)
                       if _HEADER_ENTITY.search(h) and i != place_col), None)
    service_col = next((i for i, h in enumerate(header)
                        if _HEADER_SERVICE.search(h) and i not in (place_col, entity_col)), None)
    mentions = ctx.book.mentions(unit)
    text = unit.text
    spans = unit.cell_spans()
    named_col = next((i for i, (x, y) in enumerate(spans)
                      if any(x <= m.start < y for m, _, _ in mentions)), None)
    shifted = entity_col is not None and named_col is not None and named_col < entity_col and \
        not any(spans[entity_col][0] <= m.start < spans[entity_col][1] for m, _, _ in mentions
                if entity_col < len(spans))
    if entity_col is None or shifted:  # a row whose first cell spans several (a merged
        entity_col = named_col  # "App" cell left empty): its cells sit one to the left
    if entity_col is None or entity_col >= len(spans):
        return []
    ex, ey = spans[entity_col]
    in_cell = [(m, e) for m, e, _ in mentions if ex <= m.start < ey]
    if not in_cell:
        return []
    entity = in_cell[0][1]
    skip = [(m.start, m.end) for m, _, _ in mentions] + [s for _, _, s in mentions if s]
    if shifted and place_col is not None and place_col >= entity_col:
        scope = ctx.finder.scope(text[:ex], not_user_places(text[:ex], ctx.finder))
    elif place_col is not None and place_col < len(spans):
        scope = _place_cell(unit, ctx, text[slice(*spans[place_col])])
    else:  # the other cells: the entity's own cell, address and contact cells, a representative
        skip += [spans[entity_col], *not_user_places(text, ctx.finder)]
        skip += [spans[i] for i, h in enumerate(header)
                 if i < len(spans) and _HEADER_ADDRESS.search(h)]
        skip += [(x, y) for x, y in spans if _REP_CELL.search(text[x:y])]
        scope = ctx.finder.scope(text, skip)
    if not scope.codes:
        scope.everyone = True
    service_list: list[ServiceProposal] = []
    if shifted and service_col is not None and service_col < entity_col:
        service_list = ctx.services_above  # the merged service cell of the rows above
    elif service_col is not None and service_col < len(spans):
        sx, sy = spans[service_col]
        service_list, _ = ctx.services.find(text, sx, sy, ctx.book, cell=True)
        ctx.services_above = service_list
    start, end = dates_in(text, ctx.dating)
    return [rule_for(unit, entity, scope, text, service_list, 0.85, [], start, end)]


def _place_cell(unit: Unit, ctx: Context, cell: str) -> Scope:
    """A row's place cell; blank, the row above's (the rows of one place, one per activity);
    "all countries not listed above" excepts every place the rows above named."""
    if not cell.strip() and ctx.place_above is not None:
        return ctx.place_above
    scope = ctx.finder.scope(cell)
    if _NOT_ABOVE.search(cell):
        scope.everyone = True
        scope.excepts = [p for p in ctx.places_above if p.code not in scope.except_codes] + \
            scope.excepts
    ctx.places_above += scope.places
    ctx.place_above = scope
    return scope


def _place_columns(header: tuple[str, ...], finder: PlaceFinder) -> dict[int, Scope]:
    """Header cells that are places ("| Service | EEA | United Kingdom | Rest of the world |"):
    column → its scope ("Rest of the world" is everyone, as a row's "All other countries" is)."""
    columns = {i: finder.scope(h) for i, h in enumerate(header) if h.strip()}
    return {i: sc for i, sc in columns.items() if sc.codes}


def _column_rules(unit: Unit, ctx: Context, columns: dict[int, Scope]) -> list[RuleProposal]:
    """A row of a service × place table: each place column's company, for that row's service."""
    spans, text = unit.cell_spans(), unit.text
    mentions = ctx.book.mentions(unit)
    service_list: list[ServiceProposal] = []
    first = next((i for i in range(len(spans)) if i not in columns), None)
    if first is not None:
        service_list, _ = ctx.services.find(text, *spans[first], ctx.book, cell=True)
    rules = []
    for i, scope in columns.items():
        if i >= len(spans):
            continue
        x, y = spans[i]
        named = [e for m, e, _s in mentions if x <= m.start < y]
        if named:
            note = f"the table's column {unit.header[i]!r}"
            rules.append(rule_for(unit, named[0], scope, unit.header[i], service_list, 0.85,
                                  [note], None, None))
    return rules


_LINE = re.compile(r"^[ \t]*[-*•]?[ \t]*([^:\n|]{2,60}?)[ \t]*[:|–—][ \t]+\S", re.M)


def line_rules(unit: Unit, ctx: Context) -> list[RuleProposal]:
    """A block of "Country: Company" lines ("United Kingdom: Acme UK Ltd" / "All other
    countries: Acme, Inc."), each line a rule when at least two read so."""
    found = []
    for m in _LINE.finditer(unit.text):
        scope = ctx.finder.scope(m[1])
        end = unit.text.find("\n", m.end())
        end = len(unit.text) if end < 0 else end
        named = [e for n, e, _s in ctx.book.mentions(unit) if m.end(1) <= n.start < end]
        if scope.codes and named:
            found.append((scope, named[0], m[1]))
    if len(found) < 2:
        return []
    return [rule_for(unit, entity, scope, where, [], 0.8, ["one 'place: company' line"],
                     None, None) for scope, entity, where in found]


def rule_for(unit: Unit, entity: EntityProposal, scope: Scope, piece: str,
          service_list: list[ServiceProposal], confidence: float, notes: list[str],
          start: dt.date | None, end: dt.date | None) -> RuleProposal:
    readings = [Reading(p.code, p.text, p.reading, p.also, p.confidence)
                for p in scope.places + scope.excepts if p.reading]
    if scope.confidence < 1.0:  # the clause is sound; a word in it is uncertain
        confidence = min(confidence - 0.15, 0.75)
    notes = list(notes) + [p.reading for p in scope.places + scope.excepts if p.reading]
    entity.roles.add("controller")
    evidence = Evidence(unit.text, unit.start, unit.end, unit.section.label,
                        unit.section.heading)
    return RuleProposal(
        "", entity, scope.codes, scope.except_codes, scope.text(piece) or piece.strip(),
        service_list, evidence, max(0.1, confidence),
        start=start, end=end, readings=readings, notes=notes)


def number_rules(rules: list[RuleProposal]) -> None:
    """Rule ids "<section>.<n>" (numbered sections) or "<section-slug>-<n>"."""
    counts: dict[str, int] = {}
    for rule in rules:
        section = rule.evidence.section
        counts[section] = counts.get(section, 0) + 1
        n = counts[section]
        rule.id = f"{section}.{n}" if re.fullmatch(r"[\d.]+", section) else f"{slug(section)}-{n}"


def drop_placeless_repeats(rules: list[RuleProposal]) -> list[RuleProposal]:
    """"Pinterest Europe Ltd is the responsible controller for … the GDPR", after a rule giving
    it the EEA, Switzerland and the UK in the same section, names no place: it restates that
    rule, it does not make it the controller for every user."""
    placed = {(r.evidence.section, r.controller.id) for r in rules
              if r.locations and r.locations != [EVERYONE] and r.end is None}
    return [r for r in rules if not (
        any("names no place" in n for n in r.notes) and not r.services and
        (r.evidence.section, r.controller.id) in placed)]


def said_once(rules: list[RuleProposal]) -> list[RuleProposal]:
    """The same rule said again ("SurveyMonkey is the controller" twice), once."""
    seen: set[tuple[object, ...]] = set()
    unique = []
    for rule in rules:
        key = (rule.controller.id, tuple(rule.locations), tuple(rule.excepts),
               tuple(s.id for s in rule.services), rule.start, rule.end)
        if key not in seen:
            seen.add(key)
            unique.append(rule)
    return unique


_OWN = re.compile(r"\s*\(([^()]{3,120})\)")


def own_scopes(piece: str, a: int, chosen: list[tuple[EntityProposal, str, float]],
               mentions: list[tuple[Mention, EntityProposal, tuple[int, int] | None]],
               finder: PlaceFinder) -> list[Scope] | None:
    """Each entity's own places, when every one of several is followed by them in brackets:
    "either Acme Limited (if you are in the EEA or the UK) or Acme, Inc. (for all other
    users)" — the bucket is everyone except the others' places."""
    if len(chosen) < 2:
        return None
    scopes = []
    for entity, _how, _penalty in chosen:
        m = next((m for m, e, _s in mentions if e is entity), None)
        paren = _OWN.match(piece, m.end - a) if m is not None else None
        if paren is None:
            return None
        scope = finder.scope(piece, [(0, paren.start(1)), (paren.end(1), len(piece)),
                                     *not_user_places(piece, finder)])  # not "(registered in …)"
        if not scope.codes:
            return None
        scopes.append(scope)
    placed = [p for s in scopes if s.places for p in s.places]
    for scope in scopes:
        if not scope.places and not scope.excepts:
            scope.excepts = list(placed)
    return scopes


_RESIDES = re.compile(RESIDES, re.I)
#: a clause about the user's rights or a contact, not about whom the user deals with
NOT_PARTY = re.compile(r"\brights?\b|\brequest\b|\bcontact\b|\bRechte\b|\bdas\s+Recht\b|"
                       r"\bRecht\s+(?:auf|zu)\b|\bdroits?\b|"
                        r"\bderechos?\b|\bdiritt[oi]\b|\brechten\b|\bdireitos?\b|\brettigheter\b|"
                        r"\brättigheter\b", re.I)


#: "contact us at X" right before the company: the "us" of those users is X
_CONTACT_US = re.compile(r"\b(?:contact|write\s+to|reach)\s+us\s+(?:at|via|through)\s+(?=[A-Z])|"
                         r"\bcontactez[- ]nous\s+(?:à|auprès\s+de)\s+|\bkontaktieren\s+Sie\s+"
                         r"uns\s+(?:bei|unter)\s+|\bcontáct(?:enos|anos)\s+en\s+|\bcontattaci\s+"
                         r"(?:presso|a)\s+")
#: "if you reside in other countries" in the languages read: everyone else
_OTHER = re.compile(r"\b(?:other|altri|autres|otros|outros|anderen?)\s+(?:countries|paesi|pays|"
                    r"países|Ländern?|landen)\b", re.I)


def residence_rule(piece: str, a: int,
                   mentions: list[tuple[Mention, EntityProposal, tuple[int, int] | None]],
                   finder: PlaceFinder) -> tuple[EntityProposal, Scope] | None:
    """The company a clause gives the users who live somewhere, when where they live is its
    only cue: the condition's places (from it to the next company named), and the company named
    before it when it follows that name after a comma ("X Inc., …, unless you are …"), else the
    first one after it ("If you live in the EEA, … with X Ltd, an Irish company at …"). None
    when the condition names no place read (a group defined elsewhere: never everyone) or the
    clause is about rights or contacts."""
    cond = _RESIDES.search(piece)
    if cond is None or NOT_PARTY.search(_CONTACT_US.sub(" ", piece)):
        return None  # rights and contacts, but "If you reside in Canada, contact us at X"
    named = [(m.start - a, m.end - a, e) for m, e, _s in mentions
             if not representative(piece, m.start - a, m.end - a)]
    before = [x for x in named if x[1] <= cond.start()]
    after = [x for x in named if x[0] >= cond.end()]
    if before and re.search(r",\s*(?:\(\w+\)\s*)?$", piece[:cond.start()]):
        entity = before[-1][2]
    elif after:
        entity = after[0][2]
    else:
        return None
    stop = next((x[0] for x in after), len(piece))
    skip = [(0, cond.start()), (stop, len(piece))] + [(x, y) for x, y, _e in named]
    scope = finder.scope(piece, skip + not_user_places(piece, finder))
    if not scope.places and not scope.excepts and not _OTHER.search(piece, cond.start(), stop) \
            and not ELSE.search(piece, cond.start(), stop):  # "If you live anywhere else, …"
        return None
    if not scope.places:
        scope.everyone = True  # "if you reside outside North America": everyone but them
    return entity, scope


def residence_rules(unit: Unit, ctx: Context, pieces: list[tuple[int, int]]) -> list[RuleProposal]:
    """Each clause of a sentence with no controller cue that gives a company to the users who
    live somewhere (:func:`residence_rule`)."""
    rules = []
    for a, b in pieces:
        mentions = [x for x in ctx.book.mentions(unit) if a <= x[0].start < b]
        if (found := residence_rule(unit.text[a:b], a, mentions, ctx.finder)) is not None:
            us = _CONTACT_US.search(unit.text, a, b)
            note = ("the company users there are to contact as \"us\": read as their "
                    "controller, check") if us else "the company named for the users who live there"
            rules.append(rule_for(unit, found[0], found[1], unit.text[a:b], [], 0.6 if us else 0.7,
                                  [note], *dates_in(unit.text[a:b], ctx.dating)))
    return rules


def bare_condition(text: str, span: tuple[int, int],
                   mentions: list[tuple[Mention, EntityProposal, tuple[int, int] | None]],
                   finder: PlaceFinder) -> Scope | None:
    """The places of a clause that is only a residence condition, naming no company ("If you are
    located in a European Territory then"), for the clause after it ("where … X is the
    controller"); None for any other clause."""
    a, b = span
    cond = _RESIDES.search(text, a, b)
    if cond is None or any(a <= m.start < b for m, _e, _s in mentions):
        return None
    scope = finder.scope(text[cond.start():b])
    return scope if scope.places else None
