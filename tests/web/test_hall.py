"""The hall's screen over HTTP: codes before the lock and names after, final results only
when so chosen, and a change event on the stream after a score is saved."""

from __future__ import annotations

import http.client
import queue
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from contest_desk.domain.records.hall import HallChoice, HallMode, HallView
from contest_desk.web import hall as web_hall
from contest_desk.web.hall import routes
from contest_desk.web.server import HubServer
from tests.hall_scene import NAMES, HallScene, copy_of_hall, hall_template, open_hall_scene

hall_template = hall_template  # the fixture: the scene built once for the run
WAIT = 20.0  # seconds: only how long a broken stream may hang the test, never asserted


class Rows(HTMLParser):
    """The page's rows as (data-code, the .name cell's text), its markers and version."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, str]] = []
        self.markers: list[str] = []
        self.version: str | None = None
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if "hall-row" in classes:
            self.rows.append((a.get("data-code") or "", ""))
        if a.get("id") == "hall-version":
            self.version = a.get("data-version")
        for name in ("name", "provisional", "withheld"):
            if name in classes and tag in ("td", "span", "p"):
                self._in = name

    def handle_data(self, data: str) -> None:
        if self._in == "name" and self.rows:
            code, text = self.rows[-1]
            self.rows[-1] = (code, text + data)
        elif self._in in ("provisional", "withheld"):
            self.markers.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in = None


def parse(html: str) -> Rows:
    page = Rows()
    page.feed(html)
    return page


@pytest.fixture
def scene(hall_template: Path, tmp_path: Path) -> Iterator[HallScene]:
    scene = open_hall_scene(copy_of_hall(hall_template, tmp_path))
    yield scene
    scene.hall.ctx.db.dispose()


@pytest.fixture
def client(scene: HallScene) -> Iterator[TestClient]:
    # The hub's page is opened by nobody: the routes get a hub acting for no one.
    with TestClient(Starlette(routes=routes(scene.hall))) as client:
        yield client


def test_the_page_shows_codes_before_the_lock_and_names_after(
    scene: HallScene, client: TestClient
) -> None:
    answer = client.get(f"/hall?contest={scene.contest_id}")
    assert answer.status_code == 200
    page = parse(answer.text)
    assert len(page.rows) == 4
    assert all(name == code and code.startswith("A") for code, name in page.rows)
    assert not any(name in answer.text for name in NAMES)
    assert page.markers == ["暂定成绩"]
    assert page.version == str(scene.hall.hall.changes())

    scene.lock()
    page = parse(client.get("/hall").text)  # the newest contest when none is named
    assert {name for _code, name in page.rows} == NAMES
    assert page.markers == []


def test_the_json_honours_final_only(scene: HallScene, client: TestClient) -> None:
    chosen = HallChoice(HallMode.FINAL_ONLY, ((scene.event_id, 1),))
    scene.organizer.hall.choose(scene.contest_id, chosen)
    (panel,) = client.get(f"/api/hall?contest={scene.contest_id}").json()["panels"]
    assert (panel["withheld"], panel["rows"]) == (True, [])
    assert parse(client.get("/hall?lang=en").text).markers == ["Not final yet"]

    scene.lock()
    data = client.get(f"/api/hall?contest={scene.contest_id}").json()
    (panel,) = data["panels"]
    assert (data["mode"], panel["withheld"], panel["final"]) == ("final_only", False, True)
    assert {r["name"] for r in panel["rows"]} == NAMES
    best = panel["rows"][0]
    assert (best["rank"], best["name"], best["total"]) == (1, "刘洋", "11.20")


def test_a_contest_that_is_not_there_is_refused_with_a_message(client: TestClient) -> None:
    wrong = client.get("/api/hall?contest=abc")
    assert (wrong.status_code, wrong.json()) == (400, {"error": "竞赛须以编号指定，而不是“abc”"})
    # Digits Python's int() refuses, or a number past any id: the same refusal, no 500.
    for odd in ("²", "9" * 5000):
        assert client.get(f"/api/hall?contest={odd}").status_code == 400
    missing = client.get("/hall?contest=999&lang=en")
    assert missing.status_code == 404
    assert "There is no contest 999" in missing.text


def _read_events(client: TestClient, found: queue.Queue[int], wanted: int) -> None:
    """Put each change event's version on ``found`` until ``wanted`` came, then hang up."""
    with client.stream("GET", "/hall/events") as stream:
        assert stream.headers["content-type"].startswith("text/event-stream")
        event = ""
        for line in stream.iter_lines():
            if line.startswith("event: "):
                event = line.removeprefix("event: ")
            elif line.startswith("data: ") and event == "change":
                found.put(int(line.removeprefix("data: ")))
                wanted -= 1
                if wanted == 0:
                    return


def test_the_stream_announces_a_saved_score(scene: HallScene, client: TestClient) -> None:
    found: queue.Queue[int] = queue.Queue()
    reader = threading.Thread(target=_read_events, args=(client, found, 2), daemon=True)
    reader.start()
    first = found.get(timeout=WAIT)  # on connecting: the version now
    assert first == scene.hall.hall.changes()

    scene.chief.scoring.record_score(
        scene.event_id, 1, scene.small.judges[0].id, scene.small.entries[0].id, "P1", "9", "复核"
    )
    assert found.get(timeout=WAIT) == scene.hall.hall.changes() > first
    reader.join(WAIT)


def _first_comment(client: TestClient, found: queue.Queue[str]) -> None:
    with client.stream("GET", "/hall/events") as stream:
        for line in stream.iter_lines():
            if line.startswith(":"):
                found.put(line)
                return


def test_a_quiet_stream_is_kept_alive(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web_hall, "POLL_SECONDS", 0.01)
    monkeypatch.setattr(web_hall, "KEEP_ALIVE_SECONDS", 0.0)  # at once, not after 15 s
    found: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=_first_comment, args=(client, found), daemon=True)
    reader.start()
    assert found.get(timeout=WAIT) == ": keep-alive"
    reader.join(WAIT)


def test_screens_asking_between_changes_share_one_reading(
    scene: HallScene, client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    readings: list[int | None] = []
    view = scene.hall.hall.view

    def counted(contest_id: int | None = None) -> HallView:
        readings.append(contest_id)
        return view(contest_id)

    monkeypatch.setattr(scene.hall.hall, "view", counted)
    first = client.get("/api/hall").json()
    assert client.get("/api/hall").json() == first
    assert len(readings) == 1
    scene.lock()
    assert {r["name"] for r in client.get("/api/hall").json()["panels"][0]["rows"]} == NAMES
    assert len(readings) == 2


def _until_the_end(client: TestClient, found: queue.Queue[str]) -> None:
    with client.stream("GET", "/hall/events") as stream:
        for line in stream.iter_lines():
            if line.startswith("event: "):
                found.put(line)
    found.put("ended")


def test_the_hub_stopping_ends_the_streams(client: TestClient) -> None:
    found: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=_until_the_end, args=(client, found), daemon=True)
    reader.start()
    assert found.get(timeout=WAIT) == "event: change"
    web_hall.stop_streams(client.app)  # type: ignore[arg-type]
    assert found.get(timeout=WAIT) == "ended"
    reader.join(WAIT)


def test_stopping_the_hub_ends_a_hall_screens_stream_cleanly(
    scene: HallScene, caplog: pytest.LogCaptureFixture
) -> None:
    server = HubServer(scene.hall, host="127.0.0.1", port=0)
    server.start()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=WAIT)
        connection.request("GET", "/hall/events")
        stream = connection.getresponse()
        assert stream.readline() == b"retry: 1000\n"  # the stream is open
    finally:
        server.stop()
    try:  # the stream was ended by the hub, not cut off (a cut would be an IncompleteRead)
        assert stream.read().endswith(b"\n\n")
    finally:
        connection.close()
    assert "graceful shutdown exceeded" not in caplog.text
