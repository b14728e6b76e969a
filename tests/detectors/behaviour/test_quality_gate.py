"""Quality gate: every behaviour detector reaches P and R >= 0.90 on planted synthetic weeks.

The full table is ``python -m benchmarks.behaviour``; this small run (2 weeks, two seeds) keeps
the gate in the test suite.
"""

from __future__ import annotations

import pytest

from dignity.engine import Dignity
from dignity.training.conversations_synthetic import BEHAVIOURS, evaluate, generate


@pytest.mark.parametrize("seed", [0, 1])
def test_precision_and_recall_meet_the_bar(engine: Dignity, seed: int) -> None:
    conversation = generate(weeks=2, seed=seed)
    scores = {s.behaviour: s for s in evaluate(conversation, engine)}
    assert set(scores) == set(BEHAVIOURS)
    for behaviour, score in scores.items():
        assert score.true_positives > 0, behaviour
        assert score.precision >= 0.90, (behaviour, score)
        assert score.recall >= 0.90, (behaviour, score)


def test_generation_is_deterministic_and_marked_synthetic() -> None:
    a, b = generate(weeks=1, seed=5), generate(weeks=1, seed=5)
    assert a.messages == b.messages
    assert a.truth == b.truth
    assert {m.platform for m in a.messages} == {"synthetic-conversations"}
    times = [m.created_at for m in a.messages]
    assert times == sorted(times)  # type: ignore[type-var]
