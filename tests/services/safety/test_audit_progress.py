"""audit.py: the chain check reports each of its three checks and stops at a Cancel."""

from __future__ import annotations

import pytest

from contest_desk.errors import Cancelled
from contest_desk.services.hub import Services
from tests.builders import SmallEvent
from tests.services.safety.test_audit import score_some


def test_the_check_reports_its_steps_and_answers_as_without_progress(
    services: Services, small_event: SmallEvent
) -> None:
    score_some(services, small_event)
    told: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        told.append((done, total))
        return True

    check = services.audit.verify(progress=progress)
    assert told == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert check == services.audit.verify()
    assert check.intact and check.rows == len(services.audit.records())


@pytest.mark.parametrize("stop_at", [0, 1, 3])
def test_a_cancel_stops_the_check(services: Services, small_event: SmallEvent, stop_at) -> None:
    score_some(services, small_event)
    told: list[int] = []

    def progress(done: int, total: int) -> bool:
        told.append(done)
        return done < stop_at

    with pytest.raises(Cancelled):
        services.audit.verify(progress=progress)
    assert told[-1] == stop_at
