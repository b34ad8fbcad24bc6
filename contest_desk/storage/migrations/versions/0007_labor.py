"""labor competitions: indicators, periods, values, vetoes, the award rule

Revision ID: 0007_labor
Revises: 0006_boards
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_labor"
down_revision = "0006_boards"
branch_labels = None
depends_on = None


def _milli(name: str) -> sa.Column:
    return sa.Column(name, sa.BigInteger(), nullable=False)


def upgrade() -> None:
    with op.batch_alter_table("contests") as batch:
        batch.add_column(sa.Column("award_rule", sa.JSON(), nullable=True))
    op.create_table(
        "labor_indicators",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("contest_id", sa.Integer(), sa.ForeignKey("contests.id"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("unit", sa.String(length=30), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("rule", sa.String(length=20), nullable=False),
        *(
            _milli(n)
            for n in (
                "points",
                "baseline",
                "target",
                "weight",
                "bonus_per_unit",
                "bonus_cap",
                "penalty_per_event",
            )
        ),
        sa.UniqueConstraint("contest_id", "code"),
    )
    op.create_table(
        "labor_periods",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("contest_id", sa.Integer(), sa.ForeignKey("contests.id"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by", sa.String(length=60), nullable=True),
        sa.UniqueConstraint("contest_id", "name"),
    )
    op.create_table(
        "labor_values",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "period_id", sa.Integer(), sa.ForeignKey("labor_periods.id"), nullable=False
        ),
        sa.Column("team_id", sa.Integer(), sa.ForeignKey("teams.id"), nullable=False),
        sa.Column(
            "indicator_id", sa.Integer(), sa.ForeignKey("labor_indicators.id"), nullable=False
        ),
        _milli("value"),
        sa.Column("entered_by", sa.String(length=60), nullable=False),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("period_id", "team_id", "indicator_id"),
    )
    op.create_index("ix_labor_values_period_id", "labor_values", ["period_id"])
    op.create_table(
        "labor_vetoes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("contest_id", sa.Integer(), sa.ForeignKey("contests.id"), nullable=False),
        sa.Column("team_id", sa.Integer(), sa.ForeignKey("teams.id"), nullable=False),
        sa.Column("period_id", sa.Integer(), sa.ForeignKey("labor_periods.id"), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(length=60), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.Column("lifted_by", sa.String(length=60), nullable=True),
        sa.Column("lifted_reason", sa.Text(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("labor_vetoes")
    op.drop_index("ix_labor_values_period_id", "labor_values")
    op.drop_table("labor_values")
    op.drop_table("labor_periods")
    op.drop_table("labor_indicators")
    with op.batch_alter_table("contests") as batch:
        batch.drop_column("award_rule")
