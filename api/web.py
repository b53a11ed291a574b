"""The web page and the map routes, registered on the HTTP app by :func:`register`."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

__all__ = ["register"]

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>xborder</title></head>
<body><h1>xborder</h1>
<p>Who controls personal data, and what lets it cross each border.</p>
<p>See the <a href="/docs">API documentation</a>.</p></body></html>"""


def register(app: FastAPI) -> None:
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def page() -> str:
        return _PAGE
