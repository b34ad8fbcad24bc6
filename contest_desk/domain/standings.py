"""Standings: ranked, rounded totals with tie-break values and award levels."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from contest_desk.domain.awards import AwardRule, Placing
from contest_desk.domain.numbers import round_half_up
from contest_desk.domain.ranking import TieBreak, competition_ranks, ranking_key, tie_break_value
from contest_desk.domain.scoring import EntryResult


@dataclass(frozen=True)
class Standing:
    """One line of a standings table; every number is rounded as shown."""

    entry_id: int
    rank: int
    total: Decimal
    round_totals: dict[int, Decimal]
    part_totals: dict[str, Decimal]
    tie_values: tuple[Decimal | None, ...]
    award: str | None
    complete: bool
    missing: int


def rank_results(
    results: Sequence[EntryResult],
    tie_breaks: Sequence[TieBreak],
    award_rule: AwardRule | None,
    places: int,
    times: Mapping[int, Decimal] | None = None,
) -> list[Standing]:
    """Rank entries on their rounded totals, then the tie-breaks in order; assign awards."""
    times = dict(times or {})
    rows = []
    for r in results:
        total = round_half_up(r.total, places)
        ties = tuple(tie_break_value(r, tb, times, places) for tb in tie_breaks)
        rows.append((r, total, ties))
    # The entry id only makes the display order stable; equal keys still share a rank.
    rows.sort(key=lambda row: (ranking_key(row[1], row[2], tie_breaks), row[0].entry_id))
    ranks = competition_ranks([ranking_key(total, ties, tie_breaks) for _, total, ties in rows])
    placings = [
        Placing(rank, total, r.complete) for rank, (r, total, _) in zip(ranks, rows, strict=True)
    ]
    awards = award_rule.assign(placings) if award_rule else [None] * len(placings)
    return [
        Standing(
            entry_id=r.entry_id,
            rank=rank,
            total=total,
            round_totals={n: round_half_up(v, places) for n, v in r.round_totals.items()},
            part_totals={n: round_half_up(v, places) for n, v in r.part_totals.items()},
            tie_values=ties,
            award=award,
            complete=r.complete,
            missing=r.missing,
        )
        for rank, (r, total, ties), award in zip(ranks, rows, awards, strict=True)
    ]
