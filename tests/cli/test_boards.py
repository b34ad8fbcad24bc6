"""``contest-desk board …``: the demo board, a period run from the command line, refusals."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from contest_desk.cli import main

BOARD = "1"  # the demo's board in a new database
BOARD_EVENT = "5"


@pytest.fixture
def demo_db(demo_copy: str) -> str:
    return demo_copy


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["--lang", "zh_CN", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def as_user(monkeypatch: pytest.MonkeyPatch, name: str) -> tuple[str, str]:
    monkeypatch.setenv("CONTEST_DESK_PASSWORD", f"{name}-2026")
    return ("--user", name)


def shown(capsys, db: str) -> dict:
    status, out, _err = run(
        capsys, "--db", db, "board", "show", "--board", BOARD, "--format", "json"
    )
    assert status == 0
    return json.loads(out)


def test_the_demo_board_has_its_history(demo_db: str, capsys) -> None:
    data = shown(capsys, demo_db)
    assert len(data["rows"]) >= 12 and data["board"]["period"] >= 7
    assert len({r["holder"] for r in data["reigns"]}) >= 2  # the title changed hands
    out = [r for r in data["rows"] if r["status"] == "eliminated"]
    assert out and all(r["place"] is None and r["why"].startswith("第") for r in out)
    _status, text, _err = run(capsys, "--db", demo_db, "board", "history", "--board", BOARD)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["期", "姓名", "工号/队名", "名次", "评分"]
    periods = {int(r[0]) for r in rows[1:]}
    assert periods == set(range(1, 7))
    # An eliminated entry's line ends: it is absent from the periods after its elimination.
    gone = out[0]
    last = max(int(r[0]) for r in rows[1:] if r[2] == gone["key"])
    assert last < 6 or gone["why"].startswith("第 6 期")
    _status, text, _err = run(
        capsys, "--db", demo_db, "board", "history", "--board", BOARD, "--format", "json"
    )
    assert [p["period"] for p in json.loads(text)["periods"]] == list(range(1, 7))


def test_a_period_from_the_command_line(demo_db: str, capsys, monkeypatch) -> None:
    chief = as_user(monkeypatch, "chief")
    keys = [r["key"] for r in shown(capsys, demo_db)["rows"] if r["place"] is not None]
    board = ("--db", demo_db, *chief, "board")
    status, out, err = run(capsys, *board, "challenge", "--board", BOARD,
                           "--challenger", keys[-1], "--defender", keys[0])  # fmt: skip
    assert status == 2 and "超过 3 位" in err
    status, out, _err = run(
        capsys, "--db", demo_db, "board", "targets", "--board", BOARD, "--challenger", keys[3]
    )
    assert out.count("可以挑战") == 3
    status, out, _err = run(capsys, *board, "challenge", "--board", BOARD,
                            "--challenger", keys[3], "--defender", keys[0])  # fmt: skip
    assert status == 0
    seq = out.split()[1]
    assert run(capsys, *board, "accept", "--board", BOARD, "--challenge", seq)[0] == 0
    status, _out, err = run(capsys, *board, "result", "--board", BOARD, "--challenge", seq,
                            "--winner", "challenger")  # fmt: skip
    assert status == 2 and "说明" in err
    status, out, _err = run(capsys, *board, "result", "--board", BOARD, "--challenge", seq,
                            "--winner", "challenger", "--note", "现场判定")  # fmt: skip
    assert status == 0
    bout = out.split()[1]
    rows = shown(capsys, demo_db)["rows"]
    assert rows[0]["key"] == keys[3] and rows[0]["status"] == "holder"
    assert run(capsys, *board, "close-period", "--board", BOARD)[0] == 0
    status, _out, err = run(capsys, *board, "result", "--board", BOARD, "--challenge", seq,
                            "--winner", "defender", "--note", "补录")  # fmt: skip
    assert status == 2 and "已结束" in err
    status, _out, _err = run(capsys, *board, "correct", "--board", BOARD, "--bout", bout,
                             "--winner", "defender", "--reason", "复核录像")  # fmt: skip
    assert status == 0
    assert shown(capsys, demo_db)["rows"][0]["key"] == keys[0]


def test_a_paper_board_from_the_command_line(
    demo_db: str, capsys, monkeypatch, tmp_path: Path
) -> None:
    organizer = as_user(monkeypatch, "organizer")
    status, out, _err = run(capsys, "--db", demo_db, *organizer, "board", "create",
                            "--event", BOARD_EVENT, "--name", "纸质擂台", "--recorded",
                            "--rating", "glicko2", "--reach", "2")  # fmt: skip
    assert status == 0
    board = out.split()[1].split("：")[0]
    keys = [r["key"] for r in shown(capsys, demo_db)["rows"]][:3]
    paper = tmp_path / "paper.csv"
    paper.write_text(
        "名次,工号,评分,偏差,波动率\n"
        + "".join(f"{n},{k},{1700 - 50 * n},80,0.06\n" for n, k in enumerate(keys, start=1)),
        encoding="utf-8",
    )
    status, out, _err = run(
        capsys, "--db", demo_db, *organizer, "board", "import", str(paper), "--board", board
    )
    assert status == 0 and "3 人已上擂" in out
    status, out, _err = run(capsys, "--db", demo_db, "board", "show", "--board", board,
                            "--format", "csv")  # fmt: skip
    lines = list(csv.reader(io.StringIO(out)))
    assert [line[3] for line in lines[1:]] == ["1650.0", "1600.0", "1550.0"]
