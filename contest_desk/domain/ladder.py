"""Challenge boards (擂台): places, ratings and eliminations recomputed from an append-only log.

Nothing is stored but the log: entries joining, bouts and their results, corrections of a
result (with the reason), removals, rule changes and period closes. ``replay`` walks it
from the start, so a corrected result changes everything after it, and the board of any
period can be shown again. Place 1 is the title holder (擂主).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum

from contest_desk.domain.ratings import (
    DEFAULT_K,
    DEFAULT_TAU,
    Glicko,
    Outcome,
    elo_update,
    glicko2_period,
)
from contest_desk.errors import UserError


class WinRule(StrEnum):
    LADDER = "ladder"  # the challenger takes the defender's place; those between move down one
    SWAP = "swap"  # the two change places


class RatingKind(StrEnum):
    NONE = "none"
    ELO = "elo"
    GLICKO2 = "glicko2"


@dataclass(frozen=True)
class BoardRules:
    reach: int = 2  # how many places above a challenger may challenge
    only_holder: bool = False  # only the title holder may be challenged
    max_open: int = 1  # open challenges an entry may have
    win_rule: WinRule = WinRule.LADDER
    defender_wins_ties: bool = True  # 守擂成功 on equal totals
    rating: RatingKind = RatingKind.NONE
    elo_k: Decimal = DEFAULT_K
    tau: Decimal = DEFAULT_TAU
    eliminate_bottom: int = 0  # at period close: the last K entries
    eliminate_below: Decimal | None = None  # at period close: rated below this
    eliminate_losses: int = 0  # L consecutive losses
    eliminate_idle: int = 0  # no bout for P periods


# The log -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Join:
    entry: int
    start: Glicko | None = None  # a starting rating (boards kept on paper)


@dataclass(frozen=True)
class Bout:
    challenger: int
    defender: int
    challenger_won: bool


@dataclass(frozen=True)
class Correction:
    bout: int  # the seq of the bout corrected
    challenger_won: bool
    reason: str


@dataclass(frozen=True)
class Removal:
    entry: int
    reason: str


@dataclass(frozen=True)
class RuleChange:
    rules: BoardRules  # from the next period on


@dataclass(frozen=True)
class Close:
    pass


Event = Join | Bout | Correction | Removal | RuleChange | Close


@dataclass(frozen=True)
class Logged:
    seq: int
    event: Event


# The board -------------------------------------------------------------------------------


@dataclass
class Standing:
    entry: int
    rating: Glicko = field(default_factory=Glicko)
    defences: int = 0
    streak: int = 0  # wins (> 0) or losses (< 0) in a row
    last_bout_period: int = 0
    eliminated: tuple[int, str] | None = None  # (period, rule)
    removed: str | None = None


@dataclass
class Board:
    rules: BoardRules
    places: list[int] = field(default_factory=list)  # active entries, title holder first
    standings: dict[int, Standing] = field(default_factory=dict)
    period: int = 1
    history: list[dict[int, tuple[int, Decimal]]] = field(default_factory=list)  # per period
    holders: list[tuple[int, int]] = field(default_factory=list)  # (period, holder)

    def place_of(self, entry: int) -> int:
        return self.places.index(entry) + 1

    def may_challenge(self, challenger: int, defender: int) -> str | None:
        """Why ``challenger`` may not challenge ``defender``, or None when they may."""
        if challenger not in self.places or defender not in self.places:
            return "Only entries on the board take part in bouts"
        mine, theirs = self.place_of(challenger), self.place_of(defender)
        if theirs >= mine:
            return "A challenge goes up the board"
        if self.rules.only_holder and theirs != 1:
            return "Only the title holder may be challenged"
        if mine - theirs > self.rules.reach:
            return "The defender is more than {reach} places above"
        return None


def _rated(board: Board, pending: dict[int, list[Outcome]], a: int, b: int, a_won: bool) -> None:
    rules, sa, sb = board.rules, board.standings[a], board.standings[b]
    if rules.rating is RatingKind.ELO:
        score = Decimal(1 if a_won else 0)
        ra, rb = sa.rating.rating, sb.rating.rating
        sa.rating = replace(sa.rating, rating=elo_update(ra, rb, score, rules.elo_k))
        sb.rating = replace(sb.rating, rating=elo_update(rb, ra, 1 - score, rules.elo_k))
    elif rules.rating is RatingKind.GLICKO2:
        pending.setdefault(a, []).append(Outcome(sb.rating, Decimal(1 if a_won else 0)))
        pending.setdefault(b, []).append(Outcome(sa.rating, Decimal(0 if a_won else 1)))


def _bout(board: Board, pending: dict[int, list[Outcome]], bout: Bout) -> None:
    why = board.may_challenge(bout.challenger, bout.defender)
    if why is not None:
        raise UserError(why, reach=board.rules.reach)
    challenger, defender = board.standings[bout.challenger], board.standings[bout.defender]
    for s in (challenger, defender):
        s.last_bout_period = board.period
    _rated(board, pending, bout.challenger, bout.defender, bout.challenger_won)
    if bout.challenger_won:
        challenger.streak = max(challenger.streak, 0) + 1
        defender.streak = min(defender.streak, 0) - 1
        top, low = board.place_of(bout.defender) - 1, board.place_of(bout.challenger) - 1
        if board.rules.win_rule is WinRule.SWAP:
            board.places[top], board.places[low] = board.places[low], board.places[top]
        else:
            board.places.insert(top, board.places.pop(low))
    else:
        defender.defences += 1
        defender.streak = max(defender.streak, 0) + 1
        challenger.streak = min(challenger.streak, 0) - 1


def _eliminate(board: Board, entry: int, rule: str) -> None:
    board.standings[entry].eliminated = (board.period, rule)
    board.places.remove(entry)


def _close(board: Board, pending: dict[int, list[Outcome]]) -> None:
    rules = board.rules
    if rules.rating is RatingKind.GLICKO2:
        for entry in board.places:
            s = board.standings[entry]
            s.rating = glicko2_period(s.rating, pending.get(entry, []), rules.tau)
    pending.clear()
    doomed: dict[int, str] = {}
    for entry in board.places:
        s = board.standings[entry]
        if rules.eliminate_losses and -s.streak >= rules.eliminate_losses:
            doomed.setdefault(entry, "losses")
        if rules.eliminate_idle and board.period - s.last_bout_period >= rules.eliminate_idle:
            doomed.setdefault(entry, "idle")
        if rules.eliminate_below is not None and s.rating.rating < rules.eliminate_below:
            doomed.setdefault(entry, "below")
    if rules.eliminate_bottom:
        for entry in board.places[-rules.eliminate_bottom :]:
            doomed.setdefault(entry, "bottom")
    for entry in [e for e in board.places if e in doomed]:
        _eliminate(board, entry, doomed[entry])
    board.history.append(
        {e: (board.place_of(e), board.standings[e].rating.rating) for e in board.places}
    )
    if board.places:
        board.holders.append((board.period, board.places[0]))
    board.period += 1


def challenger_wins(challenger: Decimal, defender: Decimal, defender_wins_ties: bool) -> bool:
    """A scored bout: the higher total wins; a tie goes to the defender (守擂成功) unless
    the board says otherwise."""
    if challenger == defender:
        return not defender_wins_ties
    return challenger > defender


def corrected(log: Sequence[Logged]) -> list[Logged]:
    """The log with each correction applied to its bout (the last correction stands)."""
    results = {
        entry.event.bout: entry.event.challenger_won
        for entry in log
        if isinstance(entry.event, Correction)
    }
    out = []
    for entry in log:
        event = entry.event
        if isinstance(event, Correction):
            continue
        if isinstance(event, Bout) and entry.seq in results:
            event = replace(event, challenger_won=results[entry.seq])
        out.append(Logged(entry.seq, event))
    return out


def replay(log: Iterable[Logged], rules: BoardRules) -> Board:
    """The board the log describes, from the first event to the last."""
    board = Board(rules)
    pending: dict[int, list[Outcome]] = {}
    next_rules: BoardRules | None = None
    for entry in corrected(list(log)):
        event = entry.event
        if isinstance(event, Join):
            board.standings.setdefault(event.entry, Standing(event.entry, event.start or Glicko()))
            # Idle periods count from the one it joins in.
            board.standings[event.entry].last_bout_period = board.period - 1
            if event.entry not in board.places:
                board.places.append(event.entry)
        elif isinstance(event, Bout):
            _bout(board, pending, event)
        elif isinstance(event, Removal):
            board.standings[event.entry].removed = event.reason
            board.places.remove(event.entry)
        elif isinstance(event, RuleChange):
            next_rules = event.rules
        elif isinstance(event, Close):
            _close(board, pending)
            if next_rules is not None:
                board.rules, next_rules = next_rules, None
    return board
