"""What the command-line tests share: the demo's ids and accounts, running main()."""

from __future__ import annotations

import pytest

from contest_desk.cli import main
from contest_desk.domain.records.contests import EntryInfo
from contest_desk.services.hub import Services

OIL, WELDING, INSTRUMENTS = 1, 2, 3  # event ids of the demo in a new database
AS_ORGANIZER = ("--user", "organizer")  # the demo's account; its password comes from the env


def with_organizer(path: str) -> str:
    """A database with no contests yet and the demo's organizer account in it."""
    services = Services.open(path)
    services.users.create_first_admin("admin", "管理员", "admin-2026")
    services.users.add_user("organizer", "赵晓梅", "organizer-2026", ["organizer"])
    services.ctx.db.dispose()
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["--lang", "en", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def demo_with_entry(path: str) -> tuple[str, EntryInfo]:
    """The demo database at ``path`` (a copy of its own), and the first entry of its
    instruments event."""
    services = Services.open(path)
    entry = services.roster.entries(INSTRUMENTS)[0]
    services.ctx.db.dispose()
    return path, entry
