"""judge tokens: a judge's log-in for the contest day, kept as its SHA-256

Revision ID: 0013_judge_tokens
Revises: 0012_audit_anchors
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_judge_tokens"
down_revision = "0012_audit_anchors"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "judge_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("valid_on", sa.Date(), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.Column("made_by", sa.String(length=60), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_by", sa.String(length=60), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("digest"),
    )


def downgrade() -> None:
    op.drop_table("judge_tokens")
