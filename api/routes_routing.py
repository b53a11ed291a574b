"""``/v1/routing-table``: the compiled answer for every location × service of one organisation on
one date, as JSON or CSV, for a routing service to cache and revalidate."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import orjson
from fastapi import Request
from fastapi.responses import Response

from xborder.api.common import (
    AnswerCache,
    Routes,
    cache_for,
    cached_json,
    date_param,
    kb_of,
    negotiate,
    text_param,
    today,
)
from xborder.api.problems import problem_responses
from xborder.api.routes_resolve import AT_SCHEMA, MAX_TEXT
from xborder.api.schemas import query_param, ref
from xborder.graph.dates import parse_date
from xborder.graph.errors import XborderError, XborderInputError
from xborder.graph.kb import KnowledgeBase

__all__ = ["router", "routing_rows"]

router = Routes()

_CSV_COLUMNS = ("location", "location_name", "service", "controller", "controller_name",
                "controller_country", "rule", "default_rule", "caveat_count",
                "alternative_count",
                "error")


def routing_rows(kb: KnowledgeBase, org: str | None, day: dt.date) -> list[dict[str, Any]]:
    """Every jurisdiction × (no service, each service) → its controller on ``day``."""
    organisation = kb.organisation(org)
    names = {c: j.name for c, j in kb.model.jurisdictions.items()}
    rows: list[dict[str, Any]] = []
    for svc in (None, *organisation.services.values()):
        for code in kb.jurisdiction_codes():
            row: dict[str, Any] = {"location": code, "location_name": names.get(code, code),
                                   "service": svc.id if svc else None}
            try:
                r = kb.resolve(code, service=svc.id if svc else None, org=organisation.id,
                               at=day, transfers=False)
            except XborderError as exc:
                row.update(controller=None, controller_name=None, controller_country=None,
                           rule=None, default_rule=None, caveat_count=0, alternative_count=0,
                           error=exc.slug)
            else:
                c = r.controller
                row.update(controller=c.id, controller_name=c.name,
                           controller_country=c.country, rule=r.rule.id,
                           default_rule=r.rule.default, caveat_count=len(r.caveats),
                           alternative_count=len(r.alternatives), error=None)
            rows.append(row)
    return rows


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> Any:
    """A CSV cell; text that a spreadsheet would run as a formula is made text (as in the
    transfer register's CSV)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _routing_table(kb: KnowledgeBase, org: str | None, day: dt.date, fmt: str) -> bytes:
    rows = routing_rows(kb, org, day)
    organisation = kb.organisation(org)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(_CSV_COLUMNS)
        for row in rows:
            writer.writerow([_csv_cell(row[c]) for c in _CSV_COLUMNS])
        return out.getvalue().encode()
    return orjson.dumps({"organisation": organisation.id, "at": day.isoformat(),
                         "knowledge_base": kb.version, "count": len(rows), "rows": rows})


@router.get(
    "/v1/routing-table", tags=["controllers"],
    summary="The compiled answer for every location × service (cache and revalidate)",
    description="Every jurisdiction × (no service named, each service) → controller, rule and "
                "whether the answer carries caveats or alternatives, for one organisation and "
                "date. JSON by default; CSV with `format=csv` or `Accept: text/csv`. The `ETag` "
                "changes only with the knowledge base and the date: revalidate with "
                "`If-None-Match` instead of calling per request.",
    openapi_extra={"parameters": [
        query_param("org", "Organisation (may be omitted when only one is known).",
                    max_length=MAX_TEXT, examples={"id": "huawei"}),
        query_param("at", "Date `YYYY-MM-DD` (default: today).", schema=AT_SCHEMA,
                    examples={"in force": "2017-06-01"}),
        query_param("format", "`json` or `csv` (overrides `Accept`).",
                    schema={"type": "string", "enum": ["json", "csv"]}),
    ]},
    responses={200: {"description": "The routing table",
                     "content": {"application/json": {"schema": ref("RoutingTable")},
                                 "text/csv": {"schema": {"type": "string"}, "example": ",".join(
                                     _CSV_COLUMNS) + "\n…\n"}}},
               304: {"description": "Not modified"},
               **problem_responses(400, 404, 406)},
)
async def routing_table(request: Request) -> Response:
    params = request.query_params
    org = text_param(params, "org", MAX_TEXT)
    at = date_param(params)
    fmt = params.get("format")
    if fmt is not None and fmt not in ("json", "csv"):
        raise XborderInputError(f"format must be json or csv, not {fmt[:40]!r}")
    if fmt is None:
        fmt = negotiate(request.headers.get("accept"),
                        [("application/json", "json"), ("text/csv", "csv")], "json")
    kb = kb_of(request)
    day = parse_date(at) if at else today()
    organisation = kb.organisation(org)
    etag = f'"{kb.version}-{organisation.id}-{day.isoformat()}-{fmt}"'
    cache = cache_for(kb, "routing-tables", lambda: AnswerCache(32 * 1024 * 1024))
    key = (organisation.id, day, fmt)
    entry = cache.get(key)
    if entry is None:
        body = _routing_table(kb, organisation.id, day, fmt)
        entry = (200, body, [])
        cache.put(key, entry)
    media = "text/csv; charset=utf-8" if fmt == "csv" else "application/json"
    return cached_json(request, etag, entry[1], media, vary="Accept")
