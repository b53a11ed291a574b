"""The faces of the storage backends: the ``--store`` options and ``xborder load`` for the CLI,
and :func:`attach_live` / :func:`serve_live` for an HTTP server that follows its store.

Wired into :mod:`xborder.api.cli` by three small insertions: :func:`add_arguments` in the parser,
:func:`store_kb` at the top of ``_kb`` (every command can read from a store), and
:func:`serve_live` at the top of ``cmd_serve`` (a non-embedded store is served live).
"""

from __future__ import annotations

import argparse
import atexit
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI
    from rdflib import Graph

    from xborder.graph.kb import KnowledgeBase
    from xborder.graph.live import LiveKnowledgeBase
    from xborder.graph.settings import Settings

__all__ = ["add_arguments", "attach_live", "cmd_load", "live_app", "read_sources", "serve_live",
           "settings_of", "store_kb"]

RDF_SUFFIXES = (".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf", ".owl", ".n3")


def add_arguments(parser: argparse.ArgumentParser,
                  sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The global ``--store`` options and the ``load`` command."""
    parser.add_argument("--store", choices=["embedded", "oxigraph", "sparql"],
                        help="where the knowledge base lives (default: $XBORDER_STORE or "
                             "embedded; see docs/storage.md)")
    parser.add_argument("--store-path", metavar="DIR",
                        help="folder of the oxigraph store ($XBORDER_STORE_PATH)")
    parser.add_argument("--sparql-url", metavar="URL",
                        help="base URL of a SPARQL server with /query, /update and /store, like "
                             "Oxigraph's ($XBORDER_SPARQL_URL; other layouts: docs/storage.md)")
    p = sub.add_parser("load", help="validate a knowledge base and publish it to the store")
    p.add_argument("sources", nargs="*", metavar="SOURCE",
                   help="authoring folders or YAML files, or RDF files (.ttl, .nt, .jsonld …); "
                        "default: the --kb folders or the embedded knowledge base")
    p.set_defaults(func=cmd_load)


def settings_of(args: argparse.Namespace) -> Settings:
    from xborder.graph.settings import Settings

    return Settings.from_env(store=getattr(args, "store", None),
                             store_path=getattr(args, "store_path", None),
                             sparql_url=getattr(args, "sparql_url", None),
                             kb_dirs=getattr(args, "kb", None))


def store_kb(args: argparse.Namespace) -> KnowledgeBase | None:
    """The knowledge base the configured store serves now, or None for the embedded one."""
    settings = settings_of(args)
    if settings.store == "embedded":
        return None
    from xborder.graph.store import open_store, prepare_snapshot

    snapshot = open_store(settings).read()
    return prepare_snapshot(snapshot, validate="model", origin=f"{settings.store} store",
                            probe=0)


def read_sources(sources: Sequence[str | Path]) -> Graph:
    """One graph from authoring folders/YAML files (built and checked) and RDF files."""
    import pyoxigraph as ox

    from xborder.graph.build import build_graph
    from xborder.graph.errors import SourceError
    from xborder.graph.store import from_oxigraph

    paths = [Path(s) for s in sources]
    rdf = [p for p in paths if p.suffix.lower() in RDF_SUFFIXES]
    authoring = [p for p in paths if p not in rdf]
    graph = None
    if authoring:
        graph = build_graph(authoring)
    elif not rdf:
        graph = build_graph()  # the embedded knowledge base
    for path in rdf:
        try:
            parsed = from_oxigraph(ox.parse(path=str(path)))
        except FileNotFoundError:
            raise SourceError("no such file or folder", str(path)) from None
        except (SyntaxError, ValueError, OSError) as exc:
            raise SourceError(f"not valid RDF: {exc}", str(path)) from None
        if graph is None:
            graph = parsed
        else:
            graph += parsed
    assert graph is not None
    return graph


def cmd_load(args: argparse.Namespace) -> int:
    from xborder.graph.store import EMBEDDED_READ_ONLY, StoreError, open_store, publish

    settings = settings_of(args)
    store = open_store(settings)
    if settings.store == "embedded":  # say so before building anything
        raise StoreError(EMBEDDED_READ_ONLY)
    from xborder.api.text import Progress

    step = Progress()
    step("reading the sources")
    graph = read_sources(args.sources or args.kb or [])
    step(f"validating, compiling and publishing {len(graph)} triples")
    done = publish(store, graph)
    step.done()
    where = settings.describe()
    place = where.get("path") or where.get("query") or "embedded"
    if done["changed"]:
        print(f"published {done['version']} ({done['triples']} triples) to the "
              f"{settings.store} store at {place}; it replaces {done['previous'] or 'nothing'}")
    else:
        print(f"the {settings.store} store at {place} already serves {done['version']} "
              f"({done['triples']} triples); nothing written")
    return 0


def attach_live(app: FastAPI, live: LiveKnowledgeBase,
                store_info: dict[str, Any] | None = None) -> None:
    """Serve ``live``'s knowledge base on ``app``: ``app.state.kb`` follows every swap, and
    ``/readyz`` also reports the store, the served version and why a newer one was rejected."""
    app.state.kb = live.kb
    app.state.live = live
    live.add_listener(lambda kb: setattr(app.state, "kb", kb))
    kind = (store_info or {}).get("kind", live.store.kind)
    app.router.routes[:] = [r for r in app.router.routes
                            if getattr(r, "path", None) != "/readyz"]

    @app.get("/readyz", tags=["service"])
    async def readyz() -> dict[str, Any]:
        kb = app.state.kb
        return {"status": "ready", **kb.describe(), "store": public_status(kind, live.status())}


PUBLIC_STATUS = ("version", "reload_seconds", "validate", "reload", "loaded_at", "checked_at",
                 "reloads")


def public_status(kind: str, status: dict[str, Any]) -> dict[str, Any]:
    """What ``/readyz`` may show of the store: its kind, the served version and why a newer
    version was rejected (a fact about the public knowledge base) — never the store's
    addresses, paths or connection errors (those go to the server log)."""
    out: dict[str, Any] = {"kind": kind, **{k: status.get(k) for k in PUBLIC_STATUS}}
    rejected, unreachable = status.get("rejected"), status.get("store_error")
    out["rejected"] = None if not rejected else {
        k: rejected.get(k) for k in ("version", "kind", "reason", "at")}
    out["store_error"] = None if not unreachable else {
        "kind": unreachable.get("kind"), "at": unreachable.get("at")}
    return out


def live_app(args: argparse.Namespace) -> FastAPI | None:
    """The app for a non-embedded store (None: the store is embedded): load and validate the
    current version, serve it, and follow the store (the poller stops when the app does)."""
    settings = settings_of(args)
    if settings.store == "embedded":
        return None
    from xborder.api.http import create_app
    from xborder.graph.live import LiveKnowledgeBase
    from xborder.graph.store import open_store

    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    live = LiveKnowledgeBase(open_store(settings), interval=settings.reload_seconds,
                             validate=settings.reload_validate)
    live.load()
    app = create_app(live.kb)
    attach_live(app, live, settings.describe())
    live.start()
    atexit.register(live.stop)
    return app


def serve_live(args: argparse.Namespace) -> int | None:
    """``xborder serve`` for a non-embedded store (None: the store is embedded, serve as usual):
    load and validate the current version, serve it, and follow the store."""
    if settings_of(args).store == "embedded":
        return None
    from xborder.api.serve import run

    if max(1, getattr(args, "workers", 1)) > 1 or getattr(args, "server", "uvicorn") != "uvicorn":
        return run(args)  # each worker loads and follows the store itself
    app = live_app(args)
    assert app is not None
    try:
        return run(args, app)
    finally:
        app.state.live.stop()
