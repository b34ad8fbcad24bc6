"""The hall's screen on the projector (1920×1080), in headless Chromium: names appear once
the chief judge locks a round, without a reload, also after the hub was restarted."""

from __future__ import annotations

from selenium.webdriver.remote.webdriver import WebDriver

from contest_desk.services.hub import Services
from tests.browser.harness import HALL, Hub, emulate
from tests.browser.pages import present, wait
from tests.browser.scenes import TEAM_EVENT, TEAM_NAMES, event_id, lock_team_round


def names_in(driver: WebDriver, panel: str) -> set[str]:
    """The names the rows of the panel ``panel`` (CSS) show, scrolled out of view or not;
    read in one go, as the page may draw the panel again meanwhile."""
    names = driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0] + ' .hall-row .name'),"
        " e => e.textContent.trim());",
        panel,
    )
    return set(names)


def provisional(driver: WebDriver, panel: str) -> bool:
    """The panel is marked provisional (on itself or by a marker inside)."""
    return bool(
        driver.execute_script(
            "const p = document.querySelector(arguments[0]);"
            "return !!p && (p.matches('.provisional') || !!p.querySelector('.provisional'));",
            panel,
        )
    )


def version(driver: WebDriver) -> int:
    return int(present(driver, "#hall-version").get_attribute("data-version") or "0")


def test_the_halls_screen_shows_the_names_once_a_round_is_locked(
    hub: Services, served: Hub, browser: WebDriver
) -> None:
    team_event = event_id(hub, TEAM_EVENT)
    contest = hub.contests.event(team_event).contest_id
    emulate(browser, HALL, mobile=False)
    browser.get(served.url(f"/hall?contest={contest}"))
    panel_css = f'.hall-panel[data-event="{team_event}"]'
    present(browser, f"{panel_css} .hall-row")
    assert not names_in(browser, panel_css) & TEAM_NAMES, "names shown before the lock"
    assert provisional(browser, panel_css)
    before = version(browser)

    served.stop()  # the hub restarts: the screen reconnects to its events by itself
    served.restart()
    lock_team_round(hub)
    wait(browser).until(
        lambda d: names_in(d, panel_css) >= TEAM_NAMES,
        "the hall never showed the names after the lock",
    )
    assert not provisional(browser, panel_css)
    assert version(browser) > before
