"""Scan throughput and peak memory of ``dignity scan``, end to end, as a user runs it.

    python -m benchmarks.scan [--messages 10000]

Two inputs: the bundled sample thread (long political posts) cycled under fresh ids, each
cycle four days after the last so the timeline stays plausible for the behaviour detectors;
and a synthetic multi-week forum from ``dignity.training.conversations_synthetic``. Each runs
through the real CLI in a child process (policy load, reading, every detector, behaviour,
decision, JSONL writing, SQLite storage), whose own peak resident memory is read with wait4.
The baseline, measured in the same run on the same file, is a child that only parses each line
and writes it back as JSON: the floor any scanner pays for I/O. The table prints the ratios.
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
from datetime import datetime, timedelta
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
    """``messages`` lines cycling the sample thread under fresh ids, four days per cycle."""
    records = [json.loads(line) for line in SAMPLE.read_text("utf-8").splitlines() if line.strip()]
    with path.open("w", encoding="utf-8") as out:
        for i in range(messages):
            cycle, record = divmod(i, len(records))
            copy = dict(records[record])
            copy["id"] = f"bench-{i:08d}"
            if copy.get("reply_to"):
                copy["reply_to"] = f"bench-{cycle * len(records) + _index(records, copy):08d}"
            stamp = datetime.fromisoformat(str(copy["created_at"]).replace("Z", "+00:00"))
            copy["created_at"] = (stamp + timedelta(days=4 * cycle)).isoformat()
            out.write(json.dumps(copy, ensure_ascii=False) + "\n")


def _index(records: list[dict[str, object]], record: dict[str, object]) -> int:
    """Position of the message ``record`` replies to, within one cycle."""
    return next(i for i, r in enumerate(records) if r["id"] == record["reply_to"])


def build_conversation(path: Path, messages: int) -> None:
    from dignity.training.conversations_synthetic import stream, write_jsonl

    write_jsonl(path, stream(messages, seed=0))


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
    """The baseline and the full scan on each input, in one run."""
    dignity = Path(sys.executable).with_name("dignity")
    results = []
    with tempfile.TemporaryDirectory(prefix="dignity-bench-") as tmp:
        work = Path(tmp)
        for label, build in (
            ("sample thread", build_input),
            ("synthetic forum", build_conversation),
        ):
            source = work / f"{label.replace(' ', '-')}.jsonl"
            build(source, messages)
            results.append(
                _run_child(
                    f"baseline, {label}: parse + write",
                    [sys.executable, "-c", BASELINE_CODE, str(source), str(work / "copy.jsonl")],
                    messages,
                )
            )
            results.append(
                _run_child(
                    f"dignity scan, {label}",
                    [
                        str(dignity),
                        "scan",
                        str(source),
                        "--out",
                        str(work / "out.jsonl"),
                        "--db",
                        str(work / f"{label}.db"),
                        "--quiet",
                    ],
                    messages,
                )
            )
    return results


def print_table(results: list[Measurement]) -> bool:
    """Print each scan beside the baseline before it; True when every scan meets the bar."""
    header = (
        f"{'run':<44} {'messages':>9} {'seconds':>8} {'msg/s':>9} {'peak MiB':>9} {'× base':>7}"
    )
    print(header)
    print("-" * len(header))
    baseline = results[0]
    for m in results:
        if m.name.startswith("baseline"):
            baseline = m
        print(
            f"{m.name:<44} {m.messages:>9,} {m.seconds:>8.2f} {m.rate:>9,.0f} "
            f"{m.peak_mib:>9.1f} {m.seconds / baseline.seconds:>7.1f}"
        )
    scans = [m for m in results if not m.name.startswith("baseline")]
    slowest = min(scans, key=lambda m: m.rate)
    ok = slowest.rate >= TARGET_MESSAGES_PER_SECOND
    verdict = "meets" if ok else "MISSES"
    print(
        f"\nslowest scan {slowest.rate:,.0f} msg/s {verdict} the "
        f"{TARGET_MESSAGES_PER_SECOND:,} msg/s bar ({os.cpu_count()} CPUs)"
    )
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--messages", type=int, default=10_000)
    args = parser.parse_args()
    raise SystemExit(0 if print_table(run(args.messages)) else 1)


if __name__ == "__main__":
    main()
