"""Where compiled things are kept between processes, and what they are keyed by.

Two caches live under ``$XBORDER_CACHE_DIR`` (default ``~/.cache/xborder``): the location
tables (:mod:`xborder.graph.locations.sources`) and the compiled knowledge base
(:mod:`xborder.graph.compiled`). Both are keyed by the versions of the packages they are read
from, which :func:`installed` finds without :mod:`importlib.metadata` (whose import and look-ups
cost more than a cold start can spend).
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = ["cache_dir", "gc_paused", "installed", "read_pickle", "write_pickle"]


def cache_dir() -> Path:
    return Path(os.environ.get("XBORDER_CACHE_DIR") or Path.home() / ".cache" / "xborder")


def installed(names: tuple[str, ...]) -> list[str]:
    """The installed distributions of ``names`` as their ``.dist-info`` (or ``.egg-info``)
    folder names on ``sys.path`` — ``name-version.dist-info`` —, sorted; an absent package is
    ``name-absent``."""
    wanted = {n.lower().replace("-", "_"): n for n in names}
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            listing = os.listdir(entry or ".")
        except OSError:
            continue
        for item in listing:
            if not item.endswith((".dist-info", ".egg-info")):
                continue
            name = item.split("-", 1)[0].lower().replace("-", "_")
            if name in wanted and wanted[name] not in found:
                found[wanted[name]] = item
    return sorted(found.get(n, f"{n}-absent") for n in names)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside: for reading or building a model or a table, whose
    many objects live as long as it does (each collection would walk them all for nothing)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def read_pickle(path: Path) -> Any | None:
    """What an earlier process pickled at ``path``, or None when it is absent or unreadable
    (a broken entry is simply rebuilt). The collector is off while the many small objects of a
    table or a model are read."""
    try:
        with path.open("rb") as stream, gc_paused():
            return pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError,
            ValueError):
        return None


def write_pickle(path: Path, value: Any, *, keep: int) -> None:
    """Pickle ``value`` to ``path`` through a temporary file and a rename (a reader never sees
    half an entry), then keep the ``keep`` newest entries of its kind — the files beside it
    named like it up to the last ``-``. A cache that cannot be written is simply not kept."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=".tmp-",
                                         delete=False) as out:
            temporary = out.name
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        temporary = None
        kind = path.name.rsplit("-", 1)[0]
        old = sorted(path.parent.glob(f"{kind}-*{path.suffix}"), key=lambda p: -p.stat().st_mtime)
        for stale in old[keep:]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
