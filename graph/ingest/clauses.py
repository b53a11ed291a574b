"""Controller clauses → proposed controller rules.

A sentence is read when it carries a controller cue ("controller", "controlled by", "responsible
for … data"); a list item or table row when its lead sentence, table header or section heading
does. A sentence is cut into clauses at ";", ", while/whereas/but", ", and for …" and
"otherwise", so "X is the controller for the EEA; Y for everyone else" gives two rules. In each
clause the controller is the entity before "is/acts as … controller" or after "controlled by" /
"the controller … is"; the clause's places (minus the entity names and the addresses stated with
them) are the locations, "except …"/"outside …" the exceptions, "everyone else" or no place at
all ``*``. Names near "representative", "Art. 27" or "data protection officer", and clauses that
only give contact details, are never proposed as controllers.

Dates: a clause's start is the date after "from", "as of", "effective", "starting", "beginning",
"since", "with effect from"; its end the date after "until", "through", "up to and including"
(that day) or "before", "prior to" (the day before). "Before that date", "until then",
"previously" and a controller in the past tense ("was the controller") end the day before the
last start date read in the same section. The policy's own date is the first "Last updated …" /
"Effective date …" phrase.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from xborder.graph.ingest.entities import EntityBook, Mention, representative
from xborder.graph.ingest.model import (
    EntityProposal,
    Evidence,
    Reading,
    RuleProposal,
    ServiceProposal,
    slug,
)
from xborder.graph.ingest.places import EVERYONE, PlaceFinder, Scope
from xborder.graph.ingest.services import ServiceBook
from xborder.graph.ingest.text import Document, Unit

__all__ = ["Dating", "controller_rules", "dates_in", "document_date", "parse_day"]

CUE = re.compile(r"\bcontrollers?\b|\bcontrolled\s+by\b|\bresponsible\s+(?:for|entity|"
                 r"company|party)\b|\bis\s+responsible\b", re.I)
_ASSERT_BEFORE = re.compile(r"^\s*(?:\([^)]*\)\s*)?,?\s*(?:is|are|acts?\s+as|will\s+(?:be|act"
                            r"\s+as)|was|were|remains?|becomes?|shall\s+be|has\s+been|serves?\s+"
                            r"as)\b[^.;]{0,60}?\b(?:controllers?|responsible)\b", re.I)
_AFTER = re.compile(r"\b(?:controlled\s+by|controllers?\b[^.;]{0,80}?\b(?:is|are|will\s+be|"
                    r"was|becomes?|shall\s+be)|responsible[^.;]{0,80}?\b(?:is|are|will\s+be|"
                    r"was))\s*(?:the\s+company\s+)?$", re.I)
_LIST_CUE = re.compile(r"\bcontrol(?:ler|lers|led|s)\b|\bresponsible\b|\bentit(?:y|ies)\b", re.I)
_DATA_WORD = re.compile(r"\b(?:data|information|privacy|processing|users?|customers?|you|your)\b",
                        re.I)
_JOINT = re.compile(r"\bjoint(?:ly)?\s+(?:data\s+)?(?:controllers?|responsible)\b", re.I)
_PROCESSOR = re.compile(r"\bprocessors?\b", re.I)
_CONTACT = re.compile(r"\b(?:contact|write\s+to|reach\s+(?:us|them)|e-?mail|questions?|"
                      r"complaints?|postal\s+address)\b", re.I)
_STRONG = re.compile(r"\b(?:is|are|acts?\s+as|will\s+be|was|remains?|becomes?|shall\s+be)\s+"
                     r"(?:the\s+|a\s+|your\s+|our\s+)?(?:joint\s+)?(?:data\s+)?controllers?\b|"
                     r"\bcontrolled\s+by\b|\bcontroller\b[^.;]{0,60}\bis\b", re.I)
_CORPORATE = re.compile(r"\b(?:subsidiary|affiliate|parent|part|member)\s+of\s*$|"
                        r"\bowned\s+by\s*$", re.I)
_WE = re.compile(r"\b[Ww]e\s+(?:are|act\s+as|will\s+be|remain|shall\s+be)\b[^.;]{0,40}"
                 r"\bcontroller", re.I)
_SPLIT = re.compile(r";\s*|,\s*(?:while|whereas|but)\s+|,\s*and\s+(?=(?:for|if|users|all|"
                    r"everyone|in|we|where)\b|[A-Z])|,?\s*\b[Oo]therwise\b,?\s*")
_HEADER_PLACE = re.compile(r"countr|region|location|where\s+you|resid|jurisdiction|users?\s+in|"
                           r"market|territor", re.I)
_HEADER_ENTITY = re.compile(r"controller|entity|company|responsible|operator|provider", re.I)
_HEADER_SERVICE = re.compile(r"\bservices?\b|\bproducts?\b|\bapps?\b", re.I)


@dataclass
class _Context:
    book: EntityBook
    finder: PlaceFinder
    services: ServiceBook
    dating: Dating


def controller_rules(doc: Document, book: EntityBook, finder: PlaceFinder,
                     services: ServiceBook) -> list[RuleProposal]:
    ctx = _Context(book, finder, services, Dating())
    rules: list[RuleProposal] = []
    for unit in doc.units:
        if unit.kind == "heading":
            ctx.dating.new_section()
            continue
        context = " ".join((unit.text, unit.lead, " ".join(unit.header), unit.section.title))
        if unit.kind == "sentence" and not CUE.search(unit.text):
            continue
        if unit.kind != "sentence" and not _LIST_CUE.search(context):
            continue
        found = _row(unit, ctx) if unit.kind == "row" else _sentence(unit, ctx)
        rules.extend(found)
    _number(rules)
    return rules


def _sentence(unit: Unit, ctx: _Context) -> list[RuleProposal]:
    text, rules = unit.text, []
    whole_dates = dates_in(text, ctx.dating)
    pieces = _pieces(text)
    for a, b in pieces:
        piece = text[a:b]
        if _PROCESSOR.search(piece) and not re.search(r"controller", piece, re.I):
            continue
        if _CONTACT.search(piece) and not _STRONG.search(piece):
            continue
        mentions = [(m, e, s) for m, e, s in ctx.book.mentions(unit) if a <= m.start < b]
        by = re.search(r"\bcontrolled\s+by\b", piece)
        if by and not _DATA_WORD.search(piece) and any(m.start < a + by.start()
                                                       for m, _, _ in mentions):
            continue  # "X Ltd is controlled by Y Inc.": ownership, not data
        mentions = [(m, e, s) for m, e, s in ctx.book.mentions(unit) if a <= m.start < b]
        chosen = _controllers(text, a, b, mentions, ctx)
        if not chosen:
            continue
        skip = [(m.start, m.end) for m, _, _ in mentions] + [s for _, _, s in mentions if s]
        service_list, service_spans = ctx.services.find(text, a, b, ctx.book)
        skip += service_spans
        scope = ctx.finder.scope(piece, [(x - a, y - a) for x, y in skip])
        confidence = 0.9 if _STRONG.search(piece) or unit.kind != "sentence" else 0.75
        notes: list[str] = []
        if not scope.codes and len(pieces) == 1 and unit.kind == "sentence":
            heading = ctx.finder.scope(unit.section.title)
            if heading.codes and heading.codes != [EVERYONE]:
                scope, confidence = heading, confidence - 0.15
                notes.append(f"places taken from the section heading {unit.section.heading!r}")
        if not scope.codes:
            scope.everyone = True
            confidence = min(confidence, 0.7)
            notes.append("the clause names no place: proposed for every user")
        start, end = dates_in(piece, ctx.dating) if len(pieces) > 1 else whole_dates
        for entity, how, penalty in chosen:
            if how:
                notes.append(how)
            rules.append(_rule(unit, entity, scope, piece, service_list, confidence - penalty,
                               notes, start, end))
    return rules


def _pieces(text: str) -> list[tuple[int, int]]:
    cuts = [0]
    for m in _SPLIT.finditer(text):
        if m.start() > cuts[-1]:
            cuts += [m.start(), m.end()]
    cuts.append(len(text))
    pairs = list(zip(cuts[::2], cuts[1::2], strict=True))
    return [(a, b) for a, b in pairs if text[a:b].strip()]


def _controllers(text: str, a: int, b: int,
                 mentions: list[tuple[Mention, EntityProposal, tuple[int, int] | None]],
                 ctx: _Context) -> list[tuple[EntityProposal, str, float]]:
    """The entities a clause names as controller: (entity, note, confidence penalty)."""
    live = [(m, e) for m, e, _ in mentions
            if not representative(text[a:b], m.start - a, m.end - a)
            and not _CORPORATE.search(text[max(a, m.start - 30):m.start])]
    if _JOINT.search(text[a:b]) and len(live) > 1:
        names = ", ".join(e.name for _, e in live)
        return [(e, f"joint controllers: {names}", 0.1) for _, e in live]
    for m, e in reversed(live):
        if _ASSERT_BEFORE.match(text[m.end:b]):
            return [(e, "", 0.0)]
    for m, e in live:
        if _AFTER.search(text[a:m.start]):
            return [(e, "", 0.0)]
    if len(live) == 1:
        return [(live[0][1], "", 0.05)]
    if live:
        return [(live[-1][1], "several entities named; the last one is proposed", 0.3)]
    for alias in re.finditer(r"\b[A-Z][\w&-]+\b", text[a:b]):
        entity = ctx.book.alias(alias[0])
        if entity is not None and CUE.search(text[a:b]) and _STRONG.search(text[a:b]):
            return [(entity, f"named by its short name {alias[0]!r}", 0.1)]
    if _WE.search(text[a:b]) and ctx.book.we is not None:
        return [(ctx.book.we, "named as \"we\"", 0.15)]
    return []


def _row(unit: Unit, ctx: _Context) -> list[RuleProposal]:
    header = unit.header
    place_col = next((i for i, h in enumerate(header) if _HEADER_PLACE.search(h)), None)
    entity_col = next((i for i, h in enumerate(header)
                       if _HEADER_ENTITY.search(h) and i != place_col), None)
    service_col = next((i for i, h in enumerate(header)
                        if _HEADER_SERVICE.search(h) and i not in (place_col, entity_col)), None)
    mentions = ctx.book.mentions(unit)
    text = unit.text
    spans = unit.cell_spans()
    if entity_col is None:
        entity_col = next((i for i, (x, y) in enumerate(spans)
                           if any(x <= m.start < y for m, _, _ in mentions)), None)
    if entity_col is None or entity_col >= len(spans):
        return []
    ex, ey = spans[entity_col]
    in_cell = [(m, e) for m, e, _ in mentions if ex <= m.start < ey]
    if not in_cell:
        return []
    entity = in_cell[0][1]
    skip = [(m.start, m.end) for m, _, _ in mentions] + [s for _, _, s in mentions if s]
    if place_col is not None and place_col < len(spans):
        px, py = spans[place_col]
        scope = ctx.finder.scope(text[px:py])
    else:
        scope = ctx.finder.scope(text, skip)
    if not scope.codes:
        scope.everyone = True
    service_list: list[ServiceProposal] = []
    if service_col is not None and service_col < len(spans):
        sx, sy = spans[service_col]
        service_list, _ = ctx.services.find(text, sx, sy, ctx.book, cell=True)
    start, end = dates_in(text, ctx.dating)
    return [_rule(unit, entity, scope, text, service_list, 0.85, [], start, end)]


def _rule(unit: Unit, entity: EntityProposal, scope: Scope, piece: str,
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


def _number(rules: list[RuleProposal]) -> None:
    """Rule ids "<section>.<n>" (numbered sections) or "<section-slug>-<n>"."""
    counts: dict[str, int] = {}
    for rule in rules:
        section = rule.evidence.section
        counts[section] = counts.get(section, 0) + 1
        n = counts[section]
        rule.id = f"{section}.{n}" if re.fullmatch(r"[\d.]+", section) else f"{slug(section)}-{n}"


# -- dates ---------------------------------------------------------------------------------------

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
DATE = (rf"(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
        rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|{_MONTH}\s+\d{{4}}"
        rf"|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})")
_DATE = re.compile(DATE, re.I)
_FROM = re.compile(rf"\b(?:from|as\s+(?:of|from)|effective(?:\s+(?:from|on|as\s+of))?|starting"
                   rf"(?:\s+(?:on|from))?|beginning(?:\s+on)?|since|with\s+effect\s+from|on\s+"
                   rf"and\s+after|commencing(?:\s+on)?)\s+(?:the\s+)?({DATE})", re.I)
_UNTIL = re.compile(rf"\b(?:until|till|through|up\s+to(?:\s+and\s+including)?)\s+(?:the\s+)?"
                    rf"({DATE})", re.I)
_BEFORE = re.compile(rf"\b(?:before|prior\s+to)\s+(?:the\s+)?({DATE})", re.I)
_BEFORE_THAT = re.compile(r"\b(?:before\s+(?:that|this)\s+date|until\s+(?:then|that\s+date)|"
                          r"previously|prior\s+to\s+(?:that|this)(?:\s+date)?|formerly)\b", re.I)
_PAST = re.compile(r"\b(?:was|were|has\s+been|had\s+been)\s+(?:the\s+|a\s+|your\s+)?(?:data\s+)?"
                   r"controllers?\b", re.I)
_VERSION = re.compile(rf"\b(?:last\s+(?:updated|modified|revised|amended)|updated|effective\s+"
                      rf"(?:date|from|as\s+of)|date\s+of\s+(?:last\s+)?(?:update|revision)|"
                      rf"version\s+(?:date|of)|in\s+force\s+(?:from|since))\b\s*(?:on\s*)?:?"
                      rf"\s*({DATE})", re.I)


@dataclass
class Dating:
    """What the dates of earlier clauses of the same section say about the next one."""

    last_start: dt.date | None = None

    def new_section(self) -> None:
        self.last_start = None


def parse_day(text: str) -> tuple[dt.date, str] | None:
    """(the day, ``day``/``month`` precision) of one date phrase, or None."""
    t = text.strip().lower().replace(",", " ").replace(".", " ")
    t = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", t)
    t = re.sub(r"\bof\b", " ", t)
    words = t.split()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
            return dt.date.fromisoformat(text.strip()), "day"
        if m := re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4})", text.strip()):
            return dt.date(int(m[3]), int(m[2]), int(m[1])), "day"  # day first, as in Europe
        month = next(i + 1 for i, name in enumerate(_MONTHS)
                     for w in words if w[:3] == name[:3] and name.startswith(w))
        numbers = [int(w) for w in words if w.isdigit()]
        year = next(n for n in numbers if n > 31)
        days = [n for n in numbers if n <= 31]
        if days:
            return dt.date(year, month, days[0]), "day"
        return dt.date(year, month, 1), "month"
    except (StopIteration, ValueError):
        return None


def _day(match: re.Match[str] | None) -> dt.date | None:
    parsed = parse_day(match[1]) if match else None
    return parsed[0] if parsed else None


def dates_in(text: str, dating: Dating) -> tuple[dt.date | None, dt.date | None]:
    """(from, to) a controller clause states; remembers its start for the clauses after it."""
    start = _day(_FROM.search(text))
    end = _day(_UNTIL.search(text))
    before = _day(_BEFORE.search(text))
    if before is not None:
        end = before - dt.timedelta(days=1)
    if end is None and start is None and dating.last_start is not None and \
            (_BEFORE_THAT.search(text) or _PAST.search(text)):
        end = dating.last_start - dt.timedelta(days=1)
    if start is not None:
        dating.last_start = start
    return start, end


def document_date(doc: Document) -> tuple[dt.date, str, str, Unit] | None:
    """(day, precision, the version text, its unit) of the policy's own date, if it states
    one: the first "Last updated …"/"Effective date …" phrase."""
    for unit in doc.units:
        m = _VERSION.search(unit.text)
        if m is None:
            continue
        parsed = parse_day(m[1])
        if parsed is not None:
            return parsed[0], parsed[1], m[0].strip(), unit
    return None
