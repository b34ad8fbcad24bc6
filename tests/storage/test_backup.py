"""Backups of an SQLite file with its attached files, and restores that check them first."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from contest_desk.errors import UserError
from contest_desk.i18n import language, set_language
from contest_desk.storage.audit_check import chain_check
from contest_desk.storage.backup import (
    DATABASE,
    FILES,
    MANIFEST,
    automatic_backup,
    backup_due,
    backups_dir,
    backups_of,
    read_manifest,
    write_backup,
)
from contest_desk.storage.db import Database
from contest_desk.storage.files import files_root, sha256_of, stored_path
from contest_desk.storage.restore import restore_backup
from tests.storage.old_databases import database_at, revisions, table_rows

HEAD = revisions()[-1]


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    previous = language()
    set_language("en")
    yield
    set_language(previous)


def attach_real_files(db: Database) -> dict[str, bytes]:
    """Give the filler's attachment rows real files in the store; their contents by hash."""
    root = files_root(db)
    contents = {}
    with db.engine.begin() as conn:
        ids = [row[0] for row in conn.exec_driver_sql("SELECT id FROM attachments")]
        for row_id in ids:
            data = f"单井分析报告 第{row_id}版".encode()
            path = root / "incoming"
            path.mkdir(parents=True, exist_ok=True)
            (path / "f").write_bytes(data)
            sha256 = sha256_of(path / "f")
            stored_path(root, sha256).parent.mkdir(parents=True, exist_ok=True)
            stored_path(root, sha256).write_bytes(data)
            conn.exec_driver_sql(
                "UPDATE attachments SET sha256 = ?, size = ? WHERE id = ?",
                (sha256, len(data), row_id),
            )
            contents[sha256] = data
    return contents


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Database]:
    """A database at the newest revision with rows in every table and real attached files."""
    db = database_at(tmp_path / "desk.db", HEAD)
    attach_real_files(db)
    yield db
    db.dispose()


def test_a_backup_of_an_open_database_holds_every_row_and_file(
    desk: Database, tmp_path: Path
) -> None:
    with desk.engine.begin() as conn:  # still in the write-ahead log, not in the file
        conn.exec_driver_sql("UPDATE contests SET name = '2026年技能比武' WHERE id = 1")
    expected = table_rows(desk.engine)

    info = write_backup(desk, tmp_path / "out" / "b.zip")

    with zipfile.ZipFile(info.path) as zf:
        manifest = read_manifest(zf)
        copy = Path(zf.extract(DATABASE, tmp_path / "unpacked"))
        names = {n for n in zf.namelist() if n.startswith(FILES)}
    assert manifest.revision == HEAD
    assert manifest.database_sha256 == sha256_of(copy)
    assert set(manifest.files) == {n.rsplit("/", 1)[1] for n in names} and len(names) == 2
    copied = Database(copy)
    assert table_rows(copied.engine) == expected
    assert manifest.tables["contests"] == 2 and manifest.tables["audit_log"] == 3
    copied.dispose()


def test_a_restore_puts_back_rows_and_files_and_keeps_the_replaced_file(
    desk: Database, tmp_path: Path
) -> None:
    saved = table_rows(desk.engine)
    info = write_backup(desk, tmp_path / "b.zip")
    with desk.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM certificates")
        conn.exec_driver_sql("UPDATE persons SET name = '改错的名字'")
    lost = next(iter(info.manifest.files))
    stored_path(files_root(desk), lost).unlink()
    changed = table_rows(desk.engine)

    restored = restore_backup(desk, info.path)

    assert table_rows(desk.engine) == saved
    assert sha256_of(stored_path(files_root(desk), lost)) == lost
    with desk.reading() as s:
        assert chain_check(s) == (3, None)
    assert restored.aside is not None and restored.aside.path.name.endswith("before-restore.zip")
    with zipfile.ZipFile(restored.aside.path) as zf:
        aside = Path(zf.extract(DATABASE, tmp_path / "aside"))
    kept = Database(aside)
    assert table_rows(kept.engine) == changed
    kept.dispose()


def test_a_backup_from_an_older_revision_is_restored_and_upgraded(tmp_path: Path) -> None:
    old = database_at(tmp_path / "old.db", "0005_rounds")
    info = write_backup(old, tmp_path / "old.zip")
    old.dispose()
    current = database_at(tmp_path / "desk.db", HEAD)

    restore_backup(current, info.path)

    assert current.revision() == HEAD
    with current.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM judges").scalar() == 2
        assert conn.exec_driver_sql("SELECT count(*) FROM certificates").scalar() == 0
    current.dispose()


def _rezip(backup: Path, change: Callable[[sqlite3.Connection], None]) -> None:
    """Change the database inside ``backup`` and give the manifest its new hash, as a
    careful forger would: only the checks inside the database can catch it."""
    work = backup.with_suffix(".d")
    with zipfile.ZipFile(backup) as zf:
        zf.extractall(work)
    conn = sqlite3.connect(work / DATABASE)
    change(conn)
    conn.commit()
    conn.close()
    manifest = json.loads((work / MANIFEST).read_text("utf-8"))
    manifest["database_sha256"] = sha256_of(work / DATABASE)
    (work / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    backup.unlink()
    with zipfile.ZipFile(backup, "w") as zf:
        for path in sorted(work.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(work).as_posix())


def _edit_audit_row(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE audit_log SET note = '改过' WHERE seq = 2")


def _unknown_revision(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")


def _dangling_reference(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE scores SET judge_id = 77 WHERE id = 1")


def _not_ours(conn: sqlite3.Connection) -> None:
    conn.execute("DROP TABLE alembic_version")


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (_edit_audit_row, "audit trail is broken at row 2"),
        (_unknown_revision, "not a database of this version"),
        (_dangling_reference, "point at rows that do not exist"),
        (_not_ours, "not a Contest Desk database"),
    ],
)
def test_a_restore_refuses_a_bad_backup_and_changes_nothing(
    desk: Database, tmp_path: Path, change: Callable[[sqlite3.Connection], None], reason: str
) -> None:
    info = write_backup(desk, tmp_path / "b.zip")
    _rezip(info.path, change)
    before = table_rows(desk.engine)

    with pytest.raises(UserError, match=reason):
        restore_backup(desk, info.path)

    assert table_rows(desk.engine) == before
    assert backups_of(backups_dir(tmp_path / "desk.db"), "before-restore") == []


def test_a_restore_refuses_a_damaged_file_or_database(desk: Database, tmp_path: Path) -> None:
    info = write_backup(desk, tmp_path / "b.zip")
    desk.dispose()  # everything into the file itself, to compare its bytes
    path = tmp_path / "desk.db"
    content = path.read_bytes()
    again = Database(path)
    not_zip = tmp_path / "notes.zip"
    not_zip.write_text("不是备份", "utf-8")
    with pytest.raises(UserError, match="not a Contest Desk backup"):
        restore_backup(again, not_zip)
    # One byte of an attached file changed inside the zip.
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(info.path) as src, zipfile.ZipFile(damaged, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data[:-1] + b"!" if item.filename.startswith(FILES) else data)
    with pytest.raises(UserError, match=r"attached file \w+ is damaged"):
        restore_backup(again, damaged)
    # Pages of the database overwritten, the manifest's hash made to match.
    torn = tmp_path / "torn.zip"
    with zipfile.ZipFile(info.path) as src, zipfile.ZipFile(torn, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == DATABASE:
                data = data[:8192] + b"\xff" * 8192 + data[16384:]
                fixed = data
            elif item.filename == MANIFEST:
                continue
            dst.writestr(item, data)
        manifest = json.loads(src.read(MANIFEST))
        manifest["database_sha256"] = hashlib.sha256(fixed).hexdigest()
        dst.writestr(MANIFEST, json.dumps(manifest))
    with pytest.raises(UserError, match=r"its database (is damaged|cannot be read)"):
        restore_backup(again, torn)
    again.dispose()
    assert path.read_bytes() == content


def test_automatic_backups_keep_the_newest_of_their_kind(desk: Database, tmp_path: Path) -> None:
    manual = write_backup(desk, backups_dir(tmp_path / "desk.db") / "mine-manual.zip")
    assert backup_due(desk, dt.timedelta(hours=1))
    made = [automatic_backup(desk, "auto", keep=3) for _ in range(5)]

    kept = backups_of(backups_dir(tmp_path / "desk.db"), "auto")
    assert kept == [info.path for info in made[-3:] if info is not None]
    assert manual.path.exists()  # a manual backup is never rotated away
    assert not backup_due(desk, dt.timedelta(hours=1))
    assert backup_due(desk, dt.timedelta(0))


def test_an_upgrade_is_preceded_by_a_backup_with_the_attached_files(tmp_path: Path) -> None:
    old = database_at(tmp_path / "old.db", "0008_innovation")
    contents = attach_real_files(old)

    made = old.upgrade()

    assert made is not None and made.parent == tmp_path / "old-backups"
    with zipfile.ZipFile(made) as zf:
        assert read_manifest(zf).revision == "0008_innovation"
        for sha256, data in contents.items():
            assert zf.read(f"{FILES}{sha256[:2]}/{sha256}") == data
    old.dispose()


def test_a_server_database_is_left_to_pg_dump(tmp_path: Path) -> None:
    server = Database("postgresql://desk@db.example/contest")
    with pytest.raises(UserError, match="pg_dump"):
        write_backup(server, tmp_path / "b.zip")
    with pytest.raises(UserError, match="pg_dump"):
        restore_backup(server, tmp_path / "b.zip")
    assert automatic_backup(server, "auto") is None


def test_a_restore_waits_for_every_other_connection_to_close(
    desk: Database, tmp_path: Path
) -> None:
    info = write_backup(desk, tmp_path / "b.zip")
    other = sqlite3.connect(tmp_path / "desk.db")  # e.g. a tool left open on the file
    other.execute("UPDATE contests SET name = '另一个程序写的' WHERE id = 1")
    other.commit()

    with pytest.raises(UserError, match=r"Another program still has desk\.db open"):
        restore_backup(desk, info.path)

    other.close()
    with desk.engine.connect() as conn:  # nothing was replaced
        name = conn.exec_driver_sql("SELECT name FROM contests WHERE id = 1").scalar()
    assert name == "另一个程序写的"
