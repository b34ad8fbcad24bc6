"""Copying a whole database into a new one, SQLite or PostgreSQL either way (``copy``).

No account is asked for: the copy works with the databases' own credentials (the
rights on a file, a server role's password), as the server's own dump tools do, and the
target has no accounts until it is made. It changes nothing in the source; see
storage/copying.py for how the target is made all or nothing.
"""

from __future__ import annotations

from pathlib import Path

from contest_desk.domain.records.copying import CopyProgress, CopyReport
from contest_desk.storage import copying
from contest_desk.storage.copying import CopyMismatch as CopyMismatch
from contest_desk.storage.copying import shown as shown


def copy_database(
    source: str,
    target: str,
    source_files: Path | None = None,
    target_files: Path | None = None,
    allow_missing_files: bool = False,
    progress: CopyProgress | None = None,
) -> CopyReport:
    """Copy ``source`` into ``target`` (new or empty) with its attached files, checked
    before it is kept: rows per table and the audit chain. Raises CopyMismatch (with
    its report) when the check fails, a UserError for anything else a person can fix;
    either way the target is left as it was."""
    return copying.copy_database(
        source, target, source_files, target_files, allow_missing_files, progress
    )
