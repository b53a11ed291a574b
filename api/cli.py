"""The ``xborder`` command: a thin face over :class:`xborder.KnowledgeBase`.

Errors print one line on stderr and exit with the code their class carries
(see :mod:`xborder.graph.errors`); nothing prints a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from xborder.graph.kb import KnowledgeBase

__all__ = ["main"]


def _kb(args: argparse.Namespace, *, validate: bool = False) -> KnowledgeBase:
    from xborder.graph.kb import KnowledgeBase

    return KnowledgeBase.load(args.kb or None, validate=validate)


def _print_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


def cmd_resolve(args: argparse.Namespace) -> int:
    from xborder.api.text import render_resolution

    result = _kb(args).resolve(args.location, service=args.service, org=args.org, at=args.at)
    data = result.to_dict()
    if args.json:
        _print_json(data)
    else:
        print(render_resolution(data))
    return 0


def cmd_transfers(args: argparse.Namespace) -> int:
    from xborder.api.text import render_transfer

    result = _kb(args).transfer(args.from_location, args.to_location, at=args.at, org=args.org)
    data = result.to_dict()
    if args.json:
        _print_json(data)
    else:
        print(render_transfer(data))
    return 0


def cmd_changes(args: argparse.Namespace) -> int:
    from xborder.api.text import render_changes

    rows = _kb(args).changes(args.before, args.after, org=args.org, service=args.service)
    if args.json:
        _print_json(rows)
    else:
        print(render_changes(rows, args.before, args.after))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from xborder.graph.build import build_graph
    from xborder.graph.kb import KnowledgeBase
    from xborder.graph.shapes import validate_graph

    dirs = [Path(p) for p in args.kb] if args.kb else None
    graph = build_graph(dirs) if dirs else build_graph()
    checked = validate_graph(graph)
    kb = KnowledgeBase(graph)
    compiled = kb.compile_all()
    print(f"ok: {len(graph)} triples, {checked} typed nodes conform to the shapes; "
          f"{compiled} controller timelines compile")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    text = _kb(args).export(args.format)
    if args.output:
        tmp = Path(args.output).with_suffix(Path(args.output).suffix + ".part")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(args.output)
    else:
        sys.stdout.write(text)
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    _print_json(_kb(args).describe())
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from xborder.api.http import create_app

    app = create_app(_kb(args))
    uvicorn.run(app, host=args.host, port=args.port, log_level="info",
                access_log=not args.no_access_log)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="xborder",
        description="Who controls personal data, and what lets it cross each border.")
    parser.add_argument("--kb", action="append", metavar="DIR",
                        help="knowledge-base folder or file (repeatable; default: embedded)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("resolve", help="the data controller for a location, service and date")
    p.add_argument("location", help="country code or name, ISO 3166-2 code, or a policy's word")
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
    p.add_argument("--json", action="store_true", help="print the JSON answer")
    p.set_defaults(func=cmd_transfers)

    p = sub.add_parser("changes", help="what changed for an organisation between two dates")
    p.add_argument("--before", required=True, metavar="DATE")
    p.add_argument("--after", required=True, metavar="DATE")
    p.add_argument("--org")
    p.add_argument("--service")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_changes)

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
    p.set_defaults(func=cmd_serve)
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
