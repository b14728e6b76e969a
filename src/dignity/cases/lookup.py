"""Reading cases back from the store as :class:`~dignity.cases.values.Case` values."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, select

from dignity.cases.users import names
from dignity.cases.values import Case, CaseMessage
from dignity.errors import NotFoundError
from dignity.store.cases import case_messages_table, cases_table

_PEOPLE = ("assigned_to", "decided_by", "appeal_decided_by", "closed_by")


def load_case(conn: Connection, case_id: int, *, for_update: bool = False) -> Case:
    """The case ``case_id`` with its messages; :class:`NotFoundError` when there is none."""
    query = select(cases_table).where(cases_table.c.id == case_id)
    if for_update and conn.dialect.name == "postgresql":
        query = query.with_for_update()
    row = conn.execute(query).first()
    if row is None:
        raise NotFoundError(f"there is no case {case_id}; list cases with GET /v1/queue")
    return to_cases(conn, [row], with_messages=True)[0]


def to_cases(
    conn: Connection, rows: Sequence[Row[Any]], *, with_messages: bool = False
) -> list[Case]:
    """Turn case rows into values, naming the users who moved each case."""
    people = {int(r._mapping[c]) for r in rows for c in _PEOPLE if r._mapping[c] is not None}
    named = names(conn, people)
    messages: dict[int, list[CaseMessage]] = {}
    if with_messages and rows:
        found = conn.execute(
            select(case_messages_table)
            .where(case_messages_table.c.case_id.in_([r.id for r in rows]))
            .order_by(case_messages_table.c.id)
        ).all()
        for m in found:
            messages.setdefault(int(m.case_id), []).append(
                CaseMessage(
                    message_id=m.message_id,
                    platform=m.platform,
                    url=m.url,
                    author=m.author,
                    text=m.text,
                    text_sha256=m.text_sha256,
                    created_at=m.created_at,
                    added_at=m.added_at,
                    assessment=m.assessment,
                )
            )

    def who(value: object) -> str | None:
        return None if value is None else named.get(int(str(value)))

    cases = []
    for row in rows:
        r = row._mapping
        cases.append(
            Case(
                id=int(r["id"]),
                kind=r["kind"],
                subject_account=r["subject_account"],
                action=r["action"],
                severity=int(r["severity"]),
                routes=tuple(r["routes"]),
                categories=tuple(r["categories"]),
                report_count=int(r["report_count"]),
                opened_at=r["opened_at"],
                last_reported_at=r["last_reported_at"],
                assigned_to=who(r["assigned_to"]),
                assigned_at=r["assigned_at"],
                decided_at=r["decided_at"],
                decided_by=who(r["decided_by"]),
                outcome=r["outcome"],
                sanction=r["sanction"],
                clauses=tuple(r["clauses"] or ()),
                reasons=r["reasons"],
                appeal_deadline=r["appeal_deadline"],
                appealed_at=r["appealed_at"],
                appeal_reason=r["appeal_reason"],
                appeal_decided_at=r["appeal_decided_at"],
                appeal_decided_by=who(r["appeal_decided_by"]),
                appeal_outcome=r["appeal_outcome"],
                appeal_sanction=r["appeal_sanction"],
                appeal_reasons=r["appeal_reasons"],
                closed_at=r["closed_at"],
                closed_by=who(r["closed_by"]),
                messages=tuple(messages.get(int(r["id"]), ())),
            )
        )
    return cases
