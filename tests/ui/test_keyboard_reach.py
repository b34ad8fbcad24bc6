"""Every action of the window is reachable without the mouse (issue 15): the demo, opened
by an account with every role, each area and each of its tabs shown, walked with Tab;
the menus by Alt and their letters, the areas by Ctrl+PgDn, the tabs by Ctrl+Tab, a
context menu by Shift+F10; and a few whole errands done with keys only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QProgressDialog,
    QTabBar,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

from contest_desk.domain.permissions import Actor, Role
from contest_desk.services.demo.build import CONTEST_NAME
from contest_desk.services.hub import Services
from contest_desk.ui import keyboard
from contest_desk.ui.accessible import CONTROLS
from contest_desk.ui.main_window import MainWindow
from tests.builders import copy_of_demo
from tests.ui.area_walk import every_role_window, settle, walk

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
# More than any area's walk takes (an editable grid's every cell is a Tab stop).
MOST_PRESSES = 3000
# A control whose keyboard way is another key names it in this property (the date
# field's calendar button: F4 or Alt+Down in the field).
KEYS_INSTEAD = "keys_instead"
# The offscreen platform says so whenever a menu opens.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


@pytest.fixture(scope="module")
def demo(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Services:
    return Services.open(copy_of_demo(demo_template, tmp_path_factory.mktemp("keyboard")))


def back_to(qtbot, window: QWidget) -> None:
    """Work done, and the window active again, as the window system makes it when the
    runner's progress dialog closes (the offscreen platform leaves no window active)."""
    settle(qtbot)
    window.activateWindow()
    qtbot.waitActive(window)


@pytest.fixture
def window(qtbot, demo: Services, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    # The runner's progress dialog (ui/operations.py) is not shown: when it closes, the
    # offscreen platform gives the activation back to no window, and a window that is not
    # active takes no keys (a real window system gives it back to the main window).
    monkeypatch.setattr(QProgressDialog, "show", lambda _self: None)
    shown = every_role_window(qtbot, demo)
    yield shown
    for widget in QApplication.topLevelWidgets():  # dialogs a test opened
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.close()


# What a person reaches ---------------------------------------------------------------


def is_interactive(widget: QWidget) -> bool:
    """A control a person uses, not a part Qt builds inside one (a table's header, a combo
    box's list, a spin box's field, a tab bar's arrows, a field's clear button); unlike
    accessible.is_control, also the controls in a scroll area (its viewport is a qt_ part),
    tab bars and text boxes."""
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return widget.textInteractionFlags() != Qt.TextInteractionFlag.NoTextInteraction
    if not isinstance(widget, (*CONTROLS, QTabBar)) or isinstance(widget, QHeaderView):
        return False
    if widget.objectName().startswith("qt_") and not isinstance(widget, QTabBar):
        return False
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox, QAbstractItemView, QTabBar, QLineEdit)):
            return False
        parent = parent.parentWidget()
    return True


def controls(root: QWidget) -> list[QWidget]:
    return [
        w
        for w in root.findChildren(QWidget)
        if is_interactive(w) and w.isEnabled() and w.isVisible() and w.width() > 0
    ]


def described(widget: QWidget) -> str:
    text = getattr(widget, "text", lambda: "")()
    return f"{type(widget).__name__} {widget.objectName()!r} {text or widget.accessibleName()!r}"


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def owner(widget: QWidget) -> QWidget:
    """The control a focused part belongs to (a combo box's or spin box's text field)."""
    parent = widget.parentWidget()
    return parent if isinstance(parent, (QComboBox, QAbstractSpinBox)) else widget


def tab_walk(qtbot, window: MainWindow) -> tuple[set[int], list[str]]:
    """Tab from the side bar round the whole window: the controls the focus visited, and
    the read-only tables that held it for more than one press."""
    back_to(qtbot, window)
    window.sidebar.setFocus(Qt.FocusReason.TabFocusReason)
    assert focused() is window.sidebar
    visited: set[int] = {id(window.sidebar)}
    holding: list[str] = []
    previous: QWidget | None = window.sidebar
    for _n in range(MOST_PRESSES):
        widget = focused()
        assert widget is not None, "the focus left the window"
        QTest.keyClick(widget, Qt.Key.Key_Tab)
        now = focused()
        if now is window.sidebar:
            return visited, holding
        assert now is not None, f"Tab from {described(widget)} left the window"
        if (
            now is previous
            and isinstance(now, QAbstractItemView)
            and now.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
        ):
            holding.append(described(now))
        visited.add(id(owner(now)))
        previous = now
    raise AssertionError(f"Tab never came back to the side bar; stuck at {described(focused())}")


class StrayWindows(QObject):
    """Widgets shown as windows of their own that are no dialog, menu or tooltip: a
    widget shown before it has a parent flashes up so, and takes the focus (and with it
    the window's keys) from the main window."""

    def __init__(self, main: QWidget) -> None:
        super().__init__()
        self.main = main
        self.seen: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and watched is not self.main
            and not isinstance(watched, (QDialog, QMenu))
            and watched.windowType() in (Qt.WindowType.Window, Qt.WindowType.Widget)
        ):
            self.seen.append(described(watched))
        return False


def test_tab_reaches_every_control_of_every_area(qtbot, window: MainWindow) -> None:
    strays = StrayWindows(window)
    QApplication.instance().installEventFilter(strays)
    failures: list[str] = []
    walked = 0
    for where, area in walk(qtbot, window):
        assert not strays.seen, f"{where}: shown as windows: {strays.seen}"
        back_to(qtbot, window)
        visited, holding = tab_walk(qtbot, window)
        walked += len(visited)
        failures += [f"{where}: Tab stays in {w}" for w in sorted(set(holding))]
        for widget in controls(area):
            if widget.property(KEYS_INSTEAD):
                continue
            if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                failures.append(f"{where}: no Tab focus: {described(widget)}")
            elif id(widget) not in visited:
                failures.append(f"{where}: Tab never reaches {described(widget)}")
    QApplication.instance().removeEventFilter(strays)
    assert not failures, "\n".join(dict.fromkeys(failures))
    assert walked >= 200  # the walks went through the areas, not round an empty window


def test_a_control_without_tab_focus_names_its_key_and_the_key_works(qtbot, window) -> None:
    window.show_area("audit")
    area = window.areas["audit"]
    settle(qtbot)
    instead = [w for w in controls(area) if w.property(KEYS_INSTEAD)]
    assert instead, "the audit area's date fields have calendar buttons"
    field = instead[0].parentWidget()
    field.line.setFocus()
    QTest.keyClick(field.line, Qt.Key.Key_F4)
    assert field.popup is not None and field.popup.isVisible()
    QTest.keyClick(field.popup.calendar, Qt.Key.Key_Escape)


# Menus, areas, tabs --------------------------------------------------------------------


def test_each_menu_has_its_own_letter_and_alt_opens_it(qtbot, window: MainWindow) -> None:
    letters = []
    for action in window.menuBar().actions():
        text = action.text()
        assert "&" in text, f"menu {text!r} has no letter for Alt"
        letters.append(text[text.index("&") + 1].lower())
    assert len(set(letters)) == len(letters), letters
    for action, letter in zip(window.menuBar().actions(), letters, strict=True):
        QTest.keyClick(window, getattr(Qt.Key, f"Key_{letter.upper()}"), ALT)
        popup = QApplication.activePopupWidget()
        assert isinstance(popup, QMenu) and popup is action.menu(), action.text()
        # Every item of the menu is reached by the arrow keys (none disabled for good).
        shown = [a for a in popup.actions() if not a.isSeparator() and a.isVisible()]
        assert all(a.isEnabled() for a in shown), [a.text() for a in shown]
        QTest.keyClick(popup, Qt.Key.Key_Escape)
        if QApplication.activePopupWidget() is not None:  # Esc went back to the bar
            QTest.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Escape)


def test_help_list_of_keys_opened_by_keys_only(qtbot, window: MainWindow) -> None:
    QTest.keyClick(window, Qt.Key.Key_H, ALT)
    menu = QApplication.activePopupWidget()
    assert menu is window.help_menu
    for _n in range(len(menu.actions())):  # down the menu to 快捷键
        if menu.activeAction() is window.keys_action:
            break
        QTest.keyClick(menu, Qt.Key.Key_Down)
    assert menu.activeAction() is window.keys_action
    QTest.keyClick(menu, Qt.Key.Key_Return)
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    assert any(d.findChild(QTableWidget) is not None for d in shown)


def test_ctrl_page_down_and_up_reach_every_area(qtbot, window: MainWindow) -> None:
    keys = list(window.areas)
    assert len(keys) > 9  # more than Ctrl+1 … Ctrl+9 reach
    window.show_area(keys[0])
    reached = [window.current_area()]
    for _n in keys[1:]:
        QTest.keyClick(window, Qt.Key.Key_PageDown, CTRL)
        reached.append(window.current_area())
        back_to(qtbot, window)
    assert reached == keys
    assert window.stack.currentWidget() is window.areas[keys[-1]]
    QTest.keyClick(window, Qt.Key.Key_PageDown, CTRL)
    assert window.current_area() == keys[0]  # round the end
    QTest.keyClick(window, Qt.Key.Key_PageUp, CTRL)
    assert window.current_area() == keys[-1]
    for digit in range(1, 10):
        QTest.keyClick(window, getattr(Qt.Key, f"Key_{digit}"), CTRL)
        assert window.current_area() == keys[digit - 1]
        back_to(qtbot, window)


def test_ctrl_tab_turns_every_tab_widget_even_from_inside_a_table(qtbot, window) -> None:
    turned = 0
    for key in window.areas:
        window.show_area(key)
        area = window.areas[key]
        for tabs in area.findChildren(QTabWidget):
            if not tabs.isVisible() or tabs.count() < 2:
                continue
            tabs.setCurrentIndex(0)
            settle(qtbot)

            inside = [
                w
                for w in controls(area)
                if w.focusPolicy() & Qt.FocusPolicy.TabFocus
                and keyboard.tabs_around(w, None) is tabs  # not a tab widget inside
            ]
            if not inside:
                continue
            start = inside[-1]  # the last: often a table, which takes Ctrl+Tab itself
            start.setFocus(Qt.FocusReason.TabFocusReason)
            QTest.keyClick(focused() or window, Qt.Key.Key_Tab, CTRL)
            assert tabs.currentIndex() == 1, f"{key}: Ctrl+Tab from {described(start)}"
            QTest.keyClick(focused() or window, Qt.Key.Key_Tab, CTRL | SHIFT)
            assert tabs.currentIndex() == 0, f"{key}: Ctrl+Shift+Tab"
            turned += 1
    assert turned >= 5


# Nothing only for the mouse ------------------------------------------------------------


def double_clicks(view: QAbstractItemView) -> int:
    """What listens to a double click on ``view``'s rows (an item widget listens to its
    own view's signal, to send its item's: that one counts)."""
    for kind, signal in (
        (QTreeWidget, "2itemDoubleClicked(QTreeWidgetItem*,int)"),
        (QTableWidget, "2itemDoubleClicked(QTableWidgetItem*)"),
        (QListWidget, "2itemDoubleClicked(QListWidgetItem*)"),
    ):
        if isinstance(view, kind):
            return view.receivers(signal)
    return view.receivers("2doubleClicked(QModelIndex)")


class ContextMenus(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[QObject, QContextMenuEvent.Reason]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            self.seen.append((watched, event.reason()))
        return False


def test_no_action_is_only_a_double_click_or_a_right_click_away(qtbot, window) -> None:
    failures = []
    for key in window.areas:
        window.show_area(key)
        for widget in window.areas[key].findChildren(QWidget):
            if isinstance(widget, QAbstractItemView):
                if double_clicks(widget) > 0 and widget.findChild(keyboard.OpenOnEnter) is None:
                    failures.append(f"{key}: a double click on {described(widget)}")
                triggers = widget.editTriggers()
                if triggers & QAbstractItemView.EditTrigger.DoubleClicked and not triggers & (
                    QAbstractItemView.EditTrigger.EditKeyPressed
                    | QAbstractItemView.EditTrigger.AnyKeyPressed
                ):
                    failures.append(f"{key}: edited by a double click only: {described(widget)}")
            menu_policy = widget.contextMenuPolicy()
            if menu_policy in (
                Qt.ContextMenuPolicy.CustomContextMenu,
                Qt.ContextMenuPolicy.ActionsContextMenu,
            ) and not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
                failures.append(
                    f"{key}: a context menu Shift+F10 cannot reach: {described(widget)}"
                )
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("key, modifier", [(Qt.Key.Key_F10, SHIFT), (Qt.Key.Key_Menu, None)])
def test_shift_f10_opens_the_context_menu_of_the_focused_control(
    qtbot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier | None
) -> None:
    window.show_area("contests")
    field = window.areas["contests"].contest_panel.name_edit
    field.setFocus()
    spy = ContextMenus()
    field.installEventFilter(spy)
    if modifier is None:
        QTest.keyClick(field, key)
    else:
        QTest.keyClick(field, key, modifier)
    assert spy.seen == [(field, QContextMenuEvent.Reason.Keyboard)]
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)  # the field's own cut, copy, paste
    menu.close()


# Whole errands with keys only -----------------------------------------------------------


def press_tab_until(window: MainWindow, target: QWidget) -> int:
    for presses in range(1, 400):
        QTest.keyClick(focused() or window, Qt.Key.Key_Tab)
        if focused() is target:
            return presses
    raise AssertionError(f"Tab never reached {described(target)}")


def test_a_new_contest_by_keys_only(qtbot, window: MainWindow) -> None:
    QTest.keyClick(window, Qt.Key.Key_2, CTRL)  # away, then back by the first area's key
    back_to(qtbot, window)
    QTest.keyClick(window, Qt.Key.Key_1, CTRL)
    area = window.areas["contests"]
    assert window.stack.currentWidget() is area
    window.sidebar.setFocus()
    press_tab_until(window, area.navigator.new_contest_button)
    QTest.keyClick(area.navigator.new_contest_button, Qt.Key.Key_Space)
    panel = area.contest_panel
    assert panel.contest is None and panel.title.text() == panel.tr("New contest")
    assert focused() is panel.name_edit  # straight on to typing the name
    QTest.keyClicks(panel.name_edit, "Keyboard Cup")  # QTest types Latin letters only
    assert panel.name_edit.text() == "Keyboard Cup"


def test_new_from_this_contest_dialog_by_keys_only(qtbot, window: MainWindow) -> None:
    QTest.keyClick(window, Qt.Key.Key_1, CTRL)
    area = window.areas["contests"]
    settle(qtbot)
    window.sidebar.setFocus()
    press_tab_until(window, area.navigator.copy_contest_button)
    QTest.keyClick(area.navigator.copy_contest_button, Qt.Key.Key_Space)
    dialog = QApplication.activeModalWidget() or next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
    )
    assert isinstance(dialog, QDialog) and dialog.isVisible()
    dialog.activateWindow()  # as the window system does with a new dialog
    qtbot.waitActive(dialog)
    # The name is typed at once (the field takes the focus as the dialog's first event).
    qtbot.waitUntil(lambda: focused() is dialog.name_edit)
    QTest.keyClick(focused(), Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_enter_on_a_roster_row_opens_the_form_a_double_click_opens(qtbot, window) -> None:
    window.show_area("contests")
    area = window.areas["contests"]
    roster = area.roster_tab
    area.tabs.setCurrentWidget(roster)
    back_to(qtbot, window)
    opened: list[int] = []
    roster.edit_person_dialog = opened.append  # the form's exec would wait for a person
    view = roster.person_view
    assert view.model().rowCount() > 2
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClick(view, Qt.Key.Key_Down)
    row = view.currentIndex().row()
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert opened == [row]
    view.doubleClicked.emit(view.currentIndex())  # and the mouse's way is still there
    assert opened == [row, row]


def test_the_hall_screens_right_click_menu_opens_by_shift_f10(
    qtbot, demo: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from contest_desk.ui.hall.window import HallWindow

    monkeypatch.setattr(QProgressDialog, "show", lambda _self: None)  # as in window()

    every_role = Actor("organizer", frozenset({Role.ORGANIZER, Role.CHIEF_JUDGE, Role.ADMIN}))
    contest = next(c for c in demo.contests.contests() if c.name == CONTEST_NAME)
    hall = HallWindow(demo.as_user(every_role).only(*HallWindow.USES), contest.id)
    qtbot.addWidget(hall)
    hall.show()
    back_to(qtbot, hall)
    seen: list[list[str]] = []

    def read_and_close() -> None:  # the menu waits in its own loop (QMenu.exec)
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            seen.append([a.text() for a in menu.actions()])
            menu.close()
            poll.stop()

    poll = QTimer(hall, interval=10)
    poll.timeout.connect(read_and_close)
    poll.start()
    QTest.keyClick(hall, Qt.Key.Key_F10, SHIFT)
    # What the hall may see…, and closing: no empty item for the keys' own shortcuts.
    poll.stop()
    assert seen == [[hall.tr("What the hall may see…"), hall.tr("Close (Esc)")]]
    hall.close()
