"""The answers: ``/v1/resolve`` (the hot path), ``/v1/resolve/batch`` and ``/v1/transfers``
(the routing table is :mod:`xborder.api.routes_routing`).

The resolve path reads its query parameters itself (no pydantic models: they cost ~15–20 % of the
throughput on this path) and keeps finished answers — body and headers, pre-serialised with orjson
— in a per-knowledge-base cache keyed by the question and the effective date. The OpenAPI document
still describes every parameter (``openapi_extra``), and the validation here matches it.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from typing import Any

import anyio.to_thread
import orjson
from fastapi import Request
from fastapi.responses import Response

from xborder.api.common import (
    DATE_PATTERN,
    JSON,
    AnswerCache,
    RawResponse,
    Routes,
    bool_param,
    cache_for,
    cached_json,
    date_param,
    json_headers,
    kb_of,
    text_param,
    today,
)
from xborder.api.problems import (
    PROBLEM,
    BodyTooLarge,
    Busy,
    problem_body,
    problem_responses,
)
from xborder.api.schemas import query_param, ref
from xborder.graph.errors import XborderError, XborderInputError
from xborder.graph.kb import KnowledgeBase
from xborder.graph.resolution import Resolution

__all__ = ["AT_SCHEMA", "MAX_BATCH", "MAX_BATCH_BYTES", "MAX_CONCURRENT_BATCHES", "router"]

router = Routes()
MAX_BATCH = 10_000
MAX_BATCH_BYTES = 64 * 1024 * 1024  # a batch's answers; full answers are ~2–18 KB each
MAX_CONCURRENT_BATCHES = 2  # more at once: 429 busy (bounds memory to about 2 × 64 MB)
AT_SCHEMA: dict[str, Any] = {"type": "string", "maxLength": 10, "pattern": DATE_PATTERN}
MAX_TEXT = 200
MAX_DATE_TEXT = 32
_PROBLEM = PROBLEM.encode()
_CACHE_BYTES = 64 * 1024 * 1024

_RESOLVE_PARAMS = [
    query_param("location", "Where the user is: ISO 3166-1/-2 code, country name (many "
                "languages), a policy's word, an IPv4/IPv6 address, or `lat,lon`.",
                required=True, max_length=MAX_TEXT,
                examples={"Réunion": "RE", "name": "Deutschland", "subdivision": "ES-CN",
                          "IP address": "81.2.69.160", "coordinates": "48.5734,7.7521"}),
    query_param("service", "Service id, name, alias or URL (default: none named).",
                max_length=MAX_TEXT, examples={"id": "consumer-cloud",
                                               "URL": "https://www.hihonor.com/us"}),
    query_param("org", "Organisation id or name (may be omitted when only one is known).",
                max_length=MAX_TEXT, examples={"id": "huawei"}),
    query_param("at", "Date `YYYY-MM-DD`, 1900-01-01 to 2999-12-31 (default or empty: "
                "today).",
                schema=AT_SCHEMA, examples={"in force": "2017-06-01"}),
    query_param("transfers", "Include the evaluated transfer legs (user → controller → "
                "recipients). `false` makes answers ~8× smaller and faster; a router that "
                "needs only the controller should ask for that.", schema={"type": "boolean",
                                                                          "default": True}),
    query_param("view", "`full` (default): the whole answer with its sources. `compact`: "
                "location, controller, rule, and how many caveats and which alternative "
                "controllers there are (~0.3 KB instead of ~2–18 KB; no transfer legs) — ask "
                "`full` for the reasons.", schema={"type": "string", "enum": ["full", "compact"],
                                                   "default": "full"}),
]


def _compact(r: Resolution) -> dict[str, Any]:
    c, a = r.controller, r.answer
    return {"at": r.at.isoformat(),
            "location": {"input": r.input, "code": a.code, "name": a.name},
            "controller": {"id": c.id, "name": c.name, "country": c.country},
            "rule": {"id": a.rule.id, "default": a.rule.default},
            "caveat_count": len(a.caveats) + (1 if r.note else 0),
            "alternative_controllers": [x["controller"]["id"] for x in a.alternatives]}


def view_param(params: Any) -> bool:
    """Is ``view=compact`` asked for (``full`` is the default)?"""
    view = params.get("view")
    if view is None or view == "full":
        return False
    if view == "compact":
        return True
    raise XborderInputError(f"view must be full or compact, not {view[:40]!r}",
                            parameter="view")


def _cache(request: Request, kb: KnowledgeBase) -> AnswerCache:
    """The answer cache of ``kb`` (read once per request with the knowledge base it serves)."""
    size = getattr(request.app.state, "answer_cache_bytes", _CACHE_BYTES)
    cache: AnswerCache = cache_for(kb, "answers", lambda: AnswerCache(size))
    return cache


def _answer(kb: KnowledgeBase, cache: AnswerCache, location: str, service: str | None,
            org: str | None, at: str | None, transfers: bool, compact: bool, day: dt.date,
            path: str) -> tuple[int, bytes, list[tuple[bytes, bytes]]]:
    """(status, body, headers) for one question, from the cache or freshly computed."""
    transfers = transfers and not compact
    key = (location, service, org, at or day, transfers, compact, path)
    entry = cache.get(key)
    if entry is None:
        try:
            result = kb.resolve(location, service=service, org=org, at=at or day,
                                transfers=transfers)
            body = orjson.dumps(_compact(result) if compact else result.to_dict())
            etag = f'"{kb.version}-{result.at.isoformat()}"'.encode()
            entry = (200, body, json_headers(body, etag))
        except XborderError as exc:
            status = exc.status if exc.status < 500 else 500
            body = problem_body(status, exc.slug, exc.title, exc.detail, path, **exc.extra)
            entry = (status, body, [(b"content-type", _PROBLEM),
                                    (b"content-length", str(len(body)).encode())])
            if status >= 500:
                return entry
        cache.put(key, entry)
    return entry


@router.get(
    "/v1/resolve", lean=True, tags=["controllers"],
    summary="The data controller for a location",
    description="Who is the data controller for a user at `location` using `service` on `at`, "
                "the rule and policy sentence that decide it, and (unless `transfers=false`) "
                "what lets the data cross each border. The same JSON as "
                "`xborder resolve --json`. Answers carry an `ETag` (knowledge-base version and "
                "date) and `Cache-Control`.",
    openapi_extra={"parameters": _RESOLVE_PARAMS},
    responses={200: {"description": "The resolution (or its compact view)",
                     "content": {"application/json": {"schema": {
                         "oneOf": [ref("Resolution"), ref("CompactResolution")]}}}},
               304: {"description": "Not modified (If-None-Match matched the ETag)"},
               **problem_responses(400, 404, 409, 422)},
)
async def resolve(request: Request) -> Response:
    scope = request.scope
    kb = kb_of(request)
    cache = _cache(request, kb)
    # The cache is keyed on the question as parsed (each part bounded by the schema's
    # maxLength), never on the raw query string: padding a URL with unused parameters
    # cannot make new entries, and every key counts in the cache's byte budget.
    params = request.query_params
    location = text_param(params, "location", MAX_TEXT, required=True)
    assert location is not None
    service = text_param(params, "service", MAX_TEXT)
    org = text_param(params, "org", MAX_TEXT)
    at = date_param(params)
    transfers = bool_param(params, "transfers", True)
    compact = view_param(params)
    entry = _answer(kb, cache, location, service, org, at, transfers, compact, today(),
                    scope["path"])
    status, body, headers = entry
    if status == 200:
        for name, _ in scope["headers"]:
            if name == b"if-none-match":
                return cached_json(request, headers[2][1].decode(), body)
    return RawResponse(status, body, list(headers))


def _batch_items(data: Any) -> list[dict[str, Any]]:
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise XborderInputError("the body must be a JSON object with an array 'items'")
    items: list[dict[str, Any]] = data["items"]
    if len(items) > MAX_BATCH:
        raise BodyTooLarge(f"a batch holds at most {MAX_BATCH} items, not {len(items)}",
                           limit=MAX_BATCH)
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise XborderInputError(f"items[{i}] must be an object", index=i)
        for name, limit, required in (("location", MAX_TEXT, True), ("service", MAX_TEXT, False),
                                      ("org", MAX_TEXT, False), ("at", MAX_DATE_TEXT, False)):
            value = item.get(name)
            if value is None:
                if required:
                    raise XborderInputError(f"items[{i}].{name} is required", index=i)
            elif not isinstance(value, str) or len(value) > limit:
                raise XborderInputError(f"items[{i}].{name} must be text of at most {limit} "
                                        "characters", index=i)
    return items


@router.post(
    "/v1/resolve/batch", tags=["controllers"],
    summary="Many look-ups in one call; failures reported in place",
    description=f"Up to {MAX_BATCH} questions in one JSON body. Answers come back in order, "
                "each `{\"ok\": true, \"result\": …}` (the `/v1/resolve` JSON) or "
                "`{\"ok\": false, \"problem\": …}`: one failing item never fails the rest. "
                "Pass `transfers=false` or `view=compact` when only the controller is needed. "
                f"Limits: the body at most 8 MiB, the answers at most {MAX_BATCH_BYTES} bytes "
                "(413 `body-too-large` names the item where they passed it), and at most "
                f"{MAX_CONCURRENT_BATCHES} batches at once (429 `busy`, with `Retry-After`).",
    openapi_extra={"parameters": _RESOLVE_PARAMS[-2:],
                   "requestBody": {"required": True, "content": {
                       "application/json": {"schema": ref("BatchRequest")}}}},
    responses={200: {"description": "One answer per item, in order",
                     "content": {"application/json": {"schema": ref("BatchResponse")}}},
               **problem_responses(400, 413, 429)},
)
async def resolve_batch(request: Request) -> Response:
    transfers = bool_param(request.query_params, "transfers", True)
    compact = view_param(request.query_params)
    raw = await request.body()
    kb = kb_of(request)
    cache = _cache(request, kb)
    slots = _batch_slots(request)
    if not slots.acquire(blocking=False):
        raise Busy(f"at most {MAX_CONCURRENT_BATCHES} batches run at once; retry shortly")
    try:
        # Off the event loop: /v1/resolve keeps answering while a batch is computed.
        out = await anyio.to_thread.run_sync(
            _run_batch, kb, cache, raw, transfers, compact, today(), request.url.path)
    finally:
        slots.release()
    return RawResponse(200, out, [(b"content-type", JSON),
                                  (b"content-length", str(len(out)).encode())])


def _batch_slots(request: Request) -> threading.BoundedSemaphore:
    slots: threading.BoundedSemaphore | None = getattr(request.app.state, "batch_slots", None)
    if slots is None:
        slots = threading.BoundedSemaphore(MAX_CONCURRENT_BATCHES)
        request.app.state.batch_slots = slots
    return slots


def _run_batch(kb: KnowledgeBase, cache: AnswerCache, raw: bytes, transfers: bool,
               compact: bool, day: dt.date, path: str) -> bytes:
    """The batch's response body; refused (413) once the answers pass ``MAX_BATCH_BYTES``."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise XborderInputError(f"the body is not valid JSON (UTF-8): {exc}") from None
    items = _batch_items(data)
    parts = []
    size = 0
    for n, item in enumerate(items):
        if n % 4 == 0:
            time.sleep(0)  # hand the interpreter to the event loop: resolve answers meanwhile
        status, body, _ = _answer(kb, cache, item["location"], item.get("service"),
                                  item.get("org"), item.get("at"), transfers, compact, day,
                                  path)
        size += len(body) + 24
        if size > MAX_BATCH_BYTES:
            raise BodyTooLarge(
                f"the answers to this batch pass {MAX_BATCH_BYTES} bytes at item {n}; ask "
                "view=compact or transfers=false, or split the batch",
                limit=MAX_BATCH_BYTES, index=n)
        parts.append((b'{"ok":true,"result":' if status == 200 else
                      b'{"ok":false,"problem":') + body + b"}")
    return b'{"count":%d,"results":[' % len(parts) + b",".join(parts) + b"]}"


@router.get(
    "/v1/transfers", tags=["transfers"],
    summary="May data go from A to B on a date, and on what basis",
    description="The exporting regime, the status (`same-area`, `adequacy`, "
                "`safeguards-required`, `no-general-restriction`, `unknown`), the mechanisms "
                "usable on that date with their sources, and — with `org` — what that "
                "organisation's policy claims. The same JSON as `xborder transfers --json`.",
    openapi_extra={"parameters": [
        query_param("from", "Where the data is (same forms as `location`).", required=True,
                    max_length=MAX_TEXT, examples={"Germany": "DE"}),
        query_param("to", "Where it goes.", required=True, max_length=MAX_TEXT,
                    examples={"United States": "US"}),
        query_param("at", "Date `YYYY-MM-DD` (default: today).", schema=AT_SCHEMA,
                    examples={"after Schrems II": "2020-07-17"}),
        query_param("org", "Show what this organisation's policy claims.",
                    max_length=MAX_TEXT, examples={"id": "huawei"}),
    ]},
    responses={200: {"description": "The transfer answer",
                     "content": {"application/json": {"schema": ref("Transfer")}}},
               304: {"description": "Not modified"},
               **problem_responses(400, 404, 409, 422)},
)
async def transfers(request: Request) -> Response:
    params = request.query_params
    src = text_param(params, "from", MAX_TEXT, required=True)
    dst = text_param(params, "to", MAX_TEXT, required=True)
    at = date_param(params)
    org = text_param(params, "org", MAX_TEXT)
    assert src is not None and dst is not None
    kb = kb_of(request)
    result = kb.transfer(src, dst, at=at or today(), org=org)
    etag = f'"{kb.version}-{result.at.isoformat()}"'
    return cached_json(request, etag, orjson.dumps(result.to_dict()))
