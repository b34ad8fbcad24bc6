"""Issuing tokens with their cards: all or nothing for the cards. A card not written (no
folder, Cancel) leaves no new token that logs anyone in and the earlier cards working; a
judge without an account is skipped and named."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from contest_desk.domain.records.contests import JudgeInfo
from contest_desk.errors import Cancelled, UserError
from contest_desk.services.hub import Services
from contest_desk.ui.hub import cards
from tests.ui import test_scoring_models as shared
from tests.ui.test_roles import accounts
from tests.ui.test_scoring_models import SmallEvent

language = shared.language
services = shared.services
small = shared.small
accounts = accounts
BASE = "http://192.168.1.20:8765"


def issue_cards(*args: Any) -> cards.CardsMade:
    """On a worker, as the window runs it (the window's thread opens no session)."""
    with ThreadPoolExecutor(1) as worker:
        return worker.submit(cards.issue_cards, *args).result()


def usable(accounts: Services) -> list[str]:
    day = dt.date.today()
    return sorted(t.username for t in accounts.judge_tokens.tokens(day) if t.usable_on(day))


def judges(accounts: Services, small: SmallEvent) -> list[JudgeInfo]:
    return accounts.roster.judges(small.contest_id)


def test_cards_not_written_leave_the_earlier_ones_working(
    accounts: Services, small: SmallEvent, tmp_path: Path
) -> None:
    tokens, today, panel = accounts.judge_tokens, dt.date.today(), judges(accounts, small)
    made = issue_cards(tokens, panel[:1], "比武", today, BASE, tmp_path / "a.pdf")
    assert made.judges == ("张振华",) and usable(accounts) == ["judge1"]
    with pytest.raises(UserError, match="无法写入"):
        issue_cards(tokens, panel, "比武", today, BASE, tmp_path / "missing" / "b.pdf")
    assert usable(accounts) == ["judge1"]  # the three new ones revoked, the first kept

    def cancel_at_the_end(done: int, total: int) -> bool:
        return done < total - 1

    with pytest.raises(Cancelled):
        issue_cards(tokens, panel, "比武", today, BASE, tmp_path / "c.pdf", cancel_at_the_end)
    assert usable(accounts) == ["judge1"] and not (tmp_path / "c.pdf").exists()


def test_a_judge_without_an_account_gets_no_card_and_is_named(
    accounts: Services, small: SmallEvent, tmp_path: Path
) -> None:
    stranger = accounts.roster.add_judge(small.contest_id, "nobody", "钱多多", "质检站")
    panel = [*judges(accounts, small)[:1], stranger]
    made = issue_cards(
        accounts.judge_tokens, panel, "比武", dt.date.today(), BASE, tmp_path / "a.pdf"
    )
    assert made.judges == ("张振华",)
    assert [name for name, _why in made.skipped] == ["钱多多"]
    with pytest.raises(UserError, match="未生成任何登录卡：钱多多"):
        issue_cards(
            accounts.judge_tokens, [stranger], "比武", dt.date.today(), BASE, tmp_path / "b.pdf"
        )
