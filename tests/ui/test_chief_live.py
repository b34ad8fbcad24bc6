"""The chief judge's desk, live: a mark saved elsewhere (a judge's phone through the hub,
on its own connection to the database) shows on the board with its device, no click."""

from __future__ import annotations

import datetime as dt

from contest_desk.domain.permissions import Actor, Role
from contest_desk.services.hub import Services
from contest_desk.storage.db import open_database
from contest_desk.ui.chief import live
from contest_desk.ui.chief.area import ChiefArea
from contest_desk.ui.state import AppState
from tests.ui import test_scoring_models as shared
from tests.ui.test_roles import accounts
from tests.ui.test_scoring_models import SmallEvent

language = shared.language
services = shared.services
small = shared.small
accounts = accounts

PHONE = "192.168.1.23"


def test_a_mark_from_a_phone_shows_on_the_board_with_its_device(
    qtbot, accounts: Services, small: SmallEvent
) -> None:
    chief = accounts.as_user(accounts.users.authenticate("chief", "chief-pass"))
    area = ChiefArea(chief, AppState())
    qtbot.addWidget(area)
    area.show()
    first = area.sheets.record(0)
    assert (first.filled, first.last_mark_at, first.device) == (0, None, "")
    assert area.sheets.index(0, 4).data() == "—"

    # The hub: its own database connection, acting for the judge, from the phone's address.
    db = open_database(accounts.ctx.db.url)
    try:
        phone = Services.build(db, Actor("judge1", frozenset({Role.JUDGE})), PHONE)
        entry = small.entries[0].id
        phone.scoring.record_score(small.event_id, 1, small.judges[0], entry, "P1", "2")
        for judge in small.judges[1:]:  # the others mark high: a discrepancy flag
            chief.scoring.record_score(small.event_id, 1, judge, entry, "P1", "9")
    finally:
        db.dispose()

    # No click, no announcement: the desk's own timer finds the change.
    qtbot.waitUntil(lambda: area.sheets.index(0, 4).data() == PHONE, timeout=5000)
    assert area.sheets.index(0, 2).data() == "1 / 8"
    assert area.sheets.index(0, 3).data().endswith("（刚刚）")
    qtbot.waitUntil(lambda: area.flags.rowCount() == 1, timeout=5000)
    assert area.flags.index(0, 2).data() == "2 / 9 / 9"


def test_the_desk_asks_nothing_while_hidden(qtbot, accounts: Services, small) -> None:
    chief = accounts.as_user(accounts.users.authenticate("chief", "chief-pass"))
    area = ChiefArea(chief, AppState())
    qtbot.addWidget(area)
    area.show()
    assert area.watch.timer.isActive()
    area.hide()
    assert not area.watch.timer.isActive()


def test_last_activity_reads_in_local_time_with_how_long_ago(language) -> None:
    now = dt.datetime(2026, 5, 12, 2, 0, 0)
    local = (now - dt.timedelta(minutes=3)).replace(tzinfo=dt.UTC).astimezone()
    assert live.activity_text(now - dt.timedelta(minutes=3), now) == (
        f"{local:%H:%M:%S}（3 分钟前）"
    )
    assert live.activity_text(now - dt.timedelta(hours=2), now).endswith("（2 小时前）")
    assert live.activity_text(None, now) == "—"
