"""Labor competitions through the services: indicators, periods, values keyed and
corrected, vetoes, period and cumulative standings, imports that take all or nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from contest_desk.domain.awards import AwardLevel, AwardMode, AwardRule
from contest_desk.domain.contest import ContestKind
from contest_desk.domain.labor import Direction, Indicator, IndicatorRule
from contest_desk.domain.permissions import Role
from contest_desk.domain.records.labor import PeriodKind
from contest_desk.errors import ImportRejected, PermissionDenied, UserError
from contest_desk.reports.labor_excel import read_labor_sheet, write_labor_template
from contest_desk.services.hub import Services
from contest_desk.storage import models as m

D = Decimal
INDICATORS = [
    Indicator(
        "C1", "原油产量", "吨", Direction.HIGHER, IndicatorRule.LINEAR, D(50), D(1000), D(1500)
    ),
    Indicator(
        "C2", "吨液耗电", "kWh/t", Direction.LOWER, IndicatorRule.LINEAR, D(30), D(12), D(10)
    ),
    Indicator(
        "C3",
        "安全事件",
        "起",
        Direction.LOWER,
        IndicatorRule.PENALTY,
        D(0),
        penalty_per_event=D(10),
    ),
]
AWARDS = AwardRule(AwardMode.COUNTS, (AwardLevel("一等奖", D(1)), AwardLevel("二等奖", D(1))))


@dataclass
class Labor:
    contest: int
    teams: dict[str, int]
    june: int
    july: int


@pytest.fixture
def labor(services: Services) -> Labor:
    contest = services.contests.create_contest("2026年上半年原油上产劳动竞赛", ContestKind.LABOR)
    teams = {}
    for n, area in enumerate(("采油一区", "采油二区", "采油三区"), start=1):
        person = services.roster.add_person(f"L00{n}", f"班长{n}", f"{area}/采油一班")
        teams[area] = services.roster.add_team(contest.id, f"{area}采油一班", [person.id]).id
    services.labor.set_indicators(contest.id, INDICATORS)
    services.labor.set_award_rule(contest.id, AWARDS)
    june = services.labor.add_period(
        contest.id, "6月", PeriodKind.MONTH, dt.date(2026, 6, 1), dt.date(2026, 6, 30)
    )
    july = services.labor.add_period(
        contest.id, "7月", PeriodKind.MONTH, dt.date(2026, 7, 1), dt.date(2026, 7, 31)
    )
    return Labor(contest.id, teams, june.id, july.id)


def key(
    services: Services, labor: Labor, period: int, rows: dict[str, tuple[str, str, str]]
) -> None:
    for area, values in rows.items():
        for code, value in zip(("C1", "C2", "C3"), values, strict=True):
            services.labor_values.set_value(labor.contest, period, labor.teams[area], code, value)


def test_a_period_ranks_teams_with_the_working_shown(services: Services, labor: Labor) -> None:
    key(services, labor, labor.june, {"采油一区": ("1500", "10", "0"),
        "采油二区": ("1250", "11", "0"), "采油三区": ("1400", "10", "1")})  # fmt: skip
    table = services.labor_standings.standings(labor.contest, "6月")
    assert [(r.team.name, r.total, r.rank, r.award) for r in table.rows] == [
        ("采油一区采油一班", D(80), 1, "一等奖"),
        ("采油三区采油一班", D(60), 2, "二等奖"),
        ("采油二区采油一班", D(40), 3, None),
    ]
    second = table.rows[2]
    assert second.team.unit == "采油二区/采油一班"
    assert [s.working for s in second.scores] == [
        "(1250 − 1000) ÷ (1500 − 1000) × 50 = 25",
        "(12 − 11) ÷ (12 − 10) × 30 = 15",
        "0 × −10 = 0",
    ]
    assert not table.final


def test_a_correction_needs_a_reason_and_a_closed_period_takes_nothing(
    services: Services, labor: Labor
) -> None:
    team = labor.teams["采油一区"]
    services.labor_values.set_value(labor.contest, labor.june, team, "C1", "1200")
    with pytest.raises(UserError, match="原因"):
        services.labor_values.set_value(labor.contest, labor.june, team, "C1", "1300")
    services.labor_values.set_value(labor.contest, labor.june, team, "C1", "1300", "报表更正")
    (row,) = [
        r for r in services.audit.records((f"team:{team}",)) if r.action == "labor.value" and r.note
    ]
    assert (row.detail["old"], row.detail["new"], row.note) == ("1200", "1300", "报表更正")
    with pytest.raises(UserError, match="整数"):
        services.labor_values.set_value(labor.contest, labor.june, team, "C3", "1.5")
    with pytest.raises(UserError, match="不是数字"):
        services.labor_values.set_value(labor.contest, labor.june, team, "C2", "十二")
    services.labor.close_period(labor.contest, "6月")
    with pytest.raises(UserError, match="已结束"):
        services.labor_values.set_value(labor.contest, labor.june, team, "C1", "1400", "补录")
    grid = services.labor_values.grid(labor.contest, labor.june)
    assert grid.values[team] == {"C1": D(1300)} and grid.period.closed


def test_vetoes_and_cumulative_standings(services: Services, labor: Labor) -> None:
    key(services, labor, labor.june, {"采油一区": ("1500", "10", "0"),
        "采油二区": ("1250", "11", "0"), "采油三区": ("1400", "10", "0")})  # fmt: skip
    key(services, labor, labor.july, {"采油一区": ("1000", "12", "0"),
        "采油二区": ("1500", "10", "0"), "采油三区": ("1500", "10", "0")})  # fmt: skip
    one, two, three = labor.teams.values()
    with pytest.raises(UserError, match="原因"):
        services.labor.veto(labor.contest, one, "6月", " ")
    services.labor.veto(labor.contest, one, "6月", "发生一般安全事故")
    june = services.labor_standings.standings(labor.contest, "6月")
    assert [(r.team.id, r.rank, r.award, r.veto) for r in june.rows] == [
        (one, 1, None, "发生一般安全事故"),
        (three, 2, "一等奖", None),
        (two, 3, "二等奖", None),
    ]
    total = services.labor_standings.standings(labor.contest)
    assert [(r.team.id, r.total, r.by_period, r.award) for r in total.rows] == [
        (three, D(150), (D(70), D(80)), "一等奖"),
        (two, D(120), (D(40), D(80)), "二等奖"),
        (one, D(80), (D(80), D(0)), None),
    ]
    whole = services.labor.veto(labor.contest, three, None, "弄虚作假")
    assert services.labor_standings.standings(labor.contest).rows[0].award is None
    services.labor.lift_veto(whole, "经复查属实数据，撤销否决")
    assert services.labor_standings.standings(labor.contest).rows[0].award == "一等奖"
    lifted = [v for v in services.labor.vetoes(labor.contest) if v.lifted]
    assert [v.lifted for v in lifted] == ["经复查属实数据，撤销否决"]  # kept, not deleted


def test_set_up_refusals(services: Services, labor: Labor) -> None:
    with pytest.raises(UserError, match="重叠"):
        services.labor.add_period(
            labor.contest, "第一阶段", PeriodKind.PHASE, dt.date(2026, 6, 20), dt.date(2026, 8, 1)
        )
    services.labor_values.set_value(labor.contest, labor.june, labor.teams["采油一区"], "C2", "11")
    with pytest.raises(UserError, match="不能删除"):
        services.labor.set_indicators(labor.contest, INDICATORS[:1])
    skill = services.contests.create_contest("技能比武")
    with pytest.raises(UserError, match="不是劳动竞赛"):
        services.labor.indicators(skill.id)
    services.users.create_first_admin("admin", "管理员", "admin-2026")
    services.users.add_user("viewer", "查看", "viewer-pass", [Role.VIEWER])
    viewer = services.as_user(services.users.authenticate("viewer", "viewer-pass"))
    with pytest.raises(PermissionDenied):
        viewer.labor_values.set_value(labor.contest, labor.june, labor.teams["采油一区"], "C1", "1")
    assert viewer.labor_standings.standings(labor.contest, "6月").rows


def stored(services: Services) -> int:
    with services.ctx.db.reading() as s:
        return s.scalar(select(func.count()).select_from(m.LaborValue)) or 0


def test_an_import_takes_all_or_nothing(services: Services, labor: Labor, tmp_path: Path) -> None:
    path = tmp_path / "6月考核数据.xlsx"
    grid = services.labor_values.grid(labor.contest, labor.june)
    write_labor_template(path, "上产竞赛", grid)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws["B5"], ws["C5"], ws["D5"] = 1500, 10, 0
    ws["B6"], ws["C6"] = "一千二", 11
    ws["A7"] = "采油九区采油一班"
    ws["D4"] = "C3 安全事件（次）"
    ws["E4"] = "C9 注水量（方）"
    wb.save(path)
    with pytest.raises(ImportRejected) as rejected:
        services.labor_import.import_values(labor.contest, "6月", read_labor_sheet(path))
    messages = [p.message() for p in rejected.value.problems]
    assert any("第 6 行" in t and "B" in t and "一千二" in t for t in messages)
    assert any("第 7 行" in t and "采油九区采油一班" in t for t in messages)
    assert any("D" in t and "起" in t and "次" in t for t in messages)  # the unit
    assert any("E" in t and "C9" in t for t in messages)
    assert stored(services) == 0
    ws["B6"], ws["A7"], ws["D4"], ws["E4"] = 1200, "采油三区采油一班", "C3 安全事件（起）", None
    wb.save(path)
    with pytest.raises(ImportRejected, match="7月"):
        services.labor_import.import_values(labor.contest, "7月", read_labor_sheet(path))
    ws["B2"] = "13月"
    wb.save(path)
    with pytest.raises(ImportRejected, match=r"13月.*不是本竞赛的考核期间"):
        services.labor_import.import_values(labor.contest, "6月", read_labor_sheet(path))
    ws["B2"] = "6月"
    wb.save(path)
    assert services.labor_import.import_values(labor.contest, "6月", read_labor_sheet(path)) == 5
    table = services.labor_standings.standings(labor.contest, "6月")
    assert table.rows[0].team.name == "采油一区采油一班" and table.rows[0].total == 80
    services.labor.close_period(labor.contest, "6月")
    with pytest.raises(UserError, match="已结束"):
        services.labor_import.import_values(labor.contest, "6月", read_labor_sheet(path))
