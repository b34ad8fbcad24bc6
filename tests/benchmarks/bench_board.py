"""A challenge board of 1,000 entries with 100,000 logged bouts over 100 periods.

Recomputing everything from the log (places, Elo ratings, defences, streaks, history,
title holders: the service's whole view) against reading the log rows alone, in the same
run on the same file. Target: within 5×.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, select

from contest_desk.domain.board_codec import event_to_dict
from contest_desk.domain.ladder import BoardRules, Bout, Close, Event, Join, RatingKind
from contest_desk.services.hub import Services
from contest_desk.storage import models as m
from tests.benchmarks.bench_standings import best_of

ENTRIES, BOUTS, PERIODS, REACH = 1_000, 100_000, 100, 3


def events(entry_ids: list[int], rng: random.Random) -> list[Event]:
    """A valid log: bouts within reach on the board as it stands, a close every 1,000."""
    out: list[Event] = [Join(e) for e in entry_ids]
    places = list(entry_ids)
    for n in range(BOUTS):
        low = rng.randrange(1, len(places))
        top = rng.randrange(max(0, low - REACH), low)
        won = rng.random() < 0.4
        out.append(Bout(places[low], places[top], won))
        if won:
            places.insert(top, places.pop(low))
        if (n + 1) % (BOUTS // PERIODS) == 0:
            out.append(Close())
    return out


def build(services: Services) -> int:
    contest = services.contests.create_contest("性能测试")
    event = services.contests.create_event(contest.id, "擂台")
    rules = BoardRules(reach=REACH, rating=RatingKind.ELO)
    board = services.boards.create_board(event.id, "千人擂台", rules, scored=False)
    with services.ctx.db.transaction() as s:
        persons = [m.Person(employee_no=f"B{i:05}", name=f"职工{i}") for i in range(ENTRIES)]
        s.add_all(persons)
        s.flush()
        entries = [m.Entry(event_id=event.id, person_id=p.id) for p in persons]
        s.add_all(entries)
        s.flush()
        at = dt.datetime(2026, 12, 1)
        rows = []
        for seq, event_ in enumerate(events([e.id for e in entries], random.Random(4)), start=1):
            kind, data = event_to_dict(event_)
            rows.append(
                {"board_id": board.id, "seq": seq, "kind": kind, "data": data, "at": at,
                 "actor": "bench", "note": ""}
            )  # fmt: skip
        s.execute(insert(m.BoardLogRow), rows)
    return board.id


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        services = Services.open(str(Path(folder) / "bench.db"))
        started = time.perf_counter()
        board_id = build(services)
        print(f"built a board log of {BOUTS:,} bouts in {time.perf_counter() - started:.1f} s")
        t = m.BoardLogRow

        def read_rows() -> None:
            with services.ctx.db.reading() as s:
                query = select(t.seq, t.kind, t.data, t.note).where(t.board_id == board_id)
                assert len(s.execute(query.order_by(t.seq)).all()) == ENTRIES + BOUTS + PERIODS

        def recompute() -> None:
            view = services.board_views.view(board_id)
            assert len(view.history) == PERIODS and len(view.bouts) == BOUTS

        read_rows(), recompute()  # warm the file cache and the code paths alike
        baseline = best_of(3, read_rows)
        whole = best_of(3, recompute)
        print(f"read the log rows alone:       {baseline * 1000:8.1f} ms")
        print(f"recompute the board from them: {whole * 1000:8.1f} ms")
        print(f"ratio: {whole / baseline:.2f}x  (target: within 5x)")
        services.ctx.db.dispose()


if __name__ == "__main__":
    main()
