"""The scan store: policies, scans, messages, assessments and faults.

The schema ``metadata.create_all`` made before migrations existed, so such a database is
stamped at this revision and upgraded from here.

Revision ID: 0001
Revises:
Create Date: 2024-06-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

_UTC = sa.DateTime(timezone=True)
_QUERYABLE_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "policies",
        sa.Column("policy_id", sa.String(200), primary_key=True),
        sa.Column("version", sa.String(100), primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("first_seen", _UTC, nullable=False),
    )
    op.create_table(
        "scans",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("started_at", _UTC, nullable=False),
        sa.Column("finished_at", _UTC),
        sa.Column("policy_id", sa.String(200), nullable=False),
        sa.Column("policy_version", sa.String(100), nullable=False),
        sa.Column("messages", sa.Integer, nullable=False),
        sa.Column("breaches", sa.Integer, nullable=False),
        sa.Column("faults", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.CheckConstraint("status IN ('running', 'finished', 'failed')", name="ck_scans_status"),
    )
    op.create_table(
        "messages",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("text_sha256", sa.String(64), nullable=False),
        sa.Column("author", sa.Text),
        sa.Column("created_at", _UTC),
        sa.Column("reply_to", sa.Text),
        sa.Column("platform", sa.Text),
        sa.Column("first_seen_scan", sa.Integer, sa.ForeignKey("scans.id"), nullable=False),
    )
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("message_id", sa.Text, sa.ForeignKey("messages.id"), nullable=False),
        sa.Column("policy_id", sa.String(200), nullable=False),
        sa.Column("policy_version", sa.String(100), nullable=False),
        sa.Column("text_sha256", sa.String(64), nullable=False),
        sa.Column("breach", sa.Boolean, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("categories", _QUERYABLE_JSON, nullable=False),
        sa.Column("scores", _QUERYABLE_JSON, nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
        sa.Column("scan_id", sa.Integer, sa.ForeignKey("scans.id"), nullable=False),
        sa.Column("assessed_at", _UTC, nullable=False),
        sa.UniqueConstraint(
            "message_id", "policy_id", "policy_version", name="uq_assessments_message"
        ),
    )
    op.create_index("ix_assessments_scan", "assessments", ["scan_id"])
    op.create_table(
        "faults",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("scan_id", sa.Integer, sa.ForeignKey("scans.id"), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("line", sa.Integer, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_index("ix_faults_scan", "faults", ["scan_id"])


def downgrade() -> None:
    op.drop_index("ix_faults_scan", table_name="faults")
    op.drop_table("faults")
    op.drop_index("ix_assessments_scan", table_name="assessments")
    op.drop_table("assessments")
    op.drop_table("messages")
    op.drop_table("scans")
    op.drop_table("policies")
