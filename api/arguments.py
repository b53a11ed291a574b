"""The ``xborder`` command line: every subcommand, its options and help texts (what the command
does is :mod:`xborder.api.cli`)."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Mapping

__all__ = ["Command", "build_parser"]

Command = Callable[[argparse.Namespace], int]


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


def build_parser(commands: Mapping[str, Command]) -> argparse.ArgumentParser:
    """The parser of every subcommand; ``commands`` maps each name to the function that runs it
    (the CLI's table), so this module needs nothing of what the commands do."""
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
    p.set_defaults(func=commands["resolve"])

    p = sub.add_parser("transfers", help="may data go from A to B on a date, and on what basis")
    p.add_argument("--from", dest="from_location", required=True, metavar="A")
    p.add_argument("--to", dest="to_location", required=True, metavar="B")
    p.add_argument("--at", help="date YYYY-MM-DD (default: today)")
    p.add_argument("--org", help="show what this organisation's policy claims")
    p.add_argument("--all", action="store_true",
                   help="list every safeguard and derogation (default: grouped and counted)")
    p.add_argument("--json", action="store_true", help="print the JSON answer")
    p.set_defaults(func=commands["transfers"])

    p = sub.add_parser("controllers", help="for a user in one place on one date: the "
                                           "controller at every organisation")
    p.add_argument("location", help="where the user is (code, name, city, IP or lat,lon)")
    p.add_argument("--at", help="date YYYY-MM-DD (default: today)")
    p.add_argument("--org", action="append", help="only these organisations (repeatable)")
    p.add_argument("--json", action="store_true", help="print the JSON")
    p.set_defaults(func=commands["controllers"])

    for name in ("coverage", "regimes"):
        p = sub.add_parser(name, help="per transfer regime: what is encoded, for which period, "
                                      "and what is missing")
        p.add_argument("regime", nargs="?", help="one regime id (default: all)")
        p.add_argument("--json", action="store_true", help="print the JSON")
        p.set_defaults(func=commands["coverage"])

    p = sub.add_parser("changes", help="what changed for an organisation between two dates")
    p.add_argument("--before", required=True, metavar="DATE")
    p.add_argument("--after", required=True, metavar="DATE")
    p.add_argument("--org", help="organisation (may be omitted when only one is known)")
    p.add_argument("--service", help="only this service (default: all of them)")
    p.add_argument("--format", choices=["text", "json", "csv"], default="text",
                   help="the report grouped by flow, change and cause (default: text)")
    p.add_argument("--json", action="store_true", help="same as --format json")
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    p.set_defaults(func=commands["changes"])

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
    p.set_defaults(func=commands["map"])

    p = sub.add_parser("register", help="the transfer register: one row per leg (CSV or JSON)")
    _flow_arguments(p)
    p.add_argument("--format", default="csv", choices=["csv", "json"])
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    p.set_defaults(func=commands["register"])

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
    p.set_defaults(func=commands["ingest"])

    p = sub.add_parser("sparql", help="a read-only SPARQL 1.1 query over the knowledge base")
    p.add_argument("query", help="the query text, @FILE, or - for standard input")
    p.add_argument("--format", default="csv",
                   choices=["csv", "tsv", "json", "xml", "turtle", "nt", "jsonld"],
                   help="results format (SELECT/ASK: csv tsv json xml; CONSTRUCT: turtle nt "
                        "jsonld)")
    p.add_argument("--limit", type=int, default=100_000, help="most results to return")
    p.set_defaults(func=commands["sparql"])

    p = sub.add_parser("validate", help="build the knowledge base and check it against the shapes")
    p.set_defaults(func=commands["validate"])

    p = sub.add_parser("export", help="write the knowledge-base graph as RDF")
    p.add_argument("--format", default="ttl", choices=["ttl", "jsonld", "nt"])
    p.add_argument("-o", "--output", help="file to write (default: standard output)")
    p.set_defaults(func=commands["export"])

    p = sub.add_parser("info", help="what the knowledge base holds")
    p.set_defaults(func=commands["info"])

    p = sub.add_parser("serve", help="run the HTTP API and web page")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--no-access-log", action="store_true")
    from xborder.api.serve import add_arguments as serve_arguments

    serve_arguments(p)  # --server, --workers, --limit-concurrency
    p.set_defaults(func=commands["serve"])

    from xborder.api.live import add_arguments

    add_arguments(parser, sub)  # --store, --store-path, --sparql-url and `load`
    return parser
