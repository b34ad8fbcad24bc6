"""Generated input to every import and keyed value, on a real database: each call works or
is refused with a UserError that says something, and a refusal changes no table."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contest_desk.domain.certificates import Orientation, Template
from contest_desk.domain.contest import ContestKind
from contest_desk.domain.labor import Direction, Indicator, IndicatorRule
from contest_desk.domain.ladder import BoardRules, RatingKind
from contest_desk.domain.records.innovation import LedgerSheet
from contest_desk.domain.records.labor import LaborSheet, PeriodKind
from contest_desk.domain.records.roster import RosterRow
from contest_desk.services.hub import Services
from tests.builders import SmallEvent
from tests.properties.conftest import FEW, works_or_refuses
from tests.properties.test_parsers import NUMBERISH

# Cells as a spreadsheet might hold them: known keys, blanks, long and odd text.
TEXT = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["", " ", "²", "１", "101", "j1", "P1", "A001", "采油工", "|", "\ud800"]),
    st.builds(lambda c, n: c * n, st.sampled_from(["张", "9", "a"]), st.integers(50, 300)),
)
# What a workbook can hold: XML has no lone surrogates, so neither has a cell read from one.
CELL = TEXT.filter(lambda t: "\ud800" not in t)
ROUND = st.one_of(NUMBERISH, st.sampled_from(["", "1", "2", "１"]))


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    """The rows as a UTF-8 CSV file (text a CSV cannot hold is written as what it encodes)."""
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    path.write_bytes(out.getvalue().encode("utf-8", "surrogatepass"))
    return path


@FEW
@given(st.lists(st.tuples(TEXT, TEXT, TEXT, NUMBERISH, ROUND), min_size=1, max_size=4))
def test_score_csv(services: Services, small: SmallEvent, tmp_path: Path, rows: list[Any]):
    path = write_csv(
        tmp_path / "s.csv", [["entry", "judge", "criterion", "value", "round"], *map(list, rows)]
    )
    works_or_refuses(services, lambda: services.score_import.import_csv(small.event.id, path))


@FEW
@given(st.lists(st.tuples(ROUND, TEXT, NUMBERISH, NUMBERISH, NUMBERISH), min_size=1, max_size=4))
def test_board_paper_csv(services: Services, small: SmallEvent, tmp_path: Path, rows: list[Any]):
    board = services.boards.create_board(
        small.event.id, "擂台", BoardRules(rating=RatingKind.GLICKO2)
    ).id
    path = write_csv(
        tmp_path / "b.csv", [["名次", "工号", "评分", "偏差", "波动率"], *map(list, rows)]
    )
    if works_or_refuses(services, lambda: services.board_import.import_paper(board, path)):
        services.board_views.view(board)  # what was taken can be shown


def _mutate(data: Any, path: list[Any], value: Any) -> None:
    """Put ``value`` at the place ``path`` leads to (as far as it leads)."""
    for step in path[:-1]:
        if isinstance(data, dict) and data:
            data = data[sorted(data)[step % len(data)]]
        elif isinstance(data, list) and data:
            data = data[step % len(data)]
    if isinstance(data, dict) and data:
        data[sorted(data)[path[-1] % len(data)]] = value
    elif isinstance(data, list) and data:
        data[path[-1] % len(data)] = value


ANY_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**20), 10**20) | TEXT | NUMBERISH,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=8,
)


@FEW
@given(st.lists(st.tuples(st.lists(st.integers(0, 50), min_size=1, max_size=6), ANY_JSON),
                max_size=3))  # fmt: skip
def test_contest_file(services: Services, small: SmallEvent, changes: list[Any]):
    data = services.transfer.export_contest(small.event.contest_id)
    data["contest"]["name"] = "另一场比武"
    for where, value in changes:
        _mutate(data, where, value)
    works_or_refuses(services, lambda: services.transfer.import_contest(data, "c.json"))


@FEW
@given(st.lists(st.tuples(CELL, CELL, CELL, CELL, CELL, st.sampled_from(["采油工", "x"]), CELL),
                min_size=1, max_size=4))  # fmt: skip
def test_roster_rows(services: Services, small: SmallEvent, rows: list[Any]):
    made = [RosterRow(n, *cells) for n, cells in enumerate(rows, start=2)]
    contest = small.event.contest_id
    works_or_refuses(services, lambda: services.roster_import.import_rows(contest, made, "r.xlsx"))


@pytest.fixture
def labor(services: Services) -> int:
    contest = services.contests.create_contest("劳动竞赛", ContestKind.LABOR)
    person = services.roster.add_person("L001", "班长", "采油一区/采油一班")
    services.roster.add_team(contest.id, "采油一班", [person.id])
    services.labor.set_indicators(
        contest.id,
        [Indicator("C1", "原油产量", "吨", Direction.HIGHER, IndicatorRule.LINEAR, Decimal(50),
                   Decimal(1000), Decimal(1500)),
         Indicator("C3", "安全事件", "起", Direction.LOWER, IndicatorRule.PENALTY, Decimal(0),
                   penalty_per_event=Decimal(10))],
    )  # fmt: skip
    services.labor.add_period(
        contest.id, "6月", PeriodKind.MONTH, dt.date(2026, 6, 1), dt.date(2026, 6, 30)
    )
    return contest.id


@FEW
@given(st.sampled_from(["采油一班", "x", ""]), NUMBERISH, NUMBERISH, st.sampled_from(["6月", "²"]))
def test_labor_values(services: Services, labor: int, team: str, c1: str, c3: str, period: str):
    sheet = LaborSheet(
        "v.xlsx", period, {2: ("C1", "原油产量", "吨"), 3: ("C3", "安全事件", "起")},
        [(5, team, {2: c1, 3: c3})],
    )  # fmt: skip
    works_or_refuses(services, lambda: services.labor_import.import_values(labor, "6月", sheet))
    team_id = services.labor_values.grid(labor, "6月").teams[0].id
    works_or_refuses(
        services, lambda: services.labor_values.set_value(labor, "6月", team_id, "C1", c1)
    )


@pytest.fixture
def studio(services: Services) -> str:
    services.roster.add_person("P001", "王建国", "采油一区/采油一班")
    return services.innovation.add_studio("王建国创新工作室", "采油一区", "plant").name


LEDGER_CELLS = st.fixed_dictionaries(
    {
        "title": CELL, "studio": st.sampled_from(["王建国创新工作室", "x"]),
        "category": st.sampled_from(["tool", "工具", "x"]),
        "stage": st.sampled_from(["proposal", "立项", "x"]),
        "completers": st.sampled_from(["P001", "P009", ""]), "problem": CELL,
        "started_on": st.sampled_from(["", "2026-02-30", "2026-05-01", "²"]),
    }
)  # fmt: skip
BENEFIT_CELLS = st.fixed_dictionaries(
    {"title": CELL, "year": ROUND, "quarter": ROUND, "amount": NUMBERISH, "site": CELL,
     "kind": st.sampled_from(["", "other", "x"]), "basis": CELL}
)  # fmt: skip


@FEW
@given(st.lists(LEDGER_CELLS, max_size=2), st.lists(BENEFIT_CELLS, max_size=2))
def test_innovation_ledger(services: Services, studio: str, rows: list[Any], benefits: list[Any]):
    sheet = LedgerSheet(
        "l.xlsx",
        [(n, r) for n, r in enumerate(rows, start=2)],
        [(n, b) for n, b in enumerate(benefits, start=2)],
    )
    works_or_refuses(services, lambda: services.innovation_import.import_ledger(sheet))


@FEW
@given(st.dictionaries(st.tuples(TEXT, st.sampled_from(["P1", "P2", "T1", "x"])), NUMBERISH,
                       max_size=3))  # fmt: skip
def test_offline_sheet(services: Services, small: SmallEvent, tmp_path: Path, values: Any):
    from contest_desk.services.judging.offline_sheets import fill_sheet_file
    from tests.properties.test_bad_input import resigned

    if not services.users.has_users():
        services.users.add_user("j1", "j1", "j1-sheets-2026", ["judge"])
        services.draws.run(small.event.id, 1, seed="offline", prefix="A")
    path = services.offline_sheets.export(small.event.id, 1, small.judges[0].id, tmp_path / "s")
    before = path.read_bytes()
    try:
        fill_sheet_file(path, values, "j1-sheets-2026")
    except Exception as error:
        from contest_desk.errors import UserError

        assert isinstance(error, UserError), error
        assert path.read_bytes() == before
    # signing needs real text (a lone surrogate is refused as the file is read: test_bad_input)
    cells = {f"{e}|{c}": v for (e, c), v in values.items() if "\ud800" not in e}
    resigned(path, lambda d: d["values"].update(cells))
    works_or_refuses(services, lambda: services.offline_sheets.import_file(path))


SIZES = st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from([0.0, 20.0, 1e9])


@FEW
@given(TEXT | st.sampled_from(["{name", "{name!r}", "{name:>99999999}", "{0}", "{name.x}"]),
       SIZES, SIZES, TEXT)  # fmt: skip
def test_certificate_template(services, small: SmallEvent, body: str, size: float, margin: float,
                              colour: str):  # fmt: skip
    template = Template("我的模板", Orientation.PORTRAIT, body=body, body_size=size, margin=margin,
                        colour=colour)  # fmt: skip
    contest = small.event.contest_id
    works_or_refuses(services, lambda: services.certificates.save_template(contest, template))


@FEW
@given(NUMBERISH, st.sampled_from(["P1", "M1", "S1", "T1", "P"]), ROUND)
def test_score_cell(services: Services, small: SmallEvent, text: str, code: str, rnd: str):
    """A mark typed into the scoring grid (the window and the paper-sheet keying)."""
    judge, entry = small.judges[0].id, small.entries[0].id
    event = small.event.id
    works_or_refuses(
        services, lambda: services.scoring.record_score(event, 1, judge, entry, code, text)
    )


WHOLE = st.integers(-5, 5) | st.integers(-(10**30), 10**30)
RATING = st.decimals(allow_nan=True, allow_infinity=True) | st.sampled_from([Decimal("1e999999")])


@FEW
@given(WHOLE, WHOLE, WHOLE, RATING, RATING, RATING | st.none())
def test_board_rules(services: Services, small: SmallEvent, reach, days, bottom, k, tau, below):
    rules = BoardRules(reach=reach, accept_days=days, eliminate_bottom=bottom, elo_k=k, tau=tau,
                       eliminate_below=below, rating=RatingKind.ELO)  # fmt: skip
    board = works_or_refuses(
        services, lambda: services.boards.create_board(small.event.id, "擂台", rules)
    )
    if board is not None:
        services.board_views.view(board.id)  # a board made by these rules can be shown


# Any cell value openpyxl can write, and a file that is no workbook at all.
EXCEL_VALUE = st.one_of(
    st.none(), CELL.filter(lambda t: not any(ord(c) < 32 for c in t)),  # XML: no controls
    st.integers(-(10**20), 10**20), st.floats(allow_nan=False), st.booleans(), st.dates(),
)  # fmt: skip


@FEW
@given(st.lists(st.lists(EXCEL_VALUE, max_size=8), max_size=6), st.binary(max_size=64))
def test_excel_readers(tmp_path_factory, rows: list[list[Any]], junk: bytes):
    from openpyxl import Workbook

    from contest_desk.errors import UserError
    from contest_desk.reports.innovation_excel import read_ledger
    from contest_desk.reports.labor_excel import read_labor_sheet
    from contest_desk.reports.roster_excel import read_roster

    folder = Path(tmp_path_factory.mktemp("xlsx"))
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(folder / "book.xlsx")
    (folder / "junk.xlsx").write_bytes(junk)
    for read in (read_roster, read_labor_sheet, read_ledger):
        for name in ("book.xlsx", "junk.xlsx"):
            try:
                read(folder / name)
            except UserError as error:
                assert error.message().strip()
