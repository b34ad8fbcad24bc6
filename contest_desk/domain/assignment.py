"""Which judge marks which entry: conflicts of interest (回避) and a balanced assignment.

A judge never marks an entry they are in conflict with: one from their own unit (by
default: the same top-level unit, e.g. both under 采油一区) or one they declared. An
organizer may override a conflict with a reason; the services keep the reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from contest_desk.errors import UserError


def top_unit(path: str) -> str:
    """The top-level unit of a unit path: "采油一区/采油一班" → "采油一区"."""
    return path.replace("\\", "/").split("/", 1)[0].strip()


def same_unit(judge_unit: str, entry_units: Sequence[str]) -> bool:
    """A judge and an entry (a person, or any member of a team) share a top-level unit."""
    mine = top_unit(judge_unit)
    return bool(mine) and any(top_unit(u) == mine for u in entry_units if u)


@dataclass(frozen=True)
class Assignment:
    """Each entry's judges, and the entries that could not get enough of them."""

    judges_of: dict[int, tuple[int, ...]]  # entry id → judge ids, in judge order
    short: dict[int, int]  # entry id → how many judges it lacks

    def load(self) -> dict[int, int]:
        """Entries per judge."""
        counts: dict[int, int] = {}
        for judges in self.judges_of.values():
            for judge in judges:
                counts[judge] = counts.get(judge, 0) + 1
        return counts


def balanced_assignment(
    entries: Sequence[int],
    judges: Sequence[int],
    per_entry: int,
    excluded: Mapping[int, frozenset[int]] | None = None,
) -> Assignment:
    """Give every entry ``per_entry`` judges, none it is excluded from, loads kept even.

    Entries with the fewest eligible judges are served first, each taking the eligible
    judges with the lightest load so far (ties: the judge listed first), so that the
    loads differ by at most one wherever conflicts allow. Deterministic for its inputs.
    """
    if per_entry < 1:
        raise UserError("An event needs at least one judge per entry")
    if len(set(judges)) != len(judges) or len(set(entries)) != len(entries):
        raise ValueError("judges and entries must be distinct")
    excluded = excluded or {}
    order = {judge: i for i, judge in enumerate(judges)}
    eligible = {e: [j for j in judges if j not in excluded.get(e, frozenset())] for e in entries}
    load = dict.fromkeys(judges, 0)
    judges_of: dict[int, tuple[int, ...]] = {}
    short: dict[int, int] = {}
    position = {e: i for i, e in enumerate(entries)}
    for entry in sorted(entries, key=lambda e: (len(eligible[e]), position[e])):
        chosen = sorted(eligible[entry], key=lambda j: (load[j], order[j]))[:per_entry]
        for judge in chosen:
            load[judge] += 1
        judges_of[entry] = tuple(sorted(chosen, key=order.__getitem__))
        if len(chosen) < per_entry:
            short[entry] = per_entry - len(chosen)
    return Assignment({e: judges_of[e] for e in entries}, short)
