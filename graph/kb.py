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
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from xborder.graph import compiled as cache
from xborder.graph import network
from xborder.graph.authoring import DEFAULT_KB_DIR
from xborder.graph.backing import GraphBacking
from xborder.graph.dates import MIN_DATE, parse_date
from xborder.graph.directory import Directory
from xborder.graph.errors import (
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
        self._backing = GraphBacking(graph, sources=sources, ntriples=ntriples, version=version,
                                     triples=triples)
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
        self._directory = Directory(self.model.organisations)
        self._front: dict[tuple[str, str | None, str | None],
                          tuple[ParsedLocation, _Timeline]] = {}
        self._dates: dict[str, dt.date] = {}
        # (question as typed, day as typed) → (answer, day, place): the answer's date segment
        self._asked: dict[tuple[str, str | None, str | None, str | dt.date | None],
                          tuple[Answer, dt.date, ParsedLocation]] = {}
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
        """The RDF graph (rdflib); built or parsed on first use when the model came from the
        compiled cache or a store (:mod:`xborder.graph.backing`)."""
        return self._backing.graph

    @property
    def graph_loaded(self) -> Graph | None:
        """The rdflib graph if it is in memory now, else None (nothing is built)."""
        return self._backing.loaded

    def release_graph(self, ntriples: bytes | None = None) -> None:
        """Drop the rdflib graph once the model is read (see :meth:`GraphBacking.release`)."""
        self._backing.release(ntriples)

    @property
    def version(self) -> str:
        """A content digest of the whole graph, dates in blank nodes included: the same
        knowledge gives the same version, and any change — a moved date too — a new one."""
        return self._backing.version

    # -- look-ups --------------------------------------------------------------------------
    def organisation(self, org: str | None = None) -> Organisation:
        """The organisation ``org`` names (id, name or alias); none given: the only one known."""
        return self._directory.organisation(org)

    def organisation_for(self, org: str | None, service: str | None) -> Organisation:
        """The organisation a question names: ``org``, else the only one, else the one that has
        ``service`` (:meth:`~xborder.graph.directory.Directory.organisation_for`)."""
        return self._directory.organisation_for(org, service)

    def service(self, org: Organisation, service: str | None) -> Service | None:
        """``org``'s service named by id, name, alias or URL; None when none is given."""
        return self._directory.service(org, service)

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

        The hot path: one dict look-up for the question and the day as typed, asked before (a
        day given: "today" is never remembered); else one for the question, one for the date and
        a bisect over the dates where the answer changes. Transfer legs are evaluated when first
        read."""
        hit = self._asked.get((location, service, org, at))
        if hit is not None:
            return Resolution(location, hit[1], hit[0], hit[2],
                              self._legs if transfers else None)
        front = self._front.get((location, service, org))
        if front is None:
            front = self._front_entry(location, service, org)
        parsed, (starts, answers) = front
        day = self._dates.get(at) if type(at) is str else None  # a date asked before
        if day is None:
            day = self._day(at)
        found = answers[bisect.bisect_right(starts, day) - 1]
        if isinstance(found, XborderError):  # cached per date segment: name the day asked
            raise type(found)(found.detail.replace("{at}", day.isoformat()),
                              **{**found.extra, "at": day.isoformat()})
        if at is not None and (type(at) is not str or at.strip()):
            if len(self._asked) >= _FRONT_LIMIT:
                self._asked.clear()
            self._asked[(location, service, org, at)] = (found, day, parsed)
        return Resolution(location, day, found, parsed, self._legs if transfers else None)

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

    def organisations(self) -> list[Organisation]:
        """Every organisation, by id."""
        return list(self.model.organisations.values())

    def resolve_organisations(self, location: str, at: str | dt.date | None = None,
                              orgs: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """For a user in ``location`` on ``at``: who controls their data at each organisation
        (all, or ``orgs``), per service (:func:`~xborder.graph.network.organisations_at`)."""
        return network.organisations_at(self, location, at, orgs)

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
            "triples": self._backing.triples,
            "organisations": sorted(self.model.organisations),
            "jurisdictions": len(self.jurisdiction_codes()),
        }

    # -- export ----------------------------------------------------------------------------
    def export(self, fmt: str = "ttl") -> str:
        """The graph as ``ttl``, ``jsonld``, ``nt`` (or ``xml``)."""
        return self._backing.export(fmt)
