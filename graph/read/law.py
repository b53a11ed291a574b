"""RDF graph → :class:`~xborder.graph.law.LawModel`: the one reader of regimes, adequacy
entries, mechanisms and restrictions."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from rdflib import Graph
from rdflib.term import Node

from xborder.graph import vocab
from xborder.graph.law import (
    AdequacyEntry,
    Authority,
    Duty,
    EeaEfta,
    EndedBy,
    Gap,
    Law,
    LawModel,
    Mechanism,
    Regime,
    RegimeArea,
    Restriction,
)
from xborder.graph.model import Source
from xborder.graph.read.model import code_of, read_interval

# the terms read, each made once (see vocab.Terms)
DCT, DPV, RDF, SKOS, XB = (vocab.Terms(n) for n in (
    vocab.DCT, vocab.DPV, vocab.RDF, vocab.SKOS, vocab.XB))

__all__ = ["read_law"]


def _opt(g: Graph, s: Node, p: Node) -> str | None:
    value = g.value(s, p)
    return None if value is None else str(value)


def read_law(g: Graph, sources: dict[str, Source]) -> LawModel:
    def source_of(s: Node) -> Source:
        return sources[str(g.value(s, DCT.source))]

    def regime_id(s: Node) -> str:
        return str(g.value(g.value(s, XB.regime), XB.id))

    def flag(s: Node) -> bool | None:
        value = g.value(s, XB.generalRestriction)
        return None if value is None else bool(value.toPython())  # type: ignore[attr-defined]

    def authority(s: Node) -> Authority | None:
        a = g.value(s, DPV.hasAuthority)
        return None if a is None else Authority(str(g.value(a, DPV.hasName)),
                                                str(g.value(a, XB.url)))

    law = LawModel()
    for s in g.subjects(RDF.type, XB.Regime):
        laws = tuple(sorted(
            (Law(str(g.value(x, DPV.hasName)), read_interval(g, x),
                 _opt(g, x, SKOS.exactMatch), source_of(x), flag(x))
             for x in g.objects(s, XB.law)),
            key=lambda x: x.interval.start or dt.date.min))
        gaps = tuple(sorted(
            (Gap(read_interval(g, x), str(g.value(x, XB.missing)), source_of(x))
             for x in g.objects(s, XB.gap)),
            key=lambda x: x.interval.start or dt.date.min))
        areas = tuple(sorted(
            (RegimeArea(code_of(g.value(x, XB.place)), read_interval(g, x), source_of(x),
                        _opt(g, x, SKOS.note))
             for x in g.objects(s, XB.area)),
            key=lambda a: (a.place, a.interval.start or dt.date.min)))
        regime = Regime(str(g.value(s, XB.id)), str(g.value(s, DPV.hasName)),
                        bool(g.value(s, XB.generalRestriction).toPython()),  # type: ignore
                        laws, areas, _opt(g, s, SKOS.note), authority(s), gaps)
        law.regimes[regime.id] = regime
    def eea(x: Node | None) -> EeaEfta | None:
        if x is None:
            return None
        window = read_interval(g, x)
        return EeaEfta(window.start, _opt(g, x, XB.instrument), _opt(g, x, XB.pending),
                       source_of(x), window.end)

    def ended_by(x: Node | None) -> EndedBy | None:
        if x is None:
            return None
        day = dt.date.fromisoformat(str(g.value(x, XB.date)))
        return EndedBy(str(g.value(x, DPV.hasName)), day, source_of(x))

    def duties(s: Node) -> tuple[Duty, ...]:
        found = [Duty(str(g.value(x, DCT.description)), read_interval(g, x), source_of(x))
                 for x in g.objects(s, XB.duty)]
        return tuple(sorted(found, key=lambda d: (d.interval.start or dt.date.min, d.text)))

    adequacy: dict[str, list[AdequacyEntry]] = defaultdict(list)
    for s in g.subjects(RDF.type, XB.AdequacyDecision):
        entry = AdequacyEntry(
            str(g.value(s, XB.id)), regime_id(s), code_of(g.value(s, XB.destination)),
            str(g.value(s, XB.scope)), str(g.value(s, XB.adequacyKind)), read_interval(g, s),
            _opt(g, s, XB.instrument), _opt(g, s, SKOS.exactMatch), source_of(s),
            _opt(g, s, XB.confidence) or "verified", _opt(g, s, SKOS.note),
            _opt(g, s, XB.uncertainty), eea(g.value(s, XB.eeaEfta)),
            ended_by(g.value(s, XB.endedBy)))
        adequacy[entry.regime].append(entry)
    mechanisms: dict[str, list[Mechanism]] = defaultdict(list)
    for s in g.subjects(RDF.type, XB.TransferMechanism):
        gf = g.value(s, XB.grandfatheredTo)
        m = Mechanism(
            str(g.value(s, XB.id)), regime_id(s), str(g.value(s, XB.mechanismKind)),
            str(g.value(s, DPV.hasName)), read_interval(g, s), source_of(s),
            _opt(g, s, XB.confidence) or "verified", _opt(g, s, XB.article),
            _opt(g, s, SKOS.exactMatch), _opt(g, s, XB.instrument),
            dt.date.fromisoformat(str(gf)) if gf is not None else None,
            _opt(g, s, XB.scope), _opt(g, s, SKOS.note), duties(s),
            eea(g.value(s, XB.eeaEfta)))
        mechanisms[m.regime].append(m)
    restrictions: dict[str, list[Restriction]] = defaultdict(list)
    for s in g.subjects(RDF.type, XB.TargetedRestriction):
        r = Restriction(
            str(g.value(s, XB.id)), regime_id(s),
            tuple(sorted(code_of(o) for o in g.objects(s, XB.destination))),
            str(g.value(s, XB.scope)), str(g.value(s, XB.restrictionKind)), read_interval(g, s),
            _opt(g, s, XB.instrument), source_of(s), _opt(g, s, SKOS.note))
        restrictions[r.regime].append(r)
    for table in (adequacy, mechanisms, restrictions):
        for items in table.values():
            items.sort(key=lambda x: (x.interval.start or dt.date.min, x.id))
    law.adequacy, law.mechanisms, law.restrictions = (dict(adequacy), dict(mechanisms),
                                                      dict(restrictions))
    return law
