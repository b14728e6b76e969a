"""Scan throughput and peak memory of ``dignity scan``, end to end, as a user runs it.

    python -m benchmarks.scan [--messages 10000]

Builds a JSONL file by cycling the bundled sample thread under fresh ids, then runs the real
CLI in a child process (policy load, reading, every detector, decision, JSONL writing, SQLite
storage) and reads the child's peak resident memory. The baseline, measured in the same run on
the same file, is a child that only parses each line and writes it back as JSON: the floor any
scanner pays for I/O. The table prints both and their ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "forum-thread.jsonl"
TARGET_MESSAGES_PER_SECOND = 2_000

BASELINE_CODE = """
import json, sys
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in src:
        out.write(json.dumps(json.loads(line), ensure_ascii=False) + "\\n")
"""


@dataclass(frozen=True, slots=True)
class Measurement:
    name: str
    messages: int
    seconds: float
    peak_mib: float

    @property
    def rate(self) -> float:
        return self.messages / self.seconds


def build_input(path: Path, messages: int) -> None:
    """``messages`` lines cycling the sample thread's texts under fresh ids."""
    records = [json.loads(line) for line in SAMPLE.read_text("utf-8").splitlines() if line.strip()]
    with path.open("w", encoding="utf-8") as out:
        for i in range(messages):
            record = dict(records[i % len(records)])
            record["id"] = f"bench-{i:08d}"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _run_child(name: str, argv: list[str], messages: int) -> Measurement:
    """Run one child to completion and read its own peak RSS through wait4."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{name}: {' '.join(argv)} exited with {child.returncode}")
    return Measurement(
        name=name, messages=messages, seconds=seconds, peak_mib=usage.ru_maxrss / 1024
    )


def run(messages: int) -> list[Measurement]:
    """Measure the baseline, then the full scan, on one generated file."""
    dignity = Path(sys.executable).with_name("dignity")
    with tempfile.TemporaryDirectory(prefix="dignity-bench-") as tmp:
        work = Path(tmp)
        source = work / "messages.jsonl"
        build_input(source, messages)
        baseline = _run_child(
            "baseline: parse + write JSON",
            [sys.executable, "-c", BASELINE_CODE, str(source), str(work / "copy.jsonl")],
            messages,
        )
        scan = _run_child(
            "dignity scan (all detectors, SQLite)",
            [
                str(dignity),
                "scan",
                str(source),
                "--out",
                str(work / "out.jsonl"),
                "--db",
                str(work / "bench.db"),
                "--quiet",
            ],
            messages,
        )
    return [baseline, scan]


def print_table(results: list[Measurement]) -> None:
    baseline = results[0]
    header = (
        f"{'run':<40} {'messages':>9} {'seconds':>8} {'msg/s':>9} {'peak MiB':>9} {'× time':>7}"
    )
    print(header)
    print("-" * len(header))
    for m in results:
        ratio = m.seconds / baseline.seconds
        print(
            f"{m.name:<40} {m.messages:>9,} {m.seconds:>8.2f} {m.rate:>9,.0f} "
            f"{m.peak_mib:>9.1f} {ratio:>7.1f}"
        )
    scan = results[-1]
    verdict = "meets" if scan.rate >= TARGET_MESSAGES_PER_SECOND else "MISSES"
    print(
        f"\nscan throughput {scan.rate:,.0f} msg/s {verdict} the {TARGET_MESSAGES_PER_SECOND:,} bar"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--messages", type=int, default=10_000)
    args = parser.parse_args()
    print_table(run(args.messages))


if __name__ == "__main__":
    main()
