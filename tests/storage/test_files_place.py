"""The attached files' place: the chosen folder, the variable that wins over it, and the
copy to a new place that checks each file by its SHA-256 and deletes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from contest_desk.domain.file_hash import sha256_of
from contest_desk.errors import Cancelled, UserError
from contest_desk.i18n import DEFAULT_LANGUAGE, set_language
from contest_desk.storage.backup import backups_folder
from contest_desk.storage.db import Database
from contest_desk.storage.files import (
    FILES_ENV,
    check_writable,
    copy_store,
    files_root,
    stored_files,
    stored_path,
)


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.delenv(FILES_ENV)
    set_language(DEFAULT_LANGUAGE)
    database = Database(tmp_path / "desk.db")
    yield database
    database.dispose()


def keep(root: Path, content: bytes) -> str:
    """A file kept in ``root`` under its hash, as the attachments service keeps it."""
    source = root.parent / "source.bin"
    source.write_bytes(content)
    sha256 = sha256_of(source)
    stored_path(root, sha256).parent.mkdir(parents=True, exist_ok=True)
    stored_path(root, sha256).write_bytes(content)
    return sha256


def test_the_chosen_folders_and_the_variable_that_wins(db, tmp_path, monkeypatch) -> None:
    assert files_root(db) == tmp_path / "desk-files"
    assert backups_folder(db) == tmp_path / "desk-backups"
    db.files_folder, db.backups_folder = tmp_path / "附件", tmp_path / "备份"
    assert files_root(db) == tmp_path / "附件"
    assert backups_folder(db) == tmp_path / "备份" / "desk-backups"
    monkeypatch.setenv(FILES_ENV, str(tmp_path / "scripts"))
    assert files_root(db) == tmp_path / "scripts"


def test_the_copy_checks_each_file_and_keeps_the_old_ones(tmp_path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    kept = sorted(keep(old, bytes([n]) * 1000) for n in range(3))
    (old / "notes.txt").write_text("not a kept file", encoding="utf-8")
    steps: list[tuple[int, int]] = []
    copied = copy_store(old, new, lambda done, total: steps.append((done, total)) or True)
    assert (copied.checked, copied.damaged) == (3, [])
    assert [p.name for p in stored_files(new)] == kept == [p.name for p in stored_files(old)]
    assert all(sha256_of(p) == p.name for p in stored_files(new))
    assert steps == [(0, 3), (1, 3), (2, 3)] and not (new / "notes.txt").exists()
    # Again: what is there already and sound is counted, not copied again.
    assert copy_store(old, new).checked == 3


def test_a_changed_file_is_named_and_not_copied(tmp_path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    sound, changed = keep(old, b"sound"), keep(old, b"changed")
    stored_path(old, changed).write_bytes(b"tampered")
    copied = copy_store(old, new)
    assert (copied.checked, copied.damaged) == (1, [changed])
    assert stored_files(new) == [stored_path(new, sound)]


def test_cancelling_stops_and_leaves_the_old_place(tmp_path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    keep(old, b"one")
    with pytest.raises(Cancelled):
        copy_store(old, new, lambda _done, _total: False)
    assert len(stored_files(old)) == 1


def test_a_folder_that_cannot_be_written_is_named(tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(UserError) as refused:
        check_writable(blocker / "sub")
    assert refused.value.message().startswith(f"无法写入文件夹 {blocker / 'sub'}")
    made = tmp_path / "made" / "here"
    check_writable(made)  # made when it is missing, and left empty
    assert made.is_dir() and not list(made.iterdir())
