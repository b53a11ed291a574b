"""The SPARQL worker: a child process that holds a read-only Oxigraph copy of the knowledge base
and answers one query at a time.

It runs apart from the server so that a query can be stopped: the parent kills it when the time
limit passes (an Oxigraph query cannot be interrupted from inside), and a query that exhausts its
memory limit takes only this process down. Only stdlib, orjson and pyoxigraph are imported here,
so it starts in well under a second.

It runs as a script (``python -I sparql_worker.py READ_FD WRITE_FD``) over two pipes wrapped in
:class:`multiprocessing.connection.Connection`. The parent first sends ``(n_triples,
max_results, max_bytes, memory_limit)``, waits for ``("ready",)``, then sends
``(query, solutions_format | None, graph_format | None)``; the worker answers
``("ok", media_type, body)`` or ``("error", status, slug, detail)``.
"""

from __future__ import annotations

import csv
import io
import sys
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import orjson

__all__ = ["GRAPH_FORMATS", "SOLUTION_FORMATS", "serve"]

SOLUTION_FORMATS = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
}
GRAPH_FORMATS = {
    "turtle": "text/turtle; charset=utf-8",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def _json_term(term: Any) -> dict[str, Any]:
    kind = type(term).__name__
    if kind == "NamedNode":
        return {"type": "uri", "value": term.value}
    if kind == "BlankNode":
        return {"type": "bnode", "value": term.value}
    if kind == "Literal":
        d: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            d["xml:lang"] = term.language
        elif term.datatype.value not in (_XSD_STRING, _LANG_STRING):
            d["datatype"] = term.datatype.value
        return d
    return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                        "predicate": _json_term(term.predicate),
                                        "object": _json_term(term.object)}}


def _xml_term(term: Any) -> str:
    kind = type(term).__name__
    if kind == "NamedNode":
        return f"<uri>{escape(term.value)}</uri>"
    if kind == "BlankNode":
        return f"<bnode>{escape(term.value)}</bnode>"
    if kind == "Literal":
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value not in (_XSD_STRING, _LANG_STRING):
            return (f"<literal datatype={quoteattr(term.datatype.value)}>"
                    f"{escape(term.value)}</literal>")
        return f"<literal>{escape(term.value)}</literal>"
    return f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>" \
           f"{_xml_term(term.predicate)}</predicate><object>{_xml_term(term.object)}" \
           "</object></triple>"


def _plain(term: Any) -> str:
    if term is None:
        return ""
    kind = type(term).__name__
    if kind == "BlankNode":
        return f"_:{term.value}"
    if kind in ("NamedNode", "Literal"):
        return str(term.value)
    return str(term)


def solutions_body(fmt: str, variables: list[str], rows: list[list[Any]]) -> bytes:
    if fmt == "json":
        bindings = [{v: _json_term(t) for v, t in zip(variables, row, strict=True)
                     if t is not None} for row in rows]
        return orjson.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}})
    if fmt == "xml":
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
               "<head>", *(f"<variable name={quoteattr(v)}/>" for v in variables),
               "</head><results>"]
        for row in rows:
            out.append("<result>")
            out += [f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                    for v, t in zip(variables, row, strict=True) if t is not None]
            out.append("</result>")
        out.append("</results></sparql>\n")
        return "".join(out).encode()
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([_plain(t) for t in row] for row in rows)
        return buf.getvalue().encode()
    lines = ["\t".join(f"?{v}" for v in variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode()


def boolean_body(fmt: str, value: bool) -> bytes:
    text = "true" if value else "false"
    if fmt == "json":
        return orjson.dumps({"head": {}, "boolean": value})
    if fmt == "xml":
        return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{text}</boolean></sparql>\n").encode()
    return f"{text}\n".encode()


def run(store: Any, query: str, sol_fmt: str | None, graph_fmt: str | None,
        max_results: int, max_bytes: int) -> tuple[Any, ...]:
    import pyoxigraph as ox

    try:
        results = store.query(query)
    except SyntaxError as exc:
        return ("error", 400, "sparql-syntax", f"the query is not SPARQL 1.1: {exc}")
    except (OSError, ValueError, TypeError) as exc:
        return ("error", 400, "sparql-error", f"the query cannot be evaluated: {exc}")
    too_many = ("error", 422, "sparql-result-too-large",
                f"the answer has more than {max_results} results; add a LIMIT or narrow the "
                "query")
    if isinstance(results, ox.QueryBoolean):
        if sol_fmt is None:
            return ("error", 406, "not-acceptable", "an ASK answer is available as SPARQL "
                    "results (JSON, XML, CSV, TSV) only")
        return ("ok", SOLUTION_FORMATS[sol_fmt], boolean_body(sol_fmt, bool(results)))
    if isinstance(results, ox.QuerySolutions):
        if sol_fmt is None:
            return ("error", 406, "not-acceptable", "a SELECT answer is available as SPARQL "
                    "results (JSON, XML, CSV, TSV) only")
        variables = [v.value for v in results.variables]
        rows: list[list[Any]] = []
        for solution in results:
            if len(rows) >= max_results:
                return too_many
            rows.append([solution[i] for i in range(len(variables))])
        body = solutions_body(sol_fmt, variables, rows)
        media = SOLUTION_FORMATS[sol_fmt]
    else:
        if graph_fmt is None:
            return ("error", 406, "not-acceptable", "a CONSTRUCT or DESCRIBE answer is "
                    "available as RDF (Turtle, N-Triples, JSON-LD, RDF/XML) only")
        triples: list[Any] = []
        for triple in results:
            if len(triples) >= max_results:
                return too_many
            triples.append(triple)
        formats = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
                   "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}
        body = ox.serialize(triples, format=formats[graph_fmt]) or b""
        media = GRAPH_FORMATS[graph_fmt]
    if len(body) > max_bytes:
        return ("error", 422, "sparql-result-too-large",
                f"the answer is larger than {max_bytes} bytes; add a LIMIT or narrow the query")
    return ("ok", media, body)


CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000


def isolate_network() -> str | None:
    """Move this process into a network namespace of its own, where no interface is up: no
    query can open a connection, whatever the engine reads as ``SERVICE``. Returns None, or why
    it could not (then the worker must not serve)."""
    import ctypes
    import ctypes.util
    import os

    if not sys.platform.startswith("linux"):
        return f"network isolation needs Linux namespaces (this is {sys.platform})"
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    for flags in (CLONE_NEWNET, CLONE_NEWUSER | CLONE_NEWNET):
        if libc.unshare(flags) == 0:
            return None
    return f"unshare(CLONE_NEWNET) failed: {os.strerror(ctypes.get_errno())}"


def serve(receive: Any, send: Any) -> None:
    """The worker's main loop: the first message is the data and the limits, then queries.
    Before anything else the worker gives up the network (:func:`isolate_network`)."""
    refused = isolate_network()
    ntriples, max_results, max_bytes, memory_limit = receive.recv()
    if refused is not None:
        send.send(("refused", refused))
        return
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    except (ImportError, ValueError, OSError):
        pass
    import pyoxigraph as ox

    store = ox.Store()
    store.load(ntriples, format=ox.RdfFormat.N_TRIPLES)
    send.send(("ready",))
    while True:
        try:
            message = receive.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        query, sol_fmt, graph_fmt = message
        try:
            reply = run(store, query, sol_fmt, graph_fmt, max_results, max_bytes)
        except MemoryError:
            reply = ("error", 422, "sparql-too-expensive",
                     "the query needs more memory than a query may use")
        except Exception as exc:  # an Oxigraph evaluation error: report, keep serving
            reply = ("error", 400, "sparql-error", f"the query failed: {exc}")
        send.send(reply)


if __name__ == "__main__":
    from multiprocessing.connection import Connection

    serve(Connection(int(sys.argv[1]), writable=False), Connection(int(sys.argv[2]),
                                                                   readable=False))
