"""RFC 9457 problem details: the one shape every HTTP error takes, and its OpenAPI description.

Every problem has a stable ``type`` (``https://w3id.org/xborder/problems/<slug>``), a ``title``, the
``status``, a human ``detail`` and the request path as ``instance``; unknown and ambiguous
locations, services and organisations add their ``candidates``. The core's errors
(:mod:`xborder.graph.errors`) carry their own status and slug; this module adds the few that only
HTTP has (body too large, not acceptable, busy) and the exception handlers that guarantee that no
input produces a traceback.
"""

from __future__ import annotations

import logging
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from xborder.graph.errors import PROBLEM_BASE, XborderError, XborderInputError

__all__ = [
    "PROBLEM",
    "BodyTooLarge",
    "Busy",
    "NotAcceptable",
    "UnknownResource",
    "install_problem_handlers",
    "problem",
    "problem_body",
    "problem_responses",
    "problem_schema",
]

PROBLEM = "application/problem+json"
log = logging.getLogger("xborder.api")


class BodyTooLarge(XborderInputError):
    status = 413
    slug = "body-too-large"
    title = "Request body too large"


class NotAcceptable(XborderInputError):
    status = 406
    slug = "not-acceptable"
    title = "Not acceptable"


class UnknownResource(XborderInputError):
    """No such entity, regime … (the known ones are listed as ``candidates``)."""

    status = 404
    slug = "unknown-resource"
    title = "No such resource"

    def __init__(self, detail: str, candidates: list[dict[str, str]], **extra: Any) -> None:
        super().__init__(detail, candidates=candidates, **extra)


class Busy(XborderInputError):
    status = 429
    slug = "busy"
    title = "Too many concurrent requests"


_TITLES = {400: "Bad request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found",
           405: "Method not allowed", 406: "Not acceptable", 409: "Conflict",
           413: "Request body too large", 415: "Unsupported media type",
           422: "Unprocessable content", 429: "Too many requests"}
_SLUGS = {404: "not-found", 405: "method-not-allowed", 406: "not-acceptable",
          413: "body-too-large", 415: "unsupported-media-type"}


def problem_body(status: int, slug: str, title: str, detail: str, instance: str = "",
                 **extra: Any) -> bytes:
    body: dict[str, Any] = {"type": PROBLEM_BASE + slug, "title": title, "status": status,
                            "detail": detail}
    if instance:
        body["instance"] = instance
    body.update(extra)
    return orjson.dumps(body, default=str)


def problem(status: int, slug: str, title: str, detail: str, instance: str = "",
            headers: dict[str, str] | None = None, **extra: Any) -> Response:
    return Response(problem_body(status, slug, title, detail, instance, **extra),
                    status_code=status, media_type=PROBLEM, headers=headers)


def error_response(exc: XborderError, instance: str) -> Response:
    """The problem response for a core error (statuses ≥ 500 are reported as 500)."""
    status = exc.status if exc.status < 500 else 500
    headers = {"Retry-After": "1"} if status == 429 else None
    return problem(status, exc.slug, exc.title, exc.detail, instance, headers, **exc.extra)


def install_problem_handlers(app: FastAPI) -> None:
    """Every error path of ``app`` answers ``application/problem+json``."""

    @app.exception_handler(XborderError)
    async def _xborder_error(request: Request, exc: XborderError) -> Response:
        if exc.status >= 500:
            log.error("knowledge-base error on %s: %s", request.url.path, exc.detail)
        return error_response(exc, request.url.path)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", ""))}
                  for e in exc.errors()[:20]]
        detail = "; ".join(f"{'.'.join(e['loc'])}: {e['msg']}" for e in errors[:5])
        return problem(400, "invalid-request", "Invalid request", detail or "invalid request",
                       request.url.path, errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        status = exc.status_code
        slug = _SLUGS.get(status, "http-error")
        title = _TITLES.get(status, "HTTP error")
        detail = str(exc.detail) if exc.detail else title
        if status == 404 and detail == "Not Found":
            detail = f"no resource at {request.url.path}; see /docs for the API"
        return problem(status, slug, title, detail, request.url.path,
                       dict(exc.headers) if exc.headers else None)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return problem(500, "internal", "Internal error",
                       "the server could not answer this request", request.url.path)


def problem_schema() -> dict[str, Any]:
    """The JSON Schema of a problem object (``components/schemas/Problem``)."""
    return {
        "title": "Problem",
        "type": "object",
        "description": "RFC 9457 problem details. `type` is stable; match on it, not on "
                       "`detail`.",
        "required": ["type", "title", "status", "detail"],
        "properties": {
            "type": {"type": "string", "format": "uri",
                     "example": PROBLEM_BASE + "unknown-location"},
            "title": {"type": "string"},
            "status": {"type": "integer"},
            "detail": {"type": "string"},
            "instance": {"type": "string"},
            "candidates": {"type": "array", "items": {"type": "object"},
                           "description": "for unknown or ambiguous locations, services and "
                                          "organisations: what was probably meant"},
        },
        "additionalProperties": True,
    }


_DESCRIPTIONS = {
    400: "Malformed input (`invalid-request`, `invalid-input`, `invalid-date`, …)",
    403: "Refused (`sparql-update-forbidden`, `sparql-service-forbidden`)",
    404: "Unknown location, service, organisation or resource, or no rule in force",
    406: "No acceptable representation (`not-acceptable`)",
    409: "Ambiguous location: the candidates are listed",
    413: "Request body or batch too large",
    415: "Unsupported media type",
    422: "Well-formed but cannot be answered (`unplaceable-location`, SPARQL limits)",
    429: "Busy: retry after the number of seconds in `Retry-After`",
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for the given problem statuses."""
    ref = {"$ref": "#/components/schemas/Problem"}
    return {status: {"description": _DESCRIPTIONS.get(status, _TITLES.get(status, "Problem")),
                     "content": {PROBLEM: {"schema": ref}}}
            for status in statuses}
