"""signing keys: the public record of each user's key for signing offline sheets

Revision ID: 0010_signing_keys
Revises: 0009_certificates
Create Date: 2026-12-04

Existing accounts get their key at the next log-in or password change (the password is
needed to make it), so the column starts empty.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_signing_keys"
down_revision = "0009_certificates"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("signing_key", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("signing_key")
