"""A judge's contest day on the hub's real pages, in headless Chromium: log in on a phone,
key marks (one refused in place), lose the Wi-Fi and keep typing, get it back, sign the
sheet; and with a token card, ride out the hub's restart."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from contest_desk.services.hub import Services
from tests.browser.harness import PHONE, TABLET, Hub, emulate
from tests.browser.pages import (
    all_sent,
    becomes,
    cell,
    key_mark,
    log_in,
    message_of,
    offline,
    open_sheet,
    pending,
    present,
    state_of,
    wait,
)
from tests.browser.scenes import JUDGE, JudgeScene, judge_password, judge_scene

D = Decimal


def stored_once(scene: JudgeScene, entry: int, code: str, value: str) -> None:
    """The database holds ``value`` in the cell, from exactly one save (one audit row)."""
    assert scene.stored(entry, code) == D(value)
    assert [D(v) for v in scene.audited(entry, code) if v is not None] == [D(value)]


def shown_total(driver: WebDriver, entry: int) -> Decimal:
    text = driver.find_element(By.ID, f"total-{entry}").text
    number = re.search(r"\d+(?:\.\d+)?", text)
    assert number, f"no total shown: {text!r}"
    return D(number.group())


def test_a_judge_keys_marks_on_a_phone_through_a_lost_connection_and_signs(
    hub: Services, served: Hub, browser: WebDriver
) -> None:
    scene = judge_scene(hub)
    (entry,) = scene.open_entries
    a1, a2, b1, b2, d1 = scene.codes
    emulate(browser, PHONE, mobile=True)
    log_in(browser, served.base, JUDGE, judge_password())
    open_sheet(browser, scene.event_id)
    names = {e.label for e in hub.roster.entries(scene.event_id)}
    assert not [n for n in names if n in browser.page_source], "a name before the lock"

    key_mark(browser, entry, a1, "15")
    becomes(browser, entry, a1, "saved")
    key_mark(browser, entry, d1, "15")  # D1 is out of 10
    becomes(browser, entry, d1, "refused")
    assert str(scene.max_points[d1]) in message_of(browser, entry, d1)
    assert scene.stored(entry, d1) is None
    key_mark(browser, entry, d1, "9.5")
    becomes(browser, entry, d1, "saved")

    offline(browser, True)  # the Wi-Fi drops: the judge keeps typing
    key_mark(browser, entry, a2, "16.5")
    key_mark(browser, entry, b1, "17")
    becomes(browser, entry, a2, "pending")
    becomes(browser, entry, b1, "pending")
    wait(browser).until(lambda d: pending(d) == 2, "two marks should wait in the page")
    assert scene.stored(entry, a2) is None and scene.stored(entry, b1) is None

    offline(browser, False)  # back: the waiting marks go, in order, once
    all_sent(browser)
    becomes(browser, entry, a2, "saved")
    becomes(browser, entry, b1, "saved")
    key_mark(browser, entry, b2, "18")
    becomes(browser, entry, b2, "saved")
    for code, value in ((a1, "15"), (a2, "16.5"), (b1, "17"), (b2, "18"), (d1, "9.5")):
        stored_once(scene, entry, code, value)
    assert [code for code, _ in scene.saves(entry)] == [a1, d1, a2, b1, b2]  # as typed
    assert shown_total(browser, entry) == D("76")

    password = present(browser, "input#submit-password")
    password.send_keys("not-my-password")
    browser.find_element(By.ID, "submit-button").click()
    wait(browser).until(lambda d: d.find_element(By.ID, "submit-msg").text.strip())
    assert scene.sheet().state == "draft"
    password.clear()
    password.send_keys(judge_password())
    browser.find_element(By.ID, "submit-button").click()
    present(browser, '#sheet-state[data-state="submitted"]')
    assert scene.sheet().state == "submitted"
    marks = browser.find_elements(By.CSS_SELECTOR, "input.mark")
    assert marks and all(m.get_attribute("readonly") is not None for m in marks)


def test_a_token_card_logs_in_and_the_page_rides_out_a_hub_restart(
    hub: Services, served: Hub, browser: WebDriver
) -> None:
    scene = judge_scene(hub)
    (entry,) = scene.open_entries
    a1, a2 = scene.codes[:2]
    token = hub.judge_tokens.issue(JUDGE, dt.date.today()).token
    emulate(browser, TABLET, mobile=True)
    browser.get(served.url(f"/t#{token}"))
    present(browser, f'a.sheet-link[data-event="{scene.event_id}"]')
    assert browser.current_url.rstrip("/") == served.base
    open_sheet(browser, scene.event_id)
    key_mark(browser, entry, a1, "12")
    becomes(browser, entry, a1, "saved")

    served.stop()  # the desk's hub stops in the middle of scoring
    key_mark(browser, entry, a2, "13.5")
    becomes(browser, entry, a2, "pending")
    served.restart()  # …and starts again: the page finds it by itself
    all_sent(browser)
    becomes(browser, entry, a2, "saved")
    stored_once(scene, entry, a1, "12")
    stored_once(scene, entry, a2, "13.5")

    browser.refresh()  # what the page showed as saved is what the hub holds
    present(browser, "input.mark")
    assert D(cell(browser, entry, a1).get_attribute("value") or "") == D("12")
    assert D(cell(browser, entry, a2).get_attribute("value") or "") == D("13.5")
    assert state_of(browser, entry, a2) in ("saved", "")
