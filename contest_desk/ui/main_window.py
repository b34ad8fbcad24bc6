"""The main window: a side bar of areas (Contests, Scoring, Standings) and the area shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QActionGroup
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
from contest_desk.ui.accounts.area import AccountsArea
from contest_desk.ui.audit.area import AuditArea
from contest_desk.ui.boards.area import BoardsArea
from contest_desk.ui.certificates.area import CertificatesArea
from contest_desk.ui.chief.area import ChiefArea
from contest_desk.ui.contests.area import ContestsArea
from contest_desk.ui.innovation.area import InnovationArea
from contest_desk.ui.labor.area import LaborArea
from contest_desk.ui.paper.area import PaperArea
from contest_desk.ui.scoring.area import ScoringArea
from contest_desk.ui.standings.area import StandingsArea
from contest_desk.ui.state import AppState

LANGUAGE_NAMES = {"zh_CN": "中文", "en": "English"}


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
        self.stack = QStackedWidget()
        actor = services.ctx.actor
        # Only the areas the user's roles allow; the services refuse the rest anyway.
        makers: dict[str, tuple[Action, Callable[[], QWidget]]] = {
            "contests": (Action.VIEW_SETUP, lambda: ContestsArea(services, self.state)),
            "scoring": (Action.SCORE, lambda: ScoringArea(services, self.state)),
            "standings": (Action.VIEW_RESULTS, lambda: StandingsArea(services, self.state)),
            "boards": (Action.VIEW_RESULTS, lambda: BoardsArea(services, self.state)),
            "labor": (Action.VIEW_RESULTS, lambda: LaborArea(services, self.state)),
            "certificates": (
                Action.VIEW_RESULTS,
                lambda: CertificatesArea(services, self.state),
            ),
            "innovation": (Action.VIEW_RESULTS, lambda: InnovationArea(services, self.state)),
            "paper": (Action.IMPORT_SCORES, lambda: PaperArea(services, self.state)),
            "chief": (Action.SUPERVISE, lambda: ChiefArea(services, self.state)),
            "audit": (Action.VIEW_AUDIT, lambda: AuditArea(services, self.state)),
            "accounts": (Action.MANAGE_USERS, lambda: AccountsArea(services, self.state)),
        }
        self.areas = {key: make() for key, (action, make) in makers.items() if actor.may(action)}
        titles = {
            "contests": self.tr("Contests"),
            "scoring": self.tr("My scoring") if actor.judge_only else self.tr("Scoring"),
            "standings": self.tr("Standings"),
            "boards": self.tr("Challenge boards"),
            "labor": self.tr("Labor competitions"),
            "certificates": self.tr("Certificates"),
            "innovation": self.tr("Innovation"),
            "paper": self.tr("Paper sheets"),
            "chief": self.tr("Chief judge"),
            "audit": self.tr("Audit trail"),
            "accounts": self.tr("Accounts"),
        }
        for key, widget in self.areas.items():
            item = QListWidgetItem(titles[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setSizeHint(QSize(140, 44))
            self.sidebar.addItem(item)
            self.stack.addWidget(widget)
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.sidebar.setCurrentRow(0)

        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
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
        self.statusBar().showMessage(services.ctx.db.url)

    def show_area(self, key: str) -> None:
        self.sidebar.setCurrentRow(list(self.areas).index(key))

    def _build_menu(
        self, on_language: Callable[[str], None] | None, on_log_out: Callable[[], None] | None
    ) -> None:
        account = self.menuBar().addMenu(self.tr("&Account"))
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
