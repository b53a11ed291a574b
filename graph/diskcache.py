"""Where compiled things are kept between processes, and what they are keyed by.

Two caches live under ``$XBORDER_CACHE_DIR`` (default ``~/.cache/xborder``): the location
tables (:mod:`xborder.graph.locations.sources`) and the compiled knowledge base
(:mod:`xborder.graph.compiled`). Both are keyed by the versions of the packages they are read
from, which :func:`installed` finds without :mod:`importlib.metadata` (whose import and look-ups
cost more than a cold start can spend).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["cache_dir", "installed"]


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
