"""What the browser tests do on the hub's pages, by the names the pages promise (see
notes on the DOM in contest_desk/web): log in, open a sheet, key a mark, read a cell.

Every wait is explicit and generous: the machine may be busy, a wait only ends early."""

from __future__ import annotations

from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

WAIT = 30  # seconds: far more than any page needs on an idle machine


def wait(driver: WebDriver, seconds: float = WAIT) -> WebDriverWait[WebDriver]:
    # A page that re-renders (the hall on each change) may replace an element being read.
    ignored = (NoSuchElementException, StaleElementReferenceException)
    return WebDriverWait(driver, seconds, poll_frequency=0.1, ignored_exceptions=ignored)


def present(driver: WebDriver, css: str, seconds: float = WAIT) -> WebElement:
    return wait(driver, seconds).until(
        lambda d: d.find_element(By.CSS_SELECTOR, css), f"nothing on the page matches {css}"
    )


def log_in(driver: WebDriver, base: str, username: str, password: str) -> None:
    """The log-in form, as a judge fills it; returns on the judge's home page."""
    driver.get(base + "/login")
    form = present(driver, "form#login")
    form.find_element(By.NAME, "username").send_keys(username)
    form.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.ID, "login-submit").click()
    present(driver, "a.sheet-link")


def open_sheet(driver: WebDriver, event_id: int, round_number: int = 1) -> None:
    link = present(driver, f'a.sheet-link[data-event="{event_id}"][data-round="{round_number}"]')
    link.click()
    present(driver, "input.mark")
    present(driver, "#sync-status[data-pending]")


def cell(driver: WebDriver, entry: int, code: str) -> WebElement:
    return driver.find_element(
        By.CSS_SELECTOR, f'input.mark[data-entry="{entry}"][data-code="{code}"]'
    )


def key_mark(driver: WebDriver, entry: int, code: str, value: str) -> None:
    """Type a mark into a cell and leave it, as a thumb moving to the next cell does."""
    field = cell(driver, entry, code)
    # In the middle of the screen, clear of the page's sticky bars, as a thumb scrolls it.
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", field)
    field.click()
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(value, Keys.TAB)


def state_of(driver: WebDriver, entry: int, code: str) -> str:
    """The cell's state as its class says: saved, pending, refused, or "" (untouched)."""
    classes = (cell(driver, entry, code).get_attribute("class") or "").split()
    return next((c for c in ("saved", "pending", "refused") if c in classes), "")


def becomes(driver: WebDriver, entry: int, code: str, state: str) -> None:
    wait(driver).until(
        lambda d: state_of(d, entry, code) == state,
        f"cell {entry}/{code} never became {state}",
    )


def message_of(driver: WebDriver, entry: int, code: str) -> str:
    """The reason shown next to a cell (its nearest ``.cell-msg``)."""
    return str(
        driver.execute_script(
            "let e = arguments[0];"
            "while (e && !e.querySelector('.cell-msg')) e = e.parentElement;"
            "return e ? e.querySelector('.cell-msg').textContent.trim() : '';",
            cell(driver, entry, code),
        )
    )


def pending(driver: WebDriver) -> int:
    status = driver.find_element(By.ID, "sync-status")
    return int(status.get_attribute("data-pending") or "0")


def all_sent(driver: WebDriver) -> None:
    wait(driver).until(lambda d: pending(d) == 0, "the page kept marks waiting")


def offline(driver: WebDriver, cut: bool) -> None:
    """The Wi-Fi drops (``cut``) or comes back: loopback requests fail as on a lost network."""
    driver.set_network_conditions(
        offline=cut, latency=0, download_throughput=-1, upload_throughput=-1
    )
