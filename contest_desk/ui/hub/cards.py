"""Issuing judges' tokens and printing their cards in one go (run on the worker).

A token's text exists only while its card is made: the database keeps its SHA-256. So
tokens are issued, the cards written, and only then do the new cards replace the judges'
earlier ones for the day (those are revoked). Should the cards not be written (a full
disk, Cancel), the tokens just issued are revoked again: no card that was never printed
can log anyone in, and the earlier cards still work.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from contest_desk.domain.plain_names import judge_labels
from contest_desk.domain.records.contests import JudgeInfo
from contest_desk.domain.records.tokens import IssuedToken, TokenInfo
from contest_desk.errors import Progress, UserError, step
from contest_desk.reports.judge_cards import JudgeCard, write_judge_cards


class Tokens(Protocol):
    """What this needs of ``hub.judge_tokens``."""

    def issue(self, username: str, valid_on: dt.date) -> IssuedToken: ...

    def revoke(self, token_id: int) -> TokenInfo: ...

    def tokens(self, valid_on: dt.date | None = None) -> list[TokenInfo]: ...


@dataclass(frozen=True)
class CardsMade:
    path: Path
    judges: tuple[str, ...]  # the names on the cards
    skipped: tuple[tuple[str, str], ...]  # (name, why): judges who got no card


def issue_cards(
    tokens: Tokens,
    judges: Sequence[JudgeInfo],
    contest: str,
    day: dt.date,
    base: str,
    path: Path,
    progress: Progress | None = None,
) -> CardsMade:
    """A new token for each of ``judges``, valid on ``day``, and their cards in ``path``
    with the hub at ``base`` ("http://192.168.1.20:8765"). A judge the tokens service
    refuses (no account, not a judge) is skipped and named; none left: refused."""
    earlier = [t for t in tokens.tokens(day) if t.usable_on(day)]
    labels = judge_labels(judges)  # the note names people, two of one name by their unit
    issued: list[tuple[JudgeInfo, IssuedToken]] = []
    skipped: list[tuple[str, str]] = []
    try:
        for done, judge in enumerate(judges):
            step(progress, done, len(judges) + 1)
            try:
                issued.append((judge, tokens.issue(judge.username, day)))
            except UserError as error:
                skipped.append((labels[judge.id], error.message()))
        if not issued:
            raise UserError(
                "No card was made: {reasons}",
                reasons="；".join(f"{name}: {why}" for name, why in skipped),
            )
        step(progress, len(judges), len(judges) + 1)
        cards = [
            JudgeCard(judge.name, contest, day, f"{base}/t#{new.token}", f"{base}/")
            for judge, new in issued
        ]
        write_judge_cards(path, cards)
    except BaseException:
        for _judge, new in issued:
            tokens.revoke(new.info.id)
        raise
    carded = {judge.username for judge, _new in issued}
    for old in earlier:
        if old.username in carded:
            tokens.revoke(old.id)
    return CardsMade(path, tuple(labels[judge.id] for judge, _new in issued), tuple(skipped))
