"""Precision and recall of the behaviour detectors on SYNTHETIC planted conversations.

    python -m benchmarks.behaviour [--weeks 12] [--seed 0]

Builds ``weeks`` weeks of a synthetic forum (``dignity.training.conversations_synthetic``), each
with every planted behaviour and its look-alikes, streams it through a conversation scan with the
default policy (every message and behaviour detector on), and scores each detector per planted
unit: an ordered pair for unwelcome contact, the target for pile-ons, the account for trolling,
persistent abusers, amplifiers and anonymous abuse, the message for echo replies. A unit is
flagged when the detector's ``patterns()`` names it at any point in the stream (for echo
replies: when the message's own findings include the reply-context detector's). Every flagged
unit that was not planted (a look-alike or background) is a false positive.
"""

from __future__ import annotations

import argparse
import time

from dignity.engine import Dignity
from dignity.training.conversations_synthetic import evaluate, generate

BAR = 0.90


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--weeks", type=int, default=12)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    conversation = generate(weeks=args.weeks, seed=args.seed)
    started = time.perf_counter()
    scores = evaluate(conversation, Dignity.from_policy())
    seconds = time.perf_counter() - started
    print(
        f"{len(conversation.messages):,} synthetic messages, {args.weeks} weeks, seed "
        f"{args.seed}; scanned in {seconds:.1f}s\n"
    )
    header = (
        f"{'behaviour':<18} {'unit':<31} {'TP':>4} {'FP':>4} {'FN':>4} "
        f"{'look-alikes':>11} {'P':>6} {'R':>6} {'F1':>6}"
    )
    print(header)
    print("-" * len(header))
    ok = True
    for s in scores:
        flagged = f"{s.lookalikes_flagged}/{s.lookalikes}"
        print(
            f"{s.behaviour:<18} {s.unit:<31} {s.true_positives:>4} {s.false_positives:>4} "
            f"{s.false_negatives:>4} {flagged:>11} {s.precision:>6.3f} {s.recall:>6.3f} "
            f"{s.f1:>6.3f}"
        )
        ok = ok and s.precision >= BAR and s.recall >= BAR
    print(
        f"\nlook-alikes: flagged/total. Bar: P and R >= {BAR} for every behaviour: "
        f"{'met' if ok else 'MISSED'}"
    )
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
