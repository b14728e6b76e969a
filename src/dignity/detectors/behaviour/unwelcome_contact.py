"""``dignity.behaviour.unwelcome_contact.v1``: persistent contact that is not welcome.

The code of conduct forbids "consistently mentioning or making contact with others" when it is
unwelcome. Contact is an @mention, or a reply to someone's message (see ``contact.py``). An
ordered pair of accounts, *actor* → *target*, is flagged in two cases:

* **after a request to stop**: the target has addressed the actor with a request to stop ("please
  stop tagging me", "leave me alone", "stop replying to me", "I've blocked you") and the actor
  contacts them again within ``stop_days`` days. A calm direct reply to the request itself that
  acknowledges it ("sorry", "ok", "fair enough", "won't happen again") is not counted. A request
  written as a joke ("lol", "😂") is not a request, and the target contacting the actor again
  in a friendly way withdraws it.
* **unreciprocated**: the actor contacted the target at least ``min_contacts`` times within
  ``window_hours``, spread over at least ``min_span_hours``, while the target addressed the actor
  at most ``max_reply_ratio`` times as often. Friends who mention each other a lot are
  reciprocal, so they are not flagged.

A target's own requests to stop and messages that report or block are not counted as engaging
back. Findings cite the actor's contacts in the window, the request to stop where there is one,
and the current message; the span is the @mention where the text has one.

Options (defaults): ``window_hours`` (168), ``min_contacts`` (5), ``min_span_hours`` (6),
``max_reply_ratio`` (0.2), ``stop_days`` (30), ``hostile_threshold`` (0.5), ``max_pairs``
(100,000 pairs remembered), ``max_messages`` (100,000 message authors remembered, to resolve
replies), ``max_patterns`` (1,000 flagged pairs kept for ``patterns()``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import ClassVar

from dignity.detectors.behaviour.contact import Addressing, is_hostile, mention_spans
from dignity.detectors.behaviour.windows import (
    MAX_EVIDENCE,
    BoundedLRU,
    StreamClock,
    merge_evidence,
    positive,
    time_ordered,
)
from dignity.model import Assessment, BehaviourFinding, Finding, Message

__all__ = ["UnwelcomeContactDetector"]

CATEGORY = "unwelcome_contact"
_HOUR = 3600.0
_DAY = 86400.0

_STOP_REQUEST = re.compile(
    r"""\b(?:
        (?:please\s+|pls\s+|just\s+)?stop\s+
            (?:tagging|mentioning|messaging|replying\s+to|contacting|pinging|dm-?ing|@-?ing
              |harassing|hassling|following|texting|emailing|bothering)\s+me
      | leave\s+me\s+alone
      | (?:don't|do\s+not|dont)\s+(?:tag|mention|message|reply\s+to|contact|ping|@|dm|text)\s+me
      | (?:i've|i\s+have|i'm|i\s+am|i)\s+(?:now\s+)?(?:blocked|blocking)\s+you
      | asked\s+you\s+(?:\w+\s+){0,2}to\s+stop
      | not\s+interested\s+in\s+(?:talking|speaking|hearing)\s+(?:to|from)\s+you
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_JOKING = re.compile(r"\b(?:lol|lmao|haha\w*|jk)\b|[😂🤣😜😉😆]", re.IGNORECASE)
_ACKNOWLEDGES = re.compile(
    r"\b(?:sorry|apologi[sz]e|apologies|ok(?:ay)?|fair(?:\s+enough)?|noted|understood|will\s+do"
    r"|won'?t|will\s+stop|my\s+bad)\b",
    re.IGNORECASE,
)
_REPORTING = re.compile(r"\b(?:report(?:ed|ing)?|block(?:ed|ing)?|mods?|admins?)\b", re.IGNORECASE)


def _stop_request(text: str) -> bool:
    text = text.replace("’", "'")
    return _STOP_REQUEST.search(text) is not None and _JOKING.search(text) is None


class _Pair:
    """The actor's recent contacts with one target, and the target's request to stop."""

    __slots__ = ("ids", "stop_at", "stop_id", "times")

    def __init__(self) -> None:
        self.times: list[float] = []
        self.ids: list[str] = []
        self.stop_at: float | None = None
        self.stop_id: str | None = None

    def prune(self, since: float) -> None:
        times = self.times
        cut = 0
        while cut < len(times) and times[cut] < since:
            cut += 1
        if cut:
            del times[:cut]
            del self.ids[:cut]

    def add(self, at: float, message_id: str) -> None:
        self.times.append(at)
        self.ids.append(message_id)
        if len(self.times) > MAX_EVIDENCE:
            del self.times[0]
            del self.ids[0]

    def count_since(self, since: float) -> int:
        return sum(1 for at in self.times if at >= since)


class _Flag:
    """A flagged pair, for ``patterns()``."""

    __slots__ = ("evidence", "first_at", "label", "last_at", "rationale", "score")

    def __init__(self, first_at: datetime | None) -> None:
        self.first_at = first_at
        self.last_at = first_at
        self.evidence: list[tuple[float, str]] = []
        self.label = ""
        self.rationale = ""
        self.score = 0.0


class UnwelcomeContactDetector:
    """Flags an account that keeps contacting someone who has not welcomed it."""

    name: ClassVar[str] = "dignity.behaviour.unwelcome_contact.v1"
    categories: ClassVar[frozenset[str]] = frozenset({CATEGORY})

    def __init__(
        self,
        *,
        window_hours: float = 168.0,
        min_contacts: int = 5,
        min_span_hours: float = 6.0,
        max_reply_ratio: float = 0.2,
        stop_days: float = 30.0,
        hostile_threshold: float = 0.5,
        max_pairs: int = 100_000,
        max_messages: int = 100_000,
        max_patterns: int = 1_000,
    ) -> None:
        self.window_hours = positive(self.name, "window_hours", window_hours)
        self.min_contacts = int(positive(self.name, "min_contacts", min_contacts))
        self.min_span_hours = min_span_hours
        self.max_reply_ratio = max_reply_ratio
        self.stop_days = positive(self.name, "stop_days", stop_days)
        self.hostile_threshold = hostile_threshold
        self.max_pairs = int(positive(self.name, "max_pairs", max_pairs))
        self.max_messages = int(positive(self.name, "max_messages", max_messages))
        self.max_patterns = int(positive(self.name, "max_patterns", max_patterns))
        self._loaded = False

    def load(self) -> None:
        if self._loaded:
            return
        self._clock = StreamClock()
        self._addressing = Addressing(self.max_messages)
        self._pairs: BoundedLRU[tuple[str, str], _Pair] = BoundedLRU(self.max_pairs)
        self._flags: BoundedLRU[tuple[str, str], _Flag] = BoundedLRU(self.max_patterns)
        self._loaded = True

    def state_sizes(self) -> dict[str, tuple[int, int]]:
        """Each table's (size, capacity), for tests and monitoring."""
        return {
            "pairs": (len(self._pairs), self._pairs.capacity),
            "messages": (len(self._addressing.authors), self._addressing.authors.capacity),
            "patterns": (len(self._flags), self._flags.capacity),
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
        text = message.text
        if _stop_request(text):
            for target in targets:
                pair = self._pair((target, author))
                pair.stop_at = at
                pair.stop_id = message.id
            return ()
        hostile = is_hostile(assessment, self.hostile_threshold)
        reporting = _REPORTING.search(text) is not None
        since = self._clock.now - self.window_hours * _HOUR
        findings: list[Finding] = []
        for target in targets:
            asked = self._pairs.peek((target, author))
            if asked is not None and asked.stop_at is not None and not hostile and not reporting:
                asked.stop_at = None  # the one who asked has come back of their own accord
                asked.stop_id = None
            if reporting and asked is not None:
                continue  # reporting or blocking someone is not engaging with them
            pair = self._pair((author, target))
            pair.prune(since)
            pair.add(at, message.id)
            finding = self._judge(message, at, author, target, pair, since, hostile)
            if finding is not None:
                findings.append(finding)
        return tuple(findings)

    def _pair(self, key: tuple[str, str]) -> _Pair:
        pair = self._pairs.get(key)
        if pair is None:
            pair = _Pair()
            self._pairs.put(key, pair)
        return pair

    def _judge(
        self,
        message: Message,
        at: float,
        author: str,
        target: str,
        pair: _Pair,
        since: float,
        hostile: bool,
    ) -> Finding | None:
        if pair.stop_at is not None and pair.stop_id is not None:
            if at - pair.stop_at > self.stop_days * _DAY:
                pair.stop_at = pair.stop_id = None
            elif (
                message.reply_to == pair.stop_id
                and not hostile
                and _ACKNOWLEDGES.search(message.text) is not None
            ):
                return None  # an answer to the request itself: acknowledgment, apology
            else:
                after = pair.count_since(pair.stop_at)
                evidence = [*zip(pair.times, pair.ids, strict=True), (pair.stop_at, pair.stop_id)]
                rationale = (
                    f"{author} contacted {target} again after {target} asked them to stop "
                    f"(message {pair.stop_id}); {after} contact{'s' if after != 1 else ''} since."
                )
                return self._flag(
                    message,
                    author,
                    target,
                    label="contact_after_stop_request",
                    score=min(1.0, 0.85 + 0.03 * (after - 1)),
                    rationale=rationale,
                    evidence=evidence,
                )
        count = len(pair.times)
        if count < self.min_contacts or at - pair.times[0] < self.min_span_hours * _HOUR:
            return None
        back = self._pairs.peek((target, author))
        replies = back.count_since(since) if back is not None else 0
        if replies > self.max_reply_ratio * count:
            return None
        days = self.window_hours / 24
        back_text = (
            f"engaged back only {replies} time{'s' if replies != 1 else ''}"
            if replies
            else "not engaged back"
        )
        rationale = (
            f"{author} has mentioned or replied to {target} {count} times in the last "
            f"{days:g} days, and {target} has {back_text}."
        )
        return self._flag(
            message,
            author,
            target,
            label="unreciprocated_contact",
            score=min(0.85, 0.55 + 0.05 * (count - self.min_contacts)),
            rationale=rationale,
            evidence=list(zip(pair.times, pair.ids, strict=True)),
        )

    def _flag(
        self,
        message: Message,
        author: str,
        target: str,
        *,
        label: str,
        score: float,
        rationale: str,
        evidence: list[tuple[float, str]],
    ) -> Finding:
        ids = time_ordered(evidence)
        flag = self._flags.get((author, target))
        if flag is None:
            flag = _Flag(message.created_at)
            self._flags.put((author, target), flag)
        flag.last_at = message.created_at or flag.last_at
        flag.evidence = merge_evidence(flag.evidence, evidence)
        if score >= flag.score:
            flag.score, flag.label, flag.rationale = score, label, rationale
        return Finding(
            category=CATEGORY,
            score=score,
            detector=self.name,
            label=label,
            rationale=rationale,
            spans=mention_spans(message.text, target),
            message_ids=ids,
        )

    def patterns(self) -> Sequence[BehaviourFinding]:
        self.load()
        found = [
            BehaviourFinding(
                category=CATEGORY,
                score=flag.score,
                detector=self.name,
                label=flag.label,
                rationale=flag.rationale,
                actors=(actor,),
                targets=(target,),
                message_ids=tuple(i for _, i in flag.evidence),
                first_at=flag.first_at,
                last_at=flag.last_at,
            )
            for (actor, target), flag in self._flags.items()
        ]
        return sorted(found, key=lambda p: (-p.score, p.actors, p.targets))
