"""Scan throughput and peak memory of ``dignity scan``, end to end, as a user runs it.

    python -m benchmarks.scan [--messages 10000]

Two inputs: the bundled sample thread (long political posts) cycled under fresh ids, each
cycle four days after the last so the timeline stays plausible for the behaviour detectors;
and a synthetic multi-week forum from ``dignity.training.conversations_synthetic``. Each runs
through the real CLI in a child process (policy load, reading, every detector, behaviour,
decision, JSONL writing, SQLite storage); its peak memory is its whole process tree's.
The baseline, measured in the same run on the same file, is a child that only parses each line
and writes it back as JSON: the floor any scanner pays for I/O. The table prints the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import yaml

from benchmarks.child import run_child

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "forum-thread.jsonl"

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
    processes: int = 1
    bar: float | None = None

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


def _run_child(
    name: str, argv: list[str], messages: int, *, processes: int = 1, bar: float | None = None
) -> Measurement:
    measured = run_child(argv, name=name)
    return Measurement(
        name=name,
        messages=messages,
        seconds=measured.seconds,
        peak_mib=measured.tree_peak_mib,
        processes=processes,
        bar=bar,
    )


def interim_policy(path: Path) -> Path:
    """The default policy with the interim lexicon as its text detector (issue 2's bar)."""
    from dignity.policy.loader import default_policy_text

    data = yaml.safe_load(default_policy_text())
    text = {"dignity.text.v1", "dignity.text.v2", "dignity.text.v3"}
    data["detectors"] = [
        {"name": "dignity.lexicon.v1"} if d["name"] in text else d for d in data["detectors"]
    ]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return path


def run(messages: int) -> list[Measurement]:
    """The baseline and both policies' scans on each input, in one run."""
    from dignity.cli import _auto_workers

    dignity = Path(sys.executable).with_name("dignity")
    results = []
    with tempfile.TemporaryDirectory(prefix="dignity-bench-") as tmp:
        work = Path(tmp)
        policies = (
            ("interim lexicon", ["--policy", str(interim_policy(work / "interim.yaml"))], 2_000.0),
            ("default model", [], 500.0),
        )
        for label, build in (
            ("sample thread", build_input),
            ("synthetic forum", build_conversation),
        ):
            source = work / f"{label.replace(' ', '-')}.jsonl"
            build(source, messages)
            processes = _auto_workers(source)
            processes += processes > 1  # the main process beside its workers
            results.append(
                _run_child(
                    f"baseline, {label}: parse + write",
                    [sys.executable, "-c", BASELINE_CODE, str(source), str(work / "copy.jsonl")],
                    messages,
                )
            )
            for policy, extra, bar in policies:
                results.append(
                    _run_child(
                        f"scan, {label}, {policy}",
                        [
                            str(dignity),
                            "scan",
                            str(source),
                            "--out",
                            str(work / "out.jsonl"),
                            "--db",
                            str(work / f"{label}-{policy}.db"),
                            "--quiet",
                            *extra,
                        ],
                        messages,
                        processes=processes,
                        bar=bar,
                    )
                )
    return results


def print_table(results: list[Measurement]) -> bool:
    """Print each scan beside the baseline before it; True when every scan meets its bar."""
    header = (
        f"{'run':<44} {'messages':>8} {'seconds':>8} {'msg/s':>7} {'bar':>6} "
        f"{'peak MiB':>9} {'procs':>5} {'× base':>7}"
    )
    print(header)
    print("-" * len(header))
    baseline = results[0]
    ok = True
    for m in results:
        if m.bar is None:
            baseline = m
        met = m.bar is None or m.rate >= m.bar
        ok = ok and met
        bar = "" if m.bar is None else f"{m.bar:,.0f}" + ("" if met else "!")
        print(
            f"{m.name:<44} {m.messages:>8,} {m.seconds:>8.2f} {m.rate:>7,.0f} {bar:>6} "
            f"{m.peak_mib:>9.1f} {m.processes:>5} {m.seconds / baseline.seconds:>7.1f}"
        )
    print(
        f"\n{'every scan meets its bar' if ok else 'a scan MISSES its bar (marked !)'} "
        f"({os.cpu_count()} CPUs; peak MiB is the whole process tree, workers included)"
    )
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--messages", type=int, default=10_000)
    args = parser.parse_args()
    raise SystemExit(0 if print_table(run(args.messages)) else 1)


if __name__ == "__main__":
    main()
