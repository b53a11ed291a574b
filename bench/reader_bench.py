"""Reading the model from a store, side by side: rdflib (the store's triples into an rdflib
graph, then ``read_model`` / ``read_law``) against the lean reader (``graph/store/reader.py``:
one SPARQL query into plain indexes, the same model code), each in a fresh process.

    python bench/reader_bench.py                   # shipped knowledge base and 1,000 organisations
    python bench/reader_bench.py --sizes 0,1000,10000 --rounds 3

Figures per way: seconds from opening the store to the finished model, and the process's
resident memory (RSS) with the model read, above the interpreter with the modules imported.
The rounds alternate the order of the two ways; medians are shown.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def prepare(n: int, work: Path) -> Path:
    """Publish the knowledge base of size ``n`` (0: the shipped one) to an Oxigraph store."""
    from xborder.graph.build import DEFAULT_KB_DIR, build_graph
    from xborder.graph.digest import graph_digest
    from xborder.graph.store import OxigraphStore

    if n == 0:
        graph = build_graph([DEFAULT_KB_DIR])
    else:
        from synth import synthetic_dirs

        graph = build_graph(synthetic_dirs(n, work / "yaml"))
    store = OxigraphStore(work / "store")
    store.write(graph, graph_digest(graph))
    return work / "store"


def child(way: str, root: Path) -> dict[str, Any]:
    import pyoxigraph  # noqa: F401  (import cost is not read time)

    import xborder.graph.law
    import xborder.graph.model  # noqa: F401
    from xborder.graph.store import OxigraphStore
    from xborder.graph.store.reader import open_read_only, read_models

    base = _rss_mb()
    start = time.perf_counter()
    if way == "rdflib":
        from xborder.graph.read import read_law, read_model

        graph = OxigraphStore(root).read().graph
        model = read_model(graph)
        law = read_law(graph, model.sources)
        triples = len(graph)
    else:
        marker = json.loads((root / "CURRENT").read_text(encoding="utf-8"))
        model, law, triples = read_models(open_read_only(root / "versions" / marker["dir"]))
    seconds = time.perf_counter() - start
    assert model.organisations and law.regimes
    return {"way": way, "s": seconds, "mb": _rss_mb() - base, "triples": triples}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0,1000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", nargs=2, metavar=("WAY", "STORE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], Path(args.child[1]))))
        return 0
    print("| knowledge base | triples | rdflib (s) | lean (s) | rdflib/lean | rdflib RSS (MB) "
          "| lean RSS (MB) | rdflib/lean |\n" + "|---" * 8 + "|")
    with tempfile.TemporaryDirectory(prefix="xborder-reader-") as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            root = prepare(n, Path(tmp) / f"n{n}")
            runs: dict[str, list[dict[str, Any]]] = {"rdflib": [], "lean": []}
            for r in range(args.rounds):
                for way in (("rdflib", "lean") if r % 2 == 0 else ("lean", "rdflib")):
                    out = subprocess.run([sys.executable, __file__, "--child", way, str(root)],
                                         capture_output=True, text=True, check=True).stdout
                    runs[way].append(json.loads(out.strip().splitlines()[-1]))

            def med(way: str, key: str, runs: dict[str, list[dict[str, Any]]] = runs) -> float:
                return statistics.median(x[key] for x in runs[way])

            label = "shipped" if n == 0 else f"{n:,} organisations"
            print(f"| {label} | {runs['lean'][0]['triples']:,} | {med('rdflib', 's'):.2f} | "
                  f"{med('lean', 's'):.2f} | {med('rdflib', 's') / med('lean', 's'):.1f}× | "
                  f"{med('rdflib', 'mb'):,.0f} | {med('lean', 'mb'):,.0f} | "
                  f"{med('rdflib', 'mb') / max(med('lean', 'mb'), 1):.1f}× |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
