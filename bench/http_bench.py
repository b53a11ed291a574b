"""HTTP throughput: ``/v1/resolve`` against a hello-world endpoint on the same server, and
resolutions per second through ``/v1/resolve/batch``.

    .venv/bin/python bench/http_bench.py                 # ~2 minutes; prints a table
    .venv/bin/python bench/http_bench.py --duration 5 --server granian

The server runs in a child process (127.0.0.1 only, one worker, pinned to CPU 0; uvicorn with
uvloop + httptools, access log off). The hello-world route is added to the *same* app, so both
go through the same middleware, exception handling and router. The load generator is ``wrk``
(Debian package; pinned to CPU 1) when present, else a small asyncio client. Every run is
bounded in time and the server is stopped at the end.

Scenarios:
- ``hello``: ``GET /bench/hello`` returning a small JSON body (a plain FastAPI route), and
  ``/bench/hello-lean``, the same on :class:`~xborder.api.common.LeanRoute`, the route class
  ``/v1/resolve`` uses — the stricter reference.
- ``resolve, one question``: the same ``/v1/resolve`` URL (a router asking the same thing).
- ``resolve, 1,000 questions``: wrk cycles through 1,000 distinct URLs (location × date).
- ``… no answer cache``: the same, with the answer cache disabled (every request resolves and
  serialises).
- batch: POSTs of 10,000 items; warm (same batch again) and cold (new dates every call, with
  the answer cache disabled), in the compact view and the full one.

The machines this runs on are shared and noisy: scenarios are interleaved over several rounds
and medians reported, so compare the ratios rather than the absolute figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

RESOLVE = "/v1/resolve?location=RE&service=consumer-cloud&at=2017-06-01"
CODES = ["DE", "FR", "RE", "GB", "US", "JP", "CN", "NC", "GI", "CH", "NO", "KR", "CA", "BR",
         "IN", "ES-CN", "PT-20", "AX", "SJ", "GL"]


# -- the server ---------------------------------------------------------------------------------

def bench_app(cache: bool = True) -> Any:
    """The xborder app plus ``/bench/hello`` (same middleware, handlers and router)."""
    from fastapi import Request, Response

    from xborder.api.common import LeanRoute
    from xborder.api.http import create_app

    app = create_app(answer_cache_bytes=64 * 1024 * 1024 if cache else 0)
    hello = b'{"hello":"world"}'

    @app.get("/bench/hello", include_in_schema=False)
    async def _hello() -> Response:
        return Response(hello, media_type="application/json")

    async def _hello_lean(request: Request) -> Response:
        return Response(hello, media_type="application/json")

    # The stricter reference: hello world on the same lean route class as /v1/resolve.
    app.router.add_api_route("/bench/hello-lean", _hello_lean, include_in_schema=False,
                             route_class_override=LeanRoute)
    # First in the router: routes are matched in order, and the comparison should not charge
    # hello world for the regexes of the routes registered before it.
    app.router.routes[:0] = [app.router.routes.pop(), app.router.routes.pop()]
    return app


def bench_app_no_cache() -> Any:
    return bench_app(cache=False)


def serve(port: int, server: str, cache: bool) -> None:
    if server == "granian":
        from granian import Granian  # type: ignore[import-not-found]

        sys.path.insert(0, str(Path(__file__).parent))
        Granian("http_bench:" + ("bench_app" if cache else "bench_app_no_cache"),
                address="127.0.0.1", port=port, interface="asgi", workers=1, factory=True,
                log_enabled=False).serve()
        return
    import uvicorn

    uvicorn.run(bench_app(cache), host="127.0.0.1", port=port, loop="uvloop",
                http="httptools", access_log=False, log_level="warning")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pin(cpu: int) -> Any:
    def apply() -> None:
        if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) > cpu:
            os.sched_setaffinity(0, {cpu})
    return apply


class Server:
    def __init__(self, server: str, cache: bool) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--serve", str(self.port), "--server", server]
            + ([] if cache else ["--no-cache"]), preexec_fn=pin(0))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/readyz", timeout=1) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("the server did not start")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


# -- load generation ----------------------------------------------------------------------------

def _ms(text: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s)", text.strip())
    if not m:
        return float("nan")
    return float(m[1]) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m[2]]


def wrk(url: str, duration: int, connections: int, paths: list[str] | None = None
        ) -> dict[str, float]:
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency"]
    script = None
    if paths:
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write("paths = {" + ",".join(json.dumps(p) for p in paths) + "}\n"
                         "i = 0\nrequest = function()\n  i = i % #paths + 1\n"
                         "  return wrk.format('GET', paths[i])\nend\n")
        cmd += ["-s", script.name]
    try:
        out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True,
                             timeout=duration + 30, preexec_fn=pin(1)).stdout
    finally:
        if script is not None:
            os.unlink(script.name)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])  # type: ignore[index]
    lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50": _ms(lat.get("50", "")), "p99": _ms(lat.get("99", "")),
            "errors": float(errors[1]) if errors else 0.0}


async def _py_load(port: int, paths: list[str], duration: float, connections: int
                   ) -> dict[str, float]:
    latencies: list[float] = []
    stop = time.monotonic() + duration

    async def one(k: int) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        i = k
        while time.monotonic() < stop:
            path = paths[i % len(paths)]
            i += 1
            t = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            length = int(re.search(rb"content-length: (\d+)", head, re.I)[1])  # type: ignore
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - t)
        writer.close()

    start = time.monotonic()
    await asyncio.gather(*(one(k) for k in range(connections)))
    elapsed = time.monotonic() - start
    latencies.sort()
    return {"rps": len(latencies) / elapsed, "p50": latencies[len(latencies) // 2] * 1000,
            "p99": latencies[int(len(latencies) * 0.99)] * 1000, "errors": 0.0}


def load(base: str, duration: int, connections: int, paths: list[str]) -> dict[str, float]:
    if shutil.which("wrk"):
        return wrk(base + paths[0], duration, connections, paths if len(paths) > 1 else None)
    pin(1)()
    return asyncio.run(_py_load(int(base.rsplit(":", 1)[1]), paths, duration, connections))


def batch_bodies(items: int, fresh: bool, count: int) -> list[bytes]:
    """Request bodies of ``items`` questions; ``fresh``: every body asks on other dates."""
    import datetime as dt

    day0 = dt.date(2017, 1, 1)
    bodies = []
    for call in range(count if fresh else 1):
        offset = call * items
        bodies.append(json.dumps({"items": [
            {"location": CODES[i % len(CODES)], "service": "consumer-cloud",
             "at": (day0 + dt.timedelta(days=(offset + i) // len(CODES) % 3000)).isoformat()}
            for i in range(items)]}).encode())
    return bodies


def batch(base: str, duration: float, items: int, query: str, fresh: bool) -> dict[str, float]:
    """Resolutions per second through the batch endpoint: one client, sequential calls, the
    time from sending the request to the last byte of the answer (bodies built beforehand; the
    answer is checked by its head, not parsed)."""
    bodies = batch_bodies(items, fresh, 64)
    calls = done = size = 0
    spent = 0.0
    stop = time.monotonic() + duration
    head = b'{"count":%d,' % items
    while time.monotonic() < stop and calls < len(bodies) * (1 if fresh else 10**6):
        req = urllib.request.Request(f"{base}/v1/resolve/batch?{query}",
                                     data=bodies[calls % len(bodies)],
                                     headers={"content-type": "application/json"})
        t = time.perf_counter()
        with urllib.request.urlopen(req, timeout=120) as r:
            answer = r.read()
        spent += time.perf_counter() - t
        assert answer.startswith(head), answer[:200]
        calls += 1
        done += items
        size += len(answer)
    return {"resolutions_per_s": done / spent, "calls": calls, "ms_per_call": spent / calls * 1e3,
            "kb_per_item": size / done / 1024}


# -- the run ------------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per scenario")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (medians)")
    parser.add_argument("--server", choices=["uvicorn", "granian"], default="uvicorn")
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--no-cache", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.server, not args.no_cache)
        return

    d, c, rounds = args.duration, args.connections, args.rounds
    many = [f"/v1/resolve?location={code}&service=consumer-cloud&at=20{y:02d}-0{m}-15"
            f"&transfers=false" for code in CODES for y in range(17, 27) for m in range(1, 6)]
    generator = "wrk" if shutil.which("wrk") else "python asyncio client"
    print(f"server: {args.server}, one worker, CPU 0; load: {generator}, {c} connections, "
          f"CPU 1; {rounds} interleaved rounds of {d} s per scenario, medians\n")
    cached = [("hello world", ["/bench/hello"]),
              ("hello world, lean route class (as /v1/resolve)", ["/bench/hello-lean"]),
              ("resolve, one question, view=compact", [RESOLVE + "&view=compact"]),
              ("resolve, one question, transfers=false", [RESOLVE + "&transfers=false"]),
              ("resolve, one question, full answer (18 KB)", [RESOLVE]),
              ("resolve, 1,000 questions, transfers=false", many)]
    uncached = [("hello world (server without answer cache)", ["/bench/hello"]),
                ("resolve, 1,000 questions, no answer cache", many),
                ("resolve, full answer, no answer cache", [RESOLVE])]
    results: dict[str, list[dict[str, float]]] = {}
    batches: dict[str, dict[str, float]] = {}
    for cache, scenarios in ((True, cached), (False, uncached)):
        with Server(args.server, cache=cache) as s:
            for _, paths in scenarios:  # warm up: compile timelines, fill the cache
                for path in paths:
                    urllib.request.urlopen(s.base + path).read()
            load(s.base, 2, c, ["/bench/hello"])
            for k in range(rounds):  # each round starts elsewhere: no scenario is always first
                order = scenarios[k % len(scenarios):] + scenarios[:k % len(scenarios)]
                measured = {name: load(s.base, d, c, paths) for name, paths in order}
                for name, r in measured.items():
                    r["ratio"] = r["rps"] / measured[scenarios[0][0]]["rps"]
                    results.setdefault(name, []).append(r)
            if cache:
                for view in ("view=compact", "transfers=false"):
                    batch(s.base, 1, 10_000, view, False)
                    batches[f"10,000 items, {view}, warm (answer cache)"] = \
                        batch(s.base, d, 10_000, view, False)
            else:
                batches["10,000 items, view=compact, cold (no cache)"] = \
                    batch(s.base, d, 10_000, "view=compact", True)
                batches["10,000 items, transfers=false, cold (no cache)"] = \
                    batch(s.base, d, 10_000, "transfers=false", True)
                batches["1,000 items, full answers, cold (no cache)"] = \
                    batch(s.base, d, 1_000, "transfers=true", True)

    def median(name: str, key: str) -> float:
        values = sorted(r[key] for r in results[name])
        return values[len(values) // 2]

    print("vs hello: the median over the rounds of req/s ÷ hello world's req/s in that round\n")
    print(f"{'endpoint':<48} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'vs hello':>9}")
    for scenarios in (cached, uncached):
        for name, _ in scenarios:
            errors = sum(r["errors"] for r in results[name])
            bad = f"  ({int(errors)} non-2xx)" if errors else ""
            print(f"{name:<48} {median(name, 'rps'):>9.0f} {median(name, 'p50'):>8.2f} "
                  f"{median(name, 'p99'):>8.2f} {median(name, 'ratio'):>8.0%}{bad}")
    print(f"\n{'batch (POST /v1/resolve/batch)':<48} {'resolutions/s':>14} {'ms/call':>9} "
          f"{'KB/item':>8}")
    for name, b in batches.items():
        print(f"{name:<48} {b['resolutions_per_s']:>14,.0f} {b['ms_per_call']:>9.1f} "
              f"{b['kb_per_item']:>8.2f}")


if __name__ == "__main__":
    main()
