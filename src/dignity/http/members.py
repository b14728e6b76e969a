"""What every member can do: check a text before posting, report, see their reports and cases."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, status

from dignity.cases.decisions import appeal_case, cases_about
from dignity.cases.reports import reports_for, submit_report
from dignity.cases.suggest import suggest
from dignity.cases.values import Case, ReportedMessage
from dignity.http.dependencies import CurrentUser, ServiceDep
from dignity.http.moderation import CaseId, case_message
from dignity.http.problems import problem_responses
from dignity.http.schemas import (
    AccountReportCreate,
    AppealCreate,
    CheckCreate,
    CheckPublic,
    ClauseNudge,
    MemberCasePublic,
    MessageReportCreate,
    PolicyRef,
    ReportPublic,
    ReportReceiptPublic,
    SpanPublic,
    SuggestionPublic,
)
from dignity.model import Message

router = APIRouter(prefix="/v1", tags=["members"])


@router.post("/check", responses=problem_responses())
async def check(body: CheckCreate, service: ServiceDep, user: CurrentUser) -> CheckPublic:
    """Assess a text before it is posted: the clause, the words, and a rewrite that keeps the
    political point without the attack."""
    engine = service.engine
    message = Message(id="check", text=body.text, author=body.author, platform=body.platform)
    assessment = await service.assess(message)
    suggestion = suggest(text=body.text, assessment=assessment, policy=engine.policy)
    return CheckPublic(
        action=assessment.action,
        breach=assessment.breach,
        categories=list(assessment.categories),
        clauses=[
            ClauseNudge(
                id=c.clause_id,
                title=c.title,
                kind=c.kind,
                action=c.action,
                confidence=round(c.confidence, 4),
                explanation=c.explanation,
                nudge=engine.policy.clause(c.clause_id).nudge,
                evidence=[SpanPublic(start=s.start, end=s.end, quote=s.quote) for s in c.evidence],
            )
            for c in assessment.clauses
        ],
        nudge=assessment.nudge,
        suggestion=None
        if suggestion is None
        else SuggestionPublic(
            text=suggestion.text,
            removed=[
                SpanPublic(start=s.start, end=s.end, quote=s.quote) for s in suggestion.removed
            ],
            advice=list(suggestion.advice),
        ),
        policy=PolicyRef(id=assessment.policy_id, version=assessment.policy_version),
    )


@router.post(
    "/reports",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(429),
)
def create_report(
    body: Annotated[MessageReportCreate | AccountReportCreate, Body()],
    service: ServiceDep,
    user: CurrentUser,
) -> ReportReceiptPublic:
    """Report a message or an account. Anyone may report, not only the person targeted; the
    reported member never learns who reported. The report is stored before 201 is returned."""
    if isinstance(body, MessageReportCreate):
        m = body.message
        receipt = submit_report(
            store=service.store,
            engine=service.engine,
            reporter=user,
            reason=body.reason,
            message=ReportedMessage(
                id=m.id,
                text=m.text,
                author=m.author,
                platform=m.platform,
                url=m.url,
                created_at=m.created_at,
            ),
            limits=service.limits,
        )
    else:
        receipt = submit_report(
            store=service.store,
            engine=service.engine,
            reporter=user,
            reason=body.reason,
            account=body.account,
            limits=service.limits,
        )
    return ReportReceiptPublic(
        id=receipt.report_id,
        case_id=receipt.case_id,
        created_at=receipt.created_at,
        joined_existing_case=receipt.joined_existing_case,
    )


@router.get("/me/reports", responses=problem_responses())
def my_reports(service: ServiceDep, user: CurrentUser) -> list[ReportPublic]:
    """The caller's own reports and the cases they joined."""
    return [
        ReportPublic(
            id=r.id,
            case_id=r.case_id,
            message_id=r.message_id,
            account=r.account,
            reason=r.reason,
            created_at=r.created_at,
            reporter=r.reporter,
        )
        for r in reports_for(store=service.store, viewer=user)
    ]


def member_case(found: Case) -> MemberCasePublic:
    return MemberCasePublic(
        id=found.id,
        status=found.status.value,
        opened_at=found.opened_at,
        messages=[case_message(m) for m in found.messages],
        outcome=found.outcome,
        sanction=found.sanction,
        clauses=list(found.clauses),
        reasons=found.reasons,
        appeal_deadline=found.appeal_deadline,
        appeal_outcome=found.appeal_outcome,
        appeal_reasons=found.appeal_reasons,
    )


@router.get("/me/cases", responses=problem_responses())
def my_cases(service: ServiceDep, user: CurrentUser) -> list[MemberCasePublic]:
    """Cases about the caller's account: the outcome, the clauses and the reasons."""
    return [member_case(c) for c in cases_about(store=service.store, member=user)]


@router.post("/cases/{case_id}/appeal", responses=problem_responses(403, 404, 409))
def appeal(
    case_id: CaseId, body: AppealCreate, service: ServiceDep, user: CurrentUser
) -> MemberCasePublic:
    """Appeal a decision about you, before its deadline; a different moderator hears it."""
    return member_case(
        appeal_case(store=service.store, case_id=case_id, actor=user, reason=body.reason)
    )
