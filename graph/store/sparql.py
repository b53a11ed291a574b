"""The ``sparql`` store: any SPARQL 1.1 endpoint (query + update, and the Graph Store Protocol
where the server has it) — Oxigraph server, Apache Jena Fuseki, GraphDB, Amazon Neptune.

Layout in the dataset::

    GRAPH <https://w3id.org/xborder/store/meta> {
        meta: xb:currentVersion "…" ; xb:currentGraph <…/version/V-N> ; xb:tripleCount 123 ;
              xb:publishedAt "…"^^xsd:dateTime .                       # the version marker
        <…/version/V-N> a xb:StoredVersion ; xb:version "V" ; xb:startedAt "…" ;
              xb:tripleCount 123 ; xb:publishedAt "…" .   # one per graph written (the last two
                                                          # facts once it has been published)
    }
    GRAPH <…/version/V-N> { … the knowledge base, blank nodes skolemized … }

A write registers a new graph, uploads into it (Graph Store Protocol POSTs, or ``INSERT DATA``
in chunks), checks its triple count, then moves the marker with *one* ``DELETE/INSERT/WHERE``
update — atomic on every SPARQL 1.1 store — guarded by the version it replaces, so two writers
cannot both win. Readers read the marker, then the graph it names. Old and half-written graphs
beyond the ones kept (the current one and the last published ones) are dropped after the move.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox
from rdflib import Graph

from xborder.graph.store.base import Snapshot, StoreError, from_oxigraph, to_oxigraph, utc_now
from xborder.graph.vocab import XB

if TYPE_CHECKING:
    from xborder.graph.settings import Settings

__all__ = ["META", "SparqlStore"]

META = "https://w3id.org/xborder/store/meta"
VERSION_GRAPH = "https://w3id.org/xborder/store/version/"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_PREFIX = f"PREFIX xb: <{XB}>\nPREFIX xsd: <{_XSD}>\n"
CHUNK = 50_000


def _started(row: dict[str, str]) -> tuple[str, int]:
    """Newest first: the write time, then the nanosecond stamp in the graph's name."""
    stamp = row["g"].rsplit("-", 1)[-1]
    return row["t"], int(stamp) if stamp.isdigit() else 0


def _lit(text: str) -> str:
    return json.dumps(text)  # a JSON string is a valid SPARQL string literal


class SparqlStore:
    kind = "sparql"

    def __init__(self, query: str, update: str | None = None, gsp: str | None = None, *,
                 timeout: float = 300.0, keep: int = 2) -> None:
        self.query_url, self.update_url, self.gsp_url = query, update, gsp
        self.timeout = timeout
        self.keep = max(1, keep)

    @classmethod
    def from_settings(cls, settings: Settings) -> SparqlStore:
        assert settings.sparql_query is not None
        return cls(settings.sparql_query, settings.sparql_update, settings.sparql_gsp,
                   timeout=settings.sparql_timeout, keep=settings.keep_versions)

    # -- HTTP ----------------------------------------------------------------------------------
    def _http(self, method: str, url: str, body: bytes | None = None,
              headers: dict[str, str] | None = None, *, missing_ok: bool = False) -> bytes:
        request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                data: bytes = response.read()
                return data
        except urllib.error.HTTPError as exc:
            if missing_ok and exc.code == 404:
                return b""
            detail = exc.read()[:300].decode("utf-8", "replace").strip()
            raise StoreError(f"{method} {url}: HTTP {exc.code}: {detail}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise StoreError(f"cannot reach the SPARQL store at {url}: {reason}") from None

    def _select(self, query: str) -> list[dict[str, str]]:
        data = self._http("POST", self.query_url, (_PREFIX + query).encode(),
                          {"Content-Type": "application/sparql-query",
                           "Accept": "application/sparql-results+json"})
        try:
            rows = json.loads(data)["results"]["bindings"]
        except (ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"{self.query_url}: not SPARQL JSON results: {exc}") from None
        return [{k: v["value"] for k, v in row.items()} for row in rows]

    def _update(self, update: str) -> None:
        if not self.update_url:
            raise StoreError("writing needs a SPARQL update endpoint (XBORDER_SPARQL_UPDATE or "
                             "--sparql-url)")
        self._http("POST", self.update_url, (_PREFIX + update).encode(),
                   {"Content-Type": "application/sparql-update"})

    # -- reading -------------------------------------------------------------------------------
    def _marker(self) -> dict[str, str] | None:
        rows = self._select(
            f"SELECT ?v ?g ?n ?t WHERE {{ GRAPH <{META}> {{ <{META}> xb:currentVersion ?v ; "
            f"xb:currentGraph ?g ; xb:tripleCount ?n . OPTIONAL {{ <{META}> xb:publishedAt ?t "
            "} } }")
        if not rows:
            return None
        if len(rows) > 1:
            raise StoreError(f"the version marker in <{META}> is ambiguous ({len(rows)} rows)")
        return rows[0]

    def version(self) -> str | None:
        marker = self._marker()
        return None if marker is None else marker["v"]

    def read(self) -> Snapshot:
        marker = self._marker()
        if marker is None:
            raise StoreError(f"the SPARQL store at {self.query_url} holds no knowledge base yet; "
                             "publish one with `xborder load`")
        data = self._graph_bytes(marker["g"])
        try:
            graph = from_oxigraph(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
        except SyntaxError as exc:
            raise StoreError(f"<{marker['g']}>: unreadable N-Triples: {exc}") from None
        if len(graph) != int(marker["n"]):
            raise StoreError(f"<{marker['g']}> holds {len(graph)} triples, the marker says "
                             f"{marker['n']}")
        return Snapshot(graph, marker["v"], marker.get("t"))

    def _graph_bytes(self, name: str) -> bytes:
        accept = {"Accept": "application/n-triples"}
        if self.gsp_url:
            url = f"{self.gsp_url}?{urllib.parse.urlencode({'graph': name})}"
            return self._http("GET", url, headers=accept, missing_ok=True)
        query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"
        return self._http("POST", self.query_url, query.encode(),
                          {"Content-Type": "application/sparql-query", **accept})

    # -- writing -------------------------------------------------------------------------------
    def write(self, graph: Graph, version: str, *, model: bytes | None = None,
              ntriples: bytes | None = None) -> None:
        previous = self._marker()
        name = f"{VERSION_GRAPH}{version}-{time.time_ns()}"
        self._update(f"INSERT DATA {{ GRAPH <{META}> {{ <{name}> a xb:StoredVersion ; "
                     f"xb:version {_lit(version)} ; xb:startedAt "
                     f"{_lit(utc_now())}^^xsd:dateTime }} }}")
        self._upload(graph, name)
        count = int(self._select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{name}> "
                                 "{ ?s ?p ?o } }")[0]["n"])
        if count != len(graph):
            raise StoreError(f"<{name}> holds {count} triples of {len(graph)}; not published")
        self._flip(name, version, count, previous["g"] if previous else None)
        self._collect()

    def _upload(self, graph: Graph, name: str) -> None:
        triples = to_oxigraph(graph, skolemize=True)
        while True:
            chunk = [t for _, t in zip(range(CHUNK), triples, strict=False)]
            if not chunk:
                return
            body = ox.serialize(chunk, format=ox.RdfFormat.N_TRIPLES)
            assert body is not None
            if self.gsp_url:
                url = f"{self.gsp_url}?{urllib.parse.urlencode({'graph': name})}"
                self._http("POST", url, body, {"Content-Type": "application/n-triples"})
            else:
                self._update(f"INSERT DATA {{ GRAPH <{name}> {{\n{body.decode()}\n}} }}")

    def _flip(self, name: str, version: str, count: int, expected: str | None) -> None:
        guard = (f"FILTER(BOUND(?cur) && ?cur = <{expected}>)" if expected
                 else "FILTER(!BOUND(?cur))")
        now = f"{_lit(utc_now())}^^xsd:dateTime"
        self._update(
            f"DELETE {{ GRAPH <{META}> {{ <{META}> ?p ?o }} }}\n"
            f"INSERT {{ GRAPH <{META}> {{ <{META}> xb:currentVersion {_lit(version)} ; "
            f"xb:currentGraph <{name}> ; xb:tripleCount {count} ; xb:publishedAt {now} .\n"
            f"  <{name}> xb:tripleCount {count} ; xb:publishedAt {now} }} }}\n"
            f"WHERE {{ OPTIONAL {{ GRAPH <{META}> {{ <{META}> xb:currentGraph ?cur }} }}\n"
            f"  OPTIONAL {{ GRAPH <{META}> {{ <{META}> ?p ?o }} }}\n  {guard} }}")
        marker = self._marker()
        if marker is None or marker["g"] != name:
            raise StoreError("another writer published a version meanwhile "
                             f"({marker['v'] if marker else 'none'}); not published")

    def _collect(self) -> None:
        marker = self._marker()
        rows = self._select(f"SELECT ?g ?t ?p WHERE {{ GRAPH <{META}> {{ ?g a xb:StoredVersion ; "
                            "xb:startedAt ?t . OPTIONAL { ?g xb:publishedAt ?p } } }")
        current = marker["g"] if marker else None
        done = sorted((r for r in rows if "p" in r and r["g"] != current),
                      key=_started, reverse=True)
        keep = {current} | {r["g"] for r in done[: self.keep - 1]}
        for row in rows:
            if row["g"] not in keep:
                self._update(f"DROP SILENT GRAPH <{row['g']}> ;\n"
                             f"DELETE WHERE {{ GRAPH <{META}> {{ <{row['g']}> ?p ?o }} }}")

    def describe(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "query": self.query_url,
                               "update": self.update_url, "gsp": self.gsp_url}
        try:
            marker = self._marker()
        except StoreError as exc:
            return {**out, "error": exc.detail}
        if marker:
            out.update(version=marker["v"], graph=marker["g"], published=marker.get("t"))
        return out
