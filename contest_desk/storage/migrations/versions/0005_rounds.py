"""rounds with elimination: advance rules, closing, eliminated entries

Revision ID: 0005_rounds
Revises: 0004_integrity
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_rounds"
down_revision = "0004_integrity"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("rounds") as batch:
        batch.add_column(sa.Column("advance", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("closed_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("entries") as batch:
        batch.add_column(sa.Column("eliminated_round", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("eliminated_rule", sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("entries") as batch:
        batch.drop_column("eliminated_rule")
        batch.drop_column("eliminated_round")
    with op.batch_alter_table("rounds") as batch:
        batch.drop_column("closed_at")
        batch.drop_column("advance")
