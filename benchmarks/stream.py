"""Near-linear streaming: ``dignity scan`` over 100,000 and 1,000,000 synthetic messages.

    python -m benchmarks.stream [--sizes 100000 1000000]

Generates SYNTHETIC conversations with planted behaviours (``dignity.training.
conversations_synthetic.stream``, a week at a time, never holding the file in memory) into a
temporary directory, then runs the real CLI, ``dignity scan FILE --out ... --db ... --quiet``,
as a child process for each size with the default policy (every message and behaviour detector
on, SQLite storage included) and samples the peak resident memory of its whole process tree
(detection workers included).

The bars: peak memory at most 1 GiB at every size, and the largest size taking at most 12x the
time of the smallest one per 10x messages (near-linear: state is bounded, so the per-message cost
must not grow with the stream).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.child import run_child
from dignity.training.conversations_synthetic import stream, write_jsonl

PEAK_MIB_BAR = 1024.0
RATIO_BAR = 12.0


@dataclass(frozen=True, slots=True)
class Run:
    messages: int
    generate_seconds: float
    seconds: float
    peak_mib: float

    @property
    def rate(self) -> float:
        return self.messages / self.seconds


def scan(source: Path, work: Path, messages: int, generate_seconds: float) -> Run:
    """Run ``dignity scan`` on ``source`` in a child; its wall time and the tree's peak RSS."""
    dignity = Path(sys.executable).with_name("dignity")
    argv = [
        str(dignity),
        "scan",
        str(source),
        "--out",
        str(work / f"out-{messages}.jsonl"),
        "--db",
        str(work / f"scan-{messages}.db"),
        "--quiet",
    ]
    measured = run_child(argv, name=f"dignity scan of {messages:,} messages")
    return Run(messages, generate_seconds, measured.seconds, measured.tree_peak_mib)


def run(sizes: list[int], seed: int = 0) -> list[Run]:
    results = []
    with tempfile.TemporaryDirectory(prefix="dignity-stream-") as tmp:
        work = Path(tmp)
        for n in sizes:
            source = work / f"messages-{n}.jsonl"
            started = time.perf_counter()
            write_jsonl(source, stream(n, seed=seed))
            generated = time.perf_counter() - started
            result = scan(source, work, n, generated)
            print(
                f"  {n:>9,} messages: {result.seconds:.1f}s, peak {result.peak_mib:.0f} MiB",
                file=sys.stderr,
                flush=True,
            )
            results.append(result)
            for path in work.iterdir():
                path.unlink()
    return results


def print_table(results: list[Run]) -> bool:
    """Print the table and the verdict; True when both bars are met."""
    print(f"{'messages':>10} {'generate s':>10} {'scan s':>8} {'msg/s':>8} {'peak MiB':>9}")
    print("-" * 49)
    for r in results:
        print(
            f"{r.messages:>10,} {r.generate_seconds:>10.1f} {r.seconds:>8.1f} "
            f"{r.rate:>8,.0f} {r.peak_mib:>9.1f}"
        )
    peak_ok = all(r.peak_mib <= PEAK_MIB_BAR for r in results)
    print(
        f"\npeak memory {max(r.peak_mib for r in results):.0f} MiB "
        f"{'meets' if peak_ok else 'MISSES'} the {PEAK_MIB_BAR:.0f} MiB bar"
    )
    ratio_ok = True
    if len(results) > 1:
        small, large = results[0], results[-1]
        ratio = large.seconds / small.seconds
        bar = RATIO_BAR * large.messages / small.messages / 10
        ratio_ok = ratio <= bar
        print(
            f"time {large.messages:,} / {small.messages:,} = {ratio:.2f}x "
            f"({'meets' if ratio_ok else 'MISSES'} the {bar:.0f}x bar)"
        )
    return peak_ok and ratio_ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    ok = print_table(run(sorted(args.sizes), args.seed))
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
