"""standings.py: ranked, rounded totals with tie-break values and award levels."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from contest_desk.domain.awards import AwardLevel, AwardMode, AwardRule
from contest_desk.domain.numbers import round_half_up
from contest_desk.domain.ranking import TieBreak, TieBreakKind
from contest_desk.domain.scoring import EntryResult
from contest_desk.domain.standings import Standing, rank_results

D = Decimal
FIRST, SECOND, THIRD = "一等奖", "二等奖", "三等奖"
CRIT = TieBreak(TieBreakKind.CRITERION, "A2")
PART = TieBreak(TieBreakKind.PART, "实操")
TIME = TieBreak(TieBreakKind.TIME)
CHINESE_RULES = (CRIT, PART, TIME)
COUNTS = AwardRule(
    AwardMode.COUNTS,
    (AwardLevel(FIRST, D(1)), AwardLevel(SECOND, D(2)), AwardLevel(THIRD, D(3))),
)


def result(
    entry_id: int, total: str, crit: str = "0", part: str = "0", missing: int = 0
) -> EntryResult:
    return EntryResult(
        entry_id,
        D(total),
        {1: D(total)},
        {"实操": D(part), "理论": D(0)},
        {"A2": D(crit)},
        missing,
    )


def by_id(rows: list[Standing]) -> dict[int, Standing]:
    return {row.entry_id: row for row in rows}


def test_competition_ranking_on_totals():
    rows = rank_results(
        [result(1, "80"), result(2, "95"), result(3, "90"), result(4, "90"), result(5, "70")],
        (),
        None,
        places=2,
    )
    assert [(r.entry_id, r.rank) for r in rows] == [(2, 1), (3, 2), (4, 2), (1, 4), (5, 5)]
    assert all(r.award is None for r in rows)


def test_an_empty_field():
    assert rank_results([], CHINESE_RULES, COUNTS, places=2) == []


def test_totals_are_rounded_half_up_and_ranked_as_shown():
    rows = rank_results(
        [result(1, "8.665"), result(2, "8.674"), result(3, "8.664999"), result(4, "26")],
        (),
        None,
        places=2,
    )
    assert [(r.entry_id, r.rank, r.total) for r in rows] == [
        (4, 1, D("26.00")),
        (1, 2, D("8.67")),  # 8.665 → 8.67: ties with 8.674 as shown
        (2, 2, D("8.67")),
        (3, 4, D("8.66")),
    ]
    assert str(rows[0].total) == "26.00"


def test_rounding_to_whole_points():
    rows = rank_results([result(1, "89.5"), result(2, "90.4")], (), None, places=0)
    assert [(r.entry_id, r.rank, r.total) for r in rows] == [(1, 1, D(90)), (2, 1, D(90))]


def test_ordered_tie_breaks():
    results = [
        result(1, "95", crit="10", part="50"),
        result(2, "90", crit="20", part="60"),  # time 300
        result(3, "90", crit="20", part="60"),  # time 280: faster than 2
        result(4, "90", crit="18", part="70"),  # loses on the criterion, whatever else
        result(5, "90", crit="20", part="60"),  # no time: after every recorded time
        result(6, "90", crit="20", part="60"),  # same as 2 in everything: shares its rank
        result(7, "90", crit="20", part="61"),  # wins on the part despite a slow time
        result(8, "89.99", crit="30", part="80"),  # a lower total never ranks higher
    ]
    times = {1: D(500), 2: D(300), 3: D(280), 4: D(100), 6: D(300), 7: D(999), 8: D(1)}
    rows = rank_results(results, CHINESE_RULES, None, places=2, times=times)
    assert [(r.entry_id, r.rank) for r in rows] == [
        (1, 1),
        (7, 2),
        (3, 3),
        (2, 4),
        (6, 4),
        (5, 6),
        (4, 7),
        (8, 8),
    ]
    rows_by_id = by_id(rows)
    assert rows_by_id[2].tie_values == (D("20.00"), D("60.00"), D(300))
    assert rows_by_id[5].tie_values == (D("20.00"), D("60.00"), None)


def test_tie_breaks_apply_in_the_order_given():
    results = [result(1, "90", crit="20", part="50"), result(2, "90", crit="10", part="70")]
    assert [r.entry_id for r in rank_results(results, (CRIT, PART), None, 2)] == [1, 2]
    assert [r.entry_id for r in rank_results(results, (PART, CRIT), None, 2)] == [2, 1]


def test_tie_break_values_are_compared_rounded():
    results = [result(1, "90", crit="8.671"), result(2, "90", crit="8.666")]
    rows = rank_results(results, (CRIT,), None, places=2)
    assert [r.rank for r in rows] == [1, 1]
    rows = rank_results(results, (CRIT,), None, places=3)
    assert [(r.entry_id, r.rank) for r in rows] == [(1, 1), (2, 2)]


def test_without_tie_breaks_equal_totals_share_a_rank():
    results = [result(3, "90", crit="20"), result(1, "90", crit="10"), result(2, "90")]
    rows = rank_results(results, (), None, places=2)
    assert [r.rank for r in rows] == [1, 1, 1]
    assert [r.entry_id for r in rows] == [1, 2, 3]  # shown in a stable order
    assert all(r.tie_values == () for r in rows)


def test_round_and_part_totals_are_rounded():
    r = EntryResult(1, D(26) / 3, {1: D("2.345"), 2: D(26) / 3}, {"实操": D("0.125")}, {}, 0)
    (row,) = rank_results([r], (), None, places=2)
    assert row.total == D("8.67")
    assert row.round_totals == {1: D("2.35"), 2: D("8.67")}
    assert row.part_totals == {"实操": D("0.13")}
    assert row.complete
    assert row.missing == 0


def test_awards_follow_the_ranks_and_ties_share_them():
    results = [result(i, t) for i, t in enumerate(["99", "95", "90", "90", "85", "80", "70"], 1)]
    rows = rank_results(results, (), COUNTS, places=2)
    assert [(r.entry_id, r.rank, r.award) for r in rows] == [
        (1, 1, FIRST),
        (2, 2, SECOND),
        (3, 3, SECOND),  # tied at the cut: both get the second prize
        (4, 3, SECOND),
        (5, 5, THIRD),
        (6, 6, THIRD),
        (7, 7, None),
    ]


def test_incomplete_entries_are_ranked_but_get_no_award():
    results = [result(1, "99"), result(2, "95", missing=2), result(3, "90"), result(4, "50")]
    rule = AwardRule(AwardMode.THRESHOLDS, (AwardLevel(FIRST, D(90)), AwardLevel(SECOND, D(60))))
    rows = by_id(rank_results(results, (), rule, places=2))
    assert rows[2].rank == 2
    assert not rows[2].complete
    assert rows[2].missing == 2
    assert rows[2].award is None
    assert rows[1].award == FIRST
    assert rows[3].award == FIRST
    assert rows[4].award is None
    assert rows[1].complete


def test_shares_use_the_rounded_total_and_the_complete_field():
    rule = AwardRule(AwardMode.SHARES, (AwardLevel(FIRST, D("0.5")),))
    results = [result(1, "80.004"), result(2, "79.996"), result(3, "70"), result(4, "60")]
    rows = rank_results(results, (), rule, places=2)
    # 80.004 and 79.996 both show 80.00: they tie for first, and both fit in 50 % of 4
    assert [(r.entry_id, r.rank, r.award) for r in rows] == [
        (1, 1, FIRST),
        (2, 1, FIRST),
        (3, 3, None),
        (4, 4, None),
    ]


# --- properties ----------------------------------------------------------------------------

totals = st.decimals(min_value=0, max_value=100, places=3)
tie_scores = st.integers(min_value=0, max_value=4).map(D)
time_values = st.one_of(st.none(), st.integers(min_value=1, max_value=4).map(D))
entries = st.lists(st.tuples(totals, tie_scores, tie_scores, time_values), max_size=25)
tie_break_lists = st.sampled_from([(), (CRIT,), (PART,), (TIME,), CHINESE_RULES, (TIME, PART)])
places = st.integers(min_value=0, max_value=3)
award_rules = st.sampled_from(
    [
        None,
        COUNTS,
        AwardRule(
            AwardMode.SHARES,
            (AwardLevel(FIRST, D("0.1")), AwardLevel(SECOND, D("0.2"))),
            min_score=D(20),
        ),
    ]
)


def build(rows) -> tuple[list[EntryResult], dict[int, Decimal]]:
    results = []
    times = {}
    for i, (total, crit, part, time) in enumerate(rows, start=1):
        results.append(
            EntryResult(i, total, {1: total}, {"实操": part}, {"A2": crit}, missing=int(i % 4 == 0))
        )
        if time is not None:
            times[i] = time
    return results, times


@settings(max_examples=100)
@given(entries, tie_break_lists, award_rules, places, st.randoms(use_true_random=False))
def test_the_order_of_the_entries_does_not_matter(rows, tbs, rule, n, rnd):
    results, times = build(rows)
    shuffled = list(results)
    rnd.shuffle(shuffled)
    assert rank_results(shuffled, tbs, rule, n, times) == rank_results(results, tbs, rule, n, times)


@settings(max_examples=100)
@given(entries, tie_break_lists, award_rules, places)
def test_ranks_are_competition_ranks_of_the_keys(rows, tbs, rule, n):
    results, times = build(rows)
    table = rank_results(results, tbs, rule, n, times)
    assert sorted(r.entry_id for r in table) == [r.entry_id for r in results]
    original = {r.entry_id: r for r in results}
    for i, row in enumerate(table):
        for other in table:
            # a higher total (as shown) never ranks lower, whatever the tie-breaks
            if row.total > other.total:
                assert row.rank < other.rank
            # equal keys share a rank; different keys do not
            same_key = row.total == other.total and row.tie_values == other.tie_values
            assert (row.rank == other.rank) is same_key
            if row.rank == other.rank and row.complete and other.complete:
                assert row.award == other.award
        # rank is one more than the number of entries strictly ahead
        ahead = sum(1 for other in table if other.rank < row.rank)
        assert row.rank == ahead + 1
        if i:
            assert table[i - 1].rank <= row.rank
        assert row.total == round_half_up(original[row.entry_id].total, n)
        assert row.round_totals == {1: row.total}
        if not row.complete:
            assert row.award is None
