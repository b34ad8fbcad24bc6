"""The demo's labor competition: 8 班组, 6 indicators, six months of 2026 (five closed),
with a single-item veto and a corrected value."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from contest_desk.domain.awards import AwardLevel, AwardMode, AwardRule
from contest_desk.domain.contest import ContestKind, ContestStatus
from contest_desk.domain.labor import Direction, Indicator, IndicatorRule
from contest_desk.domain.records.labor import PeriodKind
from contest_desk.services.hub import Services

D = Decimal
LABOR_NAME = "2026年上半年原油上产劳动竞赛"
TEAMS = (
    "采油一区/采油一班",
    "采油一区/采油二班",
    "采油二区/采油一班",
    "采油二区/注水班",
    "采油三区/采油一班",
    "采油三区/集输班",
    "维修大队/电焊班",
    "作业区/作业一队",
)
H, L = Direction.HIGHER, Direction.LOWER
INDICATORS = (
    Indicator("C1", "原油产量", "吨", H, IndicatorRule.LINEAR, D(30), D(4000), D(4600)),
    Indicator(
        "C2",
        "油井时率",
        "%",
        H,
        IndicatorRule.BONUS,
        D(20),
        D(92),
        D(97),
        bonus_per_unit=D(1),
        bonus_cap=D(3),
    ),
    Indicator("C3", "吨液耗电", "kWh/t", L, IndicatorRule.LINEAR, D(15), D("9.5"), D(8)),
    Indicator("C4", "成本节约", "万元", H, IndicatorRule.LINEAR, D(15), D(0), D(20)),
    Indicator("C5", "安全环保事件", "起", L, IndicatorRule.PENALTY, D(0), penalty_per_event=D(10)),
    Indicator("C6", "资料差错", "次", L, IndicatorRule.PASS_FAIL, D(10), target=D(0)),
)
AWARDS = AwardRule(
    AwardMode.COUNTS,
    (AwardLevel("一等奖", D(1)), AwardLevel("二等奖", D(2)), AwardLevel("三等奖", D(3))),
)
MONTHS = 6


def build_demo_labor(services: Services) -> int:
    contest = services.contests.create_contest(
        LABOR_NAME,
        ContestKind.LABOR,
        dt.date(2026, 1, 1),
        dt.date(2026, 6, 30),
        "采油厂工会",
    )
    people = services.roster.persons()
    teams = []
    for unit in TEAMS:
        members = [p.id for p in people if p.unit == unit][:3]
        name = unit.split("/")[0] + unit.split("/")[1]
        teams.append(services.roster.add_team(contest.id, name, members).id)
    services.labor.set_indicators(contest.id, INDICATORS)
    services.labor.set_award_rule(contest.id, AWARDS)
    rng = random.Random(202601)
    form = {team: rng.uniform(0.3, 1.0) for team in teams}  # how well each team runs
    for month in range(1, MONTHS + 1):
        last = (
            dt.date(2026, month % 12 + 1, 1) if month < 12 else dt.date(2027, 1, 1)
        ) - dt.timedelta(1)
        period = services.labor.add_period(
            contest.id, f"{month}月", PeriodKind.MONTH, dt.date(2026, month, 1), last
        )
        for team in teams:
            f = min(1.0, max(0.0, form[team] + rng.uniform(-0.2, 0.2)))
            values = {
                "C1": D(round(3900 + 800 * f)),
                "C2": D(str(round(90 + 9 * f, 1))),
                "C3": D(str(round(9.8 - 2 * f, 2))),
                "C4": D(str(round(25 * f, 1))),
                "C5": D(1 if rng.random() < 0.06 else 0),
                "C6": D(0 if rng.random() < 0.8 else 1),
            }
            for code, value in values.items():
                services.labor_values.set_value(contest.id, period.id, team, code, value)
        if month == 3:
            services.labor.veto(
                contest.id, teams[0], period.id, "3月发生一般及以上安全生产事故，本期评比一票否决"
            )
        if month == 4:
            services.labor_values.set_value(
                contest.id, period.id, teams[2], "C1", "4388", "生产日报复核后更正产量"
            )
        if month < MONTHS:  # the last month is still being keyed
            services.labor.close_period(contest.id, period.id)
    services.contests.set_status(contest.id, ContestStatus.OPEN)
    services.contests.set_status(contest.id, ContestStatus.RUNNING)
    return contest.id
