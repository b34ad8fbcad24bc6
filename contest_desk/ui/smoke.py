"""The headless start check of a built bundle (`make bundle-test`): with CONTEST_DESK_SMOKE=1
the app prints the title of its first shown window (set-up, log-in or an error), closes it
and leaves, so that a frozen build can show that its window opens without anyone at it."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog

SMOKE_ENV = "CONTEST_DESK_SMOKE"
# A window with this dynamic property true waits for work behind it (the log-in while the
# database opens, ui/start_login.py): the window to check is the one shown once that is done.
BUSY = "busy"


def arm(app: QApplication) -> None:
    """Close the first window once it is shown, when SMOKE_ENV is 1; otherwise nothing."""
    if os.environ.get(SMOKE_ENV) != "1":
        return

    def close_shown() -> None:
        # Not the progress of work before it, nor the log-in while the database opens
        # behind it (ui/start_login.py): the window that follows is the one to check.
        shown = [
            widget
            for widget in app.topLevelWidgets()
            if widget.isVisible()
            and not isinstance(widget, QProgressDialog)
            and not widget.property(BUSY)
        ]
        if not shown:  # the first window is not up yet: look again once it may be
            QTimer.singleShot(20, close_shown)
            return
        for widget in shown:
            if sys.stdout is not None:  # None in a windowed program on Windows
                print(f"shown: {widget.windowTitle()}", flush=True)
            if isinstance(widget, QDialog):
                widget.reject()
            else:
                widget.close()

    QTimer.singleShot(0, close_shown)
