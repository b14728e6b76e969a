"""Tables of the case service: users and tokens, reports, cases, their messages, the audit log.

They share :data:`dignity.store.sql.metadata` with the scan tables, so one Alembic history
(``dignity/store/migrations``) creates and upgrades both. State is kept as timestamps with the
actor who caused it (``decided_at`` / ``decided_by``), never as booleans.
"""

from __future__ import annotations

from typing import Final

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from dignity.store.sql import UtcDateTime, metadata

ROLES: Final = ("member", "moderator", "admin")

users_table = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("account", String(200)),
    Column("created_at", UtcDateTime, nullable=False),
    CheckConstraint("role IN ('member', 'moderator', 'admin')", name="ck_users_role"),
    Index("ix_users_account", "account"),
)

tokens_table = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("token_sha256", String(64), nullable=False, unique=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("revoked_at", UtcDateTime),
)

cases_table = Table(
    "cases",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("subject_account", String(200)),
    Column("action", String(16), nullable=False),
    Column("severity", Integer, nullable=False),
    Column("routes", JSON, nullable=False),
    Column("categories", JSON, nullable=False),
    Column("report_count", Integer, nullable=False),
    Column("opened_at", UtcDateTime, nullable=False),
    Column("last_reported_at", UtcDateTime, nullable=False),
    Column("assigned_to", Integer, ForeignKey("users.id")),
    Column("assigned_at", UtcDateTime),
    Column("assigned_by", Integer, ForeignKey("users.id")),
    Column("decided_at", UtcDateTime),
    Column("decided_by", Integer, ForeignKey("users.id")),
    Column("outcome", String(16)),
    Column("sanction", String(100)),
    Column("clauses", JSON),
    Column("reasons", Text),
    Column("appeal_deadline", UtcDateTime),
    Column("appealed_at", UtcDateTime),
    Column("appealed_by", Integer, ForeignKey("users.id")),
    Column("appeal_reason", Text),
    Column("appeal_decided_at", UtcDateTime),
    Column("appeal_decided_by", Integer, ForeignKey("users.id")),
    Column("appeal_outcome", String(16)),
    Column("appeal_sanction", String(100)),
    Column("appeal_reasons", Text),
    Column("closed_at", UtcDateTime),
    Column("closed_by", Integer, ForeignKey("users.id")),
    CheckConstraint("kind IN ('message', 'account')", name="ck_cases_kind"),
    Index("ix_cases_triage", "closed_at", "decided_at", "action", "severity"),
    Index("ix_cases_subject", "subject_account"),
)

case_messages_table = Table(
    "case_messages",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", Integer, ForeignKey("cases.id"), nullable=False),
    Column("message_id", String(500), nullable=False),
    Column("platform", String(100)),
    Column("url", Text),
    Column("author", String(200)),
    Column("text", Text, nullable=False),
    Column("text_sha256", String(64), nullable=False),
    Column("created_at", UtcDateTime),
    Column("added_at", UtcDateTime, nullable=False),
    Column("assessment", JSON, nullable=False),
    UniqueConstraint("message_id", name="uq_case_messages_message"),
    Index("ix_case_messages_case", "case_id"),
)

reports_table = Table(
    "reports",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", Integer, ForeignKey("cases.id"), nullable=False),
    Column("reporter_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("message_id", String(500)),
    Column("account", String(200)),
    Column("reason", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Index("ix_reports_reporter", "reporter_id", "created_at"),
    Index("ix_reports_case", "case_id"),
)

audit_table = Table(
    "audit_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", UtcDateTime, nullable=False),
    Column("actor_id", Integer),
    Column("action", String(64), nullable=False),
    Column("case_id", Integer),
    Column("payload", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Index("ix_audit_case", "case_id"),
)

audit_head_table = Table(
    "audit_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
)

SERVICE_TABLES: Final = (
    users_table,
    tokens_table,
    cases_table,
    case_messages_table,
    reports_table,
    audit_table,
    audit_head_table,
)
