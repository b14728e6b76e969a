"""The case service: users and API tokens, cases, reported messages, reports, the audit log.

Revision ID: 0002
Revises: 0001
Create Date: 2024-06-15
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

_UTC = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("account", sa.String(200)),
        sa.Column("created_at", _UTC, nullable=False),
        sa.CheckConstraint("role IN ('member', 'moderator', 'admin')", name="ck_users_role"),
    )
    op.create_index("ix_users_account", "users", ["account"])
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("token_sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", _UTC, nullable=False),
        sa.Column("revoked_at", _UTC),
    )
    user = sa.ForeignKey("users.id")
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("subject_account", sa.String(200)),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("severity", sa.Integer, nullable=False),
        sa.Column("routes", sa.JSON, nullable=False),
        sa.Column("categories", sa.JSON, nullable=False),
        sa.Column("report_count", sa.Integer, nullable=False),
        sa.Column("opened_at", _UTC, nullable=False),
        sa.Column("last_reported_at", _UTC, nullable=False),
        sa.Column("assigned_to", sa.Integer, user),
        sa.Column("assigned_at", _UTC),
        sa.Column("assigned_by", sa.Integer, sa.ForeignKey("users.id")),
        sa.Column("decided_at", _UTC),
        sa.Column("decided_by", sa.Integer, sa.ForeignKey("users.id")),
        sa.Column("outcome", sa.String(16)),
        sa.Column("sanction", sa.String(100)),
        sa.Column("clauses", sa.JSON),
        sa.Column("reasons", sa.Text),
        sa.Column("appeal_deadline", _UTC),
        sa.Column("appealed_at", _UTC),
        sa.Column("appealed_by", sa.Integer, sa.ForeignKey("users.id")),
        sa.Column("appeal_reason", sa.Text),
        sa.Column("appeal_decided_at", _UTC),
        sa.Column("appeal_decided_by", sa.Integer, sa.ForeignKey("users.id")),
        sa.Column("appeal_outcome", sa.String(16)),
        sa.Column("appeal_sanction", sa.String(100)),
        sa.Column("appeal_reasons", sa.Text),
        sa.Column("closed_at", _UTC),
        sa.Column("closed_by", sa.Integer, sa.ForeignKey("users.id")),
        sa.CheckConstraint("kind IN ('message', 'account')", name="ck_cases_kind"),
    )
    op.create_index("ix_cases_triage", "cases", ["closed_at", "decided_at", "action", "severity"])
    op.create_index("ix_cases_subject", "cases", ["subject_account"])
    op.create_table(
        "case_messages",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("message_id", sa.String(500), nullable=False),
        sa.Column("platform", sa.String(100)),
        sa.Column("url", sa.Text),
        sa.Column("author", sa.String(200)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("text_sha256", sa.String(64), nullable=False),
        sa.Column("created_at", _UTC),
        sa.Column("added_at", _UTC, nullable=False),
        sa.Column("assessment", sa.JSON, nullable=False),
        sa.UniqueConstraint("message_id", name="uq_case_messages_message"),
    )
    op.create_index("ix_case_messages_case", "case_messages", ["case_id"])
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("reporter_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("message_id", sa.String(500)),
        sa.Column("account", sa.String(200)),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
    )
    op.create_index("ix_reports_reporter", "reports", ["reporter_id", "created_at"])
    op.create_index("ix_reports_case", "reports", ["case_id"])
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("at", _UTC, nullable=False),
        sa.Column("actor_id", sa.Integer),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("case_id", sa.Integer),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_audit_case", "audit_log", ["case_id"])
    audit_head = op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    # The chain starts from a genesis hash; each append locks and moves this one row.
    op.bulk_insert(audit_head, [{"id": 1, "seq": 0, "hash": "0" * 64}])


def downgrade() -> None:
    for index, table in (
        ("ix_audit_case", "audit_log"),
        ("ix_reports_case", "reports"),
        ("ix_reports_reporter", "reports"),
        ("ix_case_messages_case", "case_messages"),
        ("ix_cases_subject", "cases"),
        ("ix_cases_triage", "cases"),
        ("ix_users_account", "users"),
    ):
        op.drop_index(index, table_name=table)
    for table in (
        "audit_head",
        "audit_log",
        "reports",
        "case_messages",
        "cases",
        "api_tokens",
        "users",
    ):
        op.drop_table(table)
