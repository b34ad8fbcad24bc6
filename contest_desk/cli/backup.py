"""``contest-desk backup`` and ``contest-desk restore``: the database file with its
attached files, into one zip file and back (see README, "Backups and upgrades")."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from contest_desk.cli.core import OK, Groups, add_format, command, err, out, said
from contest_desk.errors import UserError
from contest_desk.i18n import _

if TYPE_CHECKING:
    from contest_desk.domain.records.backup import Manifest
    from contest_desk.services.hub import Services

YES = ("yes", "y", "是")


def _describe(manifest: Manifest) -> str:
    rows = sum(n for table, n in manifest.tables.items() if table != "alembic_version")
    return _(
        "made {when} at revision {revision}: {rows} rows in {tables} tables,"
        " {files} attached file(s)",
        when=manifest.created_at,
        revision=manifest.revision,
        rows=rows,
        tables=len(manifest.tables),
        files=len(manifest.files),
    )


def _backup(services: Services, args: argparse.Namespace) -> int:
    """JSON: ``{"file", "missing_files": [...]}``."""
    info = services.backups.back_up(Path(args.to) if args.to else None)
    missing = list(info.manifest.missing_files)
    text = _("Backup written to {file}, {what}", file=str(info.path), what=_describe(info.manifest))
    said(args, text, file=str(info.path), missing_files=missing)
    if missing:
        err(
            _(
                "{n} attached file(s) are missing or changed in the file store and are not"
                " in the backup: {names}",
                n=len(missing),
                names=", ".join(missing),
            )
        )
    return OK


def _confirmed(database: str) -> bool:
    if not sys.stdin.isatty():
        raise UserError("Restoring replaces {file}: add --yes to go ahead", file=database)
    answer = input(_("Replace {file} with this backup? Type yes to go ahead: ", file=database))
    return answer.strip().lower() in YES


def _restore(services: Services, args: argparse.Namespace) -> int:
    # Registered as a command that runs without a log-in so that a new, empty file (no
    # accounts to log in with) can be restored into; any other database needs the
    # --user of an administrator, and the service checks that role.
    if not args.user:
        if services.users.has_users():
            raise UserError(
                "Restoring replaces the database: say who you are with --user NAME"
                " (an administrator)"
            )
        from contest_desk.services.hub import Services

        services = Services.build(services.ctx.db)  # no accounts yet: nothing to protect
    backup = Path(args.file)
    manifest = services.backups.check(backup)
    database = str(services.ctx.db.sqlite_path)
    out(_("{file} passed every check: {what}", file=backup.name, what=_describe(manifest)))
    if not args.yes and not _confirmed(database):
        raise UserError("Nothing was restored")
    restored = services.backups.restore(backup)
    out(_("{database} restored from {file}", database=database, file=backup.name))
    if restored.aside is not None:
        out(_("The database as it was is kept in {file}", file=str(restored.aside.path)))
    return OK


def add_commands(groups: Groups) -> None:
    commands = groups.commands
    sub = command(
        commands, "backup", _backup, _("back up the database and its attached files (zip)")
    )
    sub.add_argument(
        "--to",
        metavar="FILE_OR_DIR",
        help=_("a .zip file, or a folder (default: the backups folder beside the database)"),
    )
    add_format(sub)
    sub = command(
        commands, "restore", _restore, _("replace the database with a checked backup"), True
    )
    sub.add_argument("file", metavar="FILE.zip")
    sub.add_argument("--yes", action="store_true", help=_("do not ask before replacing"))
