"""a save's path: an index on criteria.parent_id (every save asks whether its criterion is
a group; SQLite scanned the whole criteria table for it), and the audit chain's head
moved on by a trigger as each audit row is inserted, instead of a statement of the
app's own after the rows (storage/audit_log.py: one statement fewer in every change;
on PostgreSQL two: the trigger also tells the listening desks, as the app did).

The trigger moves the head forward only (a row with a lower seq leaves it), so copying
a database (rows in seq order, the head copied first) leaves the source's head as it is.

Revision ID: 0016_save_path
Revises: 0015_edit_versions
Create Date: 2026-12-05
"""

from alembic import op

revision = "0016_save_path"
down_revision = "0015_edit_versions"
branch_labels = None
depends_on = None

_SQLITE_TRIGGER = """
CREATE TRIGGER audit_head_follows AFTER INSERT ON audit_log
BEGIN
    UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1 AND seq < NEW.seq;
END
"""
# PostgreSQL: and the listening desks told the new head at the commit (storage/changes.py,
# whose channel this is; a notification sent in a transaction is delivered only if it
# commits), when the head moved: a copy's rows below the head tell nobody.
_PG_FUNCTION = """
CREATE FUNCTION audit_head_follows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1 AND seq < NEW.seq;
    IF FOUND THEN
        PERFORM pg_notify('contest_desk_changes', NEW.seq::text);
    END IF;
    RETURN NULL;
END
$$
"""
_PG_TRIGGER = """
CREATE TRIGGER audit_head_follows AFTER INSERT ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_head_follows()
"""


def upgrade() -> None:
    with op.batch_alter_table("criteria") as batch:
        batch.create_index("ix_criteria_parent", ["parent_id"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        op.execute(_SQLITE_TRIGGER)
    else:
        op.execute(_PG_FUNCTION)
        op.execute(_PG_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER audit_head_follows")
    else:
        op.execute("DROP TRIGGER audit_head_follows ON audit_log")
        op.execute("DROP FUNCTION audit_head_follows()")
    with op.batch_alter_table("criteria") as batch:
        batch.drop_index("ix_criteria_parent")
