"""audit anchors: the chain's head, signed by a desk, whenever results are printed

Revision ID: 0012_audit_anchors
Revises: 0011_audit_state
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_audit_anchors"
down_revision = "0011_audit_state"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_anchors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("public_key", sa.Text(), nullable=False),
        sa.Column("signature", sa.String(length=120), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("audit_anchors")
