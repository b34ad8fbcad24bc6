"""``contest-desk copy --from --to``: the counts per table and the chain said after the copy,
progress on stderr, exit statuses, and never a password from a URL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from contest_desk.cli import main
from contest_desk.cli.copy import Progress
from contest_desk.i18n import speaking
from tests.cli.helpers import run
from tests.databases import Databases
from tests.storage import copy_scene
from tests.storage.copy_scene import lose_a_score, no_schema, stored

pg = copy_scene.pg
PASSWORD = "s3cret-pw"  # the test server trusts local connections: any password logs in


def test_copy_says_each_table_and_that_the_chain_is_intact(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "copy.db"
    status = main(["copy", "--from", demo_db, "--to", str(target)])  # Chinese, the default
    out, err = capsys.readouterr()
    assert status == 0
    scores = len(stored(demo_db)["scores"])
    assert f"scores：{scores}/{scores} 行" in err  # progress, a line per table in a log
    line = next(x for x in out.splitlines() if x.startswith("scores "))
    assert line.split() == ["scores", str(scores), str(scores)]
    assert "审计链完整" in out
    assert stored(str(target)) == stored(demo_db)


def test_json_gives_the_counts_the_chain_and_the_files(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = str(tmp_path / "copy.db")
    status, out, err = run(capsys, "copy", "--from", demo_db, "--to", target, "--format", "json")
    data = json.loads(out)
    assert status == 0 and err == ""  # no progress lines around JSON
    scores = len(stored(demo_db)["scores"])
    assert data["tables"]["scores"] == {"source": scores, "target": scores}
    assert data["audit_chain"]["broken_at"] is None and data["audit_chain"]["rows"] > 0
    assert data["files"] > 0 and data["missing_files"] == []
    assert set(data) == {"source", "target", "tables", "rows", "seconds", "files",
                         "missing_files", "audit_chain"}  # fmt: skip


def test_a_server_password_is_never_printed(
    demo_db: str, pg: Databases, capsys: pytest.CaptureFixture[str]
) -> None:
    url = make_url(no_schema(pg)).set(password=PASSWORD).render_as_string(hide_password=False)
    status, out, err = run(capsys, "copy", "--from", demo_db, "--to", url, "--format", "json")
    assert status == 0 and PASSWORD not in out + err
    assert ":***@" in json.loads(out)["target"]
    status, out, err = run(capsys, "copy", "--from", demo_db, "--to", url)  # now not empty
    assert status == 2 and "is not empty" in err
    assert PASSWORD not in out + err and ":***@" in err
    status, out, err = run(capsys, "copy", "--from", url, "--to", url.replace("cd_", "no_"))
    assert status == 1 and PASSWORD not in out + err  # a database that is not there


def test_a_copy_that_does_not_match_exits_1_and_keeps_nothing(
    demo_db: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lose_a_score(monkeypatch)
    target = tmp_path / "copy.db"
    status, out, err = run(capsys, "copy", "--from", demo_db, "--to", str(target))
    assert status == 1
    assert "does not hold the source's rows (scores)" in err
    line = next(x for x in out.splitlines() if x.startswith("scores "))
    source, copied = map(int, line.split()[1:])
    assert copied == source - 1
    assert not target.exists()


def test_a_missing_attached_file_is_named_and_refused(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "no-files"
    empty.mkdir()
    target = tmp_path / "copy.db"
    argv = ("copy", "--from", demo_db, "--to", str(target), "--from-files", str(empty))
    status, _out, err = run(capsys, *argv)
    assert status == 2 and "--allow-missing-files" in err and ".txt (" in err
    assert not target.exists()
    status, out, err = run(capsys, *argv, "--allow-missing-files")
    assert status == 0 and "Copied without these missing attached files" in err
    assert "The audit chain is intact" in out


def test_progress_in_a_log_says_each_table_and_every_50000_rows(
    capsys: pytest.CaptureFixture[str],
) -> None:
    progress = Progress()  # stderr is captured: not a terminal
    with speaking("en"):
        for table, total in (("units", 12), ("scores", 120_000)):
            progress(table, 0, total)
            for done in range(2000, total + 2000, 2000):
                progress(table, min(done, total), total)
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "units: 12/12 rows",
        "scores: 50000/120000 rows",
        "scores: 100000/120000 rows",
        "scores: 120000/120000 rows",
    ]
