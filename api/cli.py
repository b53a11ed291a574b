"""The ``xborder`` command: a thin face over :class:`xborder.KnowledgeBase`.

Errors print one line on stderr and exit with the code their class carries
(see :mod:`xborder.graph.errors`); nothing prints a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
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


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "resolve": cmd_resolve,
    "transfers": cmd_transfers,
    "controllers": cmd_controllers,
    "coverage": cmd_coverage,
    "changes": cmd_changes,
    "map": cmd_map,
    "register": cmd_register,
    "ingest": cmd_ingest,
    "sparql": cmd_sparql,
    "validate": cmd_validate,
    "export": cmd_export,
    "info": cmd_info,
    "serve": cmd_serve,
}


def build_parser() -> argparse.ArgumentParser:
    from xborder.api.arguments import build_parser as parser_of

    return parser_of(COMMANDS)


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
