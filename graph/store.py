"""Where the knowledge-base graph is kept: the :class:`Store` protocol and its backends.

* ``embedded`` — built in memory from the authoring files (read-only; the default).
* ``oxigraph`` — an on-disk pyoxigraph store per published version, under one folder, with a
  ``CURRENT`` marker file replaced atomically (:class:`OxigraphStore`).
* ``sparql`` — any SPARQL 1.1 endpoint (:class:`xborder.graph.store_sparql.SparqlStore`).

Every backend publishes a version the same way: the new graph is written *beside* the served one,
checked (triple count), and only then does one atomic step (a file rename, one SPARQL update)
move the version marker. A writer that dies half-way leaves the old version served; what it left
behind is removed by the next write. :func:`publish` validates (SHACL and the model) before it
writes anything.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import gc
import json
import os
import shutil
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from xborder.graph.errors import KnowledgeBaseError, XborderInputError
from xborder.graph.vocab import PREFIXES

if TYPE_CHECKING:
    from xborder.graph.kb import KnowledgeBase
    from xborder.graph.settings import Settings

__all__ = ["EMBEDDED_READ_ONLY", "GENID", "EmbeddedStore", "OxigraphStore", "Snapshot", "Store",
           "StoreError", "from_oxigraph", "open_store", "prepare", "publish", "to_oxigraph",
           "utc_now"]

GENID = "https://w3id.org/xborder/.well-known/genid/"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
EMBEDDED_READ_ONLY = ("the embedded store is built from the authoring files and cannot be "
                      "written; choose --store oxigraph or --store sparql")


class StoreError(KnowledgeBaseError):
    """The store cannot be reached, holds no knowledge base, or refused a write."""

    slug = "store-error"
    title = "Knowledge-base store error"


@dataclass(frozen=True)
class Snapshot:
    """One published version, read consistently: the graph and the marker that named it."""

    graph: Graph
    version: str
    published: str | None = None


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


# -- embedded ----------------------------------------------------------------------------------
class EmbeddedStore:
    """The authoring files, built in memory on every read; cannot be written."""

    kind = "embedded"

    def __init__(self, dirs: Sequence[Path] = ()) -> None:
        self.dirs = tuple(Path(d) for d in dirs)

    def version(self) -> str | None:
        return None

    def read(self) -> Snapshot:
        from xborder.graph.kb import KnowledgeBase

        kb = KnowledgeBase.load(self.dirs or None)
        return Snapshot(kb.graph, kb.version)

    def write(self, graph: Graph, version: str) -> None:
        raise StoreError(EMBEDDED_READ_ONLY)

    def describe(self) -> dict[str, Any]:
        return {"kind": self.kind, "sources": [str(d) for d in self.dirs] or ["embedded"]}


# -- oxigraph on disk --------------------------------------------------------------------------
class OxigraphStore:
    """``ROOT/versions/<version>-<n>/`` is one pyoxigraph store per published version, never
    written again once published; ``ROOT/CURRENT`` (JSON) names the served one and is replaced
    with one atomic rename. Readers open a version read-only, so any number of processes can
    serve from the folder while one writer (serialised by ``ROOT/write.lock``) publishes."""

    kind = "oxigraph"

    def __init__(self, root: Path, keep: int = 2) -> None:
        self.root = Path(root)
        self.keep = max(1, keep)

    @property
    def _marker(self) -> Path:
        return self.root / "CURRENT"

    def _current(self) -> dict[str, Any] | None:
        try:
            data: dict[str, Any] = json.loads(self._marker.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise StoreError(f"{self._marker}: unreadable version marker: {exc}") from None
        return data

    def version(self) -> str | None:
        current = self._current()
        return None if current is None else str(current["version"])

    def read(self) -> Snapshot:
        current = self._current()
        if current is None:
            raise StoreError(f"the store {self.root} holds no knowledge base yet; publish one "
                             "with `xborder load`")
        path = self.root / "versions" / current["dir"]
        try:
            store = ox.Store.read_only(str(path))
            data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        except OSError as exc:
            raise StoreError(f"{path}: cannot read version {current['version']}: {exc}") from None
        del store
        graph = from_oxigraph(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
        if len(graph) != current["triples"]:
            raise StoreError(f"{path}: holds {len(graph)} triples, the marker says "
                             f"{current['triples']}")
        return Snapshot(graph, str(current["version"]), current.get("published"))

    def write(self, graph: Graph, version: str) -> None:
        versions = self.root / "versions"
        versions.mkdir(parents=True, exist_ok=True)
        with open(self.root / "write.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            current = self._current()
            name = f"{version}-{time.time_ns()}"
            store = ox.Store(str(versions / name))
            store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
                              for t in to_oxigraph(graph))
            store.flush()
            count = len(store)
            del store
            gc.collect()  # pyoxigraph closes the store when the object goes
            if count != len(graph):
                raise StoreError(f"wrote {count} triples of {len(graph)}; version not published")
            history = [name, *(current or {}).get("history", [])][: self.keep]
            self._flip({"version": version, "dir": name, "triples": count,
                        "published": utc_now(), "history": history})
            self._collect(set(history))

    def _flip(self, marker: dict[str, Any]) -> None:
        tmp = self.root / f"CURRENT.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(marker, f, indent=1)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self._marker)
        fd = os.open(self.root, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def _collect(self, keep: set[str]) -> None:
        for path in (self.root / "versions").iterdir():
            if path.name not in keep:
                shutil.rmtree(path, ignore_errors=True)

    def describe(self) -> dict[str, Any]:
        current = self._current() or {}
        return {"kind": self.kind, "path": str(self.root), "version": current.get("version"),
                "published": current.get("published")}


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def open_store(settings: Settings) -> Store:
    """The store the settings name."""
    if settings.store == "oxigraph":
        assert settings.store_path is not None
        return OxigraphStore(settings.store_path, settings.keep_versions)
    if settings.store == "sparql":
        from xborder.graph.store_sparql import SparqlStore

        return SparqlStore.from_settings(settings)
    return EmbeddedStore(settings.kb_dirs)


# -- validation and publication ----------------------------------------------------------------
def prepare(graph: Graph, *, version: str | None = None, validate: str = "shapes",
            origin: str = "store", probe: int = 3) -> KnowledgeBase:
    """Check ``graph`` and compile it: SHACL shapes (``validate="shapes"``), then the model and
    lookup indexes, then every timeline of up to ``probe`` organisations. Raises
    :class:`~xborder.graph.errors.KnowledgeBaseError` (or what the model raised) if it is not
    fit to serve; returns the ready :class:`KnowledgeBase`."""
    from xborder.graph.kb import KnowledgeBase

    if validate == "shapes":
        from xborder.graph.shapes import validate_graph

        validate_graph(graph)
    try:
        # the marker names the content hash `xborder load` computed
        kb = KnowledgeBase(graph, origin=origin, version=version)
        codes = kb.jurisdiction_codes()
        today = dt.date.today()
        for org in sorted(kb.model.organisations.values(), key=lambda o: o.id)[:probe]:
            for svc in (None, *org.services.values()):
                for code in codes:  # compiles the whole timeline of (org, service, code)
                    with suppress(XborderInputError):  # no rule in force …: also an answer
                        kb.resolve(code, service=svc.id if svc else None, org=org.id,
                                   at=today, transfers=False)
    except KnowledgeBaseError:
        raise
    except Exception as exc:  # a graph the model cannot read: say what broke, keep serving
        raise KnowledgeBaseError(f"the graph does not compile: {type(exc).__name__}: {exc}",
                                 cause=type(exc).__name__) from exc
    return kb


def publish(store: Store, graph: Graph, *, validate: str = "shapes") -> dict[str, Any]:
    """Compile ``graph`` and check its shapes (see :func:`prepare`), then write it to ``store``
    as a new version, unless the store already serves the same content (then nothing is
    checked or written). Returns what happened."""
    version = prepare(graph, validate="model", probe=1).version
    previous = store.version()
    if previous == version:
        return {"version": version, "previous": previous, "changed": False,
                "triples": len(graph)}
    if validate == "shapes":
        from xborder.graph.shapes import validate_graph

        validate_graph(graph)
    store.write(graph, version)
    return {"version": version, "previous": previous, "changed": True, "triples": len(graph)}
