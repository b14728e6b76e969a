"""dignity.behaviour.unwelcome_contact.v1: planted unwelcome contact vs look-alikes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from dignity.detectors.behaviour.unwelcome_contact import UnwelcomeContactDetector
from dignity.engine import Dignity
from dignity.model import Finding, Message

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
Step = tuple[str, str, float, str | None, tuple[str, ...]]  # id, author, hours, reply_to, mentions


def run(engine: Dignity, steps: list[tuple[str, str, float, str | None, tuple[str, ...], str]]):
    detector = UnwelcomeContactDetector()
    detector.load()
    found: dict[str, tuple[Finding, ...]] = {}
    for mid, author, hours, reply_to, mentions, text in steps:
        message = Message(
            id=mid,
            text=text,
            author=author,
            created_at=T0 + timedelta(hours=hours),
            reply_to=reply_to,
            mentions=mentions,
        )
        found[mid] = tuple(detector.observe(message, engine.assess(message)))
    return detector, found


PESTER = [
    (f"g{i}", "gareth", 10.0 * i, None, ("ellie",), f"@ellie answer me on item {i}")
    for i in range(6)
]
AFTER_STOP = [
    ("a1", "gareth", 0, None, ("ellie",), "@ellie you weren't even born then"),
    ("a2", "ellie", 1, "a1", (), "I've read plenty, thanks Gareth."),
    ("a3", "gareth", 2, "a2", ("ellie",), "@ellie reading isn't understanding"),
    ("a4", "ellie", 3, "a3", (), "Gareth, please stop tagging me."),
    ("a5", "gareth", 20, None, ("ellie",), "@ellie gone quiet, have we?"),
]
FRIENDS = [
    (f"f{i}", a, 5.0 * i, None, (b,), f"@{b} pint after the meeting {i}?")
    for i, (a, b) in enumerate([("kez", "lauren"), ("lauren", "kez")] * 5)
]
ASKED_AND_STOPPED = [
    ("s1", "gareth", 0, None, ("ellie",), "@ellie answer me"),
    ("s2", "ellie", 1, "s1", (), "Please leave me alone, Gareth."),
    ("s3", "gareth", 2, "s2", ("ellie",), "@ellie sorry, fair enough. Won't happen again."),
]
JOKING = [
    ("j1", "kez", 0, None, ("lauren",), "@lauren did you see the minutes"),
    ("j2", "lauren", 1, "j1", (), "stop tagging me in memes lol 😂"),
    ("j3", "kez", 2, None, ("lauren",), "@lauren never"),
]


def test_unreciprocated_contact_is_flagged_with_its_evidence(engine: Dignity) -> None:
    detector, found = run(engine, PESTER)
    last = found["g5"]
    assert [f.label for f in last] == ["unreciprocated_contact"]
    assert last[0].message_ids == ("g0", "g1", "g2", "g3", "g4", "g5")
    assert last[0].spans[0].quote == "@ellie"
    assert "gareth" in last[0].rationale
    assert "ellie" in last[0].rationale
    [pattern] = detector.patterns()
    assert (pattern.actors, pattern.targets) == (("gareth",), ("ellie",))


def test_contact_after_a_request_to_stop_cites_the_request(engine: Dignity) -> None:
    _, found = run(engine, AFTER_STOP)
    [finding] = found["a5"]
    assert finding.label == "contact_after_stop_request"
    assert finding.message_ids == ("a1", "a3", "a4", "a5")
    assert finding.score >= 0.85


@pytest.mark.parametrize(
    "steps", [FRIENDS, ASKED_AND_STOPPED, JOKING], ids=["friends", "asked-and-stopped", "joke"]
)
def test_look_alikes_are_not_flagged(engine: Dignity, steps: list) -> None:  # type: ignore[type-arg]
    detector, found = run(engine, steps)
    assert not any(found.values())
    assert not detector.patterns()


def test_engine_decision_cites_the_behaviour_clause(engine: Dignity) -> None:
    scan = engine.conversation()
    assessments = [
        scan.assess(
            Message(
                id=m, text=t, author=a, created_at=T0 + timedelta(hours=h), reply_to=r, mentions=mn
            )
        )
        for m, a, h, r, mn, t in AFTER_STOP
    ]
    clause = next(c for c in assessments[-1].clauses if c.clause_id == "nec.unwelcome-contact")
    assert clause.message_ids == ("a1", "a3", "a4", "a5")
