"""Double entry of a paper sheet: two people, compared cell by cell, confirmed by a third."""

from __future__ import annotations

from decimal import Decimal

import pytest

from contest_desk.domain.permissions import Actor, Role
from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from tests.builders import SmallEvent

D = Decimal


def staff(services: Services, name: str) -> Services:
    return services.as_user(Actor(name, frozenset({Role.ORGANIZER})))


def key_all(clerk: Services, small: SmallEvent, second: bool, odd: str | None = None) -> None:
    key = clerk.double_entry.key_second if second else clerk.double_entry.key_first
    judge = small.judges[0].id
    for n, entry in enumerate(small.entries):
        for code in ("P1", "P2"):
            value = odd if (odd and n == 0 and code == "P1") else "8"
            key(small.event.id, 1, judge, entry.id, code, value)


def test_two_passes_agree_and_a_third_person_confirms(services, small_event) -> None:
    first, second, third = (staff(services, n) for n in ("clerk1", "clerk2", "clerk3"))
    key_all(first, small_event, second=False)
    with pytest.raises(UserError, match="另一人"):
        key_all(first, small_event, second=True)
    key_all(second, small_event, second=True, odd="7")
    judge = small_event.judges[0].id
    result = third.double_entry.compare(small_event.event.id, 1, judge)
    entry = small_event.entries[0].id
    assert result.mismatches == ((entry, "P1"),) and result.missing == ()
    assert (result.first_totals[entry], result.second_totals[entry]) == (D(16), D(15))
    with pytest.raises(UserError, match="1 格不一致"):
        third.double_entry.confirm(small_event.event.id, 1, judge)
    # Settled against the paper: the second pass had it wrong.
    second.double_entry.key_second(small_event.event.id, 1, judge, entry, "P1", "8")
    with pytest.raises(UserError, match="录入者不能确认"):
        first.double_entry.confirm(small_event.event.id, 1, judge)
    third.double_entry.confirm(small_event.event.id, 1, judge)
    sheet = services.scoring.sheet(small_event.event.id, 1, judge)
    assert sheet.state == "submitted"
    assert third.double_entry.compare(small_event.event.id, 1, judge).confirmed_by == "clerk3"


def test_only_one_person_keys_the_first_pass(services, small_event) -> None:
    key_all(staff(services, "clerk1"), small_event, second=False)
    with pytest.raises(UserError, match="clerk1"):
        key_all(staff(services, "clerk2"), small_event, second=False)
