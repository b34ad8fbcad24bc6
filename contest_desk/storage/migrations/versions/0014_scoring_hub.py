"""scoring hub: sessions of phones and tablets, their operations (each applied once), the
hall screen's choice, and each sheet's last mark (when, from which device)

Revision ID: 0014_scoring_hub
Revises: 0013_judge_tokens
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_scoring_hub"
down_revision = "0013_judge_tokens"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hub_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("roles", sa.JSON(), nullable=False),
        sa.Column("device", sa.String(length=60), nullable=False),
        sa.Column("csrf", sa.String(length=64), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("digest"),
    )
    op.create_table(
        "client_ops",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("op_id", sa.String(length=64), nullable=False),
        sa.Column("request", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.JSON(), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("username", "op_id"),
    )
    op.create_table(
        "hall_settings",
        sa.Column("contest_id", sa.Integer(), sa.ForeignKey("contests.id"), nullable=False),
        sa.Column("mode", sa.String(length=20), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("changed_by", sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint("contest_id"),
    )
    with op.batch_alter_table("sheets") as batch:
        batch.add_column(sa.Column("last_mark_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("last_device", sa.String(length=60), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sheets") as batch:
        batch.drop_column("last_device")
        batch.drop_column("last_mark_at")
    op.drop_table("hall_settings")
    op.drop_table("client_ops")
    op.drop_table("hub_sessions")
