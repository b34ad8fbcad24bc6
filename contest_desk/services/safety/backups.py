"""Backing up and restoring the database file with its attached files.

Backups are for SQLite files; a server database is IT's to back up (pg_dump), which
every call here says plainly. A manual backup and a restore leave a row in the audit
trail (the restore's row goes into the restored database, continuing its chain).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from contest_desk.domain.permissions import Action
from contest_desk.domain.records.backup import BackupInfo, Manifest
from contest_desk.services.context import ServiceContext
from contest_desk.services.permissions import open_to_all, requires
from contest_desk.storage.backup import (
    automatic_backup,
    backup_due,
    backup_name,
    backups_folder,
    local_file,
    write_backup,
)
from contest_desk.storage.restore import Restored, check_backup, restore_backup

DEFAULT_INTERVAL = dt.timedelta(hours=1)


class BackupService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.BACKUP)
    def back_up(self, to: Path | None = None) -> BackupInfo:
        """A backup into the file ``to`` (a name ending in .zip), into the folder ``to``
        (anything else), or into the backups folder (beside the database, or the one the
        desk's settings chose); manual backups are never rotated away."""
        local_file(self.ctx.db)  # a server database: refused, saying what to use instead
        if to is None:
            target = backups_folder(self.ctx.db) / backup_name("manual")
        elif to.is_dir() or to.suffix.lower() != ".zip":
            target = to / backup_name("manual")
        else:
            target = to
        info = write_backup(self.ctx.db, target)
        with self.ctx.db.transaction() as s:
            self.ctx.audit(
                s, "backup", "database", file=str(target), revision=info.manifest.revision
            )
        return info

    @requires(Action.RESTORE)
    def check(self, backup: Path) -> Manifest:
        """What ``backup`` holds, after every check a restore makes; changes nothing."""
        local_file(self.ctx.db)
        with tempfile.TemporaryDirectory() as work:
            return check_backup(backup, self.ctx.db.migrations, Path(work))

    @requires(Action.RESTORE)
    def restore(self, backup: Path) -> Restored:
        """Replace the database with ``backup`` once it has passed every check; the
        database as it was is backed up first (into the backups folder)."""
        restored = restore_backup(self.ctx.db, backup)
        with self.ctx.db.transaction() as s:
            aside = str(restored.aside.path) if restored.aside else None
            self.ctx.audit(
                s, "restore", "database", file=str(backup), revision=restored.manifest.revision,
                created_at=restored.manifest.created_at, replaced_kept_in=aside,
            )  # fmt: skip
        return restored

    @open_to_all
    def automatic(self, interval: dt.timedelta = DEFAULT_INTERVAL) -> BackupInfo | None:
        """The app's own rotating backup, when the last is older than ``interval``.

        Open to all: the window runs it on a timer whoever is logged in; it only adds a
        file to the backups folder beside the database (nothing for a server database).
        """
        if not backup_due(self.ctx.db, interval):
            return None
        return automatic_backup(self.ctx.db, "auto")
