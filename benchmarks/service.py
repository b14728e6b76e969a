"""Load benchmark of the HTTP service: throughput and p50/p99 latency of ``/v1/check``.

    python -m benchmarks.service [--seconds 10] [--concurrency 32]

Starts ``dignity serve`` (the default policy and model, a fresh SQLite database with one
member's token, texts assessed on one detection worker per CPU, up to 4: serve's default) in
a child process on a free loopback port; this process is the client: 32
concurrent keep-alive HTTP/1.1 connections send requests for a fixed time after a warm-up.
The client is a minimal asyncio HTTP/1.1 writer/reader (like ``wrk``), so that on a small
machine the load generator does not eat the CPU the server needs. The baseline, measured in
the same run against the same server, is ``/v1/health``
(no token, no database, no model): the floor the HTTP stack costs. The table prints both and
their ratio; the target is a p99 of at most 100 ms for ``/v1/check`` at 32 clients.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

TARGET_P99_MS = 100.0
TEXTS = (
    "The whip's decision on the welfare vote was a serious mistake and should be reversed.",
    "You pathetic idiot, your housing policy is a disgrace.",
    "I will find you and I know where you live.",
    "Call her on 07700 900123 and tell her what you think of the vote.",
    "Forcefully: the leadership is wrong on this, and members deserve a say at conference.",
    "What a clown. Typical of your lot, you can't even read a budget.",
)


@dataclass(frozen=True, slots=True)
class Result:
    name: str
    requests: int
    errors: int
    seconds: float
    latencies_ms: tuple[float, ...]

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serve(workdir: Path) -> Iterator[tuple[int, str]]:
    """A running ``dignity serve`` and a member's token."""
    db = workdir / "bench.db"
    cli = [sys.executable, "-c", "from dignity.cli import app; app()"]
    added = subprocess.run(
        [*cli, "users", "add", "bench", "--role", "member", "--db", str(db)],
        check=True,
        capture_output=True,
        text=True,
    )
    token = added.stdout.strip().splitlines()[-1]
    port = _free_port()
    process = subprocess.Popen(
        [*cli, "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("dignity serve did not start")
            time.sleep(0.1)
        yield port, token
    finally:
        process.terminate()
        process.wait(timeout=30)


def _requests(name: str, port: int, token: str | None) -> list[bytes]:
    """The raw HTTP/1.1 requests a client cycles through."""
    if name == "health":
        return [f"GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()]
    made = []
    for text in TEXTS:
        body = json.dumps({"text": text}).encode()
        head = (
            f"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        )
        made.append(head.encode() + body)
    return made


async def _exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes
) -> int:
    writer.write(request)
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        if line[:15].lower() == b"content-length:":
            length = int(line[15:])
    await reader.readexactly(length)
    return status


async def _load(
    name: str, port: int, *, token: str | None, concurrency: int, seconds: float, warmup: float
) -> Result:
    requests = _requests(name, port, token)
    latencies: list[float] = []
    errors = 0
    start = time.perf_counter()
    measure_from = start + warmup
    stop = measure_from + seconds

    async def worker(n: int) -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        i = n
        try:
            while (now := time.perf_counter()) < stop:
                status = await _exchange(reader, writer, requests[i % len(requests)])
                done = time.perf_counter()
                i += 1
                if now >= measure_from:
                    errors += status != 200
                    latencies.append((done - now) * 1000)
        finally:
            writer.close()

    await asyncio.gather(*(worker(n) for n in range(concurrency)))
    return Result(name, len(latencies), errors, seconds, tuple(latencies))


def run(*, seconds: float, concurrency: int, warmup: float = 2.0) -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp, serve(Path(tmp)) as (port, token):
        health = asyncio.run(
            _load(
                "health",
                port,
                token=None,
                concurrency=concurrency,
                seconds=seconds,
                warmup=warmup,
            )
        )
        check = asyncio.run(
            _load(
                "check",
                port,
                token=token,
                concurrency=concurrency,
                seconds=seconds,
                warmup=warmup,
            )
        )
    return [health, check]


def print_table(results: list[Result], concurrency: int) -> bool:
    print(f"loopback, {concurrency} concurrent clients, {os.cpu_count()} CPUs")
    header = f"{'endpoint':<12}{'requests':>10}{'errors':>8}{'req/s':>10}"
    print(header + f"{'p50 ms':>9}{'p99 ms':>9}{'mean ms':>9}")
    for r in results:
        print(
            f"{'/v1/' + r.name:<12}{r.requests:>10,}{r.errors:>8}{r.throughput:>10,.0f}"
            f"{r.percentile(0.50):>9.1f}{r.percentile(0.99):>9.1f}"
            f"{statistics.fmean(r.latencies_ms):>9.1f}"
        )
    health, check = results
    print(
        f"check/health: throughput x{check.throughput / health.throughput:.2f}, "
        f"p99 x{check.percentile(0.99) / health.percentile(0.99):.2f}"
    )
    ok = check.percentile(0.99) <= TARGET_P99_MS and check.errors == 0
    verdict = "meets" if ok else "MISSES"
    print(f"/v1/check p99 {check.percentile(0.99):.1f} ms {verdict} the {TARGET_P99_MS:.0f} ms bar")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="Measured time per endpoint.")
    parser.add_argument("--concurrency", type=int, default=32)
    args = parser.parse_args()
    ok = print_table(run(seconds=args.seconds, concurrency=args.concurrency), args.concurrency)
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
