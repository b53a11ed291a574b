"""What every store shares: the :class:`Store` protocol, the :class:`Snapshot` it reads and the
error it raises (the conversions between rdflib and pyoxigraph terms are
:mod:`xborder.graph.oxterms`, re-exported here)."""
from __future__ import annotations

import datetime as dt
from typing import Any, Protocol, runtime_checkable

import pyoxigraph as ox
from rdflib import Graph

from xborder.graph.errors import KnowledgeBaseError
from xborder.graph.oxterms import GENID, from_oxigraph, to_ntriples, to_oxigraph

__all__ = ["EMBEDDED_READ_ONLY", "GENID", "Snapshot", "Store", "StoreError", "from_oxigraph",
           "to_ntriples", "to_oxigraph", "utc_now"]

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
    model only (:func:`~xborder.graph.store.prepare_snapshot`) never pays for an rdflib graph.
    A store that keeps the publisher's compiled model beside a version hands its document over
    too (``model``, :mod:`~xborder.graph.store.modeldoc`)."""

    def __init__(self, graph: Graph | None, version: str, published: str | None = None, *,
                 ntriples: bytes | None = None, model: bytes | None = None) -> None:
        if graph is None and ntriples is None:
            raise ValueError("a snapshot needs a graph or its N-Triples")
        self._graph = graph
        self.version = version
        self.published = published
        self.ntriples = ntriples
        self.model = model

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

    def write(self, graph: Graph, version: str, *, model: bytes | None = None,
              ntriples: bytes | None = None) -> None:
        """Publish ``graph`` as ``version`` atomically (no validation: see :func:`publish`),
        with the document of its compiled model beside it if given and the store keeps one.
        ``ntriples``: the graph as N-Triples (:func:`to_ntriples`), if the caller made them
        already (to check the shapes on them), so the store need not make them again."""

    def describe(self) -> dict[str, Any]:
        """Kind, location and current marker, for status pages."""


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
