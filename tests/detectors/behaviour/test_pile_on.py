"""dignity.behaviour.pile_on.v1: a pile-on vs a popular member, a lively thread, lone rudeness."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from dignity.detectors.behaviour.pile_on import PileOnDetector
from dignity.engine import Dignity
from dignity.model import Message

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
ROOT = Message(id="r", text="My view on the housing plan.", author="priya", created_at=T0)
ABUSE = "Priya, you're a pathetic idiot and a liar."


def replies(texts: list[str], gap_minutes: float = 5) -> list[Message]:
    return [
        Message(
            id=f"m{i}",
            text=t,
            author=f"acct{i}",
            reply_to="r",
            created_at=T0 + timedelta(minutes=gap_minutes * (i + 1)),
        )
        for i, t in enumerate(texts)
    ]


def flagged(engine: Dignity, messages: list[Message]) -> tuple[PileOnDetector, list[str]]:
    detector = PileOnDetector()
    out = []
    for message in [ROOT, *messages]:
        if detector.observe(message, engine.assess(message)):
            out.append(message.id)
    return detector, out


def test_many_hostile_accounts_within_the_window_are_a_pile_on(engine: Dignity) -> None:
    detector, ids = flagged(engine, replies([ABUSE] * 5))
    assert ids == ["m3", "m4"]
    [pattern] = detector.patterns()
    assert pattern.targets == ("priya",)
    assert set(pattern.actors) == {f"acct{i}" for i in range(5)}
    assert pattern.message_ids == ("m0", "m1", "m2", "m3", "m4")


@pytest.mark.parametrize(
    "texts",
    [
        ["Thanks Priya, really clear."] * 20 + [ABUSE],
        ["I disagree strongly with the plan, Priya; the numbers on social rent are wrong."] * 15,
        [ABUSE] * 3,
    ],
    ids=["popular-member", "lively-civil-thread", "three-rude-accounts"],
)
def test_look_alikes_are_not_pile_ons(engine: Dignity, texts: list[str]) -> None:
    detector, ids = flagged(engine, replies(texts))
    assert ids == []
    assert not detector.patterns()


def test_hostility_spread_over_days_is_not_a_pile_on(engine: Dignity) -> None:
    _, ids = flagged(engine, replies([ABUSE] * 6, gap_minutes=300))
    assert ids == []
