"""A paper board imported in the window from the CSV a plant keeps (GBK from Excel or WPS),
and a file that is neither UTF-8 nor GBK named in Chinese, never as a codec error; a chart
saved over a file another program holds open, said in Chinese."""

from __future__ import annotations

from pathlib import Path

from matplotlib.figure import Figure

from contest_desk.services.hub import Services
from contest_desk.ui import feedback
from contest_desk.ui.boards.area import BoardsArea
from tests.ui import test_boards_long_jobs as shared

language = shared.language
services = shared.services
small = shared.small
empty_board = shared.empty_board
names = shared.names


def test_a_gbk_paper_board_is_imported(
    qtbot, empty_board: BoardsArea, services: Services, monkeypatch, tmp_path: Path
) -> None:
    refused: list[str] = []
    monkeypatch.setattr(feedback, "show_user_error", lambda _p, e: refused.append(e.message()))
    broken = tmp_path / "擂台-乱码.csv"
    broken.write_bytes("名次,工号\n1,E003\n".encode("gbk") + b"2,\xff\xc3\n")
    empty_board.import_paper_file(broken)
    assert refused == [
        "擂台-乱码.csv, 第 3 行: 文件编码无法识别：既不是 UTF-8，也不是 GB18030/GBK 文本。"
        "请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”后重试"
    ]
    assert names(empty_board) == []

    paper = tmp_path / "纸质擂台.csv"
    paper.write_text("名次,工号,姓名\n1,E003,张海涛\n2,E001,王建国\n", encoding="gbk")
    empty_board.import_paper_file(paper)
    assert names(empty_board) == ["张海涛", "王建国"]
    assert len(refused) == 1


def test_a_chart_over_a_file_held_open_is_said_in_chinese(qtbot, monkeypatch, tmp_path: Path):
    from contest_desk.reports import files
    from contest_desk.ui import chart_view

    refused: list[str] = []
    monkeypatch.setattr(feedback, "show_user_error", lambda _p, e: refused.append(e.message()))
    view = chart_view.ChartView()
    qtbot.addWidget(view)
    view.set_figure(Figure())
    folder = tmp_path / "图表"
    folder.mkdir()
    target = folder / "名次变化.pdf"
    target.write_bytes(b"%PDF old")
    monkeypatch.setattr(chart_view, "ask_save_path", lambda *a: str(target))

    def held(source: str, destination: Path) -> None:  # a PDF viewer holds it on Windows
        raise PermissionError(13, "The process cannot access the file", str(destination))

    monkeypatch.setattr(files.os, "replace", held)
    assert view.export() is None
    assert refused == ["文件正被其他程序打开或没有写入权限：名次变化.pdf，请关闭后重试"]
    assert target.read_bytes() == b"%PDF old" and len(list(folder.iterdir())) == 1
