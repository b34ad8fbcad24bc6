"""edit versions: a counter on each row that people edit through a form (persons,
contests, events, parts for their rubric, certificate templates, achievements), raised
by every change, so that a save made from a stale form is refused instead of silently
overwriting what another desk saved meanwhile; the rows there are start at 1

Revision ID: 0015_edit_versions
Revises: 0014_scoring_hub
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0015_edit_versions"
down_revision = "0014_scoring_hub"
branch_labels = None
depends_on = None

TABLES = ("persons", "contests", "events", "parts", "certificate_templates", "achievements")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
