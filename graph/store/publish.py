"""Opening the store the settings name, and publication: validate, compile, then write."""
from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from rdflib import Graph

from xborder.graph.digest import graph_digest
from xborder.graph.errors import KnowledgeBaseError, ValidationFailed, XborderInputError
from xborder.graph.store.base import (
    Snapshot,
    Store,
    to_ntriples,
)
from xborder.graph.store.embedded import EmbeddedStore
from xborder.graph.store.oxigraph import OxigraphStore
from xborder.graph.store.sparql import SparqlStore

if TYPE_CHECKING:
    from xborder.graph.kb import KnowledgeBase
    from xborder.graph.law import LawModel
    from xborder.graph.model import Model
    from xborder.graph.settings import Settings

__all__ = ["open_store", "prepare", "prepare_snapshot", "publish"]

def open_store(settings: Settings) -> Store:
    """The store the settings name."""
    if settings.store == "oxigraph":
        assert settings.store_path is not None
        return OxigraphStore(settings.store_path, settings.keep_versions)
    if settings.store == "sparql":
        return SparqlStore.from_settings(settings)
    return EmbeddedStore(settings.kb_dirs)


def _probe(kb: KnowledgeBase, probe: int) -> None:
    """Compile every timeline of up to ``probe`` organisations (a graph that reads but does not
    compile fails here, before it is served)."""
    codes = kb.jurisdiction_codes()
    today = dt.date.today()
    for org in sorted(kb.model.organisations.values(), key=lambda o: o.id)[:probe]:
        for svc in (None, *org.services.values()):
            for code in codes:  # compiles the whole timeline of (org, service, code)
                with suppress(XborderInputError):  # no rule in force …: also an answer
                    kb.resolve(code, service=svc.id if svc else None, org=org.id,
                               at=today, transfers=False)


def _compiling(build: Callable[[], KnowledgeBase], probe: int) -> KnowledgeBase:
    try:
        kb = build()
        _probe(kb, probe)
    except KnowledgeBaseError:
        raise
    except Exception as exc:  # a graph the model cannot read: say what broke, keep serving
        raise KnowledgeBaseError(f"the graph does not compile: {type(exc).__name__}: {exc}",
                                 cause=type(exc).__name__) from exc
    return kb


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
    # the marker names the content hash `xborder load` computed
    return _compiling(lambda: KnowledgeBase(graph, origin=origin, version=version), probe)


def _check(data: bytes, answer: Any) -> None:
    """In a forked process: the SHACL check of ``data``; sends None, or what failed."""
    from xborder.graph.shapes import validate_graph

    try:
        validate_graph(data, count=False)
        answer.send(None)
    except ValidationFailed as exc:
        answer.send(("failed", exc.detail, exc.violations))
    except Exception as exc:  # anything else: say what, in the parent
        answer.send(("error", f"{type(exc).__name__}: {exc}", []))
    finally:
        answer.close()


def _checking_beside(data: bytes) -> Callable[[], None]:
    """Start the SHACL check of ``data`` in a forked process, so that it runs on the other core
    while this one compiles; returns the wait, which raises what the check found."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_check, args=(data, send), daemon=True)
    process.start()
    send.close()

    def wait() -> None:
        try:
            result = receive.recv()
        except EOFError:
            result = ("error", f"the SHACL check ended without an answer "
                               f"(exit {process.exitcode})", [])
        finally:
            receive.close()
            process.join()
        if result is None:
            return
        kind, detail, found = result
        if kind == "failed":
            raise ValidationFailed(detail, found)
        raise KnowledgeBaseError(f"the SHACL check failed: {detail}")

    return wait


def prepare_snapshot(snapshot: Snapshot, *, validate: str = "shapes", origin: str = "store",
                     probe: int = 3, beside: bool = False) -> KnowledgeBase:
    """:func:`prepare` for a version read from a store, holding no rdflib graph when it is done:
    a snapshot read as N-Triples is checked against the SHACL shapes as N-Triples (the default
    ``oxigraph`` engine) and has its model read straight from them by the lean reader
    (:mod:`~xborder.graph.store.reader`); either way the served knowledge base keeps the
    version's N-Triples (compressed) and parses a graph from them only for a face that asks for
    one (export as Turtle or JSON-LD).

    ``beside``: run the SHACL check in a forked process while this one compiles (for a process
    with no other threads, as the live reloader's child is); the result is the same.

    A version published with its compiled model's document (:func:`publish` writes one) has
    its model read from that document instead of from the triples — unless the document is of
    another version or other model code (:class:`~xborder.graph.store.modeldoc.Unreadable`);
    the SHACL check still reads the triples. Otherwise a version this machine compiled (and, for
    ``validate="shapes"``, checked) before — the same N-Triples, the same code — is read back
    from the compiled-model cache (:func:`xborder.graph.compiled.key_of_ntriples`): a
    replica's restart. N-Triples this machine checked against the shapes before, with the same
    code, are not checked again (:func:`xborder.graph.compiled.checked`)."""
    from dataclasses import replace

    from xborder.graph import compiled as cache
    from xborder.graph.compiled import Compiled
    from xborder.graph.diskcache import gc_paused
    from xborder.graph.kb import KnowledgeBase
    from xborder.graph.shapes import default_engine, validate_graph
    from xborder.graph.store.reader import read_models_nt

    if snapshot.ntriples is None or (validate == "shapes" and default_engine() != "oxigraph"):
        kb = prepare(snapshot.graph, version=snapshot.version, validate=validate,
                     origin=origin, probe=probe)
        kb.release_graph(snapshot.ntriples)
        return kb
    data = snapshot.ntriples
    key = cache.key_of_ntriples(data)
    published = _published_model(snapshot)  # a version's own model, if this code reads it
    found = None if published is not None else cache.load(key, validated=validate == "shapes")
    if found is not None:
        known = replace(found, version=snapshot.version)
        return _compiling(lambda: KnowledgeBase(compiled=known, origin=origin, ntriples=data),
                          probe)
    check = validate == "shapes" and not cache.checked(key)  # these bytes passed here before
    wait: Callable[[], None] | None = None
    if check:
        if beside and hasattr(os, "fork") and threading.active_count() == 1:
            wait = _checking_beside(data)  # forking a process with threads is not safe
        else:
            validate_graph(data, count=False)

    built: list[Compiled] = []

    def lean() -> KnowledgeBase:
        with gc_paused():
            model, law, triples = published or read_models_nt(data)
            built.append(Compiled(model, law, snapshot.version, triples, validate == "shapes"))
            return KnowledgeBase(compiled=built[0], origin=origin, ntriples=data)

    try:
        kb = _compiling(lean, probe)
    finally:
        if wait is not None:
            wait()  # a graph that breaks the shapes is refused even when it compiled
    if check:
        cache.remember_checked(key)
    if published is None:  # (a published model is read back from its document as fast)
        cache.save(key, built[0])  # compiled, probed and (if asked) checked: fit to read back
    return kb


def _published_model(snapshot: Snapshot) -> tuple[Model, LawModel, int] | None:
    """The model the publisher compiled, from the document beside the version, if it has one
    this code reads."""
    if snapshot.model is None:
        return None
    from xborder.graph.store import modeldoc

    try:
        return modeldoc.load(snapshot.model, version=snapshot.version)
    except modeldoc.Unreadable:
        return None  # another version or other model code: the triples are read instead


def publish(store: Store, graph: Graph, *, validate: str = "shapes") -> dict[str, Any]:
    """Compile ``graph`` and check its shapes (see :func:`prepare`), then write it to ``store``
    as a new version, with the document of the model it compiled to
    (:mod:`~xborder.graph.store.modeldoc`) for replicas to read, unless the store already
    serves the same content (then nothing is checked or written). Returns what happened."""
    version = graph_digest(graph)
    previous = store.version()
    if previous == version:
        return {"version": version, "previous": previous, "changed": False,
                "triples": len(graph)}
    kb = prepare(graph, version=version, validate="model", probe=1)
    from xborder.graph.store import modeldoc

    document = modeldoc.dump(kb.model, kb.law, version=version, triples=len(graph))
    data = to_ntriples(graph)  # made once: checked here, loaded by the store
    if validate == "shapes":
        from xborder.graph.shapes import validate_graph

        validate_graph(data)
    store.write(graph, version, model=document, ntriples=data)
    return {"version": version, "previous": previous, "changed": True, "triples": len(graph)}
