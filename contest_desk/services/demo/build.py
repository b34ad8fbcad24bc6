"""A demo database that looks like the plant it is for: units, roster, judges, rubrics and scores.

Everything goes through the services, as an organizer's clicks would, and
the marks come from ``random.Random(2026)`` so that every demo is the same.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from contest_desk.domain.aggregation import Aggregation, AggregationRule
from contest_desk.domain.awards import DEFAULT_AWARD_RULE
from contest_desk.domain.contest import ContestKind, ContestStatus, EventMode
from contest_desk.domain.permissions import Role
from contest_desk.domain.ranking import TieBreak, TieBreakKind
from contest_desk.domain.records.contests import EventInfo, EventSettings, PersonInfo
from contest_desk.domain.rubric import (
    Criterion,
    CriterionKind,
    MeasurementMode,
    MeasurementRule,
    Rubric,
)
from contest_desk.errors import UserError
from contest_desk.services.demo.boards import build_demo_board
from contest_desk.services.demo.innovation import build_demo_innovation
from contest_desk.services.demo.labor import build_demo_labor
from contest_desk.services.hub import Services
from contest_desk.services.judging.score_import import ScoreImportService

D = Decimal
CONTEST_NAME = "2026年采油厂职工技能比武"
THEORY, PRACTICAL = "理论", "实操"
JUDGES = (
    ("judge1", "张振华"),
    ("judge2", "李国强"),
    ("judge3", "王秀兰"),
    ("judge4", "刘志刚"),
    ("judge5", "陈立新"),
)
JUDGE_UNIT = "培训中心/技能鉴定站"
STATIONS = ("1号工位", "2号工位", "3号工位", "4号工位", "5号工位", "6号工位")
# One account per role (the judges' accounts match their judge user names); printed by
# `contest-desk demo` and listed in the README. Demo passwords only: change them for real use.
ACCOUNTS = (
    ("admin", "系统管理员", (Role.ADMIN,)),
    ("organizer", "赵晓梅", (Role.ORGANIZER,)),
    ("chief", "孙国华", (Role.CHIEF_JUDGE,)),
    *((username, name, (Role.JUDGE,)) for username, name in JUDGES),
    ("viewer", "工会查看", (Role.VIEWER,)),
    ("reviewer", "钱振东", (Role.REVIEWER,)),
)


def demo_password(username: str) -> str:
    return f"{username}-2026"


# Job type → (unit path, persons there): 采油管理区 and 维修大队 with their 班组.
ROSTER = {
    "采油工": (
        ("采油一区/采油一班", 4),
        ("采油一区/采油二班", 4),
        ("采油二区/采油一班", 4),
        ("采油二区/注水班", 4),
        ("采油三区/采油一班", 4),
        ("采油三区/集输班", 4),
    ),
    "电焊工": (("维修大队/电焊班", 8), ("作业区/作业一队", 6), ("作业区/作业二队", 6)),
    "仪表维修工": (("维修大队/仪表班", 8), ("工艺研究所/自动化室", 5), ("采油三区/计量班", 5)),
}
SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董程曹袁邓许曾彭吕苏卢蒋蔡魏薛叶杜"
)
# Given names, two characters each, then a few one-character ones.
_GIVEN_PAIRS = (
    "建国志强海涛永刚红梅晓东文博国庆立军春雨德明振宇玉兰明亮鹏飞晓燕海军俊杰秀英丽娟宏伟"
    "新民长青卫东兴旺保华树林金龙爱华庆丰学文少华广平云峰继红建军玉梅世杰凤英永胜思远浩然"
    "雪松大庆兰芳"
)
GIVEN = tuple(_GIVEN_PAIRS[i : i + 2] for i in range(0, len(_GIVEN_PAIRS), 2)) + tuple("伟磊静军勇")
LEVELS = (("初级工", 1), ("中级工", 3), ("高级工", 4), ("技师", 2), ("高级技师", 1))


def _judged(code: str, name: str, max_points: str, step: str = "0.5") -> Criterion:
    return Criterion(code, name, CriterionKind.JUDGEMENT, D(max_points), D(step))


def _group(code: str, name: str, *children: Criterion) -> Criterion:
    return Criterion(code, name, None, children=children)


def _linear(
    code: str, name: str, max_points: str, tolerance: str, unit: str, per: str
) -> Criterion:
    """A measured deviation: full points within tolerance, ``per`` off each started ``unit``."""
    rule = MeasurementRule(MeasurementMode.LINEAR, D(0), D(tolerance), D(per), D(unit))
    return Criterion(code, name, CriterionKind.MEASUREMENT, D(max_points), D("0.01"), rule=rule)


THEORY_RUBRIC = Rubric(
    (
        Criterion(
            "T1",
            "理论试卷",
            CriterionKind.MEASUREMENT,
            D(100),
            D("0.5"),
            rule=MeasurementRule(MeasurementMode.DIRECT),
        ),
    )
)
SAFETY = Criterion("X1", "安全扣分", CriterionKind.DEDUCTION, D(10), D(1))
PRACTICAL_RUBRICS = {
    "采油工": Rubric(
        (
            _group(
                "A",
                "设备操作",
                _judged("A1", "抽油机井巡检", "15"),
                _judged("A2", "更换光杆密封圈", "20"),
                _judged("A3", "调整抽油机平衡", "15"),
            ),
            _group(
                "B",
                "工艺质量",
                _judged("B1", "操作规范", "10"),
                _judged("B2", "资料录取与填写", "10"),
                _linear("B3", "尺寸偏差（mm）", "20", tolerance="0.2", unit="0.1", per="2"),
            ),
            _judged("C1", "文明生产", "10"),
            SAFETY,
        )
    ),
    "电焊工": Rubric(
        (
            _group(
                "A", "焊前准备", _judged("A1", "坡口加工", "10"), _judged("A2", "组对装配", "10")
            ),
            _group(
                "B", "焊接操作", _judged("B1", "板对接平焊", "20"), _judged("B2", "管对接焊", "20")
            ),
            _group(
                "C",
                "焊缝质量",
                _linear("C1", "焊缝余高偏差（mm）", "15", tolerance="0.5", unit="0.1", per="1"),
                _judged("C2", "外观缺陷", "15"),
            ),
            _judged("D1", "工完料净", "10"),
            SAFETY,
        )
    ),
    "仪表维修工": Rubric(
        (
            _group(
                "A",
                "仪表校验",
                _judged("A1", "压力变送器校验", "20"),
                _judged("A2", "温度变送器校验", "20"),
            ),
            _group(
                "B",
                "故障排查",
                _judged("B1", "回路故障判断", "20"),
                _judged("B2", "PLC程序调试", "20"),
            ),
            _linear("C1", "校验误差（%）", "10", tolerance="0.25", unit="0.05", per="2"),
            _judged("D1", "工具使用与文明生产", "10"),
            SAFETY,
        )
    ),
}
TEAM_RUBRIC = Rubric(
    (
        _judged("G1", "流程切换操作", "40", "1"),
        _judged("G2", "协同配合", "30", "1"),
        _judged("G3", "应急处置", "30", "1"),
        SAFETY,
    )
)
SETTINGS = EventSettings(
    aggregation=AggregationRule(Aggregation.TRIMMED_MEAN, 1),
    judges_per_entry=5,
    places=2,
    tie_breaks=(TieBreak(TieBreakKind.PART, PRACTICAL), TieBreak(TieBreakKind.TIME)),
    award_rule=DEFAULT_AWARD_RULE,
)


@dataclass
class _Marks:
    """Deterministic marks: an entrant's ability (percent) spread a little per judge."""

    rng: random.Random

    def mark(self, c: Criterion, ability: int, spread: int = 2) -> Decimal:
        steps = int(c.max_points / c.step)
        n = steps * ability // 100 + self.rng.randint(-spread, spread)
        return c.step * max(0, min(steps, n))

    def deviation(self, ability: int, unit: str) -> Decimal:
        return D(unit) * self.rng.randint(0, max(1, (100 - ability) // 5))


def _rows(
    marks: _Marks,
    rubrics: Sequence[Rubric],
    entrants: Sequence[tuple[str, int]],
    judges: Sequence[str],
    keep: int,
) -> Iterator[dict[str, str]]:
    """Score rows for ``entrants`` (key, ability); the last judges mark only the first ``keep``."""
    for n, (key, ability) in enumerate(entrants):
        for rubric in rubrics:
            for c in rubric.leaves():
                value: Decimal | None
                if c.kind is CriterionKind.JUDGEMENT:
                    panel = judges if n < keep else judges[:3]
                    for judge in panel:
                        value = marks.mark(c, ability)
                        yield {
                            "entry": key,
                            "judge": judge,
                            "criterion": c.code,
                            "value": str(value),
                        }
                    continue
                if c.kind is CriterionKind.DEDUCTION:
                    value = D(marks.rng.choice((1, 2))) if marks.rng.random() < 0.15 else None
                elif c.code == "T1":
                    value = marks.mark(c, ability, spread=12)
                else:
                    value = marks.deviation(ability, "0.05") if n < keep + 3 else None
                if value is not None:
                    yield {
                        "entry": key,
                        "judge": judges[0],
                        "criterion": c.code,
                        "value": str(value),
                    }


def _names(rng: random.Random) -> Iterator[str]:
    seen: set[str] = set()
    while True:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        if name not in seen:
            seen.add(name)
            yield name


def _roster(services: Services, rng: random.Random) -> dict[str, list[PersonInfo]]:
    names = _names(rng)
    levels = [level for level, weight in LEVELS for _ in range(weight)]
    by_job: dict[str, list[PersonInfo]] = {}
    number = 26010001
    for job, places in ROSTER.items():
        for path, count in places:
            services.roster.add_unit(path)
            for _ in range(count):
                person = services.roster.add_person(
                    str(number), next(names), path, job, rng.choice(levels)
                )
                by_job.setdefault(job, []).append(person)
                number += 1
    return by_job


def _event(
    services: Services, contest_id: int, name: str, rubrics: dict[str, Rubric], mode: EventMode
) -> EventInfo:
    parts = [(pname, D("0.3") if pname == THEORY else D("0.7")) for pname in rubrics]
    if len(parts) == 1:
        parts = [(parts[0][0], D(1))]
    event = services.contests.create_event(contest_id, name, mode, parts, SETTINGS)
    for part in event.parts:
        services.contests.save_rubric(part.id, rubrics[part.name])
    return services.contests.set_rounds(event.id, [("决赛", D(1))])


def build_demo(services: Services) -> None:
    """Write the demo contest into an empty database; refuse one that already has contests.

    All or nothing: a demo stopped half-way (an error, a kill) leaves the database empty,
    not with three accounts or a contest without scores that the next demo refuses."""
    with services.ctx.db.all_or_nothing():
        _build(services)


def _build(services: Services) -> None:
    if services.contests.contests():
        raise UserError("The database already has contests; write the demo into a new database")
    if services.users.has_users():
        raise UserError("The database already has accounts; write the demo into a new database")
    _accounts(services)
    rng = random.Random(2026)
    marks = _Marks(rng)
    contest = services.contests.create_contest(
        CONTEST_NAME, ContestKind.SKILL, dt.date(2026, 5, 12), dt.date(2026, 5, 14), "采油厂工会"
    )
    by_job = _roster(services, rng)
    judge_ids = [
        services.roster.add_judge(contest.id, username, name, JUDGE_UNIT).id
        for username, name in JUDGES
    ]
    usernames = [username for username, _ in JUDGES]
    importer = ScoreImportService(services.ctx)
    # Complete marks, partial marks, and none yet: the three states an organizer meets.
    keep = {"采油工": 10**6, "电焊工": 12, "仪表维修工": -1}
    for job, persons in by_job.items():
        rubrics = {THEORY: THEORY_RUBRIC, PRACTICAL: PRACTICAL_RUBRICS[job]}
        event = _event(services, contest.id, f"{job}技能比武", rubrics, EventMode.INDIVIDUAL)
        for judge_id in judge_ids:
            services.roster.assign_judge(judge_id, event.id)
        entries = [services.roster.add_entry(event.id, person_id=p.id) for p in persons]
        if keep[job] < 0:
            # Not marked yet: drawn, so its judges mark codes, not names.
            services.draws.run(event.id, None, seed="2026-05-12", prefix="C", workstations=STATIONS)
            continue
        entrants = [(p.employee_no, rng.randint(60, 96)) for p in persons]
        rows = list(_rows(marks, list(rubrics.values()), entrants, usernames, keep[job]))
        importer.import_rows(event.id, rows, "demo")
        if job == "采油工":
            for entry in entries:
                seconds = D(rng.randint(1500, 2700))
                services.scoring.record_time(event.id, None, entry.id, seconds)
    _team_event(services, contest.id, by_job["采油工"], judge_ids, usernames, marks)
    build_demo_board(services, contest.id, by_job["采油工"], judge_ids, SETTINGS)
    services.contests.set_status(contest.id, ContestStatus.OPEN)
    services.contests.set_status(contest.id, ContestStatus.RUNNING)
    build_demo_labor(services)
    build_demo_innovation(services)


def _accounts(services: Services) -> None:
    (admin, admin_name, _roles), *others = ACCOUNTS
    services.users.create_first_admin(admin, admin_name, demo_password(admin))
    for username, name, roles in others:
        services.users.add_user(username, name, demo_password(username), roles)


def _team_event(
    services: Services,
    contest_id: int,
    persons: Sequence[PersonInfo],
    judge_ids: Sequence[int],
    usernames: Sequence[str],
    marks: _Marks,
) -> None:
    """A small team event: one team of three per 采油管理区, fully marked."""
    event = _event(
        services, contest_id, "采油班组团体赛", {"团体实操": TEAM_RUBRIC}, EventMode.TEAM
    )
    for judge_id in judge_ids:
        services.roster.assign_judge(judge_id, event.id)
    entrants = []
    for area in ("采油一区", "采油二区", "采油三区"):
        members = [p.id for p in persons if p.unit.startswith(area + "/")][:3]
        team = services.roster.add_team(contest_id, f"{area}代表队", members)
        services.roster.add_entry(event.id, team_id=team.id)
        entrants.append((team.name, marks.rng.randint(70, 95)))
    rows = list(_rows(marks, [TEAM_RUBRIC], entrants, usernames, 10**6))
    ScoreImportService(services.ctx).import_rows(event.id, rows, "demo")
