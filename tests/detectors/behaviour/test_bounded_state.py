"""Every behaviour detector's state stays under its caps on a long stream (200,000 messages)."""

from __future__ import annotations

import itertools
import random

import pytest

from dignity.detectors.behaviour.anonymous import AnonymousAbuseDetector
from dignity.detectors.behaviour.persistent_abuse import PersistentAbuseDetector
from dignity.detectors.behaviour.pile_on import PileOnDetector
from dignity.detectors.behaviour.reply_context import ReplyContextDetector
from dignity.detectors.behaviour.trolling import TrollingDetector
from dignity.detectors.behaviour.unwelcome_contact import UnwelcomeContactDetector
from dignity.detectors.behaviour.windows import MAX_EVIDENCE, BoundedLRU
from dignity.model import Action, Assessment
from dignity.training.conversations_synthetic import stream

N = 200_000
SMALL = {"max_messages": 2_000, "max_patterns": 50}


def detectors() -> list:  # type: ignore[type-arg]
    return [
        UnwelcomeContactDetector(max_pairs=3_000, **SMALL),
        PileOnDetector(max_targets=500, max_events=40, **SMALL),
        TrollingDetector(max_accounts=500, **SMALL),
        PersistentAbuseDetector(max_accounts=500, **SMALL),
        AnonymousAbuseDetector(max_patterns=50),
        ReplyContextDetector(max_attacks=500, **SMALL),
    ]


def fake_assessment(message_id: str, rng: random.Random) -> Assessment:
    """Cheap stand-in for the text decision: about 5% of messages are abusive."""
    abusive = rng.random() < 0.05
    score = 0.9 if abusive else 0.0
    return Assessment(
        message_id=message_id,
        breach=abusive,
        action=Action.REVIEW if abusive else Action.ALLOW,
        categories=("personal_attack",) if abusive else (),
        scores={"personal_attack": score, "profanity": 0.6 if rng.random() < 0.05 else 0.0},
    )


def test_lru_evicts_the_least_recently_used() -> None:
    lru: BoundedLRU[str, int] = BoundedLRU(2)
    lru.put("a", 1)
    lru.put("b", 2)
    assert lru.get("a") == 1
    lru.put("c", 3)
    assert "b" not in lru
    assert len(lru) == 2
    assert lru.evicted == 1
    with pytest.raises(ValueError, match="capacity"):
        BoundedLRU(0)


def test_state_stays_under_caps_on_a_long_stream() -> None:
    rng = random.Random(7)
    created = detectors()
    for detector in created:
        detector.load()
    for message in itertools.islice(stream(N, seed=3), N):
        assessment = fake_assessment(message.id, rng)
        for detector in created:
            for finding in detector.observe(message, assessment):
                assert len(finding.message_ids) <= MAX_EVIDENCE
    for detector in created:
        for table, (size, cap) in detector.state_sizes().items():
            assert size <= cap, f"{detector.name} {table}: {size} > {cap}"
        patterns = detector.patterns()
        assert len(patterns) <= 2 * 50
        assert all(len(p.message_ids) <= MAX_EVIDENCE for p in patterns)
