"""Controller resolution, measured side by side in one run (ratios, not absolute times).

    python bench/resolve_bench.py

Compares, for the same questions: ``kb.resolve`` (compiled, dated look-up), a bare dict look-up
of a precomputed answer, and the same question answered by SPARQL over the same graph: rdflib
(prepared, with initBindings) and pyoxigraph (the strongest anchor: the graph in an in-memory
Oxigraph store, the values written into the query). Also measures cold start to first answer in
a new process (the embedded default: build from the shipped YAML, compile, answer).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Literal
from rdflib.plugins.sparql import prepareQuery

sys.path.insert(0, str(Path(__file__).parent))
from anchor import bind, oxigraph_of
from timing import fmt, paired, per_call

from xborder import KnowledgeBase
from xborder.graph.diskcache import cache_dir
from xborder.graph.vocab import KB, LOC, XSD

AT = "2017-06-01"
ORG = "huawei"  # the questions are about its services
QUESTIONS = [("DE", "consumer-cloud"), ("JP", "consumer-cloud"), ("CN", "consumer-cloud"),
             ("US", "online-store-us"), ("BR", None)]

# The same question in SPARQL: the rules in force on ?at whose service matches and whose location
# is the place itself, a group the place is a member of on ?at, or everywhere / the default.
# The most specific row (named service, listed place, group, default) is picked in Python.
NS = {"xb": "https://w3id.org/xborder/ns#", "dpv": "https://w3id.org/dpv#",
      "dct": "http://purl.org/dc/terms/", "time": "http://www.w3.org/2006/time#"}
TEXT = """
SELECT ?rule ?controller ?svc ?loc ?default WHERE {
  ?rule a xb:ControllerRule ; xb:organisation ?org ; dpv:hasDataController ?controller ;
        xb:isDefault ?default ;
        xb:citation/xb:document/dct:temporal/time:hasBeginning/time:inXSDDate ?start .
  FILTER (?start <= ?at)
  OPTIONAL { ?rule xb:service ?svc }
  FILTER (!BOUND(?svc) || ?svc = ?service)
  {
    ?rule xb:location ?loc . FILTER (?loc = ?place)
  } UNION {
    ?rule xb:location ?loc . FILTER (?loc = xb:Everywhere)
  } UNION {
    ?rule xb:isDefault true . BIND (xb:Everywhere AS ?loc)
  } UNION {
    ?rule xb:location ?loc .
    ?m a xb:Membership ; xb:member ?place ; xb:group ?loc ; dct:temporal ?i .
    ?i time:hasBeginning/time:inXSDDate ?from .
    OPTIONAL { ?i time:hasEnd/time:inXSDDate ?to }
    FILTER (?from <= ?at && (!BOUND(?to) || ?to >= ?at))
  }
}"""
QUERY = prepareQuery(TEXT, initNs=NS)
OX_TEXT = "".join(f"PREFIX {k}: <{v}>\n" for k, v in NS.items()) + TEXT


def _bindings(code: str, service: str | None) -> dict[str, Any]:
    return {"org": KB[f"org/{ORG}"], "place": LOC[code], "at": Literal(AT, datatype=XSD.date),
            "service": KB[f"service/{ORG}/{service}"] if service else Literal("none")}


def _best(rows: Any, code: str) -> str:
    best = None
    for svc, loc, default, controller in rows:
        rank = (svc is not None, str(loc) == str(LOC[code]),
                not str(loc).endswith("Everywhere"), default not in (False, "false"))
        if best is None or rank > best[0]:
            best = (rank, str(controller))
    assert best is not None
    return best[1].rsplit("/", 1)[-1]


def sparql_controller(kb: KnowledgeBase, code: str, service: str | None) -> str:
    rows = kb.graph.query(QUERY, initBindings=_bindings(code, service))
    return _best(((r.svc, r.loc, r.default.toPython(), r.controller) for r in rows), code)


def oxigraph_controller(store: ox.Store, code: str, service: str | None) -> str:
    rows = store.query(bind(OX_TEXT, _bindings(code, service)))
    return _best(((r["svc"], r["loc"].value, r["default"].value, r["controller"].value)
                  for r in rows), code)


_FIRST = ("import time; t = time.perf_counter(); from xborder import KnowledgeBase; "
          "KnowledgeBase.load().resolve({where!r}, service='consumer-cloud', org='huawei'); "
          "print(time.perf_counter() - t)")


def _process(where: str, env: dict[str, str]) -> tuple[float, float]:
    """(seconds from the first import to the first answer, wall seconds of the process)."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _FIRST.format(where=where)], env=env,
                         capture_output=True, text=True, check=True).stdout
    return float(out), time.perf_counter() - start


def _median(where: str, env: dict[str, str], runs: int = 5) -> str:
    _process(where, env)  # writes the bytecode and the caches this kind of start uses
    first, wall = zip(*(_process(where, env) for _ in range(runs)), strict=True)
    return f"{statistics.median(first):.3f} s (process {statistics.median(wall):.2f} s)"


def cold_start() -> list[tuple[str, str]]:
    """A new process's first answer, the ways a process starts: installed (bytecode kept, as a
    wheel install leaves it), without bytecode (every module compiled from source, as with
    PYTHONDONTWRITEBYTECODE=1), asked by name (the large location tables are read), and with no
    compiled knowledge base on disk (the YAML built again)."""
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as pycache, tempfile.TemporaryDirectory() as empty:
        installed = {**base, "PYTHONPYCACHEPREFIX": pycache}
        rows = [("by code 'DE', installed", _median("DE", installed)),
                ("by name 'Germany', installed", _median("Germany", installed)),
                ("by code, no bytecode", _median("DE", {**base, "PYTHONDONTWRITEBYTECODE": "1"}))]
        for table in cache_dir().glob("locations-*.pickle"):  # the location tables stay
            (Path(empty) / table.name).symlink_to(table)
        rebuilt = []
        for _ in range(3):
            for entry in Path(empty).glob("kb-*.pickle"):
                entry.unlink()
            rebuilt.append(_process("DE", {**installed, "XBORDER_CACHE_DIR": empty}))
        rows.append(("by code, compiled KB not on disk",
                     f"{statistics.median(r[0] for r in rebuilt):.3f} s"))
    return rows


def main() -> None:
    start = time.perf_counter()
    kb = KnowledgeBase.load()
    load = time.perf_counter() - start
    store = oxigraph_of(kb.graph)
    table = {(c, s): kb.resolve(c, service=s, org=ORG, at=AT) for c, s in QUESTIONS}
    for (code, service), r in table.items():  # the four ways agree before they are timed
        assert sparql_controller(kb, code, service) == r.controller.id, (code, service)
        assert oxigraph_controller(store, code, service) == r.controller.id, (code, service)
    rows = []
    for code, service in QUESTIONS:
        t_kb, t_ox, ratio = paired(
            lambda c=code, s=service: kb.resolve(c, service=s, org=ORG, at=AT), 20_000,
            lambda c=code, s=service: oxigraph_controller(store, c, s), 100)
        t_legs = per_call(lambda c=code, s=service: kb.resolve(c, service=s, org=ORG,
                                                               at=AT).legs, 20_000)
        t_dict = per_call(lambda c=code, s=service: table[(c, s)], 200_000)
        t_sparql = per_call(lambda c=code, s=service: sparql_controller(kb, c, s), 30, 3)
        rows.append((f"{code}/{service or 'all'}", t_dict, t_kb, t_legs, t_sparql, t_ox, ratio))
    print(f"graph: {len(kb.graph)} triples; load {load * 1e3:.0f} ms in-process")
    print("cold start to first answer (new process, median of 5):")
    for name, figure in cold_start():
        print(f"  {name:<36}{figure}")
    print()
    print(f"{'question':<24}{'dict':>12}{'kb.resolve':>13}{'+legs':>13}{'rdflib':>13}"
          f"{'oxigraph':>13}{'resolve/dict':>14}{'rdflib/resolve':>16}{'oxigraph/resolve':>18}")
    for name, d, r, legs, s, o, ratio in rows:
        print(f"{name:<24}{fmt(d):>12}{fmt(r):>13}{fmt(legs):>13}{fmt(s):>13}{fmt(o):>13}"
              f"{r / d:>13.1f}×{s / r:>15.0f}×{ratio:>17.0f}×")
    print("\noxigraph/resolve: the median of per-batch ratios, kb.resolve and pyoxigraph timed in "
          "alternating batches")
    print("\ntargets: resolve within ~20× of the dict look-up; ≥ 1,000× faster than pyoxigraph "
          "SPARQL; cold start ≤ 0.25 s")


if __name__ == "__main__":
    main()
