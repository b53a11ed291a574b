"""Controller rules that are not one sentence: a role heading or lead-in and the name under it,
a CJK policy's issuer, and groups the policy defines.

* **Under a heading or a lead-in** — "Titolare del Trattamento dei Dati" / "Controller" /
  "Verantwortlich für die Verarbeitung … ist:" followed (within three units of the same section)
  by a paragraph naming an entity: that entity, for the places the lead names (else everyone).
  A table row whose first cell is the role ("個人情報取扱事業者 | 合同会社virtual") is read the
  same way. A plural lead ("… sont :", "The controllers are:") names each entity after it; a
  bare name on the first line of an address block under a role heading is read ("Nmotor -
  Guimarães" / "Estrada nacional 105 …"); a company named as acting for another ("acts as a
  processor on the Customer's behalf") is never named by a lead.
* **The issuer, when nothing else names a controller** — "株式会社…(以下「当社」…)は、…個人情報…",
  "… describes how X ("we") collects, uses … personal data": the entity that calls itself "we"
  (当社/本公司/회사) in a sentence on how it handles personal data (個人情報取扱事業者,
  个人信息处理者, 개인정보처리자), at confidence 0.6; before it, an entity the policy names by the
  role itself ("X S.A. de C.V. (en adelante, el “Responsable”)"), at 0.75.
* **Groups** — "We use the term “Designated Countries” to refer to Australia, Canada, …" /
  "“Designated Countries” means …" / "the EEA, UK or Switzerland (the “European Region”)": the
  group's places, so that "outside the Designated
  Countries" is everyone except them, and the group never reads as everyone.
(Regional editions are read in :mod:`xborder.graph.ingest.editions`.)
"""

from __future__ import annotations

import dataclasses
import re

from xborder.graph.ingest.clauses import rule_for
from xborder.graph.ingest.distractors import not_user_places
from xborder.graph.ingest.entities import EntityBook, representative
from xborder.graph.ingest.lexicon import (
    DEPENDING,
    REPRESENTATIVE,
    RESIDES,
    ROLE,
    ROLE_HEADING,
    ROLE_LABEL,
    SERVING,
    UNDEFINED_GROUP,
)
from xborder.graph.ingest.mention import Mention
from xborder.graph.ingest.model import EntityProposal, RuleProposal
from xborder.graph.ingest.places import EVERYONE, PlaceFinder, Scope
from xborder.graph.ingest.rows import NOT_PARTY
from xborder.graph.ingest.slots import address_name, field_name
from xborder.graph.ingest.subject import subject_entity
from xborder.graph.ingest.text import Document, Unit

__all__ = ["define_groups", "issuer_rules", "lead_rules"]

_LEAD = re.compile(ROLE_HEADING, re.I)
#: the CJK forms of a company that may issue a policy as "we" (当社, 本公司, 회사)
_CJK_ISSUER_FORMS = frozenset({"株式会社", "一般社団法人", "有限公司", "주식회사", "유한회사",
                               "재단법인", "공사"})
#: a company named as acting for another: "X acts as a processor on the Customer's behalf"
_ACTS_FOR = re.compile(r"\b(?:acts?|acting)\s+as\s+(?:a|the|our)\s+(?:data\s+)?processor|"
                       r"\bon\s+(?:the\s+)?\w+['’]s\s+behalf|\bagit\s+en\s+tant\s+que\s+sous-traitant|"
                       r"\bals\s+Auftragsverarbeiter|\bcomo\s+encargad[oa]|\bals\s+verwerker|"
                       r"\bin\s+qualità\s+di\s+responsabile\s+del\s+trattamento", re.I)
_LABEL = re.compile(ROLE_LABEL, re.I)
_SPLITS = re.compile(RESIDES + "|" + UNDEFINED_GROUP + "|" + DEPENDING, re.I)
_REPRESENTS = re.compile(REPRESENTATIVE, re.I)
#: what users somewhere may do — a right, not a company: "Se risiedi in California, puoi …"
_MAY = re.compile(r"\b(?:you\s+(?:may|can)|puoi|puedes|puede|pouvez|peux|können\s+Sie|kunt\s+u|"
                  r"pode|podes|possono|pueden|peuvent)\b", re.I)
#: the role on a line of its own after the name's paragraph: "NELLA QUALITÀ DI TITOLARE DEL
#: TRATTAMENTO", "IN ITS CAPACITY AS CONTROLLER", "EN SA QUALITÉ DE RESPONSABLE DU TRAITEMENT"
_AS_ROLE_LINE = re.compile(r"\s*(?:in\s+(?:its\s+)?capacity\s+as|as|(?:nella|in)\s+(?:sua\s+)?"
                           r"qualità\s+di|en\s+(?:sa\s+)?qualité\s+de|en\s+calidad\s+de|als|"
                           r"na\s+qualidade\s+de)\s+(?:the\s+|data\s+)?(?:" + ROLE +
                           r"|titolare\b)", re.I)
_SERVICE = re.compile(SERVING, re.I)
#: where data go, not who serves whom: "If you are outside the US, please note that … is hosted"
_TRANSFER = re.compile(r"\b(?:please\s+(?:note|be\s+aware)|(?:will\s+be|is|are|may\s+be)\s+"
                       r"(?:transferred|hosted|stored)\b|veuillez\s+noter|beachten\s+Sie)", re.I)
#: "within the meaning of" a law: the places after it are the law's, not the users'
_MEANING = re.compile(r"\b(?:im\s+Sinne|within\s+the\s+meaning|for\s+the\s+purposes\s+of|au\s+sens|"
                      r"ai\s+sensi|en\s+el\s+sentido|a\s+efectos|in\s+de\s+zin|nos\s+termos|"
                      r"na\s+acepção)\b", re.I)
#: a lead whose name is on the next line: "De verantwoordelijke voor de verwerking … is"
_ENDS_IS = re.compile(r"\b(?:is|are|ist|sind|est|sont|es|son|è|sono|é|são|zijn|jest|är|er)"
                      r"\s*:?\s*$")
_NOT_LEAD = re.compile(REPRESENTATIVE + r"|\bprocessors?\b|\bencargado\b|\bresponsabile\b", re.I)
_APPLIES = re.compile(r"\b(?:applies\s+to|is\s+van\s+toepassing\s+(?:op|voor)|gilt\s+für|"
                      r"s['’]applique\s+(?:à|aux))\s+(?:the\s+following|de\s+volgende|die\s+"
                      r"folgenden|folgende|les\s+(?:sociétés|entités)\s+suivantes)\b", re.I)
_PROCESSING = re.compile(r"\b(?:collects?|uses?|process(?:es|ing)?|handles?|discloses?|recolecta|"
                         r"usa|trata|recolhe|utiliza|verzamel\w*|gebruik\w*|verwerk\w*|erfasst|"
                         r"verwendet|verarbeitet|collecte|utilise|traite|raccoglie|tratta|"
                         r"collected|processed|used|erhoben|verwendet|genutzt|collecté\w*|"
                         r"traité\w*|utilisé\w*|recogid\w*|tratad\w*|raccolt[io]|trattat[io]|"
                         r"utilizzat[io]|recolhid\w*|utilizad\w*)\b", re.I)
_DATA = re.compile(r"personal\s+(?:data|information)|datos\s+personales|información\s+personal|"
                   r"dados\s+pessoais|persoonlijke\s+gegevens|persoonsgegevens|personenbezogene[n]?\s+"
                   r"Daten|données\s+(?:à\s+caractère\s+)?personnelles|dati\s+personali|personuppgifter|"
                   r"personoplysninger|personopplysninger|henkilötie\w*|dan\w*\s+osobow\w*", re.I)
_PERSONAL = re.compile(r"個人情報|个人信息|個人信息|개인정보|隐私|プライバシー|privacy", re.I)
_GROUP_NAME = r"([A-Z][\w ]{2,40}?(?:Countries|Country|Regions?|Territor(?:y|ies)|Area|States|" \
    r"Jurisdictions?|Markets|Länder|Pays|Países|Paesi|Landen|Residents?|Users?))"
_GROUP = re.compile(r"[\"“„«]\s*" + _GROUP_NAME + r"\s*[\"”“»]\s*(?:\)\s*)?(?i:means|shall\s+mean|"
                    r"refers?\s+to|désigne|bezeichnet|betekent|significa)\s+([^.;]{3,400})")
_REFER = re.compile(r"\b(?i:term)\s+[\"“„«]\s*" + _GROUP_NAME + r"\s*[\"”“»]\s+(?i:to\s+refer\s+"
                    r"to)\s+([^.;]{3,400})")
#: a lead naming several: "Le responsable … et le prestataire … sont :", "The controllers are:"
_PLURAL = re.compile(r"\b(?:are|sont|sind|son|sono|zijn|são)(?:\s+to)?\s*:\s*$|\bcontrollers\b|"
                     r"\bresponsables\b|\btitolari\b|\bverwerkingsverantwoordelijken\b", re.I)
#: "(the “European Region”)" right after the places it names: the clause defines a group
_INLINE_GROUP = re.compile(r"\(\s*(?i:the\s+|collectively,?\s+(?:the\s+)?)?[\"“„«]\s*" +
                           _GROUP_NAME + r"\s*[\"”“»]\s*\)|\(\s*(?i:collectively,?\s+"
                           r"(?:referred\s+to\s+)?(?:as\s+)?(?:the\s+)?)[\"“„«]\s*\**\s*"
                           r"(EEA|EU|EWR|EEE|UE|Europe)\s*\**\s*"
                           r"[\"”“»][^()]{0,60}\)")  # "(collectively referred to as “EEA” …)"


def lead_rules(doc: Document, book: EntityBook, finder: PlaceFinder,
               rules: list[RuleProposal]) -> list[RuleProposal]:
    """Entities named in the lines under a role heading or a lead-in ending with ":"."""
    named = {(r.evidence.start, r.controller.id) for r in rules}
    out: list[RuleProposal] = []
    lead: Unit | None = None
    left, listing, several = 0, False, False
    prev: Unit | None = None
    for unit in doc.units:
        before, prev = prev, unit
        if unit.kind == "heading" and _AS_ROLE_LINE.match(unit.text) and before is not None and \
                before.text.rstrip().endswith(","):  # "La società X S.r.l. …, con sede in …," /
            out += _under(unit, before, book, finder, named)  # "NELLA QUALITÀ DI TITOLARE …"
            continue
        if unit.kind == "row" and unit.cells and (_LEAD.search(unit.cells[0]) or
                                                  _LABEL.match(unit.cells[0])) and \
                not _NOT_LEAD.search(unit.cells[0]):
            out += _under(unit, unit, book, finder, named, skip_first_cell=True)
            continue
        mentions = [m for m, _e, _s in book.mentions(unit)
                    if not representative(unit.text, m.start, m.end)]
        is_lead = _LEAD.search(unit.text) and not _NOT_LEAD.search(unit.text) and (
            unit.kind == "heading" or (not mentions and (unit.text.rstrip().endswith(":") or
                                                         len(unit.text) < 90 or
                                                         _ENDS_IS.search(unit.text))))
        if _APPLIES.search(unit.text) and not mentions:
            lead, left, listing = unit, 30, True  # "applies to the following entities:"
            continue
        if (field := _field_under_lead(unit, mentions, finder)) is not None:
            book.named(unit, *field)  # "Responsable del tratamiento\nIdentidad: X\nCIF: …"
            title = dataclasses.replace(unit, text=unit.text.split("\n", 1)[0])
            out += _under(title, unit, book, finder, named)
            lead = None
            continue
        if is_lead:
            lead, left, listing, several = unit, 3, False, False
            continue
        if unit.kind == "heading" and lead is not None and not mentions and left > 0 and \
                (lead.text.rstrip().endswith(":") or _ENDS_IS.search(lead.text)) and \
                (bare := _name_over_address(doc, unit, finder)) is not None:
            book.named(unit, *bare)  # "… ist:" / "Mario Gerth - Photography" / "Fabrikstr. 21"
            mentions = [m for m, _e, _s in book.mentions(unit)]
        if unit.kind == "heading" and lead is not None and mentions and left > 0:
            out += _under(lead, unit, book, finder, named)  # the name, set as its own line
            lead = None
            continue
        if listing and lead is not None and unit.kind == "item":
            out += _under(lead, unit, book, finder, named)
            continue
        if unit.kind == "heading" and not (lead is not None and left > 0 and not mentions and
                                           field_name(unit.text, finder)):
            lead = None  # a field set as a line of its own ("Identidad: X") is no heading
            continue
        if lead is not None and left > 0 and not listing:
            left -= 1
            if not mentions and (lead.kind == "heading" or lead.text.rstrip().endswith(":") or (
                    lead.kind == "item" and len(lead.text) < 60 and "\n" not in lead.text)) and \
                    (bare := address_name(unit.text, finder) or
                     field_name(unit.text, finder)) is not None:
                book.named(unit, *bare)  # "Nmotor - Guimarães" above its address
                mentions = [m for m, _e, _s in book.mentions(unit)]
            if mentions and not _NOT_LEAD.search(unit.text[:mentions[0].start]):
                out += _under(lead, unit, book, finder, named)
                several = several or bool(_PLURAL.search(lead.text) or (
                    before is not None and _PLURAL.search(before.text)))
                # "… sont :", "les entités suivantes sont responsables :": several, one a line
                lead, left = (lead, max(left, 1)) if several else (None, left)
    return _not_processors(out)


def _not_processors(rules: list[RuleProposal]) -> list[RuleProposal]:
    """The rules whose controller the policy never calls a processor or lists as a third party
    ("met Kleinweb Studio B.V. als verwerker"): a name read from its place alone drops out."""
    return [r for r in rules if "third party" not in r.controller.roles]


def _name_over_address(doc: Document, unit: Unit, finder: PlaceFinder
                       ) -> tuple[str, int] | None:
    """A bare name set as a paragraph of its own, an address's paragraph after it: the name
    and where it starts, or None."""
    after = doc.units[unit.index + 1] if unit.index + 1 < len(doc.units) else None
    if after is None or doc.units[unit.index] is not unit:
        return None
    return address_name(unit.text + "\n" + after.text.split("\n", 1)[0], finder)


def _field_under_lead(unit: Unit, mentions: list[Mention], finder: PlaceFinder
                      ) -> tuple[str, int] | None:
    """A role lead on a unit's first line and the name field on its second, in one unit
    ("Responsable del tratamiento\nIdentidad: Gimnasio Carolinas\nCIF/NIF: …"): the bare
    name and where it starts, or None."""
    first, _nl, rest = unit.text.partition("\n")
    if mentions or not rest or len(first) > 90 or not _LEAD.search(first) or \
            _NOT_LEAD.search(first) or (bare := field_name(rest, finder)) is None:
        return None
    return bare[0], bare[1] + len(first) + 1


def _under(lead: Unit, unit: Unit, book: EntityBook, finder: PlaceFinder,
           named: set[tuple[int, str]], skip_first_cell: bool = False) -> list[RuleProposal]:
    rows = book.mentions(unit)
    if skip_first_cell and unit.cells:
        first = unit.cell_spans()[0]
        rows = [r for r in rows if r[0].start >= first[1]]
    if not rows:
        return []
    m, entity, _s = rows[0]
    if any(start == unit.start for start, _id in named) or \
            representative(unit.text, m.start, m.end) or _ACTS_FOR.search(unit.text) or \
            _SERVICE.search(unit.text[:m.start]):
        return []  # the unit's own clauses named its controller already; a processor
        # ("Adatfeldolgozó: Tárhely Plusz Zrt.", "Zpracovatelem je … a.s.")
    named.add((unit.start, entity.id))
    text = lead.cells[0] if skip_first_cell and lead.cells else lead.text
    meaning = _MEANING.search(text)  # "Verantwortliche im Sinne der … Gesetze der Mitglied-
    skip = [(meaning.start(), len(text))] if meaning else []  # staaten der EU"
    scope = finder.scope(text, skip + not_user_places(text, finder))  # "unter Geltung der EU-DSGVO"
    notes = [f"named under {lead.text.strip()[:80]!r}"]
    if not scope.codes:
        scope.everyone = True
        notes.append("the heading names no place: proposed for every user")
    return [rule_for(unit, entity, scope, text, [], 0.8, notes, None, None)]


def issuer_rules(doc: Document, book: EntityBook, rules: list[RuleProposal]
                 ) -> list[RuleProposal]:
    """When no clause names a controller: the entity the policy calls "we" (当社, 本公司, 회사)
    in a sentence saying how it collects or uses personal data ("This Policy describes how The
    Meet Group, Inc. ("TMG", "we") collects, uses … personal data"; "株式会社…(以下「当社」)は、
    …個人情報の取扱い…"): it issues the policy and decides on the data it describes."""
    if any(not r.default for r in rules):
        return []
    if role_named := _role_named(doc, book):
        return role_named
    for n, unit in enumerate(doc.units):
        for m, entity, _s in book.mentions(unit):
            cjk = m.form in _CJK_ISSUER_FORMS
            opening = cjk and n < 6 and len(book.entities) == 1  # "…有限公司开发的…app,…隐私权"
            if not (entity.we or opening) or representative(unit.text, m.start, m.end) or \
                    "representative's contact" in entity.roles:
                continue
            if (cjk and (_PERSONAL.search(unit.text) or _PERSONAL.search(doc.title or ""))) or \
                    (_PROCESSING.search(unit.text) and _DATA.search(unit.text)):
                note = ("the entity the policy calls \"we\" (当社/本公司/회사), in a sentence on "
                        "how it handles personal data: no clause names the controller otherwise")
                return _for_everyone(unit, entity, 0.6, note)
    return _not_processors(_sole_entity_rule(doc, book) or _only_issuer_rule(doc, book))


def _for_everyone(unit: Unit, entity: EntityProposal, confidence: float, note: str
                  ) -> list[RuleProposal]:
    """One rule for every user from a sentence that names no place, with why."""
    return [rule_for(unit, entity, Scope(everyone=True), unit.text, [], confidence,
                     [note, "the sentence names no place: proposed for every user"], None, None)]


def _named(book: EntityBook) -> list[EntityProposal]:
    """The entities a policy names as itself: not a representative, former name, parent or
    listed processor."""
    return [e for e in book.entities.values() if not {
        "representative", "representative's contact", "former name", "parent", "third party"}
        & e.roles]


def _only_issuer_rule(doc: Document, book: EntityBook) -> list[RuleProposal]:
    """When no sentence ties a company to the processing: the entity the policy defines as "we"
    ("X Inc. (“X”, “we”) respects your privacy", "We are X plc, …"), else the only company it
    names — unless named as hosting, serving or acting for someone else, or the policy speaks of
    where its users live (a condition it could not read is no "everyone"): 0.5, noted."""
    named = _named(book)
    we = book.we if book.we is not None and any(book.we is e for e in named) else None
    contact = _contact_entity(doc, book) if we is None and len(named) > 1 else None
    subject = subject_entity(doc, book) if not (we or contact) and len(named) != 1 else None
    entity = we or contact or (named[0] if len(named) == 1 else None) or subject
    if entity is None or any(_SPLITS.search(u.text) and not NOT_PARTY.search(u.text) and
                             not _MAY.search(u.text) and not _TRANSFER.search(u.text)
                             for u in doc.units):
        return []  # a policy that splits its users by where they live, in words not read
        # (not "If you live in California, you also have the right …": rights, no party)
    for unit in doc.units:
        for m, found, _s in book.mentions(unit):
            if found is not entity:
                continue
            near = unit.text[max(0, m.start - 100):m.end + 80]  # not a cookie banner before
            if representative(unit.text, m.start, m.end) or _ACTS_FOR.search(unit.text) or \
                    _SERVICE.search(near):
                return []
            why = ("the entity the policy calls \"we\"" if we else "the company the policy "
                   "gives as its own contact" if contact else "the name the policy speaks as, "
                   "subject of its opening lines" if subject else "the only company it names")
            return _for_everyone(unit, entity, 0.5, f"{why}; no clause names the controller: "
                                 "proposed as the controller, check")
    return []


#: a section that gives the policy's own contact: "Contact us", "Kontakt", "Impressum", …
_CONTACT_HEADING = re.compile(r"\b(?:contact|kontakt|impressum|"
                              r"anbieterkennzeichnung|contatti|contattaci|contacto|contáctanos|"
                              r"aviso\s+legal|nous\s+contacter|mentions\s+légales|"
                              r"contato|fale\s+conosco|contactgegevens)\b", re.I)


def _contact_entity(doc: Document, book: EntityBook) -> EntityProposal | None:
    """The company a policy gives as its own contact: the first one named in the first units
    of its "Contact us" / "Kontakt" / "Impressum" / "Aviso legal" section — not a DPO's, a
    representative's or a listed processor's."""
    named = _named(book)
    for n, head in enumerate(doc.units):
        if head.kind != "heading" or not _CONTACT_HEADING.search(head.text) or \
                _REPRESENTS.search(head.text):
            continue
        found = {id(entity): entity for unit in doc.units[n + 1:n + 5] if unit.kind != "row"
                 for m, entity, _s in book.mentions(unit)  # an address's lines may be headings
                 if any(entity is e for e in named) and
                 not representative(unit.text, m.start, m.end)}
        if len(found) == 1:  # one company, not a table of the group's companies
            return next(iter(found.values()))
    return None


def _role_named(doc: Document, book: EntityBook) -> list[RuleProposal]:
    """An entity the policy names by the role itself: "X, S.A. de C.V. (en adelante, el
    “Responsable”)", "(hereinafter the “Controller”)", "(di seguito il “Titolare”)"."""
    for unit in doc.units:
        for m, entity, _s in book.mentions(unit):
            role = next((a for a in entity.aliases if _LABEL.match(a)), None)
            if role is None or representative(unit.text, m.start, m.end) or \
                    "representative's contact" in entity.roles:
                continue
            return _for_everyone(unit, entity, 0.75, f"the policy names it by the role: “{role}”")
    return []


def _sole_entity_rule(doc: Document, book: EntityBook) -> list[RuleProposal]:
    """The only company a policy names, as the subject of its opening sentences on processing
    personal data, by its name or its short name ("During the processing of your personal data
    … ROMEO works …", after "ROMEO B.V. (hereinafter: ROMEO)"): it issues the policy."""
    named = _named(book)
    if len(named) != 1 or len(book.entities) > 2:
        return []
    entity = named[0]
    words = [re.escape(w) for w in [entity.name, *entity.aliases] if len(w) >= 3]
    if not words:
        return []
    said = re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])")
    for unit in [u for u in doc.units if u.kind != "heading"][:8]:
        m = said.search(unit.text)
        if m and _PROCESSING.search(unit.text) and _DATA.search(unit.text) and \
                not _ACTS_FOR.search(unit.text) and not _SERVICE.search(unit.text) and \
                not representative(unit.text, *m.span()):
            note = ("the only company the policy names, in an opening sentence on processing "
                    "personal data: no clause names the controller otherwise")
            return _for_everyone(unit, entity, 0.55, note)
    return []


def define_groups(doc: Document, finder: PlaceFinder) -> list[str]:
    """Read the groups the policy defines into ``finder``; the notes saying so."""
    notes = []
    for unit in doc.units:
        for pattern in (_REFER, _GROUP):
            for m in pattern.finditer(unit.text):
                name, body = m[1].strip(), m[2]
                codes = [c for c in finder.scope(body).codes if c != EVERYONE]
                if len(codes) >= 2 and name not in finder.groups:
                    finder.groups[name] = tuple(codes)
                    notes.append(f"'{name}' read as the policy defines it ({', '.join(codes)})")
        for m in _INLINE_GROUP.finditer(unit.text):
            name = (m[1] or m[2]).strip()
            body = re.split(r"[.;:]\s", unit.text[max(0, m.start() - 160):m.start()])[-1]
            codes = [c for c in finder.scope(body).codes if c != EVERYONE]
            if len(codes) >= 2 and name not in finder.groups:
                finder.groups[name] = tuple(codes)
                notes.append(f"'{name}' read as the policy defines it in passing "
                             f"({', '.join(codes)})")
    return notes
