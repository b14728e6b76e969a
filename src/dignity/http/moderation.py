"""Moderators' work: the triage queue, cases, decisions, appeals, evidence and route exports."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import HTMLResponse, PlainTextResponse

from dignity.cases.decisions import assign_case, decide_appeal, decide_case, get_case
from dignity.cases.evidence import evidence_bundle, render_html
from dignity.cases.reports import reports_for
from dignity.cases.triage import export_csv, route_export, triage_queue
from dignity.cases.values import Case, CaseMessage
from dignity.http.dependencies import CurrentUser, ServiceDep
from dignity.http.problems import problem_responses
from dignity.http.schemas import (
    AppealDecisionCreate,
    AssignCreate,
    CaseMessagePublic,
    CasePublic,
    DecisionCreate,
    ExportRow,
    ReportPublic,
)

router = APIRouter(prefix="/v1", tags=["moderators"])

CaseId = Annotated[int, Path(ge=1, le=2**31 - 1, description="The case's id.")]
RouteId = Annotated[str, Path(min_length=1, max_length=100, pattern=r"^[a-z0-9][a-z0-9_.\-]*$")]
POLICE_ROUTE = "police"


def case_message(m: CaseMessage) -> CaseMessagePublic:
    return CaseMessagePublic(
        message_id=m.message_id,
        platform=m.platform,
        url=m.url,
        author=m.author,
        text=m.text,
        text_sha256=m.text_sha256,
        created_at=m.created_at,
        assessment=dict(m.assessment),
    )


def case_public(found: Case) -> CasePublic:
    return CasePublic(
        id=found.id,
        kind=found.kind,
        status=found.status.value,
        subject_account=found.subject_account,
        action=found.action,
        severity=found.severity,
        routes=list(found.routes),
        police_referral=POLICE_ROUTE in found.routes,
        categories=list(found.categories),
        report_count=found.report_count,
        opened_at=found.opened_at,
        assigned_to=found.assigned_to,
        decided_at=found.decided_at,
        decided_by=found.decided_by,
        outcome=found.outcome,
        sanction=found.sanction,
        clauses=list(found.clauses),
        reasons=found.reasons,
        appeal_deadline=found.appeal_deadline,
        appealed_at=found.appealed_at,
        appeal_reason=found.appeal_reason,
        appeal_decided_at=found.appeal_decided_at,
        appeal_decided_by=found.appeal_decided_by,
        appeal_outcome=found.appeal_outcome,
        appeal_sanction=found.appeal_sanction,
        appeal_reasons=found.appeal_reasons,
        closed_at=found.closed_at,
        messages=[case_message(m) for m in found.messages],
    )


@router.get("/queue", responses=problem_responses(403))
def queue(
    service: ServiceDep,
    user: CurrentUser,
    include_decided: bool = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[CasePublic]:
    """Cases awaiting a decision or an appeal: urgent first, then by severity, reports, age."""
    return [
        case_public(c)
        for c in triage_queue(
            store=service.store, actor=user, include_decided=include_decided, limit=limit
        )
    ]


@router.get("/cases/{case_id}", responses=problem_responses(403, 404))
def read_case(case_id: CaseId, service: ServiceDep, user: CurrentUser) -> CasePublic:
    """One case with its messages and assessments (moderators, or the member it is about)."""
    return case_public(get_case(store=service.store, case_id=case_id, viewer=user))


@router.get("/cases/{case_id}/reports", responses=problem_responses(403, 404))
def case_reports(case_id: CaseId, service: ServiceDep, user: CurrentUser) -> list[ReportPublic]:
    """The reports joined to a case; the reporter is named for admins only."""
    get_case(store=service.store, case_id=case_id, viewer=user)
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
        for r in reports_for(store=service.store, viewer=user, case_id=case_id)
    ]


@router.post("/cases/{case_id}/assign", responses=problem_responses(403, 404, 409))
def assign(
    case_id: CaseId, body: AssignCreate, service: ServiceDep, user: CurrentUser
) -> CasePublic:
    """Assign a case to a moderator."""
    return case_public(
        assign_case(store=service.store, case_id=case_id, moderator=body.moderator, actor=user)
    )


@router.post("/cases/{case_id}/decision", responses=problem_responses(403, 404, 409))
def decide(
    case_id: CaseId, body: DecisionCreate, service: ServiceDep, user: CurrentUser
) -> CasePublic:
    """Decide a case on the policy's sanction ladder, citing clauses; education by default."""
    return case_public(
        decide_case(
            store=service.store,
            policy=service.engine.policy,
            case_id=case_id,
            actor=user,
            outcome=body.outcome,
            reasons=body.reasons,
            clauses=body.clauses,
            sanction=body.sanction,
            limits=service.limits,
        )
    )


@router.post("/cases/{case_id}/appeal/decision", responses=problem_responses(403, 404, 409))
def decide_on_appeal(
    case_id: CaseId, body: AppealDecisionCreate, service: ServiceDep, user: CurrentUser
) -> CasePublic:
    """Hear an appeal (not by the moderator who decided); closes the case."""
    return case_public(
        decide_appeal(
            store=service.store,
            policy=service.engine.policy,
            case_id=case_id,
            actor=user,
            outcome=body.outcome,
            reasons=body.reasons,
            sanction=body.sanction,
        )
    )


@router.get("/cases/{case_id}/evidence", responses=problem_responses(403, 404))
def evidence_json(case_id: CaseId, service: ServiceDep, user: CurrentUser) -> dict[str, Any]:
    """The case's evidence bundle: messages with sha256 hashes, assessments, reports, history."""
    return evidence_bundle(store=service.store, case_id=case_id, viewer=user)


@router.get(
    "/cases/{case_id}/evidence.html",
    response_model=None,
    responses=problem_responses(403, 404, ok="text/html"),
)
def evidence_html(case_id: CaseId, service: ServiceDep, user: CurrentUser) -> HTMLResponse:
    """The evidence bundle as a printable HTML page."""
    bundle = evidence_bundle(store=service.store, case_id=case_id, viewer=user)
    return HTMLResponse(render_html(bundle))


@router.get("/routes/{route_id}/export.json", responses=problem_responses(403, 404))
def export_json(route_id: RouteId, service: ServiceDep, user: CurrentUser) -> list[ExportRow]:
    """Reported messages routed to ``route_id`` (e.g. ``platform``), for its own reporting."""
    rows = route_export(
        store=service.store, policy=service.engine.policy, actor=user, route_id=route_id
    )
    return [ExportRow.model_validate(row) for row in rows]


@router.get(
    "/routes/{route_id}/export.csv",
    response_model=None,
    responses=problem_responses(403, 404, ok="text/csv"),
)
def export_csv_route(
    route_id: RouteId, service: ServiceDep, user: CurrentUser
) -> PlainTextResponse:
    """The same export as CSV."""
    rows = route_export(
        store=service.store, policy=service.engine.policy, actor=user, route_id=route_id
    )
    return PlainTextResponse(export_csv(rows), media_type="text/csv")
