"""The shape of a code of conduct as data: categories, clauses, detectors, sanctions, routes.

A policy is a frozen pydantic model so it can be validated at the edge (a YAML file an
organisation wrote) and then passed around safely. Field descriptions here are the reference
documentation of the policy format (``dignity policy schema`` prints them as JSON Schema).
"""

from __future__ import annotations

import enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from dignity.model import Action

ID_PATTERN = r"^[a-z0-9][a-z0-9_.\-]*$"


class ClauseKind(enum.StrEnum):
    """What a clause does: forbid conduct, protect conduct, or guide members."""

    FORBIDS = "forbids"
    PROTECTS = "protects"
    GUIDES = "guides"


class ClauseScope(enum.StrEnum):
    """Where a clause is enforced.

    ``message``: judged on one message by text detectors. ``behaviour``: judged over a
    conversation by behavioural detectors. ``process``: how breaches are reported and handled.
    ``principle``: a statement of values that frames the others and is not detected by itself.
    """

    MESSAGE = "message"
    BEHAVIOUR = "behaviour"
    PROCESS = "process"
    PRINCIPLE = "principle"


class Severity(enum.StrEnum):
    NONE = "none"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Category(_Frozen):
    id: str = Field(pattern=ID_PATTERN, description="Stable identifier, e.g. personal_attack.")
    title: str = Field(min_length=1, description="Short human name.")
    description: str = Field(min_length=1, description="What counts as this category.")
    threshold: float = Field(
        default=0.5,
        ge=0.0,
        le=1.0,
        description="A detector score at or above this means the category is present.",
    )


class Clause(_Frozen):
    id: str = Field(pattern=ID_PATTERN, description="Stable identifier, e.g. nec.personal-abuse.")
    title: str = Field(min_length=1, description="Short name members will recognise.")
    text: str = Field(min_length=1, description="The clause's own words, quoted from the code.")
    kind: ClauseKind = Field(description="Whether the clause forbids, protects or guides.")
    scope: ClauseScope = Field(description="Where the clause is enforced.")
    severity: Severity = Field(default=Severity.NONE, description="How serious a breach is.")
    categories: tuple[str, ...] = Field(
        default=(), description="Categories whose presence engages this clause."
    )
    action: Action = Field(default=Action.ALLOW, description="What engaging the clause calls for.")
    explanation: str = Field(
        default="",
        description="Plain-language reason shown to a member when the clause is engaged.",
    )
    nudge: str = Field(
        default="",
        description="Suggestion shown before posting: how to keep the point and drop the breach.",
    )
    escalates: bool = Field(
        default=False,
        description=(
            "When engaged, raise the message's action one step above the most serious other "
            "clause (abuse from an anonymous account is worse than the same abuse signed)."
        ),
    )


class DetectorConfig(_Frozen):
    name: str = Field(min_length=1, description="Registered detector name, e.g. dignity.pii.v1.")
    options: dict[str, Any] = Field(
        default_factory=dict, description="Keyword options passed to the detector."
    )


class SanctionStep(_Frozen):
    id: str = Field(pattern=ID_PATTERN, description="Stable identifier, e.g. education.")
    title: str = Field(min_length=1)
    description: str = Field(min_length=1)


class ReportRoute(_Frozen):
    id: str = Field(pattern=ID_PATTERN, description="Stable identifier, e.g. police.")
    title: str = Field(min_length=1)
    description: str = Field(min_length=1)
    when_actions: tuple[Action, ...] = Field(
        default=(), description="Route a report here when the decided action is one of these."
    )
    when_categories: tuple[str, ...] = Field(
        default=(), description="Route a report here when one of these categories is present."
    )
    min_confidence: float = Field(
        default=0.0, ge=0.0, le=1.0, description="Minimum confidence for category routing."
    )
    when_labels: tuple[str, ...] = Field(
        default=(),
        description=(
            "Route on a category only when a finding of one of these kinds backs it, e.g. "
            "threat_phrase: words that threaten, not a model's estimate of the whole sentence. "
            "Empty: any finding of the category will do."
        ),
    )


class Policy(_Frozen):
    id: str = Field(pattern=ID_PATTERN, description="Stable identifier of this policy.")
    version: str = Field(min_length=1, description="Version; stored with every assessment.")
    title: str = Field(min_length=1)
    source: str = Field(default="", description="Where the code of conduct's text comes from.")
    categories: tuple[Category, ...] = Field(min_length=1)
    clauses: tuple[Clause, ...] = Field(min_length=1)
    detectors: tuple[DetectorConfig, ...] = Field(default=())
    sanctions: tuple[SanctionStep, ...] = Field(
        default=(), description="The sanction ladder, least severe first."
    )
    routes: tuple[ReportRoute, ...] = Field(default=())

    def category(self, category_id: str) -> Category:
        for category in self.categories:
            if category.id == category_id:
                return category
        raise KeyError(category_id)

    def clause(self, clause_id: str) -> Clause:
        for clause in self.clauses:
            if clause.id == clause_id:
                return clause
        raise KeyError(clause_id)

    @property
    def category_ids(self) -> tuple[str, ...]:
        return tuple(category.id for category in self.categories)
