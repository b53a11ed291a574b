"""Where the knowledge-base graph is kept: the :class:`Store` protocol and its backends.

* ``embedded`` — built in memory from the authoring files (read-only; the default).
* ``oxigraph`` — an on-disk pyoxigraph store per published version, under one folder, with a
  ``CURRENT`` marker file replaced atomically (:class:`OxigraphStore`).
* ``sparql`` — any SPARQL 1.1 endpoint (:class:`xborder.graph.store.sparql.SparqlStore`).

Every backend publishes a version the same way: the new graph is written *beside* the served one,
checked (triple count), and only then does one atomic step (a file rename, one SPARQL update)
move the version marker. A writer that dies half-way leaves the old version served; what it left
behind is removed by the next write. :func:`publish` validates (SHACL and the model) before it
writes anything.
"""


from xborder.graph.store.base import (
    EMBEDDED_READ_ONLY,
    GENID,
    Snapshot,
    Store,
    StoreError,
    from_oxigraph,
    to_ntriples,
    to_oxigraph,
    utc_now,
)
from xborder.graph.store.embedded import EmbeddedStore
from xborder.graph.store.oxigraph import OxigraphStore
from xborder.graph.store.publish import open_store, prepare, prepare_snapshot, publish
from xborder.graph.store.sparql import SparqlStore

__all__ = ["EMBEDDED_READ_ONLY", "GENID", "EmbeddedStore", "OxigraphStore", "Snapshot",
           "SparqlStore", "Store", "StoreError", "from_oxigraph", "open_store", "prepare",
           "prepare_snapshot", "publish", "to_ntriples", "to_oxigraph", "utc_now"]
