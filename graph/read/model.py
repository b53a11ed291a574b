"""RDF graph → :class:`~xborder.graph.model.Model`: the one reader of places, entities and
organisations (any object with rdflib's read-only ``value``/``objects``/``subjects``/``in``
look-ups will do: an rdflib ``Graph`` or the lean :class:`~xborder.graph.store.reader.NodeTable`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import replace

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from xborder.graph import vocab
from xborder.graph.dates import Interval
from xborder.graph.model import (
    Alias,
    Application,
    Citation,
    Document,
    Entity,
    Jurisdiction,
    Membership,
    Model,
    Organisation,
    Reading,
    Recipient,
    Rule,
    SafeguardClaim,
    Service,
    Source,
)

# the terms read, each made once (see vocab.Terms)
DCT, DPV, RDF, SKOS, TIME, XB = (vocab.Terms(n) for n in (
    vocab.DCT, vocab.DPV, vocab.RDF, vocab.SKOS, vocab.TIME, vocab.XB))

__all__ = ["code_of", "read_interval", "read_model"]


def code_of(iri: Node | None) -> str:
    """``loc:ES-CN`` → ``ES-CN``; ``xb:Everywhere`` → ``*``."""
    if iri is None:
        raise ValueError("missing jurisdiction in the graph")
    if iri == XB.Everywhere:
        return "*"
    return str(iri).rsplit("#", 1)[-1]


def _local(iri: Node | str) -> str:
    return str(iri).rstrip("/").rsplit("/", 1)[-1]


def _str(g: Graph, s: Node, p: URIRef) -> str | None:
    value = g.value(s, p)
    return None if value is None else str(value)


def _date(value: Node | None) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, Literal):
        py = value.toPython()
        if isinstance(py, dt.date):
            return py
    return dt.date.fromisoformat(str(value))


def read_interval(g: Graph, s: Node) -> Interval:
    interval = g.value(s, DCT.temporal)
    if interval is None:
        return Interval()
    begin, end = g.value(interval, TIME.hasBeginning), g.value(interval, TIME.hasEnd)
    return Interval(
        _date(g.value(begin, TIME.inXSDDate)) if begin is not None else None,
        _date(g.value(end, TIME.inXSDDate)) if end is not None else None,
    )


def _link_versions(organisations: dict[str, Organisation],
                   documents: dict[str, Document]) -> None:
    """Chain each series' documents by their stated start: previous and next version."""
    for org in organisations.values():
        series: dict[str, list[Document]] = defaultdict(list)
        for doc in org.documents.values():
            series[doc.series].append(doc)
        for docs in series.values():
            docs.sort(key=lambda d: (d.interval.start or dt.date.min, d.id))
            for before, doc, after in zip([None, *docs[:-1]], docs, [*docs[1:], None], strict=True):
                org.documents[doc.id] = replace(
                    doc, previous=before.id if before else None, next=after.id if after else None,
                    next_from=after.interval.start if after else None)
    for iri, doc in documents.items():
        documents[iri] = organisations[doc.organisation].documents[doc.id]


def read_model(g: Graph) -> Model:
    sources: dict[str, Source] = {}
    for s in g.subjects(RDF.type, XB.Source):
        sources[str(s)] = Source(
            str(s), str(g.value(s, DCT.title)), str(g.value(s, XB.url)),
            _str(g, s, XB.celex), _str(g, s, XB.confidence) or "verified",
        )

    def source_of(s: Node) -> Source:
        return sources[str(g.value(s, DCT.source))]

    jurisdictions: dict[str, Jurisdiction] = {}
    for s in set(g.subjects(XB.code, None)):
        code = str(g.value(s, XB.code))
        kind = "group" if (s, RDF.type, XB.Group) in g else (
            _str(g, s, XB.jurisdictionKind) or "country")
        parent = g.value(s, XB.partOf)
        jurisdictions[code] = Jurisdiction(
            code, str(g.value(s, SKOS.prefLabel)), kind,
            code_of(parent) if parent is not None else None, _str(g, s, XB.uncertainty),
        )

    memberships: dict[str, list[Membership]] = defaultdict(list)
    for s in g.subjects(RDF.type, XB.Membership):
        m = Membership(code_of(g.value(s, XB.member)), code_of(g.value(s, XB.group)),
                       read_interval(g, s), source_of(s))
        memberships[m.member].append(m)

    applications: dict[str, list[Application]] = defaultdict(list)
    for s in g.subjects(RDF.type, XB.LawApplication):
        a = Application(
            code_of(g.value(s, XB.territory)),
            tuple(sorted(code_of(o) for o in g.objects(s, XB.group))),
            bool(g.value(s, XB.applies).toPython()),  # type: ignore[union-attr]
            read_interval(g, s), _str(g, s, XB.applicationKind) or "territory",
            str(g.value(s, XB.basis)), _str(g, s, XB.uncertainty), source_of(s),
        )
        applications[a.territory].append(a)

    aliases = []
    for s in g.subjects(RDF.type, XB.Alias):
        target = g.value(s, XB.aliasOf)
        aliases.append(Alias(
            str(g.value(s, XB.aliasText)),
            code_of(target) if target is not None else None,
            tuple(sorted(code_of(o) for o in g.objects(s, XB.ambiguousWith))),
            _str(g, s, SKOS.note),
        ))

    organisations: dict[str, Organisation] = {}
    for s in g.subjects(RDF.type, XB.Organisation):
        org_id = str(g.value(s, XB.id))
        organisations[org_id] = Organisation(
            org_id, str(g.value(s, DPV.hasName)),
            tuple(sorted(str(o) for o in g.objects(s, XB.alias))),
        )

    def org_of(s: Node) -> Organisation:
        return organisations[str(g.value(g.value(s, XB.organisation), XB.id))]

    entities: dict[str, Entity] = {}
    for s in g.subjects(RDF.type, DPV.LegalEntity):
        e = Entity(str(g.value(s, XB.id)), str(g.value(s, DPV.hasName)),
                   code_of(g.value(s, DPV.hasCountry)), org_of(s).id,
                   _str(g, s, XB.locality), _str(g, s, DPV.hasAddress))
        entities[e.id] = e
    for s in g.subjects(RDF.type, DPV.Service):
        org = org_of(s)
        svc = Service(str(g.value(s, XB.id)), org.id, str(g.value(s, DPV.hasName)),
                      tuple(sorted(str(o) for o in g.objects(s, XB.alias))),
                      tuple(sorted(str(o) for o in g.objects(s, XB.domain))))
        org.services[svc.id] = svc
    documents: dict[str, Document] = {}
    for s in g.subjects(RDF.type, DPV.PrivacyNotice):
        org = org_of(s)
        doc = Document(
            str(g.value(s, XB.id)), org.id, str(g.value(s, DCT.title)), str(g.value(s, XB.url)),
            read_interval(g, s), _local(g.value(s, DCT.publisher) or ""),
            _str(g, s, DCT.hasVersion), _str(g, s, XB.datePrecision) or "day",
            _str(g, s, XB.archivedUrl), _date(g.value(s, XB.archivedOn)),
            _date(g.value(s, XB.firstSeen)), _str(g, s, XB.series) or str(g.value(s, XB.url)),
        )
        org.documents[doc.id] = doc
        documents[str(s)] = doc
    _link_versions(organisations, documents)

    def citation_of(s: Node) -> Citation:
        c = g.value(s, XB.citation)
        return Citation(documents[str(g.value(c, XB.document))], str(g.value(c, XB.section)),
                        str(g.value(c, XB.quote)))

    for s in g.subjects(RDF.type, XB.ControllerRule):
        org = org_of(s)
        readings = tuple(sorted(
            (Reading(str(g.value(r, XB.policyText)), code_of(g.value(r, XB.readAs)),
                     tuple(sorted(code_of(o) for o in g.objects(r, XB.alsoReadAs))),
                     str(g.value(r, XB.readingNote)))
             for r in g.objects(s, XB.reading)), key=lambda r: r.text))
        org.rules.append(Rule(
            str(g.value(s, XB.id)), org.id, _local(g.value(s, DPV.hasDataController) or ""),
            frozenset(_local(o) for o in g.objects(s, XB.service)),
            frozenset(code_of(o) for o in g.objects(s, XB.location)),
            frozenset(code_of(o) for o in g.objects(s, XB.exceptLocation)),
            bool(g.value(s, XB.isDefault).toPython()),  # type: ignore[union-attr]
            read_interval(g, s), citation_of(s), readings, _str(g, s, SKOS.note),
        ))
    for s in g.subjects(RDF.type, XB.RecipientClause):
        org = org_of(s)
        org.recipients.append(Recipient(
            str(g.value(s, XB.id)), org.id, str(g.value(s, XB.recipientKind)),
            str(g.value(s, DPV.hasName)),
            tuple(sorted(_local(o) for o in g.objects(s, XB.entity))),
            tuple(sorted(code_of(o) for o in g.objects(s, XB.location))),
            _str(g, s, XB.locationBasis), citation_of(s),
        ))
    for s in g.subjects(RDF.type, XB.SafeguardClaim):
        org = org_of(s)
        org.safeguards.append(SafeguardClaim(
            str(g.value(s, XB.id)), org.id, str(g.value(s, XB.safeguardKind)),
            str(g.value(s, DPV.hasName)), citation_of(s)))
    for org in organisations.values():
        org.rules.sort(key=lambda r: r.id)
        org.recipients.sort(key=lambda r: r.id)
        org.safeguards.sort(key=lambda r: r.id)
    return Model(jurisdictions, dict(memberships), dict(applications), aliases, entities,
                 organisations, sources)
