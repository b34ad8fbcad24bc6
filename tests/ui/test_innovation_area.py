"""The Innovation area: an achievement from proposal to rollout with a benefit and a file,
the file opened, a refused move, similar titles while typing, and the dashboard."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from contest_desk.domain.innovation import BenefitKind, Stage
from contest_desk.services.hub import Services
from contest_desk.ui import ask, feedback
from contest_desk.ui.innovation import dialogs, ledger_tab
from contest_desk.ui.innovation.area import InnovationArea
from contest_desk.ui.scoring import sheet_bar
from contest_desk.ui.state import AppState
from tests.ui import test_scoring_models as shared

language = shared.language
services = shared.services
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def area(qtbot, services: Services) -> InnovationArea:
    for n, name in enumerate(("王建国", "李明"), start=1):
        services.roster.add_person(f"P{n}", name, "采油一区/采油一班")
    services.innovation.add_studio("王建国创新工作室", "采油一区", "plant", leader="P1")
    shown = InnovationArea(services, AppState())
    qtbot.addWidget(shown)
    shown.resize(1300, 800)
    shown.show()
    return shown


def move_to(qtbot, area: InnovationArea, monkeypatch, stage: str) -> None:
    monkeypatch.setattr(ask, "ask_choice", lambda _p, _t, _l, items: items.index(stage))
    qtbot.mouseClick(area.ledger_tab.buttons["move"], LEFT)


def test_an_achievement_from_proposal_to_rollout(
    qtbot, area, services, monkeypatch, tmp_path
) -> None:
    refused: list[str] = []
    monkeypatch.setattr(feedback, "show_user_error", lambda _p, e: refused.append(e.message()))
    tab = area.ledger_tab
    studio = services.innovation.studios()[0].id
    monkeypatch.setattr(
        dialogs,
        "ask_achievement",
        lambda *a: dialogs.NewAchievement(
            studio, "抽油机平衡自动调节装置", "tool", ["P2", "P1"], "平衡率低", "自动调节平衡块位置"
        ),
    )
    qtbot.mouseClick(tab.buttons["new"], LEFT)
    assert tab.rows.rowCount() == 1 and tab.chosen is not None
    assert tab.chosen.completers == ("李明", "王建国") and tab.chosen.stage is Stage.PROPOSAL

    monkeypatch.setattr(sheet_bar, "ask_text", lambda *a, **k: "同意")
    for stage in ("研发", "应用", "推广"):
        move_to(qtbot, area, monkeypatch, stage)
    assert tab.chosen.stage is Stage.ROLLOUT
    assert [tab.moves.index(r, 2).data() for r in range(3)] == ["研发", "应用", "推广"]
    assert tab.rows.index(0, 2).data() == "推广"

    proof = tmp_path / "效益测算.txt"
    proof.write_text("节电测算", encoding="utf-8")
    monkeypatch.setattr(
        dialogs,
        "ask_benefit",
        lambda *a: dialogs.NewBenefit(
            2026,
            None,
            "采油一区",
            BenefitKind.ENERGY_SAVED,
            "186000",
            "节电 31 万度 × 0.6 元",
            proof,
            False,
        ),
    )
    qtbot.mouseClick(tab.buttons["benefit"], LEFT)
    assert tab.benefits.rowCount() == 1 and tab.benefits.index(0, 3).data() == "186,000.00"
    assert tab.chosen.actual_benefit == Decimal(186000)
    monkeypatch.setattr(
        dialogs,
        "ask_benefit",
        lambda *a: dialogs.NewBenefit(
            2026, None, "采油一区", BenefitKind.COST_SAVED, "-5", "测算", proof, False
        ),
    )
    qtbot.mouseClick(tab.buttons["benefit"], LEFT)
    assert "-5" in refused[-1] and tab.benefits.rowCount() == 1

    drawing = tmp_path / "图纸.pdf"
    drawing.write_bytes(b"%PDF-1.4 drawing")
    tab.attach_file(drawing)
    names = [tab.files.index(r, 0).data() for r in range(tab.files.rowCount())]
    assert names == ["效益测算.txt", "图纸.pdf"]
    assert tab.files.index(1, 3).data() == "完好"
    opened: list[Path] = []
    monkeypatch.setattr(ledger_tab, "open_file", opened.append)
    tab.file_view.selectRow(1)
    qtbot.mouseClick(tab.buttons["open"], LEFT)
    assert opened and opened[0].read_bytes() == drawing.read_bytes()

    move_to(qtbot, area, monkeypatch, "结题")
    move_to(qtbot, area, monkeypatch, "研发")  # closed is final: nothing to move to
    assert tab.chosen.stage is Stage.CLOSED and "最终状态" in refused[-1]

    area.tabs.setCurrentIndex(3)
    assert area.funnel_chart.figure is not None
    assert area.dashboard_label.text().startswith("共 1 项成果；实际效益 186,000.00 元")
    bars = area.funnel_chart.figure.axes[0].patches
    assert [int(b.get_height()) for b in bars[:5]] == [1, 1, 1, 1, 1]  # ever reached


def test_similar_titles_show_while_typing(qtbot, area, services) -> None:
    studio = services.innovation.studios()[0].id
    services.innovation.propose(studio, "注水井在线洗井工艺", "process", ["P1"])
    dialog = dialogs.AchievementDialog(services.innovation.studios(), services.innovation.similar)
    qtbot.addWidget(dialog)

    def type_in(text: str) -> None:
        # As typing does (QTest cannot key Chinese characters in): the text, then the signal.
        dialog.title_edit.setText(text)
        dialog.title_edit.textEdited.emit(text)

    type_in("在线洗井")
    assert "注水井在线洗井工艺" in dialog.similar_label.text()
    type_in("变频器散热")
    assert dialog.similar_label.text() == ""


def test_awards_recommendations_and_meeting_photos(
    qtbot, area, services, monkeypatch, tmp_path
) -> None:
    studio = services.innovation.studios()[0].id
    achievement = services.innovation.propose(studio, "井口取样防喷装置", "tool", ["P1"])
    services.meetings.add_meeting(
        __import__("datetime").date(2026, 4, 22), studio, "注水站", "经验交流", ["P1", "P2"]
    )
    area.refresh()
    tab = area.ledger_tab
    tab.refresh()
    tab.select(achievement)
    monkeypatch.setattr(
        ask,
        "ask_form",
        lambda _p, _t, fields: {
            label: value
            for (label, _d), value in zip(
                fields, ["油田公司技术革新成果", "油田公司", "二等奖", "2026"], strict=True
            )
        },
    )
    qtbot.mouseClick(tab.buttons["award"], LEFT)
    answers = iter([1, 0, 1])  # to the group company; that recommendation; awarded
    monkeypatch.setattr(ask, "ask_choice", lambda *a: next(answers))
    qtbot.mouseClick(tab.buttons["recommend"], LEFT)
    qtbot.mouseClick(tab.buttons["outcome"], LEFT)
    info = services.innovation_details.achievement(achievement)
    assert info.awards[0].grade == "二等奖"
    assert [(r.level, r.outcome) for r in info.recommendations] == [("group", "awarded")]
    assert "集团公司 获奖" in tab.fields.text()
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(b"\xff\xd8\xff photo")
    area.tabs.setCurrentIndex(2)
    area.meeting_view.selectRow(0)
    area.attach_photo(photo)
    assert area.meetings.index(0, 6).data() == "1"
    area.tabs.setCurrentIndex(3)
    assert area.by_site.rowCount() == 0  # no benefits yet: nothing by site
