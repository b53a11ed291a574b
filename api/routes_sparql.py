"""The ``/sparql`` routes (SPARQL 1.1 Protocol, read-only): the query from ``GET`` or ``POST``,
content negotiation, conditional requests; the query itself is checked and run by
:class:`xborder.api.sparql.SparqlService`."""

from __future__ import annotations

import asyncio
import hashlib
from typing import Any
from urllib.parse import parse_qs

from fastapi import Request
from fastapi.responses import Response

from xborder.api.common import (
    CACHE_CONTROL,
    Routes,
    etag_matches,
    kb_of,
    negotiate,
    not_modified,
)
from xborder.api.problems import (
    BodyTooLarge,
    NotAcceptable,
    problem,
    problem_responses,
)
from xborder.api.schemas import query_param
from xborder.api.sparql import Forbidden, SparqlService, UnsupportedMediaType, check_read_only
from xborder.graph.errors import XborderInputError

__all__ = ["MAX_QUERY", "format_value", "router"]

router = Routes()

MAX_QUERY = 64 * 1024
_SOLUTION_OFFERS = [("application/sparql-results+json", "json"), ("application/json", "json"),
                    ("application/sparql-results+xml", "xml"), ("application/xml", "xml"),
                    ("text/csv", "csv"), ("text/tab-separated-values", "tsv")]
_GRAPH_OFFERS = [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                 ("application/ld+json", "jsonld"), ("application/rdf+xml", "rdfxml"),
                 ("text/plain", "nt")]
_FORMAT_PARAM = {"json": ("json", "jsonld"), "xml": ("xml", "rdfxml"), "csv": ("csv", None),
                 "tsv": ("tsv", None), "turtle": (None, "turtle"), "ttl": (None, "turtle"),
                 "nt": (None, "nt"), "jsonld": (None, "jsonld"),
                 # the names SPARQLWrapper sends as format/output/results (N3 as Turtle, a
                 # subset of it that every N3 reader reads)
                 "json-ld": (None, "jsonld"), "rdf+xml": ("xml", "rdfxml"),
                 "rdf": ("xml", "rdfxml"), "n3": (None, "turtle")}
_DATASET = ("default-graph-uri", "named-graph-uri")
# format= may also name a media type (SPARQLWrapper repeats format= with the name and the type)
_MEDIA_FORMAT = {"application/sparql-results+json": "json", "application/json": "json",
                 "application/sparql-results+xml": "xml", "application/xml": "xml",
                 "text/csv": "csv", "text/tab-separated-values": "tsv", "text/turtle": "turtle",
                 "application/n-triples": "nt", "application/ld+json": "jsonld",
                 "application/rdf+xml": "rdf+xml"}


def format_value(values: list[str]) -> str | None:
    """The first ``format`` value this endpoint knows (a name or a media type), else the last
    one given (to be refused by name), else None."""
    for value in values:
        low = value.strip().lower()
        if low in _FORMAT_PARAM:
            return low
        if low in _MEDIA_FORMAT:
            return _MEDIA_FORMAT[low]
    return values[-1] if values else None


def _formats(request: Request, fmt: str | None) -> tuple[str | None, str | None]:
    if fmt is not None:
        if fmt not in _FORMAT_PARAM:
            raise XborderInputError(f"format must be one of {', '.join(_FORMAT_PARAM)}")
        return _FORMAT_PARAM[fmt]
    accept = request.headers.get("accept")
    choices: list[str | None] = []
    for offers, default in ((_SOLUTION_OFFERS, "json"), (_GRAPH_OFFERS, "turtle")):
        try:
            choices.append(negotiate(accept, offers, default))
        except NotAcceptable:
            choices.append(None)
    if choices == [None, None]:
        raise NotAcceptable("offered: SPARQL results (JSON, XML, CSV, TSV) or RDF (Turtle, "
                            "N-Triples, JSON-LD, RDF/XML)")
    return choices[0], choices[1]


def _refuse_dataset(*sources: Any) -> None:
    """The SPARQL Protocol's dataset parameters: this endpoint has one default graph (the
    knowledge base) and no named graphs, so a request naming others is refused, not ignored."""
    for source in sources:
        for name in _DATASET:
            if source.get(name):
                raise XborderInputError(
                    f"{name} is not supported: this endpoint queries one default graph, the "
                    "knowledge base, and holds no named graphs; omit it (FROM and FROM NAMED "
                    "in the query are read the same way)", parameter=name)


async def _answer(request: Request, text: str | None, fmt: str | None) -> Response:
    if text is None or not text.strip():
        raise XborderInputError("no query: give the SPARQL query as 'query'")
    if len(text) > MAX_QUERY:
        raise BodyTooLarge(f"the query is longer than {MAX_QUERY} characters")
    sol_fmt, graph_fmt = _formats(request, fmt)
    kb = kb_of(request)
    digest = hashlib.blake2b(f"{text}\0{sol_fmt}\0{graph_fmt}".encode(),
                             digest_size=8).hexdigest()
    etag = f'"{kb.version}-{digest}"'
    if etag_matches(request, etag):  # the same query on the same version: not run again
        return not_modified(etag, vary="Accept")
    await asyncio.to_thread(check_read_only, text)
    service: SparqlService = request.app.state.sparql
    reply = await service.query(kb, text, sol_fmt, graph_fmt)
    if reply[0] == "error":
        _, status, slug, detail = reply
        return problem(status, slug, "SPARQL query refused" if status != 400 else
                       "Invalid SPARQL query", detail, request.url.path)
    _, media, body = reply
    return Response(body, media_type=media, headers={
        "Cache-Control": CACHE_CONTROL, "Vary": "Accept", "ETag": etag})


_PROBLEMS = problem_responses(400, 403, 406, 413, 415, 422, 429)
_RESULTS = {"description": "Query results",
            "content": {"application/sparql-results+json": {"schema": {"type": "object"}},
                        "application/ld+json": {"schema": {"type": ["array", "object"]}},
                **{m.split(";")[0]: {"schema": {"type": "string"}} for m in (
                    "application/sparql-results+xml", "text/csv", "text/tab-separated-values",
                    "text/turtle", "application/n-triples", "application/rdf+xml")}}}
_FORMAT = query_param("format", "Result format (overrides `Accept`).",
                      schema={"type": "string", "enum": sorted(_FORMAT_PARAM)})
_EXAMPLE = ("PREFIX dpv: <https://w3id.org/dpv#>\n"
            "SELECT ?entity ?name WHERE { ?entity a dpv:LegalEntity ; dpv:hasName ?name }")


@router.get(
    "/sparql", tags=["sparql"], summary="SPARQL 1.1 query (read-only)",
    description="The SPARQL 1.1 Protocol over the knowledge-base graph. Read-only: updates "
                "and SERVICE are refused (403). Each query has a time limit and a result-size "
                "limit (422 past either). `default-graph-uri` and `named-graph-uri` are refused "
                "(400): the one default graph is the knowledge base. Answers carry an `ETag`; "
                "`If-None-Match` gets a 304 without running the query again.",
    openapi_extra={"parameters": [
        query_param("query", "The SPARQL 1.1 query.", required=True, max_length=MAX_QUERY,
                    examples={"legal entities": _EXAMPLE}), _FORMAT]},
    responses={200: _RESULTS, 304: {"description": "Not modified (If-None-Match matched)"},
               **_PROBLEMS},
)
async def sparql_get(request: Request) -> Response:
    params = request.query_params
    if "update" in params:
        raise Forbidden("this endpoint is read-only: SPARQL updates are refused")
    _refuse_dataset(params)
    return await _answer(request, params.get("query"), format_value(params.getlist("format")))


@router.post(
    "/sparql", tags=["sparql"], summary="SPARQL 1.1 query by POST (read-only)",
    description="The query as an `application/sparql-query` body, or as the `query` field of "
                "an `application/x-www-form-urlencoded` body. `application/sparql-update` and "
                "an `update` field are refused (403).",
    openapi_extra={"parameters": [_FORMAT], "requestBody": {"required": True, "content": {
        "application/sparql-query": {"schema": {"type": "string", "maxLength": MAX_QUERY},
                                     "example": _EXAMPLE},
        "application/x-www-form-urlencoded": {"schema": {
            "type": "object", "required": ["query"],
            "properties": {"query": {"type": "string", "maxLength": MAX_QUERY}}}}}}},
    responses={200: _RESULTS, 304: {"description": "Not modified (If-None-Match matched)"},
               **_PROBLEMS},
)
async def sparql_post(request: Request) -> Response:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "application/sparql-update":
        raise Forbidden("this endpoint is read-only: SPARQL updates are refused")
    if media not in ("application/sparql-query", "application/x-www-form-urlencoded"):
        raise UnsupportedMediaType("send application/sparql-query or "
                                   "application/x-www-form-urlencoded")
    raw = await request.body()
    if len(raw) > 4 * MAX_QUERY:
        raise BodyTooLarge(f"the body is larger than {4 * MAX_QUERY} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise XborderInputError("the body is not UTF-8") from None
    fmt = format_value(request.query_params.getlist("format"))
    _refuse_dataset(request.query_params)
    if media == "application/sparql-query":
        return await _answer(request, text, fmt)
    try:
        form = parse_qs(text, keep_blank_values=True, max_num_fields=16)
    except ValueError:
        raise XborderInputError("the form has too many fields") from None
    if "update" in form:
        raise Forbidden("this endpoint is read-only: SPARQL updates are refused")
    _refuse_dataset({k: v[-1] for k, v in form.items()})
    queries = form.get("query")
    if fmt is None and form.get("format"):  # SPARQLWrapper sends it in the form
        fmt = format_value(form["format"])
    return await _answer(request, queries[-1] if queries else None, fmt)
