"""The hub while the database server is away (issue 16): a phone's mark is answered 503,
which the page sends again later with the same op, never 409 (a refusal it would show on
the mark) nor 401 (a session it would take for gone)."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from contest_desk.errors import ServerUnavailable
from contest_desk.services.hub import Services
from contest_desk.services.judging.scoring import ScoringService
from tests.web import test_judge_api as api

judge = api.judge  # the fixture, used by name


def server_away(*_args: object, **_kwargs: object) -> None:
    raise ServerUnavailable("db.plant.local")


@pytest.mark.parametrize("where", ["the save", "the session"])
def test_a_mark_sent_while_the_server_is_away_is_answered_503(
    judge: tuple[TestClient, str], hub: Services, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    client, csrf = judge
    entry = api.first_entry(client)
    if where == "the save":
        monkeypatch.setattr(ScoringService, "record_score", server_away)
    else:
        monkeypatch.setattr(type(hub.hub_sessions), "resume", server_away)
    answer = api.mark(client, csrf, entry, "A1", "8")
    assert answer.status_code == 503
    assert answer.json()["error"].startswith("与服务器的连接中断：db.plant.local")
    assert api.stored(hub, entry, "A1") is None
