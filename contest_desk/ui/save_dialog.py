"""The one save-file dialog of the window: a name typed without its extension gets the
chosen type's (公示 → 公示.pdf), and a file that the added extension makes an existing one
is not overwritten without asking (Qt's dialog asked only about the name as typed)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from contest_desk.i18n import _
from contest_desk.ui.ask import ask_go

_PATTERN = re.compile(r"\*(\.[\w.]+)")


def extensions(name_filter: str) -> list[str]:
    """'Excel (*.xlsx)' → ['.xlsx'], lower case, in order; several filters joined by ';;'
    give all of theirs."""
    return [found.lower() for found in _PATTERN.findall(name_filter)]


def with_extension(path: str, chosen: str, offered: str) -> str:
    """``path`` as typed, or with the chosen filter's first extension added when it ends
    in none of the ``offered`` ones ('2026.05' is not a type, so it becomes '2026.05.pdf')."""
    wanted = extensions(chosen) or extensions(offered)
    if not wanted or any(path.lower().endswith(ext) for ext in extensions(offered)):
        return path
    return path + wanted[0]


def ask_overwrite(parent: QWidget | None, path: str) -> bool:
    """Whether to replace an existing file; looked up at call time so tests can answer."""
    text = _("{file} already exists. Replace it?", file=path)
    return ask_go(parent, _("Replace the file?"), text, _("Replace"), _("Do not replace"), True)


def ask_save_path(
    parent: QWidget | None, title: str, name_filter: str, suggested: str = ""
) -> str | None:
    """Where to save, with the extension of the chosen type; None when cancelled."""
    path, chosen = QFileDialog.getSaveFileName(parent, title, suggested, name_filter)
    if not path:
        return None
    full = with_extension(path, chosen, name_filter)
    if full != path and Path(full).exists() and not ask_overwrite(parent, full):
        return None
    return full
