"""Shared timing helper for the benchmarks: medians of repeated batches, side by side."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def per_call(fn: Callable[[], object], calls: int, repeats: int = 7) -> float:
    """The median, over ``repeats`` batches, of the seconds one call takes."""
    fn()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(calls):
            fn()
        samples.append((time.perf_counter() - start) / calls)
    return statistics.median(samples)


def paired(fast: Callable[[], object], fast_calls: int, slow: Callable[[], object],
           slow_calls: int, repeats: int = 9) -> tuple[float, float, float]:
    """Two ways of answering one question, timed in alternating batches (so a slow spell of a
    shared machine falls on both): the median seconds per call of each, and the median of the
    per-batch ratios slow / fast."""
    fast()
    slow()
    times: list[tuple[float, float]] = []
    for _ in range(repeats):
        pair = []
        for fn, calls in ((fast, fast_calls), (slow, slow_calls)):
            start = time.perf_counter()
            for _ in range(calls):
                fn()
            pair.append((time.perf_counter() - start) / calls)
        times.append((pair[0], pair[1]))
    return (statistics.median(f for f, _ in times), statistics.median(s for _, s in times),
            statistics.median(s / f for f, s in times))


def fmt(seconds: float) -> str:
    if seconds < 1e-6:
        return f"{seconds * 1e9:8.1f} ns"
    if seconds < 1e-3:
        return f"{seconds * 1e6:8.2f} µs"
    return f"{seconds * 1e3:8.2f} ms"
