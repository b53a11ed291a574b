"""Transfer evaluation, side by side in one run: ``kb.transfer`` (compiled, dated) against the
same question answered with an rdflib SPARQL query over the same graph.

    python bench/transfer_bench.py

The SPARQL side answers the core of the question — which regime covers the exporter on the date,
and which adequacy entries of that regime cover the destination on the date — and the benchmark
checks that it agrees with ``kb.transfer`` on adequacy-or-not before timing either.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import Literal
from rdflib.plugins.sparql import prepareQuery

sys.path.insert(0, str(Path(__file__).parent))
from timing import fmt, per_call

from xborder import KnowledgeBase
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

QUERY = prepareQuery(f"""
SELECT DISTINCT ?regime ?decision WHERE {{
  {{ ?regime a xb:Regime ; xb:area/xb:place ?src . }}
  UNION
  {{ ?regime a xb:Regime ; xb:area/xb:place ?area . {_MEMBER.format(p="area", x="src")} }}
  OPTIONAL {{
    {{ {_DECISION} ?decision xb:destination ?dst . }}
    UNION
    {{ {_DECISION} ?decision xb:destination ?dest . {_MEMBER.format(p="dest", x="dst")} }}
  }}
}}""", initNs={"xb": "https://w3id.org/xborder/ns#", "dct": "http://purl.org/dc/terms/",
               "time": "http://www.w3.org/2006/time#"})


def sparql_adequate(kb: KnowledgeBase, src: str, dst: str, at: str) -> bool:
    rows = kb.graph.query(QUERY, initBindings={
        "src": LOC[src], "dst": LOC[dst], "at": Literal(at, datatype=XSD.date)})
    return any(row.decision is not None for row in rows)


def main() -> None:
    kb = KnowledgeBase.load()
    print(f"{'question':<26}{'status':<22}{'kb.transfer':>13}{'SPARQL':>12}{'ratio':>9}")
    for src, dst, at in PAIRS:
        status = kb.transfer(src, dst, at=at).status
        assert sparql_adequate(kb, src, dst, at) == (status == "adequacy"), (src, dst, at)
        t_kb = per_call(lambda s=src, d=dst, a=at: kb.transfer(s, d, at=a), 20_000)
        t_sparql = per_call(lambda s=src, d=dst, a=at: sparql_adequate(kb, s, d, a), 10, 3)
        print(f"{src}→{dst} {at:<19}{status:<22}{fmt(t_kb):>13}{fmt(t_sparql):>12}"
              f"{t_sparql / t_kb:>8.0f}×")


if __name__ == "__main__":
    main()
