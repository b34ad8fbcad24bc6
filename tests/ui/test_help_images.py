"""The guide's pictures in the help window: a window's screenshot shown 720 pixels wide
beside the contents, a dialog's picture (narrower) at its own width, not blown up."""

from __future__ import annotations

from PySide6.QtGui import QImage

from contest_desk.ui.help.pages import load_page
from contest_desk.ui.help.window import IMAGE_WIDTH, HelpWindow


def shown_widths(helper: HelpWindow) -> dict[str, float]:
    widths: dict[str, float] = {}
    block = helper.browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            look = it.fragment().charFormat()
            if look.isImageFormat():
                image = look.toImageFormat()
                widths[image.name().rsplit("/", 1)[-1]] = image.width()
            it += 1
        block = block.next()
    return widths


def test_a_dialogs_picture_keeps_its_width_and_a_screenshot_is_fitted(qtbot) -> None:
    helper = HelpWindow()
    qtbot.addWidget(helper)
    helper.open_page("start")
    widths = shown_widths(helper)
    assert widths["area_contests.png"] == IMAGE_WIDTH
    folder = load_page("start", "zh_CN").path.parent
    login = QImage(str(folder / "../../screenshots/dialog_login.png"))
    assert 0 < login.width() < IMAGE_WIDTH
    assert widths["dialog_login.png"] == login.width()
