"""Look-ups of what the knowledge base holds: organisations (with their entities, services,
documents and rules), legal entities, services, jurisdictions (with their memberships and law
applications over time), regimes and adequacy decisions, and the RDF export.

Each answer is built from the compiled model (never from a SPARQL string), serialised once per
knowledge base and served with an ``ETag`` of its version.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import Path, Query, Request
from fastapi.responses import Response

from xborder.api.common import Routes, cache_for, cached_json, kb_of, negotiate
from xborder.api.problems import UnknownResource, problem_responses
from xborder.api.schemas import array, json_response, ref
from xborder.graph.dates import Interval, parse_date
from xborder.graph.errors import XborderInputError
from xborder.graph.kb import KnowledgeBase
from xborder.graph.law import AdequacyEntry, Regime
from xborder.graph.model import Entity, Model, Organisation, Rule, Source
from xborder.graph.places import group_status
from xborder.graph.transfers import regimes_at

__all__ = ["router"]

router = Routes()
Day = Annotated[str | None, Query(max_length=32, description="Date YYYY-MM-DD",
                                  examples=["2017-06-01"])]
Org = Annotated[str | None, Query(
    max_length=200, description="Only this organisation's (its id or name; default: every "
                                "organisation's).", examples=["huawei"])]
_NOT_MODIFIED = {"description": "Not modified (`If-None-Match` matched the `ETag`)"}


def _json(schema: dict[str, Any], description: str, *problems: int
          ) -> dict[int | str, dict[str, Any]]:
    """The responses of a look-up: ``schema`` as JSON, 304, and the ``problems`` it may send."""
    return {200: json_response(schema, description), 304: _NOT_MODIFIED,
            **problem_responses(*problems)}


def _source(s: Source) -> dict[str, Any]:
    return {"title": s.title, "url": s.url, "celex": s.celex, "confidence": s.confidence}


def _valid(i: Interval) -> dict[str, str | None]:
    return i.to_dict()


def _entity(e: Entity) -> dict[str, Any]:
    return {"id": e.id, "name": e.name, "country": e.country, "organisation": e.organisation,
            "locality": e.locality, "address": e.address}


def _rule(r: Rule) -> dict[str, Any]:
    return {"id": r.id, "controller": r.controller, "services": sorted(r.services),
            "locations": sorted(r.locations), "except": sorted(r.excepts),
            "default": r.default, "valid": _valid(r.interval), "note": r.note,
            "source": r.citation.to_dict()}


def _organisation(kb: KnowledgeBase, o: Organisation, full: bool) -> dict[str, Any]:
    entities = [e for e in kb.model.entities.values() if e.organisation == o.id]
    d: dict[str, Any] = {"id": o.id, "name": o.name, "aliases": list(o.aliases),
                         "services": [{"id": s.id, "name": s.name}
                                      for s in o.services.values()],
                         "entities": [{"id": e.id, "name": e.name, "country": e.country}
                                      for e in entities]}
    if full:
        d["documents"] = [{"id": doc.id, "title": doc.title, "url": doc.url,
                           "version": doc.version, "valid": _valid(doc.interval),
                           "issuer": doc.issuer, "archived_url": doc.archived_url,
                           "archived_on": doc.archived_on.isoformat() if doc.archived_on
                           else None} for doc in o.documents.values()]
        d["rules"] = [_rule(r) for r in o.rules]
        d["recipients"] = [{"id": r.id, "kind": r.kind, "name": r.name,
                            "entities": list(r.entities), "locations": list(r.locations),
                            "location_basis": r.location_basis,
                            "source": r.citation.to_dict()} for r in o.recipients]
        d["safeguards"] = [{"id": c.id, "kind": c.kind, "name": c.name,
                            "source": c.citation.to_dict()} for c in o.safeguards]
    return d


def _memberships(model: Model, code: str) -> list[dict[str, Any]]:
    return [{"group": m.group, "valid": _valid(m.interval), "source": _source(m.source)}
            for m in model.memberships.get(code, ())]


def _applications(model: Model, code: str) -> list[dict[str, Any]]:
    return [{"groups": list(a.groups), "applies": a.applies, "kind": a.kind, "basis": a.basis,
             "valid": _valid(a.interval), "uncertainty": a.uncertainty,
             "source": _source(a.source)} for a in model.applications.get(code, ())]


def _jurisdiction(kb: KnowledgeBase, code: str, day: dt.date | None) -> dict[str, Any]:
    model = kb.model
    j = model.jurisdictions[code]
    d: dict[str, Any] = {"code": j.code, "name": j.name, "kind": j.kind, "part_of": j.part_of,
                         "parts": sorted(c for c, x in model.jurisdictions.items()
                                         if x.part_of == code),
                         "memberships": _memberships(model, code),
                         "law_applications": _applications(model, code)}
    if j.kind == "group":
        d["members"] = sorted(
            ({"member": m.member, "valid": _valid(m.interval), "source": _source(m.source)}
             for ms in model.memberships.values() for m in ms if m.group == code),
            key=lambda m: (m["member"], m["valid"]["from"] or ""))
    elif day is not None:
        groups = [c for c, x in model.jurisdictions.items() if x.kind == "group"]
        d["at"] = day.isoformat()
        d["groups"] = {g: {"member": s.member, "law_applies": s.law_applies,
                           "chain": [step.to_dict() for step in s.chain],
                           "caveats": list(s.caveats)}
                       for g in groups for s in (group_status(model, code, g, day),)}
        d["regimes"] = [{"id": r.id, "name": r.name,
                         "chain": [step.to_dict() for step in chain]}
                        for r, chain, _notes in regimes_at(model, kb.law, code, day)]
    return d


def _adequacy(a: AdequacyEntry) -> dict[str, Any]:
    d = a.to_dict()
    d.update(regime=a.regime, confidence=a.confidence, uncertainty=a.uncertainty)
    return d


def _regime(kb: KnowledgeBase, r: Regime, full: bool) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": r.id, "name": r.name, "general_restriction": r.general_restriction,
        "laws": [{"name": x.name, "iri": x.iri, "valid": _valid(x.interval),
                  "source": _source(x.source)} for x in r.laws],
        "areas": [{"place": a.place, "valid": _valid(a.interval), "source": _source(a.source)}
                  for a in r.areas], "note": r.note,
        "authority": r.authority.to_dict() if r.authority else None,
        "coverage": kb.coverage(r.id)[0]}
    if full:
        law = kb.law
        d["adequacy"] = [_adequacy(a) for a in law.adequacy.get(r.id, [])]
        d["mechanisms"] = [m.to_dict() for m in law.mechanisms.get(r.id, [])]
        d["restrictions"] = [x.to_dict() for x in law.restrictions.get(r.id, [])]
    return d


def _memo(request: Request, key: tuple[Any, ...], build: Any) -> Response:
    """``build()``'s JSON, computed once per knowledge base and key, with an ETag."""
    kb = kb_of(request)
    memo: dict[tuple[Any, ...], Any] = cache_for(kb, "lookups", dict)
    if key not in memo and len(memo) < 4096:
        memo[key] = build()
    body = memo[key] if key in memo else build()
    return cached_json(request, f'"{kb.version}"', body)


@router.get("/v1/resolve/organisations", tags=["controllers"],
            summary="For a user in one place on one date: the controller at every organisation",
            description="One row per organisation (or per `org` given, repeatable), with the "
                        "controller per service where the answer depends on the service, the "
                        "rule and policy version in force, or why no controller is named.",
            responses=_json(array(ref("OrganisationAnswer")), "One row per organisation",
                            400, 404, 409, 422))
async def resolve_organisations(
        request: Request,
        location: Annotated[str, Query(
            max_length=200, examples=["DE"],
            description="Where the user is: ISO 3166-1/-2 code, country name, IP address or "
                        "`lat,lon` (as for `/v1/resolve`).")],
        at: Day = None,
        org: Annotated[list[str] | None, Query(
            max_length=200, examples=[["huawei", "google"]],
            description="Only these organisations (ids or names; repeat the parameter, at "
                        "most 100; default: all).")] = None) -> Response:
    kb = kb_of(request)
    day = parse_date(at) if at else dt.date.today()
    if org is not None and len(org) > 100:
        raise XborderInputError("at most 100 organisations per question")
    orgs = tuple(org or ())
    return _memo(request, ("across", location, day, orgs),
                 lambda: kb.resolve_organisations(location, at=day, orgs=orgs or None))


@router.get("/v1/organisations", tags=["look-ups"], summary="Organisations",
            description="Every organisation in the knowledge base, with its services and "
                        "legal entities; `/v1/organisations/{org}` adds its documents and "
                        "rules.",
            responses=_json(array(ref("OrganisationSummary")), "The organisations"))
async def organisations(request: Request) -> Response:
    kb = kb_of(request)
    return _memo(request, ("orgs",), lambda: [
        _organisation(kb, o, False) for o in kb.model.organisations.values()])


@router.get("/v1/organisations/{org}", tags=["look-ups"],
            summary="An organisation: entities, services, documents, controller rules",
            description="Its policy documents (with the archived copies read), the controller "
                        "rules read from them, the recipients they name and the safeguards "
                        "they claim, each with its policy sentence.",
            responses=_json(ref("Organisation"), "The organisation", 400, 404))
async def organisation(request: Request, org: Annotated[str, Path(
        max_length=200, examples=["huawei"],
        description="Organisation id, name or alias.")]) -> Response:
    kb = kb_of(request)
    o = kb.organisation(org)
    return _memo(request, ("org", o.id), lambda: _organisation(kb, o, True))


@router.get("/v1/entities", tags=["look-ups"], summary="Legal entities",
            description="Every legal entity (controllers and affiliates) with its country of "
                        "establishment and address, or an organisation's only.",
            responses=_json(array(ref("Entity")), "The legal entities", 400, 404))
async def entities(request: Request, org: Org = None) -> Response:
    kb = kb_of(request)
    oid = kb.organisation(org).id if org else None
    return _memo(request, ("entities", oid), lambda: [
        _entity(e) for e in kb.model.entities.values() if oid in (None, e.organisation)])


@router.get("/v1/entities/{entity_id}", tags=["look-ups"], summary="A legal entity",
            description="A legal entity and the controller rules that name it. An unknown id "
                        "is a 404 `unknown-resource` listing the known entities.",
            responses=_json(ref("EntityDetail"), "The legal entity", 400, 404))
async def entity(request: Request, entity_id: Annotated[str, Path(
        max_length=200, examples=["huawei-technologies-deutschland"],
        description="Entity id (as in `/v1/entities`).")]) -> Response:
    kb = kb_of(request)
    e = kb.model.entities.get(entity_id)
    if e is None:
        raise UnknownResource(
            f"no legal entity {entity_id!r}",
            [{"id": x.id, "name": x.name} for x in kb.model.entities.values()])
    rules = [r.id for o in kb.model.organisations.values() for r in o.rules
             if r.controller == e.id]
    return _memo(request, ("entity", e.id), lambda: {**_entity(e), "controller_in_rules": rules})


@router.get("/v1/services", tags=["look-ups"], summary="Services of an organisation",
            description="Services with the names, aliases and web domains they are known by "
                        "(any of them may be given as `service` to `/v1/resolve`).",
            responses=_json(array(ref("Service")), "The services", 400, 404))
async def services(request: Request, org: Org = None) -> Response:
    """Without ``org``: every organisation's services."""
    kb = kb_of(request)
    orgs = [kb.organisation(org)] if org else list(kb.model.organisations.values())
    return _memo(request, ("services", org and orgs[0].id), lambda: [
        {"id": s.id, "organisation": o.id, "name": s.name, "aliases": list(s.aliases),
         "domains": list(s.domains)} for o in orgs for s in o.services.values()])


@router.get("/v1/services/{service:path}", tags=["look-ups"],
            summary="A service, by id, name, alias or URL",
            description="The service and the controller rules that may apply to it. Without "
                        "`org`, the service must belong to exactly one organisation.",
            responses=_json(ref("ServiceDetail"), "The service", 400, 404))
async def service(request: Request, service: Annotated[str, Path(
        max_length=200, examples=["consumer-cloud"],
        description="Service id, name, alias or URL (a URL may contain `/`).")],
        org: Annotated[str | None, Query(
            max_length=200, examples=["huawei"],
            description="The organisation (id or name) whose service it is.")] = None
        ) -> Response:
    kb = kb_of(request)
    o = kb.organisation_for(org, service)
    s = kb.service(o, service)
    if s is None:
        raise XborderInputError("no service named")
    return _memo(request, ("service", o.id, s.id), lambda: {
        "id": s.id, "organisation": o.id, "name": s.name, "aliases": list(s.aliases),
        "domains": list(s.domains),
        "rules": [r.id for r in o.rules if s.id in r.services or not r.services]})


@router.get("/v1/jurisdictions", tags=["look-ups"],
            summary="Jurisdictions: countries, territories, subdivisions and groups",
            description="Every jurisdiction the knowledge base places users in, by code, with "
                        "its kind and what it is part of.",
            responses=_json(array(ref("JurisdictionSummary")), "The jurisdictions"))
async def jurisdictions(request: Request) -> Response:
    kb = kb_of(request)
    return _memo(request, ("jurisdictions",), lambda: [
        {"code": j.code, "name": j.name, "kind": j.kind, "part_of": j.part_of}
        for j in sorted(kb.model.jurisdictions.values(), key=lambda j: j.code)])


@router.get("/v1/jurisdictions/{location}", tags=["look-ups"],
            summary="A jurisdiction with its memberships and law applications over time",
            description="`location` is a code, a name, an IP address or `lat,lon`, or a group "
                        "id (`EU`, `EEA`). With `at`, also its standing on that date: group "
                        "membership, whether group law applies, the regimes covering it.",
            responses=_json(ref("JurisdictionDetail"), "The jurisdiction",
                            400, 404, 409, 422))
async def jurisdiction(request: Request, location: Annotated[str, Path(
        max_length=200, examples=["RE"],
        description="A code, a name, an IP address, `lat,lon`, or a group id (`EU`, "
                    "`EEA`).")], at: Day = None) -> Response:
    kb = kb_of(request)
    j = kb.model.jurisdictions.get(location)
    code = j.code if j is not None and j.kind == "group" else \
        kb.parse_location(location).code
    day = parse_date(at) if at else None
    return _memo(request, ("jurisdiction", code, day), lambda: _jurisdiction(kb, code, day))


@router.get("/v1/regimes", tags=["look-ups"], summary="Transfer regimes (GDPR, UK GDPR, …)",
            description="Every transfer regime with its laws and area over time, and what "
                        "is encoded of it (`coverage`).",
            responses=_json(array(ref("Regime")), "The regimes"))
async def regimes(request: Request) -> Response:
    kb = kb_of(request)
    return _memo(request, ("regimes",), lambda: [
        _regime(kb, kb.law.regimes[r], False) for r in sorted(kb.law.regimes)])


@router.get("/v1/regimes/{regime_id}", tags=["look-ups"],
            summary="A regime: its laws, area, adequacy decisions, mechanisms, restrictions",
            description="The regime with its adequacy decisions (each with its scope, window "
                        "and what ended it), its transfer mechanisms and derogations, and its "
                        "targeted restrictions, each with its source. An unknown id is a 404 "
                        "`unknown-resource` listing the known regimes.",
            responses=_json(ref("RegimeDetail"), "The regime", 400, 404))
async def regime(request: Request, regime_id: Annotated[str, Path(
        max_length=200, examples=["EU"],
        description="Regime id (`EU`, `UK`, `CH`, … as in `/v1/regimes`; any case).")]
                 ) -> Response:
    kb = kb_of(request)
    r = kb.law.regimes.get(regime_id) or kb.law.regimes.get(regime_id.upper())
    if r is None:
        raise UnknownResource(
            f"no regime {regime_id!r}",
            [{"id": x.id, "name": x.name} for x in kb.law.regimes.values()])
    return _memo(request, ("regime", r.id), lambda: _regime(kb, r, True))


@router.get("/v1/adequacy", tags=["look-ups"],
            summary="Adequacy decisions, by regime, destination and date",
            description="Adequacy decisions (and equivalent findings) with their scope and "
                        "window, filtered by the parameters given; `ended_by` names the "
                        "judgment or act that ended one early.",
            responses=_json(array(ref("AdequacyDecision")), "The adequacy decisions",
                            400, 404, 409, 422))
async def adequacy(request: Request,
                   regime: Annotated[str | None, Query(
                       max_length=200, examples=["EU"],
                       description="Only this regime's (id, any case).")] = None,
                   destination: Annotated[str | None, Query(
                       max_length=200, examples=["US"],
                       description="Only decisions for this destination (a code, a name, "
                                   "an IP address or `lat,lon`).")] = None,
                   at: Annotated[str | None, Query(
                       max_length=32, examples=["2020-07-17"],
                       description="Only decisions in force on this date, YYYY-MM-DD.")]
                   = None) -> Response:
    kb = kb_of(request)
    day = parse_date(at) if at else None
    dest = kb.parse_location(destination).code if destination else None
    rid = regime.upper() if regime else None
    if rid is not None and rid not in kb.law.regimes:
        raise XborderInputError(f"no regime {regime!r}; known: {', '.join(kb.law.regimes)}")

    def build() -> list[dict[str, Any]]:
        return [_adequacy(a) for r, entries in kb.law.adequacy.items() for a in entries
                if rid in (None, r) and dest in (None, a.destination)
                and (day is None or a.interval.contains(day))]
    return _memo(request, ("adequacy", rid, dest, day), build)


_EXPORT = {"ttl": "text/turtle", "jsonld": "application/ld+json", "nt": "application/n-triples"}


@router.get("/v1/export", tags=["look-ups"], summary="The knowledge-base graph as RDF",
            description="Turtle, JSON-LD or N-Triples: `format` or `Accept` (`text/turtle`, "
                        "`application/ld+json`, `application/n-triples`).",
            response_class=Response,
            responses={200: {"description": "The graph: Turtle, expanded JSON-LD (an array "
                                            "of node objects) or N-Triples",
                             "content": {m: {"schema": ref("JsonLdGraph")
                                             if m.endswith("json") else {"type": "string"}}
                                         for m in _EXPORT.values()}},
                       304: _NOT_MODIFIED,
                       **problem_responses(400, 406)})
async def export(request: Request, format: Annotated[
        str | None, Query(pattern="^(ttl|jsonld|nt)$",
                          description="`ttl`, `jsonld` or `nt` (overrides `Accept`).",
                          examples=["ttl"])] = None
                 ) -> Response:
    kb = kb_of(request)
    fmt = format or negotiate(request.headers.get("accept"),
                              [(m, f) for f, m in _EXPORT.items()] +
                              [("application/json", "jsonld"), ("text/plain", "nt")], "ttl")
    memo: dict[str, bytes] = cache_for(kb, "export", dict)
    if fmt not in memo:
        memo[fmt] = kb.export(fmt).encode()
    media = _EXPORT[fmt] + ("; charset=utf-8" if fmt != "jsonld" else "")
    return cached_json(request, f'"{kb.version}-{fmt}"', memo[fmt], media,
                       vary=None if format else "Accept")
