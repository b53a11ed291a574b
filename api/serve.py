"""How ``xborder serve`` runs the HTTP API: uvicorn (default) or granian, one or more worker
processes, and the limits every connection is held to (see ``docs/serving.md``).

- The request head (request line and headers) is at most :data:`MAX_HEAD` bytes: a longer URL is
  refused with a 414 problem, longer headers with a 431 problem, both ``application/problem+json``
  and the connection closed — before the bytes are parsed or the app sees the request.
- A client has :data:`HEAD_TIMEOUT` seconds to send a request head once it starts one (or once
  it connects): a half-sent request is answered 408 and the connection closed.
- Idle keep-alive connections are closed after :data:`KEEP_ALIVE` seconds; ``--limit-concurrency``
  bounds connections and tasks together (uvicorn answers 503 past it).

Under uvicorn the limits are enforced by :class:`GuardedHttpTools`, uvicorn's httptools protocol
with the two checks added; under granian by its own HTTP/1 settings (``max_buffer_size``,
``header_read_timeout``). With several workers, each process builds (or loads) the knowledge base
itself: :func:`make_app` is the factory the workers call, configured through the environment.
"""

from __future__ import annotations

import argparse
import json
import os
from typing import TYPE_CHECKING, Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from xborder.api.problems import PROBLEM, problem_body

if TYPE_CHECKING:
    import asyncio

    from fastapi import FastAPI

__all__ = ["HEAD_TIMEOUT", "KEEP_ALIVE", "MAX_HEAD", "GuardedHttpTools", "make_app", "run"]

MAX_HEAD = 64 * 1024  # bytes of request line + headers
HEAD_TIMEOUT = 10.0  # seconds to send a request head
KEEP_ALIVE = 5  # seconds an idle keep-alive connection is kept
_ENV = "XBORDER_SERVE"  # the worker configuration (JSON), set by run() for make_app()


def _response(status: int, slug: str, title: str, detail: str) -> bytes:
    body = problem_body(status, slug, title, detail)
    reason = {408: b"Request Timeout", 414: b"URI Too Long",
              431: b"Request Header Fields Too Large"}[status]
    return (b"HTTP/1.1 %d %s\r\ncontent-type: %s\r\ncontent-length: %d\r\n"
            b"connection: close\r\n\r\n" % (status, reason, PROBLEM.encode(), len(body)) + body)


class GuardedHttpTools(HttpToolsProtocol):
    """uvicorn's httptools protocol, with a bound on the request head's size and on the time
    a client may take to send it. Bytes are counted before they are parsed."""

    max_head = MAX_HEAD
    head_timeout = HEAD_TIMEOUT

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._in_head = True
        self._head = 0
        self._url_done = False
        self._tail = b""
        self._refused = False
        self._head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: Any) -> None:
        super().connection_made(transport)
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._head_timer is None:
            self._head_timer = self.loop.call_later(self.head_timeout, self._too_slow)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _refuse(self, response: bytes) -> None:
        self._refused = True
        self._disarm()
        if not self.transport.is_closing():
            self.transport.write(response)
            self.transport.close()

    def _too_slow(self) -> None:
        self._head_timer = None
        if self.cycle is not None and not self.cycle.response_complete:
            self._arm()  # a response is still being sent: the next head waits for it
            return
        if self._in_head and not self._refused:
            self._refuse(_response(408, "request-timeout", "Request timeout",
                                   f"the request head was not sent within "
                                   f"{self.head_timeout:g} s"))

    def data_received(self, data: bytes) -> None:
        if self._refused:
            return
        if self._in_head:
            self._arm()
            if not self._url_done and b"\n" in data[:max(0, self.max_head - self._head)]:
                self._url_done = True  # the request line ended within the limit
            # only the head counts: a body sent in the same packets is the body limit's business
            end = (self._tail + data).find(b"\r\n\r\n")
            self._head += len(data) if end < 0 else max(0, end + 4 - len(self._tail))
            self._tail = data[-3:]
            if self._head > self.max_head:
                if self._url_done:
                    self._refuse(_response(431, "headers-too-large", "Request headers too large",
                                           f"request headers are limited to {self.max_head} "
                                           "bytes"))
                else:
                    self._refuse(_response(414, "url-too-long", "URL too long",
                                           f"the request line is limited to {self.max_head} "
                                           "bytes"))
                return
        super().data_received(data)

    def on_headers_complete(self) -> None:
        self._in_head = False
        self._disarm()
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._in_head, self._head, self._url_done, self._tail = True, 0, False, b""


def _options(args: argparse.Namespace) -> dict[str, Any]:
    return {"kb": args.kb, "store": getattr(args, "store", None),
            "store_path": getattr(args, "store_path", None),
            "sparql_url": getattr(args, "sparql_url", None),
            "head_timeout": float(getattr(args, "head_timeout", HEAD_TIMEOUT))}


def make_app() -> FastAPI:
    """The app of one worker process (the factory uvicorn and granian call with ``--workers``):
    the knowledge base named in ``$XBORDER_SERVE``, followed live when it comes from a store."""
    from xborder.api.http import create_app
    from xborder.api.live import live_app

    options = json.loads(os.environ.get(_ENV, "{}"))
    GuardedHttpTools.head_timeout = float(options.pop("head_timeout", HEAD_TIMEOUT))
    args = argparse.Namespace(**{"kb": None, "store": None, "store_path": None,
                                 "sparql_url": None, **options})
    app = live_app(args)
    if app is not None:
        return app
    from xborder.graph.kb import KnowledgeBase

    return create_app(KnowledgeBase.load(args.kb or None))


def run(args: argparse.Namespace, app: FastAPI | None = None) -> int:
    """Serve: ``app`` itself with one uvicorn worker, else :func:`make_app` in each worker."""
    workers = max(1, args.workers)
    access = not args.no_access_log
    head_timeout = float(getattr(args, "head_timeout", HEAD_TIMEOUT))
    GuardedHttpTools.head_timeout = head_timeout
    if args.server == "granian":
        from granian.constants import Interfaces
        from granian.http import HTTP1Settings
        from granian.server import Server

        os.environ[_ENV] = json.dumps(_options(args))
        Server("xborder.api.serve:make_app", address=args.host, port=args.port,
               interface=Interfaces.ASGI, workers=workers, factory=True, log_access=access,
               http1_settings=HTTP1Settings(header_read_timeout=int(head_timeout * 1000),
                                            keep_alive=True, max_buffer_size=MAX_HEAD),
               ).serve()
        return 0
    import uvicorn

    limits: dict[str, Any] = {"http": GuardedHttpTools, "timeout_keep_alive": KEEP_ALIVE,
                              "h11_max_incomplete_event_size": MAX_HEAD,
                              "limit_concurrency": args.limit_concurrency,
                              "log_level": "info", "access_log": access}
    if workers == 1 and app is not None:
        uvicorn.run(app, host=args.host, port=args.port, **limits)
    else:
        os.environ[_ENV] = json.dumps(_options(args))
        uvicorn.run("xborder.api.serve:make_app", factory=True, host=args.host,
                    port=args.port, workers=workers, **limits)
    return 0


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The ``serve`` options for the server itself."""
    p.add_argument("--server", choices=["uvicorn", "granian"], default="uvicorn",
                   help="the ASGI server (default: uvicorn; see docs/serving.md)")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="worker processes, each with its own copy of the knowledge base")
    p.add_argument("--head-timeout", type=float, default=HEAD_TIMEOUT, metavar="SECONDS",
                   help=f"time a client has to send a request head (default {HEAD_TIMEOUT:g})")
    p.add_argument("--limit-concurrency", type=int, default=None, metavar="N",
                   help="uvicorn: at most N connections and tasks at once (then 503)")
