"""A whole database copied between SQLite and PostgreSQL, either way: row for row, keys
kept, the audit chain verifying as before, the attached files along, all or nothing."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from contest_desk.domain.permissions import Actor, Role
from contest_desk.errors import UserError
from contest_desk.i18n import speaking
from contest_desk.services.hub import Services
from contest_desk.storage import copy_rows, copying
from contest_desk.storage.copying import copy_database
from contest_desk.storage.db import open_database
from contest_desk.storage.files import stored_path
from tests.builders import build_small_event, copy_of_demo
from tests.databases import Databases
from tests.hall_scene import cheap_passwords
from tests.storage import copy_scene
from tests.storage.copy_scene import (
    attached,
    attached_names,
    chain,
    files_in,
    json_as_stored,
    lose_a_score,
    no_schema,
    raw,
    stored,
    tables_of,
)
from tests.storage.old_databases import database_at, revisions
from tests.storage.test_lock import running_script

pg = copy_scene.pg  # the server's databases, for the tests that need one
ORGANIZER = Actor("organizer", frozenset({Role.ORGANIZER}))


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Messages in English, which the tests match."""
    with speaking("en"):
        yield


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> str:
    (tmp_path / "source").mkdir()
    return copy_of_demo(demo_template, tmp_path / "source")


@pytest.fixture
def own_folders(monkeypatch: pytest.MonkeyPatch, attachment_files: Path) -> Path:
    """Each database's own files folder (CONTEST_DESK_FILES would make it one for all);
    returns where the demo's files are."""
    monkeypatch.delenv("CONTEST_DESK_FILES")
    return attachment_files


def test_the_demo_goes_to_postgresql_and_back_row_for_row(
    demo: str, pg: Databases, own_folders: Path, tmp_path: Path
) -> None:
    server, back = no_schema(pg), str(tmp_path / "back" / "demo.db")
    server_files = tmp_path / "server-files"
    there = copy_database(demo, server, source_files=own_folders, target_files=server_files)
    again = copy_database(server, back, source_files=server_files)

    rows = stored(demo)
    assert stored(server) == rows
    assert stored(back) == rows
    assert json_as_stored(server) == json_as_stored(back) == json_as_stored(demo)
    assert sum(map(len, rows.values())) == there.rows == again.rows
    assert not there.mismatched and not again.mismatched
    assert chain(server) == chain(back) == chain(demo) == (there.chain_rows, None, chain(demo)[2])
    hashes = attached(demo)
    assert hashes and there.files == again.files == len(hashes)
    assert files_in(server_files, hashes) == hashes
    assert files_in(tmp_path / "back" / "demo-files", hashes) == hashes  # beside the file


def test_every_column_type_survives_both_ways(pg: Databases, tmp_path: Path) -> None:
    """A row in every table, every column filled: Chinese text, JSON, microseconds,
    booleans, dates, scaled decimals, a tree."""
    source = tmp_path / "filled.db"
    database_at(source, revisions()[-1]).dispose()
    server = no_schema(pg)
    copy_database(str(source), server, allow_missing_files=True)  # no files behind its rows
    copy_database(server, str(tmp_path / "back.db"), allow_missing_files=True)
    rows = stored(str(source))
    assert all(rows[name] for name in rows)  # no table left out of the comparison
    assert stored(server) == rows == stored(str(tmp_path / "back.db"))
    assert json_as_stored(server) == json_as_stored(str(source))
    assert chain(server)[1] is None


def test_sqlite_to_sqlite_and_server_to_server(
    demo: str, pg: Databases, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(copy_rows, "BATCH", 97)  # many batches, a tree's parents across them
    copied = str(tmp_path / "copy.db")
    copy_database(demo, copied)
    first, second = no_schema(pg), pg.new()  # one without a schema, one migrated and empty
    copy_database(copied, first)
    copy_database(first, second)
    assert stored(copied) == stored(first) == stored(second) == stored(demo)
    assert json_as_stored(second) == json_as_stored(demo)
    pg.drop(second)


def test_a_unit_whose_parent_comes_after_it_is_copied(
    demo: str, pg: Databases, tmp_path: Path
) -> None:
    raw(demo, "INSERT INTO units (id, name, parent_id) VALUES (900, '新建班组', 901)")
    raw(demo, "INSERT INTO units (id, name, parent_id) VALUES (901, '新作业区', NULL)")
    server = no_schema(pg)
    copy_database(demo, server)
    assert stored(server)["units"] == stored(demo)["units"]


@pytest.mark.usefixtures(cheap_passwords.__name__)
def test_a_score_saved_on_the_copy_gets_new_keys_and_extends_the_chain(
    demo: str, pg: Databases
) -> None:
    server = no_schema(pg)
    report = copy_database(demo, server)
    before = {name: len(rows) for name, rows in stored(server).items()}
    desk = Services.open(server, ORGANIZER)
    try:
        small = build_small_event(desk)  # a contest, event, rubric, judges, persons, entries
        judge = small.judges[0]
        as_judge = desk.as_user(Actor(judge.username, frozenset({Role.JUDGE})))
        as_judge.scoring.record_score(small.event.id, 1, judge.id, small.entries[0].id, "P1", "8.5")
        check = desk.audit.verify()  # the chain, and the marks as the trail records them
        assert check.broken is None and not check.differences and not check.anchors
    finally:
        desk.ctx.db.dispose()
    after = stored(server)
    assert len(after["scores"]) == before["scores"] + 1
    assert len(after["contests"]) == before["contests"] + 1
    rows, broken, _head = chain(server)
    assert broken is None and rows > report.chain_rows


def test_a_target_with_data_is_refused_and_left_as_it_was(
    demo: str, pg: Databases, tmp_path: Path
) -> None:
    server = no_schema(pg)
    copy_database(demo, server)
    before = stored(server)
    with pytest.raises(UserError, match="is not empty") as refused:
        copy_database(demo, server)
    assert "units" in refused.value.message()
    assert stored(server) == before
    other = tmp_path / "other.db"
    shutil.copyfile(demo, other)
    content = other.read_bytes()
    with pytest.raises(UserError, match="is not empty"):
        copy_database(demo, str(other))
    assert other.read_bytes() == content


def test_a_row_the_server_refuses_is_named_and_the_server_keeps_nothing(
    demo: str, pg: Databases
) -> None:
    # SQLite keeps any length; the server refuses a name longer than persons.name's 60.
    raw(demo, "UPDATE persons SET name = ? WHERE id = 7", "王" * 61)
    bare, migrated = no_schema(pg), pg.new()
    empty = stored(migrated)
    for target in (bare, migrated):
        with pytest.raises(UserError) as failed:
            copy_database(demo, target)
        assert "id=7 of persons" in failed.value.message()
        assert "too long" in failed.value.message()
    assert tables_of(bare) == []  # the schema made for the copy went with it
    assert stored(migrated) == empty
    pg.drop(migrated)


def test_an_unreadable_row_is_named_and_the_new_file_is_not_left(demo: str, tmp_path: Path) -> None:
    raw(demo, "UPDATE scores SET value = 'abc' WHERE id = 40")
    target = tmp_path / "new" / "copy.db"
    with pytest.raises(UserError, match="id=40 of scores"):
        copy_database(demo, str(target))
    assert list(target.parent.iterdir()) == []  # no file, journal, lock or files folder


def test_a_missing_attached_file_is_named_and_nothing_is_copied(
    demo: str, own_folders: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "source-files"
    shutil.copytree(own_folders, folder)
    gone = sorted(attached(demo))[0]
    stored_path(folder, gone).unlink()
    target = tmp_path / "copy.db"
    with pytest.raises(UserError, match="missing") as refused:
        copy_database(demo, str(target), source_files=folder)
    assert f"({gone[:12]})" in refused.value.message()
    names = attached_names(demo, gone)
    assert names and all(name in refused.value.message() for name in names)
    assert not target.exists()
    report = copy_database(demo, str(target), source_files=folder, allow_missing_files=True)
    assert len(report.missing_files) == 1 and gone[:12] in report.missing_files[0]
    assert files_in(tmp_path / "copy-files", attached(demo)) == attached(demo) - {gone}


def test_a_mismatch_found_before_the_commit_keeps_nothing(
    demo: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lose_a_score(monkeypatch)
    target = tmp_path / "copy.db"
    with pytest.raises(copying.CopyMismatch, match="scores") as mismatch:
        copy_database(demo, str(target))
    scores = {t.name: t for t in mismatch.value.report.tables}["scores"]
    assert scores.target == scores.source - 1
    assert not target.exists() and not (tmp_path / "copy-files").exists()


def test_a_source_at_an_older_schema_is_refused(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    database_at(old, revisions()[-2]).dispose()
    with pytest.raises(UserError, match="Upgrade it first"):
        copy_database(str(old), str(tmp_path / "copy.db"))
    assert not (tmp_path / "copy.db").exists()


HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from contest_desk.storage import lock
    lock.acquire(Path(sys.argv[1]))
    print("ready", flush=True)
    sys.stdin.readline()
    """
)


def test_a_source_another_desk_has_open_is_refused(demo: str, tmp_path: Path) -> None:
    refused = pytest.raises(UserError, match="open in another Contest Desk program")
    with running_script(HOLDER, demo), refused:  # another desk holds the source
        copy_database(demo, str(tmp_path / "copy.db"))
    assert not (tmp_path / "copy.db").exists()


def test_the_same_database_twice_is_refused(demo: str) -> None:
    with pytest.raises(UserError, match="the same database"):
        copy_database(demo, demo)


def test_an_empty_new_database_copies_as_empty(tmp_path: Path) -> None:
    source = tmp_path / "new.db"
    open_database(source).dispose()
    report = copy_database(str(source), str(tmp_path / "copy.db"))
    assert report.rows == 1 and report.chain_rows == 0  # the chain's head alone


def test_an_empty_database_file_of_this_version_takes_the_copy(demo: str, tmp_path: Path) -> None:
    target = tmp_path / "empty.db"
    open_database(target).dispose()  # made by the app: the schema, the chain's head row
    copy_database(demo, str(target))
    assert stored(str(target)) == stored(demo)
