"""The ``embedded`` store: the authoring files, built in memory (read-only)."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Graph

from xborder.graph.store.base import (
    EMBEDDED_READ_ONLY,
    Snapshot,
    StoreError,
)

if TYPE_CHECKING:
    pass

__all__ = ["EmbeddedStore"]

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

    def write(self, graph: Graph, version: str, *, model: bytes | None = None,
              ntriples: bytes | None = None) -> None:
        raise StoreError(EMBEDDED_READ_ONLY)

    def describe(self) -> dict[str, Any]:
        return {"kind": self.kind, "sources": [str(d) for d in self.dirs] or ["embedded"]}
