"""Closing a round by its advance rule: who goes on, who is eliminated, nothing deleted."""

from __future__ import annotations

from decimal import Decimal

import pytest

from contest_desk.domain.advance import AdvanceMode, AdvanceRule
from contest_desk.errors import PermissionDenied, UserError
from tests.services.judging.test_sheets import Panel
from tests.services.judging.test_sheets import panel as panel  # the fixture

D = Decimal


def play_round_one(panel: Panel, services) -> None:
    small, event = panel.small, panel.small.event.id
    services.contests.set_rounds(event, [("初赛", D("0.5")), ("决赛", D("0.5"))])
    for n, judge in enumerate(small.judges):
        for i, entry in enumerate(small.entries):
            for code in ("P1", "P2"):
                value = str(9 - i)  # entry 0 best, entry 3 last
                panel.judges[n].scoring.record_score(event, 1, judge.id, entry.id, code, value)
        panel.judges[n].sheets.submit(event, 1, judge.id, f"j{n + 1}-pass")


def test_closing_a_round_eliminates_by_its_rule(panel: Panel, services) -> None:
    small, event = panel.small, panel.small.event.id
    play_round_one(panel, services)
    services.rounds.set_advance_rule(event, 1, AdvanceRule(AdvanceMode.TOP, D(2)))
    with pytest.raises(UserError, match="锁定"):
        panel.chief.rounds.close(event, 1)
    panel.chief.sheets.lock_round(event, 1)
    with pytest.raises(PermissionDenied):
        services.as_user(panel.judges[0].ctx.actor).rounds.close(event, 1)
    result = panel.chief.rounds.close(event, 1)
    first, second, third, fourth = (e.id for e in small.entries)
    assert (result.advancing, result.eliminated, result.rule) == (
        (first, second),
        (third, fourth),
        "前 2 名",
    )
    with pytest.raises(UserError, match="已结束"):
        panel.chief.rounds.close(event, 1)
    # The final ranks only those still in; round 1 and the whole event keep everyone.
    assert [r.entry.id for r in services.standings.standings(event, 2).rows] == [first, second]
    assert len(services.standings.standings(event, 1).rows) == 4
    assert len(services.standings.standings(event).rows) == 4
    final_sheet = panel.judges[0].scoring.sheet(event, 2, small.judges[0].id)
    assert {e.id for e in final_sheet.entries} == {first, second}
    (row,) = services.audit.records(detail={"rule": "前 2 名"})
    assert row.detail["eliminated"] == [third, fourth]
    entries = {e.id: e for e in services.roster.entries(event)}
    assert set(entries) == {first, second, third, fourth}  # nothing deleted


def test_a_round_needs_a_rule_to_close(panel: Panel, services) -> None:
    play_round_one(panel, services)
    panel.chief.sheets.lock_round(panel.small.event.id, 1)
    with pytest.raises(UserError, match="没有晋级规则"):
        panel.chief.rounds.close(panel.small.event.id, 1)


def test_a_contest_file_keeps_advance_rules_closes_and_eliminations(panel: Panel, services) -> None:
    event = panel.small.event.id
    play_round_one(panel, services)
    services.rounds.set_advance_rule(event, 1, AdvanceRule(AdvanceMode.TOP, D(2)))
    panel.chief.sheets.lock_round(event, 1)
    panel.chief.rounds.close(event, 1)
    data = services.transfer.export_contest(panel.small.event.contest_id)
    assert data["version"] == 2
    round_one = data["events"][0]["rounds"][0]
    assert round_one["advance"] == {"mode": "top", "value": "2", "ties_advance": True}
    assert round_one["closed"] is True
    eliminated = [e for e in data["events"][0]["entries"] if e["eliminated"]]
    assert [e["eliminated"] for e in eliminated] == [{"round": 1, "rule": "前 2 名"}] * 2

    copy = services.transfer.import_contest(data)
    (copied,) = services.contests.events(copy.id)
    assert services.rounds.advance_rule(copied.id, 1) == AdvanceRule(AdvanceMode.TOP, D(2))
    with pytest.raises(UserError, match="已结束"):
        services.rounds.set_advance_rule(copied.id, 1, None)
    assert len(services.standings.standings(copied.id, 2).rows) == 2

    # A file of version 1 has none of it and still reads; a bad rule is refused.
    data["version"] = 1
    for rnd in data["events"][0]["rounds"]:
        del rnd["advance"], rnd["closed"]
    for entry in data["events"][0]["entries"]:
        del entry["eliminated"]
    older = services.transfer.import_contest(data)
    (copied,) = services.contests.events(older.id)
    assert len(services.standings.standings(copied.id, 2).rows) == 4
    data["events"][0]["rounds"][0]["advance"] = {
        "mode": "share",
        "value": "150",
        "ties_advance": True,
    }
    with pytest.raises(UserError, match="100"):
        services.transfer.import_contest(data)
