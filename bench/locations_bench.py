"""Location parsing: warm parse time for codes and names, the index's build time and memory, and
the first question in a new process (a non-Latin name), as issue 16 asks.

    python bench/locations_bench.py [--cold]

Warm: ``kb.locations.parse`` on the same inputs after a first call (dictionary look-ups). Index:
the ``LocationIndex`` constructor as ``KnowledgeBase`` calls it (its cache file, when there is
one, is what a second process reads). First question: a new process loads the knowledge base,
then times its first parse of a non-Latin name alone, and the load before it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from timing import fmt, per_call

from xborder import KnowledgeBase
from xborder.graph.locations import Alias, LocationIndex
from xborder.graph.locations import index as index_module

CODES = ["DE", "fr", "GBR", "276", "ES-CN", "FR-974", "US-CA"]
NAMES = ["Germany", "Deutschland", "Royaume-Uni", "Canary Islands", "Korea, Republic of",
         "Réunion"]
MORE = ["日本", "Москва", "München", "Ponta Delgada", "Perth", "Frankreich (FR)"]
FIRST = ["日本", "Москва", "서울", "Αθήνα"]


def first_question(text: str) -> tuple[float, float]:
    code = ("import time\nt = time.perf_counter()\nfrom xborder import KnowledgeBase\n"
            "kb = KnowledgeBase.load()\nt1 = time.perf_counter()\n"
            f"try:\n    kb.locations.parse({text!r})\nexcept Exception:\n    pass\n"
            "print(t1 - t, time.perf_counter() - t1)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    return float(out[0]), float(out[1])


def _safe(index: LocationIndex, text: str) -> object:
    try:
        return index.parse(text)
    except Exception as err:  # ambiguity is an answer here
        return err


def main() -> None:
    kb = KnowledgeBase.load()
    names = {c: j.name for c, j in kb.model.jurisdictions.items() if j.kind != "group"}
    aliases = [Alias(a.text, a.code, a.ambiguous) for a in kb.model.aliases]
    index_module._MEMO.clear()  # read the cache as a new process does
    start = time.perf_counter()
    LocationIndex(names, aliases)
    warm = time.perf_counter() - start
    index_module._MEMO.clear()
    tracemalloc.start()
    LocationIndex(names, aliases)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"index build (as KnowledgeBase does it, cache warm): {warm * 1e3:.0f} ms, "
          f"peak traced memory {peak / 2**20:.0f} MiB")
    if "--cold" in sys.argv:  # compile from the sources, as the first process does
        with tempfile.TemporaryDirectory() as empty:
            os.environ["XBORDER_CACHE_DIR"] = empty
            index_module._MEMO.clear()
            start = time.perf_counter()
            LocationIndex(names, aliases)
            print(f"index build, cache empty (sources read and compiled): "
                  f"{time.perf_counter() - start:.1f} s")
            del os.environ["XBORDER_CACHE_DIR"]
    index = kb.locations
    for label, inputs, calls in (("codes", CODES, 2_000), ("names", NAMES, 2_000),
                                 ("new kinds", MORE, 50)):
        for text in inputs:
            _safe(index, text)
        t = per_call(lambda inputs=inputs: [_safe(index, x) for x in inputs], calls, 3)
        print(f"warm parse, {label:<10} {fmt(t / len(inputs))} per input  ({', '.join(inputs)})")
    for text in FIRST:
        load, first = first_question(text)
        print(f"new process: load {load:.2f} s, then first parse of {text!r}: "
              f"{first * 1e3:.1f} ms")
    print("\ntargets: warm within 5× of the baseline; first non-Latin name under 50 ms")


if __name__ == "__main__":
    main()
