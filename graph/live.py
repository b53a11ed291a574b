"""Serving a knowledge base that changes: :class:`LiveKnowledgeBase` follows a store's version
marker and swaps in each new version without downtime.

A background thread polls :meth:`Store.version` every ``interval`` seconds. When the marker moves,
the new version is read, validated and compiled *in a separate process* (:func:`_build`, around
:func:`xborder.graph.store.prepare_snapshot`, in a child ``python``): the serving process only
receives the finished :class:`KnowledgeBase` (its model, without an rdflib graph), so answers go on
at full speed while SHACL and the compiler run. Only a ready :class:`KnowledgeBase` replaces the
current one, by assigning one reference, so a request sees either the old version or the new one,
never a half-built state. A version that fails is not served: the old one stays, the reason is
logged and kept for ``/readyz`` (:meth:`status`), and that version is not tried again until the
marker moves on. Failures to reach the store are retried at the next poll.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import io
import logging
import os
import pickle
import subprocess
import sys
import threading
import time
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from xborder.graph.errors import KnowledgeBaseError, XborderError
from xborder.graph.store import Store, StoreError, prepare_snapshot

if TYPE_CHECKING:
    from xborder.graph.kb import KnowledgeBase

__all__ = ["BuildFailed", "LiveKnowledgeBase"]

log = logging.getLogger("xborder.live")

Listener = Callable[["KnowledgeBase"], None]


def _stamp() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


_LOCK, _RLOCK = type(threading.Lock()), type(threading.RLock())


class _Pickler(pickle.Pickler):
    """Pickles a compiled :class:`KnowledgeBase`: its locks are sent as new, unlocked locks."""

    def reducer_override(self, obj: Any) -> Any:
        kind = type(obj)
        if kind is _LOCK:
            return threading.Lock, ()
        if kind is _RLOCK:
            return threading.RLock, ()
        return NotImplemented


_HERE = object()  # "build it in this process"


class BuildFailed(XborderError):
    """A version the child process could not read or compile, as the child reported it."""

    def __init__(self, slug: str, detail: str, *, loud: bool) -> None:
        super().__init__(detail)
        self.slug = slug
        self.loud = loud  # not just "the store did not answer": log it


def _failure(exc: BaseException) -> tuple[str, str, bool]:
    if isinstance(exc, XborderError):
        return exc.slug, exc.detail, isinstance(exc, KnowledgeBaseError)
    return "internal", f"{type(exc).__name__}: {exc}", True


def _build(store: Store, serving: str | None, validate: str, probe: int
           ) -> tuple[str, str | None, tuple[str, str, bool] | None, bytes]:
    """In the child process: read the store's version, validate and compile it; returns
    ``(status, version, failure, pickled (kb, published))``."""
    try:
        snapshot = store.read()
    except Exception as exc:
        return "store-error", None, _failure(exc), b""
    if serving is not None and snapshot.version == serving:
        return "same", snapshot.version, None, b""
    try:
        kb = prepare_snapshot(snapshot, validate=validate, origin=f"{store.kind} store",
                              probe=probe, beside=True)  # this process has no other thread
    except Exception as exc:
        return "rejected", snapshot.version, _failure(exc), b""
    out = io.BytesIO()
    _Pickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump((kb, snapshot.published))
    return "ok", snapshot.version, None, out.getvalue()


def _child() -> None:
    """The child's entry point (``python -c``): the job pickled on stdin, the answer pickled
    on stdout; anything the build prints goes to stderr."""
    out = sys.stdout.buffer
    sys.stdout = sys.stderr
    with contextlib.suppress(OSError):
        os.nice(10)  # background work: the serving process comes first for the CPU
    job = pickle.load(sys.stdin.buffer)
    pickle.dump(_build(*job), out, protocol=pickle.HIGHEST_PROTOCOL)
    out.flush()


_CHILD = "from xborder.graph.live import _child; _child()"


def _release(graph: Any) -> None:
    """Once a retired knowledge base is gone, break its graph's reference cycles (rdflib's
    graph and store refer to each other), so that it is freed without a full collection."""
    graph.__dict__.clear()


def _adopt(blob: bytes) -> tuple[KnowledgeBase, str | None]:
    """Unpickle a knowledge base without the garbage collector: a collection over the millions
    of new objects would hold the interpreter for seconds. They are then frozen out of later
    collections; when the version is retired, :func:`_release` frees it by reference count."""
    gc.disable()
    switch = sys.getswitchinterval()
    sys.setswitchinterval(min(switch, 0.001))  # requests get the interpreter back sooner
    try:
        kb, published = pickle.loads(blob)
    finally:
        sys.setswitchinterval(switch)
        gc.freeze()
        gc.enable()
    if kb.graph_loaded is not None:
        weakref.finalize(kb, _release, kb.graph_loaded)
    return kb, published


class LiveKnowledgeBase:
    """The current :class:`KnowledgeBase` of a store, reloaded when the store publishes."""

    def __init__(self, store: Store, *, interval: float = 5.0, validate: str = "shapes",
                 probe: int = 3, isolate: bool = True, build_timeout: float = 900.0) -> None:
        self.store = store
        self.isolate = isolate  # build new versions in a child process
        self.build_timeout = build_timeout
        self.interval = interval
        self.validate = validate
        self.probe = probe
        self._kb: KnowledgeBase | None = None
        self._listeners: list[Listener] = []
        self._reload_lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._failed: str | None = None  # a version that failed validation: not retried
        self._state: dict[str, Any] = {"loaded_at": None, "checked_at": None, "reloads": 0,
                                       "rejected": None, "store_error": None}

    # -- the served knowledge base -------------------------------------------------------------
    @property
    def kb(self) -> KnowledgeBase:
        kb = self._kb
        if kb is None:
            raise StoreError("no knowledge base loaded yet")
        return kb

    @property
    def version(self) -> str | None:
        return None if self._kb is None else self._kb.version

    def add_listener(self, listener: Listener) -> None:
        """Call ``listener(kb)`` after every swap (e.g. to set ``app.state.kb``)."""
        self._listeners.append(listener)

    def load(self) -> KnowledgeBase:
        """Load the current version now (blocking); raises if it cannot be served."""
        if not self.reload(force=True):
            error = self._state["rejected"] or self._state["store_error"] or {}
            raise StoreError(error.get("reason", "the knowledge base could not be loaded"),
                             version=error.get("version"))
        return self.kb

    # -- reloading -----------------------------------------------------------------------------
    def check(self) -> bool:
        """One poll: reload if the marker names another version. True if a swap happened."""
        try:
            marker = self.store.version()
        except XborderError as exc:
            self._fail(None, exc, remember=False)
            return False
        finally:
            self._state["checked_at"] = _stamp()
        self._state["store_error"] = None
        if marker is None or marker == self.version or marker == self._failed:
            return False
        return self.reload()

    def reload(self, *, force: bool = False) -> bool:
        """Read, validate and compile the store's current version, then swap it in.

        With ``isolate`` (the default) the work runs in a child process (:func:`_build`) and
        only the finished knowledge base — its model, no rdflib graph — is brought over; the
        first load (``force``, before anything is served) too when the SHACL shapes are checked,
        so the graph they need never takes memory in the serving process. Without shapes the
        first load reads the model in this process with the lean reader."""
        with self._reload_lock:
            started = time.perf_counter()
            elsewhere = self.isolate and (not force or self.validate == "shapes")
            got = self._build_elsewhere() if elsewhere else _HERE
            if got is None:
                return False
            if isinstance(got, tuple):
                kb, published = got
            else:
                try:
                    snapshot = self.store.read()
                except XborderError as exc:
                    self._fail(None, exc, remember=False)
                    return False
                if not force and snapshot.version == self.version:
                    return False
                try:
                    kb = prepare_snapshot(snapshot, validate=self.validate,
                                          origin=f"{self.store.kind} store", probe=self.probe)
                except Exception as exc:  # any failure keeps the old version serving
                    self._fail(snapshot.version, exc, remember=True)
                    return False
                published = snapshot.published
            old = self.version
            self._kb = kb  # the swap: one reference
            self._failed = None
            self._state.update(loaded_at=_stamp(), reloads=self._state["reloads"] + 1,
                               rejected=None, store_error=None, published=published,
                               load_seconds=round(time.perf_counter() - started, 3))
            log.info("knowledge base %s serving (was %s; %d triples, %.2f s)", kb.version, old,
                     kb.describe()["triples"], time.perf_counter() - started)
        for listener in self._listeners:
            listener(kb)
        return True

    def _build_elsewhere(self) -> tuple[KnowledgeBase, str | None] | object | None:
        """Build the store's current version in a child process; None if there is nothing
        new or it failed (recorded as :meth:`_fail` does), ``_HERE`` if the store cannot be
        sent to a child (then this process builds it)."""
        try:
            job = pickle.dumps((self.store, self.version, self.validate, self.probe))
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            log.warning("cannot build in a separate process (%s); building in this one", exc)
            self.isolate = False
            return _HERE
        proc = subprocess.Popen([sys.executable, "-c", _CHILD], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE)
        try:
            data, _ = proc.communicate(job, timeout=self.build_timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            self._fail(None, BuildFailed("internal", "building the new version took longer "
                       f"than {self.build_timeout:g} s", loud=True), remember=False)
            return None
        try:
            status, version, failure, blob = pickle.loads(data)
        except Exception:
            self._fail(None, BuildFailed("internal", "the process building the new version "
                       f"ended without an answer (exit code {proc.returncode})", loud=True),
                       remember=False)
            return None
        if status == "ok":
            return _adopt(blob)
        if status == "same":
            return None
        slug, detail, loud = failure
        self._fail(version, BuildFailed(slug, detail, loud=loud),
                   remember=status == "rejected")
        return None

    def _fail(self, version: str | None, exc: BaseException, *, remember: bool) -> None:
        reason = exc.detail if isinstance(exc, XborderError) else f"{type(exc).__name__}: {exc}"
        kind = exc.slug if isinstance(exc, XborderError) else "internal"
        record = {"version": version, "kind": kind, "reason": reason, "at": _stamp(),
                  "serving": self.version}
        previous = self._state["rejected" if remember else "store_error"]
        if remember and version is not None:
            self._failed = version
            self._state["rejected"] = record
        else:
            self._state["store_error"] = record
        repeated = previous is not None and previous["reason"] == reason
        loud = exc.loud if isinstance(exc, BuildFailed) else (
            isinstance(exc, KnowledgeBaseError) or not isinstance(exc, XborderError))
        if not repeated and loud:
            log.warning("knowledge base %s not served (still serving %s): %s",
                        version or "(store)", self.version, reason)

    # -- the poller ----------------------------------------------------------------------------
    def start(self) -> None:
        """Poll the store in a daemon thread (no-op if ``interval`` is 0 or already running)."""
        if self.interval <= 0 or (self._thread is not None and self._thread.is_alive()):
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="xborder-reload", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.check()
            except Exception as exc:  # never let the poller die
                log.exception("reload check failed")
                self._fail(None, exc, remember=False)

    # -- status --------------------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        """For ``/readyz``: what is served, since when, and why a newer version is not."""
        out: dict[str, Any] = {"kind": self.store.kind, "version": self.version,
                               "reload_seconds": self.interval, "validate": self.validate,
                               **self._state}
        out["reload"] = ("failed" if out["rejected"] else
                         "store-unreachable" if out["store_error"] else "ok")
        return out
