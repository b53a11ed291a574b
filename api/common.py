"""What the routes share: the knowledge base of the request, caching headers, pre-built responses,
a bounded per-knowledge-base answer cache, and content negotiation.

The knowledge base is read from ``request.app.state.kb`` on every request (never captured), so a
reload can swap it atomically; everything cached here is keyed by the knowledge-base object, so a
swap starts afresh and the old caches go with the old object.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import weakref
from collections.abc import Callable, Coroutine, Iterable
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.routing import APIRoute

from xborder.api.problems import NotAcceptable
from xborder.graph.errors import InvalidDate, XborderInputError
from xborder.graph.kb import KnowledgeBase

__all__ = [
    "CACHE_CONTROL",
    "DATE_PATTERN",
    "AnswerCache",
    "JSONBytes",
    "RawResponse",
    "Routes",
    "cache_for",
    "cached_json",
    "date_param",
    "etag_matches",
    "kb_of",
    "key_size",
    "negotiate",
    "text_param",
]

CACHE_CONTROL = "public, max-age=300"
_CACHE_CONTROL = CACHE_CONTROL.encode()
JSON = b"application/json"


class LeanRoute(APIRoute):
    """A route whose endpoint takes the ``Request`` alone and returns a ``Response``: it is
    called directly, without FastAPI's dependency solving and response serialisation (the
    documented extension point of a custom ``APIRoute`` class). The OpenAPI description is
    unchanged; the endpoint validates its parameters itself, as the schema says."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        endpoint: Callable[[Request], Coroutine[Any, Any, Response]] = self.endpoint
        return endpoint


class Routes:
    """Route declarations that :meth:`register` adds straight onto the app.

    Not an ``APIRouter``: FastAPI (0.16x) matches the routes of an included router through an
    extra layer of matching on every request (~10 µs, measured), which the hot path avoids.
    """

    def __init__(self) -> None:
        self.specs: list[tuple[str, Callable[..., Any], list[str], dict[str, Any]]] = []

    def get(self, path: str, **options: Any) -> Callable[[Callable[..., Any]],
                                                         Callable[..., Any]]:
        return self.route(path, ["GET"], **options)

    def post(self, path: str, **options: Any) -> Callable[[Callable[..., Any]],
                                                          Callable[..., Any]]:
        return self.route(path, ["POST"], **options)

    def route(self, path: str, methods: list[str], **options: Any
              ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def declare(endpoint: Callable[..., Any]) -> Callable[..., Any]:
            self.specs.append((path, endpoint, methods, options))
            return endpoint
        return declare

    def register(self, app: FastAPI) -> None:
        for path, endpoint, methods, options in self.specs:
            options = dict(options)
            if options.pop("lean", False):
                options["route_class_override"] = LeanRoute
            app.router.add_api_route(path, endpoint, methods=methods, **options)


class JSONBytes(Response):
    """A JSON response rendered by orjson (no pydantic round trip)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


class RawResponse(Response):
    """A response whose body and header list are already built (the resolve hot path)."""

    def __init__(self, status: int, body: bytes, raw_headers: list[tuple[bytes, bytes]]) -> None:
        self.status_code = status
        self.body = body
        self.background = None
        self.raw_headers = raw_headers


def kb_of(request: Request) -> KnowledgeBase:
    kb: KnowledgeBase = request.app.state.kb
    return kb


def etag_matches(request: Request, etag: str) -> bool:
    """Does ``If-None-Match`` name ``etag`` (weak comparison, ``*`` included)?"""
    header = request.headers.get("if-none-match")
    if not header:
        return False
    for tag in header.split(","):
        tag = tag.strip()
        if tag == "*" or tag.removeprefix("W/") == etag:
            return True
    return False


def not_modified(etag: str, vary: str | None = None) -> Response:
    headers = {"ETag": etag, "Cache-Control": CACHE_CONTROL}
    if vary:
        headers["Vary"] = vary
    return Response(status_code=304, headers=headers)


def cached_json(request: Request, etag: str, body: bytes | Any,
                media_type: str = "application/json", vary: str | None = None) -> Response:
    """``body`` (bytes, or data to serialise) with ``ETag``/``Cache-Control``; 304 on a match."""
    if etag_matches(request, etag):
        return not_modified(etag, vary)
    if not isinstance(body, bytes):
        body = orjson.dumps(body)
    headers = {"ETag": etag, "Cache-Control": CACHE_CONTROL}
    if vary:
        headers["Vary"] = vary
    return Response(body, media_type=media_type, headers=headers)


def json_headers(body: bytes, etag: bytes | None) -> list[tuple[bytes, bytes]]:
    headers = [(b"content-type", JSON), (b"content-length", str(len(body)).encode())]
    if etag is not None:
        headers += [(b"etag", etag), (b"cache-control", _CACHE_CONTROL)]
    return headers


def text_param(params: Any, name: str, max_length: int, required: bool = False) -> str | None:
    """A query parameter as text within ``max_length`` characters (the schema's maxLength)."""
    value: str | None = params.get(name)
    if value is None:
        if required:
            raise XborderInputError(f"the query parameter {name!r} is required",
                                    parameter=name)
        return None
    if len(value) > max_length:
        raise XborderInputError(f"{name} is too long ({len(value)} characters; at most "
                                f"{max_length})", parameter=name)
    return value


DATE_PATTERN = "^((19[0-9]{2}|2[0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]))?$"
_DATE = re.compile(DATE_PATTERN)


def date_param(params: Any, name: str = "at") -> str | None:
    """A date parameter exactly as the OpenAPI schema's pattern says (``YYYY-MM-DD`` from
    1900 to 2999; empty: today); the core then checks that the day exists."""
    value: str | None = params.get(name)
    if value is None:
        return None
    if len(value) > 10 or not _DATE.fullmatch(value):
        raise InvalidDate(f"{value[:40]!r} is not a date of the form YYYY-MM-DD "
                          "(1900-01-01 to 2999-12-31)", value=value[:40])
    return value


_TRUE = frozenset({"true", "1", "yes", "on"})
_FALSE = frozenset({"false", "0", "no", "off"})


def bool_param(params: Any, name: str, default: bool) -> bool:
    value: str | None = params.get(name)
    if value is None:
        return default
    low = value.strip().lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise XborderInputError(f"{name} must be true or false, not {value[:40]!r}",
                            parameter=name)


def today() -> dt.date:
    return dt.date.today()


def key_size(key: Any) -> int:
    """What a cache key costs in the budget: its text (bytes, strings, nested tuples) plus a
    fixed overhead per part, so that keys cannot grow the cache past its budget."""
    if isinstance(key, (bytes, str)):
        return len(key) + 50
    if isinstance(key, tuple):
        return 56 + sum(key_size(part) for part in key)
    return 32


class AnswerCache:
    """Finished answers (status, body, headers) by question, bounded by total bytes: bodies,
    headers and keys all count, so no question can grow it past ``max_bytes``.

    Answers are pure functions of (knowledge base, question, date); the date is part of the key,
    so an answer "as of today" expires at midnight. Eviction is first-in, first-out.
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.used = 0
        self.entries: dict[Any, tuple[int, bytes, list[tuple[bytes, bytes]]]] = {}
        self._sizes: dict[Any, int] = {}
        self._lock = threading.Lock()

    def get(self, key: Any) -> tuple[int, bytes, list[tuple[bytes, bytes]]] | None:
        return self.entries.get(key)

    @staticmethod
    def size_of(key: Any, entry: tuple[int, bytes, list[tuple[bytes, bytes]]]) -> int:
        return (key_size(key) + len(entry[1]) + 120 +
                sum(len(n) + len(v) + 90 for n, v in entry[2]))

    def put(self, key: Any, entry: tuple[int, bytes, list[tuple[bytes, bytes]]]) -> None:
        size = self.size_of(key, entry)
        if size > self.max_bytes:
            return
        with self._lock:
            if key in self.entries:
                return
            while self.entries and self.used + size > self.max_bytes:
                oldest = next(iter(self.entries))
                del self.entries[oldest]
                self.used -= self._sizes.pop(oldest)
            self.entries[key] = entry
            self._sizes[key] = size
            self.used += size


_caches: weakref.WeakKeyDictionary[KnowledgeBase, dict[str, Any]] = \
    weakref.WeakKeyDictionary()
_caches_lock = threading.Lock()


def cache_for(kb: KnowledgeBase, name: str, factory: Any) -> Any:
    """The cache ``name`` of ``kb`` (made by ``factory()`` on first use)."""
    per_kb = _caches.get(kb)
    if per_kb is None:
        with _caches_lock:
            per_kb = _caches.setdefault(kb, {})
    found = per_kb.get(name)
    if found is None:
        with _caches_lock:
            found = per_kb.setdefault(name, factory())
    return found


def negotiate(accept: str | None, offers: Iterable[tuple[str, str]], default: str) -> str:
    """The offer key the ``Accept`` header prefers; ``offers`` are (media type, key) pairs.

    A missing header or ``*/*`` gives ``default``; nothing acceptable is :class:`NotAcceptable`.
    """
    offers = list(offers)
    if not accept or not accept.strip():
        return default
    best: tuple[float, int, str] | None = None
    for order, part in enumerate(accept.split(",")[:32]):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q <= 0 or q > 1:
            continue
        for offered, key in offers:
            kind = offered.split("/")[0]
            if media in (offered, "*/*", f"{kind}/*"):
                chosen = default if media == "*/*" else key
                rank = (q, -order, chosen)
                if best is None or rank[:2] > best[:2]:
                    best = rank
                break
    if best is None:
        listed = ", ".join(dict.fromkeys(m for m, _ in offers))
        raise NotAcceptable(f"none of the media types in Accept is available; offered: {listed}")
    return best[2]
