"""dignity.behaviour.anonymous.v1: anonymous abuse is escalated; anonymous civility is not."""

from __future__ import annotations

import pytest

from dignity.engine import Dignity
from dignity.model import Action, Message

ABUSE = "Sam, you're a pathetic idiot and everyone here knows it."


def test_anonymous_abuse_is_escalated(engine: Dignity) -> None:
    named = engine.conversation().assess(Message(id="n", text=ABUSE, author="bob"))
    scan = engine.conversation()
    anon = scan.assess(Message(id="a", text=ABUSE, author="anon1", author_anonymous=True))
    assert named.action is Action.REVIEW
    assert anon.action is Action.URGENT
    finding = next(f for f in anon.findings if f.category == "anonymous_abuse")
    assert finding.message_ids == ("a",)
    assert finding.spans
    [pattern] = scan.patterns()
    assert pattern.actors == ("anon1",)


@pytest.mark.parametrize(
    ("text", "anonymous"),
    [("I disagree with the housing plan.", True), (ABUSE, False), (ABUSE, None)],
)
def test_no_finding_without_both(engine: Dignity, text: str, anonymous: bool | None) -> None:
    scan = engine.conversation()
    assessment = scan.assess(Message(id="m", text=text, author="x", author_anonymous=anonymous))
    assert "anonymous_abuse" not in assessment.categories
