"""What a clerk reads where raw identifiers were shown: templates by name, judges by name
(told apart by unit), approvers and issuers by name or 系统（自动）, sizes with a unit, and
the rows of a round not drawn yet."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from contest_desk.domain.innovation import Stage
from contest_desk.domain.permissions import Actor, Role
from contest_desk.domain.records.contests import JudgeInfo
from contest_desk.services.hub import Services
from contest_desk.ui.certificates import template_editor
from contest_desk.ui.certificates.area import CertificatesArea
from contest_desk.ui.chief.area import ChiefArea
from contest_desk.ui.contests.draw_tab import DrawTab
from contest_desk.ui.contests.judges_tab import JudgesTab
from contest_desk.ui.hub.tokens import TokensBox
from contest_desk.ui.innovation.area import InnovationArea
from contest_desk.ui.paper.area import PaperArea
from contest_desk.ui.scoring.area import ScoringArea
from contest_desk.ui.state import AppState
from tests.ui import test_scoring_models as shared
from tests.ui.test_scoring_models import SmallEvent

language = shared.language
services = shared.services
small = shared.small


def texts(box) -> list[str]:
    return [box.itemText(i) for i in range(box.count())]


def column(model, col: int) -> list[str]:
    return [model.index(r, col).data() for r in range(model.rowCount())]


def as_person(services: Services, username: str, name: str, role: Role) -> Services:
    """Acting as an account that has a person's name, as accounts made in the window do."""
    services.users.add_user(username, name, f"{username}-pass", [role])
    return services.as_user(Actor(username, frozenset({role})))


@pytest.fixture
def namesake(services: Services, small: SmallEvent) -> JudgeInfo:
    """A second 张振华 on the panel, from another unit."""
    judge = services.roster.add_judge(small.contest_id, "judge4", "张振华", "采油二区")
    services.roster.assign_judge(judge.id, small.event_id)
    return judge


# Certificate templates -----------------------------------------------------------------


def test_templates_are_shown_by_their_names_and_kept_by_their_ids(
    qtbot, services, small, monkeypatch
) -> None:
    state = AppState()
    state.choose_contest(small.contest_id)
    state.choose_event(small.event_id)
    area = CertificatesArea(services, state)
    qtbot.addWidget(area)
    box = area.template_box
    assert texts(box) == ["横版（A4 横向）", "竖版（A4 纵向）"]
    assert [box.itemData(i) for i in range(box.count())] == ["landscape", "portrait"]
    given = []
    monkeypatch.setattr(template_editor, "edit_template", lambda _p, t: given.append(t))
    box.setCurrentIndex(1)
    area.edit_template()
    assert given[0].name == "竖版（A4 纵向）"  # the copy is named from this, not "portrait"
    editor = template_editor.TemplateEditor(given[0])
    qtbot.addWidget(editor)
    assert editor.name_edit.text() == "竖版（A4 纵向）（副本）"


# Judges ------------------------------------------------------------------------------------


def test_the_scoring_picker_names_judges_and_tells_namesakes_apart_by_unit(
    qtbot, services, small, namesake
) -> None:
    chief = services.as_user(Actor("chief", frozenset({Role.CHIEF_JUDGE})))
    area = ScoringArea(chief, AppState())
    qtbot.addWidget(area)
    with qtbot.waitSignal(area.sheet_loaded, timeout=20000):
        area.show()
    shown = texts(area.judge_box)
    assert shown == ["张振华（培训中心）", "李国强", "王秀兰", "张振华（采油二区）"]
    assert not any("judge" in text for text in shown)
    assert area.judge_box.itemData(3) == namesake.id


def test_the_panel_lists_names_and_units_not_accounts(qtbot, services, small, namesake) -> None:
    state = AppState()
    state.choose_contest(small.contest_id)
    state.choose_event(small.event_id)
    tab = JudgesTab(services, state)
    qtbot.addWidget(tab)
    assert column(tab.panel, 0) == ["张振华（培训中心）", "李国强", "王秀兰", "张振华（采油二区）"]
    assert column(tab.panel, 1) == ["培训中心"] * 3 + ["采油二区"]
    headers = [tab.panel.headerData(c, Qt.Orientation.Horizontal) for c in range(2)]
    assert headers == ["姓名", "单位"]


def test_the_cards_box_names_judges_and_who_issued_a_card(
    qtbot, services, small, namesake, monkeypatch, tmp_path
) -> None:
    from contest_desk.ui.hub import tokens as tokens_module

    for n, name in enumerate(("张振华", "李国强", "王秀兰", "张振华"), start=1):
        services.users.add_user(f"judge{n}", name, f"judge{n}-pass", [Role.JUDGE])
    clerk = as_person(services, "clerk", "刘秀英", Role.ORGANIZER)
    contest = (small.contest_id, "2026年采油厂职工技能比武")
    box = TokensBox(clerk, lambda: contest, lambda: "http://192.168.1.20:8765")
    qtbot.addWidget(box)
    monkeypatch.setattr(tokens_module, "ask_cards_path", lambda *a: str(tmp_path / "cards.pdf"))
    box.reload()
    box.print_cards(box.judges.records())
    assert column(box.judges, 0) == ["张振华（培训中心）", "李国强", "王秀兰", "张振华（采油二区）"]
    headers = [box.judges.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert "账号" not in headers
    issued = column(box.judges, 2)
    assert all(text.startswith("已发放") and "刘秀英" in text for text in issued), issued
    assert not any("clerk" in text for text in issued)
    # Through the selection model: selectRow follows the keyboard modifiers Qt believes held,
    # which a key test earlier on the same worker can leave behind (it then toggled the row).
    flags = QItemSelectionModel.SelectionFlag
    box.view.selectionModel().select(box.judges.index(3, 0), flags.ClearAndSelect | flags.Rows)
    box.revoke()
    assert box.note.text().endswith("张振华（采油二区）")


# Who did it --------------------------------------------------------------------------------


@pytest.fixture
def ledger(qtbot, services: Services) -> InnovationArea:
    services.roster.add_person("P1", "王建国", "采油一区/采油一班")
    studio = services.innovation.add_studio("王建国创新工作室", "采油一区", "plant", leader="P1")
    made = services.innovation.propose(studio.id, "抽油机平衡自动调节装置", "tool", ["P1"])
    services.innovation.move(made, Stage.RND, "同意立项")  # the program's own (SYSTEM) work
    reviewer = as_person(services, "zhou", "周明", Role.REVIEWER)
    reviewer.innovation.move(made, Stage.APPLICATION, "同意应用")
    area = InnovationArea(services, AppState())
    qtbot.addWidget(area)
    area.show()
    return area


def test_the_ledger_names_approvers_and_gives_sizes_their_unit(
    qtbot, services, ledger, tmp_path: Path
) -> None:
    tab = ledger.ledger_tab
    assert column(tab.moves, 3) == ["系统（自动）", "周明"]
    files = {"说明.txt": 52, "图纸.pdf": 1250, "录像.mp4": 3565158}
    for name, size in files.items():
        path = tmp_path / name
        path.write_bytes(b"x" * size)
        tab.attach_file(path)
    sizes = dict(zip(column(tab.files, 0), column(tab.files, 1), strict=True))
    assert sizes == {"说明.txt": "52 字节", "图纸.pdf": "1.2 KB", "录像.mp4": "3.4 MB"}


def test_a_round_locked_by_the_program_says_so(qtbot, services, small) -> None:
    for n, judge_id in enumerate(small.judges, start=1):
        services.users.add_user(f"judge{n}", f"裁判{n}", f"judge{n}-pass", [Role.JUDGE])
        acting = services.as_user(Actor(f"judge{n}", frozenset({Role.JUDGE})))
        for entry in small.entries:
            for code in ("P1", "P2"):
                acting.scoring.record_score(small.event_id, 1, judge_id, entry.id, code, "8")
        acting.sheets.submit(small.event_id, 1, judge_id, f"judge{n}-pass")
    services.sheets.lock_round(small.event_id, 1)  # the program's own (SYSTEM) lock
    state = AppState()
    state.choose_contest(small.contest_id)
    state.choose_event(small.event_id)
    area = ChiefArea(as_person(services, "chen", "陈立军", Role.CHIEF_JUDGE), state)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitUntil(lambda: area.lock_label.text() != "", timeout=5000)
    assert area.lock_label.text() == "已由 系统（自动） 锁定"


def test_the_draw_tab_names_who_drew(qtbot, services, small) -> None:
    clerk = as_person(services, "clerk", "刘秀英", Role.ORGANIZER)
    clerk.draws.run(small.event_id, 1, "种子", prefix="A")
    state = AppState()
    state.choose_contest(small.contest_id)
    state.choose_event(small.event_id)
    tab = DrawTab(clerk, state)
    qtbot.addWidget(tab)
    assert tab.summary.text() == "第 1 层，种子 种子，由 刘秀英 抽签"


# Paper sheets ------------------------------------------------------------------------------


def paper_area(qtbot, services: Services) -> PaperArea:
    clerk = as_person(services, "clerk1", "刘秀英", Role.ORGANIZER)
    area = PaperArea(clerk, AppState())
    qtbot.addWidget(area)
    area.show()
    return area


def rows(area: PaperArea) -> list[str]:
    model = area.model
    return [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]


def test_rows_of_a_round_not_drawn_say_what_they_are(qtbot, services, small, namesake) -> None:
    area = paper_area(qtbot, services)
    assert texts(area.judge_box) == ["张振华（培训中心）", "李国强", "王秀兰", "张振华（采油二区）"]
    assert rows(area) == ["名单第1位", "名单第2位", "名单第3位", "名单第4位"]
    assert area.status.text().startswith("有 4 个参赛单元还没有抽签号")
    assert "#" not in "".join(rows(area)) + area.status.text()
    assert area.model.setData(area.model.index(0, 0), "8")
    qtbot.waitUntil(lambda: "刘秀英" in area.status.text(), timeout=5000)
    assert "clerk1" not in area.status.text()  # who keyed it, by name


def test_rows_of_a_drawn_round_are_its_codes(qtbot, services, small) -> None:
    services.draws.run(small.event_id, 1, "种子", prefix="A")
    area = paper_area(qtbot, services)
    assert sorted(rows(area)) == ["A001", "A002", "A003", "A004"]
    assert "抽签" not in area.status.text()
