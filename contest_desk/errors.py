"""The two error families: what a person can fix (UserError) and everything else (bugs).

A UserError carries an English message id and its fields, so that every layer
can show it in the user's language, plus where the problem is (file, row,
column) when it comes from an import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from contest_desk.i18n import _


@dataclass(frozen=True)
class Location:
    """Where in an input file a problem was found; every part is optional."""

    file: str | None = None
    row: int | None = None
    column: str | None = None

    def describe(self) -> str:
        parts = []
        if self.file:
            parts.append(self.file)
        if self.row is not None:
            parts.append(_("row {row}", row=self.row))
        if self.column:
            parts.append(_("column {column}", column=self.column))
        return ", ".join(parts)


class UserError(Exception):
    """A problem the person can fix: bad input, a refused action, a missing thing."""

    def __init__(self, msgid: str, where: Location | None = None, **params: Any) -> None:
        self.msgid = msgid
        self.params = params
        self.where = where
        super().__init__(self.message())

    def message(self) -> str:
        """The message in the current language, prefixed with its location when known."""
        text = _(self.msgid, **self.params)
        if self.where is not None and (place := self.where.describe()):
            return f"{place}: {text}"
        return text

    def __str__(self) -> str:
        return self.message()


class NotFound(UserError):
    """A named thing (contest, event, entry…) does not exist."""


class ImportRejected(UserError):
    """An import found problems; nothing was written. ``problems`` lists each one."""

    def __init__(self, problems: list[UserError]) -> None:
        self.problems = problems
        first = problems[0]
        super().__init__(
            "{count} problem(s), nothing imported. First: {first}",
            count=len(problems),
            first=first.message(),
        )


class PermissionDenied(UserError):
    """The acting user's roles do not allow the action, or not on this sheet."""


class StaleEdit(UserError):
    """A save from a form read before someone else saved the same thing: refused, so that
    nothing they saved is overwritten unseen (storage/versions.py decides).

    ``changes``: each field that differs now, in words, as (field, the value the form
    showed, the value stored now); ``current``: the record as stored now, for the form to
    show while it keeps the person's own typed values to apply again.
    """

    def __init__(
        self,
        thing: str,
        who: str,
        at: str,
        changes: Sequence[tuple[str, str, str]],
        current: Any = None,
        said: Sequence[str] = (),
    ) -> None:
        self.changes = tuple(changes)
        self.current = current
        # ``said``: changes already in words (a rubric's criteria, as its editor words them).
        listed = _("; ").join(
            [_("{field}: {old} → {new}", field=f, old=old, new=new) for f, old, new in changes]
            + list(said)
        )
        msgid = (
            "{thing} was changed by {who} at {at} ({changes}). Look at what it holds now "
            "and make your change again."
            if listed
            else "{thing} was changed by {who} at {at}. Look at what it holds now and make "
            "your change again."
        )
        super().__init__(msgid, thing=thing, who=who, at=at, changes=listed)


class Cancelled(Exception):
    """The person pressed Cancel: the work stops and undoes what it began (a transaction
    rolls back, files half written are removed). Not an error to show."""


# Long work reports each step as ``progress(done, total)``; an answer of False asks it to
# stop, which it does by raising Cancelled (see ui/operations.py, which supplies one).
Progress = Callable[[int, int], bool]


def step(progress: Progress | None, done: int, total: int) -> None:
    """Report a step of long work; raise Cancelled when the person has cancelled."""
    if progress is not None and not progress(done, total):
        raise Cancelled


T = TypeVar("T")


def stepped(items: Sequence[T], progress: Progress | None) -> Iterator[T]:
    """Each of ``items`` in turn, reporting each as a step of long work (see ``step``)."""
    for done, item in enumerate(items):
        step(progress, done, len(items))
        yield item
    step(progress, len(items), len(items))


class ServerUnavailable(UserError):
    """The database server went away during a call (stopped, restarted, the network
    down): a problem of the moment, not a bug, said in one sentence (storage/server_gone.py).

    ``unknown``: the connection was lost while the server was committing, so the change
    may have been saved or not; a save that carries an op id (storage/client_ops.py) can
    be sent again safely, anything else is looked at before it is done again.
    ``partly``: a step of several transactions lost the server after one of them was
    committed (ui/server_wait.py counts them): part of it is saved, so it is not redone.
    """

    def __init__(self, server: str, unknown: bool = False, partly: bool = False) -> None:
        self.server = server
        self.unknown = unknown
        self.partly = partly
        msgid = (
            "The connection to the server {server} was lost after part of this step was "
            "saved. Look at what is stored before doing the rest again, once the server "
            "is back"
            if partly
            else "The connection to the server {server} was lost while a change was being "
            "saved: it may have been saved or not. Look before doing it again, once the "
            "server is back"
            if unknown
            else "The connection to the server {server} was lost; nothing was changed. "
            "Try again once the server is back"
        )
        super().__init__(msgid, server=server)
