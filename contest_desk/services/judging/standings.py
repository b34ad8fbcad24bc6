"""Standings per event and round, computed from the stored marks in a few queries."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from functools import lru_cache

from sqlalchemy import BigInteger, and_, func, or_, select, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from contest_desk.domain.aggregation import MarkSummary
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.contests import StandingRow, StandingsTable
from contest_desk.domain.scoring import Marks, ScoringScheme, score_entry
from contest_desk.domain.standings import rank_results
from contest_desk.services.contests.assignments import assigned_judges, excluded_judges, panel_ids
from contest_desk.services.contests.draws import hidden, judge_codes
from contest_desk.services.context import ServiceContext
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.mapping import (
    event_info,
    get_event,
    get_round,
    scoring_scheme,
)
from contest_desk.storage.roster import entry_infos, in_round
from contest_desk.storage.types import from_milli

# Marks take few distinct values (steps of 0.5 up to the max) and so do their sums: converting
# each once instead of per row takes a fifth off a 280,000-mark event's standings.
_decimal_of = lru_cache(maxsize=65536)(from_milli)


@lru_cache(maxsize=65536)
def _summary(total: int, size: int, low: int, high: int) -> MarkSummary:
    """The summary of a GROUP BY row, made once per distinct row: a 10,000-entry event's
    200,000 rows held 4,896 distinct ones (issue 16's benchmark)."""
    return MarkSummary(_decimal_of(total), size, _decimal_of(low), _decimal_of(high))


def _panel_sizes(s: Session, event: m.Event, wanted: int) -> dict[int, int]:
    """Judges expected per entry in each round: the panel, but at most the event's number."""
    sizes = {}
    for rnd in event.rounds:
        panel = len(panel_ids(s, event, rnd))
        sizes[rnd.number] = min(panel or wanted, wanted)
    return sizes


def _expected_judges(
    s: Session, event: m.Event, rounds: list[m.Round], panel_sizes: dict[int, int]
) -> dict[int, dict[int, int]]:
    """entry id → round number → judges expected to mark it, where that is not the panel:
    the judges assigned to it, or the panel less those in conflict with it."""
    excluded = excluded_judges(s, event)
    out: dict[int, dict[int, int]] = defaultdict(lambda: dict(panel_sizes))
    for rnd in rounds:
        assigned = assigned_judges(s, rnd.id)
        if assigned is not None:
            for entry_id, judges in assigned.items():
                out[entry_id][rnd.number] = len(judges)
            continue
        panel = panel_ids(s, event, rnd)
        for entry_id, conflicted in excluded.items():
            eligible = len([j for j in panel if j not in conflicted])
            out[entry_id][rnd.number] = min(eligible, panel_sizes[rnd.number])
    return dict(out)


def _marks(
    s: Session, scheme: ScoringScheme, event: m.Event, round_ids: dict[int, int]
) -> dict[int, dict[tuple[int, str], Marks]]:
    """entry id → (round number, criterion code) → marks, from one query.

    Rules that a sum/count/min/max summary decides are aggregated by the
    database; the others (median, wider trims) fetch every mark.
    """
    code_of = {c.id: c.code for p in event.parts for c in p.criteria if c.code in scheme.criteria}
    by_entry: dict[int, dict[tuple[int, str], Marks]] = defaultdict(dict)
    keys = (m.Score.round_id, m.Score.entry_id, m.Score.criterion_id)
    where: ColumnElement[bool] = m.Score.round_id.in_(round_ids)
    trainees = list(
        s.scalars(select(m.Judge.id).where(m.Judge.contest_id == event.contest_id, m.Judge.trainee))
    )
    if trainees:  # a shadow judge's marks never count; objective values are anyone's to key
        objective = [
            c.id for p in event.parts for c in p.criteria if c.kind in ("measurement", "deduction")
        ]
        where = and_(
            where, or_(m.Score.judge_id.not_in(trainees), m.Score.criterion_id.in_(objective))
        )
    conn = s.connection()  # Core rows: the ORM's row machinery would double the time here
    raw = type_coerce(m.Score.value, BigInteger)  # thousandths, converted once below
    if scheme.aggregation.summarizable:
        query = (
            select(*keys, func.sum(raw), func.count(), func.min(raw), func.max(raw))
            .where(where)
            .group_by(*keys)
        )
        for round_id, entry_id, crit, total, count, low, high in conn.execute(query).all():
            if crit in code_of:
                summary = _summary(total, count, low, high)
                by_entry[entry_id][(round_ids[round_id], code_of[crit])] = summary
    else:
        lists: dict[int, dict[tuple[int, str], list[Decimal]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for round_id, entry_id, crit, value in conn.execute(select(*keys, raw).where(where)).all():
            if crit in code_of:
                lists[entry_id][(round_ids[round_id], code_of[crit])].append(_decimal_of(value))
        by_entry.update({e: dict(v) for e, v in lists.items()})
    return by_entry


def standings_table(
    s: Session, event_id: int, round_number: int | None, see_names: bool
) -> StandingsTable:
    """Ranks, totals, tie-break values and awards; the whole event when no round is given.

    Before the lock an entry shows its code alone unless ``see_names``: the callers decide
    (the standings by the actor's permission, the hall's screen never)."""
    event = get_event(s, event_id)
    info = event_info(event)
    settings = info.settings
    scheme = scoring_scheme(event)
    rounds = event.rounds
    if round_number is not None:
        rounds = [get_round(s, event, round_number)]
        scheme = scheme.for_round(round_number)
    final = all(r.locked_at is not None for r in rounds)
    panel_sizes = _panel_sizes(s, event, settings.judges_per_entry)
    expected = _expected_judges(s, event, rounds, panel_sizes)
    for rnd in rounds:
        settings.aggregation.check_panel(panel_sizes[rnd.number])
    round_ids = {r.id: r.number for r in rounds}
    marks = _marks(s, scheme, event, round_ids)
    times: dict[int, Decimal] = defaultdict(Decimal)
    for entry_id, seconds in s.execute(
        select(m.Timing.entry_id, m.Timing.seconds).where(m.Timing.round_id.in_(round_ids))
    ):
        times[entry_id] += seconds
    entries = {e.id: e for e in entry_infos(s, event_id)}
    if round_number is not None:  # a round ranks only the entries still in at it
        still = in_round(s, event_id, round_number)
        entries = {i: e for i, e in entries.items() if i in still}
    if not final and not see_names:
        # Names beside totals would undo the draw: codes only until the lock.
        open_round = next(r for r in rounds if r.locked_at is None)
        entries = {e.id: e for e in hidden(entries.values(), judge_codes(s, open_round.id))}
    results = [
        score_entry(scheme, eid, marks.get(eid, {}), expected.get(eid, panel_sizes))
        for eid in entries
    ]
    ranked = rank_results(results, settings.tie_breaks, settings.award_rule, settings.places, times)
    rows = tuple(StandingRow.of(r, entries[r.entry_id]) for r in ranked)
    return StandingsTable(info, round_number, rows, final)


class StandingsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.VIEW_RESULTS)
    def standings(self, event_id: int, round_number: int | None = None) -> StandingsTable:
        """Ranks, totals, tie-break values and awards; the whole event when no round is given."""
        see_names = self.ctx.actor.may(Action.SEE_NAMES_UNLOCKED)
        with self.ctx.db.reading() as s:
            return standings_table(s, event_id, round_number, see_names)
