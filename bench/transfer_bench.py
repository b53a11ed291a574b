"""Transfer evaluation, side by side in one run: ``kb.transfer`` (compiled, dated; with and
without its front cache) against the same question answered with SPARQL over the same graph —
rdflib (prepared, initBindings) and pyoxigraph (the strongest anchor: the graph in an in-memory
Oxigraph store, the values written into the query).

    python bench/transfer_bench.py

The SPARQL side answers the core of the question — which regime covers the exporter on the date,
and which adequacy entries of that regime cover the destination on the date — and the benchmark
checks that both engines agree with ``kb.transfer`` on adequacy-or-not before timing any.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal
from rdflib.plugins.sparql import prepareQuery

sys.path.insert(0, str(Path(__file__).parent))
from anchor import bind, oxigraph_of
from timing import fmt, paired, per_call

from xborder import KnowledgeBase
from xborder.graph.dates import parse_date
from xborder.graph.transfers import Transfer
from xborder.graph.vocab import LOC, XSD

PAIRS = [("DE", "US", "2015-10-05"), ("DE", "US", "2020-07-17"), ("DE", "JP", "2019-01-23"),
         ("CH", "US", "2024-09-15"), ("GB", "KR", "2022-12-19"), ("FR", "CN", "2017-06-01")]

_MEMBER = """
      ?m{x} a xb:Membership ; xb:member ?{x} ; xb:group ?{p} ; dct:temporal ?i{x} .
      ?i{x} time:hasBeginning/time:inXSDDate ?f{x} .
      OPTIONAL {{ ?i{x} time:hasEnd/time:inXSDDate ?t{x} }}
      FILTER (?f{x} <= ?at && (!BOUND(?t{x}) || ?t{x} >= ?at))"""
_DECISION = """
    ?decision xb:regime ?regime ; xb:adequacyKind "adequacy" ; dct:temporal ?d .
    ?d time:hasBeginning/time:inXSDDate ?df .
    OPTIONAL {{ ?d time:hasEnd/time:inXSDDate ?dt }}
    FILTER (?df <= ?at && (!BOUND(?dt) || ?dt >= ?at))"""

NS = {"xb": "https://w3id.org/xborder/ns#", "dct": "http://purl.org/dc/terms/",
      "time": "http://www.w3.org/2006/time#"}
TEXT = f"""
SELECT DISTINCT ?regime ?decision WHERE {{
  {{ ?regime a xb:Regime ; xb:area/xb:place ?src . }}
  UNION
  {{ ?regime a xb:Regime ; xb:area/xb:place ?area . {_MEMBER.format(p="area", x="src")} }}
  OPTIONAL {{
    {{ {_DECISION} ?decision xb:destination ?dst . }}
    UNION
    {{ {_DECISION} ?decision xb:destination ?dest . {_MEMBER.format(p="dest", x="dst")} }}
  }}
}}"""
QUERY = prepareQuery(TEXT, initNs=NS)
OX_TEXT = "".join(f"PREFIX {k}: <{v}>\n" for k, v in NS.items()) + TEXT


def sparql_adequate(kb: KnowledgeBase, src: str, dst: str, at: str) -> bool:
    rows = kb.graph.query(QUERY, initBindings={
        "src": LOC[src], "dst": LOC[dst], "at": Literal(at, datatype=XSD.date)})
    return any(row.decision is not None for row in rows)


def oxigraph_adequate(store: ox.Store, src: str, dst: str, at: str) -> bool:
    query = bind(OX_TEXT, {"src": LOC[src], "dst": LOC[dst],
                                  "at": Literal(at, datatype=XSD.date)})
    return any(solution["decision"] is not None for solution in store.query(query))


def uncached(kb: KnowledgeBase, src: str, dst: str, at: str) -> Transfer:
    """``kb.transfer`` as it was before its front cache: both locations parsed on every call."""
    day = parse_date(at)
    a, b = kb.parse_location(src), kb.parse_location(dst)
    return Transfer(src, dst, day, kb._transfer_answer(a.code, b.code, day), ())


def main() -> None:
    kb = KnowledgeBase.load()
    store = oxigraph_of(kb.graph)
    print(f"graph: {len(kb.graph):,} triples (rdflib and pyoxigraph)\n")
    print(f"{'question':<26}{'status':<22}{'kb.transfer':>13}{'no cache':>12}{'rdflib':>12}"
          f"{'oxigraph':>12}{'nocache/kb':>12}{'rdflib/kb':>11}{'oxigraph/kb':>13}")
    for src, dst, at in PAIRS:
        status = kb.transfer(src, dst, at=at).status
        adequate = status == "adequacy"
        assert sparql_adequate(kb, src, dst, at) == adequate, (src, dst, at)
        assert oxigraph_adequate(store, src, dst, at) == adequate, (src, dst, at)
        assert uncached(kb, src, dst, at).answer is kb.transfer(src, dst, at=at).answer
        t_kb, t_ox, ratio = paired(lambda s=src, d=dst, a=at: kb.transfer(s, d, at=a), 20_000,
                                   lambda s=src, d=dst, a=at: oxigraph_adequate(store, s, d, a),
                                   50)
        t_old = per_call(lambda s=src, d=dst, a=at: uncached(kb, s, d, a), 20_000)
        t_rdflib = per_call(lambda s=src, d=dst, a=at: sparql_adequate(kb, s, d, a), 10, 3)
        print(f"{src}→{dst} {at:<19}{status:<22}{fmt(t_kb):>13}{fmt(t_old):>12}"
              f"{fmt(t_rdflib):>12}{fmt(t_ox):>12}{t_old / t_kb:>11.1f}×"
              f"{t_rdflib / t_kb:>10.0f}×{ratio:>12.0f}×", flush=True)
    print("\noxigraph/kb: the median of per-batch ratios, kb.transfer and pyoxigraph timed in "
          "alternating batches")
    print("target: kb.transfer ≥ 300× faster than pyoxigraph SPARQL on the same question")


if __name__ == "__main__":
    main()
