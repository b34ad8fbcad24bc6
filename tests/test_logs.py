"""The rotating log file: made in the chosen folder, rotated at its size, set up once."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from contest_desk import logs


@pytest.fixture
def restore_root() -> Iterator[None]:
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    yield
    for handler in [h for h in root.handlers if h not in handlers]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def test_the_folder_comes_from_the_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(logs.FOLDER_ENV, str(tmp_path / "logs"))
    assert logs.log_file() == tmp_path / "logs" / "contest-desk.log"
    assert (tmp_path / "logs").is_dir()


def test_the_log_file_is_made_and_written(tmp_path: Path, restore_root) -> None:
    path = logs.set_up_logging(tmp_path)
    logging.getLogger("contest_desk.test").info("a contest was saved: 技能大赛")
    logs.desk_handler().flush()  # type: ignore[union-attr]
    assert path == tmp_path / "contest-desk.log"
    assert "a contest was saved: 技能大赛" in path.read_text(encoding="utf-8")


def test_the_log_file_rotates_and_keeps_five(tmp_path: Path, restore_root) -> None:
    logs.set_up_logging(tmp_path, max_bytes=200)
    for n in range(40):
        logging.getLogger("contest_desk.test").info("line %d %s", n, "x" * 50)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["contest-desk.log", *(f"contest-desk.log.{n}" for n in range(1, 6))]
    assert "line 39" in (tmp_path / "contest-desk.log").read_text(encoding="utf-8")


def test_a_second_set_up_does_not_write_twice(tmp_path: Path, restore_root) -> None:
    logs.set_up_logging(tmp_path)
    path = logs.set_up_logging(tmp_path)
    logging.getLogger("contest_desk.test").warning("once")
    logs.desk_handler().flush()  # type: ignore[union-attr]
    assert path.read_text(encoding="utf-8").count("once") == 1


def test_the_command_line_still_shows_warnings(tmp_path: Path, restore_root, capsys) -> None:
    logs.set_up_logging(tmp_path, echo_warnings=True)
    logs.set_up_logging(tmp_path, echo_warnings=True)  # again: still once
    logging.getLogger("contest_desk.test").warning("the backup folder is full")
    logging.getLogger("contest_desk.test").info("only in the file")
    shown = capsys.readouterr().err
    assert shown.count("the backup folder is full") == 1 and "only in the file" not in shown
