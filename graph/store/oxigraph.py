"""The ``oxigraph`` store: one on-disk pyoxigraph store per published version."""
from __future__ import annotations

import fcntl
import gc
import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from xborder.graph.store.base import (
    Snapshot,
    StoreError,
    to_ntriples,
    utc_now,
)

__all__ = ["OxigraphStore"]

_MODEL = ".model.json"  # the compiled model's document, beside a version

class OxigraphStore:
    """``ROOT/versions/<version>-<n>/`` is one pyoxigraph store per published version, never
    written again once published, with its N-Triples beside it (``<version>-<n>.nt``: what a
    replica reads, in a tenth of the time a dump of the store takes) and, when the publisher
    gives it, the document of its compiled model (``<version>-<n>.model.json``,
    :mod:`~xborder.graph.store.modeldoc`: what a replica reads instead of the model from the
    triples); ``ROOT/CURRENT`` (JSON) names the served one and is replaced with one atomic
    rename, after all are written.
    Readers open a version read-only, so any number of processes can serve from the folder
    while one writer (serialised by ``ROOT/write.lock``) publishes. A version written before
    the N-Triples were kept is read by dumping its store."""

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
            if current.get("ntriples"):
                path = self.root / "versions" / current["ntriples"]
                data = path.read_bytes()
            else:
                store = ox.Store.read_only(str(path))
                data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
                del store
            count = data.count(b"\n")  # one triple a line (cheaper than counting the store)
            model = None
            if current.get("model"):
                path = self.root / "versions" / current["model"]
                model = path.read_bytes()
        except OSError as exc:
            raise StoreError(f"{path}: cannot read version {current['version']}: {exc}") from None
        if count != current["triples"]:
            raise StoreError(f"{path}: holds {count} triples, the marker says "
                             f"{current['triples']}")
        return Snapshot(None, str(current["version"]), current.get("published"), ntriples=data,
                        model=model)

    def write(self, graph: Graph, version: str, *, model: bytes | None = None,
              ntriples: bytes | None = None) -> None:
        versions = self.root / "versions"
        versions.mkdir(parents=True, exist_ok=True)
        with open(self.root / "write.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            current = self._current()
            name = f"{version}-{time.time_ns()}"
            store = ox.Store(str(versions / name))
            store.bulk_load(ntriples if ntriples is not None else to_ntriples(graph),
                            format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
            store.flush()
            count = len(store)
            dumped = versions / f"{name}.nt"
            store.dump(str(dumped), format=ox.RdfFormat.N_TRIPLES,
                       from_graph=ox.DefaultGraph())
            del store
            gc.collect()  # pyoxigraph closes the store when the object goes
            if count != len(graph):
                raise StoreError(f"wrote {count} triples of {len(graph)}; version not published")
            marker: dict[str, Any] = {"version": version, "dir": name, "ntriples": dumped.name,
                                      "triples": count, "published": utc_now()}
            if model is not None:
                document = versions / f"{name}{_MODEL}"
                document.write_bytes(model)
                marker["model"] = document.name
            marker["history"] = [name, *(current or {}).get("history", [])][: self.keep]
            self._flip(marker)
            self._collect(set(marker["history"]))

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
            if path.name.removesuffix(".nt").removesuffix(_MODEL) not in keep:
                if path.is_dir():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink(missing_ok=True)

    def describe(self) -> dict[str, Any]:
        current = self._current() or {}
        return {"kind": self.kind, "path": str(self.root), "version": current.get("version"),
                "published": current.get("published")}
