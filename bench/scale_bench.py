"""Scale: build cost as organisations grow, and lookup cost that should not.

    python bench/scale_bench.py                        # N = 10, 100, 1,000, 10,000
    python bench/scale_bench.py --sizes 10,100 --no-shapes

For each N a synthetic knowledge base (``bench/synth.py``: N organisations × 3 services ×
4–5 controller rules over the real jurisdictions, plus the shipped jurisdictions and transfer law)
is measured in three fresh processes, so memory is that of one process doing one job:

1. *publisher* — what ``xborder load`` does (:func:`~xborder.graph.store.publish`): write the
   YAML, build the graph (``build_graph``), hash the version, compile the model to check it
   reads and write its document (``model document``), check the SHACL shapes on the version's
   N-Triples, write them to an on-disk Oxigraph store; for comparison, parse the same graph
   from N-Triples with rdflib.
2. *server* — read the current version's N-Triples and model document from the Oxigraph store
   (``load``), read the model from the document and compile the indexes (``prepare_snapshot``,
   ``compile``; the served process keeps no rdflib graph, only the compressed N-Triples), then
   time lookups
   (``kb.resolve(location, service, org, at)`` without transfer legs) on random questions: the
   first time a (organisation, service, location) is asked (``cold``: compiles its timeline) and
   again (``warm``); ``memory`` is what loading and compiling added to the process. Then, for
   comparison, the compile of a version published without a model document (an older
   publisher's): the model read from the N-Triples by the lean reader (``compile from
   N-Triples``). The SHACL check is timed last, on the version's N-Triples as a replica checks
   them.
3. *replica* — what ``xborder serve --store oxigraph`` does at start
   (:class:`~xborder.graph.live.LiveKnowledgeBase`): read, check (SHACL, in a forked process
   beside the compile) and compile in a child process, receive the model. ``replica ready`` is
   that whole start, twice, with a compiled-model cache of its own: the *first start* of a
   version on this machine (the location tables, built once per installation, are copied in),
   then a *restart* on the same version (the model read back from the cache). The served
   process's resident memory (RSS) is shown at ready and after answering ``--lookups``
   (10,000) questions.

Every child has a time limit (``--timeout``); the run stops by itself. Figures are medians of one
run on one machine: compare ratios across N, not absolute times.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))


def _rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def publisher(n: int, work: Path, shapes: bool) -> dict[str, Any]:
    from rdflib import Graph
    from synth import synthetic_dirs

    from xborder.graph.build import build_graph
    from xborder.graph.digest import graph_digest
    from xborder.graph.store import OxigraphStore, modeldoc, prepare, to_ntriples

    out: dict[str, Any] = {"n": n}
    t = time.perf_counter()
    dirs = synthetic_dirs(n, work / "yaml")
    out["generate_s"] = time.perf_counter() - t
    t = time.perf_counter()
    graph = build_graph(dirs)
    out["build_s"] = time.perf_counter() - t
    out["triples"] = len(graph)
    t = time.perf_counter()
    version = graph_digest(graph)  # the version `xborder load` writes
    out["hash_s"] = time.perf_counter() - t
    t = time.perf_counter()
    kb = prepare(graph, version=version, validate="model", probe=1)
    document = modeldoc.dump(kb.model, kb.law, version=version, triples=len(graph))
    del kb
    out["model_doc_s"] = time.perf_counter() - t
    t = time.perf_counter()
    data = to_ntriples(graph)
    out["ntriples_s"] = time.perf_counter() - t
    if shapes:
        from xborder.graph.shapes import validate_graph

        t = time.perf_counter()
        validate_graph(data)
        out["shapes_s"] = time.perf_counter() - t
    t = time.perf_counter()
    OxigraphStore(work / "store").write(graph, version, model=document, ntriples=data)
    out["store_write_s"] = time.perf_counter() - t
    nt = work / "kb.nt"
    graph.serialize(nt, format="nt", encoding="utf-8")
    del graph
    t = time.perf_counter()
    Graph().parse(nt, format="nt")
    out["rdflib_parse_s"] = time.perf_counter() - t
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def _questions(kb: Any, lookups: int) -> list[tuple[str, str | None, str, str]]:
    rng = random.Random(42)
    orgs = sorted(o for o in kb.model.organisations if o.startswith("synth-"))
    codes = kb.jurisdiction_codes()
    questions = []
    for _ in range(lookups):
        org = rng.choice(orgs)
        svc = rng.choice([None, "svc-1", "svc-2", "svc-3"])
        day = f"{rng.randint(2013, 2025)}-{rng.randint(1, 12):02d}-15"
        questions.append((rng.choice(codes), svc, org, day))
    return questions


def _answer(kb: Any, questions: list[tuple[str, str | None, str, str]],
            out: dict[str, Any]) -> None:
    from xborder.graph.errors import XborderInputError

    def ask(q: tuple[str, str | None, str, str]) -> float:
        start = time.perf_counter()
        with contextlib.suppress(XborderInputError):  # no rule in force: also an answer
            kb.resolve(q[0], service=q[1], org=q[2], at=q[3], transfers=False)
        return time.perf_counter() - start

    first = {(q[0], q[1], q[2]): q for q in reversed(questions)}  # one per timeline
    cold = [ask(q) for q in first.values()]
    warm = [statistics.median(ask(q) for _ in range(5)) for q in questions]
    out["cold_us"] = statistics.median(cold) * 1e6
    out["warm_us"] = statistics.median(warm) * 1e6
    out["answers"] = len(questions)


def server(n: int, work: Path, lookups: int, shapes: bool) -> dict[str, Any]:
    """The phases one at a time, in this process: read the version, SHACL, the lean compile."""
    import xborder.graph.kb  # noqa: F401  (import cost is not load time)
    from xborder.graph.store import OxigraphStore, Snapshot, prepare_snapshot

    out: dict[str, Any] = {"n": n, "rss_base_mb": _rss_mb()}
    t = time.perf_counter()
    snapshot = OxigraphStore(work / "store").read()
    out["load_s"] = time.perf_counter() - t
    t = time.perf_counter()
    kb = prepare_snapshot(snapshot, validate="model", probe=0)  # the lean reader, no rdflib graph
    out["compile_s"] = time.perf_counter() - t
    out["rss_mb"] = _rss_mb()
    _answer(kb, _questions(kb, lookups), out)
    del kb
    older = Snapshot(None, snapshot.version, ntriples=snapshot.ntriples)  # no model document
    t = time.perf_counter()
    prepare_snapshot(older, validate="model", probe=0)
    out["compile_nt_s"] = time.perf_counter() - t
    if shapes:  # after the memory figure: the check loads a pyoxigraph store of its own
        from xborder.graph.shapes import validate_graph

        t = time.perf_counter()
        validate_graph(snapshot.ntriples or snapshot.graph)  # as a replica checks a version
        out["serve_shapes_s"] = time.perf_counter() - t
    return out


def replica(n: int, work: Path, lookups: int, shapes: bool) -> dict[str, Any]:
    """A served replica as ``xborder serve --store oxigraph`` starts one: the version is read,
    checked (SHACL unless --no-shapes) and compiled in a child process, and the serving process
    receives the model without an rdflib graph."""
    from xborder.graph.live import LiveKnowledgeBase
    from xborder.graph.store import OxigraphStore

    out: dict[str, Any] = {"n": n}
    live = LiveKnowledgeBase(OxigraphStore(work / "store"), interval=0,
                             validate="shapes" if shapes else "model", probe=0)
    t = time.perf_counter()
    kb = live.load()
    out["ready_s"] = time.perf_counter() - t
    out["rss_ready_mb"] = _rss_mb()
    _answer(kb, _questions(kb, lookups), {})
    out["rss_answered_mb"] = _rss_mb()
    return out


def _fresh_cache(work: Path) -> Path:
    """A cache folder holding no compiled model, only the location tables this installation
    already built (they are made once per installation, not per knowledge-base version)."""
    from xborder.graph.diskcache import cache_dir

    folder = work / "cache"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for table in cache_dir().glob("locations-*.pickle"):
        shutil.copy2(table, folder / table.name)
    return folder


def _child(role: str, n: int, work: Path, args: argparse.Namespace,
           cache: Path | None = None) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", role, "--sizes", str(n), "--workdir", str(work),
           "--lookups", str(args.lookups)]
    if args.no_shapes:
        cmd.append("--no-shapes")
    env = {**os.environ, "XBORDER_CACHE_DIR": str(cache)} if cache is not None else None
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"{role} N={n} failed:\n{proc.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _row(r: dict[str, Any]) -> str:
    def s(key: str) -> str:
        return f"{r[key]:.2f}" if key in r else "–"

    return (f"| {r['n']:,} | {r['triples']:,} | {s('build_s')} | {s('model_doc_s')} | "
            f"{s('ntriples_s')} | {s('shapes_s')} | {s('store_write_s')} | "
            f"{s('rdflib_parse_s')} | {s('load_s')} | {s('compile_s')} | {s('compile_nt_s')} | "
            f"{r['rss_mb'] - r['rss_base_mb']:,.0f} | {r['cold_us']:.0f} | {r['warm_us']:.1f} | "
            f"{s('ready_s')} | {s('restart_s')} | {r['rss_ready_mb']:,.0f} | "
            f"{r['rss_answered_mb']:,.0f} |")


HEADER = ("| organisations | triples | build from YAML (s) | model document (s) | "
          "N-Triples (s) | SHACL (s) | store write (s) | rdflib parse N-Triples (s) | "
          "load from store (s) | compile (s) | compile from N-Triples (s) | memory (MB) | "
          "first lookup (µs) | lookup (µs) | replica ready, first start (s) | replica ready, "
          "restart (s) | served RSS at ready (MB) | served RSS after the answers (MB) |\n"
          + "|---" * 18 + "|")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000,10000")
    parser.add_argument("--lookups", type=int, default=10_000,
                        help="answers the server gives (memory is measured after them)")
    parser.add_argument("--no-shapes", action="store_true", help="skip the SHACL check")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds per child")
    parser.add_argument("--workdir", type=Path, help="keep the generated files here")
    parser.add_argument("--child", choices=["publisher", "server", "replica"],
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",")]
    if args.child:
        assert args.workdir is not None
        n = sizes[0]
        role = {"publisher": lambda: publisher(n, args.workdir, not args.no_shapes),
                "server": lambda: server(n, args.workdir, args.lookups, not args.no_shapes),
                "replica": lambda: replica(n, args.workdir, args.lookups, not args.no_shapes)}
        result = role[args.child]()
        print(json.dumps(result))
        return 0
    print(f"# scale bench: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(HEADER, flush=True)
    with tempfile.TemporaryDirectory(prefix="xborder-scale-") as tmp:
        root = args.workdir or Path(tmp)
        for n in sizes:
            work = root / f"n{n}"
            work.mkdir(parents=True, exist_ok=True)
            built = _child("publisher", n, work, args)
            cache = _fresh_cache(work)  # the server's entry is not checked: a replica's is
            served = _child("server", n, work, args, cache)
            ready = _child("replica", n, work, args, cache)
            ready["restart_s"] = _child("replica", n, work, args, cache)["ready_s"]
            print(_row({**built, **served, **ready}), flush=True)
            print(f"<!-- N={n}: {json.dumps({**built, **served, **ready})} -->", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
