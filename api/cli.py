"""The ``xborder`` command: a thin face over :class:`xborder.KnowledgeBase`.

Errors print one line on stderr and exit with the code their class carries
(see :mod:`xborder.graph.errors`); nothing prints a traceback.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from xborder.graph.kb import KnowledgeBase

__all__ = ["main"]


def _kb(args: argparse.Namespace, *, validate: bool = False) -> KnowledgeBase:
    from xborder.api.live import store_kb
    from xborder.graph.kb import KnowledgeBase

    stored = store_kb(args)  # --store oxigraph|sparql: the version the store serves
    if stored is not None:
        return stored
    return KnowledgeBase.load(args.kb or None, validate=validate)


def _print_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


def cmd_resolve(args: argparse.Namespace) -> int:
    from xborder.api.text import render_resolution
    from xborder.graph.basis import leg_bases, per_service

    kb = _kb(args)
    result = kb.resolve(args.location, service=args.service, org=args.org, at=args.at)
    data = result.to_dict()
    if args.json:
        _print_json(data)
    else:
        services = (None if data["service"] else
                    per_service(kb, data["location"]["code"], data["organisation"]["id"],
                                data["at"]))
        print(render_resolution(data, leg_bases(kb, data), services))
    return 0


def cmd_transfers(args: argparse.Namespace) -> int:
    from xborder.api.text import render_transfer
    from xborder.graph.basis import answer_basis

    kb = _kb(args)
    result = kb.transfer(args.from_location, args.to_location, at=args.at, org=args.org)
    data = result.to_dict()
    claims = {c["kind"] for c in data.get("policy_claims") or []} if args.org else None
    basis = answer_basis(kb, result.answer, result.at, claims, data["to"]["name"])
    if args.json:
        _print_json({**data, "basis": basis})
    else:
        print(render_transfer(data, basis, show_all=args.all))
    return 0


def cmd_changes(args: argparse.Namespace) -> int:
    from xborder.api.text import render_changes
    from xborder.graph.report import change_report, report_csv

    kb = _kb(args)
    report = change_report(kb, args.before, args.after, kb.organisation(args.org).id,
                           args.service)
    if args.format == "json" or args.json:
        _write(json.dumps(report, indent=2, ensure_ascii=False) + "\n", args.output)
    elif args.format == "csv":
        _write(report_csv(report), args.output)
    else:
        _write(render_changes(report) + "\n", args.output)
    return 0


def _write(text: str, output: str | None) -> None:
    if not output:
        sys.stdout.write(text)
        return
    tmp = Path(output).with_suffix(Path(output).suffix + ".part")
    tmp.write_text(text, encoding="utf-8", newline="")
    tmp.replace(output)


def cmd_map(args: argparse.Namespace) -> int:
    out = args.output or ""
    fmt = args.format or ("graphml" if out.endswith(".graphml") else
                          "svg" if args.world or out.endswith(".svg") else "html")
    kb = _kb(args)
    if fmt == "svg":
        from xborder.api.world import world_svg

        _write(world_svg(kb, kb.organisation(args.org).id, args.at, args.service,
                         args.location), args.output)
    elif fmt == "graphml":
        from xborder.graph.register import register_graphml, transfer_register

        if args.before:
            from xborder.graph.errors import XborderInputError

            raise XborderInputError("--before draws a 'what changed' map; use --format html")
        rows = transfer_register(kb, args.at, args.org, args.service,
                                 [args.location] if args.location else None)
        _write(register_graphml(rows), args.output)
    else:
        from xborder.api.maps import map_html

        _write(map_html(kb, args.at, args.org, args.service, args.location, args.before),
               args.output)
    if args.output:
        print(f"wrote {args.output}")
    return 0


def cmd_register(args: argparse.Namespace) -> int:
    from xborder.graph.register import register_csv, transfer_register

    rows = transfer_register(_kb(args), args.at, args.org, args.service,
                             [args.location] if args.location else None)
    if args.format == "json":
        _write(json.dumps([r.to_dict() for r in rows], indent=2, ensure_ascii=False) + "\n",
               args.output)
    else:
        _write(register_csv(rows), args.output)
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from xborder.graph.ingest import ingest, read_policy
    from xborder.graph.ingest.emit import render, write_atomic

    text, name = read_policy(args.file, sys.stdin)
    proposals = ingest(text, org=args.org, url=args.url, published=args.published, name=name,
                       kb=_kb(args), region=args.region, edition=args.edition)
    if args.json:
        _print_json(proposals.to_dict())
    if args.output or not args.json:
        out = render(proposals, args.format)
        if args.output:
            write_atomic(args.output, out)
            print(f"wrote {args.output}: proposals to review", file=sys.stderr)
        else:
            sys.stdout.write(out)
    return 0


def cmd_sparql(args: argparse.Namespace) -> int:
    """A read-only SPARQL query over the knowledge base, evaluated in-process by Oxigraph (the
    same evaluation as ``GET /sparql``, without the HTTP worker)."""
    import pyoxigraph as ox

    from xborder.api.sparql_worker import run
    from xborder.graph.errors import XborderInputError

    query = sys.stdin.read() if args.query == "-" else args.query
    if args.query.startswith("@"):
        try:
            query = Path(args.query[1:]).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise XborderInputError(f"cannot read the query file: {exc}") from None
    store = ox.Store()
    store.load(_kb(args).export("nt").encode(), format=ox.RdfFormat.N_TRIPLES)
    graph_fmt = {"json": "jsonld", "csv": "nt", "tsv": "nt"}.get(args.format, args.format)
    reply = run(store, query, args.format if args.format in ("json", "xml", "csv", "tsv") else
                None, graph_fmt, args.limit, 256 * 1024 * 1024)
    if reply[0] == "error":
        raise XborderInputError(reply[3])
    sys.stdout.buffer.write(reply[2])
    if not reply[2].endswith(b"\n"):
        sys.stdout.write("\n")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from xborder.graph.build import build_graph
    from xborder.graph.kb import KnowledgeBase
    from xborder.graph.shapes import validate_graph

    dirs = [Path(p) for p in args.kb] if args.kb else None
    from xborder.api.text import Progress

    step = Progress()
    step("building the graph from the authoring files")
    graph = build_graph(dirs) if dirs else build_graph()
    step(f"checking {len(graph)} triples against the SHACL shapes")
    checked = validate_graph(graph)
    step("compiling every controller timeline")
    kb = KnowledgeBase(graph)
    compiled = kb.compile_all()
    step.done()
    print(f"ok: {len(graph)} triples, {checked} typed nodes conform to the shapes; "
          f"{compiled} controller timelines compile")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from xborder.graph.errors import XborderInputError

    if args.output:
        folder = Path(args.output).resolve().parent
        if not folder.is_dir():  # before the knowledge base is built, not after
            raise XborderInputError(f"cannot write {args.output}: the folder {folder} does "
                                    "not exist")
    try:
        _write(_kb(args).export(args.format), args.output)
    except OSError as exc:
        raise XborderInputError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    _print_json(_kb(args).describe())
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from xborder.api.live import serve_live
    from xborder.api.serve import run

    served = serve_live(args)  # --store oxigraph|sparql: serve live, following the store
    if served is not None:
        return served
    if args.workers > 1 or args.server != "uvicorn":
        return run(args)  # each worker process builds the knowledge base itself
    from xborder.api.http import create_app

    return run(args, create_app(_kb(args)))


def cmd_controllers(args: argparse.Namespace) -> int:
    rows = _kb(args).resolve_organisations(args.location, at=args.at, orgs=args.org)
    if args.json:
        _print_json(rows)
        return 0
    for row in rows:
        print(f"{row['organisation']['name']}:")
        for a in row["answers"]:
            label = a.get("service_name") or ("(no service given)" if a.get("controller")
                                              else "")
            if "controller" in a:
                c = a["controller"]
                version = (a.get("policy") or {}).get("version") or ""
                print(f"  {label}: {c['name']} ({c['country']}) — {version}".rstrip(" —"))
            else:
                print(f"  {a['error']}")
    return 0


def cmd_coverage(args: argparse.Namespace) -> int:
    from xborder.api.text import render_coverage

    rows = _kb(args).coverage(args.regime)
    if args.json:
        _print_json(rows)
    else:
        print(render_coverage(rows))
    return 0


def _flow_arguments(p: argparse.ArgumentParser) -> None:
    """The question every view of an organisation's data flows takes."""
    p.add_argument("--org", help="organisation (may be omitted when only one is known)")
    p.add_argument("--location", help="only the flows of users in this location")
    p.add_argument("--service", help="only this service (default: all of them)")
    p.add_argument("--at", help="date YYYY-MM-DD (default: today)")


_NEGATIVE_OR_COORDINATES = re.compile(
    r"^-\d+$|^-\d*\.\d+$|^-\d+(\.\d+)?\s*,\s*[-+]?\d+(\.\d+)?$")
_LOCATION_KINDS = """\
LOCATION may be any of:
  an ISO 3166-1 code         DE, DEU, 276 (alpha-2, alpha-3, numeric), XK for Kosovo
  an ISO 3166-2 code         ES-CN, FR-974, US-CA, NL-BQ3 (folded into its jurisdiction)
  a name in any language     Germany, Deutschland, Allemagne, 日本, Москва, Sakartvelo
  a city or town             München, Ponta Delgada (PT-20), Santa Cruz de Tenerife (ES-CN)
  a subdivision name         Azores, Canarias, Bayern, Northern Ireland
  a form's wording           "Frankreich (FR)", "Suisse / Schweiz", "Paris, France", UK, UAE
  an IP address              8.8.8.8, 2001:4860:4860::8888 (offline GeoIP database)
  coordinates lat,lon        48.8566,2.3522 or -21.1151,55.5364 (negative numbers work)
A name several places share is read as the clearly largest (the others are listed), or
refused with candidates (exit 3): "Korea", "Congo". "N/A" or "none" is no location, and
"EU" or "Europe" a group, not a place a user lives in (both exit with an error).
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="xborder",
        description="Who controls personal data, and what lets it cross each border.")
    parser.add_argument("--kb", action="append", metavar="DIR",
                        help="knowledge-base folder or file (repeatable; default: embedded)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser(
        "resolve", help="the data controller for a location, service and date",
        description="The data controller for a user at LOCATION using a service on a date.",
        epilog=_LOCATION_KINDS, formatter_class=argparse.RawDescriptionHelpFormatter)
    # "-21.1151,55.5364" (south of the equator) is a location, not an option
    p._negative_number_matcher = _NEGATIVE_OR_COORDINATES
    p.add_argument("location", help="where the user is: a code, a name in any language, a "
                   "city, an IP address or lat,lon (see below)")
    p.add_argument("--service", help="service id, name, alias or URL")
    p.add_argument("--org", help="organisation (may be omitted when only one is known)")
    p.add_argument("--at", help="date YYYY-MM-DD (default: today)")
    p.add_argument("--json", action="store_true", help="print the JSON answer")
    p.set_defaults(func=cmd_resolve)

    p = sub.add_parser("transfers", help="may data go from A to B on a date, and on what basis")
    p.add_argument("--from", dest="from_location", required=True, metavar="A")
    p.add_argument("--to", dest="to_location", required=True, metavar="B")
    p.add_argument("--at", help="date YYYY-MM-DD (default: today)")
    p.add_argument("--org", help="show what this organisation's policy claims")
    p.add_argument("--all", action="store_true",
                   help="list every safeguard and derogation (default: grouped and counted)")
    p.add_argument("--json", action="store_true", help="print the JSON answer")
    p.set_defaults(func=cmd_transfers)

    p = sub.add_parser("controllers", help="for a user in one place on one date: the "
                                           "controller at every organisation")
    p.add_argument("location", help="where the user is (code, name, city, IP or lat,lon)")
    p.add_argument("--at", help="date YYYY-MM-DD (default: today)")
    p.add_argument("--org", action="append", help="only these organisations (repeatable)")
    p.add_argument("--json", action="store_true", help="print the JSON")
    p.set_defaults(func=cmd_controllers)

    for name in ("coverage", "regimes"):
        p = sub.add_parser(name, help="per transfer regime: what is encoded, for which period, "
                                      "and what is missing")
        p.add_argument("regime", nargs="?", help="one regime id (default: all)")
        p.add_argument("--json", action="store_true", help="print the JSON")
        p.set_defaults(func=cmd_coverage)

    p = sub.add_parser("changes", help="what changed for an organisation between two dates")
    p.add_argument("--before", required=True, metavar="DATE")
    p.add_argument("--after", required=True, metavar="DATE")
    p.add_argument("--org", help="organisation (may be omitted when only one is known)")
    p.add_argument("--service", help="only this service (default: all of them)")
    p.add_argument("--format", choices=["text", "json", "csv"], default="text",
                   help="the report grouped by flow, change and cause (default: text)")
    p.add_argument("--json", action="store_true", help="same as --format json")
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    p.set_defaults(func=cmd_changes)

    p = sub.add_parser("map", help="an interactive transfer map (HTML, offline) or GraphML")
    _flow_arguments(p)
    p.add_argument("--before", metavar="DATE",
                   help="also evaluate this earlier date and highlight what changed by --at")
    p.add_argument("--world", action="store_true",
                   help="a geographic world map (SVG, offline): countries by controller, "
                        "flows as arcs")
    p.add_argument("--format", choices=["html", "graphml", "svg"],
                   help="default: from the -o suffix (svg with --world), else html")
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    p.set_defaults(func=cmd_map)

    p = sub.add_parser("register", help="the transfer register: one row per leg (CSV or JSON)")
    _flow_arguments(p)
    p.add_argument("--format", default="csv", choices=["csv", "json"])
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    p.set_defaults(func=cmd_register)

    p = sub.add_parser("ingest", help="read a privacy policy and propose assertions to review")
    p.add_argument("file", metavar="FILE", help="policy as Markdown, HTML or text; - for stdin")
    p.add_argument("--org", help="organisation the policy belongs to (known or new)")
    p.add_argument("--url", help="where the policy is published")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="the date it came into force")
    p.add_argument("--region", metavar="CODES",
                   help="the regional edition's places (e.g. EEA or GB,IE): clauses naming no "
                        "place apply there (default: read from the URL or title)")
    p.add_argument("--edition", metavar="NAME",
                   help="the edition the reader chose, e.g. 'EEA', 'uk', 'us'")
    p.add_argument("--format", default="yaml", choices=["yaml", "ttl"])
    p.add_argument("-o", "--output", help="file to write (default: standard output)")
    p.add_argument("--json", action="store_true", help="print the proposals as JSON")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("sparql", help="a read-only SPARQL 1.1 query over the knowledge base")
    p.add_argument("query", help="the query text, @FILE, or - for standard input")
    p.add_argument("--format", default="csv",
                   choices=["csv", "tsv", "json", "xml", "turtle", "nt", "jsonld"],
                   help="results format (SELECT/ASK: csv tsv json xml; CONSTRUCT: turtle nt "
                        "jsonld)")
    p.add_argument("--limit", type=int, default=100_000, help="most results to return")
    p.set_defaults(func=cmd_sparql)

    p = sub.add_parser("validate", help="build the knowledge base and check it against the shapes")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("export", help="write the knowledge-base graph as RDF")
    p.add_argument("--format", default="ttl", choices=["ttl", "jsonld", "nt"])
    p.add_argument("-o", "--output", help="file to write (default: standard output)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("info", help="what the knowledge base holds")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("serve", help="run the HTTP API and web page")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--no-access-log", action="store_true")
    from xborder.api.serve import add_arguments as serve_arguments

    serve_arguments(p)  # --server, --workers, --limit-concurrency
    p.set_defaults(func=cmd_serve)

    from xborder.api.live import add_arguments

    add_arguments(parser, sub)  # --store, --store-path, --sparql-url and `load`
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from xborder.graph.errors import XborderError

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
        return code
    except XborderError as exc:
        print(f"xborder: error: {exc.detail}", file=sys.stderr)
        candidates = exc.extra.get("candidates")
        if candidates:
            listed = ", ".join(
                f"{c.get('name', '')} ({c.get('code') or c.get('id')})".strip()
                for c in candidates)
            print(f"xborder: candidates: {listed}", file=sys.stderr)
        violations = exc.extra.get("violations")
        if violations:
            for v in violations:
                print(f"  - {v}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
