"""How far the database has moved: the audit head's sequence, for screens that follow it,
news of each move for the other desks, and which moves this process made itself."""

from __future__ import annotations

import threading
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, event, select
from sqlalchemy.orm import Session

from contest_desk.storage import models as m

# The channel a PostgreSQL server tells listening desks on; a channel belongs to one
# database, so desks on another database of the same server hear nothing of it. The
# audit trail's trigger (migration 0016_save_path) names it too.
CHANNEL = "contest_desk_changes"
_LINKED = "contest_desk.linked"
# How many of its own sequence numbers an engine remembers: a day of one desk's saves.
_KEPT = 50_000


def audit_seq(s: Session) -> int:
    """The last audit row's sequence (0 before any): every change a service makes writes an
    audit row in its transaction, so this moves on each one, made from any desk or device."""
    return s.scalar(select(m.AuditHead.seq).where(m.AuditHead.id == 1)) or 0


def announce(session: Session, first: int, last: int) -> None:
    """The audit rows ``first``…``last`` were linked in ``session``'s transaction, about to
    commit: this process remembers the numbers as its own once the commit is through
    (``made_here``). On PostgreSQL the database's trigger on the audit trail tells every
    listener on CHANNEL the new head at the commit (migration 0016_save_path)."""
    session.info[_LINKED] = (first, last)


class _Made:
    """The sequence numbers committed through one engine, the oldest forgotten first."""

    def __init__(self) -> None:
        self.seqs: set[int] = set()
        self.lock = threading.Lock()

    def add(self, first: int, last: int) -> None:
        with self.lock:
            self.seqs.update(range(first, last + 1))
            if len(self.seqs) > _KEPT:
                keep = sorted(self.seqs)[-_KEPT // 2 :]
                self.seqs = set(keep)

    def __contains__(self, seq: object) -> bool:
        with self.lock:
            return seq in self.seqs


# Keyed by engine (one per Database object, i.e. per desk's window or command), and
# weakly: a disposed database takes its numbers with it.
_made: WeakKeyDictionary[Engine, _Made] = WeakKeyDictionary()
_made_guard = threading.Lock()


def made_here(engine: Engine) -> _Made:
    """The sequence numbers committed through ``engine`` (``seq in made_here(engine)``)."""
    with _made_guard:
        found = _made.get(engine)
        if found is None:
            found = _made[engine] = _Made()
        return found


@event.listens_for(Session, "after_commit")
def _remember_linked(session: Session) -> None:
    linked: tuple[int, int] | None = session.info.pop(_LINKED, None)
    if linked is not None:
        bind: Any = session.get_bind()
        made_here(bind.engine).add(*linked)  # a Connection's engine, or the engine itself


@event.listens_for(Session, "after_soft_rollback")
def _forget_linked(session: Session, _previous: Any) -> None:
    session.info.pop(_LINKED, None)
