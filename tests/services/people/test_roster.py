"""The roster's counts: what the contests listing shows for each event."""

from __future__ import annotations

from contest_desk.services.hub import Services
from tests.builders import SmallEvent


def test_entry_counts_give_each_event_its_number_of_entries(
    services: Services, small_event: SmallEvent
) -> None:
    other = services.contests.create_event(small_event.event.contest_id, "空项目")
    counts = services.roster.entry_counts()
    assert counts[small_event.event.id] == len(services.roster.entries(small_event.event.id))
    assert counts[small_event.event.id] == len(small_event.entries) > 0
    assert other.id not in counts
