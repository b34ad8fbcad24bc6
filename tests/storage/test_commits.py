"""The per-thread count of committed transactions (contest_desk/commits.py), which the
window's runner reads around a work to know whether sending it again would repeat a change."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from contest_desk import commits
from contest_desk.storage import models as m
from contest_desk.storage.db import open_database


def test_a_committed_transaction_counts_on_its_own_thread_and_a_rolled_back_one_not(
    tmp_path: Path,
) -> None:
    db = open_database(tmp_path / "count.db")
    try:
        before = commits.committed()
        with db.transaction() as session:
            session.add(m.Unit(name="采油一区"))
        assert commits.committed() == before + 1
        with pytest.raises(ZeroDivisionError), db.transaction() as session:
            session.add(m.Unit(name="采油二区"))
            session.flush()
            _ = 1 / 0
        assert commits.committed() == before + 1  # rolled back: nothing saved
        with db.reading() as session:
            session.get(m.Unit, 1)
        assert commits.committed() == before + 1  # a read commits nothing

        seen: list[int] = []

        def elsewhere() -> None:
            start = commits.committed()
            with db.transaction() as session:
                session.add(m.Unit(name="采油三区"))
            seen.append(commits.committed() - start)

        worker = threading.Thread(target=elsewhere)
        worker.start()
        worker.join()
        assert seen == [1] and commits.committed() == before + 1  # counted there, not here
    finally:
        db.dispose()


def test_a_block_of_all_or_nothing_counts_once_when_it_is_committed(tmp_path: Path) -> None:
    """Its transactions are savepoints: saved only when the block commits."""
    db = open_database(tmp_path / "block.db")
    try:
        before = commits.committed()
        with db.all_or_nothing():
            for name in ("采油一区", "采油二区"):
                with db.transaction() as session:
                    session.add(m.Unit(name=name))
            assert commits.committed() == before
        assert commits.committed() == before + 1
    finally:
        db.dispose()
