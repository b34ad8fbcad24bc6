"""The innovation ledger through the services: studios, an achievement from proposal to
rollout with its approvals, benefits with proof, files kept by their hash, patents, awards,
recommendations, meetings, search and the dashboard; refusals that change nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from contest_desk.domain.innovation import BenefitKind, Stage, next_stages
from contest_desk.domain.permissions import Role
from contest_desk.domain.records.innovation import LedgerFilter
from contest_desk.errors import NotFound, PermissionDenied, UserError
from contest_desk.services.hub import Services
from contest_desk.services.innovation.attachments import files_root, stored_path

D = Decimal
DAY = dt.date(2026, 3, 2)


@pytest.fixture
def people(services: Services) -> Services:
    for n, name in enumerate(("王建国", "李明", "张伟", "刘洋"), start=1):
        services.roster.add_person(f"P{n:03d}", name, "采油一区/采油一班", "采油工")
    services.users.create_first_admin("admin", "管理员", "admin-2026")
    services.users.add_user("org", "组织者", "org-pass", [Role.ORGANIZER])
    services.users.add_user("review", "评审", "review-pass", [Role.REVIEWER])
    services.users.add_user("viewer", "查看", "viewer-pass", [Role.VIEWER])
    return services


def acting(services: Services, name: str) -> Services:
    return services.as_user(services.users.authenticate(name, f"{name}-pass"))


def proof(tmp_path: Path, text: str = "节约电费测算表") -> Path:
    path = tmp_path / "效益测算.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_from_proposal_to_rollout_with_the_right_approvers(people: Services, tmp_path) -> None:
    org, review, viewer = (acting(people, n) for n in ("org", "review", "viewer"))
    studio = org.innovation.add_studio(
        "王建国创新工作室", "采油一区", "plant", leader="P001", members=["P001", "P002"],
        founded_on=dt.date(2021, 5, 1), specialties="抽油机节能",
    )  # fmt: skip
    assert studio.members == ("王建国", "李明") and studio.leader == "王建国"
    achievement = org.innovation.propose(
        studio.id, "抽油机平衡自动调节装置", "tool", ["P002", "P001"], problem="平衡率低"
    )
    with pytest.raises(PermissionDenied):
        viewer.innovation.move(achievement, Stage.RND, "同意")
    org.innovation.move(achievement, Stage.RND, "同意立项", on=DAY)
    with pytest.raises(PermissionDenied):  # results are the reviewers'
        org.innovation.move(achievement, Stage.APPLICATION, "同意")
    review.innovation.move(achievement, Stage.APPLICATION, "试验合格，同意应用", on=DAY)
    with pytest.raises(UserError, match="原因"):
        review.innovation.move(achievement, Stage.RND, "退回", "")
    review.innovation.move(achievement, Stage.RND, "退回", "试验数据不全，补做两口井")
    info = people.innovation_details.achievement(achievement)
    assert info.stage is Stage.RND and info.under_review
    review.innovation.move(achievement, Stage.APPLICATION, "补充数据合格")
    review.innovation.move(achievement, Stage.ROLLOUT, "同意在采油二区推广")
    with pytest.raises(UserError, match="推广"):
        review.innovation.move(achievement, Stage.REJECTED, "驳回", "重复")
    org.innovation_details.add_rollout(achievement, "采油二区", dt.date(2026, 6, 1), "12口井")
    org.innovation_details.add_benefit(
        achievement, 2026, "采油二区", BenefitKind.ENERGY_SAVED, "18.6", "节电 31 万度 × 0.6 元",
        proof(tmp_path),
    )  # fmt: skip
    info = people.innovation_details.achievement(achievement)
    assert info.stage is Stage.ROLLOUT and not info.under_review
    assert info.completers == ("李明", "王建国")  # in order of contribution
    assert [m.to_stage for m in info.moves] == [
        Stage.RND, Stage.APPLICATION, Stage.RND, Stage.APPLICATION, Stage.ROLLOUT,
    ]  # fmt: skip
    assert info.moves[2].note == "试验数据不全，补做两口井" and info.moves[0].approver == "org"
    assert info.actual_benefit == D("18.6") and info.rollouts[0].scale == "12口井"
    (benefit,) = info.benefits
    assert benefit.proof is not None and benefit.proof.state == "ok"
    review.innovation.move(achievement, Stage.SUSPENDED, "暂停", "现场停产检修")
    info = people.innovation_details.achievement(achievement)
    assert info.suspended_from is Stage.ROLLOUT
    assert next_stages(info.stage, info.suspended_from) == [Stage.ROLLOUT]
    review.innovation.move(achievement, Stage.ROLLOUT, "检修完毕，恢复推广")
    assert people.innovation_details.achievement(achievement).suspended_from is None


def test_benefits_are_refused_without_proof_or_below_zero(people: Services, tmp_path) -> None:
    org = acting(people, "org")
    studio = org.innovation.add_studio("节能工作室", "采油一区", "plant")
    achievement = org.innovation.propose(studio.id, "变频节能改造", "technique", ["P003"])
    add = org.innovation_details.add_benefit
    with pytest.raises(UserError, match="证明"):
        add(achievement, 2026, "采油一区", BenefitKind.COST_SAVED, "5", "测算")
    with pytest.raises(UserError, match="找不到"):
        add(achievement, 2026, "采油一区", BenefitKind.COST_SAVED, "5", "测算", tmp_path / "无.pdf")
    with pytest.raises(UserError, match="-5"):
        add(achievement, 2026, "采油一区", BenefitKind.COST_SAVED, "-5", "测算", proof(tmp_path))
    with pytest.raises(UserError, match="不是数字"):
        add(achievement, 2026, "采油一区", BenefitKind.COST_SAVED, "五万", "测算", proof(tmp_path))
    add(achievement, 2027, "采油一区", BenefitKind.NEW_PROFIT, "40", "预计", projected=True)
    info = people.innovation_details.achievement(achievement)
    assert [b.benefit.projected for b in info.benefits] == [True] and info.attachments == ()


def test_files_are_kept_by_hash_and_a_changed_one_is_reported(people: Services, tmp_path) -> None:
    org = acting(people, "org")
    studio = org.innovation.add_studio("工具工作室", "采油一区", "plant")
    achievement = org.innovation.propose(studio.id, "皮带更换工具", "tool", ["P001"])
    drawing = tmp_path / "图纸.pdf"
    drawing.write_bytes(b"%PDF-1.4 drawing")
    first = org.attachments.attach("achievement", achievement, drawing)
    org.attachments.attach("achievement", achievement, drawing, "第二次上传")
    files = people.attachments.attachments("achievement", achievement)
    assert [f.state for f in files] == ["ok", "ok"] and files[0].size == 16
    stored = stored_path(files_root(people.ctx.db), files[0].sha256)
    assert (
        people.attachments.path_of(first) == stored and stored.read_bytes() == drawing.read_bytes()
    )
    stored.write_bytes(b"tampered")
    assert people.attachments.attachments("achievement", achievement)[0].state == "changed"
    with pytest.raises(UserError, match="SHA-256"):
        people.attachments.path_of(first)
    stored.unlink()
    assert people.attachments.attachments("achievement", achievement)[0].state == "missing"
    with pytest.raises(UserError, match="缺失"):
        people.attachments.path_of(first)


def test_patents_awards_recommendations_and_the_pending_filter(people: Services) -> None:
    org = acting(people, "org")
    studio = org.innovation.add_studio("王建国创新工作室", "采油一区", "oilfield")
    one = org.innovation.propose(studio.id, "在线洗井工艺", "process", ["P001"])
    two = org.innovation.propose(studio.id, "量油测气软件", "software", ["P004"])
    org.innovation_details.add_patent(one, "ZL202620123456.7", "utility_model", DAY)
    with pytest.raises(UserError):
        org.innovation_details.add_patent(one, "ZL2", "utility_model", DAY, DAY - dt.timedelta(1))
    org.innovation_details.add_award(one, "油田公司技术革新成果", "oilfield", "二等奖", 2026)
    pending = org.innovation_details.recommend(one, "oilfield", DAY)
    org.innovation_details.recommend(two, "oilfield", DAY)
    with pytest.raises(UserError, match="已经推荐"):
        org.innovation_details.recommend(one, "oilfield", DAY)
    org.innovation_details.record_outcome(pending, "awarded", DAY + dt.timedelta(30))
    waiting = people.ledger.achievements(LedgerFilter(pending_at="oilfield"))
    assert [a.title for a in waiting] == ["量油测气软件"]
    info = people.innovation_details.achievement(one)
    assert info.patents[0].kind == "utility_model" and info.awards[0].grade == "二等奖"
    assert info.recommendations[0].outcome == "awarded"


def test_search_filters_similar_titles_meetings_and_the_dashboard(
    people: Services, tmp_path
) -> None:
    org, review = acting(people, "org"), acting(people, "review")
    a = org.innovation.add_studio("甲工作室", "采油一区", "plant")
    b = org.innovation.add_studio("乙工作室", "采油二区", "group")
    first = org.innovation.propose(a.id, "抽油机平衡自动调节装置", "tool", ["P001", "P002"])
    second = org.innovation.propose(b.id, "注水井在线洗井工艺", "process", ["P003"])
    org.innovation.propose(b.id, "集输管线防腐", "technique", ["P004"])
    org.innovation.move(first, Stage.RND, "同意")
    review.innovation.move(first, Stage.APPLICATION, "同意")
    org.innovation.move(second, Stage.REJECTED, "不同意", "与已有成果重复")
    org.innovation_details.add_benefit(
        first, 2026, "采油一区", BenefitKind.COST_SAVED, "25", "测算", proof(tmp_path)
    )
    org.innovation_details.add_benefit(
        first, 2027, "采油一区", BenefitKind.COST_SAVED, "30", "预计", projected=True
    )
    assert people.innovation.similar("抽油机平衡调节装置") == ["抽油机平衡自动调节装置"]
    titles = lambda **kw: [x.title for x in people.ledger.achievements(LedgerFilter(**kw))]  # noqa: E731
    assert titles(studio_id=b.id) == ["集输管线防腐", "注水井在线洗井工艺"]
    assert titles(stage=Stage.APPLICATION) == ["抽油机平衡自动调节装置"]
    assert titles(completer="李明") == ["抽油机平衡自动调节装置"]
    assert titles(min_benefit=D(20)) == ["抽油机平衡自动调节装置"]
    assert titles(text="洗井") == ["注水井在线洗井工艺"] and titles(category="technique")
    meeting = org.meetings.add_meeting(
        DAY, a.id, "采油一区会议室", "抽油机节能经验交流", ["P001", "P003"], [first], "现场观摩",
        [proof(tmp_path, "照片")],
    )  # fmt: skip
    (shown,) = people.meetings.meetings()
    assert shown.id == meeting and shown.attendees == ("王建国", "张伟")
    assert shown.achievements == ("抽油机平衡自动调节装置",) and shown.attachments[0].state == "ok"
    with pytest.raises(NotFound):
        org.meetings.add_meeting(DAY, a.id, "会议室", "主题", ["P999"])
    board = people.ledger.dashboard()
    rows = {r.stage: (r.now, r.ever) for r in board.funnel}
    assert rows[Stage.PROPOSAL] == (1, 3) and rows[Stage.APPLICATION] == (1, 1)
    assert rows[Stage.REJECTED] == (1, 1)
    assert board.by_studio == {"甲工作室": (D(25), D(30))} and board.by_year[2026] == (D(25), 0)
