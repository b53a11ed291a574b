"""Build section: transfer law — regimes, adequacy decisions, mechanisms, targeted restrictions."""

from __future__ import annotations

from rdflib import Literal, URIRef

from xborder.graph.build.context import BuildContext
from xborder.graph.vocab import DCT, DPV, KB, RDF, SKOS, XB, XSD
from xborder.graph.yamlsource import Node

__all__ = ["SECTIONS", "emit"]

SECTIONS = ("regimes", "adequacy", "mechanisms", "restrictions")
ADEQUACY_KINDS = ("adequacy", "not-a-transfer", "designation", "equivalence")
MECHANISM_KINDS = (
    "scc", "bcr", "code-of-conduct", "certification", "ad-hoc-clauses", "consent", "derogation",
    "out-of-scope", "standard-clauses", "other",
)


def emit(ctx: BuildContext, f: Node) -> None:
    for raw in f.items("regimes", "regime"):
        _regime(ctx, Node(raw, f.file, f.line, "regime"))
    for raw in f.items("adequacy", "adequacy entry"):
        _adequacy(ctx, Node(raw, f.file, f.line, "adequacy entry"))
    for raw in f.items("mechanisms", "mechanism"):
        _mechanism(ctx, Node(raw, f.file, f.line, "mechanism"))
    for raw in f.items("restrictions", "restriction"):
        _restriction(ctx, Node(raw, f.file, f.line, "restriction"))


def _regime_ref(ctx: BuildContext, node: Node, subject: URIRef) -> None:
    regime = node.required("regime")
    ctx.want("regime", regime, node)
    ctx.add(subject, XB.regime, KB[f"regime/{regime}"])


def _common(ctx: BuildContext, node: Node, iri: URIRef, kind_prop: URIRef,
            kinds: tuple[str, ...], default_kind: str | None = None) -> None:
    kind = node.string("kind", default_kind or "")
    if kind not in kinds:
        raise node.error(f"kind must be one of {', '.join(kinds)}, not {kind!r}")
    ctx.add(iri, kind_prop, Literal(kind))
    ctx.text(iri, XB.instrument, node.string("instrument"))
    if node.has("iri"):
        ctx.add(iri, SKOS.exactMatch, ctx.iri(node, node.string("iri")))
    ctx.text(iri, SKOS.note, node.string("note"))
    ctx.text(iri, XB.uncertainty, node.string("uncertain"))
    ctx.interval(node, iri)
    ctx.confidence(node, iri)
    ctx.source(node, iri)


def _regime(ctx: BuildContext, node: Node) -> None:
    node.check_keys(["id", "name", "laws", "area", "general_restriction", "note", "source",
                     "authority", "gaps"])
    ident = node.required("id")
    ctx.register("regime", ident, node)
    iri = KB[f"regime/{ident}"]
    ctx.add(iri, RDF.type, XB.Regime)
    ctx.add(iri, XB.id, Literal(ident))
    ctx.add(iri, DPV.hasName, Literal(node.required("name")))
    if "general_restriction" not in node.data:
        raise node.error("'general_restriction' (true or false) is required")
    restricts = node.flag("general_restriction")
    ctx.add(iri, XB.generalRestriction, Literal(restricts, datatype=XSD.boolean))
    ctx.text(iri, SKOS.note, node.string("note"))
    for n, raw in enumerate(node.items("laws", "law")):
        law = Node(raw, node.file, node.line, f"law of regime {ident}")
        law.check_keys(["name", "from", "to", "iri", "source", "note", "general_restriction"])
        record = URIRef(f"{iri}/law-{n}")
        ctx.add(iri, XB.law, record)
        ctx.add(record, RDF.type, DPV.Law)
        ctx.add(record, DPV.hasName, Literal(law.required("name")))
        if law.has("general_restriction"):
            ctx.add(record, XB.generalRestriction,
                    Literal(law.flag("general_restriction"), datatype=XSD.boolean))
        if law.has("iri"):
            ctx.add(record, SKOS.exactMatch, ctx.iri(law, law.string("iri")))
        ctx.text(record, SKOS.note, law.string("note"))
        ctx.interval(law, record)
        ctx.source(law, record)
    _authority(ctx, node, iri, ident)
    _dated_texts(ctx, node, iri, ("gaps", "gap", "missing"), (XB.gap, XB.CoverageGap, XB.missing),
                 f"regime {ident}")
    areas = node.items("area", "area entry")
    if not areas:
        raise node.error("'area' is required: where the regime applies")
    for n, raw in enumerate(areas):
        area = Node(raw, node.file, node.line, f"area of regime {ident}")
        area.check_keys(["group", "code", "from", "to", "source", "note"])
        target = area.string("group") or area.string("code")
        if not target:
            raise area.error("give 'group' or 'code'")
        record = URIRef(f"{iri}/area-{n}")
        ctx.add(iri, XB.area, record)
        ctx.add(record, RDF.type, XB.RegimeArea)
        ctx.add(record, XB.place, ctx.location(area, target))
        ctx.text(record, SKOS.note, area.string("note"))
        ctx.interval(area, record)
        ctx.source(area, record)


def _authority(ctx: BuildContext, node: Node, regime: URIRef, ident: str) -> None:
    """``authority: {name, url}``: the supervisory authority a user of this regime turns to."""
    raw = node.data.get("authority")
    if raw is None:
        return
    if not isinstance(raw, dict):
        raise node.error("'authority' must be a mapping with 'name' and 'url'")
    auth = Node(raw, node.file, node.line, f"authority of regime {ident}")
    auth.check_keys(["name", "url"])
    record = URIRef(f"{regime}/authority")
    ctx.add(regime, DPV.hasAuthority, record)
    ctx.add(record, RDF.type, DPV.DataProtectionAuthority)
    ctx.add(record, DPV.hasName, Literal(auth.required("name")))
    ctx.add(record, XB.url, Literal(auth.required("url"), datatype=XSD.anyURI))


def _eea_efta(ctx: BuildContext, node: Node, entry: URIRef, ident: str,
              window: bool = False) -> None:
    """``eea_efta: {from, instrument, source}`` (incorporated into the EEA Agreement) or
    ``{pending: "…", source}`` (not yet): when an EU decision reaches IS, LI and NO. On a
    mechanism (``window``): ``{from, to, source}``, its validity for an exporter in IS, LI or NO
    where it differs from the EU's (the Directive applied there until 2018-07-19)."""
    raw = node.data.get("eea_efta")
    if raw is None:
        return
    if not isinstance(raw, dict):
        raise node.error("'eea_efta' must be a mapping: {from, instrument, source} or "
                         "{pending, source}")
    inc = Node(raw, node.file, node.line, f"EEA EFTA incorporation of {ident}")
    inc.check_keys(["from", "to", "instrument", "note", "source"] if window else
                   ["from", "instrument", "pending", "source", "note"])
    if window:
        if not (inc.has("from") or inc.has("to")):
            raise inc.error("give 'from' and/or 'to': the validity for EEA EFTA exporters")
    elif inc.has("pending") == inc.has("from"):
        raise inc.error("give either 'from' (the day it applied in the EEA EFTA states) or "
                        "'pending' (what is known of its incorporation)")
    record = URIRef(f"{entry}/eea-efta")
    ctx.add(entry, XB.eeaEfta, record)
    ctx.add(record, RDF.type, XB.EeaIncorporation)
    ctx.text(record, XB.instrument, inc.string("instrument"))
    ctx.text(record, XB.pending, inc.string("pending"))
    ctx.text(record, SKOS.note, inc.string("note"))
    ctx.interval(inc, record)
    ctx.source(inc, record)


def _adequacy(ctx: BuildContext, node: Node) -> None:
    node.check_keys(["id", "regime", "destination", "scope", "kind", "from", "to", "instrument",
                     "iri", "source", "confidence", "note", "uncertain", "eea_efta", "ended_by"])
    ident = node.required("id")
    ctx.register("adequacy", ident, node)
    iri = KB[f"adequacy/{ident}"]
    ctx.add(iri, RDF.type, XB.AdequacyDecision)
    ctx.add(iri, XB.id, Literal(ident))
    _regime_ref(ctx, node, iri)
    ctx.add(iri, XB.destination, ctx.location(node, node.required("destination")))
    ctx.add(iri, XB.scope, Literal(node.string("scope", "all")))
    _common(ctx, node, iri, XB.adequacyKind, ADEQUACY_KINDS, "adequacy")
    _eea_efta(ctx, node, iri, ident)
    _ended_by(ctx, node, iri, ident)


def _ended_by(ctx: BuildContext, node: Node, entry: URIRef, ident: str) -> None:
    """``ended_by: {name, date, source}``: the judgment or act that ended the entry (its ``to``
    is the day before ``date``)."""
    raw = node.data.get("ended_by")
    if raw is None:
        return
    if not isinstance(raw, dict):
        raise node.error("'ended_by' must be a mapping: {name, date, source}")
    end = Node(raw, node.file, node.line, f"end of {ident}")
    end.check_keys(["name", "date", "source", "note"])
    day = end.date("date")
    if day is None:
        raise end.error("'date' is required: the day the judgment or act took effect")
    record = URIRef(f"{entry}/ended-by")
    ctx.add(entry, XB.endedBy, record)
    ctx.add(record, RDF.type, XB.EndingEvent)
    ctx.add(record, DPV.hasName, Literal(end.required("name")))
    ctx.add(record, XB.date, Literal(day.isoformat(), datatype=XSD.date))
    ctx.text(record, SKOS.note, end.string("note"))
    ctx.source(end, record)


def _duties(ctx: BuildContext, node: Node, mechanism: URIRef, ident: str) -> None:
    """``duties: [{text, from, to, source}]``: what an exporter relying on the mechanism must
    also do from a date (a transfer impact assessment, supplementary measures)."""
    _dated_texts(ctx, node, mechanism, ("duties", "duty", "text"),
                 (XB.duty, XB.ExporterDuty, DCT.description), f"mechanism {ident}")


def _dated_texts(ctx: BuildContext, node: Node, parent: URIRef, keys: tuple[str, str, str],
                 terms: tuple[URIRef, URIRef, URIRef], owner: str) -> None:
    """A list of dated, sourced statements in words (a regime's gaps, a mechanism's duties):
    ``keys`` = (list key, item name, text key); ``terms`` = (link, class, text property)."""
    list_key, item, text_key = keys
    link, cls, text_prop = terms
    for n, raw in enumerate(node.items(list_key, item)):
        entry = Node(raw, node.file, node.line, f"{item} of {owner}")
        entry.check_keys([text_key, "from", "to", "source"])
        record = URIRef(f"{parent}/{item}-{n}")
        ctx.add(parent, link, record)
        ctx.add(record, RDF.type, cls)
        ctx.add(record, text_prop, Literal(entry.required(text_key)))
        ctx.interval(entry, record)
        ctx.source(entry, record)


def _mechanism(ctx: BuildContext, node: Node) -> None:
    node.check_keys(["id", "regime", "kind", "name", "article", "iri", "from", "to",
                     "grandfathered_to", "instrument", "source", "confidence", "note", "scope",
                     "uncertain", "duties", "eea_efta"])
    ident = node.required("id")
    ctx.register("mechanism", ident, node)
    iri = KB[f"mechanism/{ident}"]
    ctx.add(iri, RDF.type, XB.TransferMechanism)
    ctx.add(iri, XB.id, Literal(ident))
    _regime_ref(ctx, node, iri)
    ctx.add(iri, DPV.hasName, Literal(node.required("name")))
    if node.has("article"):
        ctx.add(iri, XB.article, ctx.iri(node, node.string("article")))
    ctx.text(iri, XB.scope, node.string("scope"))
    grandfathered = node.date("grandfathered_to")
    if grandfathered:
        ctx.add(iri, XB.grandfatheredTo, Literal(grandfathered.isoformat(), datatype=XSD.date))
    _common(ctx, node, iri, XB.mechanismKind, MECHANISM_KINDS)
    _duties(ctx, node, iri, ident)
    _eea_efta(ctx, node, iri, ident, window=True)


def _restriction(ctx: BuildContext, node: Node) -> None:
    node.check_keys(["id", "regime", "destinations", "scope", "kind", "from", "to", "instrument",
                     "source", "confidence", "note", "uncertain", "iri"])
    ident = node.required("id")
    ctx.register("restriction", ident, node)
    iri = KB[f"restriction/{ident}"]
    ctx.add(iri, RDF.type, XB.TargetedRestriction)
    ctx.add(iri, XB.id, Literal(ident))
    _regime_ref(ctx, node, iri)
    destinations = node.strings("destinations")
    if not destinations:
        raise node.error("'destinations' is required")
    for code in destinations:
        ctx.add(iri, XB.destination, ctx.location(node, code))
    ctx.add(iri, XB.scope, Literal(node.required("scope")))
    ctx.add(iri, XB.restrictionKind, Literal(node.required("kind")))
    ctx.text(iri, XB.instrument, node.string("instrument"))
    ctx.text(iri, SKOS.note, node.string("note"))
    ctx.text(iri, XB.uncertainty, node.string("uncertain"))
    ctx.interval(node, iri)
    ctx.confidence(node, iri)
    ctx.source(node, iri)
