"""Build section: jurisdictions beyond ISO 3166-1, geography, groups, law application, aliases."""

from __future__ import annotations

import pycountry
from rdflib import Literal

from xborder.graph.build.context import BuildContext
from xborder.graph.vocab import DPV, RDF, SKOS, XB, XSD, jurisdiction_iri
from xborder.graph.yamlsource import Node

__all__ = ["emit", "register"]

KINDS = {"country": DPV.Country, "subdivision": DPV.Region, "region": DPV.Region}
APPLICATION_KINDS = ("territory", "transition")


def register(ctx: BuildContext, files: list[Node]) -> None:
    """First pass: the codes and group ids every other section may refer to."""
    for f in files:
        for raw in f.items("jurisdictions", "jurisdiction"):
            node = Node(raw, f.file, f.line, "jurisdiction")
            code = node.required("code")
            if _is_annotation(node):
                if code not in ctx.iso_codes:
                    raise node.error(f"{code!r} is not an ISO 3166-1 code: give it a 'name'")
                continue
            if code in ctx.codes:
                raise node.error(f"jurisdiction {code!r} is already defined")
            ctx.codes.add(code)
        for raw in f.items("groups", "group"):
            node = Node(raw, f.file, f.line, "group")
            ident = node.required("id")
            if ident in ctx.groups or ident in ctx.codes:
                raise node.error(f"group {ident!r} is already defined")
            ctx.groups.add(ident)


def emit(ctx: BuildContext, f: Node) -> None:
    for raw in f.items("jurisdictions", "jurisdiction"):
        _jurisdiction(ctx, Node(raw, f.file, f.line, "jurisdiction"))
    for raw in f.items("geography", "geography"):
        node = Node(raw, f.file, f.line, "geography entry")
        node.check_keys(["code", "part_of", "source", "note"])
        child = ctx.location(node, node.required("code"))
        parent = ctx.location(node, node.required("part_of"))
        if child == parent:
            raise node.error("a place cannot be part of itself")
        ctx.add(child, XB.partOf, parent)
    for raw in f.items("groups", "group"):
        _group(ctx, Node(raw, f.file, f.line, "group"))
    for raw in f.items("application", "application"):
        _application(ctx, Node(raw, f.file, f.line, "application entry"))
    for raw in f.items("aliases", "alias"):
        _alias(ctx, Node(raw, f.file, f.line, "alias"))


def _is_annotation(node: Node) -> bool:
    """An entry on an ISO 3166-1 code that only adds a note or a disputed status."""
    return not node.has("name") and not node.has("kind")


def _jurisdiction(ctx: BuildContext, node: Node) -> None:
    node.check_keys(["code", "name", "kind", "source", "note", "disputed"])
    code = node.required("code")
    iri = jurisdiction_iri(code)
    ctx.text(iri, XB.uncertainty, node.string("disputed"))
    if _is_annotation(node):
        ctx.text(iri, SKOS.note, node.string("note"))
        if node.has("source"):
            ctx.source(node, iri)
        return
    kind = node.string("kind", "subdivision")
    if kind not in KINDS:
        raise node.error(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    name = node.string("name")
    if not name:
        sub = pycountry.subdivisions.get(code=code)  # type: ignore[no-untyped-call]
        if sub is None:
            raise node.error(f"{code!r} is not an ISO 3166-2 code; give it a 'name'")
        name = sub.name
    ctx.add(iri, RDF.type, KINDS[kind])
    ctx.text(iri, XB.jurisdictionKind, kind)
    ctx.add(iri, XB.code, Literal(code))
    ctx.add(iri, SKOS.prefLabel, Literal(name, lang="en"))
    ctx.text(iri, SKOS.note, node.string("note"))
    if node.has("source"):
        ctx.source(node, iri)


def _group(ctx: BuildContext, node: Node) -> None:
    node.check_keys(["id", "name", "iri", "members", "note", "source"])
    ident = node.required("id")
    iri = jurisdiction_iri(ident)
    ctx.add(iri, RDF.type, DPV.SupraNationalUnion)
    ctx.add(iri, RDF.type, XB.Group)
    ctx.add(iri, XB.code, Literal(ident))
    ctx.add(iri, SKOS.prefLabel, Literal(node.required("name"), lang="en"))
    ctx.text(iri, SKOS.note, node.string("note"))
    for raw in node.items("members", "member"):
        member = Node(raw, node.file, node.line, f"member of {ident}")
        member.check_keys(["code", "codes", "from", "to", "source", "note", "confidence"])
        codes = member.strings("codes") + ([member.string("code")] if member.has("code") else [])
        if not codes:
            raise member.error("give 'code' or 'codes'")
        for code in codes:
            record = ctx.serial(f"membership/{ident}-{code}")
            ctx.add(record, RDF.type, XB.Membership)
            ctx.add(record, XB.member, ctx.location(member, code))
            ctx.add(record, XB.group, iri)
            ctx.interval(member, record)
            ctx.source(member, record)
            ctx.text(record, SKOS.note, member.string("note"))
            ctx.confidence(member, record)


def _application(ctx: BuildContext, node: Node) -> None:
    node.check_keys(
        ["code", "groups", "applies", "from", "to", "kind", "basis", "uncertain", "source",
         "confidence", "note"]
    )
    code = node.required("code")
    record = ctx.serial(f"application/{code}")
    ctx.add(record, RDF.type, XB.LawApplication)
    ctx.add(record, XB.territory, ctx.location(node, code))
    groups = node.strings("groups")
    if not groups:
        raise node.error("'groups' is required")
    for group in groups:
        if group not in ctx.groups:
            raise node.error(f"unknown group {group!r}")
        ctx.add(record, XB.group, jurisdiction_iri(group))
    if "applies" not in node.data:
        raise node.error("'applies' (true or false) is required")
    ctx.add(record, XB.applies, Literal(node.flag("applies"), datatype=XSD.boolean))
    kind = node.string("kind", "territory")
    if kind not in APPLICATION_KINDS:
        raise node.error(f"kind must be one of {', '.join(APPLICATION_KINDS)}")
    ctx.text(record, XB.applicationKind, kind)
    ctx.text(record, XB.basis, node.required("basis"))
    ctx.text(record, XB.uncertainty, node.string("uncertain"))
    ctx.text(record, SKOS.note, node.string("note"))
    ctx.confidence(node, record)
    ctx.interval(node, record)
    ctx.source(node, record)


def _alias(ctx: BuildContext, node: Node) -> None:
    node.check_keys(["text", "code", "ambiguous", "note"])
    text = node.required("text")
    record = ctx.serial("alias")
    ctx.add(record, RDF.type, XB.Alias)
    ctx.text(record, XB.aliasText, text)
    ambiguous = node.strings("ambiguous")
    if node.has("code") == bool(ambiguous):
        raise node.error("give exactly one of 'code' or 'ambiguous'")
    if ambiguous and len(ambiguous) < 2:
        raise node.error("'ambiguous' needs at least two codes")
    if node.has("code"):
        ctx.add(record, XB.aliasOf, ctx.location(node, node.required("code")))
    for code in ambiguous:
        ctx.add(record, XB.ambiguousWith, ctx.location(node, code))
    ctx.text(record, SKOS.note, node.string("note"))
