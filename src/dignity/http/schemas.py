"""Request and response bodies, split per use (``ReportCreate`` in, ``ReportReceiptPublic`` out).

Text fields refuse NUL characters and unpaired surrogates, which no database can store, with a
422 that says so, rather than failing later with a 500.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from dignity.cases.values import AppealOutcome, Outcome, Role
from dignity.model import Action

MAX_TEXT = 20_000


def _storable(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL (\\u0000) characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode (it contains an unpaired surrogate)") from None
    return value


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError:
        raise ValueError("is out of range once converted to UTC") from None


def _iso_text(value: object) -> object:
    if isinstance(value, str | datetime):
        return value
    raise ValueError("must be an ISO 8601 date-time string, e.g. 2024-06-01T12:00:00Z")


def _nonblank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value


Text = Annotated[str, AfterValidator(_storable)]
Reason = Annotated[
    str, Field(min_length=1, max_length=4000), AfterValidator(_nonblank), AfterValidator(_storable)
]
Name = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_storable)]
Timestamp = Annotated[datetime, BeforeValidator(_iso_text), AfterValidator(_utc)]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class Problem(_Out):
    """Every refusal: a stable code, the HTTP status and a message saying how to fix it."""

    code: str = Field(description="Stable error code, e.g. D503.")
    status: int
    message: str
    errors: list[str] = Field(default_factory=list, description="Each invalid field, for 422.")


class Health(_Out):
    status: Literal["ok"] = "ok"


# ----------------------------------------------------------------------------------- check


class CheckCreate(_In):
    text: Annotated[Text, Field(min_length=1, max_length=MAX_TEXT)]
    author: Name | None = None
    platform: Name | None = None


class SpanPublic(_Out):
    start: int
    end: int
    quote: str


class ClauseNudge(_Out):
    id: str
    title: str
    kind: str
    action: Action
    confidence: float
    explanation: str
    nudge: str
    evidence: list[SpanPublic]


class SuggestionPublic(_Out):
    text: str = Field(description="The text with the evidence words removed or redacted.")
    removed: list[SpanPublic]
    advice: list[str] = Field(description="Each engaged clause's nudge: how to make the point.")


class PolicyRef(_Out):
    id: str
    version: str


class CheckPublic(_Out):
    action: Action
    breach: bool
    categories: list[str]
    clauses: list[ClauseNudge]
    nudge: str | None
    suggestion: SuggestionPublic | None
    policy: PolicyRef


# --------------------------------------------------------------------------------- reports


class MessageIn(_In):
    id: Annotated[Text, Field(min_length=1, max_length=500)]
    text: Annotated[Text, Field(min_length=1, max_length=MAX_TEXT)]
    author: Name | None = None
    platform: Annotated[Text, Field(max_length=100)] | None = None
    url: Annotated[Text, Field(max_length=2000)] | None = None
    created_at: Timestamp | None = None


class MessageReportCreate(_In):
    """Report one message; reports of the same message id join one case."""

    message: MessageIn
    reason: Reason


class AccountReportCreate(_In):
    """Report an account (its behaviour rather than one message)."""

    account: Name
    reason: Reason


class ReportReceiptPublic(_Out):
    id: int
    case_id: int
    created_at: datetime
    joined_existing_case: bool


class ReportPublic(_Out):
    id: int
    case_id: int
    message_id: str | None
    account: str | None
    reason: str
    created_at: datetime
    reporter: str | None = Field(description="Shown to admins only; null for everyone else.")


# ----------------------------------------------------------------------------------- cases


class CaseMessagePublic(_Out):
    message_id: str
    platform: str | None
    url: str | None
    author: str | None
    text: str
    text_sha256: str
    created_at: datetime | None
    assessment: dict[str, object]


class CasePublic(_Out):
    """A case as moderators see it (reporters' identities are never part of it)."""

    id: int
    kind: str
    status: str
    subject_account: str | None
    action: str
    severity: int
    routes: list[str]
    police_referral: bool = Field(description="A route to the police matched: consider it.")
    categories: list[str]
    report_count: int
    opened_at: datetime
    assigned_to: str | None
    decided_at: datetime | None
    decided_by: str | None
    outcome: str | None
    sanction: str | None
    clauses: list[str]
    reasons: str | None
    appeal_deadline: datetime | None
    appealed_at: datetime | None
    appeal_reason: str | None
    appeal_decided_at: datetime | None
    appeal_decided_by: str | None
    appeal_outcome: str | None
    appeal_sanction: str | None
    appeal_reasons: str | None
    closed_at: datetime | None
    messages: list[CaseMessagePublic]


class MemberCasePublic(_Out):
    """A case as the member it is about sees it: the outcome and reasons, never the reporters."""

    id: int
    status: str
    opened_at: datetime
    messages: list[CaseMessagePublic]
    outcome: str | None
    sanction: str | None
    clauses: list[str]
    reasons: str | None
    appeal_deadline: datetime | None
    appeal_outcome: str | None
    appeal_reasons: str | None


class AssignCreate(_In):
    moderator: Name


class DecisionCreate(_In):
    outcome: Outcome
    reasons: Reason
    clauses: Annotated[list[Name], Field(max_length=50)] = Field(default_factory=list)
    sanction: Name | None = Field(
        default=None,
        description="A step of the policy's sanction ladder; omitted: education for a first "
        "offence, one step up for each earlier breach.",
    )


class AppealCreate(_In):
    reason: Reason


class AppealDecisionCreate(_In):
    outcome: AppealOutcome
    reasons: Reason
    sanction: Name | None = None


class ExportRow(_Out):
    case_id: int
    platform: str | None
    message_id: str
    message_url: str | None
    author: str | None
    clauses: list[str]
    clause_titles: list[str]
    evidence: list[str]
    action: str
    reports: int
    text_sha256: str
    first_reported_at: str


# ----------------------------------------------------------------------------------- admin


class UserCreate(_In):
    name: Annotated[
        Text, Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.@\-]*$")
    ]
    role: Role
    account: Name | None = None


class UserCreated(_Out):
    id: int
    name: str
    role: Role
    account: str | None
    token: str = Field(description="The API token; shown once and stored only as a hash.")


class AuditPublic(_Out):
    ok: bool
    entries: int
    problems: list[str]
