"""``GET|POST /sparql``: the SPARQL 1.1 Protocol, read-only, over a copy of the knowledge base.

- Queries run in a child process (:mod:`xborder.api.sparql_worker`) holding an Oxigraph store
  loaded from the graph; past the time limit the process is killed (and restarted on the next
  query), so no query can hold the server. One query runs at a time; others wait up to the time
  limit, then get ``429`` with ``Retry-After``.
- Updates are refused with ``403`` (an ``update`` parameter, ``application/sparql-update``, or a
  query text that is an update), and so is ``SERVICE`` (Oxigraph would fetch it over HTTP). Both
  are decided on the *parsed* query (rdflib's SPARQL 1.1 grammar), never on its text; a text that
  grammar cannot read is refused (400) before it reaches the engine, and the worker runs in a
  network namespace of its own, so no spelling the engine might read as ``SERVICE`` can open a
  connection.
- Results: SPARQL JSON (default), XML, CSV or TSV for SELECT/ASK; Turtle (default), N-Triples,
  JSON-LD or RDF/XML for CONSTRUCT/DESCRIBE — by ``Accept`` or ``format``. More than the result
  limit is ``422`` (add a ``LIMIT``), never a silent truncation.

The other endpoints never build SPARQL from parameters; this one runs the caller's query as given,
on a copy that holds nothing but the public knowledge base.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any
from urllib.parse import parse_qs

from fastapi import Request
from fastapi.responses import Response
from pyparsing import ParseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from xborder.api import sparql_worker
from xborder.api.common import (
    CACHE_CONTROL,
    Routes,
    cache_for,
    etag_matches,
    kb_of,
    negotiate,
    not_modified,
)
from xborder.api.problems import (
    BodyTooLarge,
    Busy,
    NotAcceptable,
    problem,
    problem_responses,
)
from xborder.api.schemas import query_param
from xborder.graph.errors import XborderError, XborderInputError
from xborder.graph.kb import KnowledgeBase

__all__ = ["SparqlLimits", "SparqlService", "check_read_only", "router"]

log = logging.getLogger("xborder.sparql")

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


class Forbidden(XborderInputError):
    status = 403
    slug = "sparql-update-forbidden"
    title = "Read-only endpoint"


class ServiceForbidden(Forbidden):
    slug = "sparql-service-forbidden"
    title = "Federated queries are not allowed"


class SparqlSyntaxError(XborderInputError):
    slug = "sparql-syntax"
    title = "Invalid SPARQL query"


class EngineUnavailable(XborderError):
    status = 503
    slug = "sparql-unavailable"
    title = "SPARQL engine unavailable"


class UnsupportedMediaType(XborderInputError):
    status = 415
    slug = "unsupported-media-type"
    title = "Unsupported media type"


@dataclass(frozen=True)
class SparqlLimits:
    timeout: float = 10.0  # seconds a query may run
    max_results: int = 10_000  # solutions or triples
    max_bytes: int = 16 * 1024 * 1024  # serialised answer
    memory: int = 2 * 1024 * 1024 * 1024  # the worker's address space


class SparqlService:
    """One worker process for one knowledge-base version, started on the first query.

    The worker is ``python -I api/sparql_worker.py`` (isolated: no script directory on the path,
    no environment variables, no user site), talking over two dedicated pipes; it never imports
    the parent's ``__main__`` as multiprocessing would.
    """

    def __init__(self, limits: SparqlLimits) -> None:
        self.limits = limits
        self._proc: subprocess.Popen[bytes] | None = None
        self._send: Connection | None = None
        self._recv: Connection | None = None
        self._version: str | None = None
        self._lock = threading.Lock()

    def close(self) -> None:
        if self._send is not None:
            with contextlib.suppress(OSError, ValueError):
                self._send.send(None)
        proc = self._proc
        self._close_pipes()
        if proc is not None:
            try:
                proc.wait(1)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(2)

    def _close_pipes(self) -> None:
        for conn in (self._send, self._recv):
            if conn is not None:
                conn.close()
        self._proc = self._send = self._recv = None

    def _kill(self) -> None:
        proc = self._proc
        self._close_pipes()
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait(2)

    async def _wait(self, timeout: float) -> bool:
        assert self._recv is not None
        if self._recv.poll(0):
            return True
        loop = asyncio.get_running_loop()
        ready: asyncio.Future[None] = loop.create_future()

        def on_readable() -> None:
            if not ready.done():
                ready.set_result(None)

        fd = self._recv.fileno()
        loop.add_reader(fd, on_readable)
        try:
            await asyncio.wait_for(ready, timeout)
            return True
        except TimeoutError:
            return False
        finally:
            loop.remove_reader(fd)

    async def _start(self, kb: KnowledgeBase) -> None:
        self._kill()
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        try:
            proc = subprocess.Popen(
                [sys.executable, "-I", sparql_worker.__file__, str(to_child_r),
                 str(from_child_w)],
                pass_fds=(to_child_r, from_child_w), stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, close_fds=True)
        finally:
            os.close(to_child_r)
            os.close(from_child_w)
        self._proc = proc
        self._send = Connection(to_child_w, readable=False)
        self._recv = Connection(from_child_r, writable=False)
        self._version = kb.version
        limits = self.limits
        exports: dict[str, bytes] = cache_for(kb, "export", dict)  # shared with /v1/export
        if "nt" not in exports:
            exports["nt"] = (await asyncio.to_thread(kb.export, "nt")).encode()
        payload = (exports["nt"], limits.max_results, limits.max_bytes, limits.memory)
        try:
            await asyncio.to_thread(self._send.send, payload)  # the pipe may fill: off-loop
            greeting = self._recv.recv() if await self._wait(60.0) else None
        except (EOFError, OSError):
            greeting = None
        if greeting != ("ready",):
            self._kill()
            if greeting and greeting[0] == "refused":
                log.error("SPARQL worker refused to start: %s", greeting[1])
                raise EngineUnavailable("the SPARQL engine cannot be isolated from the network "
                                        "on this machine, so it does not run")
            raise Busy("the SPARQL engine could not start; try again")

    async def query(self, kb: KnowledgeBase, text: str, sol_fmt: str | None,
                    graph_fmt: str | None) -> tuple[Any, ...]:
        deadline = time.monotonic() + self.limits.timeout
        while not self._lock.acquire(blocking=False):
            if time.monotonic() > deadline:
                raise Busy("another SPARQL query is running; retry shortly")
            await asyncio.sleep(0.005)
        # Until a reply is read, the worker owes one: if this request is cancelled (the client
        # went away) or times out, the worker is stopped so no stale reply meets the next query.
        done = False
        try:
            if self._proc is None or self._proc.poll() is not None or \
                    self._version != kb.version:
                await self._start(kb)
            assert self._send is not None and self._recv is not None
            try:
                self._send.send((text, sol_fmt, graph_fmt))
                if not await self._wait(self.limits.timeout):
                    return ("error", 422, "sparql-timeout",
                            f"the query ran longer than {self.limits.timeout:g} s and was "
                            "stopped")
                reply: tuple[Any, ...] = self._recv.recv()
                done = True
            except (EOFError, OSError):
                return ("error", 422, "sparql-too-expensive",
                        "the query exhausted the resources a query may use")
            return reply
        finally:
            if not done:
                self._kill()
            self._lock.release()


def _names(tree: Any, found: set[str]) -> set[str]:
    """Every grammar rule name in an rdflib SPARQL parse tree."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            found.add(node.name)
            stack.extend(node.values())
        elif isinstance(node, (list, tuple, ParseResults)):
            stack.extend(node)
    return found


def check_read_only(text: str) -> None:
    """Refuse what is not a read-only, local SPARQL 1.1 query, on its parse tree: an update
    (``LOAD`` included) is 403, a ``SERVICE`` pattern anywhere is 403, and a text the SPARQL 1.1
    grammar cannot read is 400 — so it never reaches an engine that might read it otherwise."""
    try:
        tree = parseQuery(text)
    except ParseException as exc:
        try:
            parseUpdate(text)
        except ParseException:
            raise SparqlSyntaxError(f"the query is not SPARQL 1.1: {exc.msg} at line "
                                    f"{exc.lineno}, column {exc.col}") from None
        raise Forbidden("this endpoint is read-only: SPARQL updates are refused") from None
    except RecursionError:
        raise SparqlSyntaxError("the query is nested too deeply") from None
    if "ServiceGraphPattern" in _names(tree, set()):
        raise ServiceForbidden("SERVICE (federated query) is not allowed on this endpoint")


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
