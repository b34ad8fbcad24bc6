"""Conflicts by unit and the balanced assignment of judges to entries."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contest_desk.domain.assignment import balanced_assignment, same_unit, top_unit
from contest_desk.errors import UserError


def test_units_conflict_by_their_top_level_unit() -> None:
    assert top_unit("采油一区/采油一班") == "采油一区"
    assert same_unit("采油一区/技术室", ["采油一区/采油二班"])
    assert same_unit("采油一区", ["采油二区/注水班", "采油一区/采油一班"])  # a team member
    assert not same_unit("培训中心/技能鉴定站", ["采油一区/采油一班"])
    assert not same_unit("", ["采油一区"])


def test_every_entry_gets_its_judges_and_loads_are_even() -> None:
    plan = balanced_assignment(list(range(1, 11)), [101, 102, 103, 104, 105], 3)
    assert all(len(judges) == 3 for judges in plan.judges_of.values())
    assert sorted(plan.load().values()) == [6, 6, 6, 6, 6]
    assert plan.short == {}


def test_conflicts_are_never_assigned_and_shortfalls_are_reported() -> None:
    excluded = {1: frozenset({101, 102}), 2: frozenset({101, 102, 103})}
    plan = balanced_assignment([1, 2, 3], [101, 102, 103], 2, excluded)
    assert plan.judges_of[1] == (103,)
    assert plan.judges_of[2] == ()
    assert plan.short == {1: 1, 2: 2}
    assert plan.judges_of[3] == (101, 102)  # the two with the lightest load


def test_a_panel_needs_a_judge_per_entry() -> None:
    with pytest.raises(UserError):
        balanced_assignment([1], [101], 0)


@given(
    entries=st.integers(min_value=1, max_value=40),
    judges=st.integers(min_value=1, max_value=9),
    per_entry=st.integers(min_value=1, max_value=9),
    conflicts=st.sets(st.tuples(st.integers(0, 39), st.integers(0, 8)), max_size=30),
)
def test_assignment_properties(entries, judges, per_entry, conflicts) -> None:
    entry_ids = list(range(entries))
    judge_ids = [100 + j for j in range(judges)]
    excluded: dict[int, frozenset[int]] = {}
    for e, j in conflicts:
        if e < entries and j < judges:
            excluded[e] = excluded.get(e, frozenset()) | {100 + j}
    plan = balanced_assignment(entry_ids, judge_ids, per_entry, excluded)
    for entry, assigned in plan.judges_of.items():
        assert not set(assigned) & excluded.get(entry, frozenset())
        assert len(set(assigned)) == len(assigned)
        eligible = judges - len(excluded.get(entry, frozenset()))
        assert len(assigned) == min(per_entry, eligible)
        assert plan.short.get(entry, 0) == per_entry - len(assigned)
    if not excluded:
        loads = [plan.load().get(j, 0) for j in judge_ids]
        assert max(loads) - min(loads) <= 1
