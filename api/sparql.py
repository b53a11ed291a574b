"""``GET|POST /sparql``: the SPARQL 1.1 Protocol, read-only, over a copy of the knowledge base.

- Queries run in a child process (:mod:`xborder.api.sparql_worker`) holding an Oxigraph store
  loaded from the graph; past the time limit the process is killed (and restarted on the next
  query), so no query can hold the server. One query runs at a time; others wait up to the time
  limit, then get ``429`` with ``Retry-After``.
- Updates are refused with ``403`` (an ``update`` parameter, ``application/sparql-update``, or a
  query text that is an update), and so is ``SERVICE`` (Oxigraph would fetch it over HTTP). Both
  are decided on the *parsed* query (rdflib's SPARQL 1.1 grammar), never on its text; a text that
  grammar cannot read is refused (400) before it reaches the engine, and the worker runs in a
  network namespace of its own, so no spelling the engine might read as ``SERVICE`` can open a
  connection.
- Results: SPARQL JSON (default), XML, CSV or TSV for SELECT/ASK; Turtle (default), N-Triples,
  JSON-LD or RDF/XML for CONSTRUCT/DESCRIBE — by ``Accept`` or ``format``. More than the result
  limit is ``422`` (add a ``LIMIT``), never a silent truncation.

The other endpoints never build SPARQL from parameters; this one runs the caller's query as given,
on a copy that holds nothing but the public knowledge base.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from pyparsing import ParseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from xborder.api import sparql_worker
from xborder.api.common import (
    cache_for,
)
from xborder.api.problems import (
    Busy,
)
from xborder.graph.errors import XborderError, XborderInputError
from xborder.graph.kb import KnowledgeBase

__all__ = ["SparqlLimits", "SparqlService", "check_read_only"]

log = logging.getLogger("xborder.sparql")

class Forbidden(XborderInputError):
    status = 403
    slug = "sparql-update-forbidden"
    title = "Read-only endpoint"


class ServiceForbidden(Forbidden):
    slug = "sparql-service-forbidden"
    title = "Federated queries are not allowed"


class SparqlSyntaxError(XborderInputError):
    slug = "sparql-syntax"
    title = "Invalid SPARQL query"


class EngineUnavailable(XborderError):
    status = 503
    slug = "sparql-unavailable"
    title = "SPARQL engine unavailable"


class UnsupportedMediaType(XborderInputError):
    status = 415
    slug = "unsupported-media-type"
    title = "Unsupported media type"


@dataclass(frozen=True)
class SparqlLimits:
    timeout: float = 10.0  # seconds a query may run
    max_results: int = 10_000  # solutions or triples
    max_bytes: int = 16 * 1024 * 1024  # serialised answer
    memory: int = 2 * 1024 * 1024 * 1024  # the worker's address space


class SparqlService:
    """One worker process for one knowledge-base version, started on the first query.

    The worker is ``python -I api/sparql_worker.py`` (isolated: no script directory on the path,
    no environment variables, no user site), talking over two dedicated pipes; it never imports
    the parent's ``__main__`` as multiprocessing would.
    """

    def __init__(self, limits: SparqlLimits) -> None:
        self.limits = limits
        self._proc: subprocess.Popen[bytes] | None = None
        self._send: Connection | None = None
        self._recv: Connection | None = None
        self._version: str | None = None
        self._lock = threading.Lock()

    def close(self) -> None:
        if self._send is not None:
            with contextlib.suppress(OSError, ValueError):
                self._send.send(None)
        proc = self._proc
        self._close_pipes()
        if proc is not None:
            try:
                proc.wait(1)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(2)

    def _close_pipes(self) -> None:
        for conn in (self._send, self._recv):
            if conn is not None:
                conn.close()
        self._proc = self._send = self._recv = None

    def _kill(self) -> None:
        proc = self._proc
        self._close_pipes()
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait(2)

    async def _wait(self, timeout: float) -> bool:
        assert self._recv is not None
        if self._recv.poll(0):
            return True
        loop = asyncio.get_running_loop()
        ready: asyncio.Future[None] = loop.create_future()

        def on_readable() -> None:
            if not ready.done():
                ready.set_result(None)

        fd = self._recv.fileno()
        loop.add_reader(fd, on_readable)
        try:
            await asyncio.wait_for(ready, timeout)
            return True
        except TimeoutError:
            return False
        finally:
            loop.remove_reader(fd)

    async def _start(self, kb: KnowledgeBase) -> None:
        self._kill()
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        try:
            proc = subprocess.Popen(
                [sys.executable, "-I", sparql_worker.__file__, str(to_child_r),
                 str(from_child_w)],
                pass_fds=(to_child_r, from_child_w), stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, close_fds=True)
        finally:
            os.close(to_child_r)
            os.close(from_child_w)
        self._proc = proc
        self._send = Connection(to_child_w, readable=False)
        self._recv = Connection(from_child_r, writable=False)
        self._version = kb.version
        limits = self.limits
        exports: dict[str, bytes] = cache_for(kb, "export", dict)  # shared with /v1/export
        if "nt" not in exports:
            exports["nt"] = (await asyncio.to_thread(kb.export, "nt")).encode()
        payload = (exports["nt"], limits.max_results, limits.max_bytes, limits.memory)
        try:
            await asyncio.to_thread(self._send.send, payload)  # the pipe may fill: off-loop
            greeting = self._recv.recv() if await self._wait(60.0) else None
        except (EOFError, OSError):
            greeting = None
        if greeting != ("ready",):
            self._kill()
            if greeting and greeting[0] == "refused":
                log.error("SPARQL worker refused to start: %s", greeting[1])
                raise EngineUnavailable("the SPARQL engine cannot be isolated from the network "
                                        "on this machine, so it does not run")
            raise Busy("the SPARQL engine could not start; try again")

    async def query(self, kb: KnowledgeBase, text: str, sol_fmt: str | None,
                    graph_fmt: str | None) -> tuple[Any, ...]:
        deadline = time.monotonic() + self.limits.timeout
        while not self._lock.acquire(blocking=False):
            if time.monotonic() > deadline:
                raise Busy("another SPARQL query is running; retry shortly")
            await asyncio.sleep(0.005)
        # Until a reply is read, the worker owes one: if this request is cancelled (the client
        # went away) or times out, the worker is stopped so no stale reply meets the next query.
        done = False
        try:
            if self._proc is None or self._proc.poll() is not None or \
                    self._version != kb.version:
                await self._start(kb)
            assert self._send is not None and self._recv is not None
            try:
                self._send.send((text, sol_fmt, graph_fmt))
                if not await self._wait(self.limits.timeout):
                    return ("error", 422, "sparql-timeout",
                            f"the query ran longer than {self.limits.timeout:g} s and was "
                            "stopped")
                reply: tuple[Any, ...] = self._recv.recv()
                done = True
            except (EOFError, OSError):
                return ("error", 422, "sparql-too-expensive",
                        "the query exhausted the resources a query may use")
            return reply
        finally:
            if not done:
                self._kill()
            self._lock.release()


def _names(tree: Any, found: set[str]) -> set[str]:
    """Every grammar rule name in an rdflib SPARQL parse tree."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            found.add(node.name)
            stack.extend(node.values())
        elif isinstance(node, (list, tuple, ParseResults)):
            stack.extend(node)
    return found


def check_read_only(text: str) -> None:
    """Refuse what is not a read-only, local SPARQL 1.1 query, on its parse tree: an update
    (``LOAD`` included) is 403, a ``SERVICE`` pattern anywhere is 403, and a text the SPARQL 1.1
    grammar cannot read is 400 — so it never reaches an engine that might read it otherwise."""
    try:
        tree = parseQuery(text)
    except ParseException as exc:
        try:
            parseUpdate(text)
        except ParseException:
            raise SparqlSyntaxError(f"the query is not SPARQL 1.1: {exc.msg} at line "
                                    f"{exc.lineno}, column {exc.col}") from None
        raise Forbidden("this endpoint is read-only: SPARQL updates are refused") from None
    except RecursionError:
        raise SparqlSyntaxError("the query is nested too deeply") from None
    if "ServiceGraphPattern" in _names(tree, set()):
        raise ServiceForbidden("SERVICE (federated query) is not allowed on this endpoint")
