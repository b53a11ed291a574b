"""The core object: :class:`KnowledgeBase`, used in-process by the CLI, the HTTP API, the
notebooks and the tests.

Load → (validate) → compile: the RDF graph is read into a model once; answers are compiled lazily
into per-(organisation, service, jurisdiction) timelines, so a lookup is a dict access plus a
bisect over the dates where anything changes.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import threading
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from xborder.graph import compiled as cache
from xborder.graph import network
from xborder.graph.authoring import DEFAULT_KB_DIR
from xborder.graph.dates import MIN_DATE, parse_date
from xborder.graph.errors import (
    UnknownOrganisation,
    UnknownService,
    XborderError,
    XborderInputError,
)
from xborder.graph.flows import Leg, flow_legs, stated_at
from xborder.graph.law import LawModel
from xborder.graph.locations import Alias, LocationIndex, ParsedLocation
from xborder.graph.model import Model, Organisation, Service
from xborder.graph.places import place_breakpoints
from xborder.graph.resolution import Answer, Resolution, evaluate, segment_starts
from xborder.graph.transfers import (
    Transfer,
    TransferAnswer,
    evaluate_transfer,
    law_breakpoints,
)

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["KnowledgeBase"]

_Timeline = tuple[list[dt.date], list[Answer | XborderError]]
_FRONT_LIMIT = 100_000  # questions-as-typed remembered before the cache starts afresh


_NETWORKISH = re.compile(r"^\s*(\d{1,3}(\.\d{1,3}){3}|[0-9A-Fa-f]*:[0-9A-Fa-f:.%\w]*|"
                         r"[-+]?\d{1,3}(\.\d+)?\s*,\s*[-+]?\d{1,3}(\.\d+)?)\s*$")


def _order(model: Model) -> None:
    """One defined order for every list a face shows, whatever order the graph was read in (an
    rdflib graph built from YAML and one read from a store iterate differently): by id."""
    model.organisations = dict(sorted(model.organisations.items()))
    for org in model.organisations.values():
        org.services = dict(sorted(org.services.items()))
        org.documents = dict(sorted(org.documents.items()))
        org.recipients.sort(key=lambda r: r.id)
        org.safeguards.sort(key=lambda c: c.id)
    model.entities = dict(sorted(model.entities.items()))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().casefold())


def _url_key(text: str) -> str:
    t = _norm(text)
    t = re.sub(r"^[a-z][a-z0-9+.-]*://", "", t)
    t = t.removeprefix("www.")
    return t.rstrip("/")


class KnowledgeBase:
    """A loaded knowledge base: the graph, its model, and compiled lookups."""

    def __init__(self, graph: Graph | None = None, *, origin: str = "graph",
                 version: str | None = None, compiled: cache.Compiled | None = None,
                 sources: Sequence[Path] = (), ntriples: bytes | None = None) -> None:
        """From ``graph`` (read into the model here; ``version``: a content hash already known,
        e.g. a store's marker, computed if omitted), or from ``compiled``, a model read earlier
        (:mod:`xborder.graph.compiled`) whose graph is built when first needed from the
        authoring files in ``sources`` or parsed from the version's ``ntriples``."""
        if compiled is None:
            if graph is None:
                raise TypeError("KnowledgeBase needs a graph or a compiled model")
            from xborder.graph.read import read_law, read_model

            model = read_model(graph)
            law = read_law(graph, model.sources)
            triples = len(graph)
        else:
            model, law, version, triples = (compiled.model, compiled.law, compiled.version,
                                            compiled.triples)
        self._graph = graph
        self._sources = tuple(sources)
        self._ntriples = zlib.compress(ntriples, 1) if ntriples is not None else None
        self._triples = triples
        self.origin = origin
        self.model: Model = model
        _order(self.model)
        self.law: LawModel = law
        self._law_points = law_breakpoints(self.law)
        self._timelines: dict[tuple[str, str | None, str], _Timeline] = {}
        self._transfers: dict[tuple[str, str], tuple[list[dt.date],
                                                     list[TransferAnswer | None]]] = {}
        self._lock = threading.Lock()
        names = {code: j.name for code, j in self.model.jurisdictions.items()
                 if j.kind != "group"}
        self.locations = LocationIndex(
            names, [Alias(a.text, a.code, a.ambiguous, a.note) for a in self.model.aliases])
        self._org_keys: dict[str, Organisation] = {}
        self._service_keys: dict[tuple[str, str], Service] = {}
        self._service_urls: dict[str, list[tuple[str, Service]]] = {}
        for org in self.model.organisations.values():
            for key in (org.id, org.name, *org.aliases):
                self._org_keys[_norm(key)] = org
            for svc in org.services.values():
                for key in (svc.id, svc.name, *svc.aliases):
                    self._service_keys[(org.id, _norm(key))] = svc
                for domain in svc.domains:
                    self._service_urls.setdefault(org.id, []).append((_url_key(domain), svc))
        self._version: str | None = version
        self._front: dict[tuple[str, str | None, str | None],
                          tuple[ParsedLocation, _Timeline]] = {}
        self._dates: dict[str, dt.date] = {}
        self._transfer_front: dict[tuple[str, str, str | None],
                                   tuple[str, str, Organisation | None]] = {}
        self._claim_dicts: dict[tuple[str, tuple[str, ...]], tuple[dict[str, Any], ...]] = {}
        self._leg_cache: dict[tuple[str, str, str, dt.date], tuple[Leg, ...]] = {}
        self._leg_objects: dict[tuple[str, str, str | None, int, str | None, str], Leg] = {}

    # -- construction ----------------------------------------------------------------------
    @classmethod
    def load(cls, sources: Sequence[str | Path] | None = None, *,
             validate: bool = False) -> KnowledgeBase:
        """Build from authoring folders (default: the embedded knowledge base).

        ``validate=True`` also checks the graph against the SHACL shapes (slower; the shipped
        knowledge base is validated by the test suite and by ``xborder validate``). A model
        compiled from the same files by the same code in an earlier process is read from the
        on-disk cache instead of rebuilt (:mod:`xborder.graph.compiled`); the answers are the
        same, and the graph is built when first needed.
        """
        dirs = [Path(s) for s in sources] if sources else [DEFAULT_KB_DIR]
        origin = ", ".join(str(d) for d in dirs)
        key = cache.key_of(dirs)
        found = cache.load(key, validated=validate)
        if found is not None:
            return cls(origin=origin, compiled=found, sources=dirs)
        from xborder.graph.build import build_graph

        graph = build_graph(dirs)
        if validate:
            from xborder.graph.shapes import validate_graph

            validate_graph(graph)
        kb = cls(graph, origin=origin, sources=dirs)
        if cache.key_of(dirs) == key:  # not edited while it was built
            cache.save(key, cache.Compiled(kb.model, kb.law, kb.version, len(graph), validate))
        return kb

    @property
    def graph(self) -> Graph:
        """The RDF graph (rdflib): built from the authoring files on first use when the model
        came from the compiled cache."""
        if self._graph is None:
            with self._lock:
                if self._graph is None:
                    self._graph = self._rebuild()
        return self._graph

    def _rebuild(self) -> Graph:
        if self._ntriples is not None:
            import pyoxigraph as ox

            from xborder.graph.store.base import from_oxigraph

            return from_oxigraph(ox.parse(zlib.decompress(self._ntriples),
                                          format=ox.RdfFormat.N_TRIPLES))
        from xborder.graph.build import build_graph

        return build_graph(self._sources)

    @property
    def graph_loaded(self) -> Graph | None:
        """The rdflib graph if it is in memory now, else None (nothing is built)."""
        return self._graph

    def release_graph(self, ntriples: bytes | None = None) -> None:
        """Drop the rdflib graph (most of a served process's memory) once the model is read:
        keep what rebuilds it — the authoring files, else the version's N-Triples (``ntriples``
        as read from the store, else serialised here), compressed."""
        if self._graph is None:
            return
        self.version  # noqa: B018  (the digest needs the graph: take it first)
        if not self._sources and self._ntriples is None:
            data = ntriples if ntriples is not None else self._graph.serialize(
                format="nt", encoding="utf-8")
            self._ntriples = zlib.compress(data, 1)
        self._graph = None

    @property
    def version(self) -> str:
        """A content digest of the whole graph, dates in blank nodes included
        (:func:`~xborder.graph.digest.graph_digest`): the same knowledge gives the same version,
        and any change — a moved date too — a new one."""
        if self._version is None:
            from xborder.graph.digest import graph_digest

            self._version = graph_digest(self.graph)
        return self._version

    # -- look-ups --------------------------------------------------------------------------
    def organisation(self, org: str | None = None) -> Organisation:
        orgs = self.model.organisations
        if org is None or not org.strip():
            if len(orgs) == 1:
                return next(iter(orgs.values()))
            raise UnknownOrganisation(
                "several organisations are known; name one with org",
                candidates=[{"id": o.id, "name": o.name} for o in orgs.values()])
        found = self._org_keys.get(_norm(org))
        if found is None:
            raise UnknownOrganisation(
                f"unknown organisation {org!r}",
                candidates=[{"id": o.id, "name": o.name} for o in orgs.values()])
        return found

    def organisation_for(self, org: str | None, service: str | None) -> Organisation:
        """The organisation a question names: ``org`` when given; else the only one known; else
        the one organisation that has ``service`` (an id, name, alias or URL that belongs to
        exactly one organisation names it — several, or none, is an error with candidates)."""
        if (org and org.strip()) or not service or not service.strip() or \
                len(self.model.organisations) == 1:
            return self.organisation(org)
        owners = []
        for candidate in self.model.organisations.values():
            try:
                if self.service(candidate, service) is not None:
                    owners.append(candidate)
            except UnknownService:
                continue
        if len(owners) == 1:
            return owners[0]
        if not owners:
            raise UnknownService(
                f"no organisation has a service {service!r}; name the organisation with org",
                candidates=[{"id": o.id, "name": o.name}
                            for o in self.model.organisations.values()])
        raise UnknownOrganisation(
            f"several organisations have a service {service!r}; name one with org",
            candidates=[{"id": o.id, "name": o.name} for o in owners])

    def service(self, org: Organisation, service: str | None) -> Service | None:
        if service is None or not service.strip():
            return None
        found = self._service_keys.get((org.id, _norm(service)))
        if found is not None:
            return found
        key = _url_key(service)
        for prefix, svc in self._service_urls.get(org.id, ()):
            if key == prefix or key.startswith(prefix + "/") or key.startswith(prefix + "?"):
                return svc
        raise UnknownService(
            f"{org.name} has no service {service!r}",
            candidates=[{"id": s.id, "name": s.name} for s in org.services.values()])

    def parse_location(self, location: str) -> ParsedLocation:
        """A code, a name, an ISO 3166-2 code, a policy's word, an IP address or ``lat,lon``."""
        if not isinstance(location, str):
            raise XborderInputError("location must be text")
        if _NETWORKISH.search(location):
            from xborder.graph import geoip

            placed = geoip.locate(location.strip())
            if placed is not None:
                return placed
        return self.locations.parse(location)

    # -- resolution ------------------------------------------------------------------------
    def resolve(self, location: str, service: str | None = None, org: str | None = None,
                at: str | dt.date | None = None, *, transfers: bool = True) -> Resolution:
        """Who is the data controller for a user at ``location`` using ``service`` on ``at``.

        The hot path: one dict look-up for the question as typed, one for the date, a bisect over
        the dates where the answer changes. Transfer legs are evaluated when first read."""
        front = self._front.get((location, service, org))
        if front is None:
            front = self._front_entry(location, service, org)
        parsed, (starts, answers) = front
        day = self._day(at)
        found = answers[bisect.bisect_right(starts, day) - 1]
        if isinstance(found, XborderError):  # cached per date segment: name the day asked
            raise type(found)(found.detail.replace("{at}", day.isoformat()),
                              **{**found.extra, "at": day.isoformat()})
        return Resolution(location, day, found, parsed.subdivision, parsed.matched, parsed.note,
                          self._legs if transfers else None)

    def _front_entry(self, location: str, service: str | None,
                     org: str | None) -> tuple[ParsedLocation, _Timeline]:
        parsed = self.parse_location(location)  # the place asked about is checked first
        organisation = self.organisation_for(org, service)
        svc = self.service(organisation, service)
        key = (organisation.id, svc.id if svc else None, parsed.code)
        timeline = self._timelines.get(key) or self._compile(organisation, svc, parsed.code)
        if len(self._front) >= _FRONT_LIMIT:
            self._front.clear()
        entry = (parsed, timeline)
        self._front[(location, service, org)] = entry
        return entry

    def _day(self, at: str | dt.date | None) -> dt.date:
        if at is None:
            return dt.date.today()
        if isinstance(at, str):
            day = self._dates.get(at)
            if day is None:
                day = parse_date(at)
                if not at.strip():  # "" means today: never remembered, or it goes stale
                    return day
                if len(self._dates) >= _FRONT_LIMIT:
                    self._dates.clear()
                self._dates[at] = day
            return day
        return parse_date(at)

    def _legs(self, r: Resolution) -> tuple[Leg, ...]:
        a = r.answer
        key = (a.organisation.id, a.controller.id, a.code, r.at)
        legs = self._leg_cache.get(key)
        if legs is None:
            fresh = flow_legs(a.organisation, a.controller, a.code, r.at, self._transfer_answer)
            # A leg is the same object for every day of its transfer's date segment, so its JSON
            # is built once (transfer answers live as long as this knowledge base).
            legs = tuple(self._leg_objects.setdefault(
                (leg.kind, leg.from_code, leg.to_code, id(leg.transfer),
                 leg.recipient.id if leg.recipient else None, leg.note), leg) for leg in fresh)
            if len(self._leg_cache) >= _FRONT_LIMIT:
                self._leg_cache.clear()
            self._leg_cache[key] = legs
        return legs

    # -- transfers -------------------------------------------------------------------------
    def transfer(self, from_location: str, to_location: str, at: str | dt.date | None = None,
                 org: str | None = None) -> Transfer:
        """May data go from ``from_location`` to ``to_location`` on ``at``, and on what basis?

        With ``org``, the safeguards that organisation's policy claims are shown beside the
        answer."""
        # The front cache: the question as typed → the two codes and the claims shown (the two
        # location parses were most of a call); the day then picks the date segment's answer.
        key = (from_location, to_location, org)
        front = self._transfer_front.get(key)
        if front is None:
            src = self.parse_location(from_location)
            dst = self.parse_location(to_location)
            front = (src.code, dst.code, self.organisation(org) if org is not None else None)
            if len(self._transfer_front) >= _FRONT_LIMIT:
                self._transfer_front.clear()
            self._transfer_front[key] = front
        day = self._day(at) if at else parse_date(at)  # no date: today, never remembered
        return Transfer(from_location, to_location, day,
                        self._transfer_answer(front[0], front[1], day),
                        self._claims(front[2], day) if front[2] is not None else ())

    def _claims(self, organisation: Organisation, day: dt.date) -> tuple[dict[str, Any], ...]:
        """The safeguards the organisation's policy versions in force on ``day`` claim."""
        _, stated = stated_at(organisation, day)
        key = (organisation.id, tuple(c.id for c in stated))
        claims = self._claim_dicts.get(key)
        if claims is None:
            claims = tuple({"kind": c.kind, "name": c.name, "source": c.citation.to_dict()}
                           for c in stated)
            if len(self._claim_dicts) >= _FRONT_LIMIT:
                self._claim_dicts.clear()
            self._claim_dicts[key] = claims
        return claims

    def _transfer_answer(self, src: str, dst: str, day: dt.date) -> TransferAnswer:
        key = (src, dst)
        timeline = self._transfers.get(key)
        if timeline is None:
            points = self._law_points | place_breakpoints(self.model, src) | \
                place_breakpoints(self.model, dst)
            starts = sorted(points | {dt.date.min})
            timeline = (starts, [None] * len(starts))
            with self._lock:
                self._transfers[key] = timeline
        starts, answers = timeline
        i = bisect.bisect_right(starts, day) - 1
        found = answers[i]
        if found is None:
            found = evaluate_transfer(self.model, self.law, src, dst, max(starts[i], MIN_DATE))
            answers[i] = found
        return found

    def _compile(self, org: Organisation, svc: Service | None, code: str) -> _Timeline:
        starts = segment_starts(self.model, org, code)
        answers: list[Answer | XborderError] = []
        for start in starts:
            try:
                answers.append(evaluate(self.model, org, svc, code, start))
            except XborderError as exc:
                answers.append(exc)
        timeline = (starts, answers)
        with self._lock:
            self._timelines[(org.id, svc.id if svc else None, code)] = timeline
        return timeline

    def changes(self, before: str | dt.date, after: str | dt.date, org: str | None = None,
                service: str | None = None) -> list[dict[str, Any]]:
        """Locations whose controller or transfer legs differ between two dates."""
        return network.changes(self, before, after, org=org, service=service)

    def transfer_network(self, at: str | dt.date | None = None, org: str | None = None,
                         service: str | None = None,
                         locations: list[str] | None = None) -> Any:
        """A networkx ``MultiDiGraph`` of the organisation's evaluated data flows at ``at``."""
        return network.transfer_network(self, at, org=org, service=service, locations=locations)

    def compile_all(self) -> int:
        """Compile every (organisation, service, jurisdiction) timeline; returns the count."""
        codes = [c for c, j in self.model.jurisdictions.items() if j.kind != "group"]
        for org in self.model.organisations.values():
            for svc in (None, *org.services.values()):
                for code in codes:
                    if (org.id, svc.id if svc else None, code) not in self._timelines:
                        self._compile(org, svc, code)
        return len(self._timelines)

    def jurisdiction_codes(self) -> list[str]:
        return sorted(c for c, j in self.model.jurisdictions.items() if j.kind != "group")

    def resolve_organisations(self, location: str, at: str | dt.date | None = None,
                              orgs: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """For a user in ``location`` on ``at``: who controls their data at each organisation
        (all, or ``orgs``), per service where the answer depends on it. An organisation whose
        policy names no controller for that place and date says so in ``error``."""
        chosen = [self.organisation(o) for o in orgs] if orgs else \
            list(self.model.organisations.values())
        self.parse_location(location)  # an unknown or ambiguous place is one error, not many
        rows: list[dict[str, Any]] = []
        for org in chosen:
            answers: list[dict[str, Any]] = []
            errors: list[str] = []
            for svc in (None, *org.services.values()):
                try:
                    r = self.resolve(location, service=svc.id if svc else None, org=org.id,
                                     at=at, transfers=False)
                except XborderInputError as exc:
                    errors.append(exc.detail)
                    continue
                body = r.to_dict()
                answers.append({"service": svc.id if svc else None,
                                "service_name": svc.name if svc else None,
                                "controller": body["controller"], "rule": body.get("rule"),
                                "policy": body.get("policy"), "caveats": body["caveats"]})
            distinct = {a["controller"]["id"] for a in answers if "controller" in a}
            rows.append({"organisation": {"id": org.id, "name": org.name},
                         "depends_on_service": len(distinct) > 1,
                         "answers": answers or [{"service": None, "error": errors[0]}]})
        return rows

    def coverage(self, regime: str | None = None) -> list[dict[str, Any]]:
        """Per transfer regime: the period encoded, its laws, counts of adequacy entries,
        mechanisms and targeted rules, source confidence, and what is known to be missing."""
        from xborder.graph.coverage import regime_coverage, regimes_coverage

        if regime is None:
            return regimes_coverage(self.law)
        found = self.law.regimes.get(regime) or self.law.regimes.get(regime.upper())
        if found is None:
            raise XborderInputError(f"unknown regime {regime!r}", candidates=[
                {"id": r.id, "name": r.name} for r in self.law.regimes.values()])
        return [regime_coverage(self.law, found)]

    def describe(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "origin": self.origin,
            "triples": self._triples,
            "organisations": sorted(self.model.organisations),
            "jurisdictions": len(self.jurisdiction_codes()),
        }

    # -- export ----------------------------------------------------------------------------
    def export(self, fmt: str = "ttl") -> str:
        formats = {"ttl": "turtle", "turtle": "turtle", "nt": "nt", "jsonld": "json-ld",
                   "json-ld": "json-ld", "xml": "xml"}
        if fmt not in formats:
            raise XborderInputError(f"unknown export format {fmt!r}; use one of ttl, jsonld, nt",
                                    candidates=[{"id": f} for f in ("ttl", "jsonld", "nt")])
        if formats[fmt] == "nt" and self._graph is None and self._ntriples is not None:
            return zlib.decompress(self._ntriples).decode("utf-8")
        return self.graph.serialize(format=formats[fmt])
