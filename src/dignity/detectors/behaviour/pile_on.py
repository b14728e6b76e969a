"""``dignity.behaviour.pile_on.v1``: many accounts turning on one person at once.

A pile-on is many distinct accounts targeting one person within a short window, mostly with
hostility. For every account, the detector keeps the messages addressed to it (see
``contact.py``: @mentions, or replies) within ``window_minutes``. When a hostile message arrives
(a breach, or a personal-attack, identity-attack or threat score of at least
``hostile_threshold``) and, in the window, at least ``min_accounts`` distinct accounts have sent
the target hostile messages, and those accounts are at least ``min_hostile_share`` of all the
accounts that addressed the target in the window, the message is flagged as joining a pile-on.

So a lively but civil thread (no hostility) is not a pile-on, nor is a popular member who gets
many friendly replies and the odd rude one (the hostile accounts are a small share), nor one
person being rude several times (one account). Only messages that carry a time are judged.
Findings cite the hostile messages in the window, the current one included; the span is the
@mention where the text has one.

Options (defaults): ``window_minutes`` (120), ``min_accounts`` (4), ``min_hostile_share`` (0.5),
``hostile_threshold`` (0.5), ``max_targets`` (50,000 accounts tracked), ``max_events`` (200
messages kept per target), ``max_messages`` (100,000 message authors remembered, to resolve
replies), ``max_patterns`` (1,000 pile-ons kept for ``patterns()``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import ClassVar, NamedTuple

from dignity.detectors.behaviour.contact import Addressing, is_hostile, mention_spans
from dignity.detectors.behaviour.windows import (
    BoundedLRU,
    StreamClock,
    merge_evidence,
    positive,
    time_ordered,
)
from dignity.model import Assessment, BehaviourFinding, Finding, Message

__all__ = ["PileOnDetector"]

CATEGORY = "pile_on"
_MAX_NAMED = 5
_MAX_ACTORS = 50


class _Event(NamedTuple):
    at: float
    actor: str
    message_id: str
    hostile: bool


class _PileOn:
    """A pile-on seen on one target, for ``patterns()``."""

    __slots__ = ("actors", "evidence", "first_at", "last_at", "score")

    def __init__(self, first_at: datetime | None) -> None:
        self.actors: dict[str, None] = {}
        self.evidence: list[tuple[float, str]] = []
        self.first_at = first_at
        self.last_at = first_at
        self.score = 0.0


class PileOnDetector:
    """Flags messages that join many other accounts in targeting one person."""

    name: ClassVar[str] = "dignity.behaviour.pile_on.v1"
    categories: ClassVar[frozenset[str]] = frozenset({CATEGORY})

    def __init__(
        self,
        *,
        window_minutes: float = 120.0,
        min_accounts: int = 4,
        min_hostile_share: float = 0.5,
        hostile_threshold: float = 0.5,
        max_targets: int = 50_000,
        max_events: int = 200,
        max_messages: int = 100_000,
        max_patterns: int = 1_000,
    ) -> None:
        self.window_minutes = positive(self.name, "window_minutes", window_minutes)
        self.min_accounts = int(positive(self.name, "min_accounts", min_accounts))
        self.min_hostile_share = min_hostile_share
        self.hostile_threshold = hostile_threshold
        self.max_targets = int(positive(self.name, "max_targets", max_targets))
        self.max_events = int(positive(self.name, "max_events", max_events))
        self.max_messages = int(positive(self.name, "max_messages", max_messages))
        self.max_patterns = int(positive(self.name, "max_patterns", max_patterns))
        self._loaded = False

    def load(self) -> None:
        if self._loaded:
            return
        self._clock = StreamClock()
        self._addressing = Addressing(self.max_messages)
        self._targets: BoundedLRU[str, list[_Event]] = BoundedLRU(self.max_targets)
        self._pile_ons: BoundedLRU[str, _PileOn] = BoundedLRU(self.max_patterns)
        self._loaded = True

    def state_sizes(self) -> dict[str, tuple[int, int]]:
        """Each table's (size, capacity), for tests and monitoring."""
        largest = max((len(events) for events in self._targets.values()), default=0)
        return {
            "targets": (len(self._targets), self._targets.capacity),
            "events_per_target": (largest, self.max_events),
            "messages": (len(self._addressing.authors), self._addressing.authors.capacity),
            "patterns": (len(self._pile_ons), self._pile_ons.capacity),
        }

    def observe(self, message: Message, assessment: Assessment) -> Sequence[Finding]:
        self.load()
        at = self._clock.tick(message)
        author = message.author
        if author is None:
            return ()
        targets = self._addressing.addressees(message)
        self._addressing.remember(message)
        if not targets:
            return ()
        hostile = is_hostile(assessment, self.hostile_threshold)
        since = self._clock.now - self.window_minutes * 60.0
        findings: list[Finding] = []
        for target in targets:
            events = self._targets.get(target)
            if events is None:
                events = []
                self._targets.put(target, events)
            cut = 0
            while cut < len(events) and events[cut].at < since:
                cut += 1
            if cut:
                del events[:cut]
            events.append(_Event(at, author, message.id, hostile))
            if len(events) > self.max_events:
                del events[0]
            if hostile and message.created_at is not None:
                finding = self._judge(message, author, target, events)
                if finding is not None:
                    findings.append(finding)
        return tuple(findings)

    def _judge(
        self, message: Message, author: str, target: str, events: list[_Event]
    ) -> Finding | None:
        hostile_actors = dict.fromkeys(e.actor for e in events if e.hostile)
        if len(hostile_actors) < self.min_accounts:
            return None
        everyone = {e.actor for e in events}
        if len(hostile_actors) < self.min_hostile_share * len(everyone):
            return None
        evidence = [(e.at, e.message_id) for e in events if e.hostile]
        count = len(hostile_actors)
        score = min(0.95, 0.6 + 0.08 * (count - self.min_accounts))
        others = [a for a in hostile_actors if a != author]
        named = ", ".join(others[:_MAX_NAMED]) + (" and others" if len(others) > _MAX_NAMED else "")
        rationale = (
            f"{count} accounts have sent {target} hostile messages within "
            f"{self.window_minutes:g} minutes; {author} joins {named} in a pile-on."
        )
        pile_on = self._pile_ons.get(target)
        if pile_on is None:
            pile_on = _PileOn(message.created_at)
            self._pile_ons.put(target, pile_on)
        pile_on.last_at = message.created_at or pile_on.last_at
        for actor in hostile_actors:
            if len(pile_on.actors) < _MAX_ACTORS:
                pile_on.actors[actor] = None
        pile_on.evidence = merge_evidence(pile_on.evidence, evidence)
        pile_on.score = max(pile_on.score, score)
        return Finding(
            category=CATEGORY,
            score=score,
            detector=self.name,
            label="pile_on",
            rationale=rationale,
            spans=mention_spans(message.text, target),
            message_ids=time_ordered(evidence),
        )

    def patterns(self) -> Sequence[BehaviourFinding]:
        self.load()
        found = [
            BehaviourFinding(
                category=CATEGORY,
                score=pile_on.score,
                detector=self.name,
                label="pile_on",
                rationale=(
                    f"{len(pile_on.actors)} accounts targeted {target} with hostile messages "
                    f"within {self.window_minutes:g} minutes."
                ),
                actors=tuple(pile_on.actors),
                targets=(target,),
                message_ids=tuple(i for _, i in pile_on.evidence),
                first_at=pile_on.first_at,
                last_at=pile_on.last_at,
            )
            for target, pile_on in self._pile_ons.items()
        ]
        return sorted(found, key=lambda p: (-p.score, p.targets))
