"""Writing output files whole or not at all, with a clear message when they cannot be."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from contest_desk.errors import UserError
from contest_desk.i18n import _


def cannot_write(target: Path, reason: object) -> UserError:
    return UserError("Cannot write {file}: {reason}", file=str(target), reason=reason)


@contextmanager
def written_aside(target: Path, suffix: str) -> Iterator[str]:
    """A temporary path in the target's folder; moved onto ``target`` when the block ends
    well, removed when it does not — so a reader never sees half a file."""
    if not target.parent.is_dir():
        raise cannot_write(target, _("no such folder"))
    handle, temporary = tempfile.mkstemp(suffix=suffix, dir=target.parent)
    os.close(handle)
    try:
        yield temporary
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def save_workbook(workbook: Any, target: Path) -> Path:
    """Save an openpyxl workbook, whole or not at all."""
    try:
        with written_aside(target, ".xlsx") as temporary:
            workbook.save(temporary)
    except OSError as error:
        raise cannot_write(target, error.strerror or error) from None
    return target
