"""A mark changed on two devices at once: the second save, made against what its device
saw, is refused with what is stored now; nothing is overwritten unseen."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from tests.builders import SmallEvent


def stored(services: Services, ev: SmallEvent, entry_id: int, code: str) -> D | None:
    sheet = services.scoring.sheet(ev.event.id, 1, ev.judges[0].id)
    return sheet.values.get((entry_id, code))


def test_a_save_against_a_stale_value_is_refused_and_names_the_stored_one(
    services: Services, small_event: SmallEvent
) -> None:
    ev, judge, entry = small_event, small_event.judges[0], small_event.entries[0]
    save = services.scoring.record_score
    # Two devices open the sheet: both see the cell empty.
    assert save(ev.event.id, 1, judge.id, entry.id, "P1", "8", expected=None) == D("8")
    with pytest.raises(UserError, match="现在是 8") as refused:
        save(ev.event.id, 1, judge.id, entry.id, "P1", "6.5", expected=None)
    assert "6.5" in refused.value.message()
    assert stored(services, ev, entry.id, "P1") == D("8")
    # Seen as it is now, the change goes through; so does clearing it.
    assert save(ev.event.id, 1, judge.id, entry.id, "P1", "6.5", expected=D("8.0")) == D("6.5")
    assert save(ev.event.id, 1, judge.id, entry.id, "P1", None, expected=D("6.5")) is None
    with pytest.raises(UserError, match="现在是 —"):
        save(ev.event.id, 1, judge.id, entry.id, "P1", "7", expected=D("6.5"))
    assert stored(services, ev, entry.id, "P1") is None


def test_a_refused_save_writes_no_audit_row(services: Services, small_event: SmallEvent) -> None:
    ev, judge, entry = small_event, small_event.judges[0], small_event.entries[0]
    services.scoring.record_score(ev.event.id, 1, judge.id, entry.id, "P2", "15")
    before = len(services.audit.records())
    with pytest.raises(UserError):
        services.scoring.record_score(ev.event.id, 1, judge.id, entry.id, "P2", "12", expected=None)
    assert len(services.audit.records()) == before
    assert services.audit.verify().intact
