"""What the sections of the build share while authoring files become one graph: the graph
itself, the codes known so far and the id registries (:class:`BuildContext`)."""

from __future__ import annotations

import datetime as dt
import re

from rdflib import BNode, Graph, Literal, URIRef

from xborder.graph.vocab import (
    DCT,
    KB,
    PREFIXES,
    RDF,
    RDFS,
    TIME,
    XB,
    XSD,
    expand_curie,
    jurisdiction_iri,
)
from xborder.graph.yamlsource import Node

__all__ = ["CONFIDENCE", "SAFE_ID", "BuildContext"]

# An id becomes the last segment of an IRI (``kb:rule/huawei/10.1``): RFC 3986 unreserved
# characters only, so every face (Turtle, JSON-LD, SPARQL, HTML) can carry it unescaped.
SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~-]{0,199}")

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
        if not isinstance(ident, str) or not all(SAFE_ID.fullmatch(part)
                                                 for part in ident.split("/")):
            raise node.error(f"{kind} id {ident!r} cannot become part of an IRI: use letters, "
                             "digits and . _ ~ - (starting with a letter or digit)")
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
