"""The user's own folders (platformdirs), with nothing heavy imported: the launch names the
default database before SQLAlchemy and storage are loaded (they load off the window's
thread, ui/start_login.py)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_DIR = "ContestDesk"


def default_database_path() -> Path:
    """contest-desk.db in the user's data directory (e.g. %APPDATA%\\ContestDesk on Windows)."""
    return Path(platformdirs.user_data_dir(APP_DIR, appauthor=False)) / "contest-desk.db"
