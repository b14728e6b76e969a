"""SIGKILL the server in the middle of 1,000 concurrent reports: no acknowledged report is lost.

``dignity serve`` runs as a subprocess on a free loopback port; a thread pool fires 1,000
report POSTs; once a third are acknowledged the server is killed with SIGKILL. After a restart,
every report id that was answered 201 must be stored (commit before 201).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from dignity.cases import Role, add_user
from dignity.store import SqlStore

REPORTS = 1_000
KILL_AFTER = 300
WORKERS = 32


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def _serve(db: str, log: Path) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    port = _free_port()
    command = [sys.executable, "-c", "from dignity.cli import app; app()", "serve"]
    command += ["--db", db, "--port", str(port), "--reports-per-minute", "100000"]
    with log.open("ab") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"dignity serve exited with {process.returncode}: {log.read_text()}")
            try:
                if httpx.get(f"{base}/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"dignity serve did not start: {log.read_text()}")
            time.sleep(0.1)
        yield process, base
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)


def test_sigkill_mid_flood_loses_no_acknowledged_report(database_url: str, tmp_path: Path) -> None:
    with SqlStore(database_url) as store:
        _, token = add_user(store=store, name="reporter", role=Role.MEMBER)
    headers = {"Authorization": f"Bearer {token}"}
    acknowledged: list[int] = []
    lock = threading.Lock()
    killed = threading.Event()
    log = tmp_path / "serve.log"

    with _serve(database_url, log) as (process, base):

        def report(i: int, client: httpx.Client) -> None:
            if killed.is_set():
                return
            body = {
                "message": {
                    "id": f"msg-{i % 700}",
                    "text": f"message {i}: you pathetic idiot" if i % 3 else f"hello {i}",
                    "author": f"@user{i % 50}",
                },
                "reason": f"report {i}",
            }
            try:
                response = client.post(f"{base}/v1/reports", json=body, headers=headers)
            except httpx.TransportError:
                return  # the server died under this request: it was never acknowledged
            if response.status_code == 201:
                with lock:
                    acknowledged.append(response.json()["id"])
                    if len(acknowledged) >= KILL_AFTER and not killed.is_set():
                        killed.set()
                        os.kill(process.pid, signal.SIGKILL)
            else:
                assert response.status_code < 500, response.text

        limits = httpx.Limits(max_connections=WORKERS, max_keepalive_connections=WORKERS)
        with (
            httpx.Client(timeout=30, limits=limits) as client,
            ThreadPoolExecutor(max_workers=WORKERS) as pool,
        ):
            list(pool.map(lambda i: report(i, client), range(REPORTS)))
        process.wait(timeout=30)
        assert process.returncode == -signal.SIGKILL, "the server was not killed mid-flood"

    assert KILL_AFTER <= len(acknowledged) < REPORTS
    with _serve(database_url, log) as (_, base):
        mine = httpx.get(f"{base}/v1/me/reports", headers=headers, timeout=30)
        assert mine.status_code == 200
        stored = {report["id"] for report in mine.json()}
    lost = set(acknowledged) - stored
    assert not lost, f"{len(lost)} acknowledged reports were lost: {sorted(lost)[:20]}"
    print(f"acknowledged {len(acknowledged)}, stored {len(stored)}, lost 0")
