"""``contest-desk certificates`` and ``notice`` from a round not locked yet: refused,
saying the flag that overrides it; with ``--provisional`` the organizer prints them
marked 暂定."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from tests.cli.test_certificates import run


def test_an_open_round_is_printed_only_with_the_flag(tmp_path: Path, capsys, monkeypatch) -> None:
    db = str(tmp_path / "demo.db")
    assert run(capsys, "--db", db, "demo")[0] == 0
    monkeypatch.setenv("CONTEST_DESK_PASSWORD", "organizer-2026")
    organizer = ("--db", db, "--user", "organizer")
    for command, name in (("certificates", "证书.pdf"), ("notice", "公示.pdf")):
        target = str(tmp_path / name)
        status, _out, err = run(capsys, *organizer, command, "--event", "1", "--out", target)
        assert status == 2 and "决赛还未锁定" in err and "--provisional" in err
        assert not Path(target).exists()
        argv = (*organizer, command, "--event", "1", "--provisional", "--out", target)
        assert run(capsys, *argv)[0] == 0
        text = "".join("".join(p.extract_text().split()) for p in PdfReader(target).pages)
        assert "暂定" in text
