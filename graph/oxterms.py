"""RDF terms between rdflib and pyoxigraph.

rdflib is the authoring and export API; pyoxigraph holds published versions and answers the SHACL
checks (:mod:`xborder.graph.shapes.sparql`). :class:`ToRdflib` converts one way (caching the
IRIs and literals, most of which repeat), :func:`to_oxigraph` the other; blank nodes keep their
labels both ways, or travel as ``GENID`` skolem IRIs when a graph is sent in several requests.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from xborder.graph.errors import KnowledgeBaseError
from xborder.graph.vocab import PREFIXES

__all__ = ["GENID", "ToRdflib", "from_oxigraph", "to_ntriples", "to_oxigraph"]

GENID = "https://w3id.org/xborder/.well-known/genid/"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class ToRdflib:
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
            raise KnowledgeBaseError(f"unsupported RDF term in the store: {term!r}")
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
    conv = ToRdflib()
    add = graph.add
    for t in triples:
        add((conv(t.subject), conv(t.predicate), conv(t.object)))
    return graph


def to_ntriples(graph: Graph) -> bytes:
    """``graph`` as N-Triples (UTF-8): what a pyoxigraph store loads in bulk, faster than the
    triples of :func:`to_oxigraph` added one by one."""
    return graph.serialize(format="nt", encoding="utf-8")


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
            raise KnowledgeBaseError(f"unsupported RDF term: {node!r}")
        if not isinstance(node, BNode):
            cache[node] = out
        return out

    for s, p, o in graph:
        yield ox.Triple(conv(s), conv(p), conv(o))
