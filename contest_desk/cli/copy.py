"""``contest-desk copy --from URL --to URL``: a whole database into a new or empty one,
SQLite or PostgreSQL either way, with its attached files, checked after the copy.

Unlike the other commands it does not open ``--db``: it names both databases itself.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from contest_desk.cli.core import (
    FOUND_WRONG,
    OK,
    Groups,
    add_format,
    as_json,
    command,
    err,
    out,
    wants_json,
)
from contest_desk.i18n import _

if TYPE_CHECKING:
    from contest_desk.domain.records.copying import CopyReport

MISMATCH = 1  # the copy did not match its source (and was not kept)
EVERY_ROWS = 50_000  # how often a long table is reported when stderr is not a terminal


class Progress:
    """Rows copied per table on stderr: one line rewritten in place on a terminal; in a
    log, a line per table and every EVERY_ROWS rows of a long one."""

    def __init__(self) -> None:
        self.terminal = sys.stderr.isatty()
        self.last = 0

    def __call__(self, table: str, done: int, total: int) -> None:
        if total == 0:
            return
        line = _("{table}: {done}/{total} rows", table=table, done=done, total=total)
        if self.terminal:
            sys.stderr.write("\r" + line + ("\n" if done == total else ""))
            sys.stderr.flush()
        elif done == total or done // EVERY_ROWS != self.last // EVERY_ROWS:
            err(line)
        self.last = 0 if done == total else done


def _tables(report: CopyReport) -> list[str]:
    from contest_desk.reports.text_table import aligned

    head = [_("Database table"), _("Source rows"), _("Copy rows")]
    rows = [[t.name, str(t.source), str(t.target)] for t in report.tables]
    return aligned([head, *rows], numeric={1, 2})


def _data(args: argparse.Namespace, report: CopyReport) -> dict[str, object]:
    from contest_desk.services.safety.db_copy import shown

    return {
        "source": shown(args.source) if "://" in args.source else args.source,
        "target": shown(args.target) if "://" in args.target else args.target,
        "tables": {t.name: {"source": t.source, "target": t.target} for t in report.tables},
        "rows": report.rows,
        "seconds": round(report.seconds, 3),
        "files": report.files,
        "missing_files": list(report.missing_files),
        "audit_chain": {"rows": report.chain_rows, "broken_at": report.chain_broken_at},
    }


def _copy(_services: object, args: argparse.Namespace) -> int:
    """JSON: ``{"source", "target", "tables": {name: {"source", "target"}}, "rows",
    "seconds", "files", "missing_files", "audit_chain": {"rows", "broken_at"}}``."""
    from contest_desk.services.safety.db_copy import CopyMismatch, copy_database

    try:
        report = copy_database(
            args.source,
            args.target,
            Path(args.from_files) if args.from_files else None,
            Path(args.to_files) if args.to_files else None,
            args.allow_missing_files,
            None if wants_json(args) else Progress(),
        )
    except CopyMismatch as mismatch:
        out("\n".join(_tables(mismatch.report)))
        err(_("Error: {reason}", reason=mismatch.message()))
        return MISMATCH
    if wants_json(args):
        out(as_json(_data(args, report)))
    else:
        rate = report.rows / report.seconds if report.seconds else 0
        out("\n".join(_tables(report)))
        out(_("{rows} rows copied in {seconds:.1f} s ({rate:.0f} rows/s); {files} attached"
              " file(s), each checked by its SHA-256", rows=report.rows,
              seconds=report.seconds, rate=rate, files=report.files))  # fmt: skip
    if report.missing_files:
        err(_("Copied without these missing attached files: {names}",
              names="; ".join(report.missing_files)))  # fmt: skip
    if report.chain_broken_at is not None:
        err(_("The audit chain is broken at row {seq} in the source, and so in the copy",
              seq=report.chain_broken_at))  # fmt: skip
        return FOUND_WRONG
    if not wants_json(args):
        out(_("The audit chain is intact ({rows} rows)", rows=report.chain_rows))
    return OK


def add_commands(groups: Groups) -> None:
    text = _("copy a whole database into a new or empty one (SQLite or PostgreSQL), files too")
    sub = command(groups.commands, "copy", _copy, text)
    sub.set_defaults(own_database=True)  # both databases named here, never --db
    sub.add_argument("--from", dest="source", required=True, metavar="PATH_OR_URL",
                     help=_("the database to copy (left as it is)"))  # fmt: skip
    sub.add_argument("--to", dest="target", required=True, metavar="PATH_OR_URL",
                     help=_("a new database file, or an empty database on a server"))  # fmt: skip
    sub.add_argument(
        "--from-files",
        metavar="DIR",
        help=_("where the source's attached files are (default: its own folder)"),
    )
    sub.add_argument(
        "--to-files",
        metavar="DIR",
        help=_(
            "where the copy's attached files go (default: its own folder; for a server, the"
            " shared folder every desk's CONTEST_DESK_FILES names)"
        ),
    )
    sub.add_argument(
        "--allow-missing-files",
        action="store_true",
        help=_("copy even when attached files are missing from the source's folder"),
    )
    add_format(sub)
