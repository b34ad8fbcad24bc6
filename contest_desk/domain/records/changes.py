"""News of what other desks changed, as a desk's screens need it: ids and kinds only."""

from __future__ import annotations

from dataclasses import dataclass

Sheet = tuple[int, int | None, int | None]  # event id, round number, judge id


@dataclass(frozen=True)
class ChangeNews:
    """What changed after one audit sequence, up to ``head`` (the head when read).

    ``score_events``: events whose scores (or what their standings show) changed;
    ``sheets``: within them, the score sheets touched as (event, round number, judge id),
    None for every round or judge (a lock, a time, an import); ``setup``: the kinds of
    set-up that changed (domain/change_kinds.py); ``everything``: too much to tell
    apart, or a restore: reload all that is shown."""

    head: int
    score_events: frozenset[int] = frozenset()
    setup: frozenset[str] = frozenset()
    everything: bool = False
    sheets: frozenset[Sheet] = frozenset()

    @property
    def empty(self) -> bool:
        return not (self.score_events or self.setup or self.everything)
