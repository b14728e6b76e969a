"""Due process: assign a moderator, decide on the sanction ladder, appeal, hear the appeal.

Every transition is checked against the case's state and the actor:

* a case is assigned only while it awaits a first decision;
* only the assigned moderator decides (an unassigned case is assigned to whoever decides it);
  a decided or closed case cannot be decided again;
* a decision of ``breach`` cites clauses of the policy and takes a step of its sanction ladder;
  without one, a first offence gets the first step (education) and a repeat the next step up;
* only the member the case is about may appeal, once, before the deadline;
* an appeal is heard by a moderator other than the one who decided (no self-review), and its
  decision closes the case.

The member is told the outcome and the reasons through :func:`cases_about`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import Connection, func, select, update

from dignity.cases import audit
from dignity.cases.lookup import load_case, to_cases
from dignity.cases.triage import require_moderator
from dignity.cases.users import user_by_name
from dignity.cases.values import AppealOutcome, Case, CaseStatus, Limits, Outcome, User
from dignity.errors import InvalidTransitionError, PermissionDeniedError, ServiceInputError
from dignity.policy.schema import ClauseKind, Policy
from dignity.store.cases import cases_table
from dignity.store.sql import SqlStore


def get_case(*, store: SqlStore, case_id: int, viewer: User) -> Case:
    """A case as a moderator sees it; a member sees only a case about them."""
    with store.reading("read a case") as conn:
        found = load_case(conn, case_id)
    if not viewer.role.moderates and not _is_subject(viewer, found):
        raise PermissionDeniedError(
            f"case {case_id} is not about {viewer.name}; members see only their own cases "
            "(GET /v1/me/cases) and reports (GET /v1/me/reports)"
        )
    return found


def cases_about(*, store: SqlStore, member: User) -> list[Case]:
    """The cases about a member's account, newest first, with outcome and reasons once decided."""
    if member.account is None:
        return []
    with store.reading("read a member's cases") as conn:
        rows = conn.execute(
            select(cases_table)
            .where(cases_table.c.subject_account == member.account)
            .order_by(cases_table.c.id.desc())
        ).all()
        return to_cases(conn, rows, with_messages=True)


def assign_case(
    *, store: SqlStore, case_id: int, moderator: str, actor: User, now: datetime | None = None
) -> Case:
    """Assign case ``case_id`` to the moderator named ``moderator``."""
    require_moderator(actor, "assign cases")
    now = now or datetime.now(UTC)
    with store.transaction("assign the case") as conn:
        audit.lock_chain(conn)
        current = load_case(conn, case_id, for_update=True)
        assignee = user_by_name(conn, moderator)
        if not assignee.role.moderates:
            raise ServiceInputError(
                f"{assignee.name} is a {assignee.role.value}; assign a moderator or an admin"
            )
        if current.status not in (CaseStatus.OPEN, CaseStatus.ASSIGNED):
            raise InvalidTransitionError(
                f"case {case_id} is {current.status.value}; only a case awaiting its first "
                "decision can be assigned"
            )
        _set(conn, case_id, assigned_to=assignee.id, assigned_at=now, assigned_by=actor.id)
        audit.append(
            conn,
            at=now,
            actor_id=actor.id,
            action="case.assigned",
            case_id=case_id,
            data={"assigned_to": assignee.name},
        )
        return load_case(conn, case_id)


def decide_case(
    *,
    store: SqlStore,
    policy: Policy,
    case_id: int,
    actor: User,
    outcome: Outcome,
    reasons: str,
    clauses: Sequence[str] = (),
    sanction: str | None = None,
    limits: Limits,
    now: datetime | None = None,
) -> Case:
    """Decide a case: ``no_breach`` closes it; ``breach`` cites clauses and sets a sanction."""
    require_moderator(actor, "decide cases")
    now = now or datetime.now(UTC)
    if not reasons.strip():
        raise ServiceInputError("a decision needs reasons the member can read")
    cited = _check_clauses(policy, clauses, outcome)
    if sanction is not None:
        _check_sanction(policy, sanction)
    with store.transaction("decide the case") as conn:
        audit.lock_chain(conn)
        current = load_case(conn, case_id, for_update=True)
        if current.status is CaseStatus.CLOSED:
            raise InvalidTransitionError(f"case {case_id} is closed; a closed case is not decided")
        if current.decided_at is not None:
            raise InvalidTransitionError(
                f"case {case_id} was already decided by {current.decided_by}; a decision is "
                "changed only on appeal"
            )
        if current.assigned_to is not None and current.assigned_to != actor.name:
            raise PermissionDeniedError(
                f"case {case_id} is assigned to {current.assigned_to}; only they may decide it "
                "(reassign it first)"
            )
        values: dict[str, object] = {
            "decided_at": now,
            "decided_by": actor.id,
            "outcome": outcome.value,
            "clauses": list(cited),
            "reasons": reasons,
        }
        if current.assigned_to is None:
            values.update(assigned_to=actor.id, assigned_at=now, assigned_by=actor.id)
        if outcome is Outcome.BREACH:
            if sanction is None:
                sanction = _ladder_default(conn, policy, current)
            values.update(sanction=sanction, appeal_deadline=now + limits.appeal_window)
        else:
            sanction = None
            values.update(closed_at=now, closed_by=actor.id)
        _set(conn, case_id, **values)
        audit.append(
            conn,
            at=now,
            actor_id=actor.id,
            action="case.decided",
            case_id=case_id,
            data={
                "outcome": outcome.value,
                "sanction": sanction,
                "clauses": list(cited),
                "reasons": reasons,
            },
        )
        return load_case(conn, case_id)


def appeal_case(
    *, store: SqlStore, case_id: int, actor: User, reason: str, now: datetime | None = None
) -> Case:
    """The member a case is about appeals its decision, before the deadline."""
    now = now or datetime.now(UTC)
    if not reason.strip():
        raise ServiceInputError("an appeal needs a reason; say why the decision is wrong")
    with store.transaction("record the appeal") as conn:
        audit.lock_chain(conn)
        current = load_case(conn, case_id, for_update=True)
        if not _is_subject(actor, current):
            raise PermissionDeniedError(
                f"only the member case {case_id} is about may appeal it; {actor.name} is not"
            )
        if current.outcome != Outcome.BREACH or current.appeal_deadline is None:
            raise InvalidTransitionError(
                f"case {case_id} is {current.status.value} with no breach found; "
                "there is nothing to appeal"
            )
        if current.appealed_at is not None or current.closed_at is not None:
            raise InvalidTransitionError(
                f"case {case_id} is {current.status.value}; a decision is appealed only once"
            )
        if now > current.appeal_deadline:
            raise InvalidTransitionError(
                f"the deadline to appeal case {case_id} passed at "
                f"{current.appeal_deadline.isoformat()}"
            )
        _set(conn, case_id, appealed_at=now, appealed_by=actor.id, appeal_reason=reason)
        audit.append(
            conn,
            at=now,
            actor_id=actor.id,
            action="case.appealed",
            case_id=case_id,
            data={"reason": reason},
        )
        return load_case(conn, case_id)


def decide_appeal(
    *,
    store: SqlStore,
    policy: Policy,
    case_id: int,
    actor: User,
    outcome: AppealOutcome,
    reasons: str,
    sanction: str | None = None,
    now: datetime | None = None,
) -> Case:
    """Hear an appeal: uphold, overturn or vary the decision; the case is then closed."""
    require_moderator(actor, "hear appeals")
    now = now or datetime.now(UTC)
    if not reasons.strip():
        raise ServiceInputError("an appeal decision needs reasons the member can read")
    if outcome is AppealOutcome.VARIED:
        if sanction is None:
            raise ServiceInputError("a varied decision names the new sanction")
        _check_sanction(policy, sanction)
    else:
        sanction = None
    with store.transaction("decide the appeal") as conn:
        audit.lock_chain(conn)
        current = load_case(conn, case_id, for_update=True)
        if current.status is not CaseStatus.APPEALED:
            raise InvalidTransitionError(
                f"case {case_id} is {current.status.value}; only an appealed case has an "
                "appeal to decide"
            )
        if actor.name in (current.decided_by, current.assigned_to):
            raise PermissionDeniedError(
                f"{actor.name} decided case {case_id}; an appeal is heard by a different moderator"
            )
        _set(
            conn,
            case_id,
            appeal_decided_at=now,
            appeal_decided_by=actor.id,
            appeal_outcome=outcome.value,
            appeal_sanction=sanction,
            appeal_reasons=reasons,
            closed_at=now,
            closed_by=actor.id,
        )
        audit.append(
            conn,
            at=now,
            actor_id=actor.id,
            action="appeal.decided",
            case_id=case_id,
            data={"outcome": outcome.value, "sanction": sanction, "reasons": reasons},
        )
        return load_case(conn, case_id)


def _is_subject(user: User, found: Case) -> bool:
    return user.account is not None and user.account == found.subject_account


def _set(conn: Connection, case_id: int, **values: object) -> None:
    conn.execute(update(cases_table).where(cases_table.c.id == case_id).values(**values))


def _check_clauses(policy: Policy, clauses: Sequence[str], outcome: Outcome) -> tuple[str, ...]:
    citable = {c.id for c in policy.clauses if c.kind in (ClauseKind.FORBIDS, ClauseKind.GUIDES)}
    unknown = [c for c in clauses if c not in citable]
    if unknown:
        raise ServiceInputError(
            f"clause(s) {', '.join(map(repr, unknown))} cannot be cited; cite clauses of policy "
            f"{policy.id} that forbid or guide conduct: {', '.join(sorted(citable))}"
        )
    if outcome is Outcome.BREACH and not clauses:
        raise ServiceInputError("a breach decision cites at least one clause it breached")
    return tuple(dict.fromkeys(clauses))


def _check_sanction(policy: Policy, sanction: str) -> None:
    ladder = [step.id for step in policy.sanctions]
    if sanction not in ladder:
        raise ServiceInputError(
            f"sanction {sanction!r} is not on the policy's ladder: {', '.join(ladder) or 'none'}"
        )


def _ladder_default(conn: Connection, policy: Policy, current: Case) -> str:
    """Education for a first offence; one step up the ladder for each earlier breach found."""
    ladder = [step.id for step in policy.sanctions]
    if not ladder:
        raise ServiceInputError(f"policy {policy.id} has no sanction ladder; name a sanction")
    earlier = 0
    if current.subject_account is not None:
        earlier = int(
            conn.execute(
                select(func.count()).where(
                    cases_table.c.subject_account == current.subject_account,
                    cases_table.c.outcome == Outcome.BREACH.value,
                    cases_table.c.id != current.id,
                    (cases_table.c.appeal_outcome.is_(None))
                    | (cases_table.c.appeal_outcome != AppealOutcome.OVERTURNED.value),
                )
            ).scalar_one()
        )
    return ladder[min(earlier, len(ladder) - 1)]
