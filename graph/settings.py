"""Where the knowledge base lives and how a running process follows it: one frozen
:class:`Settings` object, read from the environment and overridden by command-line options.

=============================  ==========================  =====================================
environment variable           CLI option                  meaning
=============================  ==========================  =====================================
``XBORDER_STORE``              ``--store``                 ``embedded`` (default), ``oxigraph``
                                                           or ``sparql``
``XBORDER_STORE_PATH``         ``--store-path``            folder of the ``oxigraph`` store
``XBORDER_SPARQL_URL``         ``--sparql-url``            base URL of a server laid out like
                                                           Oxigraph's (``/query``, ``/update``,
                                                           ``/store``)
``XBORDER_SPARQL_QUERY``                                   SPARQL 1.1 query endpoint
``XBORDER_SPARQL_UPDATE``                                  SPARQL 1.1 update endpoint (needed
                                                           to write)
``XBORDER_SPARQL_GSP``                                     Graph Store Protocol endpoint
                                                           (optional; faster reads and writes)
``XBORDER_SPARQL_TIMEOUT``                                 seconds per HTTP request (300)
``XBORDER_RELOAD_SECONDS``                                 how often a server polls the store's
                                                           version marker (5; 0 = never)
``XBORDER_RELOAD_VALIDATE``                                ``shapes`` (SHACL, default) or
                                                           ``model`` before a new version is
                                                           served
``XBORDER_KEEP_VERSIONS``                                  versions kept in the store (2)
=============================  ==========================  =====================================

Explicit endpoints win over the ones derived from ``XBORDER_SPARQL_URL``. See
``docs/storage.md``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from xborder.graph.errors import XborderInputError

__all__ = ["STORES", "Settings"]

STORES = ("embedded", "oxigraph", "sparql")
VALIDATE_MODES = ("shapes", "model")
_ENDPOINTS = ("sparql_query", "sparql_update", "sparql_gsp")


def _float(env: Mapping[str, str], key: str, default: float) -> float:
    raw = env.get(key, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise XborderInputError(f"{key} must be a number of seconds, not {raw!r}") from None
    if value < 0:
        raise XborderInputError(f"{key} must not be negative")
    return value


def _opt(env: Mapping[str, str], key: str) -> str | None:
    value = env.get(key, "").strip()
    return value or None


@dataclass(frozen=True)
class Settings:
    """Storage and reload settings; build with :meth:`from_env` and check with :meth:`checked`."""

    store: str = "embedded"
    kb_dirs: tuple[Path, ...] = ()
    store_path: Path | None = None
    sparql_query: str | None = None
    sparql_update: str | None = None
    sparql_gsp: str | None = None
    sparql_timeout: float = 300.0
    reload_seconds: float = 5.0
    reload_validate: str = "shapes"
    keep_versions: int = 2

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from ``env`` (default: ``os.environ``); ``overrides`` that are not None
        (command-line options) win. ``sparql_url`` is accepted as an override too."""
        env = os.environ if env is None else env
        given = {k: v for k, v in overrides.items() if v is not None}
        cli_url = given.pop("sparql_url", None)
        base = cli_url or _opt(env, "XBORDER_SPARQL_URL")
        derived: dict[str, str | None] = dict.fromkeys(_ENDPOINTS)
        if base:
            root = base.rstrip("/")
            derived = {"sparql_query": f"{root}/query", "sparql_update": f"{root}/update",
                       "sparql_gsp": f"{root}/store"}
        path = _opt(env, "XBORDER_STORE_PATH")
        keep = _opt(env, "XBORDER_KEEP_VERSIONS") or "2"
        if not keep.isdigit() or int(keep) < 1:
            raise XborderInputError(f"XBORDER_KEEP_VERSIONS must be a whole number >= 1, "
                                    f"not {keep!r}")
        values: dict[str, Any] = {
            "store": (_opt(env, "XBORDER_STORE") or "embedded").lower(),
            "store_path": Path(path) if path else None,
            "sparql_timeout": _float(env, "XBORDER_SPARQL_TIMEOUT", 300.0),
            "reload_seconds": _float(env, "XBORDER_RELOAD_SECONDS", 5.0),
            "reload_validate": (_opt(env, "XBORDER_RELOAD_VALIDATE") or "shapes").lower(),
            "keep_versions": int(keep),
        }
        for key in _ENDPOINTS:  # a --sparql-url option beats endpoints from the environment
            explicit = None if cli_url else _opt(env, "XBORDER_" + key.upper())
            values[key] = explicit or derived[key]
        if "store_path" in given:
            given["store_path"] = Path(given["store_path"])
        if "kb_dirs" in given:
            given["kb_dirs"] = tuple(Path(p) for p in given["kb_dirs"])
        values.update(given)
        return cls(**values).checked()

    def checked(self) -> Settings:
        """Raise :class:`XborderInputError` for a store that cannot be used as configured."""
        if self.store not in STORES:
            raise XborderInputError(f"unknown store {self.store!r}; use one of "
                                    f"{', '.join(STORES)}",
                                    candidates=[{"id": s} for s in STORES])
        if self.reload_validate not in VALIDATE_MODES:
            raise XborderInputError(f"XBORDER_RELOAD_VALIDATE must be one of "
                                    f"{', '.join(VALIDATE_MODES)}")
        if self.store == "oxigraph" and self.store_path is None:
            raise XborderInputError("the oxigraph store needs a folder: --store-path DIR or "
                                    "XBORDER_STORE_PATH")
        if self.store == "sparql" and not self.sparql_query:
            raise XborderInputError(
                "the sparql store needs endpoints: --sparql-url URL (Oxigraph layout) or "
                "XBORDER_SPARQL_QUERY (reads), XBORDER_SPARQL_UPDATE (writes) and optionally "
                "XBORDER_SPARQL_GSP")
        return self

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes).checked()

    def describe(self) -> dict[str, Any]:
        """What a status page may show (endpoints and paths, nothing else)."""
        out: dict[str, Any] = {"kind": self.store}
        if self.store == "oxigraph":
            out["path"] = str(self.store_path)
        elif self.store == "sparql":
            out.update(query=self.sparql_query, update=self.sparql_update, gsp=self.sparql_gsp)
        else:
            out["sources"] = [str(p) for p in self.kb_dirs] or ["embedded"]
        return out
