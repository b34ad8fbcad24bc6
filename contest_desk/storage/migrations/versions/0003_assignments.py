"""conflicts of interest, their overrides, and judges assigned to entries

Revision ID: 0003_assignments
Revises: 0002_judging
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_assignments"
down_revision = "0002_judging"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("judge_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["judge_id"], ["judges.id"]),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("judge_id", "person_id"),
    )
    op.create_table(
        "conflict_overrides",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("judge_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["entries.id"]),
        sa.ForeignKeyConstraint(["judge_id"], ["judges.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("judge_id", "entry_id"),
    )
    op.create_table(
        "entry_assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("judge_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["entries.id"]),
        sa.ForeignKeyConstraint(["judge_id"], ["judges.id"]),
        sa.ForeignKeyConstraint(["round_id"], ["rounds.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("round_id", "judge_id", "entry_id"),
    )
    op.create_index("ix_entry_assignments_round_id", "entry_assignments", ["round_id"])


def downgrade() -> None:
    op.drop_index("ix_entry_assignments_round_id", table_name="entry_assignments")
    op.drop_table("entry_assignments")
    op.drop_table("conflict_overrides")
    op.drop_table("conflicts")
