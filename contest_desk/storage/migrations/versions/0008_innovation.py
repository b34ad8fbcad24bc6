"""innovation studios: studios, achievements and their lifecycle, benefits, patents,
awards, rollout sites, recommendations, attachments, exchange meetings

Revision ID: 0008_innovation
Revises: 0007_labor
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_innovation"
down_revision = "0007_labor"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('attachments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner_kind', sa.String(length=20), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('added_by', sa.String(length=60), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('studios',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('leader_id', sa.Integer(), nullable=True),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('founded_on', sa.Date(), nullable=True),
    sa.Column('specialties', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['leader_id'], ['persons.id'], ),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('achievements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('studio_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('problem', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=True),
    sa.Column('finished_on', sa.Date(), nullable=True),
    sa.Column('stage', sa.String(length=20), nullable=False),
    sa.Column('suspended_from', sa.String(length=20), nullable=True),
    sa.Column('under_review', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['studio_id'], ['studios.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_achievements_studio_id'), 'achievements', ['studio_id'], unique=False)
    op.create_table('meetings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('host_studio_id', sa.Integer(), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('topic', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['host_studio_id'], ['studios.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('studio_members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('studio_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], ),
    sa.ForeignKeyConstraint(['studio_id'], ['studios.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('studio_id', 'person_id')
    )
    op.create_table('achievement_awards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('achievement_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('level', sa.String(length=30), nullable=False),
    sa.Column('grade', sa.String(length=30), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['achievement_id'], ['achievements.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_achievement_awards_achievement_id'), 'achievement_awards', ['achievement_id'], unique=False)
    op.create_table('achievement_completers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('achievement_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['achievement_id'], ['achievements.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_achievement_completers_achievement_id'), 'achievement_completers', ['achievement_id'], unique=False)
    op.create_table('achievement_moves',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('achievement_id', sa.Integer(), nullable=False),
    sa.Column('from_stage', sa.String(length=20), nullable=False),
    sa.Column('to_stage', sa.String(length=20), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('approver', sa.String(length=60), nullable=False),
    sa.Column('decision', sa.String(length=60), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['achievement_id'], ['achievements.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_achievement_moves_achievement_id'), 'achievement_moves', ['achievement_id'], unique=False)
    op.create_table('benefits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('achievement_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('quarter', sa.Integer(), nullable=True),
    sa.Column('site', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('basis', sa.Text(), nullable=False),
    sa.Column('proof_id', sa.Integer(), nullable=True),
    sa.Column('projected', sa.Boolean(), nullable=False),
    sa.Column('entered_by', sa.String(length=60), nullable=False),
    sa.Column('entered_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['achievement_id'], ['achievements.id'], ),
    sa.ForeignKeyConstraint(['proof_id'], ['attachments.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_benefits_achievement_id'), 'benefits', ['achievement_id'], unique=False)
    op.create_table('meeting_achievements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('achievement_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['achievement_id'], ['achievements.id'], ),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_meeting_achievements_meeting_id'), 'meeting_achievements', ['meeting_id'], unique=False)
    op.create_table('meeting_attendees',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_meeting_attendees_meeting_id'), 'meeting_attendees', ['meeting_id'], unique=False)
    op.create_table('patents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('achievement_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=60), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('filed_on', sa.Date(), nullable=True),
    sa.Column('granted_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['achievement_id'], ['achievements.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_patents_achievement_id'), 'patents', ['achievement_id'], unique=False)
    op.create_table('recommendations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('achievement_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('submitted_on', sa.Date(), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['achievement_id'], ['achievements.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_recommendations_achievement_id'), 'recommendations', ['achievement_id'], unique=False)
    op.create_table('rollout_sites',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('achievement_id', sa.Integer(), nullable=False),
    sa.Column('unit', sa.String(length=200), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('scale', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['achievement_id'], ['achievements.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_rollout_sites_achievement_id'), 'rollout_sites', ['achievement_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_rollout_sites_achievement_id'), table_name='rollout_sites')
    op.drop_table('rollout_sites')
    op.drop_index(op.f('ix_recommendations_achievement_id'), table_name='recommendations')
    op.drop_table('recommendations')
    op.drop_index(op.f('ix_patents_achievement_id'), table_name='patents')
    op.drop_table('patents')
    op.drop_index(op.f('ix_meeting_attendees_meeting_id'), table_name='meeting_attendees')
    op.drop_table('meeting_attendees')
    op.drop_index(op.f('ix_meeting_achievements_meeting_id'), table_name='meeting_achievements')
    op.drop_table('meeting_achievements')
    op.drop_index(op.f('ix_benefits_achievement_id'), table_name='benefits')
    op.drop_table('benefits')
    op.drop_index(op.f('ix_achievement_moves_achievement_id'), table_name='achievement_moves')
    op.drop_table('achievement_moves')
    op.drop_index(op.f('ix_achievement_completers_achievement_id'), table_name='achievement_completers')
    op.drop_table('achievement_completers')
    op.drop_index(op.f('ix_achievement_awards_achievement_id'), table_name='achievement_awards')
    op.drop_table('achievement_awards')
    op.drop_table('studio_members')
    op.drop_table('meetings')
    op.drop_index(op.f('ix_achievements_studio_id'), table_name='achievements')
    op.drop_table('achievements')
    op.drop_table('studios')
    op.drop_table('attachments')
