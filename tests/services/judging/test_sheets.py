"""Sheets: a judge marks only their own sheet, signs it off, and the chief judge locks."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from contest_desk.domain.permissions import Role
from contest_desk.errors import ImportRejected, PermissionDenied, UserError
from contest_desk.services.hub import Services
from contest_desk.storage import models as m
from tests.builders import SmallEvent

D = __import__("decimal").Decimal


@dataclass
class Panel:
    small: SmallEvent
    judges: list[Services]  # acting as j1, j2, j3
    chief: Services


@pytest.fixture
def panel(services: Services, small_event: SmallEvent) -> Panel:
    services.users.create_first_admin("admin", "管理员", "admin-2026")
    for judge in small_event.judges:
        services.users.add_user(judge.username, judge.name, f"{judge.username}-pass", [Role.JUDGE])
    services.users.add_user("chief", "裁判长", "chief-pass", [Role.CHIEF_JUDGE])
    acting = [
        services.as_user(services.users.authenticate(j.username, f"{j.username}-pass"))
        for j in small_event.judges
    ]
    chief = services.as_user(services.users.authenticate("chief", "chief-pass"))
    return Panel(small_event, acting, chief)


def fill(panel: Panel, n: int, value: str = "8") -> None:
    """Judge n keys every judgement mark of their sheet."""
    small, judge = panel.small, panel.small.judges[n]
    for entry in small.entries:
        for code in ("P1", "P2"):
            panel.judges[n].scoring.record_score(small.event.id, 1, judge.id, entry.id, code, value)


def stored(services: Services, judge_id: int, entry_id: int, code: str):
    with services.ctx.db.reading() as s:
        return s.scalar(
            select(m.Score.value)
            .join(m.Criterion, m.Criterion.id == m.Score.criterion_id)
            .where(
                m.Score.judge_id == judge_id, m.Score.entry_id == entry_id, m.Criterion.code == code
            )
        )


def test_a_judge_marks_only_their_own_sheet(panel: Panel) -> None:
    small = panel.small
    event, entry = small.event.id, small.entries[0].id
    j1, j2 = small.judges[0], small.judges[1]
    panel.judges[0].scoring.record_score(event, 1, j1.id, entry, "P1", "8")
    with pytest.raises(PermissionDenied) as refused:
        panel.judges[0].scoring.record_score(event, 1, j2.id, entry, "P1", "3")
    assert refused.value.message() == "用户 j1 只能打开自己的评分表"
    with pytest.raises(PermissionDenied):
        panel.judges[0].scoring.sheet(event, 1, j2.id)
    assert stored(panel.chief, j1.id, entry, "P1") == D(8)
    assert stored(panel.chief, j2.id, entry, "P1") is None
    # The chief judge may open any sheet of the panel.
    assert panel.chief.scoring.sheet(event, 1, j2.id).judge_id == j2.id


def test_my_events_are_the_panels_one_sits_on(panel: Panel, services: Services) -> None:
    small = panel.small
    other = services.contests.create_event(small.event.contest_id, "电焊工")
    services.roster.assign_judge(small.judges[1].id, other.id)
    mine = panel.judges[0].scoring.my_events()
    assert [(e.event.id, e.judge_id) for e in mine] == [(small.event.id, small.judges[0].id)]
    assert {e.event.id for e in panel.judges[1].scoring.my_events()} == {small.event.id, other.id}
    assert {(e.event.id, e.judge_id) for e in panel.chief.scoring.my_events()} == {
        (small.event.id, None),
        (other.id, None),
    }


def test_submitting_is_signed_with_the_judges_password(panel: Panel) -> None:
    small, j1 = panel.small, panel.small.judges[0]
    fill(panel, 0)
    with pytest.raises(UserError, match="密码与用户 j1 不符"):
        panel.judges[0].sheets.submit(small.event.id, 1, j1.id, "wrong")
    assert panel.judges[0].scoring.sheet(small.event.id, 1, j1.id).state == "draft"
    panel.judges[0].sheets.submit(small.event.id, 1, j1.id, "j1-pass")
    sheet = panel.judges[0].scoring.sheet(small.event.id, 1, j1.id)
    assert (sheet.state, sheet.read_only) == ("submitted", True)
    (row,) = panel.chief.audit.records(detail={"new": "submitted"})
    assert (row.actor, row.action, row.detail["judge"]) == ("j1", "sheet.submit", j1.id)


def test_an_incomplete_sheet_cannot_be_submitted(panel: Panel) -> None:
    small, j1 = panel.small, panel.small.judges[0]
    fill(panel, 0)
    panel.judges[0].scoring.record_score(small.event.id, 1, j1.id, small.entries[2].id, "P2", None)
    with pytest.raises(UserError, match="还有 1 格未填"):
        panel.judges[0].sheets.submit(small.event.id, 1, j1.id, "j1-pass")


def test_a_submitted_sheet_is_read_only_to_its_judge(panel: Panel) -> None:
    small, j1, entry = panel.small, panel.small.judges[0], panel.small.entries[0].id
    fill(panel, 0)
    panel.judges[0].sheets.submit(small.event.id, 1, j1.id, "j1-pass")
    with pytest.raises(UserError, match="已提交，不能再修改"):
        panel.judges[0].scoring.record_score(small.event.id, 1, j1.id, entry, "P1", "9")
    # The chief judge may change it, but only with a reason, which is kept.
    with pytest.raises(UserError, match="修改需要说明理由"):
        panel.chief.scoring.record_score(small.event.id, 1, j1.id, entry, "P1", "9")
    panel.chief.scoring.record_score(small.event.id, 1, j1.id, entry, "P1", "9", reason="誊写错误")
    assert stored(panel.chief, j1.id, entry, "P1") == D(9)
    row = panel.chief.audit.records(detail={"criterion": "P1", "new": "9"})[0]
    assert (row.actor, row.note, row.old) == ("chief", "誊写错误", "8")


def test_the_chief_judge_reopens_a_sheet_with_a_reason(panel: Panel) -> None:
    small, j1 = panel.small, panel.small.judges[0]
    fill(panel, 0)
    panel.judges[0].sheets.submit(small.event.id, 1, j1.id, "j1-pass")
    with pytest.raises(PermissionDenied):
        panel.judges[0].sheets.reopen(small.event.id, 1, j1.id, "我想改")
    with pytest.raises(UserError, match="请填写理由"):
        panel.chief.sheets.reopen(small.event.id, 1, j1.id, " ")
    panel.chief.sheets.reopen(small.event.id, 1, j1.id, "A1 分差过大，请复评")
    panel.judges[0].scoring.record_score(small.event.id, 1, j1.id, small.entries[0].id, "P1", "7")
    (row,) = panel.chief.audit.records(detail={"new": "draft"})
    assert (row.action, row.note) == ("sheet.reopen", "A1 分差过大，请复评")


def test_a_round_locks_when_every_sheet_is_in_and_then_nothing_changes(panel: Panel) -> None:
    small, event = panel.small, panel.small.event.id
    for n in (0, 1):
        fill(panel, n)
        panel.judges[n].sheets.submit(event, 1, small.judges[n].id, f"j{n + 1}-pass")
    with pytest.raises(UserError) as waiting:
        panel.chief.sheets.lock_round(event, 1)
    assert waiting.value.message() == "还有评分表未提交：裁判3"
    fill(panel, 2)
    panel.judges[2].sheets.submit(event, 1, small.judges[2].id, "j3-pass")
    status = panel.chief.sheets.round_status(event, 1)
    assert [(s.state, s.filled, s.expected) for s in status.sheets] == [("submitted", 8, 8)] * 3
    assert not panel.chief.standings.standings(event, 1).final
    panel.chief.sheets.lock_round(event, 1)
    assert panel.chief.sheets.round_status(event, 1).locked
    assert panel.chief.standings.standings(event, 1).final

    entry = small.entries[0].id
    with pytest.raises(UserError, match="已锁定"):
        panel.chief.scoring.record_score(event, 1, small.judges[0].id, entry, "P1", "1", "x")
    with pytest.raises(UserError, match="已锁定"):
        panel.chief.scoring.record_time(event, 1, entry, D(60))
    with pytest.raises(UserError, match="请填写理由"):
        panel.chief.sheets.unlock_round(event, 1, "")
    panel.chief.sheets.unlock_round(event, 1, "申诉复核")
    assert not panel.chief.sheets.round_status(event, 1).locked
    actions = [r.action for r in panel.chief.audit.records(targets=(f"event:{event}",))]
    assert actions[:2] == ["round.unlock", "round.lock"]


def test_an_import_cannot_overwrite_a_submitted_sheet_or_a_locked_round(
    panel: Panel, services: Services
) -> None:
    small, event = panel.small, panel.small.event.id
    fill(panel, 0)
    panel.judges[0].sheets.submit(event, 1, small.judges[0].id, "j1-pass")
    key = "101"  # the first entry's employee number
    rows = [{"entry": key, "judge": "j1", "criterion": "P1", "value": "2"}]
    with pytest.raises(ImportRejected) as rejected:
        services.score_import.import_rows(event, rows, "paper.csv")
    assert rejected.value.problems[0].message() == (
        "paper.csv, 第 1 行, “judge”列: 裁判1 本轮的评分表已提交，须由裁判长退回后才能修改"
    )
    assert stored(services, small.judges[0].id, small.entries[0].id, "P1") == D(8)

    for n in (1, 2):
        fill(panel, n)
        panel.judges[n].sheets.submit(event, 1, small.judges[n].id, f"j{n + 1}-pass")
    panel.chief.sheets.lock_round(event, 1)
    theory = [{"entry": key, "judge": "j2", "criterion": "T1", "value": "90"}]
    with pytest.raises(ImportRejected) as rejected:
        services.score_import.import_rows(event, theory, "theory.csv")
    assert [p.message() for p in rejected.value.problems] == [
        "theory.csv, 第 1 行, “judge”列: 裁判2 本轮的评分表已提交，须由裁判长退回后才能修改",
        "theory.csv, 第 1 行, “round”列: 第1轮已锁定",
    ]
    assert stored(services, small.judges[1].id, small.entries[0].id, "T1") is None


def test_a_trainee_marks_in_the_shadow(panel: Panel, services: Services) -> None:
    """A trainee's marks are kept but never counted, and their sheet never holds up the lock."""
    small, event = panel.small, panel.small.event.id
    trainee = services.roster.add_judge(small.event.contest_id, "t1", "见习裁判", trainee=True)
    services.roster.assign_judge(trainee.id, event)
    for n in range(3):
        fill(panel, n, "8")
    for entry in small.entries:  # the shared values, keyed once
        services.scoring.record_score(event, 1, small.judges[0].id, entry.id, "M1", "0.5")
        services.scoring.record_score(event, 1, small.judges[0].id, entry.id, "S1", "0")
        services.scoring.record_score(event, 1, small.judges[0].id, entry.id, "T1", "80")
    before = [(r.entry.id, r.total, r.complete) for r in services.standings.standings(event).rows]
    for entry in small.entries:
        for code in ("P1", "P2"):
            services.scoring.record_score(event, 1, trainee.id, entry.id, code, "1")
    after = [(r.entry.id, r.total, r.complete) for r in services.standings.standings(event).rows]
    assert after == before and all(complete for _, _, complete in after)
    assert stored(services, trainee.id, small.entries[0].id, "P1") == D(1)
    for n in range(3):
        panel.judges[n].sheets.submit(event, 1, small.judges[n].id, f"j{n + 1}-pass")
    panel.chief.sheets.lock_round(event, 1)  # without the trainee's sheet
    assert panel.chief.sheets.round_status(event, 1).locked


def test_viewers_see_codes_until_the_round_is_locked(panel: Panel, services: Services) -> None:
    small, event = panel.small, panel.small.event.id
    services.draws.run(event, 1, seed="draw-2026")
    services.users.add_user("hall", "大屏", "hall-pass", [Role.VIEWER])
    viewer = services.as_user(services.users.authenticate("hall", "hall-pass"))
    names = {"王建国", "李明", "张伟", "刘洋"}
    before = viewer.standings.standings(event, 1)
    assert not names & {r.entry.label for r in before.rows}
    assert all(r.entry.code and r.entry.label == r.entry.code for r in before.rows)
    assert {r.entry.label for r in panel.chief.standings.standings(event, 1).rows} == names
    for n in (0, 1, 2):
        fill(panel, n)
        panel.judges[n].sheets.submit(event, 1, small.judges[n].id, f"j{n + 1}-pass")
    panel.chief.sheets.lock_round(event, 1)
    assert {r.entry.label for r in viewer.standings.standings(event, 1).rows} == names
