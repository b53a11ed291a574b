"""Build section: an organisation, its legal entities, services, policy documents, controller
rules, recipients and claimed safeguards (one organisation per file)."""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import Literal, URIRef

from xborder.graph.build.context import BuildContext
from xborder.graph.vocab import DCT, DPV, KB, RDF, SKOS, XB, XSD
from xborder.graph.yamlsource import Node

__all__ = ["SECTIONS", "emit"]

SECTIONS = (
    "organisation", "entities", "services", "documents", "rules", "recipients", "safeguards",
)
RELATIONS = {"affiliate": XB.affiliateOf, "parent": XB.parentOf, "subsidiary": XB.subsidiaryOf}
RECIPIENT_KINDS = (
    "affiliate", "partner", "authority", "transaction-party", "consented-party", "infrastructure",
)
SAFEGUARD_KINDS = ("consent", "anonymisation", "adequate-protection", "scc", "bcr", "other")


def emit(ctx: BuildContext, f: Node) -> None:
    org_node = f.child("organisation", "organisation")
    if org_node is None:
        for key in SECTIONS[1:]:
            if f.has(key):
                raise f.error(f"{key!r} needs an 'organisation' in the same file")
        return
    org_node.check_keys(["id", "name", "aliases", "note"])
    org_id = org_node.required("id")
    ctx.register("organisation", org_id, org_node)
    org = KB[f"org/{org_id}"]
    ctx.add(org, RDF.type, XB.Organisation)
    ctx.add(org, XB.id, Literal(org_id))
    ctx.add(org, DPV.hasName, Literal(org_node.required("name")))
    for alias in org_node.strings("aliases"):
        ctx.add(org, XB.alias, Literal(alias))
    for raw in f.items("entities", "entity"):
        _entity(ctx, org, Node(raw, f.file, f.line, "entity"))
    for raw in f.items("services", "service"):
        _service(ctx, org, org_id, Node(raw, f.file, f.line, "service"))
    for raw in f.items("documents", "document"):
        _document(ctx, org, Node(raw, f.file, f.line, "document"))
    for raw in f.items("rules", "rule"):
        _rule(ctx, org, org_id, Node(raw, f.file, f.line, "rule"))
    for raw in f.items("recipients", "recipient"):
        _recipient(ctx, org, org_id, Node(raw, f.file, f.line, "recipient"))
    for raw in f.items("safeguards", "safeguard"):
        _safeguard(ctx, org, org_id, Node(raw, f.file, f.line, "safeguard"))


def _entity(ctx: BuildContext, org: URIRef, node: Node) -> None:
    node.check_keys(["id", "name", "country", "locality", "address", "identifiers", "relations",
                     "source", "note"])
    ident = node.required("id")
    ctx.register("entity", ident, node)
    iri = KB[f"entity/{ident}"]
    ctx.add(iri, RDF.type, DPV.LegalEntity)
    ctx.add(iri, XB.id, Literal(ident))
    ctx.add(iri, XB.organisation, org)
    ctx.add(iri, DPV.hasName, Literal(node.required("name")))
    ctx.add(iri, DPV.hasCountry, ctx.location(node, node.required("country")))
    ctx.text(iri, XB.locality, node.string("locality"))
    ctx.text(iri, DPV.hasAddress, node.string("address"))
    ids = node.child("identifiers", "identifiers")
    if ids is not None:
        for scheme, value in ids.data.items():
            ctx.add(iri, XB[f"identifier-{scheme}"], Literal(str(value)))
    for raw in node.items("relations", "relation"):
        rel = Node(raw, node.file, node.line, "relation")
        rel.check_keys(["kind", "of"])
        kind = rel.required("kind")
        if kind not in RELATIONS:
            raise rel.error(f"kind must be one of {', '.join(RELATIONS)}")
        other = rel.required("of")
        ctx.want("entity", other, rel)
        ctx.add(iri, RELATIONS[kind], KB[f"entity/{other}"])
    if node.has("source"):
        ctx.source(node, iri)


def _service(ctx: BuildContext, org: URIRef, org_id: str, node: Node) -> None:
    node.check_keys(["id", "name", "aliases", "domains", "note"])
    ident = node.required("id")
    ctx.register("service", f"{org_id}/{ident}", node)
    iri = KB[f"service/{org_id}/{ident}"]
    ctx.add(iri, RDF.type, DPV.Service)
    ctx.add(iri, XB.id, Literal(ident))
    ctx.add(iri, XB.organisation, org)
    ctx.add(iri, DPV.hasName, Literal(node.required("name")))
    for alias in node.strings("aliases"):
        ctx.add(iri, XB.alias, Literal(alias))
    for domain in node.strings("domains"):
        ctx.add(iri, XB.domain, Literal(domain))
    ctx.text(iri, SKOS.note, node.string("note"))


def _document(ctx: BuildContext, org: URIRef, node: Node) -> None:
    node.check_keys(["id", "title", "url", "version", "from", "to", "date_precision",
                     "archived_url", "first_seen", "archived_on", "series", "issuer", "note"])
    ident = node.required("id")
    ctx.register("document", ident, node)
    iri = KB[f"document/{ident}"]
    ctx.add(iri, RDF.type, DPV.PrivacyNotice)
    ctx.add(iri, XB.id, Literal(ident))
    ctx.add(iri, XB.organisation, org)
    ctx.add(iri, DCT.title, Literal(node.required("title")))
    ctx.add(iri, XB.url, Literal(node.required("url"), datatype=XSD.anyURI))
    ctx.text(iri, DCT.hasVersion, node.string("version"))
    ctx.text(iri, XB.datePrecision, node.string("date_precision", "day"))
    if node.has("archived_url"):
        ctx.add(iri, XB.archivedUrl, Literal(node.string("archived_url"), datatype=XSD.anyURI))
    first_seen, archived_on = node.date("first_seen"), node.date("archived_on")
    if first_seen and archived_on and archived_on < first_seen:
        raise node.error(f"'archived_on' ({archived_on}) is before 'first_seen' ({first_seen})")
    if first_seen:
        ctx.add(iri, XB.firstSeen, Literal(first_seen.isoformat(), datatype=XSD.date))
    if archived_on:
        ctx.add(iri, XB.archivedOn, Literal(archived_on.isoformat(), datatype=XSD.date))
    ctx.text(iri, XB.series, node.string("series"))
    issuer = node.required("issuer")
    ctx.want("entity", issuer, node)
    ctx.add(iri, DCT.publisher, KB[f"entity/{issuer}"])
    ctx.text(iri, SKOS.note, node.string("note"))
    if not node.has("from"):
        raise node.error("'from' (the date the document came into force) is required")
    ctx.interval(node, iri)


def _citation(ctx: BuildContext, node: Node, subject: URIRef) -> None:
    src = node.child("source", f"{node.what} source")
    if src is None:
        raise node.error("'source' {document, section, quote} is required")
    src.check_keys(["document", "section", "quote"])
    doc = src.required("document")
    ctx.want("document", doc, src)
    citation = URIRef(f"{subject}/citation")
    ctx.add(subject, XB.citation, citation)
    ctx.add(citation, RDF.type, XB.Citation)
    ctx.add(citation, XB.document, KB[f"document/{doc}"])
    ctx.add(citation, XB.section, Literal(src.required("section")))
    ctx.add(citation, XB.quote, Literal(src.required("quote")))


def _rule(ctx: BuildContext, org: URIRef, org_id: str, node: Node) -> None:
    node.check_keys(["id", "controller", "services", "locations", "except", "default", "from",
                     "to", "source", "note"])
    ident = node.required("id")
    ctx.register("rule", f"{org_id}/{ident}", node)
    iri = KB[f"rule/{org_id}/{ident}"]
    ctx.add(iri, RDF.type, XB.ControllerRule)
    ctx.add(iri, XB.id, Literal(ident))
    ctx.add(iri, XB.organisation, org)
    controller = node.required("controller")
    ctx.want("entity", controller, node)
    ctx.add(iri, DPV.hasDataController, KB[f"entity/{controller}"])
    for service in node.strings("services"):
        ctx.want("service", f"{org_id}/{service}", node)
        ctx.add(iri, XB.service, KB[f"service/{org_id}/{service}"])
    default = node.flag("default")
    ctx.add(iri, XB.isDefault, Literal(default, datatype=XSD.boolean))
    locations = node.items("locations", "location")
    if not locations and not default:
        raise node.error("'locations' is required (use default: true for the issuer default)")
    for n, item in enumerate(locations):
        if isinstance(item, str):
            ctx.add(iri, XB.location, ctx.location(node, item))
            continue
        reading = Node(item, node.file, node.line, "location reading")
        reading.check_keys(["code", "text", "reading", "also"])
        target = ctx.location(reading, reading.required("code"))
        ctx.add(iri, XB.location, target)
        record = URIRef(f"{iri}/reading-{n}")
        ctx.add(iri, XB.reading, record)
        ctx.add(record, RDF.type, XB.Reading)
        ctx.add(record, XB.policyText, Literal(reading.required("text")))
        ctx.add(record, XB.readAs, target)
        ctx.add(record, XB.readingNote, Literal(reading.required("reading")))
        for also in reading.strings("also"):
            ctx.add(record, XB.alsoReadAs, ctx.location(reading, also))
    for code in node.strings("except"):
        ctx.add(iri, XB.exceptLocation, ctx.location(node, code))
    ctx.interval(node, iri)
    ctx.text(iri, SKOS.note, node.string("note"))
    _citation(ctx, node, iri)


def _clause(ctx: BuildContext, org: URIRef, org_id: str, node: Node, what: str,
            kinds: Sequence[str], terms: tuple[URIRef, URIRef]) -> tuple[URIRef, str]:
    """What a policy's recipient and safeguard clauses share: a registered id under the
    organisation, a checked kind, the class and the link to the organisation."""
    ident = node.required("id")
    ctx.register(what, f"{org_id}/{ident}", node)
    iri = KB[f"{what}/{org_id}/{ident}"]
    kind = node.required("kind")
    if kind not in kinds:
        raise node.error(f"kind must be one of {', '.join(kinds)}")
    cls, kind_prop = terms
    ctx.add(iri, RDF.type, cls)
    ctx.add(iri, XB.id, Literal(ident))
    ctx.add(iri, XB.organisation, org)
    ctx.add(iri, kind_prop, Literal(kind))
    return iri, kind


def _recipient(ctx: BuildContext, org: URIRef, org_id: str, node: Node) -> None:
    node.check_keys(["id", "kind", "name", "entities", "locations", "location_basis", "source",
                     "note"])
    iri, _kind = _clause(ctx, org, org_id, node, "recipient", RECIPIENT_KINDS,
                         (XB.RecipientClause, XB.recipientKind))
    ctx.add(iri, DPV.hasName, Literal(node.required("name")))
    for entity in node.strings("entities"):
        ctx.want("entity", entity, node)
        ctx.add(iri, XB.entity, KB[f"entity/{entity}"])
    for code in node.strings("locations"):
        ctx.add(iri, XB.location, ctx.location(node, code))
    ctx.text(iri, XB.locationBasis, node.string("location_basis"))
    ctx.text(iri, SKOS.note, node.string("note"))
    _citation(ctx, node, iri)


def _safeguard(ctx: BuildContext, org: URIRef, org_id: str, node: Node) -> None:
    node.check_keys(["id", "kind", "name", "source", "note"])
    iri, kind = _clause(ctx, org, org_id, node, "safeguard", SAFEGUARD_KINDS,
                        (XB.SafeguardClaim, XB.safeguardKind))
    ctx.text(iri, DPV.hasName, node.string("name", kind))
    ctx.text(iri, SKOS.note, node.string("note"))
    _citation(ctx, node, iri)


