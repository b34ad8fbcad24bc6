"""The guide's and the README's pictures of dialogs, each cropped to the dialog, in Chinese:
``python -m tests.ui.dialog_screenshots [--out FOLDER] [--only login,connection,…]``.

Each dialog is the real one, built on the demo database (tests/ui/screenshots.py's), with
what a clerk would have typed in it. A dialog that asks (exec) is grabbed once it shows,
and then closed with Escape. The offscreen platform draws no window frame, so each picture
gets a plain one with the dialog's title, as a window on the desk has; a message over a
form is drawn over the form's picture. Writes ``dialog_<name>.png``.

``--only server_gone`` (not among the defaults): the whole window with two marks typed
while the database server is away, on a throw-away PostgreSQL cluster stopped for it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.ui.screenshots import FOLDER, save, settle

NAMES = ("login", "connection", "settings", "contest_file", "stale_edit", "rubric_undo")
# Not among the defaults: it needs PostgreSQL's programs, and takes a while.
SERVER_GONE = "server_gone"
TITLE_BAR = 30  # the height of the drawn title bar, in pixels
EXAMPLE_SERVER = "postgresql+psycopg://desk1:desk-2026@192.168.1.10:5432/contests"


class Picture:
    """A drawn picture in the place of a window, for screenshots.save (which grabs)."""

    def __init__(self, pixmap: Any) -> None:
        self.pixmap = pixmap

    def grab(self) -> Any:
        return self.pixmap


class WindowsKeyring:
    """Stands for the Windows Credential Manager, so that the line beside 记住密码 reads as
    it does on the office PCs (the Linux machine that takes the pictures has no store)."""

    name = "Windows Credential Manager"

    def __init__(self) -> None:
        self.kept: dict[str, str] = {}

    def get_password(self, _service: str, key: str) -> str | None:
        return self.kept.get(key)

    def set_password(self, _service: str, key: str, password: str) -> None:
        self.kept[key] = password

    def delete_password(self, _service: str, key: str) -> None:
        self.kept.pop(key, None)


WindowsKeyring.__module__ = "keyring.backends.Windows"  # what Passwords.where() looks at


def framed(widget: Any) -> Any:
    """The widget's picture under a plain title bar with its window title, in a thin frame."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QPainter, QPen, QPixmap

    inner = widget.grab()
    width, height = inner.width(), inner.height()
    picture = QPixmap(width + 2, height + TITLE_BAR + 2)
    picture.fill(QColor("#8c8c8c"))
    painter = QPainter(picture)
    painter.fillRect(1, 1, width, TITLE_BAR, QColor("#f3f3f3"))
    painter.setFont(widget.font())
    painter.setPen(QColor("#1f1f1f"))
    painter.drawText(
        QRect(12, 1, width - 60, TITLE_BAR),
        int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
        widget.windowTitle(),
    )
    painter.setPen(QPen(QColor("#1f1f1f"), 1.2))
    middle, right = 1 + TITLE_BAR // 2, width - 18  # the close button's ×
    painter.drawLine(right - 5, middle - 5, right + 5, middle + 5)
    painter.drawLine(right - 5, middle + 5, right + 5, middle - 5)
    painter.drawPixmap(1, TITLE_BAR + 1, inner)
    painter.end()
    return picture


def over(back: Any, front: Any) -> Any:
    """``front`` (a message) drawn over the middle of ``back`` (its form), with a shadow;
    the picture grows where the message is the wider or taller."""
    from PySide6.QtGui import QColor, QPainter, QPixmap

    width, height = max(back.width(), front.width() + 24), max(back.height(), front.height() + 24)
    picture = QPixmap(width, height)
    picture.fill(QColor("white"))
    painter = QPainter(picture)
    painter.drawPixmap((width - back.width()) // 2, (height - back.height()) // 2, back)
    left, top = (width - front.width()) // 2, (height - front.height()) // 2 + 20
    for spread, alpha in ((6, 20), (4, 30), (2, 45)):
        painter.fillRect(
            left - spread + 3, top - spread + 4, front.width() + 2 * spread,
            front.height() + 2 * spread, QColor(0, 0, 0, alpha),
        )  # fmt: skip
    painter.drawPixmap(left, top, front)
    painter.end()
    return picture


def when_asked(app: Any, take: Callable[[Any], None], kind: type) -> Any:
    """A timer that, once a modal dialog of ``kind`` shows, lets it settle, hands it to
    ``take`` and closes it with Escape (a progress dialog of the runner is passed over)."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    timer = QTimer()
    seen: list[int] = [0]

    def look() -> None:
        modal = QApplication.activeModalWidget()
        if not isinstance(modal, kind):
            return
        seen[0] += 1
        if seen[0] < 6:  # a few ticks for its layout and fonts
            return
        timer.stop()
        app.processEvents()
        take(modal)
        # Escape, as the person would: a question's safe answer (reject() alone would leave
        # ask_go without a clicked button, which it takes for the other answer).
        QTest.keyClick(modal, Qt.Key.Key_Escape)

    timer.timeout.connect(look)
    timer.start(50)
    return timer


class Shots:
    """The demo database, its window and a settings file, shared by the pictures."""

    def __init__(self, app: Any, out: Path, scratch: Path) -> None:
        from PySide6.QtCore import QSettings

        from contest_desk.domain.permissions import Actor, Role
        from contest_desk.services.demo.build import CONTEST_NAME, build_demo
        from contest_desk.services.hub import Services
        from contest_desk.ui.main_window import MainWindow

        self.app, self.out, self.scratch = app, out, scratch
        # Named as the desk's own file is, so that the dialogs say 本地数据库：contest-desk.db.
        folder = scratch / "ContestDesk"
        folder.mkdir()
        self.services = Services.open(str(folder / "contest-desk.db"))
        build_demo(self.services)
        self.settings = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
        actor = Actor("organizer", frozenset({Role.ORGANIZER, Role.CHIEF_JUDGE, Role.ADMIN}))
        self.window = MainWindow(self.services.as_user(actor))
        self.window.resize(1280, 800)
        self.window.show()
        settle(app)
        contests = self.services.contests
        self.contest = next(c for c in contests.contests() if c.name == CONTEST_NAME)
        self.window.state.choose_contest(self.contest.id)
        self.window.state.choose_event(contests.events(self.contest.id)[0].id)
        settle(app, 0.5)

    def write(self, name: str, pixmap: Any) -> None:
        path = self.out / f"dialog_{name}.png"
        save(Picture(pixmap), path)
        print(path, pixmap.width(), pixmap.height())

    def shown(self, name: str, dialog: Any) -> None:
        """A dialog shown by itself (not asking), pictured and closed."""
        dialog.show()
        settle(self.app, 0.5)
        self.write(name, framed(dialog))
        dialog.close()

    # The pictures -------------------------------------------------------------------

    def take_login(self) -> None:
        from contest_desk.ui.login import LoginDialog

        dialog = LoginDialog(self.services, change=lambda _parent: None)
        dialog.username.setText("organizer")
        dialog.password.setText("organizer-2026")
        self.shown("login", dialog)

    def take_connection(self) -> None:
        from contest_desk.i18n import _
        from contest_desk.services.connections import Connection
        from contest_desk.ui.connection import ConnectionDialog
        from contest_desk.ui.connection_store import Passwords, RecentConnections

        recent = RecentConnections(self.settings, Passwords(WindowsKeyring()))
        server = Connection.parse(EXAMPLE_SERVER)
        recent.add(Connection.parse(str(self.services.ctx.db.sqlite_path)))
        recent.add(server, remember=True)
        dialog = ConnectionDialog(recent, server)
        dialog.recent.setCurrentRow(0)
        # What 测试连接 answers for an up-to-date database (the example server is not there).
        dialog.say(_("Connected: the database is up to date"), True)
        self.shown("connection", dialog)

    def take_settings(self) -> None:
        from contest_desk.services.safety.places import Places
        from contest_desk.ui.settings_dialog import BACKUP_FOLDER, ORGANIZATION, SettingsDialog

        self.settings.setValue(ORGANIZATION, "采油厂工会")
        self.settings.setValue(BACKUP_FOLDER, "D:\\竞赛备份")
        self.shown("settings", SettingsDialog(self.settings, places=Places(self.services.ctx.db)))

    def take_contest_file(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from contest_desk.ui.contest_file_open import open_contest_file

        path = self.scratch / f"{self.contest.name}.json"
        self.services.transfer.export_file(self.contest.id, path)
        timer = when_asked(
            self.app, lambda box: self.write("contest_file", framed(box)), QMessageBox
        )
        made = open_contest_file(self.window, path)
        timer.stop()
        assert made is None, "the question was answered 导入, not closed"

    def take_stale_edit(self) -> None:
        """张三 renames a person on another desk while the form is open here with a change
        typed: the refusal over the form, then the form with the stored values."""
        from PySide6.QtWidgets import QDialog, QMessageBox

        from contest_desk.domain.permissions import Role
        from contest_desk.services.hub import Services
        from contest_desk.ui.contests.person_dialog import EditPersonDialog

        area = self.window.areas["contests"]
        self.window.show_area("contests")
        area.tabs.setCurrentWidget(area.roster_tab)
        area.roster_tab.reload()
        settle(self.app, 0.5)
        exec_ = EditPersonDialog.exec
        EditPersonDialog.exec = lambda dialog: (dialog.show(), QDialog.DialogCode.Rejected)[1]
        try:
            form = area.roster_tab.edit_person_dialog(0)
        finally:
            EditPersonDialog.exec = exec_
        settle(self.app, 0.5)
        form.job_type.setText("集输工")  # typed here, not saved yet
        self.services.users.add_user("zhangsan", "张三", "zhangsan-pass", [Role.ORGANIZER])
        other = Services.open(str(self.services.ctx.db.sqlite_path))
        try:
            desk = other.as_user(other.users.authenticate("zhangsan", "zhangsan-pass"))
            person = desk.roster.person(form.read.id)
            name = person.name[:-1] + "军" if not person.name.endswith("军") else person.name + "明"
            desk.roster.update_person(
                person, person.employee_no, name, person.unit, person.job_type, person.skill_level
            )
        finally:
            other.ctx.db.dispose()
        form_picture = framed(form)
        timer = when_asked(
            self.app, lambda box: self.write("stale_edit", over(form_picture, framed(box))),
            QMessageBox,
        )  # fmt: skip
        form.save()
        timer.stop()
        settle(self.app, 0.3)
        self.write("stale_form", framed(form))
        form.close()

    def take_rubric_undo(self) -> None:
        """The demo's rubric with two cells changed and the second change undone: 撤销 and
        重做 both enabled (nothing saved)."""
        from contest_desk.ui.contests.rubric_model import MAX

        area = self.window.areas["contests"]
        self.window.show_area("contests")
        area.tabs.setCurrentWidget(area.rubric_editor)
        settle(self.app, 0.5)
        editor = area.rubric_editor
        editor.part_box.setCurrentIndex(editor.part_box.count() - 1)  # 实操: its criteria

        settle(self.app, 0.3)
        for group, points in ((0, "20"), (1, "15")):  # A1 and B1, under the groups A and B
            editor.tree.topLevelItem(group).child(0).setText(MAX, points)
        editor.undo.history.undo()
        self.window.resize(1280, 600)  # the window's width; less of the tree's empty rows
        settle(self.app, 0.3)
        self.write("rubric_undo", editor.grab())
        self.window.resize(1280, 800)


def take_server_gone(app: Any, out: Path) -> None:
    """The scoring grid while the database server is away: the demo on a throw-away
    PostgreSQL cluster (tests/pg_second_server.py), stopped after the sheet is read, and
    two marks typed; the whole window, for its status bar. Needs PostgreSQL's programs."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from contest_desk.domain.permissions import Actor, Role
    from contest_desk.services.demo.build import CONTEST_NAME, build_demo
    from contest_desk.services.hub import Services
    from contest_desk.ui.main_window import MainWindow
    from tests.pg_second_server import SecondServer, _bin

    bin_dir = _bin()
    if bin_dir is None:
        print("server_gone: PostgreSQL's programs (initdb, pg_ctl) are missing; skipped")
        return
    server = SecondServer(bin_dir)
    try:
        services = Services.open(server.new_database())
        build_demo(services)
        actor = Actor("organizer", frozenset({Role.ORGANIZER, Role.CHIEF_JUDGE, Role.ADMIN}))
        window = MainWindow(services.as_user(actor))
        window.resize(1280, 800)
        window.show()
        settle(app)
        contest = next(c for c in services.contests.contests() if c.name == CONTEST_NAME)
        window.state.choose_contest(contest.id)
        window.state.choose_event(services.contests.events(contest.id)[0].id)
        window.show_area("scoring")
        settle(app, 2.0)
        area = window.areas["scoring"]
        server.stop()
        grid, model = area.grid, area.model
        for row, text in ((2, "16"), (3, "17.5")):  # A2 更换光杆密封圈 (20)
            index = model.index(row, model.column_of("A2"))
            grid.setFocus()
            grid.setCurrentIndex(index)
            QTest.keyClicks(grid, text)
            QTest.keyClick(grid, Qt.Key.Key_Return)
            settle(app, 1.0)
        grid.setCurrentIndex(model.index(5, model.column_of("A2")))  # the tints in sight
        settle(app, 0.5)
        path = out / "dialog_server_gone.png"
        save(window, path)
        print(path, window.width(), window.height())
        window.hide()  # not closed: with marks waiting, closing would ask
        services.ctx.db.dispose()
    finally:
        server.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(FOLDER))
    parser.add_argument(
        "--only", default="", help="comma-separated: " + ",".join((*NAMES, SERVER_GONE))
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="cd-"))
    os.environ.setdefault("CONTEST_DESK_ANCHOR_KEY", str(scratch / "desk-key.json"))
    # The attached files in their default place, as the settings dialog shows it (the
    # variable would grey the field out).
    os.environ.pop("CONTEST_DESK_FILES", None)

    from contest_desk.app import make_qapp

    app, translations = make_qapp()
    translations.apply("zh_CN")
    shots = Shots(app, out, scratch)
    wanted = [n for n in args.only.split(",") if n] or list(NAMES)
    for name in wanted:
        if name == SERVER_GONE:
            take_server_gone(app, out)
        else:
            getattr(shots, f"take_{name}")()
    shots.window.close()
    shots.services.ctx.db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
