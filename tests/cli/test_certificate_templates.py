"""``contest-desk certificates --template``: the built-in templates by their names in the
help, and a template that does not exist refused with the choices to type."""

from __future__ import annotations

from pathlib import Path

from contest_desk.cli import main
from contest_desk.services.hub import Services
from tests.cli.helpers import with_organizer


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["--lang", "zh_CN", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_the_help_names_the_built_in_templates(capsys) -> None:
    main(["--lang", "zh_CN", "certificates", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "landscape：横版（A4 横向）" in shown and "portrait：竖版（A4 纵向）" in shown


def test_an_unknown_template_is_refused_with_the_choices(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    db = with_organizer(str(tmp_path / "desk.db"))
    services = Services.open(db)
    contest = services.contests.create_contest("2026年采油厂职工技能比武")
    event = services.contests.create_event(contest.id, "采油工技能比武")
    services.ctx.db.dispose()
    monkeypatch.setenv("CONTEST_DESK_PASSWORD", "organizer-2026")
    argv = ("--db", db, "--user", "organizer", "certificates", "--event", str(event.id))
    status, _out, err = run(capsys, *argv, "--template", "红版", "--out", str(tmp_path / "a.pdf"))
    assert status != 0 and "Traceback" not in err
    assert (
        "没有证书模板 红版；--template 可选：landscape：横版（A4 横向）；portrait：竖版（A4 纵向）"
        in err
    )
    assert list(tmp_path.glob("*.pdf")) == []
