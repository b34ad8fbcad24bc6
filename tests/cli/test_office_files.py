"""Tables written to files from the command line (--out): CSV with a byte-order mark that
Excel opens in Chinese, the standings in Excel with numbers as numbers and the parts as
columns, a target held open said in Chinese; a GBK score file imported."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import openpyxl

from contest_desk.cli import main
from tests.cli.helpers import OIL, run

BOM = b"\xef\xbb\xbf"


def test_standings_to_a_csv_file_with_a_byte_order_mark(
    demo_db: str, capsys, tmp_path: Path
) -> None:
    status, printed, _err = run(capsys, "--db", demo_db, "standings", "--event", str(OIL),
                                "--format", "csv")  # fmt: skip
    assert status == 0 and not printed.startswith("\ufeff")  # a pipe gets no BOM
    target = tmp_path / "成绩.csv"
    status, out, _err = run(capsys, "--db", demo_db, "standings", "--event", str(OIL),
                            "--out", str(target))  # fmt: skip
    assert status == 0 and out == f"Written to {target}\n"
    data = target.read_bytes()
    assert data.startswith(BOM)
    assert data[len(BOM) :].decode("utf-8") == printed


def test_standings_to_excel_with_numbers_and_parts(demo_db: str, capsys, tmp_path: Path) -> None:
    target = tmp_path / "成绩.xlsx"
    assert main(["--db", demo_db, "standings", "--event", str(OIL), "--out", str(target)]) == 0
    capsys.readouterr()
    ws = openpyxl.load_workbook(target).active
    header = [c.value for c in ws[2]]
    assert header[:6] == ["名次", "编号", "姓名", "单位", "理论", "实操"]
    assert header[-3:] == ["总分", "奖项", "成绩完整"]
    first = ws[3]
    assert first[0].data_type == "n" and first[0].value == 1 and first[0].number_format == "0"
    total = first[len(header) - 3]
    assert total.data_type == "n" and total.number_format == "0.00"
    assert first[4].data_type == first[5].data_type == "n"  # 理论, 实操
    # the same totals as the CSV, now as numbers
    assert main(["--db", demo_db, "standings", "--event", str(OIL), "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert Decimal(rows[1][len(header) - 3]) == Decimal(str(total.value))
    assert ws.freeze_panes == "E3" and ws.print_title_rows == "$1:$2"


def test_a_target_held_open_is_said_in_chinese(demo_db: str, capsys, tmp_path: Path) -> None:
    (tmp_path / "擂台.csv").mkdir()  # stands for the file Excel holds open
    status = main(["--db", demo_db, "board", "show", "--board", "1",
                   "--out", str(tmp_path / "擂台.csv")])  # fmt: skip
    _out, err = capsys.readouterr()
    assert status == 2
    assert err == "错误：文件正被其他程序打开或没有写入权限：擂台.csv，请关闭后重试\n"
    status, _out, err = run(capsys, "--db", demo_db, "board", "show", "--board", "1",
                            "--out", str(tmp_path / "擂台.txt"))  # fmt: skip
    assert (status, err) == (2, "Error: --out takes a file name ending in .csv\n")


def test_a_gbk_score_file_with_chinese_headers(demo_db: str, capsys, tmp_path: Path) -> None:
    scores = tmp_path / "成绩.csv"
    scores.write_text("参赛编号,裁判,评分项,分值\n", encoding="gbk")
    status, _out, err = run(capsys, "--db", demo_db, "--user", "organizer", "import", "scores",
                            str(scores), "--event", str(OIL))  # fmt: skip
    assert (status, err) == (2, "Error: 成绩.csv holds no scores\n")  # read, not refused as GBK


def test_a_gbk_roster_csv_is_imported(demo_db: str, capsys, tmp_path: Path, services) -> None:
    event = services.contests.event(OIL).name
    roster = tmp_path / "报名表.csv"
    roster.write_text(f"工号,姓名,单位,参赛项目\n99001,新职工,采油一区,{event}\n", encoding="gbk")
    status, out, err = run(capsys, "--db", demo_db, "--user", "organizer", "import", "roster",
                           str(roster), "--contest", "1", "--format", "json")  # fmt: skip
    assert status == 0, err
    assert '"file": "报名表.csv"' in out
    assert [p.name for p in services.roster.persons("99001")] == ["新职工"]
