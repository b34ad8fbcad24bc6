"""Qt's own texts in the app's language: message box and log-in buttons, the file dialog,
the calendar, a text box's right-click menu and the print preview's toolbar are Chinese in
the Chinese interface (no English word anywhere in them) and English in the English one."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QFileInfo, QLocale, QSettings, Qt, QTimer
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFileIconProvider,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTabBar,
    QWidget,
)

from contest_desk.app import DeskApp
from contest_desk.errors import UserError
from contest_desk.i18n import DEFAULT_LANGUAGE, set_language
from contest_desk.services.hub import Services
from contest_desk.ui.audit import area as audit_area
from contest_desk.ui.feedback import show_user_error
from contest_desk.ui.login import LoginDialog
from contest_desk.ui.translator import Translations, qt_translation_dirs, system_speaks
from tests.ui import test_scoring_models as shared

services = shared.services

# Words that are the same in a Chinese interface: key names in shortcuts, file kinds.
ALLOWED = {"Ctrl", "Shift", "Alt", "Del", "Excel", "xlsx", "PDF", "pdf"}
WORD = re.compile(r"[A-Za-z]{2,}")
# The real modal calls, taken before tests/conftest.py's guard replaces them: these tests
# open the dialogs as the app does and close them from a timer once read.
MODAL = {
    (QDialog, "exec"): QDialog.exec,
    (QMessageBox, "exec"): QMessageBox.exec,
    (QFileDialog, "getSaveFileName"): QFileDialog.getSaveFileName,
}


@pytest.fixture
def translations(qapp, monkeypatch: pytest.MonkeyPatch) -> Iterator[Translations]:
    """The application's translators as app.py installs them, Chinese to start with."""
    for (cls, name), call in MODAL.items():
        monkeypatch.setattr(cls, name, call)
    chosen = Translations(qapp)
    chosen.apply("zh_CN")
    yield chosen
    chosen.close()
    set_language(DEFAULT_LANGUAGE)


def _item_texts(view: QAbstractItemView) -> list[str]:
    """A view's column heads; a calendar's cells too (its day names are in the cells)."""
    model = view.model()
    if model is None:
        return []
    texts = [
        str(model.headerData(c, Qt.Orientation.Horizontal) or "")
        for c in range(model.columnCount())
    ]
    if isinstance(view.parent(), QCalendarWidget):
        texts += [
            str(model.index(r, c).data() or "")
            for r in range(model.rowCount())
            for c in range(model.columnCount())
        ]
    return texts


def _own_texts(widget: QWidget) -> list[str]:
    texts = [widget.toolTip(), widget.statusTip(), widget.whatsThis()]
    if isinstance(widget, (QAbstractButton, QLabel)):
        texts.append(widget.text())
    if isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
    if isinstance(widget, QGroupBox):
        texts.append(widget.title())
    if isinstance(widget, QComboBox):  # the file dialog's folder list names folders, not Qt
        texts += [t for t in map(widget.itemText, range(widget.count())) if "/" not in t]
    if isinstance(widget, QTabBar):
        texts += [widget.tabText(i) for i in range(widget.count())]
    if isinstance(widget, QAbstractItemView):
        texts += _item_texts(widget)
    for action in widget.actions():
        texts += [action.text(), action.toolTip()]
    return texts


def visible_texts(top: QWidget) -> list[str]:
    """What a person can read in ``top``: its title and the texts, tooltips and actions of
    every child it shows (a shortcut's key names after the tab left out)."""
    texts = [top.windowTitle(), *_own_texts(top)]
    for child in top.findChildren(QWidget):
        if child.isVisibleTo(top):
            texts += _own_texts(child)
    return [t.split("\t")[0] for t in texts if t]


def english_words(texts: list[str]) -> list[str]:
    return sorted({w for t in texts for w in WORD.findall(t) if w not in ALLOWED})


def texts_of_modal(open_it: Callable[[], object]) -> list[str]:
    """Open a modal dialog the way the app does, read it once shown, then close it."""
    seen: list[str] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            try:
                seen.extend(visible_texts(dialog))
            finally:
                dialog.reject()

    QTimer.singleShot(0, read_and_close)
    open_it()
    assert seen, "no dialog opened"
    return seen


def message_box_texts() -> list[str]:
    buttons = QMessageBox.StandardButton
    every = buttons.Ok | buttons.Cancel | buttons.Save | buttons.Yes | buttons.No
    texts = texts_of_modal(lambda: QMessageBox.question(None, "问题", "保存吗？", every))
    texts += texts_of_modal(lambda: show_user_error(None, UserError("Wrong user name or password")))
    return texts


def calendar_texts(qtbot) -> list[str]:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    qtbot.addWidget(edit)
    calendar = edit.calendarWidget()
    calendar.show()
    return visible_texts(calendar)


def context_menu_texts(qtbot) -> list[str]:
    edit = QLineEdit("采油一区")
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    assert isinstance(menu, QMenu)
    return [a.text().split("\t")[0] for a in menu.actions() if a.text()]


def print_preview_texts(qtbot) -> list[str]:
    dialog = QPrintPreviewDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    return visible_texts(dialog)


def file_dialog_texts(tmp_path: Path) -> list[str]:
    """The dialog as the audit area opens it, and the type column of its file list (a
    folder, a drive, a file of a kind the system does not know)."""
    parent = QWidget()
    path = str(tmp_path / "审计记录.xlsx")
    texts = texts_of_modal(lambda: audit_area.ask_save_path(parent, path))
    (tmp_path / "成绩").mkdir(exist_ok=True)
    (tmp_path / "名单.qzx").write_bytes(b"\x00\x01 not a known kind")
    types = QFileIconProvider()
    return texts + [types.type(QFileInfo(str(tmp_path / n))) for n in ("成绩", "名单.qzx", "/")]


def test_the_systems_own_file_dialog_only_where_it_speaks_the_language() -> None:
    chinese_windows = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    english_windows = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert system_speaks("zh_CN", chinese_windows) and system_speaks("en", english_windows)
    assert not system_speaks("zh_CN", english_windows)
    assert not system_speaks("en", chinese_windows)


def test_qt_finds_its_chinese_translation_where_pip_installs_it() -> None:
    assert any((folder / "qtbase_zh_CN.qm").is_file() for folder in qt_translation_dirs())


def test_qts_own_dialogs_and_menus_have_no_english_in_chinese(
    qtbot, translations: Translations, services: Services, tmp_path: Path
) -> None:
    services.users.create_first_admin("admin", "管理员", "admin-pass")
    login = LoginDialog(services)
    qtbot.addWidget(login)
    login.show()
    shown = {
        "message boxes": message_box_texts(),
        # Less the database's own name and path (the file's words, not the window's).
        "log-in": [
            t for t in visible_texts(login) if t not in (login.place.text(), login.place.toolTip())
        ],
        "file dialog": file_dialog_texts(tmp_path),
        "calendar": calendar_texts(qtbot),
        "line edit menu": context_menu_texts(qtbot),
        "print preview": print_preview_texts(qtbot),
    }
    assert {k: english_words(v) for k, v in shown.items()} == {k: [] for k in shown}
    # ...and they are there, in Chinese.
    assert {"确定", "取消", "保存", "是(&Y)", "否(&N)"} <= set(shown["message boxes"])
    assert {"确定", "取消"} <= set(shown["log-in"])
    assert {"文件名称(&N)：", "文件夹", "驱动器"} <= set(shown["file dialog"])
    assert {"一月", "周一"} <= set(shown["calendar"])
    assert {"复制(&C)", "粘贴(&P)", "全选"} <= set(shown["line edit menu"])
    assert {"打印", "下一页", "适应宽度"} <= set(shown["print preview"])


def test_switching_to_english_gives_qts_english(
    qtbot, translations: Translations, services: Services, tmp_path: Path
) -> None:
    """Through the app's own switch (the 语言 menu): the window is rebuilt in English and
    Qt's texts follow."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    desk = DeskApp(services, settings, translations)
    chinese = desk.open_window()
    (english,) = [
        a for a in chinese.menuBar().actions()[1].menu().actions() if a.text() == "English"
    ]
    english.trigger()
    assert desk.window is not None and desk.window is not chinese
    qtbot.addWidget(desk.window)
    assert settings.value("language") == "en"
    assert desk.window.sidebar.item(0).text() == "Contests"
    assert {"OK", "Cancel", "Save", "&Yes", "&No"} <= set(message_box_texts())
    assert {"File &name:", "Folder", "Drive"} <= set(file_dialog_texts(tmp_path))
    assert {"January", "Mon"} <= set(calendar_texts(qtbot))
    assert {"&Copy", "&Paste", "Select All"} <= set(context_menu_texts(qtbot))
    assert {"Print", "Next page", "Fit width"} <= set(print_preview_texts(qtbot))

    desk.switch_language("zh_CN")
    assert desk.window is not None
    qtbot.addWidget(desk.window)
    assert desk.window.sidebar.item(0).text() == "竞赛"
    assert "确定" in message_box_texts()
