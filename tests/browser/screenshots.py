"""The README's pictures of the scoring hub, taken from the real pages in headless Chromium:
``python -m tests.browser.screenshots`` (writes resources/screenshots/hub_*.png).

The judge's page at phone size (360×740, twice the pixels, as a phone's screen has) with
marks saved, one waiting for the Wi-Fi and one refused; the same sheet on a 10-inch
tablet; the hall's screen at 1920×1080 with two locked rounds (names) and the board. A
demo database is built in a temporary folder; attached files and the desk's key stay
there too.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from selenium.webdriver.remote.webdriver import WebDriver

from contest_desk.domain.records.hall import HallChoice, HallMode
from tests.browser.harness import HALL, PHONE, TABLET, Hub, emulate, start_chromium
from tests.browser.pages import becomes, key_mark, log_in, offline, open_sheet, present
from tests.browser.scenes import (
    INDIVIDUAL_EVENT,
    JUDGE,
    JudgeScene,
    judge_password,
    judge_scene,
    lock_round,
    lock_team_round,
)

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "screenshots"


def judge_pictures(driver: WebDriver, hub: Hub, scene: JudgeScene) -> None:
    entry = scene.open_entries[0]
    a1, a2, b1, b2, _ = scene.codes
    emulate(driver, PHONE, mobile=True, scale=2)
    log_in(driver, hub.base, JUDGE, judge_password())
    open_sheet(driver, scene.event_id)
    key_mark(driver, entry, a1, "16.5")
    becomes(driver, entry, a1, "saved")
    key_mark(driver, entry, a2, "25")  # out of 20: refused, with the reason under it
    becomes(driver, entry, a2, "refused")
    key_mark(driver, entry, b2, "18")
    becomes(driver, entry, b2, "saved")
    offline(driver, True)
    key_mark(driver, entry, b1, "15")  # the Wi-Fi dropped: kept in the page, waiting
    becomes(driver, entry, b1, "pending")
    driver.execute_script("window.scrollTo(0, 0); document.activeElement.blur();")
    driver.save_screenshot(str(FOLDER / "hub_judge_phone.png"))
    emulate(driver, TABLET, mobile=True)
    driver.execute_script("window.scrollTo(0, 0);")
    driver.save_screenshot(str(FOLDER / "hub_judge_tablet.png"))
    offline(driver, False)


def hall_picture(driver: WebDriver, hub: Hub) -> None:
    """The two locked rounds (names, final) and the challenge board, as an organizer
    would choose them for the hall."""
    services = hub.services
    team = lock_team_round(services)
    individual = lock_round(services, INDIVIDUAL_EVENT)
    contest = services.contests.event(team).contest_id
    boards = services.hall.settings(contest).boards
    chosen = HallChoice(HallMode.PROVISIONAL, ((individual, 1), (team, 1)), boards)
    services.hall.choose(contest, chosen)
    driver.delete_all_cookies()
    emulate(driver, HALL, mobile=False)
    driver.get(hub.url(f"/hall?contest={contest}"))
    present(driver, ".hall-panel .hall-row")
    driver.save_screenshot(str(FOLDER / "hub_hall.png"))


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["CONTEST_DESK_FILES"] = str(Path(folder) / "files")
        os.environ["CONTEST_DESK_ANCHOR_KEY"] = str(Path(folder) / "desk-key.json")
        from contest_desk.services.demo.build import build_demo
        from contest_desk.services.hub import Services

        services = Services.open(str(Path(folder) / "demo.db"))
        build_demo(services)
        # Nothing keyed yet on the first entries: they are at the top of the page.
        scene = judge_scene(services, open_entries=None)
        hub = Hub(services)
        driver = start_chromium()
        try:
            judge_pictures(driver, hub, scene)
            hall_picture(driver, hub)
        finally:
            driver.quit()
            hub.stop()
            services.ctx.db.dispose()
    for name in ("hub_judge_phone", "hub_judge_tablet", "hub_hall"):
        print(FOLDER / f"{name}.png")


if __name__ == "__main__":
    main()
