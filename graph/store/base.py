"""What every store shares: the :class:`Store` protocol, the :class:`Snapshot` it reads, the
error it raises, and the conversions between rdflib and pyoxigraph terms."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from xborder.graph.errors import KnowledgeBaseError
from xborder.graph.vocab import PREFIXES

if TYPE_CHECKING:
    pass

__all__ = ["EMBEDDED_READ_ONLY", "GENID", "Snapshot", "Store", "StoreError", "from_oxigraph",
           "to_oxigraph", "utc_now"]

GENID = "https://w3id.org/xborder/.well-known/genid/"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
EMBEDDED_READ_ONLY = ("the embedded store is built from the authoring files and cannot be "
                      "written; choose --store oxigraph or --store sparql")


class StoreError(KnowledgeBaseError):
    """The store cannot be reached, holds no knowledge base, or refused a write."""

    slug = "store-error"
    title = "Knowledge-base store error"


class Snapshot:
    """One published version, read consistently: its triples and the marker that named it.

    A store that reads N-Triples (Oxigraph's dump) hands them over as read (``ntriples``); the
    rdflib ``graph`` is then parsed from them only when asked for, so a reader that needs the
    model only (:func:`~xborder.graph.store.prepare_snapshot`) never pays for an rdflib graph."""

    def __init__(self, graph: Graph | None, version: str, published: str | None = None, *,
                 ntriples: bytes | None = None) -> None:
        if graph is None and ntriples is None:
            raise ValueError("a snapshot needs a graph or its N-Triples")
        self._graph = graph
        self.version = version
        self.published = published
        self.ntriples = ntriples

    @property
    def graph(self) -> Graph:
        if self._graph is None:
            assert self.ntriples is not None
            self._graph = from_oxigraph(ox.parse(self.ntriples, format=ox.RdfFormat.N_TRIPLES))
        return self._graph


@runtime_checkable
class Store(Protocol):
    kind: str

    def version(self) -> str | None:
        """The version the marker names now (cheap; polled), or None for an empty store."""

    def read(self) -> Snapshot:
        """The current version's graph with its version (raises :class:`StoreError`)."""

    def write(self, graph: Graph, version: str) -> None:
        """Publish ``graph`` as ``version`` atomically (no validation: see :func:`publish`)."""

    def describe(self) -> dict[str, Any]:
        """Kind, location and current marker, for status pages."""


# -- RDF terms between rdflib and pyoxigraph ---------------------------------------------------
class _ToRdflib:
    """Converts pyoxigraph terms, caching IRIs and literals (most repeat); skolem IRIs minted by
    :func:`to_oxigraph` become blank nodes again."""

    def __init__(self) -> None:
        self.cache: dict[Any, Node] = {}

    def __call__(self, term: Any) -> Node:
        kind = type(term)
        if kind is ox.NamedNode:
            value = term.value
            node = self.cache.get(value)
            if node is None:
                node = BNode(value[len(GENID):]) if value.startswith(GENID) else URIRef(value)
                self.cache[value] = node
            return node
        if kind is ox.BlankNode:
            return BNode(term.value)
        if kind is not ox.Literal:
            raise StoreError(f"unsupported RDF term in the store: {term!r}")
        key = (term.value, term.language, term.datatype.value)
        node = self.cache.get(key)
        if node is None:
            if term.language:
                node = Literal(term.value, lang=term.language)
            else:
                datatype = term.datatype.value
                node = Literal(term.value,
                               datatype=None if datatype == _XSD_STRING else URIRef(datatype))
            self.cache[key] = node
        return node


def from_oxigraph(triples: Iterable[Any]) -> Graph:
    """An rdflib graph from pyoxigraph triples or quads (graph names ignored)."""
    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    conv = _ToRdflib()
    add = graph.add
    for t in triples:
        add((conv(t.subject), conv(t.predicate), conv(t.object)))
    return graph


def to_oxigraph(graph: Graph, *, skolemize: bool = False) -> Iterator[ox.Triple]:
    """pyoxigraph triples of ``graph``; with ``skolemize`` blank nodes become ``GENID`` IRIs, so
    the triples can be sent in several requests without splitting a blank node."""
    cache: dict[Node, Any] = {}

    def conv(node: Node) -> Any:
        out = cache.get(node)
        if out is not None:
            return out
        if isinstance(node, URIRef):
            out = ox.NamedNode(str(node))
        elif isinstance(node, BNode):
            out = ox.NamedNode(GENID + str(node)) if skolemize else ox.BlankNode(str(node))
        elif isinstance(node, Literal):
            if node.language:
                out = ox.Literal(str(node), language=node.language)
            elif node.datatype is not None:
                out = ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
            else:
                out = ox.Literal(str(node))
        else:
            raise StoreError(f"unsupported RDF term: {node!r}")
        if not isinstance(node, BNode):
            cache[node] = out
        return out

    for s, p, o in graph:
        yield ox.Triple(conv(s), conv(p), conv(o))


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
