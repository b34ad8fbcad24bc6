"""Writing output files whole or not at all, with a clear message when they cannot be.

Work in progress goes beside its target under a hidden name that carries the writer's
process id (``.partial-PID-…``, ``.certificates-PID-…``) and is moved into place at the
end. A process that is killed cannot remove its own; the next writer into the folder
removes those whose process is gone.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from contest_desk.errors import UserError
from contest_desk.i18n import _
from contest_desk.reports.cells import inert_workbook
from contest_desk.reports.processes import process_alive

ASIDE = re.compile(r"^\.(?:partial|certificates)-(\d+)-")
# Certificate folders from before the names carried a process id (tempfile.mkdtemp's
# eight characters): nobody can say whose they are, so only old ones go.
UNOWNED = re.compile(r"^\.certificates-[a-z0-9_]{8}$")
UNOWNED_AGE_SECONDS = 3600


# A CSV file starts with UTF-8's byte-order mark: without it Excel and WPS on a Chinese
# Windows read a CSV as GBK and show the Chinese as mojibake.
BOM = "\ufeff"


def cannot_write(target: Path, reason: object) -> UserError:
    return UserError("Cannot write {file}: {reason}", file=str(target), reason=reason)


def write_failed(target: Path, error: OSError) -> UserError:
    """The message for a target that cannot be written, said once for every writer.

    Excel and WPS lock the file they have open: replacing it fails on Windows with
    "access denied" or a sharing violation (both a PermissionError); a read-only file or
    folder, or a folder of that name in the way, is the same to the person: close it or
    choose another name. Anything else keeps the system's reason.
    """
    if isinstance(error, (PermissionError, IsADirectoryError)):
        return UserError(
            "The file is open in another program or cannot be written: {file}; "
            "close it and try again",
            file=target.name,
        )
    return cannot_write(target, error.strerror or error)


def aside_prefix(kind: str) -> str:
    """The start of a work-in-progress name of this process (``kind``: partial, certificates)."""
    return f".{kind}-{os.getpid()}-"


def _left_behind(path: Path) -> bool:
    owner = ASIDE.match(path.name)
    if owner is not None:
        return not process_alive(int(owner[1]))
    if UNOWNED.match(path.name):
        try:
            return time.time() - path.stat().st_mtime > UNOWNED_AGE_SECONDS
        except OSError:
            return False
    return False


def clear_leftovers(folder: Path) -> list[Path]:
    """Remove the work in progress that processes which are gone left in ``folder``;
    returns what was removed. Anything else, and a running process's work, stays."""
    try:
        candidates = [p for p in folder.iterdir() if p.name.startswith(".")]
    except OSError:
        return []
    removed = []
    for path in candidates:
        if not _left_behind(path):
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed.append(path)
    return removed


@contextmanager
def written_aside(target: Path, suffix: str) -> Iterator[str]:
    """A temporary path in the target's folder; moved onto ``target`` when the block ends
    well, removed when it does not — so a reader never sees half a file."""
    if not target.parent.is_dir():
        raise cannot_write(target, _("no such folder"))
    clear_leftovers(target.parent)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=aside_prefix("partial"), suffix=suffix, dir=target.parent
        )
    except OSError as error:  # a folder the person may not write into
        raise write_failed(target, error) from None
    os.close(handle)
    try:
        yield temporary
        try:
            os.replace(temporary, target)
        except OSError as error:  # the target open in Excel/WPS, read-only, a folder
            raise write_failed(target, error) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def save_workbook(workbook: Any, target: Path) -> Path:
    """Save an openpyxl workbook, whole or not at all, with no cell that runs as a formula
    (``cells.inert_workbook``: names from the data such as "=HYPERLINK(…)" stay text).
    A write-only workbook's cells are gone once appended: its writer guards each text
    cell as it appends it (``cells.inert_cell``, what ``inert_workbook`` calls)."""
    if not workbook.write_only:
        inert_workbook(workbook)
    try:
        with written_aside(target, ".xlsx") as temporary:
            workbook.save(temporary)
    except OSError as error:
        raise write_failed(target, error) from None
    return target


def save_csv(text: str, target: Path) -> Path:
    """Write CSV text (``text_table.csv_text``: every cell already made inert) whole or not
    at all, in UTF-8 with a byte-order mark so that Excel and WPS open it in Chinese."""
    with written_aside(target, ".csv") as temporary:
        Path(temporary).write_text(BOM + text, encoding="utf-8", newline="")
    return target
