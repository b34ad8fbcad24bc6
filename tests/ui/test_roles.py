"""Log in as each role and see what each may and may not do, through the real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from contest_desk.domain.permissions import Role
from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.ui import feedback, round_lock
from contest_desk.ui.login import LoginDialog, SetupDialog
from contest_desk.ui.main_window import MainWindow
from contest_desk.ui.scoring import sheet_bar
from contest_desk.ui.scoring.area import ScoringArea
from tests.ui import test_scoring_models as shared
from tests.ui.test_scoring_models import SmallEvent

language = shared.language
services = shared.services
small = shared.small

ACCOUNTS = {
    "org": [Role.ORGANIZER],
    "chief": [Role.CHIEF_JUDGE],
    "judge1": [Role.JUDGE],
    "judge2": [Role.JUDGE],
    "judge3": [Role.JUDGE],
    "viewer": [Role.VIEWER],
    "reviewer": [Role.REVIEWER],
}


@pytest.fixture
def accounts(services: Services, small: SmallEvent) -> Services:
    services.users.create_first_admin("admin", "管理员", "admin-pass")
    for username, roles in ACCOUNTS.items():
        services.users.add_user(username, username, f"{username}-pass", roles)
    return services


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[UserError]:
    errors: list[UserError] = []
    monkeypatch.setattr(feedback, "show_user_error", lambda _parent, error: errors.append(error))
    return errors


def log_in(qtbot, services: Services, username: str, password: str) -> LoginDialog:
    dialog = LoginDialog(services)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return dialog


def window_for(qtbot, services: Services, username: str) -> MainWindow:
    dialog = log_in(qtbot, services, username, f"{username}-pass")
    assert dialog.result() == 1 and dialog.actor is not None
    window = MainWindow(services.as_user(dialog.actor))
    qtbot.addWidget(window)
    window.show()
    return window


def sidebar(window: MainWindow) -> list[str]:
    return [window.sidebar.item(i).text() for i in range(window.sidebar.count())]


def test_the_first_run_sets_up_the_administrator(qtbot, services: Services) -> None:
    dialog = SetupDialog(services)
    qtbot.addWidget(dialog)
    dialog.name.setText("王管理")
    dialog.password.setText("admin-pass")
    dialog.again.setText("admin-typo")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.problem.text() == "两次输入的密码不一致。"
    assert not services.users.has_users()
    dialog.again.setText("admin-pass")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == 1
    assert services.users.authenticate("admin", "admin-pass").roles == {Role.ADMIN}


def test_a_wrong_password_is_explained_in_the_dialog(qtbot, accounts: Services) -> None:
    dialog = log_in(qtbot, accounts, "judge1", "nope")
    assert dialog.result() != 1 and dialog.actor is None
    assert dialog.problem.text() == "用户名或密码错误"
    assert dialog.password.text() == ""


@pytest.mark.parametrize(
    ("username", "areas"),
    [
        (
            "admin",
            ["竞赛", "成绩排名", "擂台", "劳动竞赛", "荣誉证书", "创新成果", "审计记录", "账户"],
        ),
        (
            "org",
            [
                "竞赛",
                "成绩排名",
                "擂台",
                "劳动竞赛",
                "荣誉证书",
                "创新成果",
                "纸质评分表",
                "现场评分",
            ],
        ),
        (
            "chief",
            [
                "竞赛",
                "评分",
                "成绩排名",
                "擂台",
                "劳动竞赛",
                "荣誉证书",
                "创新成果",
                "纸质评分表",
                "现场评分",
                "裁判长",
                "审计记录",
            ],
        ),
        ("judge1", ["我的评分"]),
        ("viewer", ["竞赛", "成绩排名", "擂台", "劳动竞赛", "荣誉证书", "创新成果"]),
        ("reviewer", ["竞赛", "成绩排名", "擂台", "劳动竞赛", "荣誉证书", "创新成果"]),
    ],
)
def test_each_role_sees_its_areas(qtbot, accounts, username, areas) -> None:
    window = window_for(qtbot, accounts, username)
    assert sidebar(window) == areas
    assert window.user_label.text().startswith(username + "（")


def test_a_viewer_cannot_change_the_contest(qtbot, accounts, small, shown) -> None:
    window = window_for(qtbot, accounts, "viewer")
    area = window.areas["contests"]
    area.state.choose_contest(small.contest_id)
    area.contest_panel.name_edit.setText("改名")
    qtbot.mouseClick(area.contest_panel.save_button, Qt.MouseButton.LeftButton)
    assert [e.msgid for e in shown] == ["{user} may not {action}"]
    assert accounts.contests.contest(small.contest_id).name == "2026年采油厂职工技能比武"


def open_my_scoring(qtbot, window: MainWindow) -> ScoringArea:
    window.show_area("scoring")
    area = window.areas["scoring"]
    assert isinstance(area, ScoringArea)
    if area.model.sheet is None:
        qtbot.waitUntil(lambda: area.model.sheet is not None, timeout=20000)
    return area


def test_a_judge_scores_only_their_own_sheet_in_large_type_and_submits_it(
    qtbot, accounts, small, monkeypatch
) -> None:
    window = window_for(qtbot, accounts, "judge1")
    area = open_my_scoring(qtbot, window)
    judges = [area.judge_box.itemText(i) for i in range(area.judge_box.count())]
    assert judges == ["张振华"]  # only themselves
    assert area.grid.font().pointSize() >= 14
    assert area.sheet_bar.submit_button.isVisible()
    assert not area.sheet_bar.lock_button.isVisible()

    # Key every own cell with the keyboard: P1 (out of 10) and P2 (out of 20) for 4 entries.
    model = area.model
    qtbot.mouseClick(
        area.grid.viewport(),
        Qt.MouseButton.LeftButton,
        pos=area.grid.visualRect(model.index(0, model.column_of("P1"))).center(),
    )
    for row in range(4):
        for code in ("P1", "P2"):
            index = model.index(row, model.column_of(code))
            area.grid.setCurrentIndex(index)
            qtbot.keyClicks(area.grid, "8")
            qtbot.keyClick(area.grid, Qt.Key.Key_Return)
    sheet = accounts.scoring.sheet(small.event_id, 1, small.judges[0])
    assert sum(1 for (_, code) in sheet.values if code in ("P1", "P2")) == 8

    monkeypatch.setattr(sheet_bar, "ask_text", lambda *a, **k: "judge1-pass")
    with qtbot.waitSignal(area.sheet_loaded, timeout=20000):
        qtbot.mouseClick(area.sheet_bar.submit_button, Qt.MouseButton.LeftButton)
    assert area.model.sheet is not None and area.model.sheet.state == "submitted"
    assert area.sheet_bar.state_label.text() == "已提交：只读"
    editable = model.flags(model.index(0, model.column_of("P1"))) & Qt.ItemFlag.ItemIsEditable
    assert not editable


def test_the_chief_judge_locks_a_round_when_every_sheet_is_in(
    qtbot, accounts, small, shown, monkeypatch
) -> None:
    for n, judge_id in enumerate(small.judges, start=1):
        acting = accounts.as_user(accounts.users.authenticate(f"judge{n}", f"judge{n}-pass"))
        for entry in small.entries:
            for code in ("P1", "P2"):
                acting.scoring.record_score(small.event_id, 1, judge_id, entry.id, code, "8")
        if n < 3:
            acting.sheets.submit(small.event_id, 1, judge_id, f"judge{n}-pass")
    window = window_for(qtbot, accounts, "chief")
    area = open_my_scoring(qtbot, window)
    area.state.choose_event(small.event_id)
    assert area.judge_box.count() == 3  # the chief judge opens any sheet of the panel

    monkeypatch.setattr(round_lock, "ask_lock", lambda *_a: True)  # what locking means: yes
    qtbot.mouseClick(area.sheet_bar.lock_button, Qt.MouseButton.LeftButton)
    assert [e.message() for e in shown] == ["还有评分表未提交：王秀兰"]
    assert not accounts.sheets.round_status(small.event_id, 1).locked

    judge3 = accounts.as_user(accounts.users.authenticate("judge3", "judge3-pass"))
    judge3.sheets.submit(small.event_id, 1, small.judges[2], "judge3-pass")
    with qtbot.waitSignal(area.sheet_loaded, timeout=20000):
        qtbot.mouseClick(area.sheet_bar.lock_button, Qt.MouseButton.LeftButton)
    assert accounts.sheets.round_status(small.event_id, 1).locked
    assert area.sheet_bar.unlock_button.isVisible()
    assert area.sheet_bar.state_label.text() == "本轮已锁定：成绩为最终结果"

    monkeypatch.setattr(sheet_bar, "ask_text", lambda *a, **k: "申诉复核")
    with qtbot.waitSignal(area.sheet_loaded, timeout=20000):
        qtbot.mouseClick(area.sheet_bar.unlock_button, Qt.MouseButton.LeftButton)
    assert not accounts.sheets.round_status(small.event_id, 1).locked
    (row,) = accounts.audit.records(detail={"round": 1, "new": False})
    assert (row.actor, row.action, row.note) == ("chief", "round.unlock", "申诉复核")


def test_the_administrator_manages_accounts_in_the_window(qtbot, accounts, shown, monkeypatch):
    window = window_for(qtbot, accounts, "admin")
    window.show_area("accounts")
    area = window.areas["accounts"]
    area.username_edit.setText("judge9")
    area.name_edit.setText("新裁判")
    area.password_edit.setText("judge9-pass")
    area.role_checks[Role.JUDGE].setChecked(True)
    qtbot.mouseClick(area.add_button, Qt.MouseButton.LeftButton)
    assert accounts.users.authenticate("judge9", "judge9-pass").roles == {Role.JUDGE}
    row = next(r for r in range(area.users.rowCount()) if area.users.index(r, 0).data() == "judge9")
    area.view.selectRow(row)
    monkeypatch.setattr(sheet_bar, "ask_text", lambda *a, **k: "调离")
    qtbot.mouseClick(area.disable_button, Qt.MouseButton.LeftButton)
    assert area.users.index(row, 3).data() == ""
    with pytest.raises(UserError, match="已停用"):
        accounts.users.authenticate("judge9", "judge9-pass")
    # The last administrator cannot be disabled: refused with the reason.
    admin_row = next(
        r for r in range(area.users.rowCount()) if area.users.index(r, 0).data() == "admin"
    )
    area.view.selectRow(admin_row)
    qtbot.mouseClick(area.disable_button, Qt.MouseButton.LeftButton)
    assert [e.message() for e in shown] == ["必须保留至少一个启用的系统管理员"]
