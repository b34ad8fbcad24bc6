"""The main window: a side bar of areas (Contests, Scoring, Standings) and the area shown."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from contest_desk import __version__
from contest_desk.domain.permissions import ROLE_NAMES, Action, Role
from contest_desk.i18n import _, language
from contest_desk.services.hub import Services
from contest_desk.ui import shortcuts
from contest_desk.ui.accessible import name_controls
from contest_desk.ui.area_stack import AreaStack, scrolling
from contest_desk.ui.feedback import open_log_folder
from contest_desk.ui.help.pages import page_for_area
from contest_desk.ui.live import DeskWatch
from contest_desk.ui.place import database_place
from contest_desk.ui.state import AppState

if TYPE_CHECKING:  # imported when the guide is first opened, not at the launch
    from contest_desk.ui.help.window import HelpWindow

LANGUAGE_NAMES = {"zh_CN": "中文", "en": "English"}

# The side bar's areas, in order: what opens each, and where its class is. A module is
# imported when its area is first shown: importing them all, with their reports'
# libraries (matplotlib, pypdf, openpyxl, reportlab), was most of the launch (issue 16).
AREA_KINDS: dict[str, tuple[Action, str]] = {
    "contests": (Action.VIEW_SETUP, "contest_desk.ui.contests.area:ContestsArea"),
    "scoring": (Action.SCORE, "contest_desk.ui.scoring.area:ScoringArea"),
    "standings": (Action.VIEW_RESULTS, "contest_desk.ui.standings.area:StandingsArea"),
    "boards": (Action.VIEW_RESULTS, "contest_desk.ui.boards.area:BoardsArea"),
    "labor": (Action.VIEW_RESULTS, "contest_desk.ui.labor.area:LaborArea"),
    "certificates": (Action.VIEW_RESULTS, "contest_desk.ui.certificates.area:CertificatesArea"),
    "innovation": (Action.VIEW_RESULTS, "contest_desk.ui.innovation.area:InnovationArea"),
    "paper": (Action.IMPORT_SCORES, "contest_desk.ui.paper.area:PaperArea"),
    # The LAN hub brings judges' marks in from their phones: who brings marks in.
    "hub": (Action.IMPORT_SCORES, "contest_desk.ui.hub.area:HubArea"),
    "chief": (Action.SUPERVISE, "contest_desk.ui.chief.area:ChiefArea"),
    "audit": (Action.VIEW_AUDIT, "contest_desk.ui.audit.area:AuditArea"),
    "accounts": (Action.MANAGE_USERS, "contest_desk.ui.accounts.area:AccountsArea"),
}


def area_class(place: str) -> type[QWidget]:
    """The class at ``place`` (``module:Class``), its module imported now if not yet."""
    module, _colon, name = place.partition(":")
    return cast(type[QWidget], getattr(importlib.import_module(module), name))


class Areas(Mapping[str, QWidget]):
    """The window's areas by key, each built the first time it is shown (or asked for),
    its module imported then, with only the services its class lists in ``USES``."""

    def __init__(
        self,
        stack: QStackedWidget,
        kinds: dict[str, str],  # key: where its class is (AREA_KINDS)
        services: Services,
        state: AppState,
    ) -> None:
        self.stack = stack
        self.kinds = kinds
        self.services = services
        self.state = state
        self.built: dict[str, QWidget] = {}
        for _key in kinds:  # a place in the stack for each, filled when first shown
            stack.addWidget(QWidget())

    def __getitem__(self, key: str) -> QWidget:
        if key not in self.built:
            kind = area_class(self.kinds[key])  # KeyError for an area this user may not open
            # The subset answers like the hub for the names the area declared.
            given = cast(Services, self.services.only(*kind.USES))  # type: ignore[attr-defined]
            area = cast(Any, kind)(given, self.state)  # every area: (services, state)
            index = list(self.kinds).index(key)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, area)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self.built[key] = area
            name_controls(area)  # what a screen reader says for each control
        return self.built[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.kinds)

    def __len__(self) -> int:
        return len(self.kinds)

    def show_row(self, row: int) -> None:
        if 0 <= row < len(self.kinds):
            area = self[list(self.kinds)[row]]
            self.stack.setCurrentWidget(area)


class MainWindow(QMainWindow):
    def __init__(
        self,
        services: Services,
        on_language: Callable[[str], None] | None = None,
        on_log_out: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.services = services
        self.state = AppState()
        self.setWindowTitle(self.tr("Contest Desk") + f" {__version__}")
        self.resize(1280, 800)

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(150)
        self.sidebar.setIconSize(QSize(20, 20))
        self.stack = AreaStack()
        actor = services.ctx.actor
        # Only the areas the user's roles allow; the services refuse the rest anyway.
        allowed = {key: place for key, (action, place) in AREA_KINDS.items() if actor.may(action)}
        self.areas = Areas(self.stack, allowed, services, self.state)
        titles = {
            "contests": self.tr("Contests"),
            "scoring": self.tr("My scoring") if actor.judge_only else self.tr("Scoring"),
            "standings": self.tr("Standings"),
            "boards": self.tr("Challenge boards"),
            "labor": self.tr("Labor competitions"),
            "certificates": self.tr("Certificates"),
            "innovation": self.tr("Innovation"),
            "paper": self.tr("Paper sheets"),
            "hub": self.tr("Scoring hub"),
            "chief": self.tr("Chief judge"),
            "audit": self.tr("Audit trail"),
            "accounts": self.tr("Accounts"),
        }
        for key in allowed:
            item = QListWidgetItem(titles[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setSizeHint(QSize(140, 44))
            self.sidebar.addItem(item)
        self.sidebar.currentRowChanged.connect(self.areas.show_row)
        self.sidebar.setCurrentRow(0)

        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(scrolling(self.stack), 1)  # a large font scrolls, not clips
        self.setCentralWidget(body)
        self.setStyleSheet(
            "#sidebar { background: #23395d; color: white; border: none; font-size: 15px; }"
            "#sidebar::item { padding: 8px 14px; }"
            "#sidebar::item:selected { background: #c8102e; color: white; }"
        )
        self._build_menu(on_language, on_log_out)
        roles = "、".join(_(ROLE_NAMES[r]) for r in sorted(actor.roles, key=list(Role).index))
        self.user_label = QLabel(f"{actor.username}（{roles}）")
        self.statusBar().addPermanentWidget(self.user_label)
        db = services.ctx.db
        shown, tip = database_place(db.url, db.sqlite_path)
        # A permanent label: showMessage's text goes at the first menu hint and never returns.
        self.database_label = QLabel(shown)
        self.database_label.setToolTip(tip)
        self.statusBar().addWidget(self.database_label)
        # Other desks' changes, announced through self.state as this desk's are (ui/live.py).
        self.watch = DeskWatch(services.changes, self.state, self)
        self.watch.start()

    def show_area(self, key: str) -> None:
        self.sidebar.setCurrentRow(list(self.areas).index(key))

    def _build_menu(
        self, on_language: Callable[[str], None] | None, on_log_out: Callable[[], None] | None
    ) -> None:
        account = self.menuBar().addMenu(self.tr("&Account"))
        # Connected by the app (app.py), which owns the settings and what they rebuild.
        self.settings_action = account.addAction(self.tr("Settings…"))
        self.log_out_action = account.addAction(self.tr("Log out"))
        if on_log_out is not None:
            self.log_out_action.triggered.connect(on_log_out)
        menu = self.menuBar().addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, name in LANGUAGE_NAMES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == language())
            if on_language is not None:
                action.triggered.connect(lambda _checked, c=code: on_language(c))
            group.addAction(action)
            menu.addAction(action)
        self._build_help_menu()

    def _build_help_menu(self) -> None:
        # Kept as self.help_menu: other Help items (the log folder) are added to it.
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.guide_action = self.help_menu.addAction(self.tr("User guide"))
        # F1 anywhere in the window opens the guide at the page of the area shown.
        self.guide_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.guide_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.guide_action.triggered.connect(self.open_help)
        self.keys_action = self.help_menu.addAction(self.tr("Keyboard shortcuts"))
        self.keys_action.triggered.connect(self.show_keys)
        self.log_folder_action = self.help_menu.addAction(self.tr("Open log folder"))
        self.log_folder_action.triggered.connect(open_log_folder)
        self.about_action = self.help_menu.addAction(self.tr("About"))
        self.about_action.triggered.connect(self.open_about)
        self.help_window: HelpWindow | None = None
        # Ctrl+N/O/S/P/F, F5, Ctrl+Q, Ctrl+1 …, Ctrl+PgDn/PgUp, Ctrl+Tab, Shift+F10
        # (ui/shortcuts.py, ui/keyboard.py).
        self.shortcut_actions = shortcuts.install(
            self,
            self.stack.currentWidget,
            self.sidebar.setCurrentRow,
            len(self.areas),
            row=self.sidebar.currentRow,
        )

    def show_keys(self) -> None:
        shortcuts.list_dialog(self).show()

    def current_area(self) -> str | None:
        row = self.sidebar.currentRow()
        keys = list(self.areas)
        return keys[row] if 0 <= row < len(keys) else None

    def open_help(self) -> HelpWindow:
        if self.help_window is None:
            from contest_desk.ui.help.window import HelpWindow

            self.help_window = HelpWindow()  # a window of its own, beside the main one
        self.help_window.open_page(page_for_area(self.current_area()))
        self.help_window.show()
        self.help_window.raise_()
        self.help_window.activateWindow()
        return self.help_window

    def open_about(self) -> None:
        from contest_desk.ui.help.window import AboutDialog

        AboutDialog(self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.watch.stop()
        if self.help_window is not None:  # it has no parent: it would outlive the window
            self.help_window.close()
            self.help_window.deleteLater()
            self.help_window = None
        super().closeEvent(event)
