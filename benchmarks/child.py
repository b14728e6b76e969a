"""Run a command as a child process and measure it: wall time and peak memory.

Two memory figures, because ``dignity scan`` may start detection workers: the largest single
process (from ``wait4``, exact) and the whole process tree (the sum of resident sets, sampled
every 50 ms from /proc, so a brief spike between samples can be missed).
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

_PAGE = os.sysconf("SC_PAGE_SIZE")
_MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ChildRun:
    seconds: float
    peak_mib: float
    """The largest resident set of any one process (the child or a worker it waited for)."""
    tree_peak_mib: float
    """The largest sampled sum of resident sets over the child and all its descendants."""


def _tree(pid: int) -> list[int]:
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                queue.extend(int(child) for child in task.read_text().split())
            except OSError:
                continue
    return found


def _tree_rss(pid: int) -> int:
    total = 0
    for member in _tree(pid):
        try:
            total += int(Path(f"/proc/{member}/statm").read_text().split()[1]) * _PAGE
        except (OSError, IndexError, ValueError):
            continue
    return total


def run_child(argv: list[str], *, name: str) -> ChildRun:
    """Run ``argv`` to completion (stdout discarded); raise SystemExit naming it on failure."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.05):
            peak = max(peak, _tree_rss(child.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{name}: {' '.join(argv)} exited with {child.returncode}")
    single = usage.ru_maxrss * 1024
    return ChildRun(seconds=seconds, peak_mib=single / _MIB, tree_peak_mib=max(peak, single) / _MIB)
