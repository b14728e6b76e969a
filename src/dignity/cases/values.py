"""Frozen values the case service hands back: users, reports, cases, audit results."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta


class Role(enum.StrEnum):
    """What a user may do: members report and appeal, moderators decide, admins see reporters."""

    MEMBER = "member"
    MODERATOR = "moderator"
    ADMIN = "admin"

    @property
    def moderates(self) -> bool:
        return self in (Role.MODERATOR, Role.ADMIN)


class CaseStatus(enum.StrEnum):
    """Where a case is, derived from its timestamps."""

    OPEN = "open"
    ASSIGNED = "assigned"
    DECIDED = "decided"
    APPEALED = "appealed"
    CLOSED = "closed"


class Outcome(enum.StrEnum):
    BREACH = "breach"
    NO_BREACH = "no_breach"


class AppealOutcome(enum.StrEnum):
    UPHELD = "upheld"
    OVERTURNED = "overturned"
    VARIED = "varied"


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    """Service limits: reports per reporter per window, and how long a member has to appeal."""

    reports_per_window: int = 30
    report_window: timedelta = timedelta(minutes=1)
    appeal_window: timedelta = timedelta(days=14)


@dataclass(frozen=True, slots=True, kw_only=True)
class User:
    id: int
    name: str
    role: Role
    account: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportedMessage:
    """A message as a reporter describes it; ``url`` points at it on its platform."""

    id: str
    text: str
    author: str | None = None
    platform: str | None = None
    url: str | None = None
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportReceipt:
    """What a reporter is told: the report is stored, and which case it joined."""

    report_id: int
    case_id: int
    created_at: datetime
    joined_existing_case: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """A stored report; ``reporter`` is ``None`` unless the viewer may know who reported."""

    id: int
    case_id: int
    message_id: str | None
    account: str | None
    reason: str
    created_at: datetime
    reporter: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseMessage:
    """A reported message kept as evidence, with the sha256 of its text and its assessment."""

    message_id: str
    platform: str | None
    url: str | None
    author: str | None
    text: str
    text_sha256: str
    created_at: datetime | None
    added_at: datetime
    assessment: Mapping[str, object]


@dataclass(frozen=True, slots=True, kw_only=True)
class Case:
    """A case and its state as timestamps with the user (name) who moved it."""

    id: int
    kind: str
    subject_account: str | None
    action: str
    severity: int
    routes: tuple[str, ...]
    categories: tuple[str, ...]
    report_count: int
    opened_at: datetime
    last_reported_at: datetime
    assigned_to: str | None = None
    assigned_at: datetime | None = None
    decided_at: datetime | None = None
    decided_by: str | None = None
    outcome: str | None = None
    sanction: str | None = None
    clauses: tuple[str, ...] = ()
    reasons: str | None = None
    appeal_deadline: datetime | None = None
    appealed_at: datetime | None = None
    appeal_reason: str | None = None
    appeal_decided_at: datetime | None = None
    appeal_decided_by: str | None = None
    appeal_outcome: str | None = None
    appeal_sanction: str | None = None
    appeal_reasons: str | None = None
    closed_at: datetime | None = None
    closed_by: str | None = None
    messages: tuple[CaseMessage, ...] = field(default=())

    @property
    def status(self) -> CaseStatus:
        if self.closed_at is not None:
            return CaseStatus.CLOSED
        if self.appealed_at is not None:
            return CaseStatus.APPEALED
        if self.decided_at is not None:
            return CaseStatus.DECIDED
        if self.assigned_at is not None:
            return CaseStatus.ASSIGNED
        return CaseStatus.OPEN

    @property
    def final_sanction(self) -> str | None:
        """The sanction in force: the appeal's when it varied or overturned the first one."""
        if self.appeal_outcome == AppealOutcome.OVERTURNED:
            return None
        if self.appeal_outcome == AppealOutcome.VARIED:
            return self.appeal_sanction
        return self.sanction


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditEntry:
    seq: int
    at: datetime
    actor_id: int | None
    action: str
    case_id: int | None
    data: Mapping[str, object]
    hash: str


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditVerification:
    """The result of checking the audit chain: ``ok`` only when ``problems`` is empty."""

    entries: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems
