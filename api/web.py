"""The web page and the map, register and GraphML routes, registered on the HTTP app by
:func:`register`.

The page is plain HTML, CSS and JavaScript from ``api/static`` (no build step): it calls the
JSON API (``/v1/resolve``, ``/v1/suggest``) and shows the map from ``/v1/maps/{org}.html`` in
a frame. Every route reads the knowledge base from ``request.app.state.kb`` on each request, so
a reloaded knowledge base is picked up. Rendering runs in FastAPI's thread pool (plain ``def``
routes), not on the event loop.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, Response

from xborder.graph.errors import XborderInputError
from xborder.graph.kb import KnowledgeBase

__all__ = ["register"]

STATIC = Path(__file__).with_name("static")
_ASSETS = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8"}
_Text = Annotated[str | None, Query(max_length=200)]
_Date = Annotated[str | None, Query(max_length=32, examples=["2017-06-01"],
                                    description="the day to answer for, YYYY-MM-DD (default: "
                                                "today)")]
_Service = Annotated[str | None, Query(max_length=200, examples=["consumer-cloud"],
                                       description="service id, name, alias or URL (default: "
                                                   "all of the organisation's services)")]
_Location = Annotated[str | None, Query(max_length=200, examples=["RE"],
                                        description="only the flows of users in this place")]


def _kb(request: Request) -> KnowledgeBase:
    kb: KnowledgeBase = request.app.state.kb
    return kb


def catalog(kb: KnowledgeBase) -> dict[str, Any]:
    """What the page offers in its menus: organisations and their services."""
    return {"organisations": [
        {"id": o.id, "name": o.name,
         "services": [{"id": s.id, "name": s.name}
                      for s in sorted(o.services.values(), key=lambda s: s.name)]}
        for o in sorted(kb.model.organisations.values(), key=lambda o: o.name)]}


def _page(kb: KnowledgeBase) -> str:
    data = json.dumps(catalog(kb), ensure_ascii=False).replace("<", "\\u003c")
    return (STATIC / "index.html").read_text("utf-8").replace("{{catalog}}", data)


def _filename(org: str, at: str | None, suffix: str) -> str:
    safe = "".join(ch for ch in f"{org}-{at or 'today'}" if ch.isalnum() or ch in "-_")
    return f"{safe or 'xborder'}{suffix}"


def register(app: FastAPI) -> None:
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page(request: Request) -> HTMLResponse:
        return HTMLResponse(_page(_kb(request)), headers={"Cache-Control": "no-cache"})

    @app.get("/static/{name}", include_in_schema=False)
    def asset(name: str) -> Response:
        if name not in _ASSETS:
            return Response(status_code=404)
        return Response((STATIC / name).read_bytes(), media_type=_ASSETS[name],
                        headers={"Cache-Control": "public, max-age=300"})

    @app.get("/v1/suggest", tags=["locations"],
             summary="Type-ahead: jurisdictions whose code or name starts with q",
             description="What the page's location box suggests: codes and names (also in "
                         "French, German and Spanish) that start with `q`.",
             responses={200: {"content": {"application/json": {"example": {
                 "query": "Réun", "suggestions": [{"code": "RE", "name": "Réunion"}]}}}}})
    def suggest(request: Request,
                q: Annotated[str, Query(max_length=100, description="what was typed",
                                        examples=["Réun"])] = "",
                limit: Annotated[int, Query(ge=1, le=25, description="at most this many")] = 8,
                ) -> dict[str, Any]:
        return {"query": q, "suggestions": _kb(request).locations.suggest(q, limit)}

    @app.get("/v1/maps/{org}.html", tags=["maps"], response_class=HTMLResponse,
             summary="Interactive transfer map (self-contained HTML, works offline)",
             description="Users' places (grouped: the EEA, the places the policy lists, "
                         "everywhere else, each named by the controller it goes to) → "
                         "controllers → recipients; lines coloured by status, the instrument, "
                         "its window and source on hover. With `before`, the legs that changed "
                         "are highlighted.")
    def map_page(request: Request, org: str, at: _Date = None, service: _Service = None,
                 location: _Location = None,
                 before: Annotated[str | None, Query(
                     max_length=32, examples=["2020-07-15"],
                     description="an earlier day: highlight what changed by `at`")] = None,
                 embed: Annotated[bool, Query(description="without the page's header, for a "
                                                          "frame")] = False) -> HTMLResponse:
        from xborder.api.maps import map_html

        html = map_html(_kb(request), at, org, service or None, location or None,
                        before or None, embed=embed)
        return HTMLResponse(html, headers={"Cache-Control": "no-cache"})

    @app.get("/v1/maps/{org}/world.svg", tags=["maps"], response_class=Response,
             summary="Geographic world map (SVG, works offline)",
             description="Countries coloured by their data controller on `at` (with `location`: "
                         "by the status of that user's legs), flows to the recipients drawn as "
                         "arcs; every country and arc has a tooltip. Natural Earth geometry.",
             responses={200: {"content": {"image/svg+xml": {}}}})
    def world_map(request: Request, org: str, at: _Date = None, service: _Service = None,
                  location: Annotated[str | None, Query(
                      max_length=200, examples=["DE"],
                      description="colour by the status of this user's legs instead")] = None,
                  ) -> Response:
        from xborder.api.world import world_svg

        svg = world_svg(_kb(request), org, at, service or None, location or None)
        return Response(svg, media_type="image/svg+xml",
                        headers={"Cache-Control": "no-cache"})

    @app.get("/v1/maps/{org}.graphml", tags=["maps"],
             summary="The transfer network as GraphML (Gephi, yEd, Cytoscape)",
             description="One node per place, controller and recipient; one edge per leg with "
                         "its status, regime and mechanisms as attributes.",
             responses={200: {"content": {"application/graphml+xml": {}}}})
    def map_graphml(request: Request, org: str, at: _Date = None, service: _Service = None,
                    location: _Location = None) -> Response:
        from xborder.graph.register import register_graphml, transfer_register

        rows = transfer_register(_kb(request), at, org, service or None,
                                 [location] if location else None)
        name = _filename(org, at, ".graphml")
        return Response(register_graphml(rows), media_type="application/graphml+xml",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @app.get("/v1/register/{org}.{fmt}", tags=["maps"],
             summary="Transfer register: one row per leg (CSV or JSON)",
             description="`fmt` is `csv` or `json`. Each row: the user's place or the "
                         "controller, the destination, the recipient, the status, the "
                         "mechanisms with their instruments and validity, the policy sentence "
                         "and the legal sources.",
             responses={200: {"content": {"text/csv": {}, "application/json": {"example": {
                 "count": 1, "rows": [{"leg": "controller-to-recipient", "from": "DE",
                                       "to": "US", "status": "adequacy",
                                       "instrument": "Commission Implementing Decision (EU) "
                                                     "2016/1250"}]}}}}})
    def transfer_register_route(request: Request, org: str, fmt: str, at: _Date = None,
                                service: _Service = None,
                                location: _Location = None) -> Response:
        from xborder.graph.register import register_csv, transfer_register

        if fmt not in ("csv", "json"):
            raise XborderInputError(f"unknown register format {fmt!r}; use csv or json",
                                    candidates=[{"id": "csv"}, {"id": "json"}])
        rows = transfer_register(_kb(request), at, org, service or None,
                                 [location] if location else None)
        if fmt == "json":
            body = {"count": len(rows), "rows": [r.to_dict() for r in rows]}
            return Response(json.dumps(body, ensure_ascii=False),
                            media_type="application/json")
        name = _filename(org, at, ".csv")
        return Response(register_csv(rows), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    from xborder.api import routes_changes

    routes_changes.register(app)
