"""table_files.py: CSV as Excel and WPS save it (UTF-8, GBK, UTF-16), read the same way."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from contest_desk.domain.table_files import csv_lines, decoded_table
from contest_desk.errors import Location, UserError
from contest_desk.i18n import speaking

ROWS = [["名次", "工号", "姓名"], ["1", "1001", "张三"], ["2", "1002", "李四"]]
TEXT = "名次,工号,姓名\r\n1,1001,张三\r\n2,1002,李四\r\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_short_chinese_files_in_each_encoding_read_the_same(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "擂台.csv"
    path.write_bytes(TEXT.encode(encoding))
    assert csv_lines(path) == ROWS


def test_excel_unicode_text_is_utf16_with_tabs(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + TEXT.replace(",", "\t").encode("utf-16-le"))
    assert csv_lines(path) == ROWS


@pytest.mark.parametrize(
    "text",
    [
        "工号,姓名\n1,谁\n",  # GBK's 谁 (CB AD) alone is valid UTF-8; 工号 is not
        "name\nJosé Zoë\n",  # UTF-8 with accented Latin letters stays UTF-8
        "单位,面积\n采油一班,12m²\n",
        "round\n²\n",  # UTF-8's ² (C2 B2) is GBK's 虏: read as UTF-8, the first try
        "entry,judge,criterion,value\nE001,j1,J1,8\n",
    ],
)
def test_ambiguous_short_texts(text: str) -> None:
    for encoding in ("utf-8", "gb18030"):
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            continue
        assert decoded_table(data, "x.csv") == text


def test_an_undecodable_file_is_named_in_chinese_with_its_row(tmp_path: Path) -> None:
    path = tmp_path / "乱码.csv"
    path.write_bytes("名次,工号\n1,1001\n".encode() + b"2,\xff\xfe\x80\n")
    with pytest.raises(UserError) as caught:
        csv_lines(path)
    assert caught.value.where == Location("乱码.csv", 3)
    message = caught.value.message()
    assert "codec" not in message and "0xff" not in message
    assert (
        message.startswith("乱码.csv, 第 3 行: 文件编码无法识别") or "文件编码无法识别" in message
    )


def test_a_workbook_given_as_csv(tmp_path: Path) -> None:
    path = tmp_path / "成绩.csv"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    with pytest.raises(UserError) as caught:
        csv_lines(path)
    assert caught.value.message() == "成绩.csv 是 Excel 工作簿，不是 CSV 文件：请另存为 CSV 后重试"


def test_a_file_that_cannot_be_read_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Excel keeps the file it has open locked on Windows: reading fails with a
    PermissionError (as for a file not ours to read), said as such, not as [Errno 13]."""
    path = tmp_path / "成绩.csv"
    path.write_text(TEXT, encoding="gbk")

    def locked(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", locked)
    with speaking("zh_CN"), pytest.raises(UserError) as caught:
        csv_lines(path)
    assert caught.value.message() == "文件正被其他程序打开或没有读取权限：成绩.csv，请关闭后重试"
