"""Legal entities named in a policy: found by their legal form (:mod:`.names`), placed in a
country when the policy states it or the name or form makes it evident, with the short names the
policy gives them (one for several: "(collectively “SurveyMonkey”)") and the roles that keep a
name from being proposed (representative, former name, parent).

A name is the run of capitalised words (and connectors such as "of", "&") before a legal form
("Huawei Device Co., Ltd.", "Huawei Technologies Deutschland, GmbH"). Its country comes, in this
order, from what the policy says right after it ("…, registered in Ireland", "(Ireland)", an
address ending in a country), from a country named inside it ("… Deutschland GmbH", "… USA,
Inc."), or from a legal form used in one country only (B.V. → NL, Ltda. → BR, Unlimited
Company → IE, Inc. → US). A form shared by several countries (GmbH: DE, AT, CH; S.A.; Ltd.)
gives no country, only its candidates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pycountry

from xborder.graph.ingest.distractors import ON_BEHALF
from xborder.graph.ingest.legalforms import LEGAL_FORMS, written_short
from xborder.graph.ingest.lexicon import (
    ADDRESS,
    COLLECTIVE,
    FORMER,
    PARENT,
    PARENT_AFTER,
    REPRESENTATIVE,
    STATED,
)
from xborder.graph.ingest.merging import (
    alias_countries,
    bilingual,
    collective,
    institution_forms,
    same_form,
    short_forms,
    unglue,
)
from xborder.graph.ingest.model import EntityProposal, Evidence, slug
from xborder.graph.ingest.names import (
    FORM,
    LEADING,
    Mention,
    entity_key,
    find_mentions,
    name_key,
)
from xborder.graph.ingest.places import PlaceFinder, is_country
from xborder.graph.ingest.shortnames import CONTROL_WORD, acronym_name, definitions, representative
from xborder.graph.ingest.text import Document, Unit

__all__ = ["LEGAL_FORMS", "EntityBook", "Mention", "definitions", "entity_key", "find_mentions",
           "name_key", "place_entity", "representative"]

_STATED = re.compile(STATED, re.I)
_ADDRESS = re.compile(ADDRESS)
_REGISTERED = re.compile(r"^\s*(?:\([^)]*\)\s*)?,?\s*(?:is|was)\s+(?:a\s+(?:\w+\s+)?(?:company|"
                         r"corporation)\s+)?(?:registered|incorporated|established|organi[sz]ed|"
                         r"based|headquartered|domiciled)\s+(?:in|under)\b", re.I)
#: Two capitals in a name that are acronyms far more often than country codes
_NOT_CODES = frozenset({"IT", "AI", "TV", "IO", "ID", "AD", "AM", "PM", "ME", "MY", "BY", "GO",
                        "NO", "SO", "TO", "IN", "AT", "AS", "IS", "BE", "CO", "DO", "PR", "HR",
                        "MA", "PA", "LA", "GA", "AR", "CD", "CV", "SE", "SA", "AG", "KG", "UG",
                        "BV", "NV", "AB", "OY", "SL"})


def place_entity(text: str, mention: Mention, finder: PlaceFinder, limit: int | None = None
                 ) -> tuple[str | None, str, tuple[int, int] | None]:
    """(country, how it was found, the span of the text that stated it) for one mention;
    ``limit`` is where the next entity's name starts."""
    window = text[mention.end:min(mention.end + 200, limit or len(text))]
    nxt = re.search(r"(?<!siège )(?<!Sitz )(?<!sede )\b(?:is|are|acts?|will|shall|controls?|est|"
                    r"ist|es|è|é|sont|sind|son|sono|zijn|são)(?![\w-])(?!\s+(?:a\s+\w*\s*company|"
                    r"registered|incorporated|established|organi[sz]ed|based|headquartered|"
                    r"domiciled))|;", window)
    window = window[:nxt.start()] if nxt else window
    lead = re.match(r"\s*\(([^()]*)\)", window)  # "(“Skylark”)": a short name, not a seat …
    if lead is not None and (_USERS_IN.search(lead[1]) or not [  # nor "(if you live in …)"
            p for p in finder.find(lead[1]) if is_country(p.code)]):
        window = " " * lead.end() + window[lead.end():]  # … so read what follows it
    places = [p for p in finder.find(window) if is_country(p.code)]
    address = bool(places) and bool(_ADDRESS.fullmatch(window[:places[0].start].lstrip()))
    # (after a bracket read past: "X Pty Ltd (ABN …), Level 3, 22 Harbour St, …, Australia")
    if places and (_STATED.match(window) or _REGISTERED.match(window) or address):
        first = places[0]
        span = (mention.end, mention.end + _stated_end(window, first.end))
        return first.code, f"stated: {window[:first.end].strip(' ,(')!r}", span
    for place in finder.find(mention.base):
        if is_country(place.code):
            return place.code, f"named in the entity's name ({place.text!r})", None
    for token in re.findall(r"\b[A-Z]{2}\b", mention.base):
        if token not in _NOT_CODES and pycountry.countries.get(alpha_2=token) is not None:
            return token, f"named in the entity's name (the ISO code {token!r})", None
    if len(mention.candidates) == 1:
        return mention.candidates[0], f"legal form {mention.form} is used in one country", None
    return None, f"legal form {mention.form} is used in {', '.join(mention.candidates)}", None


_USERS_IN = re.compile(r"\b(?:if|for|users?|live|reside|residents?|si|für|wenn)\b", re.I)


def _stated_end(window: str, end: int) -> int:
    close = window.find(")", end)  # "X S.A. (Tower 5, Panama City, Republic of Panama)"
    whole = "(" not in window[end:close] and bool(re.match(r"\s*\([^()]*\d", window))
    return close + 1 if close != -1 and (close - end < 3 or whole) else end


_REPRESENTATIVE = re.compile(REPRESENTATIVE, re.I)
_FORMER = re.compile(FORMER, re.I)
_PARENT = re.compile(PARENT, re.I)
_PARENT_AFTER = re.compile(PARENT_AFTER, re.I)
_COLLECTIVE = re.compile(COLLECTIVE, re.I)
#: a list of other companies: third parties, processors, service providers, partners
_OTHERS = re.compile(r"\b(?:third[- ]part(?:y|ies)|(?:service\s+)?providers|processors|vendors|"
                     r"partners|terceir[oa]s|terceros|terz[ei]|tiers|sous-traitants|prestataires|"
                     r"Drittanbieter\w*|Auftragsverarbeiter\w*|Dienstleister\w*|derden|verwerkers|"
                     r"encargados|fornitori|fornecedores|proveedores)\b", re.I)


#: words of a law's, a document's or a service's name, not a company's ("General Data
#: Protection Regulation (“GDPR”)", "Privacy Shield Framework (“DPF”)")
_NOT_COMPANY = re.compile(r"\b(?:Regulation|Act|Law|Directive|Policy|Notice|Terms|Agreement|"
                          r"Statement|Code|Privacy|Data|Protection|Services?|Shield|Framework|"
                          r"Clauses|Rules|Cookies?|Platform|Website|App)\b")


class EntityBook:
    """Every entity the policy names, merged by name, with the first sentence naming it."""

    def __init__(self, finder: PlaceFinder, taken: Iterable[str] = ()) -> None:
        self.finder = finder
        self.taken = set(taken)  # entity ids the knowledge base already uses
        self.entities: dict[str, EntityProposal] = {}
        self.by_unit: dict[int, list[tuple[Mention, EntityProposal, tuple[int, int] | None]]] = {}
        #: a name written with its form spelt out, by the key it has abbreviated ("ETAM
        #: LINGERIE, Société anonyme" under "etamlingeriesa"): the entity's own key
        self.spelt_out: dict[str, str] = {}

    def scan(self, doc: Document) -> None:
        for unit in doc.units:
            found: list[tuple[Mention, int]] = []  # each mention, and where its cell ends
            for x, y in unit.cell_spans():
                found += [(_shift(_after_places(m, self.finder, unit.text[x:y]), x), y)
                          for m in find_mentions(unit.text[x:y])]
            rows = []
            for i, (m, cell_end) in enumerate(found):
                limit = min(found[i + 1][0].start if i + 1 < len(found) else cell_end, cell_end)
                entity = self._register(unit, m, limit)
                _country, _how, stated = place_entity(unit.text, m, self.finder, limit)
                rows.append((m, entity, stated))
                if representative(unit.text, m.start, m.end):
                    entity.roles.add("representative")
                if _listed_under_representative(unit):
                    entity.roles |= {"representative", "representative's contact"}
                if unit.kind in ("item", "row") and _OTHERS.search(unit.lead + " " +
                                                                  " ".join(unit.header)):
                    entity.roles.add("third party")  # listed under "third parties help us …"
                before = unit.text[max(0, m.start - 80):m.start]
                if _FORMER.search(before[-40:]):
                    entity.roles.add("former name")
                elif _PARENT.search(before) or _PARENT_AFTER.match(unit.text[m.end:m.end + 60]):
                    entity.roles.add("parent")
            if rows:
                self.by_unit[unit.index] = rows
        unglue(self.entities, self.by_unit)
        same_form(self.entities, self.by_unit)
        institution_forms(self.entities, self.by_unit)
        bilingual(self.entities, self.by_unit, doc)
        collective(doc, self.by_unit)
        short_forms(doc, self.entities, self.by_unit)
        alias_countries(doc, self.entities, self.finder)
        for entity in self.entities.values():  # "…, met Kleinweb Studio B.V. als verwerker"
            if any(ON_BEHALF.match(doc.source[m.end():m.end() + 120])
                   for m in re.finditer(re.escape(entity.name), doc.source)):
                entity.roles.add("third party")

    def _register(self, unit: Unit, m: Mention, limit: int | None) -> EntityProposal:
        country, how, _span = place_entity(unit.text, m, self.finder, limit)
        if m.form == "institution" and (whole := next((e for e in self.entities.values() if any(
                m.key in entity_key(a) for a in [e.name, *e.aliases])), None)) is not None:
            return whole  # "The Credit Union is …" after "Corrib Credit Union Limited (…)"
        bare = m.key.removeprefix("the")
        entity = self.entities.get(m.key) or self.entities.get(bare) or self._twin(m)
        if entity is not None and m.key != bare and entity_key(entity.name) == bare:
            entity.name = m.name  # "The Meet Group, Inc." mid-sentence: "The" is the name's
        if entity is None and m.key != bare:
            entity = self.entities.pop(bare, None)  # "Meet Group, Inc." was "The Meet Group…"
            if entity is not None:
                entity.name = m.name
                self.entities[m.key] = entity
        elif entity is None:
            entity = self.entities.get("the" + m.key)
        if entity is None:
            evidence = Evidence(unit.text, unit.start, unit.end, unit.section.label,
                                unit.section.heading)
            ident = slug(m.base, "entity")
            if ident in self.taken:
                ident += "-proposed"
            while any(e.id == ident for e in self.entities.values()):
                ident += "-2"
            entity = EntityProposal(ident, m.name, country, m.candidates, how, evidence,
                                    m.written)
            self.entities[m.key] = entity
            if m.form.endswith("(written out)") and (short := written_short(m.written)):
                self.spelt_out[entity_key(f"{m.name} {short}")] = m.key
        elif entity.country is None and country is not None:
            entity.country, entity.country_basis = country, how
        aliases, we = definitions(unit.text, m)
        if m.form == "institution" and (acronym := acronym_name(unit.text[m.start:m.end + 16])) \
                and name_key(acronym[0]) == name_key(m.name):
            aliases.append(acronym[2])  # "Services … Technical Union (SIPTU)", unquoted
        entity.aliases += [a for a in aliases if a not in entity.aliases]
        entity.we = entity.we or we
        return entity

    def _twin(self, m: Mention) -> EntityProposal | None:
        """The entity a name with a written-out form abbreviates, or is abbreviated by:
        "ETAM LINGERIE, Société anonyme" and "Etam Lingerie SA" are one company; the name
        with the short form is kept."""
        if m.form.endswith("(written out)"):
            short = written_short(m.written)
            return self.entities.get(entity_key(f"{m.name} {short}")) if short else None
        key = self.spelt_out.get(m.key)
        entity = self.entities.pop(key, None) if key is not None else None
        if entity is not None:  # the written-out one came first: it takes the short form's name
            entity.name = m.name
            self.entities[m.key] = entity
        return entity

    def adopt(self, known: dict[str, tuple[str, str, str]]) -> None:
        """Entities the organisation already has in the knowledge base (name key → id, name,
        country): their registered name and country are taken, their id noted."""
        for key, entity in self.entities.items():
            if key in known:
                ident, name, country = known[key]
                entity.name, entity.known = name, True
                entity.country, entity.country_basis = country, f"the knowledge base ({ident})"

    def named(self, unit: Unit, name: str, start: int) -> EntityProposal:
        """An entity named without a legal form where a clause names its controller ("… est
        Comuto Pro", "… von Telegram bereitgestellt")."""
        m = Mention(name, name, start, start + len(name), "", (), name)
        entity = self.alias(name)  # "RCSEd is …" after "Royal College of … (“RCSEd”)"
        if entity is None:
            entity = self._register(unit, m, None)
            entity.country_basis = "no legal form: the name is read from the clause"
        rows = self.by_unit.setdefault(unit.index, [])
        rows.append((m, entity, None))
        rows.sort(key=lambda r: r[0].start)
        return entity

    def alias_spans(self, text: str) -> list[tuple[int, int]]:
        """Where ``text`` writes a short name the policy gave a company ("BERSHKA ESPAGNE" for
        "BERSHKA BSK ESPAÑA, S.A"): a place inside it is part of a name, not where users are."""
        return [(m.start(), m.end()) for e in self.entities.values() for alias in e.aliases
                if len(alias) > 3 for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", text)]

    def mentions(self, unit: Unit) -> list[tuple[Mention, EntityProposal, tuple[int, int] | None]]:
        return self.by_unit.get(unit.index, [])

    def alias(self, word: str) -> EntityProposal | None:
        found = self.aliased(word)
        return found[0] if found else None

    def aliased(self, word: str, typo: bool = False) -> list[EntityProposal]:
        """The entities a short name stands for (several for "(collectively “X”)"); with
        ``typo``, a short name of six letters or more also matches with one letter wrong or
        two swapped ("Oubtrain" for "Outbrain"), or one dropped ("SAYMX" for "SANYMX")."""
        found = [e for e in self.entities.values() if word in e.aliases]
        if not found:  # "L’Organisme, en sa qualité de …" for "ci-après dénommée « l’Organisme »"
            found = [e for e in self.entities.values()
                     if any(_unelided(word) == _unelided(a) for a in e.aliases)]
        if not found:  # "GEB AdoptAGuy" for "GEB ADOPTAGUY SARL": the name without its form
            found = [e for e in self.entities.values() if e.name.casefold().startswith(
                word.casefold() + " ") and FORM.fullmatch(e.name[len(word):].strip(" ,"))]
        if not found and typo and len(word) >= 5:  # "SAYMX" for "SANYMX"
            found = [e for e in self.entities.values()
                     if any(len(a) >= 6 and _one_edit(word, a) for a in e.aliases)]
        return found

    def with_short_names(self, clause: str, named: list[EntityProposal]) -> list[EntityProposal]:
        """The entities ``named`` and those a clause names by a short name ("Lime et Meta
        Ireland sont responsables conjoints", "Lime" defined for Neutron Holdings, Inc.)."""
        found = list(named)
        for word in dict.fromkeys(re.findall(r"\b[A-Z][\w&-]+\b", clause)):
            found += [e for e in self.aliased(word) if all(e is not x for x in found)]
        return found

    def defined_joint(self, unit: Unit, a: int, b: int) -> list[EntityProposal]:
        """A joint controller named without a legal form but with its short name in brackets
        ("Facebook Ireland (“Facebook”) and VR-Group Plc act as joint controllers")."""
        taken = [(m.start, m.end) for m, _e, _s in self.mentions(unit)]
        out = []
        for m in re.finditer(r"(?<![\w-])((?:[A-Z][\w&-]+\s+){0,3}[A-Z][\w&-]+)\s*\(\s*[“\"«]",
                             unit.text[a:b]):
            start, name = a + m.start(1), m[1]
            if name.split()[0].casefold() not in LEADING and not _NOT_COMPANY.search(name) and \
                    all(start + len(name) <= x or start >= y for x, y in taken) and \
                    not any(p.start == 0 and p.end == len(name) for p in self.finder.find(name)):
                out.append(self.named(unit, name, start))
        return out

    @property
    def we(self) -> EntityProposal | None:
        return next((e for e in self.entities.values() if e.we), None)


def _after_places(m: Mention, finder: PlaceFinder, text: str = "") -> Mention:
    """"New Zealand – Kiwi Pay Limited" (a place and its company): the name follows the dash.
    A dash between two parts of a name stays ("Mútua dos Pescadores – Mútua de Seguros"). The
    last of a list of places before a name is no part of it ("Spanien, Portugal Information
    Builders Ibérica, S.A.": a flattened table's row)."""
    cut = re.search(r"\s[–—-]\s", m.written)
    joined = re.match(r"(\S.{0,30}?)\s+(?:e|and|und|et|y)\s+(?=[A-ZÀ-Þa-z])", m.written)
    if cut is None and joined and any(p.start == 0 and p.end == len(joined[1])
                                      for p in finder.find(joined[1])):
        at = joined.end()  # "…, DE 19801, USA e Biglietti Sud GmbH": an address's country before
        return Mention(m.name[at:], m.written[at:], m.start + at, m.end, m.form,
                       m.candidates, m.base[at:])
    if cut is None:
        return _after_place_list(m, finder, text)
    left = m.written[:cut.start()]
    if left.split() and left.split()[-1] in _ROLE_NOUNS:  # "Muttergesellschaft – H & M … AB"
        return Mention(m.name.split(f" {cut[0].strip()} ", 1)[-1], m.written[cut.end():],
                       m.start + cut.end(), m.end, m.form, m.candidates,
                       m.base.split(f" {cut[0].strip()} ", 1)[-1])
    rest = left
    for place in sorted(finder.find(left), key=lambda p: -p.start):
        rest = rest[:place.start] + rest[place.end:]
    if rest == left or any(w.casefold() not in ("and", "&", "und", "et", "y", "e", "en", "the")
                           for w in rest.split()):
        return m
    dash = cut[0].strip()
    name = m.name.split(f" {dash} ", 1)[-1]
    base = m.base.split(f" {dash} ", 1)[-1]
    return Mention(name, m.written[cut.end():], m.start + cut.end(), m.end, m.form, m.candidates,
                   base)


#: a company's role before a dash and its name: no part of the name
_ROLE_NOUNS = frozenset({"Muttergesellschaft", "Tochtergesellschaft", "Konzernmutter",
                         "Verantwortlicher", "Verantwortliche", "Controller", "Responsable",
                         "Titolare", "Verwerkingsverantwoordelijke", "Betreiber", "Anbieter"})
_PLACE_LIST = re.compile(r"(?:^|[\s|])(?:[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){0,2}\s*,\s*)+$")


def _after_place_list(m: Mention, finder: PlaceFinder, text: str) -> Mention:
    line = text[:m.start].rsplit("\n", 1)[-1]
    if not _PLACE_LIST.search(line):
        return m  # no list of capitalised words ending in a comma before it: read no place
    first = next((p for p in finder.find(m.written) if p.start == 0), None)
    if first is None or not finder.find(line):
        return m  # … one of them a place at least, and the name starting with another
    rest = m.written[first.end:].lstrip()
    if len(rest.split()) < 2 or not rest[:1].isupper():
        return m
    cut = len(m.written) - len(rest)
    return Mention(m.name[cut:], rest, m.start + cut, m.end, m.form, m.candidates, m.base[cut:])


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one letter changed, added or dropped, or two swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a),
                                                                                 len(b)))
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i + 1:i + 2] == b[i:i + 1] and
                                          a[i:i + 1] == b[i + 1:i + 2] and a[i + 2:] == b[i + 2:])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1:] == shorter[i:]


def _unelided(word: str) -> str:
    return re.sub(r"^(?:l|d)['’]", "", word.casefold())


def _shift(m: Mention, by: int) -> Mention:
    return Mention(m.name, m.written, m.start + by, m.end + by, m.form, m.candidates, m.base)


def _listed_under_representative(unit: Unit) -> bool:
    """A list item or row under a DPO's or representative's lead ("… our data protection officer,
    reachable: – by post to X vzw, …") that says nothing of a controller itself."""
    return unit.kind in ("item", "row") and bool(_REPRESENTATIVE.search(unit.lead)) and \
        not CONTROL_WORD.search(unit.lead) and not CONTROL_WORD.search(unit.text)
