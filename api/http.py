"""The HTTP API: FastAPI over :class:`xborder.KnowledgeBase`.

Every error is an RFC 9457 ``application/problem+json`` body with a stable ``type``; no input
produces a 500 or a traceback. Answers for one knowledge-base version carry the same ``ETag``.
"""

from __future__ import annotations

from typing import Annotated, Any

import orjson
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from xborder.graph.errors import PROBLEM_BASE, XborderError
from xborder.graph.kb import KnowledgeBase

__all__ = ["create_app"]

PROBLEM = "application/problem+json"
MAX_BATCH = 10_000


class JSONBytes(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


def problem(status: int, slug: str, title: str, detail: str, instance: str = "",
            **extra: Any) -> Response:
    body = {"type": PROBLEM_BASE + slug, "title": title, "status": status, "detail": detail,
            **extra}
    if instance:
        body["instance"] = instance
    return Response(orjson.dumps(body), status_code=status, media_type=PROBLEM)


class BatchItem(BaseModel):
    location: str = Field(max_length=200)
    service: str | None = Field(default=None, max_length=200)
    org: str | None = Field(default=None, max_length=200)
    at: str | None = Field(default=None, max_length=32)


class Batch(BaseModel):
    items: list[BatchItem] = Field(max_length=MAX_BATCH)


def create_app(kb: KnowledgeBase | None = None) -> FastAPI:
    kb = kb if kb is not None else KnowledgeBase.load()
    app = FastAPI(
        title="xborder",
        version=__import__("xborder").__version__,
        description="Who controls personal data, and what lets it cross each border — with "
                    "the source of every answer.",
    )
    app.state.kb = kb
    etag = f'"{kb.version}"'

    @app.exception_handler(XborderError)
    async def _xborder_error(request: Request, exc: XborderError) -> Response:
        status = exc.status if exc.status < 500 else 500
        return problem(status, exc.slug, exc.title, exc.detail, request.url.path, **exc.extra)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", ""))}
                  for e in exc.errors()]
        return problem(400, "invalid-request", "Invalid request",
                       "; ".join(f"{'.'.join(e['loc'])}: {e['msg']}" for e in errors[:5]),
                       request.url.path, errors=errors[:20])

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        slug = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "http-error")
        return problem(exc.status_code, slug, str(exc.detail), str(exc.detail), request.url.path)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        return problem(500, "internal", "Internal error",
                       "the server could not answer this request", request.url.path)

    def cached(body: Any, request: Request) -> Response:
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers={"ETag": etag})
        return JSONBytes(body, headers={"ETag": etag, "Cache-Control": "public, max-age=300"})

    @app.get("/healthz", tags=["service"])
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", tags=["service"])
    async def readyz() -> dict[str, Any]:
        return {"status": "ready", **app.state.kb.describe()}

    @app.get("/v1/version", tags=["service"])
    async def version() -> dict[str, str]:
        return {"xborder": app.version, "knowledge_base": app.state.kb.version}

    @app.get("/v1/resolve", tags=["controllers"], summary="The data controller for a location")
    async def resolve(
        request: Request,
        location: Annotated[str, Query(max_length=200, examples=["RE", "Germany", "FR-75"])],
        service: Annotated[str | None, Query(max_length=200, examples=["consumer-cloud"])] = None,
        org: Annotated[str | None, Query(max_length=200, examples=["huawei"])] = None,
        at: Annotated[str | None, Query(max_length=32, examples=["2017-06-01"])] = None,
    ) -> Response:
        result = app.state.kb.resolve(location, service=service, org=org, at=at)
        return cached(result.to_dict(), request)

    @app.post("/v1/resolve/batch", tags=["controllers"],
              summary="Many look-ups in one call; failures reported in place")
    async def resolve_batch(batch: Batch) -> Response:
        out: list[dict[str, Any]] = []
        k = app.state.kb
        for item in batch.items:
            try:
                out.append({"ok": True, "result": k.resolve(
                    item.location, service=item.service, org=item.org, at=item.at).to_dict()})
            except XborderError as exc:
                out.append({"ok": False, "problem": exc.to_problem()})
        return JSONBytes({"count": len(out), "results": out})

    from xborder.api import web

    web.register(app)
    return app
