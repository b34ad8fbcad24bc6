"""The judge's sheet and marks over HTTP: only their own sheets and entries, every mark
checked and saved once, tampered requests refused with a message, sign-off by password.

Event 3 of the demo (仪表维修工技能比武) is drawn and not marked yet: judge1 marks it."""

from __future__ import annotations

import json
import struct
import uuid
from decimal import Decimal as D
from io import BytesIO
from typing import Any

import pytest
from fontTools.ttLib import TTFont
from starlette.testclient import TestClient

from contest_desk.domain.permissions import Actor, Role
from contest_desk.services.hub import Services
from tests.web.helpers import PHONE, client_of, log_in

EVENT, ROUND = 3, 1
JUDGE1 = Actor("judge1", frozenset({Role.JUDGE}))


@pytest.fixture
def judge(hub: Services) -> tuple[TestClient, str]:
    client = client_of(hub)
    return client, log_in(client)


def mark(client: TestClient, csrf: str, entry: int, code: str, value: Any, **more: Any) -> Any:
    body = {"op": str(uuid.uuid4()), "event": EVENT, "round": ROUND, "entry": entry,
            "code": code, "value": value, "expected": None, **more}  # fmt: skip
    return client.post("/api/mark", json=body, headers={"X-CSRF-Token": csrf})


def stored(hub: Services, entry: int, code: str) -> D | None:
    return hub.scoring.sheet(EVENT, ROUND, 1).values.get((entry, code))  # judge1 is judge 1


def marks_of(hub: Services) -> list:
    return [r for r in hub.audit.records() if r.action == "score.record"]


def first_entry(client: TestClient) -> int:
    return int(client.get(f"/api/sheet/{EVENT}/{ROUND}").json()["entries"][0]["id"])


def test_the_sheet_shows_codes_in_drawn_order_and_each_criterions_limits(
    shared_hub: Services,
) -> None:
    client = client_of(shared_hub)
    log_in(client)
    data = client.get(f"/api/sheet/{EVENT}/{ROUND}").json()
    expected = shared_hub.as_user(JUDGE1).scoring.sheet(EVENT, ROUND, data["judge"]["id"])
    assert [e["id"] for e in data["entries"]] == [e.id for e in expected.entries]
    assert all(e["code"].startswith("C") and e["label"] == e["code"] for e in data["entries"])
    names = {e.label for e in shared_hub.scoring.sheet(EVENT, ROUND, 1).entries}
    assert not names & {e["label"] for e in data["entries"]}  # no name before the lock
    a1 = next(c for c in data["columns"] if c["code"] == "A1")
    assert (a1["max"], a1["step"], a1["kind"], a1["shared"]) == ("20", "0.5", "judgement", False)
    assert data["missing"] == 18 * 5 and data["state"] == "draft"
    page = client.get(f"/sheet/{EVENT}/{ROUND}")
    assert page.status_code == 200
    assert page.text.count('class="mark') == 18 * 8 and 'id="sync-status"' in page.text
    assert 'data-pending="0"' in page.text and 'id="submit-button"' in page.text
    assert f'id="total-{data["entries"][0]["id"]}"' in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["cache-control"] == "no-store"


def test_static_files_and_the_font_are_served_by_the_hub(shared_hub: Services) -> None:
    client = client_of(shared_hub)
    assert "outbox" in client.get("/static/sheet.js").text
    font = client.get("/static/font.ttc")
    assert font.status_code == 200 and len(font.content) > 1_000_000
    # A plain TrueType file with every table on a 4-byte boundary (Chrome refuses the
    # collection as it is: "OTS parsing error: FFTM: misaligned table").
    data = font.content
    (count,) = struct.unpack_from(">H", data, 4)
    tables = [struct.unpack_from(">4sIII", data, 12 + 16 * i) for i in range(count)]
    assert data[:4] == b"\x00\x01\x00\x00" and b"glyf" in {t[0] for t in tables}
    assert all(offset % 4 == 0 for _tag, _sum, offset, _length in tables)
    assert b"FFTM" not in {t[0] for t in tables}
    assert ord("评") in TTFont(BytesIO(data)).getBestCmap()  # the Chinese glyphs came along
    assert "cache-control" not in client.get("/static/hub.css").headers


def test_the_language_switch_is_kept_in_a_cookie(shared_hub: Services) -> None:
    client = client_of(shared_hub)
    switched = client.get("/lang/en?next=/login", follow_redirects=False)
    assert switched.headers["location"] == "/login"
    assert "Judge&#39;s log-in" in client.get("/login").text
    assert client.get("/api/sheet/3/1").json()["error"].startswith("Your session has ended")
    outside = client.get("/lang/zh_CN?next=//evil.example/", follow_redirects=False)
    assert outside.headers["location"] == "/"
    assert "评委登录" in client.get("/login").text


def test_posts_without_the_sessions_token_are_refused(
    judge: tuple[TestClient, str], hub: Services
) -> None:
    client, csrf = judge
    entry = first_entry(client)
    before = len(marks_of(hub))
    for headers in (
        {},
        {"X-CSRF-Token": "forged"},
        {"X-CSRF-Token": csrf, "Origin": "http://evil.example"},
    ):
        body = {"op": str(uuid.uuid4()), "event": EVENT, "round": ROUND, "entry": entry,
                "code": "A1", "value": "8", "expected": None}  # fmt: skip
        refused = client.post("/api/mark", json=body, headers=headers)
        assert refused.status_code == 403 and "请刷新页面" in refused.json()["error"]
    assert len(marks_of(hub)) == before


def test_another_event_and_an_entry_not_assigned_are_refused(
    judge: tuple[TestClient, str], hub: Services
) -> None:
    client, csrf = judge
    contest = hub.contests.contests()[-1].id
    other = hub.contests.create_event(contest, "无评委项目")
    refused = client.get(f"/api/sheet/{other.id}/1")
    assert refused.status_code == 403 and "不在项目" in refused.json()["error"]
    assert client.get(f"/sheet/{other.id}/1").status_code == 403
    entries = client.get(f"/api/sheet/{EVENT}/{ROUND}").json()["entries"]
    judge2 = next(j for j in hub.roster.judges(contest) if j.username == "judge2")
    hub.assignments.set_entry_judges(EVENT, ROUND, entries[0]["id"], [judge2.id])
    answer = mark(client, csrf, entries[0]["id"], "A1", "8")
    assert answer.status_code == 403 and "未分配" in answer.json()["error"]
    elsewhere = hub.roster.entries(1)[0].id  # an entry of another event
    assert mark(client, csrf, elsewhere, "A1", "8").status_code == 404
    assert marks_of(hub) == []


def test_a_mark_out_of_range_is_refused_with_the_reason(
    judge: tuple[TestClient, str], hub: Services
) -> None:
    client, csrf = judge
    entry = first_entry(client)
    for value, reason in (
        ("25", "超出 0–20"),
        ("8.3", "步长 0.5"),
        ("abc", "不是"),
        ("-1", "超出"),
    ):
        answer = mark(client, csrf, entry, "A1", value)
        assert answer.status_code == 409 and reason in answer.json()["error"], answer.json()
        assert answer.json()["value"] is None  # what the cell holds now
    assert stored(hub, entry, "A1") is None and marks_of(hub) == []


def test_a_replayed_op_is_stored_once_with_the_devices_address(
    judge: tuple[TestClient, str], hub: Services
) -> None:
    client, csrf = judge
    entry = first_entry(client)
    body = {"op": str(uuid.uuid4()), "event": EVENT, "round": ROUND, "entry": entry,
            "code": "A1", "value": "15.5", "expected": None}  # fmt: skip
    for _ in range(3):
        answer = client.post("/api/mark", json=body, headers={"X-CSRF-Token": csrf})
        assert answer.status_code == 200 and answer.json()["value"] == "15.5"
    (record,) = marks_of(hub)
    assert (record.actor, record.detail["device"], record.detail["new"]) == (
        "judge1",
        PHONE,
        "15.5",
    )
    assert stored(hub, entry, "A1") == D("15.5")
    changed = client.post("/api/mark", json={**body, "value": "16"}, headers={"X-CSRF-Token": csrf})
    assert changed.status_code == 409 and "已用于另一项修改" in changed.json()["error"]


def test_a_stale_mark_is_refused_with_what_is_stored_now(
    judge: tuple[TestClient, str], hub: Services
) -> None:
    client, csrf = judge
    entry = first_entry(client)
    assert mark(client, csrf, entry, "A2", "12").json()["value"] == "12"
    tablet = client_of(hub, "192.168.1.24")
    tablet_csrf = log_in(tablet)
    assert mark(tablet, tablet_csrf, entry, "A2", "14", expected="12").status_code == 200
    stale = mark(client, csrf, entry, "A2", "13", expected="12")
    assert stale.status_code == 409 and "现在是 14" in stale.json()["error"]
    assert stale.json()["value"] == "14"


def test_tampered_requests_get_a_message_and_change_nothing(
    judge: tuple[TestClient, str], hub: Services
) -> None:
    client, csrf = judge
    entry = first_entry(client)
    headers = {"X-CSRF-Token": csrf, "Content-Type": "application/json"}
    good = {"op": "a", "event": EVENT, "round": ROUND, "entry": entry, "code": "A1",
            "value": "8", "expected": None}  # fmt: skip
    cases = [
        (b"{not json", 400),
        (b"[" * 5000 + b"]" * 5000, 400),
        (b"[1, 2]", 400),
        (b'{"op": "a"}', 400),
        (b"x" * 20000, 413),
    ]
    for wrong in ({"event": "3"}, {"entry": True}, {"value": 8}, {"code": "A" * 41},
                  {"op": "x" * 65}, {"round": -1}, {"value": "1" * 41}):  # fmt: skip
        cases.append((json.dumps({**good, **wrong}).encode(), 400))
    for body, status in cases:
        answer = client.post("/api/mark", content=body, headers=headers)
        assert answer.status_code == status, (body[:40], answer.text)
        assert answer.json()["error"], body[:40]
    form = client.post("/api/mark", content=b"value=8", headers={"X-CSRF-Token": csrf,
                       "Content-Type": "application/x-www-form-urlencoded"})  # fmt: skip
    assert form.status_code == 415
    assert marks_of(hub) == []


def test_a_sheet_is_submitted_only_when_complete_and_is_then_read_only(
    judge: tuple[TestClient, str], hub: Services
) -> None:
    client, csrf = judge
    data = client.get(f"/api/sheet/{EVENT}/{ROUND}").json()
    judge_id = data["judge"]["id"]
    own = [c["code"] for c in data["columns"] if not c["shared"]]
    cells = [(e["id"], code) for e in data["entries"] for code in own]
    save = hub.as_user(JUDGE1).scoring.record_score
    for entry, code in cells[:-1]:
        save(EVENT, ROUND, judge_id, entry, code, "5")
    submit = {"event": EVENT, "round": ROUND, "password": "judge1-2026"}
    headers = {"X-CSRF-Token": csrf}
    missing = client.post("/api/submit", json=submit, headers=headers)
    assert missing.status_code == 409 and "还有 1 格未填" in missing.json()["error"]
    assert mark(client, csrf, cells[-1][0], cells[-1][1], "6").status_code == 200
    wrong = client.post("/api/submit", json={**submit, "password": "guess"}, headers=headers)
    assert wrong.status_code == 409 and "密码" in wrong.json()["error"]
    done = client.post("/api/submit", json=submit, headers=headers)
    assert done.status_code == 200 and done.json()["state"] == "submitted"
    assert done.json()["read_only"] is True
    after = mark(client, csrf, cells[0][0], cells[0][1], "7", expected="5")
    assert after.status_code == 409 and "不能再修改" in after.json()["error"]
    assert after.json()["value"] == "5"
    page = client.get(f"/sheet/{EVENT}/{ROUND}").text
    assert 'data-state="submitted"' in page and page.count("readonly") == len(data["entries"]) * 8


def test_an_unexpected_failure_is_a_plain_message(
    judge: tuple[TestClient, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    client, _csrf = judge

    def broken(*_args: object) -> None:
        raise RuntimeError("a bug with a secret path /home/x")

    monkeypatch.setattr("contest_desk.web.judge.sheet_data", broken)
    answer = client.get(f"/api/sheet/{EVENT}/{ROUND}")
    assert answer.status_code == 500 and "内部错误" in answer.json()["error"]
    assert "secret" not in answer.text and "Traceback" not in answer.text


def test_a_judge_taken_off_the_panel_cannot_save_any_more(
    judge: tuple[TestClient, str], hub: Services
) -> None:
    """The hub remembers a judge's seat on a panel for a minute; the service still checks
    the panel on every save, so nothing gets through on what the hub remembered."""
    client, csrf = judge
    entry = first_entry(client)
    assert mark(client, csrf, entry, "A1", "8").status_code == 200
    judge_id = client.get(f"/api/sheet/{EVENT}/{ROUND}").json()["judge"]["id"]
    hub.roster.unassign_judge(judge_id, EVENT)
    refused = mark(client, csrf, entry, "A2", "8")
    assert refused.status_code == 409
    assert "不是 仪表维修工技能比武 的裁判" in refused.json()["error"]
    assert [r.detail["criterion"] for r in marks_of(hub)] == ["A1"]


def test_a_measured_time_typed_as_minutes_and_seconds(
    judge: tuple[TestClient, str], hub: Services
) -> None:
    """The hub reads 分:秒 for a measured value as the grid and the CSV import do."""
    client, csrf = judge
    entry = first_entry(client)
    answer = mark(client, csrf, entry, "C1", "1:05")  # C1 is measured: 65
    assert answer.status_code == 200 and answer.json()["value"] == "65"
    again = mark(client, csrf, entry, "C1", "1：10", expected="1:05")  # as the page saw it
    assert again.status_code == 200 and stored(hub, entry, "C1") == D(70)
    judged = mark(client, csrf, entry, "A1", "1:05")
    assert judged.status_code == 409 and "不是数字" in judged.json()["error"]
