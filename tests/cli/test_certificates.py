"""``contest-desk certificates``, ``verify`` and ``public-key`` on the demo."""

from __future__ import annotations

from pathlib import Path

from contest_desk.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["--lang", "zh_CN", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_print_then_verify_online_and_offline(tmp_path: Path, capsys, monkeypatch) -> None:
    db = str(tmp_path / "demo.db")
    assert main(["--db", db, "demo"]) == 0
    monkeypatch.setenv("CONTEST_DESK_PASSWORD", "organizer-2026")
    folder = tmp_path / "证书"
    folder.mkdir()
    status, out, _err = run(
        capsys,
        "--db",
        db,
        "--user",
        "organizer",
        "certificates",
        "--provisional",
        "--event",
        "1",
        "--out",
        str(folder),
    )
    assert status == 0 and "14" in out
    files = sorted(folder.glob("*.pdf"))
    assert len(files) == 14
    status, out, _err = run(capsys, "--db", db, "verify", str(files[0]))
    assert status == 0 and "真实有效" in out
    key = tmp_path / "公钥.pem"
    assert run(capsys, "--db", db, "public-key", "--contest", "1", "--out", str(key))[0] == 0
    status, out, _err = run(capsys, "--db", db, "verify", str(files[0]), "--public-key", str(key))
    assert status == 0 and files[0].name[:16] in out
    status, out, _err = run(capsys, "--db", db, "verify", "CD-2026-01-99999")
    assert status == 5 and "查无此证" in out
    status, out, _err = run(
        capsys,
        "--db",
        db,
        "--user",
        "organizer",
        "certificates",
        "--provisional",
        "--event",
        "3",
        "--out",
        str(tmp_path / "x.pdf"),
    )
    assert status == 2  # 仪表维修工: not marked yet, nobody has an award


def test_notices_from_the_command_line(tmp_path: Path, capsys, monkeypatch) -> None:
    db = str(tmp_path / "demo.db")
    assert main(["--db", db, "demo"]) == 0
    capsys.readouterr()
    monkeypatch.setenv("CONTEST_DESK_PASSWORD", "organizer-2026")
    organizer = ("--user", "organizer")  # before the lock: the organizer's override
    for who, args, name in (
        (organizer, ("--event", "1", "--provisional"), "公示.pdf"),
        ((), ("--board", "1"), "擂台.xlsx"),
        ((), ("--labor", "2", "--period", "3月"), "劳动竞赛.pdf"),
    ):
        argv = ("--db", db, *who, "notice", *args, "--out", str(tmp_path / name))
        status, _out, _err = run(capsys, *argv)
        assert status == 0 and (tmp_path / name).stat().st_size > 0
    status, _out, err = run(
        capsys,
        "--db",
        db,
        "notice",
        "--event",
        "1",
        "--board",
        "1",
        "--out",
        str(tmp_path / "x.pdf"),
    )
    assert status == 2 and "只给出" in err


def test_notices_and_certificates_print_the_audit_anchor_paper_can_check(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    """The anchor on the paper is the trail's head when it was printed: ``audit verify
    --anchor`` holds the trail to it, and a rewrite before it fails."""
    import re

    from pypdf import PdfReader
    from sqlalchemy import select

    from contest_desk.services.hub import Services
    from contest_desk.storage import models as m
    from tests.services.safety.test_anchors import rehash_from

    db = str(tmp_path / "demo.db")
    assert main(["--db", db, "demo"]) == 0
    monkeypatch.setenv("CONTEST_DESK_PASSWORD", "organizer-2026")
    notice = tmp_path / "公示.pdf"
    argv = ("--db", db, "--user", "organizer", "notice", "--event", "1", "--provisional")
    argv += ("--out", str(notice))
    status, out, _err = run(capsys, *argv)
    assert status == 0
    text = "".join(p.extract_text() for p in PdfReader(notice).pages)
    (printed,) = re.findall(r"审计锚点：(\d+:[0-9a-f]{16})", "".join(text.split()))
    assert printed in out
    pdf = tmp_path / "证书.pdf"
    argv = ("--db", db, "--user", "organizer", "certificates", "--event", "1", "--out", str(pdf))
    argv += ("--provisional",)
    assert run(capsys, *argv)[0] == 0
    page = "".join(PdfReader(pdf).pages[0].extract_text().split())
    (on_certificate,) = re.findall(r"审计锚点：(\d+:[0-9a-f]{16})", page)
    status, out, _err = run(
        capsys, "--db", db, "audit", "verify", "--anchor", printed, "--anchor", on_certificate
    )
    assert status == 0 and "审计记录完整" in out

    services = Services.open(db)
    seq = int(printed.split(":")[0])
    with services.ctx.db.transaction() as s:
        row = s.scalar(select(m.AuditRecord).where(m.AuditRecord.seq == seq - 3))
        assert row is not None
        row.actor = "伪造者"
        s.execute(m.AuditAnchor.__table__.delete())
    rehash_from(services, seq - 3)
    services.ctx.db.dispose()
    status, _out, err = run(capsys, "--db", db, "audit", "verify", "--anchor", printed)
    assert status == 3 and f"第 {seq} 条" in err and "纸面" in err
