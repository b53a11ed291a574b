"""The strongest anchor for the look-up benches: the same graph in pyoxigraph, asked the same
SPARQL question as rdflib, with the bound values written into the query text in place of the
variables (rdflib's ``initBindings`` binds them in every nested group, which a ``VALUES`` row
does not; pyoxigraph's ``substitutions=`` was far slower on these query shapes)."""

from __future__ import annotations

import re
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from xborder.graph.store import to_oxigraph

__all__ = ["bind", "oxigraph_of"]


def oxigraph_of(graph: Graph) -> ox.Store:
    """An in-memory pyoxigraph store holding the triples of ``graph``."""
    store = ox.Store()
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
                      for t in to_oxigraph(graph))
    return store


def _term(value: Any) -> str:
    if isinstance(value, URIRef):
        return f"<{value}>"
    if isinstance(value, Literal):
        return value.n3()
    raise TypeError(f"cannot write {value!r} into a query")


def bind(query: str, bindings: dict[str, Any]) -> str:
    """``query`` with each ``?name`` of ``bindings`` replaced by its value written as a term."""
    for name, value in bindings.items():
        query = re.sub(rf"\?{name}\b", lambda _m, v=value: _term(v), query)
    return query
