"""``contest-desk-gui [--db PATH_OR_URL] [--lang zh_CN|en] [FILE]``: the arguments reach the
window; a mistake is said in a message box, in Chinese, never as a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from contest_desk import app
from contest_desk.cli import entry
from contest_desk.errors import UserError
from contest_desk.i18n import DEFAULT_LANGUAGE, set_language
from contest_desk.ui import start_args
from contest_desk.ui.start_args import StartArgs, parse_start_args


@pytest.fixture
def contest_json(tmp_path: Path) -> Path:
    path = tmp_path / "比武.json"
    path.write_text("{}", encoding="utf-8")
    return path


def test_good_arguments(contest_json: Path, tmp_path: Path) -> None:
    assert parse_start_args([]) == StartArgs()
    url = "postgresql+psycopg://desk@server/contests"
    assert parse_start_args(["--db", url, "--lang", "en"]) == StartArgs(url, "en")
    parsed = parse_start_args([f"--db={tmp_path / 'a.db'}", str(contest_json)])
    assert parsed == StartArgs(str(tmp_path / "a.db"), None, contest_json.absolute())
    # The file first, as a file association may put it.
    assert parse_start_args([str(contest_json), "--lang", "zh_CN"]).file == contest_json
    assert parse_start_args(["--help"]).help


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--lang", "fr"], "--lang 只能是 zh_CN / en，不能是 fr"),
        (["--db"], "--db 后面缺少取值"),
        (["--db", " "], "--db 后面需要数据库文件或服务器的 URL"),
        (["--db", "x" * 5000], "--db超过 4096 个字符"),
        (["--database", "a.db"], "无法识别的参数：--database"),
        (["a.json", "b.json"], "无法识别的参数：b.json"),
        (["nowhere.json"], "找不到文件 nowhere.json"),
    ],
)
def test_bad_arguments_are_refused_by_name(
    argv: list[str], message: str, tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    if argv == ["a.json", "b.json"]:
        (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    set_language(DEFAULT_LANGUAGE)
    with pytest.raises(UserError) as refused:
        parse_start_args(argv)
    assert refused.value.message().startswith(message)


def test_a_folder_is_not_a_contest_file(tmp_path: Path) -> None:
    with pytest.raises(UserError) as refused:
        parse_start_args([str(tmp_path)])
    assert refused.value.message() == f"{tmp_path} 是文件夹，不是竞赛文件"


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[tuple[str, str, bool]]:
    """The message boxes, instead of showing them; the user's settings in a file of the test."""
    boxes: list[tuple[str, str, bool]] = []
    monkeypatch.setattr(
        start_args,
        "show_message",
        lambda title, text, warning=True: boxes.append((title, text, warning)),
    )
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(app, "QSettings", lambda: settings)
    return boxes


def test_a_bad_argument_is_a_message_box_in_chinese(qapp, shown, monkeypatch) -> None:
    started = []
    monkeypatch.setattr(app, "run_gui", lambda *args: started.append(args))
    try:
        assert app.main(["--lang", "fr", "--db", "x.db"]) == 2
    finally:
        set_language(DEFAULT_LANGUAGE)
    assert started == []  # nothing opened
    [(title, text, warning)] = shown
    assert title == "竞赛管理系统无法启动" and warning
    assert text.startswith("--lang 只能是 zh_CN / en，不能是 fr\n\n用法：contest-desk-gui")
    assert "Traceback" not in text


def test_the_refusal_speaks_the_language_asked_for(qapp, shown, monkeypatch) -> None:
    try:
        assert app.main(["--lang", "en", "--bogus"]) == 2
    finally:
        set_language(DEFAULT_LANGUAGE)
    [(title, text, _warning)] = shown
    assert title == "Contest Desk cannot start"
    assert text.startswith("Unknown argument(s): --bogus\n\nUsage: contest-desk-gui")


def test_help_shows_the_usage(qapp, shown) -> None:
    try:
        assert app.main(["-h"]) == 0
    finally:
        set_language(DEFAULT_LANGUAGE)
    [(_title, text, warning)] = shown
    assert text.startswith("用法：contest-desk-gui [--db 路径或URL]") and not warning


def test_the_arguments_reach_the_window(qapp, shown, monkeypatch, contest_json, tmp_path) -> None:
    started = []
    monkeypatch.setattr(app, "run_gui", lambda *args: started.append(args) or 0)
    db = str(tmp_path / "desk.db")
    assert app.main(["--db", db, "--lang", "en", str(contest_json)]) == 0
    assert started == [(db, "en", contest_json.absolute())] and shown == []


def test_the_gui_script_is_the_entry_that_reads_them() -> None:
    import tomllib

    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    scripts = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["gui-scripts"]
    assert scripts["contest-desk-gui"] == "contest_desk.app:main"


def test_the_file_association_passes_the_file_as_the_argument() -> None:
    iss = Path(__file__).resolve().parents[2] / "installer" / "windows" / "contest-desk.iss"
    text = iss.read_text(encoding="utf-8")
    command = next(line for line in text.splitlines() if "shell\\open\\command" in line)
    assert 'ValueData: """{app}\\{#AppExe}"" ""%1"""' in command
    assert '#define AppExe "contest-desk-gui.exe"' in text
    assert "Software\\Classes\\.json\\OpenWithProgids" in text


@pytest.mark.parametrize(("program", "expected"), [("contest-desk-gui", 5), ("contest-desk", 2)])
def test_the_bundles_windowed_program_reads_the_windows_arguments(
    monkeypatch: pytest.MonkeyPatch, program: str, expected: int
) -> None:
    # The bundle's two programs run main.py (installer/contest_desk.spec); the association
    # runs the windowed one with the file, which the command line would take for a command.
    import runpy

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(Path("C:/Program Files/ContestDesk") / program))
    monkeypatch.setattr(sys, "argv", [program, "比武.json"])
    monkeypatch.setattr(app, "main", lambda: 5)
    # The command line's own log file set-up is not this test's business.
    monkeypatch.setattr(entry, "set_up_logging", lambda **_kw: None)
    main_py = Path(__file__).resolve().parents[2] / "main.py"
    with pytest.raises(SystemExit) as ended:
        runpy.run_path(str(main_py), run_name="__main__")
    assert ended.value.code == expected  # the command line: "比武.json" is no command
