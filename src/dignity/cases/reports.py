"""Reports: anyone with an account reports a message or an account, with a reason.

The reporter need not be the target. Reports of the same message join one case; reports of an
account join that account's undecided case. A reporter who sends more than the limit within the
window is refused with :class:`RateLimitedError` (HTTP 429, ``Retry-After``). The report, its
case and its audit entry are committed together before the receipt is returned, so a report
that was acknowledged is never lost.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from sqlalchemy import Connection, func, select, update

from dignity.cases import audit
from dignity.cases.triage import ACCOUNT_REPORT_SEVERITY, routes_for, severity_of
from dignity.cases.values import Limits, Report, ReportedMessage, ReportReceipt, Role, User
from dignity.engine import Dignity
from dignity.errors import RateLimitedError, ServiceInputError
from dignity.model import Action, Message
from dignity.output import assessment_record
from dignity.store.cases import case_messages_table, cases_table, reports_table, users_table
from dignity.store.sql import SqlStore


def submit_report(
    *,
    store: SqlStore,
    engine: Dignity,
    reporter: User,
    reason: str,
    message: ReportedMessage | None = None,
    account: str | None = None,
    limits: Limits,
    now: datetime | None = None,
) -> ReportReceipt:
    """Store a report of ``message`` or ``account`` and link it to its case."""
    if (message is None) == (account is None):
        raise ServiceInputError("a report names either a message or an account, not both")
    if not reason.strip():
        raise ServiceInputError("a report needs a reason; say what is wrong with it")
    now = now or datetime.now(UTC)
    assessed = None
    if message is not None:
        subject = message.author
        evidence = Message(
            id=message.id,
            text=message.text,
            author=message.author,
            platform=message.platform,
            created_at=message.created_at,
        )
        assessed = engine.assess(evidence)
        record = assessment_record(evidence, assessed)
    else:
        subject = account
    with store.transaction("store the report") as conn:
        audit.lock_chain(conn)
        _check_rate(conn, reporter=reporter, limits=limits, now=now)
        if message is not None and assessed is not None:
            existing = conn.execute(
                select(case_messages_table.c.case_id).where(
                    case_messages_table.c.message_id == message.id
                )
            ).scalar_one_or_none()
        else:
            existing = conn.execute(
                select(cases_table.c.id)
                .where(
                    cases_table.c.kind == "account",
                    cases_table.c.subject_account == account,
                    cases_table.c.decided_at.is_(None),
                    cases_table.c.closed_at.is_(None),
                )
                .order_by(cases_table.c.id)
                .limit(1)
            ).scalar_one_or_none()
        joined = existing is not None
        if existing is not None:
            case_id = int(existing)
            conn.execute(
                update(cases_table)
                .where(cases_table.c.id == case_id)
                .values(report_count=cases_table.c.report_count + 1, last_reported_at=now)
            )
        else:
            if assessed is not None:
                action, severity = (
                    assessed.action,
                    severity_of(policy=engine.policy, assessment=assessed),
                )
                routes = routes_for(policy=engine.policy, assessment=assessed)
                categories = assessed.categories
            else:
                action, severity = Action.REVIEW, ACCOUNT_REPORT_SEVERITY
                routes = tuple(
                    r.id for r in engine.policy.routes if Action.REVIEW in r.when_actions
                )
                categories = ()
            key = conn.execute(
                cases_table.insert().values(
                    kind="message" if message is not None else "account",
                    subject_account=subject,
                    action=action.value,
                    severity=severity,
                    routes=list(routes),
                    categories=list(categories),
                    report_count=1,
                    opened_at=now,
                    last_reported_at=now,
                )
            ).inserted_primary_key
            assert key is not None
            case_id = int(key[0])
            if message is not None:
                conn.execute(
                    case_messages_table.insert().values(
                        case_id=case_id,
                        message_id=message.id,
                        platform=message.platform,
                        url=message.url,
                        author=message.author,
                        text=message.text,
                        text_sha256=_sha256(message.text),
                        created_at=message.created_at,
                        added_at=now,
                        assessment=record,
                    )
                )
            audit.append(
                conn,
                at=now,
                actor_id=None,
                action="case.opened",
                case_id=case_id,
                data={
                    "kind": "message" if message is not None else "account",
                    "subject_account": subject,
                    "message_id": None if message is None else message.id,
                    "text_sha256": None if message is None else _sha256(message.text),
                    "action": action.value,
                    "routes": list(routes),
                },
            )
        key = conn.execute(
            reports_table.insert().values(
                case_id=case_id,
                reporter_id=reporter.id,
                message_id=None if message is None else message.id,
                account=account,
                reason=reason,
                created_at=now,
            )
        ).inserted_primary_key
        assert key is not None
        report_id = int(key[0])
        audit.append(
            conn,
            at=now,
            actor_id=reporter.id,
            action="report.submitted",
            case_id=case_id,
            data={"report_id": report_id, "reason": reason},
        )
    return ReportReceipt(
        report_id=report_id, case_id=case_id, created_at=now, joined_existing_case=joined
    )


def _check_rate(conn: Connection, *, reporter: User, limits: Limits, now: datetime) -> None:
    since = now - limits.report_window
    recent = conn.execute(
        select(func.count(), func.min(reports_table.c.created_at)).where(
            reports_table.c.reporter_id == reporter.id, reports_table.c.created_at > since
        )
    ).one()
    count, oldest = int(recent[0]), recent[1]
    if count >= limits.reports_per_window:
        wait = (oldest + limits.report_window - now).total_seconds() if oldest else 1
        seconds = int(limits.report_window.total_seconds())
        raise RateLimitedError(
            f"{reporter.name} has sent {count} reports in the last {seconds} seconds, the most "
            f"allowed; wait {max(1, int(wait) + 1)} seconds (Retry-After) and report again",
            retry_after=int(wait) + 1,
        )


def reports_for(*, store: SqlStore, viewer: User, case_id: int | None = None) -> list[Report]:
    """Reports the viewer may see: a member's own; for a case, all (reporters for admins)."""
    query = (
        select(reports_table, users_table.c.name.label("reporter_name"))
        .join(users_table, users_table.c.id == reports_table.c.reporter_id)
        .order_by(reports_table.c.id)
    )
    if case_id is None:
        query = query.where(reports_table.c.reporter_id == viewer.id)
    elif not viewer.role.moderates:
        query = query.where(
            reports_table.c.reporter_id == viewer.id, reports_table.c.case_id == case_id
        )
    else:
        query = query.where(reports_table.c.case_id == case_id)
    show_reporter = viewer.role is Role.ADMIN or case_id is None
    with store.reading("read reports") as conn:
        rows = conn.execute(query).all()
    return [
        Report(
            id=row.id,
            case_id=row.case_id,
            message_id=row.message_id,
            account=row.account,
            reason=row.reason,
            created_at=row.created_at,
            reporter=row.reporter_name if show_reporter else None,
        )
        for row in rows
    ]


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()
