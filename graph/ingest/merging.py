"""Passes that merge the names a policy gives one company, after every name is found: a lead-in
glued to a name ("Hinweise für Apps der X GmbH"), one form spelt two ways, a native-script name
beside its Latin one ("香港数码港管理有限公司 Hong Kong Cyberport Management Company Limited"),
a short name for several ("(collectively “SurveyMonkey”)"), a name repeated without its form, and
a country stated under a short name. Each works on the book's entities (name key → entity) and
its mentions by unit, in place.
"""

from __future__ import annotations

import re

from xborder.graph.ingest.lexicon import COLLECTIVE, PRONOUNS
from xborder.graph.ingest.mention import Mention, name_key
from xborder.graph.ingest.model import EntityProposal
from xborder.graph.ingest.names import CONNECT, LEADING
from xborder.graph.ingest.places import PlaceFinder, is_country
from xborder.graph.ingest.shortnames import QUOTED
from xborder.graph.ingest.text import Document

__all__ = ["alias_countries", "bilingual", "collective", "institution_forms", "same_form",
           "short_forms", "unglue"]

Entities = dict[str, EntityProposal]
Rows = dict[int, list[tuple[Mention, EntityProposal, tuple[int, int] | None]]]
_COLLECTIVE = re.compile(COLLECTIVE, re.I)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def same_form(entities: Entities, by_unit: Rows) -> None:
    """One company written with its form once and twice ("X SL, S.L." and "X SL") or with
    its form spelt two ways: the same base name and legal form are one entity."""
    first: dict[tuple[str, str], EntityProposal] = {}
    for rows in by_unit.values():
        for n, (m, e, stated) in enumerate(rows):
            key = (name_key(m.base), m.form)
            if not m.form or not key[0]:
                continue
            if (kept := first.setdefault(key, e)) is not e:
                for k in [k for k, v in entities.items() if v is e]:
                    del entities[k]
                kept.aliases, kept.we = list(dict.fromkeys(kept.aliases + e.aliases)), \
                    kept.we or e.we
                rows[n] = (m, kept, stated)


def institution_forms(entities: Entities, by_unit: Rows) -> None:
    """An institution's name written once bare and once with a legal form ("Clínica Matteoni de
    Athayde" as the title, "Clínica Matteoni de Athayde LTDA." in the text): one entity, the one
    with the form."""
    formed = {name_key(m.base): e for rows in by_unit.values() for m, e, _s in rows
              if m.form and m.form != "institution"}
    for rows in by_unit.values():
        for n, (m, e, stated) in enumerate(rows):
            kept = formed.get(name_key(m.name)) if m.form == "institution" else None
            if kept is None or kept is e:
                continue
            for k in [k for k, v in entities.items() if v is e]:
                del entities[k]
            kept.aliases, kept.we = list(dict.fromkeys(kept.aliases + e.aliases)), kept.we or e.we
            rows[n] = (m, kept, stated)


def unglue(entities: Entities, by_unit: Rows) -> None:
    """A name that is another name of the policy with prose before it ("Hinweise für Apps
    der X GmbH" beside "X GmbH"): the lead-in is no part of it; its mentions are X's."""
    for key, long in list(entities.items()):
        short = next((e for k, e in entities.items() if k != key and
                      long.name.endswith(" " + e.name)), None)
        prefix = long.name[:-len(short.name)].split() if short else []
        if short is None or not any(w.casefold() in LEADING or w in CONNECT or w.islower()
                                    for w in prefix):
            continue
        del entities[key]
        short.we, short.aliases = short.we or long.we, list(dict.fromkeys(
            short.aliases + long.aliases))
        for rows in by_unit.values():
            for n, (m, e, stated) in enumerate(rows):
                at = m.written.rfind(short.name.split()[0])
                if e is long and at >= 0:
                    rows[n] = (Mention(short.name, m.written[at:], m.start + at, m.end,
                                       m.form, m.candidates,
                                       " ".join(m.base.split()[len(prefix):])), short, stated)


def collective(doc: Document, by_unit: Rows) -> None:
    """"SurveyMonkey Inc., SurveyMonkey Europe UC … (collectively “SurveyMonkey”)": the short
    name (and "we") stands for every company listed before it, never for a former name
    or a parent."""
    for unit in doc.units:
        rows = by_unit.get(unit.index, [])
        for paren in re.finditer(r"\(([^()]{0,160})\)", unit.text) if rows else ():
            if not _COLLECTIVE.search(paren[1]):
                continue
            quoted = [q.strip(" *_,\\-\u00a0") for q in QUOTED.findall(paren[1])]
            names = [q for q in quoted if q.casefold() not in PRONOUNS and q[:1].isupper()]
            we = any(q.casefold() in PRONOUNS for q in quoted)
            listed = [e for m, e, _s in rows if m.end <= paren.start()]
            members = [e for e in listed if not {"former name", "parent", "representative"}
                       & e.roles]
            for entity in members:
                entity.aliases += [n for n in names if n not in entity.aliases]
                entity.we = entity.we or we
            for entity in listed:
                if not any(entity is x for x in members):  # a former name, a parent
                    entity.we = False
                    entity.aliases = [a for a in entity.aliases if a not in names]


def short_forms(doc: Document, entities: Entities, by_unit: Rows) -> None:
    """An entity named again without its legal form ("Viaplay Group UK is a joint data
    controller …" after "Viaplay Group UK Limited"): the same entity, so its words ("UK")
    are not read as places. Only names of two words or more."""
    bases = {e.name.removesuffix(e.name.split()[-1]).strip(" ,"): e
             for e in entities.values() if len(e.name.split()) >= 3}
    bases = {b: e for b, e in bases.items() if len(b.split()) >= 2}
    if not bases:
        return
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(b) for b in
                                              sorted(bases, key=len, reverse=True)) + r")\b")
    for unit in doc.units:
        rows = by_unit.get(unit.index, [])
        for m in pattern.finditer(unit.text):
            if any(r[0].start < m.end() and m.start() < r[0].end for r in rows):
                continue
            entity = bases[m[0]]
            rows.append((Mention(entity.name, m[0], m.start(), m.end(), "", (), m[0]),
                         entity, None))
        if rows:
            by_unit[unit.index] = sorted(rows, key=lambda r: r[0].start)


def alias_countries(doc: Document, entities: Entities, finder: PlaceFinder) -> None:
    """"Zeta is registered in Luxembourg": a country stated under an entity's short name."""
    for entity in entities.values():
        for alias in entity.aliases if entity.country is None else ():
            said = re.compile(rf"\b{re.escape(alias)}\b(?=\s+(?:is|was)\s+(?:a\s+(?:\w+\s+)?"
                              r"company\s+)?(?:registered|incorporated|established|based|"
                              r"headquartered)\s+in\b)")
            for unit in doc.units:
                m = said.search(unit.text)
                if m is None:
                    continue
                places = [p for p in finder.find(unit.text[m.end():m.end() + 80])
                          if is_country(p.code)]
                if places:
                    entity.country = places[0].code
                    entity.country_basis = f"stated: {unit.text[m.start():][:80]!r}"
                    break


def bilingual(entities: Entities, by_unit: Rows, doc: Document) -> None:
    """A name in Chinese, Japanese or Korean script written right beside its Latin one, in
    either order and maybe in brackets ("…有限公司 Hong Kong … Limited", "株式会社…（… Inc.）"):
    one company, named as first written, the other name its alias."""
    for unit in doc.units:
        rows = sorted(by_unit.get(unit.index, []), key=lambda r: r[0].start)
        for n in range(1, len(rows)):
            (m1, e1, _s1), (m2, e2, _s2) = rows[n - 1], rows[n]
            gap = unit.text[m1.end:m2.start]
            if e1 is e2 or len(gap) > 3 or gap.strip(" \u3000(（「【") or \
                    bool(_CJK.search(m1.name)) == bool(_CJK.search(m2.name)):
                continue
            for k in [k for k, v in entities.items() if v is e2]:
                del entities[k]
            e1.aliases = list(dict.fromkeys([*e1.aliases, e2.name, *e2.aliases]))
            e1.we = e1.we or e2.we
            for other in [*by_unit.values(), rows]:
                other[:] = [(m, e1 if e is e2 else e, s) for m, e, s in other]
