"""The chief judge's desk, live: how a sheet's last activity reads ("14:03:07，3 分钟前").

The desk reloads on a change counter (ChangeWatch, ui/live.py): ``hub.hall.changes()``, the
audit trail's head, which every saved mark, submit, flag and lock moves, from any desk or
phone; the window's watcher tells each move, or the desk asks every second.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication


def activity_text(at: dt.datetime | None, now: dt.datetime) -> str:
    """``at`` and ``now`` naive UTC, as stored; shown in the desk's local time with how
    long ago: the chief judge sees at a glance who has stopped marking."""
    if at is None:
        return "—"
    local = at.replace(tzinfo=dt.UTC).astimezone()
    shown = local.strftime("%H:%M:%S")
    if local.date() != now.replace(tzinfo=dt.UTC).astimezone().date():
        shown = local.strftime("%m-%d %H:%M:%S")
    seconds = max(0, int((now - at).total_seconds()))
    translate = QCoreApplication.translate
    if seconds < 60:
        ago = translate("ChiefArea", "just now")
    elif seconds < 3600:
        ago = translate("ChiefArea", "{minutes} min ago").format(minutes=seconds // 60)
    else:
        ago = translate("ChiefArea", "{hours} h ago").format(hours=seconds // 3600)
    return translate("ChiefArea", "{time} ({ago})").format(time=shown, ago=ago)
