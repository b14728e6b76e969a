"""dignity.behaviour.reply_context.v1: echo replies inherit the attack they answer."""

from __future__ import annotations

import pytest

from dignity.detectors.behaviour.reply_context import ReplyContextDetector
from dignity.engine import Dignity
from dignity.model import Finding, Message

ROOT = Message(id="r", text="My view on the bus motion.", author="bev")
ATTACK = Message(id="p", text="Bev, you're a pathetic idiot.", author="rich", reply_to="r")
FRIENDLY = Message(id="p", text="Have a great weekend, Bev!", author="rich", reply_to="r")


def reply(text: str, parent: str = "p", author: str = "bev") -> Message:
    return Message(id="c", text=text, author=author, reply_to=parent)


def run(engine: Dignity, messages: list[Message]) -> tuple[Finding, ...]:
    detector = ReplyContextDetector()
    found: tuple[Finding, ...] = ()
    for message in messages:
        found = tuple(detector.observe(message, engine.assess(message)))
    return found


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Same to you.", "Same to you"),
        ("@rich you too, mate!", "you too"),
        ("Right back at you 🙃", "Right back at you"),
        ("Takes one to know one", "Takes one to know one"),
        ("Rich, same to you", "same to you"),
    ],
)
def test_echo_of_an_attack_inherits_it(engine: Dignity, text: str, quote: str) -> None:
    [finding] = run(engine, [ROOT, ATTACK, reply(text)])
    assert finding.category == "personal_attack"
    assert finding.spans[0].quote == quote
    assert finding.message_ids == ("p", "c")
    assert finding.score >= 0.5


@pytest.mark.parametrize(
    "messages",
    [
        [ROOT, ATTACK, reply("You're right, I should have read it first.")],
        [ROOT, FRIENDLY, reply("Same to you!")],
        [ROOT, ATTACK, reply("Same to you, and also the motion needs costing properly first.")],
        [ROOT, ATTACK, reply("Same to you.", author="someone_else")],
    ],
    ids=["youre-right", "friendly", "not-a-bare-echo", "third-party"],
)
def test_look_alikes_add_nothing(engine: Dignity, messages: list[Message]) -> None:
    assert run(engine, messages) == ()


def test_the_engine_decides_the_echo_as_a_personal_attack(engine: Dignity) -> None:
    scan = engine.conversation()
    for message in (ROOT, ATTACK):
        scan.assess(message)
    assessment = scan.assess(reply("Same to you."))
    assert "nec.personal-abuse" in [c.clause_id for c in assessment.clauses]
