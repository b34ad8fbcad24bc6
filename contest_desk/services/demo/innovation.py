"""The demo's innovation ledger: 3 studios, 15 achievements over every stage, benefits
with their proof, patents, awards, rollouts, a recommendation and two exchange meetings."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from contest_desk.domain.innovation import BenefitKind, Stage
from contest_desk.services.hub import Services

STUDIOS = (
    ("王建国劳模创新工作室", "采油一区", "oilfield", "抽油机节能、井下作业工具"),
    ("李明技能大师工作室", "采油二区", "plant", "注水工艺、在线监测"),
    ("集输技术创新工作室", "采油三区", "group", "集输防腐、计量"),
)
# title, studio, category, stage path after the proposal, completers (positions in the roster)
ACHIEVEMENTS: tuple[tuple[str, int, str, list[str], tuple[int, ...]], ...] = (
    ("抽油机平衡自动调节装置", 0, "tool", ["rnd", "application", "rollout"], (0, 1)),
    (
        "游梁式抽油机皮带快速更换工具",
        0,
        "tool",
        ["rnd", "application", "rollout", "closed"],
        (1, 2),
    ),
    ("井口取样防喷装置", 0, "tool", ["rnd", "application"], (2,)),
    ("抽油杆扶正器改进", 0, "technique", ["rnd"], (3, 0)),
    ("螺杆泵井参数优化方法", 0, "process", [], (0,)),
    ("注水井在线洗井工艺", 1, "process", ["rnd", "application", "rollout"], (4, 5)),
    ("注水量远程监测软件", 1, "software", ["rnd", "application"], (5,)),
    ("配水间阀门快速检修法", 1, "technique", ["rnd", "rejected"], (6,)),
    ("分层注水测试仪器改装", 1, "tool", ["rnd", "suspended"], (4, 7)),
    ("注水泵能耗管理办法", 1, "management", ["rnd", "application", "closed"], (7,)),
    ("集输管线内防腐涂层修复", 2, "technique", ["rnd", "application", "rollout"], (8, 9)),
    ("计量间自动量油改造", 2, "process", ["rnd"], (9,)),
    ("加热炉燃烧器节能改造", 2, "technique", ["rnd", "application"], (10,)),
    ("集输站巡检管理系统", 2, "software", [], (11,)),
    ("原油含水快速测定方法", 2, "process", ["rejected"], (8,)),
)
REASONS = {
    "rejected": "经评审与已有成果重复，不予立项",
    "suspended": "配套仪器到货延迟，暂停研发",
}


def build_demo_innovation(services: Services) -> None:
    people = [p.employee_no for p in services.roster.persons()]
    studios = [
        services.innovation.add_studio(
            name,
            unit,
            level,
            leader=people[n * 4],
            members=people[n * 4 : n * 4 + 4],
            founded_on=dt.date(2019 + n, 4, 28),
            specialties=specialties,
        ).id
        for n, (name, unit, level, specialties) in enumerate(STUDIOS)
    ]
    with tempfile.TemporaryDirectory() as folder:
        proofs = Path(folder)
        ids = []
        for n, (title, studio, category, path, who) in enumerate(ACHIEVEMENTS):
            start = dt.date(2025 + n % 2, 1 + n % 12, 10)
            achievement = services.innovation.propose(
                studios[studio],
                title,
                category,
                [people[w] for w in who],
                problem=f"解决{title[:6]}中存在的效率低、劳动强度大等问题",
                description=f"{title}：经现场试验，效果良好。",
                started_on=start,
            )
            ids.append(achievement)
            when = start
            for stage in path:
                when += dt.timedelta(days=45)
                services.innovation.move(
                    achievement,
                    Stage(stage),
                    "同意" if stage not in REASONS else "不同意",
                    REASONS.get(stage, ""),
                    on=when,
                )
            if "application" in path:
                proof = proofs / f"效益测算-{n}.txt"
                proof.write_text(f"{title} 效益测算说明", encoding="utf-8")
                services.innovation_details.add_benefit(
                    achievement,
                    when.year,
                    STUDIOS[studio][1],
                    BenefitKind.COST_SAVED,
                    str((12 + 7 * n) * 10000),
                    "节约材料费和维修费（财务科核定）",
                    proof,
                )
                services.innovation_details.add_benefit(
                    achievement,
                    when.year + 1,
                    STUDIOS[studio][1],
                    BenefitKind.NEW_PROFIT,
                    str((20 + 5 * n) * 10000),
                    "按推广规模预计",
                    projected=True,
                )
            if "rollout" in path:
                services.innovation_details.add_rollout(
                    achievement, "采油四区", when + dt.timedelta(days=10), f"{6 + n} 口井"
                )
        services.innovation_details.add_patent(
            ids[0], "ZL202520345678.1", "utility_model", dt.date(2025, 3, 1), dt.date(2025, 11, 20)
        )
        services.innovation_details.add_patent(
            ids[5], "ZL202510123456.9", "invention", dt.date(2025, 6, 1)
        )
        services.innovation_details.add_award(
            ids[1], "油田公司职工技术创新成果", "oilfield", "一等奖", 2025
        )
        services.innovation_details.recommend(ids[0], "group", dt.date(2026, 3, 1))
        photo = proofs / "交流会照片.txt"
        photo.write_text("现场照片", encoding="utf-8")
        services.meetings.add_meeting(
            dt.date(2025, 9, 18),
            studios[0],
            "采油一区3号计量间",
            "抽油机节能技术现场交流",
            people[:6],
            ids[:2],
            "各采油区技术骨干30人参加",
            [photo],
        )
        services.meetings.add_meeting(
            dt.date(2026, 4, 22),
            studios[1],
            "采油二区注水站",
            "注水井在线洗井经验交流",
            people[4:10],
            [ids[5], ids[6]],
            "现场演示洗井工艺流程",
        )
