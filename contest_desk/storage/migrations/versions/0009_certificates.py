"""certificates: contests' signing keys, issued certificates, saved templates

Revision ID: 0009_certificates
Revises: 0008_innovation
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_certificates"
down_revision = "0008_innovation"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('certificate_keys',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contest_id', sa.Integer(), nullable=False),
    sa.Column('private_key', sa.Text(), nullable=False),
    sa.Column('public_key', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['contest_id'], ['contests.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('contest_id')
    )
    op.create_table('certificate_templates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contest_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['contest_id'], ['contests.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('contest_id', 'name')
    )
    op.create_table('certificates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contest_id', sa.Integer(), nullable=False),
    sa.Column('serial', sa.String(length=40), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('round_number', sa.Integer(), nullable=True),
    sa.Column('entry_id', sa.Integer(), nullable=True),
    sa.Column('recipient', sa.String(length=100), nullable=False),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('qr', sa.Text(), nullable=False),
    sa.Column('qr_modules', sa.Text(), nullable=False),
    sa.Column('qr_image', sa.Text(), nullable=False),
    sa.Column('template', sa.String(length=60), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('issued_by', sa.String(length=60), nullable=False),
    sa.Column('superseded_by', sa.String(length=40), nullable=True),
    sa.Column('superseded_at', sa.DateTime(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['contest_id'], ['contests.id'], ),
    sa.ForeignKeyConstraint(['entry_id'], ['entries.id'], ),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('serial')
    )
    op.create_index(op.f('ix_certificates_contest_id'), 'certificates', ['contest_id'], unique=False)
    op.create_index(op.f('ix_certificates_source'), 'certificates', ['source'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_certificates_source'), table_name='certificates')
    op.drop_index(op.f('ix_certificates_contest_id'), table_name='certificates')
    op.drop_table('certificates')
    op.drop_table('certificate_templates')
    op.drop_table('certificate_keys')
