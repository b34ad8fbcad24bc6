"""The runner waiting for a server gone away (ui/server_wait.py), without a server: work
that raised ServerUnavailable with nothing committed is sent again behind a dialog until
it succeeds, a refusal or a bug ends the waiting, 停止等待 says the absence as before, and
a commit under way (``unknown``) or a work partly committed is said, never sent again."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from contest_desk import commits
from contest_desk.errors import ServerUnavailable, UserError
from contest_desk.ui import operations, server_wait
from tests.ui import test_scoring_models as shared
from tests.ui import test_server_gone_forms as forms

language = shared.language  # Chinese, Qt's tr() from the catalog
shown = forms.shown  # what the window says to the person, collected
SERVER = "db.plant.local"


@pytest.fixture(autouse=True)
def quick_attempts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server_wait, "DELAYS_MS", (20, 20, 20, 20))


@pytest.fixture
def parent(qtbot: Any) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def waiting_dialog() -> QWidget | None:
    found = [
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == server_wait.NAME and w.isVisible()
    ]
    return found[0] if found else None


class Watch:
    """Looks for the waiting dialog while its block runs: its title and text into ``seen``
    when found up, then ``do`` with it."""

    def __init__(self, do: Callable[[QWidget], None] | None = None) -> None:
        self.seen: list[str] = []
        self._do = do
        self._looking = True

    def __enter__(self) -> Watch:
        QTimer.singleShot(0, self._look)
        return self

    def __exit__(self, *_exc: object) -> None:
        self._looking = False  # the runner has answered: no dialog can come any more

    def _look(self) -> None:
        if not self._looking:
            return
        dialog = waiting_dialog()
        if dialog is None:
            QTimer.singleShot(10, self._look)
            return
        text = dialog.findChild(QWidget, "server_wait_text").text()
        self.seen.append(f"{dialog.windowTitle()}|{text}")
        if self._do is not None:
            self._do(dialog)


def away(times: int, then: Callable[[], Any]) -> tuple[Callable[[], Any], list[int]]:
    """Work that finds the server away ``times`` times, then does ``then``."""
    calls: list[int] = []

    def work() -> Any:
        calls.append(1)
        if len(calls) <= times:
            raise ServerUnavailable(SERVER)
        return then()

    return work, calls


def press_stop(dialog: QWidget) -> None:
    button = dialog.findChild(QPushButton, "server_wait_stop")
    assert button is not None and button.text() == "停止等待"
    button.click()


@pytest.mark.parametrize("runner", ["run", "run_inline", "done"])
def test_work_that_met_the_server_gone_is_sent_again_and_its_answer_given(
    qtbot: Any, parent: QWidget, shown: list[UserError], runner: str
) -> None:
    work, calls = away(3, lambda: 42)
    with Watch() as watch:
        answer = getattr(operations, runner)(parent, work)
    assert answer == (True if runner == "done" else 42)
    assert len(calls) == 4 and shown == []
    kept = f"与服务器的连接中断：{SERVER}。已输入的内容保留，恢复后会自动重试。"
    assert watch.seen == [f"服务器连接中断|{kept}"]
    assert waiting_dialog() is None


def test_a_commit_under_way_is_said_and_not_sent_again_unlike_a_read(
    qtbot: Any, parent: QWidget, shown: list[UserError]
) -> None:
    """Saved or not, nobody knows: sending it again might save it twice."""
    read, read_calls = away(1, lambda: "read")
    assert operations.run(parent, read) == "read" and len(read_calls) == 2

    calls: list[int] = []

    def commit_lost() -> str:
        calls.append(1)
        if len(calls) == 1:
            raise ServerUnavailable(SERVER, unknown=True)
        return "saved twice"

    with Watch() as watch:
        assert operations.run(parent, commit_lost) is None
    assert len(calls) == 1 and watch.seen == []
    assert len(shown) == 1 and shown[0].message().startswith(
        f"与服务器的连接中断：{SERVER}。正在保存的修改可能已保存，也可能未保存"
    )


def test_a_work_whose_first_transaction_was_committed_is_not_sent_again(
    qtbot: Any, parent: QWidget, shown: list[UserError]
) -> None:
    """Storage counts each commit on the work's thread; one counted before the absence
    means the step is partly saved, and is said so."""
    calls: list[int] = []

    def two_saves() -> None:
        calls.append(1)
        commits.count_commit()  # as Database.transaction does after the first save
        raise ServerUnavailable(SERVER)  # the second meets the absence

    with Watch() as watch:
        assert operations.done(parent, two_saves) is False
    assert len(calls) == 1 and watch.seen == []
    (said,) = shown
    assert isinstance(said, ServerUnavailable) and said.partly
    assert said.message() == (
        f"与服务器的连接中断：{SERVER}。这一步已有一部分保存；"
        "服务器恢复后请先查看已保存的内容，再决定是否重做其余部分。"
    )


def test_stop_waiting_says_the_absence_as_before(
    qtbot: Any, parent: QWidget, shown: list[UserError]
) -> None:
    work, _calls = away(10**6, lambda: None)
    with Watch(press_stop) as watch:
        assert operations.run(parent, work) is None
    assert len(watch.seen) == 1 and waiting_dialog() is None
    (said,) = shown
    assert isinstance(said, ServerUnavailable) and not said.unknown and not said.partly
    assert said.message() == f"与服务器的连接中断：{SERVER}。未做任何修改，请在服务器恢复后重试。"


def test_stop_while_an_attempt_runs_waits_for_its_answer(
    qtbot: Any, parent: QWidget, shown: list[UserError]
) -> None:
    """The attempt under way saves after 停止等待: the caller is told it was saved."""
    release = threading.Event()
    calls: list[int] = []

    def work() -> str:
        calls.append(1)
        if len(calls) == 1:
            raise ServerUnavailable(SERVER)
        release.wait(10)
        return "saved"

    def stop_during_the_attempt(dialog: QWidget) -> None:
        if len(calls) < 2:
            QTimer.singleShot(10, lambda: stop_during_the_attempt(dialog))
            return
        press_stop(dialog)
        status = dialog.findChild(QWidget, "server_wait_status").text()
        assert status.startswith("正在停止")
        release.set()

    with Watch(stop_during_the_attempt) as watch:
        assert operations.run(parent, work) == "saved"
    assert shown == [] and len(calls) == 2 and len(watch.seen) == 1


def test_a_refusal_on_a_later_attempt_ends_the_waiting_as_a_first_one_would(
    qtbot: Any, parent: QWidget, shown: list[UserError]
) -> None:
    def refuse() -> None:
        raise UserError("The round is locked")

    work, calls = away(1, refuse)
    assert operations.run(parent, work) is None
    assert len(calls) == 2 and [e.msgid for e in shown] == ["The round is locked"]
    assert waiting_dialog() is None

    def bug() -> None:
        raise KeyError("bug")

    buggy, _calls = away(1, bug)
    with pytest.raises(KeyError):
        operations.run(parent, buggy)


def test_places_with_their_own_queue_are_not_waited_for(
    qtbot: Any, parent: QWidget, shown: list[UserError]
) -> None:
    work, calls = away(1, lambda: "late")
    answer = operations.run_inline(parent, work, wait_for_server=False)
    assert isinstance(answer, ServerUnavailable) and len(calls) == 1 and shown == []


@pytest.fixture(autouse=True)
def no_dialog_left(qtbot: Any) -> Iterator[None]:
    yield
    assert waiting_dialog() is None
