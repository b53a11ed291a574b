"""The HTTP API: FastAPI over :class:`xborder.KnowledgeBase`.

Every error is an RFC 9457 ``application/problem+json`` body with a stable ``type``; no input
produces a 500 or a traceback. Answers for one knowledge-base version carry the same ``ETag``.

Routes live in small modules: :mod:`~xborder.api.routes_resolve` (resolve, batch, transfers),
:mod:`~xborder.api.routes_routing` (the routing table), :mod:`~xborder.api.routes_lookup`
(organisations … adequacy, export), :mod:`~xborder.api.routes_sparql` (the SPARQL 1.1 Protocol,
over the read-only query service of :mod:`~xborder.api.sparql`). The knowledge base is read from
``request.app.state.kb`` on every request, so it can be swapped atomically.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import Response

from xborder.api import schemas
from xborder.api.common import JSONBytes, kb_of
from xborder.api.problems import (
    install_problem_handlers,
    problem_body,
    problem_responses,
    problem_schema,
)
from xborder.api.schemas import json_response, ref
from xborder.graph.kb import KnowledgeBase

__all__ = ["MAX_BODY", "TAGS", "JSONBytes", "create_app"]

MAX_BODY = 8 * 1024 * 1024  # a batch of 10,000 items fits with room to spare

TAGS = [
    {"name": "controllers", "description": "Who is the data controller for a user's place, "
                                           "service and date (one question, a batch, or the "
                                           "whole routing table)."},
    {"name": "resolve", "description": "What each leg of an answer rests on."},
    {"name": "transfers", "description": "May data go from one place to another on a date, "
                                         "and on what basis."},
    {"name": "changes", "description": "What changed between two dates, and the history of "
                                       "one country pair."},
    {"name": "look-ups", "description": "What the knowledge base holds: organisations, "
                                        "entities, services, jurisdictions, regimes, adequacy "
                                        "decisions, the RDF export."},
    {"name": "locations", "description": "Finding a place by what is typed."},
    {"name": "maps", "description": "Transfer maps, the world map and the transfer register "
                                    "(HTML, SVG, GraphML, CSV, JSON)."},
    {"name": "sparql", "description": "Read-only SPARQL 1.1 over the knowledge-base graph."},
    {"name": "service", "description": "Liveness, readiness and versions."},
]
"""The OpenAPI document's tags, in the order ``/docs`` shows them."""

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class _TooLarge(Exception):
    pass


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with a 413 problem, before they are read.

    A declared ``Content-Length`` over the limit is refused at once; a body streamed without one
    is counted and cut off. Requests without a body pass straight through.
    """

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length" and (not value.isdigit() or int(value) > self.limit):
                await self._refuse(scope, send)
                return
        seen = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            if not started:
                await self._refuse(scope, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        body = problem_body(413, "body-too-large", "Request body too large",
                            f"request bodies are limited to {self.limit} bytes",
                            str(scope.get("path", "")))
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/problem+json"),
                                (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


class Edge:
    """Two fixes at the edge of the app.

    - A path with a trailing slash that names a route without it is redirected (307) with a
      *relative* ``Location`` — never an absolute URL built from the ``Host`` header, which the
      client controls (Starlette's own redirect is turned off).
    - An error sent without a body (e.g. ``/static/<missing>``) gets its problem body.
    """

    def __init__(self, app: ASGIApp, routes: Any) -> None:
        self.app = app
        self.routes = routes

    def _matches(self, scope: Scope, path: str) -> bool:
        from starlette.routing import Match

        probe = {**scope, "path": path}
        return any(route.matches(probe)[0] == Match.FULL for route in self.routes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] == "/v1/resolve":  # the hot path
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if (path != "/" and path.endswith("/") and not self._matches(scope, path)
                and self._matches(scope, path.rstrip("/") or "/")):
            query = scope.get("query_string", b"")
            location = quote(path.rstrip("/") or "/").encode() + (b"?" + query if query else b"")
            await send({"type": "http.response.start", "status": 307,
                        "headers": [(b"location", location), (b"content-length", b"0")]})
            await send({"type": "http.response.body", "body": b""})
            return
        empty_error: list[int] = []

        async def filling_send(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] >= 400 and \
                    (b"content-length", b"0") in message.get("headers", []):
                empty_error.append(message["status"])
                return
            if empty_error and message["type"] == "http.response.body":
                status = empty_error[0]
                title = "Not found" if status == 404 else "HTTP error"
                body = problem_body(status, "not-found" if status == 404 else "http-error",
                                    title, f"no resource at {path}" if status == 404 else title,
                                    path)
                await send({"type": "http.response.start", "status": status,
                            "headers": [(b"content-type", b"application/problem+json"),
                                        (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
            await send(message)

        await self.app(scope, receive, filling_send)


def _document_problems(schema: dict[str, Any]) -> None:
    """Every operation that takes input documents the problems the core may raise on it (400
    malformed, 404 unknown, 409 ambiguous, 422 unplaceable), and FastAPI's default 422 (a
    validation-error body this API never sends: validation errors are 400 problems) is replaced
    by the problem it does send — for routes registered by other modules too."""
    problems = problem_responses(400, 404, 409, 422)
    for item in schema.get("paths", {}).values():
        for op in item.values():
            if not isinstance(op, dict) or "responses" not in op:
                continue
            responses = op["responses"]
            if op.get("parameters") or op.get("requestBody"):
                for status in (400, 404, 409):
                    responses.setdefault(str(status), problems[status])
            default = responses.get("422", {}).get("content", {}).get("application/json", {})
            if "HTTPValidationError" in str(default.get("schema", "")):
                responses["422"] = problems[422]


def create_app(kb: KnowledgeBase | None = None, *, sparql_timeout: float = 10.0,
               sparql_max_results: int = 10_000, max_body: int = MAX_BODY,
               answer_cache_bytes: int = 64 * 1024 * 1024) -> FastAPI:
    """The API over ``kb`` (default: the embedded knowledge base).

    ``answer_cache_bytes`` bounds the finished answers kept per knowledge base (0: none).
    """
    from xborder import __version__
    from xborder.api import routes_lookup, routes_resolve, routes_routing, routes_sparql, sparql

    kb = kb if kb is not None else KnowledgeBase.load()
    kb.version  # noqa: B018 — the content hash, computed now rather than on the first request
    service = sparql.SparqlService(sparql.SparqlLimits(timeout=sparql_timeout,
                                                       max_results=sparql_max_results))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        service.close()

    from fastapi_offline import FastAPIOffline  # /docs with bundled Swagger UI: no CDN

    app = FastAPIOffline(
        title="xborder",
        version=__version__,
        description="Who controls personal data, and what lets it cross each border — with "
                    "the source of every answer. Errors are RFC 9457 "
                    "`application/problem+json`; answers carry an `ETag` of the "
                    "knowledge-base version.",
        lifespan=lifespan,
        openapi_tags=TAGS,
        license_info={"name": "Apache-2.0", "identifier": "Apache-2.0"},
    )
    app.state.kb = kb
    app.state.sparql = service
    app.state.answer_cache_bytes = answer_cache_bytes
    install_problem_handlers(app)
    app.add_middleware(BodyLimit, limit=max_body)
    app.router.redirect_slashes = False  # Edge redirects, without trusting Host
    app.add_middleware(Edge, routes=app.router.routes)
    routes_resolve.router.register(app)
    # The hot paths first: routes are matched in order, and FastAPI's own /docs routes would
    # otherwise be tried before /v1/resolve on every request.
    hot = app.router.routes[-len(routes_resolve.router.specs):]
    del app.router.routes[-len(hot):]
    app.router.routes[:0] = hot

    @app.get("/healthz", tags=["service"], summary="Liveness",
             description="Answers as soon as the process serves requests, whether or not a "
                         "knowledge base is loaded (use `/readyz` for that).",
             response_class=Response, responses={200: json_response(ref("Health"), "Alive")})
    async def healthz() -> Response:
        return JSONBytes({"status": "ok"})

    @app.get("/readyz", tags=["service"], summary="Readiness: the knowledge base is loaded",
             description="200 once a knowledge base is loaded, with its version (content "
                         "hash), origin and size; 503 before.",
             response_class=Response,
             responses={200: json_response(ref("Readiness"), "Ready"),
                        503: json_response(ref("Loading"), "No knowledge base loaded yet")})
    async def readyz(request: Request) -> Response:
        current = getattr(request.app.state, "kb", None)
        if current is None:
            return JSONBytes({"status": "loading"}, status_code=503)
        return JSONBytes({"status": "ready", **current.describe()})

    @app.get("/v1/version", tags=["service"],
             summary="Versions of the server, the knowledge base and the GeoIP database",
             description="The xborder version, the knowledge base's content hash (the `ETag` "
                         "of its answers starts with it) and the GeoIP database's source and "
                         "date.",
             response_class=Response, responses={200: json_response(ref("Version"), "Versions")})
    async def version(request: Request) -> Response:
        from xborder.graph import geoip

        return JSONBytes({"xborder": __version__, "knowledge_base": kb_of(request).version,
                          "geoip": geoip.database_info()})

    routes_routing.router.register(app)
    routes_lookup.router.register(app)
    routes_sparql.router.register(app)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version,
                                 description=app.description, routes=app.routes,
                                 tags=app.openapi_tags, license_info=app.license_info)
            schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = \
                problem_schema()
            schemas.install(schema)
            _document_problems(schema)
            schemas.prune(schema)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    from xborder.api import web

    web.register(app)
    return app
