"""Scores in, standings out: the service path end to end on a real database."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from contest_desk.domain.aggregation import Aggregation, AggregationRule
from contest_desk.domain.awards import AwardLevel, AwardMode, AwardRule
from contest_desk.domain.ranking import TieBreak, TieBreakKind
from contest_desk.domain.records.contests import EventSettings
from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.storage import models as m
from tests.builders import SmallEvent

D = Decimal


def score_all(
    services: Services, ev: SmallEvent, marks: dict[int, tuple[str, str, str, str]]
) -> None:
    """marks: entry index → (theory, P1 for every judge, P2 for every judge, M1)."""
    for index, (theory, p1, p2, m1) in marks.items():
        entry = ev.entries[index]
        services.scoring.record_score(ev.event.id, 1, ev.judges[0].id, entry.id, "T1", theory)
        services.scoring.record_score(ev.event.id, 1, ev.judges[0].id, entry.id, "M1", m1)
        for judge in ev.judges:
            services.scoring.record_score(ev.event.id, 1, judge.id, entry.id, "P1", p1)
            services.scoring.record_score(ev.event.id, 1, judge.id, entry.id, "P2", p2)


def score_count(services: Services) -> int:
    with services.ctx.db.reading() as s:
        return s.scalar(select(func.count()).select_from(m.Score)) or 0


@pytest.mark.parametrize(
    ("value", "reason"),
    [("11", "超出 0–10"), ("8.3", "步长 0.5"), ("abc", "不是数字"), ("-1", "超出 0–10")],
)
def test_a_bad_value_is_refused_with_its_reason(
    services: Services, small_event: SmallEvent, value: str, reason: str
) -> None:
    ev = small_event
    with pytest.raises(UserError, match=reason):
        services.scoring.record_score(
            ev.event.id, 1, ev.judges[0].id, ev.entries[0].id, "P1", value
        )
    assert score_count(services) == 0


def test_unknown_criterion_and_judge_off_the_panel_are_refused(
    services: Services, small_event: SmallEvent
) -> None:
    ev = small_event
    with pytest.raises(UserError, match="X9"):
        services.scoring.record_score(ev.event.id, 1, ev.judges[0].id, ev.entries[0].id, "X9", "1")
    outsider = services.roster.add_judge(ev.event.contest_id, "j9", "场外裁判")
    with pytest.raises(UserError, match="场外裁判"):
        services.scoring.record_score(ev.event.id, 1, outsider.id, ev.entries[0].id, "P1", "1")
    assert score_count(services) == 0


def test_an_objective_value_is_shared_and_replaced_not_duplicated(
    services: Services, small_event: SmallEvent
) -> None:
    ev = small_event
    entry = ev.entries[0].id
    services.scoring.record_score(ev.event.id, 1, ev.judges[0].id, entry, "M1", "0.3")
    services.scoring.record_score(ev.event.id, 1, ev.judges[1].id, entry, "M1", "0.1")
    assert score_count(services) == 1
    assert services.scoring.sheet(ev.event.id, 1, ev.judges[2].id).values[(entry, "M1")] == D("0.1")
    services.scoring.record_score(ev.event.id, 1, ev.judges[1].id, entry, "M1", "")
    assert score_count(services) == 0


def test_standings_rank_weight_and_award(services: Services, small_event: SmallEvent) -> None:
    ev = small_event
    settings = EventSettings(
        AggregationRule(Aggregation.MEAN),
        judges_per_entry=3,
        places=2,
        tie_breaks=(TieBreak(TieBreakKind.PART, "实操"),),
        award_rule=AwardRule(
            AwardMode.COUNTS, (AwardLevel("一等奖", D(1)), AwardLevel("二等奖", D(1)))
        ),
    )
    services.contests.update_event(ev.event.id, ev.event.name, settings)
    score_all(
        services,
        ev,
        {
            0: ("90", "9", "18", "0"),  # practical 9 + 18 + 10 = 37
            1: ("80", "10", "19", "0.25"),  # M1: 0.15 beyond → 2 started units → 10 − 4 = 6; 35
            2: ("100", "8", "17", "0.1"),  # practical 35
        },
    )
    services.scoring.record_score(ev.event.id, 1, ev.judges[0].id, ev.entries[2].id, "S1", "2")
    table = services.standings.standings(ev.event.id)
    by_name = {r.entry.label: r for r in table.rows}
    # 0.3 × theory + 0.7 × practical (P1 + P2 + M1 points − S1):
    # 张伟 30 + 0.7 × (8 + 17 + 10 − 2); 王建国 27 + 0.7 × 37; 李明 24 + 0.7 × (10 + 19 + 6),
    # where M1 0.25 is 0.15 beyond tolerance: two started 0.1 units, 2 points each.
    assert [(r.entry.label, r.rank, r.total, r.award) for r in table.rows] == [
        ("张伟", 1, D("53.10"), "一等奖"),
        ("王建国", 2, D("52.90"), "二等奖"),
        ("李明", 3, D("48.50"), None),
        ("刘洋", 4, D("0.00"), None),
    ]
    assert by_name["张伟"].part_totals == {"理论": D("100.00"), "实操": D("33.00")}
    assert by_name["张伟"].tie_values == (D("33.00"),)
    assert by_name["刘洋"].complete is False
    assert by_name["刘洋"].missing == 1 + 1 + 3 + 3  # T1, M1, and three judges on P1 and P2


def test_a_missing_judge_is_left_out_not_counted_as_zero(
    services: Services, small_event: SmallEvent
) -> None:
    ev = small_event
    score_all(services, ev, {0: ("90", "9", "18", "0")})
    services.scoring.record_score(ev.event.id, 1, ev.judges[2].id, ev.entries[0].id, "P1", "")
    row = services.standings.standings(ev.event.id).rows[0]
    assert row.total == D("52.90")  # the two remaining 9s still average 9
    assert (row.complete, row.missing) == (False, 1)


def test_a_tie_is_broken_by_the_practical_part(services: Services, small_event: SmallEvent) -> None:
    ev = small_event
    tie = EventSettings(
        AggregationRule(Aggregation.MEAN),
        judges_per_entry=3,
        tie_breaks=(TieBreak(TieBreakKind.PART, "实操"),),
    )
    services.contests.update_event(ev.event.id, ev.event.name, tie)
    # Identical marks: equal totals and equal practical parts.
    score_all(services, ev, {0: ("70", "10", "20", "0"), 1: ("70", "10", "20", "0")})
    rows = services.standings.standings(ev.event.id).rows
    assert [r.rank for r in rows[:2]] == [1, 1]  # fully equal: they share the rank
    services.scoring.record_time(ev.event.id, 1, ev.entries[1].id, D(300))
    services.scoring.record_time(ev.event.id, 1, ev.entries[0].id, D(310))
    timed = EventSettings(
        AggregationRule(Aggregation.MEAN),
        judges_per_entry=3,
        tie_breaks=(TieBreak(TieBreakKind.PART, "实操"), TieBreak(TieBreakKind.TIME)),
    )
    services.contests.update_event(ev.event.id, ev.event.name, timed)
    rows = services.standings.standings(ev.event.id).rows
    assert [(r.entry.label, r.rank) for r in rows[:2]] == [("李明", 1), ("王建国", 2)]


def test_median_and_trimmed_rules_agree_with_the_marks(
    services: Services, small_event: SmallEvent
) -> None:
    ev = small_event
    entry = ev.entries[0].id
    for judge, value in zip(ev.judges, ["4", "6", "10"], strict=True):
        services.scoring.record_score(ev.event.id, 1, judge.id, entry, "P1", value)
    expected = {
        AggregationRule(Aggregation.MEDIAN): D("6"),
        AggregationRule(Aggregation.MEAN): D("6.67"),
        AggregationRule(Aggregation.SUM): D("20"),
        AggregationRule(Aggregation.TRIMMED_MEAN, 1): D("6"),
    }
    for rule, points in expected.items():
        services.contests.update_event(
            ev.event.id, ev.event.name, EventSettings(rule, judges_per_entry=3)
        )
        row = next(r for r in services.standings.standings(ev.event.id).rows if r.entry.id == entry)
        assert row.part_totals["实操"] == points, rule


def test_too_small_a_panel_for_the_trimmed_mean_is_refused(
    services: Services, small_event: SmallEvent
) -> None:
    ev = small_event
    services.contests.update_event(
        ev.event.id,
        ev.event.name,
        EventSettings(AggregationRule(Aggregation.TRIMMED_MEAN, 2), judges_per_entry=5),
    )
    with pytest.raises(UserError, match="多于 4 名裁判，本组只有 3 名"):
        services.standings.standings(ev.event.id)
