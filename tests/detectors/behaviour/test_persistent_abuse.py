"""dignity.behaviour.persistent_abuse.v1: the "do not amplify" list and amplification nudges."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from dignity.detectors.behaviour.persistent_abuse import PersistentAbuseDetector
from dignity.engine import Dignity
from dignity.model import Action, Message

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
ABUSE = "@sam Sam, you're a pathetic idiot and everyone here knows it."


def at(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


def abuser_posts(breaches: int, gap_hours: float) -> list[Message]:
    posts = [
        Message(
            id=f"b{i}", text=ABUSE, author="troll", mentions=("sam",), created_at=at(i * gap_hours)
        )
        for i in range(breaches)
    ]
    posts.append(
        Message(
            id="harmless",
            text="Nice weather for canvassing.",
            author="troll",
            created_at=at(breaches * gap_hours),
        )
    )
    return posts


def amplify(how: str, hours: float) -> Message:
    if how == "share":
        return Message(
            id="amp", text="Worth a read.", author="fan", shares="harmless", created_at=at(hours)
        )
    if how == "retweet":
        return Message(
            id="amp",
            text="RT @troll: Nice weather for canvassing.",
            author="fan",
            created_at=at(hours),
        )
    if how == "boost":
        return Message(id="amp", text="Spot on.", author="fan", reply_to="b2", created_at=at(hours))
    return Message(
        id="amp",
        text="That's out of order. Reported.",
        author="fan",
        reply_to="b2",
        created_at=at(hours),
    )


def run(engine: Dignity, messages: list[Message]) -> tuple[PersistentAbuseDetector, list]:  # type: ignore[type-arg]
    detector = PersistentAbuseDetector()
    found = [f for m in messages for f in detector.observe(m, engine.assess(m))]
    return detector, found


@pytest.mark.parametrize("how", ["share", "retweet", "boost"])
def test_amplifying_a_listed_abuser_is_a_nudge_with_evidence(engine: Dignity, how: str) -> None:
    detector, found = run(engine, [*abuser_posts(4, 6), amplify(how, 30)])
    [finding] = found
    assert finding.label == "amplified_persistent_abuser"
    assert finding.message_ids[-1] == "amp"
    assert {"b0", "b3"} <= set(finding.message_ids)
    labels = {(p.label, p.actors) for p in detector.patterns()}
    assert labels == {("persistent_abuser", ("troll",)), ("amplified_persistent_abuser", ("fan",))}


def test_challenging_an_abuser_is_not_amplifying(engine: Dignity) -> None:
    _, found = run(engine, [*abuser_posts(4, 6), amplify("challenge", 30)])
    assert found == []


@pytest.mark.parametrize(
    ("breaches", "gap"), [(1, 1), (4, 24 * 10)], ids=["one-outburst", "decayed"]
)
def test_no_list_without_persistence(engine: Dignity, breaches: int, gap: float) -> None:
    detector, found = run(
        engine, [*abuser_posts(breaches, gap), amplify("share", breaches * gap + 1)]
    )
    assert found == []
    assert not detector.patterns()


def test_the_engine_nudges_the_sharer(engine: Dignity) -> None:
    scan = engine.conversation()
    for message in abuser_posts(4, 6):
        scan.assess(message)
    assessment = scan.assess(amplify("share", 30))
    assert assessment.action is Action.NUDGE
    assert not assessment.breach
    assert [c.clause_id for c in assessment.clauses] == ["nec.do-not-amplify"]
