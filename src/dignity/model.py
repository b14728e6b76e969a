"""The values that flow through dignity: Message in, Finding from detectors, Assessment out.

Every value is frozen: a detector or the policy never edits a result, it returns a new one.
This module imports nothing of ours, so every other layer may depend on it.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType


class Action(enum.StrEnum):
    """What the policy calls for, ordered from least to most serious."""

    ALLOW = "allow"
    NUDGE = "nudge"
    REVIEW = "review"
    URGENT = "urgent"

    @property
    def rank(self) -> int:
        return _ACTION_RANK[self]


_ACTION_RANK = {Action.ALLOW: 0, Action.NUDGE: 1, Action.REVIEW: 2, Action.URGENT: 3}


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """A half-open character range ``[start, end)`` of a text, with the words it covers."""

    start: int
    end: int
    quote: str

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"span [{self.start}, {self.end}) is not a valid range")
        if len(self.quote) != self.end - self.start:
            raise ValueError(
                f"span [{self.start}, {self.end}) covers {self.end - self.start} characters "
                f"but its quote has {len(self.quote)}"
            )

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text[start:end]``, quoting exactly those characters."""
        return cls(start=start, end=end, quote=text[start:end])


@dataclass(frozen=True, slots=True, kw_only=True)
class Message:
    """One post, comment or message, whatever platform it came from."""

    id: str
    text: str
    author: str | None = None
    author_anonymous: bool | None = None
    created_at: datetime | None = None
    reply_to: str | None = None
    mentions: tuple[str, ...] = ()
    shares: str | None = None
    platform: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One piece of evidence a detector found: a category, how sure, and where.

    ``label`` names the kind of thing found inside the category (``uk_phone_number``,
    ``insult``); ``rationale`` is a short plain-language reason a member can read;
    ``targets`` names protected characteristics an identity attack aims at. A finding about
    behaviour over time lists the other messages that prove it in ``message_ids``.
    """

    category: str
    score: float
    detector: str
    label: str
    rationale: str
    spans: tuple[Span, ...] = ()
    targets: tuple[str, ...] = ()
    message_ids: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"finding score {self.score!r} is outside [0, 1]")


@dataclass(frozen=True, slots=True, kw_only=True)
class BehaviourFinding:
    """A pattern across a conversation: who, towards whom, and the messages that prove it.

    ``actors`` are the accounts responsible (one for persistent contact, many for a pile-on);
    ``targets`` the accounts on the receiving end; ``message_ids`` the evidence, in time order.
    """

    category: str
    score: float
    detector: str
    label: str
    rationale: str
    actors: tuple[str, ...]
    targets: tuple[str, ...] = ()
    message_ids: tuple[str, ...] = ()
    first_at: datetime | None = None
    last_at: datetime | None = None

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"behaviour finding score {self.score!r} is outside [0, 1]")


@dataclass(frozen=True, slots=True, kw_only=True)
class ClauseBreach:
    """A clause of the code of conduct that a message engages, with the evidence for it."""

    clause_id: str
    title: str
    kind: str
    action: Action
    confidence: float
    categories: tuple[str, ...]
    evidence: tuple[Span, ...]
    explanation: str
    findings: tuple[Finding, ...] = ()
    message_ids: tuple[str, ...] = ()


def _frozen_scores(scores: Mapping[str, float]) -> Mapping[str, float]:
    return MappingProxyType(dict(scores))


@dataclass(frozen=True, slots=True, kw_only=True)
class Assessment:
    """The policy's decision about one message.

    ``breach`` is true only when a clause that forbids something is engaged; guidance clauses
    produce a ``nudge`` without a breach. ``scores`` holds a score in [0, 1] for every category
    the policy knows, so downstream tools see the same keys for every message.
    """

    message_id: str
    breach: bool
    action: Action
    categories: tuple[str, ...]
    scores: Mapping[str, float] = field(default_factory=dict)
    clauses: tuple[ClauseBreach, ...] = ()
    findings: tuple[Finding, ...] = ()
    nudge: str | None = None
    policy_id: str = ""
    policy_version: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "scores", _frozen_scores(self.scores))
