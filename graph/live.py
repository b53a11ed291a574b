"""Serving a knowledge base that changes: :class:`LiveKnowledgeBase` follows a store's version
marker and swaps in each new version without downtime.

A background thread polls :meth:`Store.version` every ``interval`` seconds. When the marker moves,
the new version is read, validated and compiled *beside* the one being served (see
:func:`xborder.graph.store.prepare`); only a ready :class:`KnowledgeBase` replaces the current one,
by assigning one reference, so a request sees either the old version or the new one, never a
half-built state. A version that fails is not served: the old one stays, the reason is logged and
kept for ``/readyz`` (:meth:`status`), and that version is not tried again until the marker moves
on. Failures to reach the store are retried at the next poll.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from xborder.graph.errors import KnowledgeBaseError, XborderError
from xborder.graph.store import Store, StoreError, prepare

if TYPE_CHECKING:
    from xborder.graph.kb import KnowledgeBase

__all__ = ["LiveKnowledgeBase"]

log = logging.getLogger("xborder.live")

Listener = Callable[["KnowledgeBase"], None]


def _stamp() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


class LiveKnowledgeBase:
    """The current :class:`KnowledgeBase` of a store, reloaded when the store publishes."""

    def __init__(self, store: Store, *, interval: float = 5.0, validate: str = "shapes",
                 probe: int = 3) -> None:
        self.store = store
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
        """Read, validate and compile the store's current version, then swap it in."""
        with self._reload_lock:
            started = time.perf_counter()
            try:
                snapshot = self.store.read()
            except XborderError as exc:
                self._fail(None, exc, remember=False)
                return False
            if not force and snapshot.version == self.version:
                return False
            try:
                kb = prepare(snapshot.graph, version=snapshot.version, validate=self.validate,
                             origin=f"{self.store.kind} store", probe=self.probe)
            except Exception as exc:  # any failure keeps the old version serving
                self._fail(snapshot.version, exc, remember=True)
                return False
            old = self.version
            self._kb = kb  # the swap: one reference
            self._failed = None
            self._state.update(loaded_at=_stamp(), reloads=self._state["reloads"] + 1,
                               rejected=None, store_error=None, published=snapshot.published,
                               load_seconds=round(time.perf_counter() - started, 3))
            log.info("knowledge base %s serving (was %s; %d triples, %.2f s)", kb.version, old,
                     len(kb.graph), time.perf_counter() - started)
        for listener in self._listeners:
            listener(kb)
        return True

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
        if not repeated and (isinstance(exc, KnowledgeBaseError) or
                             not isinstance(exc, XborderError)):
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
