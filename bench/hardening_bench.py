"""The bounded load test of issue 10: `xborder serve` as deployed, on 127.0.0.1, attacked and
reloaded; every phase is bounded in count and time and prints what it measured.

    .venv/bin/python bench/hardening_bench.py            # ~3–6 minutes on a shared machine
    .venv/bin/python bench/hardening_bench.py --quick    # smaller counts

Phases (the server is one process; its memory is read from /proc):
1. padded query strings: 4,000 ``/v1/resolve`` requests, each with 60 KB of unused, different
   parameters — the server's memory must stay flat (the answer cache is keyed on the question);
2. huge batches: four 10,000-item full batches at once, while ``/v1/resolve`` is timed — they are
   refused past the response cap (413) or for being more than two at once (429), memory stays
   bounded, and resolve answers on (batches run off the event loop);
3. slow clients: 500 connections that never finish their request head — all are answered 408
   and closed by the server within its head timeout;
4. reload: a server on an Oxigraph store; resolve p99 while a new version is published and
   built (in a child process) against its idle p99 — within 2× is the target.
Exit status 1 if a check fails.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
RESOLVE = "/v1/resolve?location={}&org=huawei&service=consumer-cloud&at=2017-06-01"
CODES = ["DE", "FR", "RE", "GB", "US", "JP", "CN", "NC", "GI", "CH", "NO", "KR", "CA", "BR",
         "IN", "ES-CN", "PT-20", "AX", "SJ", "GL"]
HEAD_TIMEOUT = 3.0
failures: list[str] = []


def check(ok: bool, what: str) -> None:
    print(f"  [{'ok' if ok else 'FAIL'}] {what}")
    if not ok:
        failures.append(what)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def serve(env: dict[str, str], log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "xborder", "serve", "--port", str(port), "--no-access-log",
             "--head-timeout", str(HEAD_TIMEOUT)], env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    end = time.monotonic() + 900  # start-up with SHACL can take minutes on a loaded machine
    while time.monotonic() < end:
        try:
            if httpx.get(base + "/readyz", timeout=5).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            raise SystemExit(f"the server exited; see {log}")
        time.sleep(0.5)
    proc.kill()
    raise SystemExit("the server did not start in 15 minutes")


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(20)


def timed_resolves(base: str, count: int, stop_when: threading.Event | None = None,
                   deadline: float = 120.0) -> list[float]:
    """Sequential ``/v1/resolve`` calls on one connection; latencies in ms."""
    out: list[float] = []
    end = time.monotonic() + deadline
    with httpx.Client(timeout=60) as client:
        for n in range(count):
            if (stop_when is not None and stop_when.is_set()) or time.monotonic() > end:
                break
            t = time.perf_counter()
            r = client.get(base + RESOLVE.format(CODES[n % len(CODES)]))
            out.append((time.perf_counter() - t) * 1000)
            if r.status_code != 200:
                failures.append(f"resolve answered {r.status_code}")
    return out


def p(values: list[float], q: float) -> float:
    return sorted(values)[min(len(values) - 1, int(len(values) * q))] if values else float("nan")


def padded(base: str, pid: int, count: int) -> None:
    print(f"1. padded query strings: {count} requests with 60 KB of unused parameters")
    timed_resolves(base, 200)  # warm
    before = rss_mb(pid)
    with httpx.Client(timeout=60) as client:
        for n in range(count):
            r = client.get(base + RESOLVE.format("RE") + f"&pad{n}=" + "p" * 60_000)
            if r.status_code != 200:
                failures.append(f"padded request answered {r.status_code}")
                break
    after = rss_mb(pid)
    print(f"   server RSS {before:.0f} MB → {after:.0f} MB ({after - before:+.0f} MB)")
    check(after - before < 40, "memory flat under padded queries (< 40 MB growth)")


def batches(base: str, pid: int, items: int) -> None:
    print(f"2. huge batches: four {items}-item full batches at once, resolve timed meanwhile")
    idle = timed_resolves(base, 300)
    body = json.dumps({"items": [  # all different questions: nothing comes from the cache
        {"location": CODES[n % len(CODES)], "org": "huawei",
         "at": f"{1995 + n // 20 % 30}-{1 + n // 600 % 12:02d}-{1 + n // 7200 % 28:02d}"}
        for n in range(items)]}).encode()
    statuses: list[int] = []
    peak = [rss_mb(pid)]
    done = threading.Event()

    def post() -> None:
        with httpx.Client(timeout=600) as client:
            statuses.append(client.post(base + "/v1/resolve/batch", content=body,
                                        headers={"content-type": "application/json"})
                            .status_code)

    def sample() -> None:
        while not done.is_set():
            peak.append(rss_mb(pid))
            time.sleep(0.1)

    threads = [threading.Thread(target=post) for _ in range(4)]
    sampler = threading.Thread(target=sample)
    sampler.start()
    start = rss_mb(pid)
    for t in threads:
        t.start()
    def finish() -> None:
        for t in threads:
            t.join(600)
        done.set()

    finisher = threading.Thread(target=finish)
    finisher.start()
    during = timed_resolves(base, 100_000, stop_when=done, deadline=600)
    finisher.join()
    sampler.join()
    print(f"   statuses {sorted(statuses)}; server RSS {start:.0f} MB, peak {max(peak):.0f} MB")
    print(f"   resolve idle p50/p99 {p(idle, .5):.1f}/{p(idle, .99):.1f} ms; during batches "
          f"p50/p99/max {p(during, .5):.1f}/{p(during, .99):.1f}/{max(during or [0]):.1f} ms "
          f"({len(during)} requests)")
    check(set(statuses) <= {200, 413, 429} and len(statuses) == 4, "batches answered 200/413/429")
    check(max(peak) - start < 400, "peak memory bounded (< 400 MB over the start)")
    check(bool(during) and max(during) < 1000, "resolve never stalled a second during batches")


def slow_clients(base: str, count: int) -> None:
    print(f"3. slow clients: {count} connections that never finish their request head")
    port = int(base.rsplit(":", 1)[1])
    socks = []
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", port), timeout=60)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: a\r\nX-Slow: ")
        socks.append(s)
    started = time.monotonic()
    answers = []
    for s in socks:
        data = b""
        try:
            while chunk := s.recv(4096):
                data += chunk
        except OSError:
            pass
        answers.append(data[:12])
        s.close()
    took = time.monotonic() - started
    cut = sum(1 for a in answers if a.startswith(b"HTTP/1.1 408"))
    print(f"   {cut} of {count} answered 408 and closed by the server in {took:.1f} s "
          f"(head timeout {HEAD_TIMEOUT:g} s)")
    check(cut == count and took < HEAD_TIMEOUT + 30, "slow clients cut off")
    r = httpx.get(base + "/healthz", timeout=30)
    check(r.status_code == 200, "the server answers afterwards")


def reload(env: dict[str, str], folder: Path, count: int) -> None:
    print("4. reload: resolve p99 while a new version is built, against idle")
    store = folder / "store"
    live_env = {**env, "XBORDER_STORE": "oxigraph", "XBORDER_STORE_PATH": str(store),
                "XBORDER_RELOAD_SECONDS": "0.5"}
    cli = [sys.executable, "-m", "xborder"]
    subprocess.run([*cli, "load"], env=live_env, check=True, capture_output=True, timeout=900)
    proc, base = serve(live_env, folder / "live.log")
    try:
        timed_resolves(base, 300)  # warm
        idle = timed_resolves(base, count)
        version = httpx.get(base + "/readyz", timeout=30).json()["version"]
        ttl = folder / "changed.nt"
        export = subprocess.run([*cli, "export", "--format", "nt"], env=env, check=True,
                                capture_output=True, timeout=900).stdout
        ttl.write_bytes(export + b'<https://w3id.org/xborder/bench/reload> '
                        b'<http://www.w3.org/2000/01/rdf-schema#comment> "reloaded" .\n')
        subprocess.run([*cli, "load", str(ttl)], env=live_env, check=True, capture_output=True,
                       timeout=900)
        swapped = threading.Event()

        def watch() -> None:
            end = time.monotonic() + 900
            while time.monotonic() < end:
                try:
                    if httpx.get(base + "/readyz", timeout=30).json()["version"] != version:
                        break
                except httpx.HTTPError:
                    pass
                time.sleep(0.2)
            swapped.set()

        watcher = threading.Thread(target=watch)
        watcher.start()
        during = timed_resolves(base, 1_000_000, stop_when=swapped, deadline=900)
        watcher.join()
        ratio = p(during, .99) / p(idle, .99)
        print(f"   idle p50/p99 {p(idle, .5):.1f}/{p(idle, .99):.1f} ms ({len(idle)}); during "
              f"the reload p50/p99/max {p(during, .5):.1f}/{p(during, .99):.1f}/"
              f"{max(during or [0]):.1f} ms ({len(during)}); p99 ratio {ratio:.2f}")
        check(len(during) > 50, "requests were answered during the reload")
        check(ratio <= 2.0, "resolve p99 during a reload within 2x of idle")
    finally:
        stop(proc)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller counts")
    parser.add_argument("--phases", default="1234", help="which phases to run (default 1234)")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if not k.startswith("XBORDER_")}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if set(args.phases) & set("123"):
            proc, base = serve(env, folder / "serve.log")
            try:
                if "1" in args.phases:
                    padded(base, proc.pid, 1000 if args.quick else 4000)
                if "2" in args.phases:
                    batches(base, proc.pid, 10_000)
                if "3" in args.phases:
                    slow_clients(base, 100 if args.quick else 500)
            finally:
                stop(proc)
        if "4" in args.phases:
            reload(env, folder, 1000 if args.quick else 3000)
    print("all checks passed" if not failures else f"{len(failures)} failed: {failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
