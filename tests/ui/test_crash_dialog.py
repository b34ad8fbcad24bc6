"""The crash dialog: the traceback goes to the log file, the dialog names that file, and its
button copies the details for support."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from contest_desk import logs
from contest_desk.i18n import DEFAULT_LANGUAGE, set_language
from contest_desk.ui import feedback
from contest_desk.ui.translator import Translations


@pytest.fixture
def log_dir(tmp_path: Path, monkeypatch) -> Iterator[Path]:
    monkeypatch.setenv(logs.FOLDER_ENV, str(tmp_path))
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    yield tmp_path
    for handler in [h for h in root.handlers if h not in handlers]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def _crash() -> feedback.CrashDialog:
    try:
        raise ZeroDivisionError("the weights add up to nothing")
    except ZeroDivisionError:
        return feedback.report_crash(*sys.exc_info())


def test_an_unexpected_error_goes_to_the_log_and_the_dialog_names_it(qtbot, log_dir) -> None:
    dialog = _crash()
    qtbot.addWidget(dialog)
    written = (log_dir / "contest-desk.log").read_text(encoding="utf-8")
    assert "Traceback" in written and "the weights add up to nothing" in written
    assert str(log_dir / "contest-desk.log") in dialog.message.text()
    assert "the weights add up to nothing" in dialog.text.toPlainText()


def test_the_copy_button_puts_the_details_on_the_clipboard(qtbot, log_dir) -> None:
    QGuiApplication.clipboard().setText("")
    dialog = _crash()
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert str(log_dir / "contest-desk.log") in copied
    assert "ZeroDivisionError: the weights add up to nothing" in copied


def test_the_dialog_speaks_chinese(qapp, qtbot, log_dir) -> None:
    translations = Translations(qapp)
    translations.apply("zh_CN")
    try:
        dialog = _crash()
        qtbot.addWidget(dialog)
        assert dialog.copy_button.text() == "复制详情"
        assert dialog.folder_button.text() == "打开日志文件夹"
        assert dialog.windowTitle() == "程序出错了"
    finally:
        translations.close()
        set_language(DEFAULT_LANGUAGE)


def test_with_logging_set_up_the_traceback_is_written_once(qtbot, log_dir) -> None:
    path = logs.set_up_logging(log_dir)
    dialog = _crash()
    qtbot.addWidget(dialog)
    assert dialog.path == path
    assert path.read_text(encoding="utf-8").count("ZeroDivisionError: the weights") == 1
