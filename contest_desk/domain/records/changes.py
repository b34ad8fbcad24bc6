"""News of what other desks changed, as a desk's screens need it: ids and kinds only."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChangeNews:
    """What changed after one audit sequence, up to ``head`` (the head when read).

    ``score_events``: events whose scores (or what their standings show) changed;
    ``setup``: the kinds of set-up that changed (domain/change_kinds.py); ``everything``:
    too much to tell apart, or a restore: reload all that is shown."""

    head: int
    score_events: frozenset[int] = frozenset()
    setup: frozenset[str] = frozenset()
    everything: bool = False

    @property
    def empty(self) -> bool:
        return not (self.score_events or self.setup or self.everything)
