"""The browser tests' pieces, also used to take the README's pictures: Debian's headless
Chromium through Selenium, the sizes the pages must work at, and the hub on a port that
stays the same across a restart."""

from __future__ import annotations

from pathlib import Path

from selenium import webdriver
from selenium.webdriver.remote.webdriver import WebDriver

from contest_desk.services.hub import Services
from contest_desk.web.server import HubServer

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# Sizes the issue asks the pages to work at: a 360-pixel-wide phone, a 10-inch tablet,
# the projector's screen.
PHONE = (360, 740)
TABLET = (1280, 800)
HALL = (1920, 1080)


class NoChromium(Exception):
    """Debian's chromium or chromium-driver is not installed."""


def missing_browser() -> str:
    """What is missing to drive the pages, with the command that installs it ("": nothing)."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if not missing:
        return ""
    return (
        f"The browser tests need Debian's chromium and chromium-driver ({', '.join(missing)}"
        " missing): run `make system-deps` (as root, or the sudo apt-get command it prints)"
    )


def start_chromium() -> WebDriver:
    """A headless Chromium; NoChromium names the command that installs it."""
    problem = missing_browser()
    if problem:
        raise NoChromium(problem)
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",  # CI and this machine run as root, where the sandbox cannot start
        "--disable-gpu",
        "--disable-dev-shm-usage",  # containers give /dev/shm 64 MB, too little for a tab
        "--window-size=1280,800",
        "--lang=zh-CN",
    ):
        options.add_argument(argument)
    # The executable is named, so Selenium Manager never looks for (or downloads) a driver.
    service = webdriver.ChromeService(executable_path=str(CHROMEDRIVER))
    return webdriver.Chrome(options=options, service=service)


def emulate(driver: WebDriver, size: tuple[int, int], *, mobile: bool, scale: float = 1) -> None:
    """Lay the page out at ``size`` CSS pixels, as a phone or tablet (touch, the viewport
    meta) or a desktop. Headless Chromium's windows are never narrower than 500 pixels,
    so a phone's width needs the device emulation, not the window size."""
    width, height = size
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": mobile},
    )
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": mobile})


class Hub:
    """The scoring hub serving ``services`` on loopback, on a port that stays the same
    across a stop and a start, as the desk's hub does when it is restarted."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.server = HubServer(services, host="127.0.0.1", port=0)
        self.server.start()
        self.port = self.server.port
        self.base = self.server.base_url

    def stop(self) -> None:
        self.server.stop()

    def restart(self) -> None:
        """A new server on the same port (a stopped one is not started twice)."""
        self.server = HubServer(self.services, host="127.0.0.1", port=self.port)
        self.server.start()

    def url(self, path: str) -> str:
        return self.base + path
