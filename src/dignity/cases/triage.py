"""Triage: how urgent and severe a report is, where it should go, and the moderators' queue.

A case's ``action`` is the policy's action for the reported message (``urgent`` for a credible
threat); its ``severity`` is the most serious engaged clause's severity; its ``routes`` are the
policy's report routes that match (``police`` for a threat at or above the route's minimum
confidence that words in the message carry). The queue puts urgent before review, then more
severe, more reported and older cases first.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Final

from sqlalchemy import case, select

from dignity.cases.lookup import to_cases
from dignity.cases.values import Case, User
from dignity.errors import NotFoundError, PermissionDeniedError
from dignity.model import Action, Assessment
from dignity.policy.schema import Policy, Severity
from dignity.store.cases import case_messages_table, cases_table
from dignity.store.sql import SqlStore

SEVERITY_RANK: Final = {
    Severity.NONE: 0,
    Severity.LOW: 1,
    Severity.MEDIUM: 2,
    Severity.HIGH: 3,
    Severity.CRITICAL: 4,
}
ACCOUNT_REPORT_SEVERITY: Final = SEVERITY_RANK[Severity.MEDIUM]
EXPORT_FIELDS: Final = (
    "case_id",
    "platform",
    "message_id",
    "message_url",
    "author",
    "clauses",
    "clause_titles",
    "evidence",
    "action",
    "reports",
    "text_sha256",
    "first_reported_at",
)


def severity_of(*, policy: Policy, assessment: Assessment) -> int:
    """The rank (0 none .. 4 critical) of the most severe clause the assessment engages."""
    ranks = [SEVERITY_RANK[policy.clause(c.clause_id).severity] for c in assessment.clauses]
    return max(ranks, default=0)


def routes_for(*, policy: Policy, assessment: Assessment) -> tuple[str, ...]:
    """The ids of the policy's report routes the assessment matches, in policy order.

    A route with ``when_labels`` also needs a finding of one of those kinds in the category:
    the police route asks for words that threaten, not a model's sense of the sentence.
    """
    matched = []
    for route in policy.routes:
        by_action = assessment.action in route.when_actions
        by_category = any(
            assessment.scores.get(category, 0.0) >= max(route.min_confidence, 1e-9)
            and category in assessment.categories
            and (
                not route.when_labels
                or any(
                    f.category == category and f.label in route.when_labels
                    for f in assessment.findings
                )
            )
            for category in route.when_categories
        )
        if by_action or by_category:
            matched.append(route.id)
    return tuple(matched)


def require_moderator(actor: User, doing: str) -> None:
    if not actor.role.moderates:
        raise PermissionDeniedError(
            f"only moderators and admins may {doing}; {actor.name} is a {actor.role.value}"
        )


def triage_queue(
    *, store: SqlStore, actor: User, include_decided: bool = False, limit: int = 100
) -> list[Case]:
    """Cases awaiting a decision (or appeal), most urgent first."""
    require_moderator(actor, "see the triage queue")
    urgency = case(
        {a.value: a.rank for a in Action}, value=cases_table.c.action, else_=0
    )  # urgent 3 .. allow 0
    query = select(cases_table).where(cases_table.c.closed_at.is_(None))
    if not include_decided:
        query = query.where(
            (cases_table.c.decided_at.is_(None)) | (cases_table.c.appealed_at.is_not(None))
        )
    query = query.order_by(
        urgency.desc(),
        cases_table.c.severity.desc(),
        cases_table.c.report_count.desc(),
        cases_table.c.opened_at,
        cases_table.c.id,
    ).limit(limit)
    with store.reading("read the triage queue") as conn:
        return to_cases(conn, conn.execute(query).all())


def route_export(
    *, store: SqlStore, policy: Policy, actor: User, route_id: str
) -> list[dict[str, object]]:
    """One row per reported message routed to ``route_id``, in the shape platforms ask for.

    Each row names the message (platform, id, URL, author), the clauses and their evidence
    words, and the sha256 of the text. Reporters are never included.
    """
    require_moderator(actor, "export reports for a route")
    if route_id not in {route.id for route in policy.routes}:
        known = ", ".join(route.id for route in policy.routes) or "none"
        raise NotFoundError(f"the policy has no report route {route_id!r}; routes: {known}")
    query = (
        select(cases_table, case_messages_table)
        .join(case_messages_table, case_messages_table.c.case_id == cases_table.c.id)
        .order_by(cases_table.c.id, case_messages_table.c.id)
    )
    rows = []
    with store.reading("export a route") as conn:
        for row in conn.execute(query):
            r = row._mapping
            if route_id not in (r["routes"] or ()):
                continue
            record: Mapping[str, object] = r["assessment"]
            every = _dicts(record.get("clauses"))
            clauses = [c for c in every if c.get("kind") == "forbids"] or every
            rows.append(
                {
                    "case_id": r["id"],
                    "platform": r["platform"],
                    "message_id": r["message_id"],
                    "message_url": r["url"],
                    "author": r["author"],
                    "clauses": [str(c.get("id")) for c in clauses],
                    "clause_titles": [str(c.get("title")) for c in clauses],
                    "evidence": [
                        str(span.get("quote"))
                        for c in clauses
                        for span in _dicts(c.get("evidence"))
                    ],
                    "action": r["action"],
                    "reports": r["report_count"],
                    "text_sha256": r["text_sha256"],
                    "first_reported_at": r["opened_at"].isoformat(),
                }
            )
    return rows


def export_csv(rows: list[dict[str, object]]) -> str:
    """The export rows as CSV; list fields are joined with `` | ``."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EXPORT_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                k: " | ".join(map(str, v)) if isinstance(v, list) else ("" if v is None else v)
                for k, v in row.items()
            }
        )
    return out.getvalue()


def _dicts(value: object) -> list[Mapping[str, object]]:
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, Mapping)]
