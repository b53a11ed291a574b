"""Authoring files → one rdflib graph.

:func:`build_graph` reads every ``*.yaml`` under the given folders, checks each field (errors name
the file and the line), and writes DPV/xborder triples. ISO 3166-1 jurisdictions come from
pycountry; everything else from the files. The graph is the single source of truth: the compiled
model (:mod:`xborder.graph.model`) is read back from it, never from the YAML.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pycountry
from rdflib import BNode, Graph, Literal, URIRef

from xborder.graph.errors import SourceError
from xborder.graph.vocab import (
    DCT,
    DPV,
    KB,
    LOC,
    PREFIXES,
    RDF,
    RDFS,
    SKOS,
    TIME,
    XB,
    XSD,
    expand_curie,
    jurisdiction_iri,
)
from xborder.graph.yamlsource import Node, read_yaml

__all__ = ["DEFAULT_KB_DIR", "BuildContext", "build_graph", "source_files"]

DEFAULT_KB_DIR = Path(__file__).parent / "kb"

CONFIDENCE = ("verified", "secondary")


class BuildContext:
    """What the sections of the build share: the graph, the codes known so far, id registries."""

    def __init__(self) -> None:
        self.graph = Graph()
        for prefix, ns in PREFIXES.items():
            self.graph.bind(prefix, ns)
        self.codes: set[str] = set()
        self.iso_codes: set[str] = set()
        self.groups: set[str] = set()
        self.ids: dict[tuple[str, str], str] = {}
        self._wanted: list[tuple[str, str, Node]] = []
        self._counter: dict[str, int] = {}

    # -- identities -------------------------------------------------------------------------
    def register(self, kind: str, ident: str, node: Node) -> None:
        key = (kind, ident)
        if key in self.ids:
            raise node.error(f"{kind} id {ident!r} is already defined at {self.ids[key]}")
        self.ids[key] = f"{node.file}:line {node.line}"

    def want(self, kind: str, ident: str, node: Node) -> None:
        """Record a reference to be checked once every file has been read."""
        self._wanted.append((kind, ident, node))

    def check_references(self) -> None:
        for kind, ident, node in self._wanted:
            if (kind, ident) not in self.ids:
                known = sorted(i for k, i in self.ids if k == kind)
                raise node.error(f"unknown {kind} {ident!r}; known: {', '.join(known) or 'none'}")

    def serial(self, stem: str) -> URIRef:
        n = self._counter.get(stem, 0) + 1
        self._counter[stem] = n
        return KB[f"{stem}-{n}"]

    # -- values -----------------------------------------------------------------------------
    def add(self, s: URIRef | BNode, p: URIRef, o: URIRef | BNode | Literal) -> None:
        self.graph.add((s, p, o))

    def text(self, s: URIRef | BNode, p: URIRef, value: str | None) -> None:
        if value:
            self.graph.add((s, p, Literal(value)))

    def iri(self, node: Node, curie: str) -> URIRef:
        try:
            return expand_curie(curie)
        except ValueError as exc:
            raise node.error(str(exc)) from None

    def interval(self, node: Node, subject: URIRef, start_key: str = "from",
                 end_key: str = "to") -> tuple[dt.date | None, dt.date | None]:
        """DPV's interval pattern: ``dct:temporal [ time:hasBeginning [ time:inXSDDate … ] ]``."""
        start, end = node.date(start_key), node.date(end_key)
        if start and end and end < start:
            raise node.error(f"{end_key!r} ({end}) is before {start_key!r} ({start})")
        if start is None and end is None:
            return start, end
        interval = BNode()
        self.add(subject, DCT.temporal, interval)
        self.add(interval, RDF.type, TIME.ProperInterval)
        for prop, day in ((TIME.hasBeginning, start), (TIME.hasEnd, end)):
            if day is not None:
                instant = BNode()
                self.add(interval, prop, instant)
                self.add(instant, RDF.type, TIME.Instant)
                self.add(instant, TIME.inXSDDate, Literal(day.isoformat(), datatype=XSD.date))
        return start, end

    def location(self, node: Node, code: str) -> URIRef:
        """A jurisdiction code or group id, checked against what the knowledge base knows."""
        if code == "*":
            return XB.Everywhere
        if code not in self.codes and code not in self.groups:
            raise node.error(f"unknown jurisdiction or group {code!r}")
        return jurisdiction_iri(code)

    def source(self, node: Node, subject: URIRef, key: str = "source") -> None:
        """``source: id`` (of a ``sources`` entry) or an inline source mapping."""
        value = node.data.get(key)
        if value is None:
            raise node.error(f"{key!r} is required: say where this can be checked")
        if isinstance(value, str):
            self.want("source", value, node)
            self.add(subject, DCT.source, KB[f"source/{value}"])
            return
        inline = Node(value, node.file, node.line, f"{node.what} {key}")
        iri = self.serial("source/inline")
        self.emit_source(inline, iri)
        self.add(subject, DCT.source, iri)

    def emit_source(self, node: Node, iri: URIRef) -> None:
        node.check_keys(["id", "title", "url", "celex", "confidence", "note"])
        self.add(iri, RDF.type, XB.Source)
        self.text(iri, DCT.title, node.required("title"))
        url = node.string("url")
        celex = node.string("celex")
        if not url and celex:
            url = f"https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:{celex}"
        if not url:
            raise node.error("a source needs a 'url' or a 'celex' number")
        self.add(iri, XB.url, Literal(url, datatype=XSD.anyURI))
        self.text(iri, XB.celex, celex)
        self.confidence(node, iri)
        self.text(iri, RDFS.comment, node.string("note"))

    def confidence(self, node: Node, iri: URIRef) -> None:
        value = node.string("confidence", "verified")
        if value not in CONFIDENCE:
            raise node.error(f"confidence must be one of {', '.join(CONFIDENCE)}, not {value!r}")
        self.text(iri, XB.confidence, value)


def _iso_jurisdictions(ctx: BuildContext) -> None:
    for country in pycountry.countries:
        iri = jurisdiction_iri(country.alpha_2)
        ctx.codes.add(country.alpha_2)
        ctx.iso_codes.add(country.alpha_2)
        ctx.add(iri, RDF.type, DPV.Country)
        ctx.add(iri, XB.code, Literal(country.alpha_2))
        ctx.add(iri, SKOS.prefLabel, Literal(country.name, lang="en"))
        ctx.add(iri, LOC.iso_alpha3, Literal(country.alpha_3))
        ctx.add(iri, LOC.iso_numeric, Literal(country.numeric))
        common = getattr(country, "common_name", None)
        if common:
            ctx.add(iri, SKOS.altLabel, Literal(common, lang="en"))


def source_files(dirs: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for d in dirs:
        d = Path(d)
        if d.is_file():
            files.append(d)
        elif d.is_dir():
            files.extend(sorted(d.rglob("*.yaml")))
        else:
            raise SourceError("no such file or folder", str(d))
    return files


def build_graph(dirs: Sequence[Path] = (DEFAULT_KB_DIR,)) -> Graph:
    """Read the authoring files under ``dirs`` and return the knowledge-base graph."""
    from xborder.graph import build_law, build_org, build_places

    files = [read_yaml(p) for p in source_files(dirs)]
    ctx = BuildContext()
    _iso_jurisdictions(ctx)
    sections: dict[str, Any] = {
        "sources": None,
        "jurisdictions": None,
        "geography": None,
        "groups": None,
        "application": None,
        "aliases": None,
        **dict.fromkeys(build_law.SECTIONS),
        **dict.fromkeys(build_org.SECTIONS),
    }
    for f in files:
        f.check_keys(sections)
    build_places.register(ctx, files)
    for f in files:
        for raw in f.items("sources", "source"):
            node = Node(raw, f.file, f.line, "source")
            ident = node.required("id")
            ctx.register("source", ident, node)
            ctx.emit_source(node, KB[f"source/{ident}"])
    for f in files:
        build_places.emit(ctx, f)
    for f in files:
        build_law.emit(ctx, f)
    for f in files:
        build_org.emit(ctx, f)
    ctx.check_references()
    return ctx.graph
