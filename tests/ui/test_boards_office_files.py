"""A paper board imported in the window from the CSV a plant keeps (GBK from Excel or WPS),
and a file that is neither UTF-8 nor GBK named in Chinese, never as a codec error."""

from __future__ import annotations

from pathlib import Path

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
