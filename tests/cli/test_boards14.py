"""``contest-desk board …`` after issue 14: challenges and bouts numbered 1, 2, 3 per
board, draws where the rules allow them, the rating rule in the rules' text, Glicko-2's
volatility beside rating and deviation, and the demo board's figures unchanged."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from tests.cli.test_boards import BOARD, BOARD_EVENT, as_user, run, shown

# The demo board's ratings as `board show` printed them before the rating rule existed:
# its stored rules say nothing of it, so it still rates after each bout. Only the two
# sides of the drawn defence added to the demo's seventh month (½ each) have moved:
# 1516.07 v 1518.13, E = 0.49704, so 32 × (0.5 − 0.49704) = 0.09 passes to the holder.
BEFORE = {
    "26010007": "1543.0", "26010006": "1517.9", "26010003": "1523.9", "26010004": "1458.1",
    "26010009": "1517.5", "26010008": "1469.5", "26010012": "1514.6", "26010005": "1454.1",
    "26010010": "1484.0", "26010011": "1516.0", "26010013": "1483.9", "26010014": "1483.3",
}  # fmt: skip
DRAWN = {"26010002": "1516.2", "26010001": "1518.0"}  # were 1516.1 and 1518.1
PERIOD_6 = {
    "26010002": "1516.1", "26010001": "1518.1", "26010007": "1543.0", "26010006": "1517.9",
    "26010003": "1523.9", "26010004": "1458.1", "26010009": "1517.5", "26010008": "1469.5",
    "26010012": "1514.6", "26010011": "1516.0",
}  # fmt: skip


@pytest.fixture
def demo_db(demo_copy: str) -> str:
    return demo_copy


def log_count(db: str, kind: str) -> int:
    with sqlite3.connect(db) as c:
        query = "select count(*) from board_log where board_id = ? and kind = ?"
        return int(c.execute(query, (int(BOARD), kind)).fetchone()[0])


def test_the_demo_board_keeps_its_ratings_and_shows_its_drawn_defence(demo_db: str, capsys) -> None:
    data = shown(capsys, demo_db)
    assert {r["key"]: r["rating"] for r in data["rows"]} == {**BEFORE, **DRAWN}
    assert [b["number"] for b in data["bouts"]] == list(range(1, len(data["bouts"]) + 1))
    drawn = data["bouts"][-1]
    assert drawn["result"] == "draw" and data["rows"][0]["key"] == "26010002"  # kept the title
    _status, text, _err = run(
        capsys, "--db", demo_db, "board", "history", "--board", BOARD, "--format", "json"
    )
    (sixth,) = [p for p in json.loads(text)["periods"] if p["period"] == 6]
    assert {r["key"]: r["rating"] for r in sixth["rows"]} == PERIOD_6
    _status, text, _err = run(capsys, "--db", demo_db, "board", "show", "--board", BOARD)
    assert "每场比试后即更新评分" in text and "允许平局" in text
    assert f"比试 {drawn['number']}" in text and "平局" in text


def test_challenges_and_bouts_go_by_their_numbers(demo_db: str, capsys, monkeypatch) -> None:
    chief = as_user(monkeypatch, "chief")
    keys = [r["key"] for r in shown(capsys, demo_db)["rows"] if r["place"] is not None]
    board = ("--db", demo_db, *chief, "board")
    number = log_count(demo_db, "challenge") + 1  # 24: the log's row would be past 90
    status, out, _err = run(capsys, *board, "challenge", "--board", BOARD,
                            "--challenger", keys[3], "--defender", keys[1])  # fmt: skip
    assert status == 0 and out.split()[1] == str(number)
    (listed,) = shown(capsys, demo_db)["challenges"]
    assert listed["number"] == number and "seq" not in listed
    _status, text, _err = run(capsys, "--db", demo_db, "board", "show", "--board", BOARD)
    assert f"挑战 {number} " in text and "#" not in text
    assert run(capsys, *board, "accept", "--board", BOARD, "--challenge", str(number))[0] == 0
    given = ("--board", BOARD, "--challenge", str(number))
    status, _out, err = run(capsys, *board, "result", *given,
                            "--winner", "challenger", "--draw", "--note", "x")  # fmt: skip
    assert status == 2 and "--draw" in err
    status, out, _err = run(capsys, *board, "result", *given,
                            "--winner", "challenger", "--note", "现场判定")  # fmt: skip
    bouts = log_count(demo_db, "bout")
    assert status == 0 and out.split()[1] == str(bouts)
    status, _out, _err = run(capsys, *board, "correct", "--board", BOARD, "--bout", str(bouts),
                             "--draw", "--reason", "复核录像：战平")  # fmt: skip
    assert status == 0
    data = shown(capsys, demo_db)
    assert data["bouts"][-1]["result"] == "draw" and data["rows"][3]["key"] == keys[3]


def test_a_glicko_board_shows_volatility_and_refuses_a_draw(
    demo_db: str, capsys, monkeypatch, tmp_path: Path
) -> None:
    organizer = as_user(monkeypatch, "organizer")
    status, _out, err = run(capsys, "--db", demo_db, *organizer, "board", "create",
                            "--event", BOARD_EVENT, "--name", "纸质擂台", "--recorded",
                            "--rating", "glicko2", "--rating-update", "bout")  # fmt: skip
    assert status == 2 and "Glicko-2" in err
    status, out, _err = run(capsys, "--db", demo_db, *organizer, "board", "create",
                            "--event", BOARD_EVENT, "--name", "纸质擂台", "--recorded",
                            "--rating", "glicko2", "--reach", "2")  # fmt: skip
    board = out.split()[1].split("：")[0]
    keys = [r["key"] for r in shown(capsys, demo_db)["rows"]][:3]
    paper = tmp_path / "paper.csv"
    paper.write_text(
        "名次,工号,评分,偏差,波动率\n"
        + "".join(
            f"{n},{k},{r},80,0.05\n"
            for n, k, r in zip((1, 2, 3), keys, (2000, 1500, 1450), strict=True)
        ),
        encoding="utf-8",
    )
    run(capsys, "--db", demo_db, *organizer, "board", "import", str(paper), "--board", board)
    status, out, _err = run(capsys, "--db", demo_db, "board", "show", "--board", board,
                            "--format", "csv")  # fmt: skip
    lines = list(csv.reader(io.StringIO(out)))
    assert lines[0][3:6] == ["评分", "偏差", "波动率"]
    assert lines[1][3:6] == ["2000.0", "80.0", "0.050000"]
    chief = as_user(monkeypatch, "chief")
    on = ("--db", demo_db, *chief, "board")
    run(capsys, *on, "challenge", "--board", board, "--challenger", keys[1],
        "--defender", keys[0])  # fmt: skip
    run(capsys, *on, "accept", "--board", board, "--challenge", "1")
    status, _out, err = run(capsys, *on, "result", "--board", board, "--challenge", "1",
                            "--draw", "--note", "战平")  # fmt: skip
    assert status == 2 and "不允许平局" in err
    status, _out, _err = run(capsys, *on, "result", "--board", board, "--challenge", "1",
                             "--winner", "challenger", "--note", "现场判定")  # fmt: skip
    assert status == 0 and run(capsys, *on, "close-period", "--board", board)[0] == 0
    _status, out, _err = run(capsys, "--db", demo_db, "board", "history", "--board", board)
    lines = list(csv.reader(io.StringIO(out)))
    assert lines[0] == ["期", "姓名", "工号/队名", "名次", "评分", "偏差", "波动率"]
    volatilities = {line[2]: line[6] for line in lines[1:]}
    assert volatilities[keys[2]] == "0.050000"  # no bout: only the deviation grows
    # 1500 beating 2000 is a surprise: both volatilities rise (Glicko-2's step 5).
    assert volatilities[keys[0]] == volatilities[keys[1]] == "0.050006"
    _status, out, _err = run(capsys, "--db", demo_db, "board", "history", "--board", board,
                             "--format", "json")  # fmt: skip
    row = json.loads(out)["periods"][0]["rows"][0]
    assert row["volatility"] == volatilities[row["key"]] and row["deviation"]
