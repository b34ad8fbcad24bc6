"""The browser tests' fixtures: one headless Chromium for the run, and the scoring hub
serving a copy of the demo database on a free loopback port for each test.

Debian's ``chromium`` and ``chromium-driver`` are driven through Selenium; ``make
system-deps`` installs them (CI does), so a machine without them fails here with that
command instead of skipping the only tests that drive the real pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from contest_desk.services.hub import Services
from tests.browser.harness import Hub, missing_browser, start_chromium
from tests.builders import copy_of_demo


@pytest.fixture(scope="session")
def chromium() -> Iterator[WebDriver]:
    """One browser for every browser test of the run: each start costs about a second."""
    problem = missing_browser()
    if problem:  # not a skip: CI installs them, and these are the only tests of the pages
        pytest.fail(problem, pytrace=False)
    driver = start_chromium()
    yield driver
    driver.quit()


@pytest.fixture
def browser(chromium: WebDriver, served: Hub) -> Iterator[WebDriver]:
    """The run's browser, as a fresh visitor: no cookies, on the network, desktop size.
    It asks for the hub so that it leaves the pages first: a page left open keeps the
    hall's event stream open, which makes the hub's stop wait for it."""
    chromium.delete_all_cookies()
    yield chromium
    chromium.set_network_conditions(
        offline=False, latency=0, download_throughput=-1, upload_throughput=-1
    )
    chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    chromium.get("about:blank")  # the page's timers and event stream stop with it
    chromium.delete_all_cookies()


@pytest.fixture
def hub(demo_template: Path, tmp_path: Path) -> Iterator[Services]:
    """The services of a copy of the demo database, as the desk holding it has them."""
    services = Services.open(copy_of_demo(demo_template, tmp_path))
    yield services
    services.ctx.db.dispose()


@pytest.fixture
def served(hub: Services) -> Iterator[Hub]:
    running = Hub(hub)
    yield running
    if running.server.running:
        running.stop()
