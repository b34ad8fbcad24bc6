"""What copying a whole database to another found: rows per table, the chain, the files."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# Told as each batch of a table is in: (table, rows copied so far, rows it has).
CopyProgress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class TableCopied:
    """One table's rows in the source's snapshot and in the target after the copy."""

    name: str
    source: int
    target: int


@dataclass(frozen=True)
class CopyReport:
    """A copy that was checked: per table, the audit chain on both sides, the attached
    files put in the target's folder (each checked by its SHA-256), and how long it took."""

    tables: tuple[TableCopied, ...]
    chain_rows: int  # audit rows whose links verify, the same on both sides
    files: int
    missing_files: tuple[str, ...]  # attached files the source's folder lacks (allowed)
    seconds: float
    # The first audit row whose link does not verify, in the source and so in the copy
    # (None: the chain is intact).
    chain_broken_at: int | None = None

    @property
    def rows(self) -> int:
        return sum(t.target for t in self.tables)

    @property
    def mismatched(self) -> tuple[TableCopied, ...]:
        return tuple(t for t in self.tables if t.source != t.target)
