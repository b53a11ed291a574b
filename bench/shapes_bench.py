"""SHACL validation, side by side in one run: the shapes before and after the interval rewrite,
pySHACL against the fast engines (pyshacl-turbo; the shapes as SPARQL on pyoxigraph — the
default — over the rdflib graph and over the N-Triples a replica holds), on the shipped
knowledge base and synthetic ones.

    python bench/shapes_bench.py                               # shipped + 1,000 organisations
    python bench/shapes_bench.py --sizes 0,1000,10000 --before /tmp/shapes-before.ttl

``--before`` names a shapes file to compare with (e.g. ``git show REV:ontology/shapes.ttl``);
without it only the current shapes are timed. Each configuration must find the same violations
(none on these graphs) before its time is believed. Size 0 is the shipped knowledge base.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from rdflib import Graph

sys.path.insert(0, str(Path(__file__).parent))


def _graph(n: int, work: Path) -> Graph:
    from xborder.graph.build import DEFAULT_KB_DIR, build_graph

    if n == 0:
        return build_graph([DEFAULT_KB_DIR])
    from synth import synthetic_dirs

    return build_graph(synthetic_dirs(n, work / f"n{n}"))


def _pyshacl(shapes: Graph, vocabulary: Graph | None) -> Callable[[Graph], bool]:
    import pyshacl

    def run(graph: Graph) -> bool:
        conforms, _report, _text = pyshacl.validate(
            graph, shacl_graph=shapes, ont_graph=vocabulary, inference="none",
            allow_warnings=True, advanced=True)
        return bool(conforms)

    return run


def _turbo(shapes: Graph) -> Callable[[Graph], bool]:
    import pyshacl_turbo

    compiled = pyshacl_turbo.compile_shapes(shapes, advanced=True)

    def run(graph: Graph) -> bool:
        conforms, _report, _text = compiled.validate(graph, allow_warnings=True)
        return bool(conforms)

    return run


def _oxigraph(shapes: Graph) -> Callable[[Graph | bytes], bool]:
    """The default engine: the shapes as SPARQL on pyoxigraph, over an rdflib graph or over
    N-Triples (what a replica holds)."""
    from xborder.graph.shapes.sparql import compile_shapes, store_of
    from xborder.graph.shapes.sparql import run as check

    checks = compile_shapes(shapes)

    def run(data: Graph | bytes) -> bool:
        return not check(checks, store_of(data))

    return run


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0,1000")
    parser.add_argument("--before", type=Path, help="shapes file to compare with")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--slow-limit", type=float, default=120.0,
                        help="run a configuration once only if one run takes longer (s)")
    args = parser.parse_args()
    from xborder.ontology import SHAPES, VOCABULARY, load

    vocabulary = load(VOCABULARY)
    configs: list[tuple[str, Callable[[Any], bool]]] = []
    if args.before:
        old = load(args.before)
        configs.append(("before: pyshacl, vocabulary mixed in", _pyshacl(old, vocabulary)))
    new = load(SHAPES)
    configs += [("after: pyshacl, vocabulary mixed in", _pyshacl(new, vocabulary)),
                ("after: pyshacl, no vocabulary", _pyshacl(new, None)),
                ("after: pyshacl-turbo", _turbo(new)),
                ("after: oxigraph SPARQL (default)", _oxigraph(new)),
                ("after: oxigraph SPARQL, N-Triples", _oxigraph(new))]
    print(f"# SHACL bench: {os.cpu_count()} cores, Python {sys.version.split()[0]}; "
          f"median of {args.repeats} (s)")
    with TemporaryDirectory(prefix="xborder-shapes-") as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            graph = _graph(n, Path(tmp))
            ntriples = graph.serialize(format="nt", encoding="utf-8")  # what a replica reads
            label = "shipped" if n == 0 else f"{n:,} organisations"
            print(f"\n{label}: {len(graph):,} triples")
            times: dict[str, float] = {}
            for name, run in configs:
                samples: list[float] = []
                for _ in range(args.repeats):
                    start = time.perf_counter()
                    conforms: Any = run(ntriples if name.endswith("N-Triples") else graph)
                    samples.append(time.perf_counter() - start)
                    assert conforms, f"{name}: the graph does not conform"
                    if samples[-1] > args.slow_limit:
                        break
                times[name] = statistics.median(samples)
                print(f"  {name:<40}{times[name]:>9.2f} s   (RSS {_rss_mb():,.0f} MB)",
                      flush=True)
            base = next(iter(times.values()))
            for name in ("after: pyshacl-turbo", "after: oxigraph SPARQL (default)",
                         "after: oxigraph SPARQL, N-Triples"):
                print(f"  speed-up, first row / {name.removeprefix('after: ')}: "
                      f"{base / times[name]:.0f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
