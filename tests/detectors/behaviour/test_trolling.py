"""dignity.behaviour.trolling.v1: flooding, near-duplicates, derailing vs look-alikes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dignity.detectors.behaviour.trolling import TrollingDetector
from dignity.engine import Dignity
from dignity.model import Message

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
ADVERT = "CAMPAIGN SEASON SALE 5,000 full-colour A5 leaflets from £89! Fast delivery at printbarn"
REMINDER = "Reminder: branch meeting this Thursday 7pm at the Trades Hall, papers on the page."


def feed(engine: Dignity, messages: list[Message]) -> tuple[TrollingDetector, dict[str, list[str]]]:
    detector = TrollingDetector()
    labels: dict[str, list[str]] = {}
    for message in messages:
        labels[message.id] = [f.label for f in detector.observe(message, engine.assess(message))]
    return detector, labels


def post(i: int, author: str, text: str, minutes: float, reply_to: str | None = None) -> Message:
    return Message(
        id=f"m{i}",
        text=text,
        author=author,
        reply_to=reply_to,
        created_at=T0 + timedelta(minutes=minutes),
    )


def test_flooding(engine: Dignity) -> None:
    detector, labels = feed(engine, [post(i, "troll", "answer me", i * 0.3) for i in range(12)])
    assert labels["m9"] == ["flooding"]
    assert labels["m8"] == []
    assert detector.patterns()[0].actors == ("troll",)


def test_chatty_member_is_not_flooding(engine: Dignity) -> None:
    detector, _ = feed(engine, [post(i, "chatty", f"message {i}", i * 2.0) for i in range(8)])
    assert not detector.patterns()


def test_near_duplicates_and_the_twice_weekly_reminder(engine: Dignity) -> None:
    spam = [post(i, "spammer", ADVERT.replace("£89", f"£{89 + i}"), 60.0 * i) for i in range(3)]
    reminders = [post(10 + i, "secretary", REMINDER, 60.0 * 24 * 3.5 * i) for i in range(4)]
    detector, labels = feed(engine, spam + reminders)
    assert labels["m2"] == ["near_duplicate_posts"]
    assert [p.actors for p in detector.patterns()] == [("spammer",)]
    assert detector.patterns()[0].message_ids == ("m0", "m1", "m2")


def test_derailing_needs_repeated_off_topic_provocation(engine: Dignity) -> None:
    roots = [
        post(
            100 + i, "member", f"Thread on the bus franchising motion and fares, part {i}", 60.0 * i
        )
        for i in range(3)
    ]
    jibes = [
        post(
            200,
            "troll",
            "Who cares, the Blairite scum running this party are the problem.",
            5,
            "m100",
        ),
        post(201, "troll", "Typical Tory-lite melts, still banging on about nothing.", 65, "m101"),
        post(
            202,
            "troll",
            "Sick of Trot cultists and melts running everything in the country.",
            125,
            "m102",
        ),
    ]
    messages = sorted(roots + jibes, key=lambda m: m.created_at or T0)
    _detector, labels = feed(engine, messages)
    assert labels["m202"] == ["derailing"]
    assert labels["m200"] == []


def test_one_off_topic_swear_is_not_derailing(engine: Dignity) -> None:
    detector, _ = feed(
        engine,
        [
            post(1, "a", "Thread on the bus franchising motion and fares", 0),
            post(2, "b", "Bloody hell, this rain. Canvass cancelled again, gutted.", 5, "m1"),
        ],
    )
    assert not detector.patterns()
