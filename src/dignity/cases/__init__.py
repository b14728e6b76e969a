"""The case service: reports, cases, triage, decisions, appeals, evidence and the audit chain.

Service functions take keyword-only arguments (``submit_report(*, store, engine, reporter,
...)``) and raise errors from :mod:`dignity.errors`; the HTTP API and the CLI both call them.
"""

from __future__ import annotations

from dignity.cases.audit import verify_chain
from dignity.cases.decisions import (
    appeal_case,
    assign_case,
    cases_about,
    decide_appeal,
    decide_case,
    get_case,
)
from dignity.cases.evidence import evidence_bundle, render_html
from dignity.cases.reports import reports_for, submit_report
from dignity.cases.suggest import Suggestion, suggest
from dignity.cases.triage import export_csv, route_export, routes_for, triage_queue
from dignity.cases.users import add_user, authenticate
from dignity.cases.values import (
    AppealOutcome,
    AuditVerification,
    Case,
    CaseMessage,
    CaseStatus,
    Limits,
    Outcome,
    Report,
    ReportedMessage,
    ReportReceipt,
    Role,
    User,
)

__all__ = [
    "AppealOutcome",
    "AuditVerification",
    "Case",
    "CaseMessage",
    "CaseStatus",
    "Limits",
    "Outcome",
    "Report",
    "ReportReceipt",
    "ReportedMessage",
    "Role",
    "Suggestion",
    "User",
    "add_user",
    "appeal_case",
    "assign_case",
    "authenticate",
    "cases_about",
    "decide_appeal",
    "decide_case",
    "evidence_bundle",
    "export_csv",
    "get_case",
    "render_html",
    "reports_for",
    "route_export",
    "routes_for",
    "submit_report",
    "suggest",
    "triage_queue",
    "verify_chain",
]
