"""Where a knowledge base's RDF graph comes from, and how it is kept (:class:`GraphBacking`).

Answers need only the model read from the graph; the graph itself serves the faces that ask for
RDF (export, SPARQL) and the version digest. So a :class:`~xborder.graph.kb.KnowledgeBase`
holds its graph in one of three ways: in memory (an rdflib graph it was read from), rebuilt on
first use from the authoring files (a model from the compiled cache), or parsed on first use from
the version's N-Triples, kept compressed (a replica's model read from a store). A served process
can drop a graph it holds (:meth:`GraphBacking.release`) once its version is known.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from xborder.graph.errors import XborderInputError

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["EXPORT_FORMATS", "GraphBacking"]

#: ``export`` format names → rdflib serialiser names.
EXPORT_FORMATS = {"ttl": "turtle", "turtle": "turtle", "nt": "nt", "jsonld": "json-ld",
                  "json-ld": "json-ld", "xml": "xml"}


class GraphBacking:
    """The graph of one knowledge-base version: held, or rebuilt from what is kept."""

    def __init__(self, graph: Graph | None, *, sources: Sequence[Path] = (),
                 ntriples: bytes | None = None, version: str | None = None,
                 triples: int | None = None) -> None:
        if graph is None and not sources and ntriples is None:
            raise TypeError("a graph, its authoring files or its N-Triples are needed")
        self._graph = graph
        self._sources = tuple(sources)
        self._ntriples = zlib.compress(ntriples, 1) if ntriples is not None else None
        self._version = version
        self.triples = triples if triples is not None else len(graph) if graph is not None else 0
        self._lock = threading.Lock()

    @property
    def graph(self) -> Graph:
        """The rdflib graph, built or parsed on first use when it is not held."""
        if self._graph is None:
            with self._lock:
                if self._graph is None:
                    self._graph = self._rebuild()
        return self._graph

    @property
    def loaded(self) -> Graph | None:
        """The rdflib graph if it is in memory now, else None (nothing is built)."""
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
    def version(self) -> str:
        """A content digest of the whole graph, dates in blank nodes included
        (:func:`~xborder.graph.digest.graph_digest`): the same knowledge gives the same version,
        and any change — a moved date too — a new one."""
        if self._version is None:
            from xborder.graph.digest import graph_digest

            self._version = graph_digest(self.graph)
        return self._version

    def release(self, ntriples: bytes | None = None) -> None:
        """Drop the rdflib graph (most of a served process's memory): keep what rebuilds it — the
        authoring files, else the version's N-Triples (``ntriples`` as read from the store, else
        serialised here), compressed. The version is taken first (its digest needs the graph)."""
        if self._graph is None:
            return
        self.version  # noqa: B018
        if not self._sources and self._ntriples is None:
            data = ntriples if ntriples is not None else self._graph.serialize(
                format="nt", encoding="utf-8")
            self._ntriples = zlib.compress(data, 1)
        self._graph = None

    def export(self, fmt: str = "ttl") -> str:
        """The graph as Turtle, JSON-LD, N-Triples or RDF/XML; N-Triples kept from a store are
        given as they were read, without building a graph."""
        if fmt not in EXPORT_FORMATS:
            raise XborderInputError(f"unknown export format {fmt!r}; use one of ttl, jsonld, nt",
                                    candidates=[{"id": f} for f in ("ttl", "jsonld", "nt")])
        if EXPORT_FORMATS[fmt] == "nt" and self._graph is None and self._ntriples is not None:
            return zlib.decompress(self._ntriples).decode("utf-8")
        return self.graph.serialize(format=EXPORT_FORMATS[fmt])
