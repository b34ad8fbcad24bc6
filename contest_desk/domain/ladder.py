"""Challenge boards (擂台): places, ratings and eliminations recomputed from an append-only log.

Nothing is stored but the log: entries joining, bouts and their results, corrections of a
result (with the reason), removals, rule changes and period closes. ``replay`` walks it
from the start, so a corrected result changes everything after it, and the board of any
period can be shown again. Place 1 is the title holder (擂主).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal, localcontext
from enum import StrEnum

from contest_desk.domain.ratings import (
    DEFAULT_K,
    DEFAULT_TAU,
    DRAW,
    LOSS,
    WIN,
    Glicko,
    Outcome,
    elo_bout,
    elo_period,
    elo_scored,
    glicko2_period,
)
from contest_desk.errors import UserError


class WinRule(StrEnum):
    LADDER = "ladder"  # the challenger takes the defender's place; those between move down one
    SWAP = "swap"  # the two change places


class PeriodKind(StrEnum):
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    FREE = "free"  # closed by hand whenever the organizers say


class RatingKind(StrEnum):
    NONE = "none"
    ELO = "elo"
    GLICKO2 = "glicko2"


class RatingUpdate(StrEnum):
    """When an Elo board's ratings move. Glicko-2 rates once per period by design."""

    BOUT = "bout"  # after each bout, from the two ratings as they stand
    PERIOD = "period"  # at the period's close, every bout of it against the period's ratings


@dataclass(frozen=True)
class BoardRules:
    reach: int = 2  # how many places above a challenger may challenge
    only_holder: bool = False  # only the title holder may be challenged
    max_open: int = 1  # open challenges an entry may have, issued or received
    accept_days: int = 7  # a challenge unanswered this long counts as the challenger's win
    declines: int = 0  # challenges a defender may decline per period
    period: PeriodKind = PeriodKind.MONTH
    win_rule: WinRule = WinRule.LADDER
    defender_wins_ties: bool = True  # 守擂成功 on equal totals
    rating: RatingKind = RatingKind.NONE
    elo_k: Decimal = DEFAULT_K
    tau: Decimal = DEFAULT_TAU
    # Boards stored before these two rules existed read their defaults: per bout, no draws.
    rating_update: RatingUpdate = RatingUpdate.BOUT  # Elo only
    draws: bool = False  # a bout may end in a draw (平局): ½ each, places by the tie rule
    eliminate_bottom: int = 0  # at period close: the last K entries
    eliminate_below: Decimal | None = None  # at period close: rated below this
    eliminate_losses: int = 0  # L consecutive losses
    eliminate_idle: int = 0  # no bout for P periods

    @property
    def per_period(self) -> bool:
        """Ratings move once per period, at its close, rather than after each bout."""
        return self.rating is RatingKind.GLICKO2 or self.rating_update is RatingUpdate.PERIOD


# The log -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Join:
    entry: int
    start: Glicko | None = None  # a starting rating (boards kept on paper)


@dataclass(frozen=True)
class Challenge:
    challenger: int
    defender: int
    deadline: dt.date  # to accept by


@dataclass(frozen=True)
class Accept:
    challenge: int  # the seq of the challenge


@dataclass(frozen=True)
class Decline:
    challenge: int


@dataclass(frozen=True)
class Bout:
    challenger: int
    defender: int
    challenger_won: bool
    challenge: int | None = None  # the challenge it settles; None for a bout kept on paper
    forfeit: bool = False  # the defender let the deadline pass
    draw: bool = False  # 平局 (``challenger_won`` is then False), where the rules allow it


@dataclass(frozen=True)
class Correction:
    bout: int  # the seq of the bout corrected
    challenger_won: bool
    reason: str
    draw: bool = False


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


Event = Join | Challenge | Accept | Decline | Bout | Correction | Removal | RuleChange | Close


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


@dataclass(frozen=True)
class OpenChallenge:
    seq: int
    challenger: int
    defender: int
    deadline: dt.date
    period: int
    accepted: bool = False
    number: int = 0  # the board's challenge 1, 2, 3… as people see it


@dataclass(frozen=True)
class BoutRecord:
    seq: int
    period: int
    challenger: int
    defender: int
    challenger_won: bool
    forfeit: bool
    title: bool  # the title holder defended
    draw: bool = False
    number: int = 0  # the board's bout 1, 2, 3… as people see it


@dataclass(frozen=True)
class Reign:
    holder: int
    first: int  # period
    last: int
    defences: int  # title defences during the reign

    @property
    def periods(self) -> int:
        return self.last - self.first + 1


@dataclass
class Ladder:
    """A challenge board (擂台) as its log leaves it: place 1 is the title holder."""

    rules: BoardRules
    places: list[int] = field(default_factory=list)  # active entries, title holder first
    standings: dict[int, Standing] = field(default_factory=dict)
    period: int = 1
    history: list[dict[int, tuple[int, Decimal]]] = field(default_factory=list)  # per period
    holders: list[tuple[int, int]] = field(default_factory=list)  # (period, holder)
    open: dict[int, OpenChallenge] = field(default_factory=dict)  # by the challenge's seq
    bouts: list[BoutRecord] = field(default_factory=list)
    declined: Counter[tuple[int, int]] = field(default_factory=Counter)  # (period, entry)
    next_rules: BoardRules | None = None  # a rule change waiting for the next period
    period_rules: list[BoardRules] = field(default_factory=list)  # in force, per closed period
    title_defences: Counter[int] = field(default_factory=Counter)  # by period
    # Beside ``history``: each entry's whole rating (deviation, volatility) at each close.
    rating_history: list[dict[int, Glicko]] = field(default_factory=list)
    # People number a board's challenges and bouts 1, 2, 3…; the log's seq stays inside.
    challenge_numbers: dict[int, int] = field(default_factory=dict)  # seq → number
    bout_numbers: dict[int, int] = field(default_factory=dict)
    # entry → index in ``places``: a board of 1,000 is asked for places 300,000 times.
    _index: dict[int, int] = field(default_factory=dict, repr=False, compare=False)

    def place_of(self, entry: int) -> int:
        return self._index[entry] + 1

    def on_board(self, entry: int) -> bool:
        return entry in self._index

    def _reindex(self, start: int, stop: int | None = None) -> None:
        for i in range(start, len(self.places) if stop is None else stop):
            self._index[self.places[i]] = i

    def add(self, entry: int) -> None:
        self.places.append(entry)
        self._index[entry] = len(self.places) - 1

    def drop(self, entry: int) -> None:
        at = self._index.pop(entry)
        del self.places[at]
        self._reindex(at)

    def take_place(self, low: int, top: int, swap: bool) -> None:
        """The entry at index ``low`` takes index ``top`` (above it)."""
        if swap:
            self.places[top], self.places[low] = self.places[low], self.places[top]
        else:
            self.places.insert(top, self.places.pop(low))
        self._reindex(top, low + 1)

    def open_of(self, entry: int) -> list[OpenChallenge]:
        return [c for c in self.open.values() if entry in (c.challenger, c.defender)]

    def may_challenge(self, challenger: int, defender: int) -> UserError | None:
        """Why ``challenger`` may not challenge ``defender`` now, or None when they may."""
        if not self.on_board(challenger) or not self.on_board(defender):
            return UserError("Only entries on the board take part in bouts")
        mine, theirs = self.place_of(challenger), self.place_of(defender)
        if theirs >= mine:
            return UserError("A challenge goes up the board")
        if self.rules.only_holder and theirs != 1:
            return UserError("Only the title holder may be challenged")
        if mine - theirs > self.rules.reach:
            return UserError(
                "The defender is more than {reach} places above", reach=self.rules.reach
            )
        for side in (challenger, defender):
            if len(self.open_of(side)) >= self.rules.max_open:
                return UserError(
                    "Place {place} already has {count} open challenge(s), "
                    "as many as the board allows",
                    place=self.place_of(side),
                    count=self.rules.max_open,
                )
        return None

    def refusal(self, event: Event, today: dt.date | None = None) -> UserError | None:
        """Why ``event`` may not be added to the log now, or None when it may."""
        if isinstance(event, Challenge):
            return self.may_challenge(event.challenger, event.defender)
        if isinstance(event, Accept | Decline):
            found = self.open.get(event.challenge)
            number = self.challenge_numbers.get(event.challenge, event.challenge)
            if found is None:
                return UserError("Challenge {seq} is not open", seq=number)
            if found.accepted:
                return UserError("Challenge {seq} has been accepted already", seq=number)
            if isinstance(event, Decline):
                used = self.declined[(self.period, found.defender)]
                if used >= self.rules.declines:
                    return UserError(
                        "A defender may decline {count} challenge(s) a period",
                        count=self.rules.declines,
                    )
            return None
        if isinstance(event, Bout):
            if event.draw and not self.rules.draws:
                return no_draws()
            if event.challenge is None:
                return self.may_challenge(event.challenger, event.defender)
            found = self.open.get(event.challenge)
            number = self.challenge_numbers.get(event.challenge, event.challenge)
            if found is None:
                return UserError(
                    "Challenge {seq} is not open: its period is closed or it has a result",
                    seq=number,
                )
            if event.forfeit and (today is None or today <= found.deadline or found.accepted):
                return UserError("Challenge {seq} is not past its deadline unanswered", seq=number)
            return None
        if isinstance(event, Correction) and event.draw:
            return self._draw_refused(event.bout)
        if isinstance(event, Removal) and not self.on_board(event.entry):
            return UserError("Only entries on the board take part in bouts")
        if isinstance(event, Close) and self.open:
            return UserError(
                "Period {period} has {count} unresolved challenge(s): "
                "record their results or let their deadlines pass first",
                period=self.period,
                count=len(self.open),
            )
        return None

    def _draw_refused(self, bout_seq: int) -> UserError | None:
        """A result corrected to a draw: only where the rules of the bout's period allow it."""
        for bout in self.bouts:
            if bout.seq == bout_seq:
                closed = bout.period < self.period
                rules = self.period_rules[bout.period - 1] if closed else self.rules
                return None if rules.draws else no_draws()
        return None

    def reigns(self) -> list[Reign]:
        """Title holders over time: consecutive closed periods with the same holder."""
        out: list[Reign] = []
        for period, holder in self.holders:
            defended = self.title_defences[period]
            if out and out[-1].holder == holder and out[-1].last == period - 1:
                last = out[-1]
                out[-1] = Reign(holder, last.first, period, last.defences + defended)
            else:
                out.append(Reign(holder, period, period, defended))
        return out


def no_draws() -> UserError:
    return UserError("This board's rules allow no draw: record who won")


def _rated(
    board: Ladder, pending: dict[int, list[Outcome]], a: int, b: int, score: Decimal
) -> None:
    """Ratings after a bout in which ``a`` scored ``score`` (WIN, DRAW or LOSS) against ``b``:
    now (Elo after each bout), or kept for the period's close."""
    rules, sa, sb = board.rules, board.standings[a], board.standings[b]
    if rules.rating is RatingKind.NONE:
        return
    if rules.per_period:
        pending.setdefault(a, []).append(Outcome(sb.rating, score))
        pending.setdefault(b, []).append(Outcome(sa.rating, WIN - score))
        return
    if score == DRAW:
        new_a, new_b = elo_scored(sa.rating.rating, sb.rating.rating, DRAW, rules.elo_k)
        sa.rating = Glicko(new_a, sa.rating.deviation, sa.rating.volatility)
        sb.rating = Glicko(new_b, sb.rating.deviation, sb.rating.volatility)
        return
    # A decided bout keeps elo_bout's arithmetic: the boards rated so far must not move.
    win, lose = (sa, sb) if score == WIN else (sb, sa)
    up, down = elo_bout(win.rating.rating, lose.rating.rating, rules.elo_k)
    # Built directly rather than with replace(): this runs once per bout.
    win.rating = Glicko(up, win.rating.deviation, win.rating.volatility)
    lose.rating = Glicko(down, lose.rating.deviation, lose.rating.volatility)


def _bout(board: Ladder, pending: dict[int, list[Outcome]], seq: int, bout: Bout) -> None:
    if bout.challenge is not None:
        board.open.pop(bout.challenge, None)
    if not board.on_board(bout.challenger) or not board.on_board(bout.defender):
        return  # a corrected earlier result took one of them off the board
    challenger, defender = board.standings[bout.challenger], board.standings[bout.defender]
    for s in (challenger, defender):
        s.last_bout_period = board.period
    top, low = board.place_of(bout.defender) - 1, board.place_of(bout.challenger) - 1
    won = bout.challenger_won and not bout.draw
    board.bouts.append(
        BoutRecord(
            seq,
            board.period,
            bout.challenger,
            bout.defender,
            won,
            bout.forfeit,
            top == 0,
            bout.draw,
            board.bout_numbers[seq],
        )
    )
    _rated(
        board, pending, bout.challenger, bout.defender, DRAW if bout.draw else WIN if won else LOSS
    )
    if bout.draw:  # neither won: both runs end; the places go by the tie rule
        challenger.streak = defender.streak = 0
    elif won:
        challenger.streak = max(challenger.streak, 0) + 1
        defender.streak = min(defender.streak, 0) - 1
    else:
        defender.streak = max(defender.streak, 0) + 1
        challenger.streak = min(challenger.streak, 0) - 1
    if won or (bout.draw and not board.rules.defender_wins_ties):
        if low < top:
            return  # already above (it won another challenge first): nothing to take
        board.take_place(low, top, board.rules.win_rule is WinRule.SWAP)
    else:  # held the place (a draw too, under the tie rule): a defence
        defender.defences += 1
        if top == 0:
            board.title_defences[board.period] += 1


def _eliminate(board: Ladder, entry: int, rule: str) -> None:
    board.standings[entry].eliminated = (board.period, rule)
    board.drop(entry)


def _close(board: Ladder, pending: dict[int, list[Outcome]]) -> None:
    rules = board.rules
    if rules.rating is RatingKind.GLICKO2:
        for entry in board.places:
            s = board.standings[entry]
            s.rating = glicko2_period(s.rating, pending.get(entry, []), rules.tau)
    elif rules.rating is RatingKind.ELO and rules.per_period:
        for entry in board.places:
            s, played = board.standings[entry], pending.get(entry)
            if played:
                bouts = [(o.opponent.rating, o.score) for o in played]
                new = elo_period(s.rating.rating, bouts, rules.elo_k)
                s.rating = Glicko(new, s.rating.deviation, s.rating.volatility)
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
    # The period's final places, those about to go included: their lines end here.
    board.history.append(
        {e: (board.place_of(e), board.standings[e].rating.rating) for e in board.places}
    )
    board.rating_history.append({e: board.standings[e].rating for e in board.places})
    for entry in [e for e in board.places if e in doomed]:
        _eliminate(board, entry, doomed[entry])
    if board.places:
        board.holders.append((board.period, board.places[0]))
    board.period_rules.append(rules)
    board.period += 1
    if board.next_rules is not None:
        board.rules, board.next_rules = board.next_rules, None


def period_start(kind: PeriodKind, starts_on: dt.date, period: int) -> dt.date | None:
    """The first day of a period of fixed length; None for periods closed by hand."""
    if kind is PeriodKind.FREE:
        return None
    if kind is PeriodKind.WEEK:
        return starts_on + dt.timedelta(weeks=period - 1)
    months = (period - 1) * (3 if kind is PeriodKind.QUARTER else 1)
    year, month = divmod(starts_on.month - 1 + months, 12)
    return dt.date(starts_on.year + year, month + 1, 1)


def challenger_wins(challenger: Decimal, defender: Decimal, defender_wins_ties: bool) -> bool:
    """A scored bout: the higher total wins; a tie goes to the defender (守擂成功) unless
    the board says otherwise."""
    if challenger == defender:
        return not defender_wins_ties
    return challenger > defender


def corrected(log: Sequence[Logged]) -> list[Logged]:
    """The log with each correction applied to its bout (the last correction stands)."""
    results = {
        entry.event.bout: (entry.event.challenger_won, entry.event.draw)
        for entry in log
        if isinstance(entry.event, Correction)
    }
    out = []
    for entry in log:
        event = entry.event
        if isinstance(event, Correction):
            continue
        if isinstance(event, Bout) and entry.seq in results:
            won, draw = results[entry.seq]
            event = replace(event, challenger_won=won, draw=draw)
        out.append(Logged(entry.seq, event))
    return out


def numbered(log: Sequence[Logged], kind: type[Challenge] | type[Bout]) -> list[Logged]:
    """A log's challenges (or bouts) in order: number n, as people see it, is the n-th."""
    return [entry for entry in log if isinstance(entry.event, kind)]


def apply(board: Ladder, pending: dict[int, list[Outcome]], seq: int, event: Event) -> None:
    """One event of a corrected log. Never refuses: what the log holds has happened, and a
    corrected result earlier on must not make later history unreadable."""
    if isinstance(event, Join):
        board.standings.setdefault(event.entry, Standing(event.entry, event.start or Glicko()))
        # Idle periods count from the one it joins in.
        board.standings[event.entry].last_bout_period = board.period - 1
        if not board.on_board(event.entry):
            board.add(event.entry)
    elif isinstance(event, Challenge):
        number = board.challenge_numbers[seq] = len(board.challenge_numbers) + 1
        board.open[seq] = OpenChallenge(
            seq, event.challenger, event.defender, event.deadline, board.period, number=number
        )
    elif isinstance(event, Accept) and event.challenge in board.open:
        board.open[event.challenge] = replace(board.open[event.challenge], accepted=True)
    elif isinstance(event, Decline) and event.challenge in board.open:
        board.declined[(board.period, board.open.pop(event.challenge).defender)] += 1
    elif isinstance(event, Bout):
        board.bout_numbers[seq] = len(board.bout_numbers) + 1
        _bout(board, pending, seq, event)
    elif isinstance(event, Removal) and board.on_board(event.entry):
        board.standings[event.entry].removed = event.reason
        board.drop(event.entry)
        for c in board.open_of(event.entry):
            del board.open[c.seq]
    elif isinstance(event, RuleChange):
        board.next_rules = event.rules
    elif isinstance(event, Close):
        _close(board, pending)


def replay(log: Iterable[Logged], rules: BoardRules) -> Ladder:
    """The board the log describes, from the first event to the last."""
    board = Ladder(rules)
    pending: dict[int, list[Outcome]] = {}
    with localcontext() as ctx:
        ctx.prec = 28  # the ratings' precision, whatever the caller's context
        for entry in corrected(list(log)):
            apply(board, pending, entry.seq, entry.event)
    return board


def check(
    log: Sequence[Logged], rules: BoardRules, event: Event, today: dt.date | None = None
) -> Ladder:
    """The board ``event`` would be added to; refuses it with the rule that forbids it."""
    board = replay(log, rules)
    refused = board.refusal(event, today)
    if refused is not None:
        raise refused
    return board
