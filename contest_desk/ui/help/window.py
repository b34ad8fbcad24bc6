"""The help window: the guide's pages in a contents list, a search box, the page shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from contest_desk.i18n import _, language
from contest_desk.ui.help.about import about_markdown
from contest_desk.ui.help.pages import Page, load_pages, matching_pages, search_words

KEY_ROLE = 256  # Qt.ItemDataRole.UserRole
# The screenshots are 1280 pixels wide: shown at this width they fit beside the contents.
IMAGE_WIDTH = 720


def fit_images(
    document: QTextDocument, width: int, own_width: Callable[[str], int] | None = None
) -> None:
    """Show every image of ``document`` at most ``width`` pixels wide (Markdown cannot say
    a size); one narrower (``own_width`` of its name: a dialog's picture) at its own width,
    not blown up and blurred."""
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid() and fragment.charFormat().isImageFormat():
                image = fragment.charFormat().toImageFormat()
                own = own_width(image.name()) if own_width is not None else 0
                image.setWidth(min(own, width) if own > 0 else width)
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                cursor.setPosition(
                    fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                )
                cursor.setCharFormat(image)
            it += 1
        block = block.next()


class HelpWindow(QWidget):
    """One window for the whole guide; F1 brings it back at another page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Contest Desk user guide"))
        self.resize(1000, 720)
        self.pages = load_pages(language())
        self.by_key = {page.key: page for page in self.pages}
        self.current_key = self.pages[0].key
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search the guide"))
        self.search.setAccessibleName(_("Search the guide"))
        self.search.setClearButtonEnabled(True)
        self.contents = QListWidget()
        self.contents.setAccessibleName(_("Contents"))
        self.contents.setFixedWidth(200)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(_("Guide page"))
        self.browser.setOpenExternalLinks(True)
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.contents)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addWidget(self.browser, 1)
        self.search.textChanged.connect(self._filter)
        self.contents.currentItemChanged.connect(self._chosen)
        self._filter("")

    def shown_pages(self) -> list[str]:
        return [str(self.contents.item(row).data(KEY_ROLE)) for row in range(self.contents.count())]

    def open_page(self, key: str) -> None:
        """Show ``key``'s page, clearing a search that would hide it."""
        if key not in self.shown_pages():
            self.search.clear()
        row = self.shown_pages().index(key)
        self.contents.setCurrentRow(row)
        self._show(self.by_key[key])

    def _filter(self, query: str) -> None:
        found = matching_pages(self.pages, query)
        self.contents.blockSignals(True)
        self.contents.clear()
        for page in found:
            item = QListWidgetItem(page.title)
            item.setData(KEY_ROLE, page.key)
            self.contents.addItem(item)
        self.contents.blockSignals(False)
        if not found:
            self.browser.setMarkdown(_("No page of the guide contains these words."))
            return
        keys = [page.key for page in found]
        key = self.current_key if self.current_key in keys else keys[0]
        self.contents.setCurrentRow(keys.index(key))
        self._show(self.by_key[key])

    def _chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self._show(self.by_key[str(item.data(KEY_ROLE))])

    def _show(self, page: Page) -> None:
        self.current_key = page.key
        # Images are linked relative to the page's file (../../screenshots/…); a text
        # browser without a source looks for them under its search paths.
        self.browser.setSearchPaths([str(page.path.parent)])
        self.browser.setMarkdown(page.text)
        fit_images(self.browser.document(), IMAGE_WIDTH, self._image_width)
        self._highlight()

    def _image_width(self, name: str) -> int:
        """The width of the page's picture ``name`` in pixels; 0 when it cannot be read."""
        kind = QTextDocument.ResourceType.ImageResource.value
        data = self.browser.loadResource(kind, QUrl(name))
        return QImage.fromData(data).width() if data else 0

    def _highlight(self) -> None:
        marks: list[QTextEdit.ExtraSelection] = []
        look = QTextCharFormat()
        look.setBackground(QColor("#ffe066"))
        document: QTextDocument = self.browser.document()
        for word in search_words(self.search.text()):
            cursor = document.find(word)
            while not cursor.isNull():
                mark = QTextEdit.ExtraSelection()
                mark.cursor = cursor
                mark.format = look
                marks.append(mark)
                cursor = document.find(word, cursor)
        self.browser.setExtraSelections(marks)
        if marks:
            first = QTextCursor(marks[0].cursor)
            self.browser.setTextCursor(first)
            self.browser.ensureCursorVisible()

    def highlighted(self) -> list[str]:
        """The highlighted texts (for the tests and accessibility checks)."""
        return [mark.cursor.selectedText() for mark in self.browser.extraSelections()]


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About Contest Desk"))
        self.resize(520, 460)
        self.text = QTextBrowser()
        self.text.setAccessibleName(_("About Contest Desk"))
        self.text.setMarkdown(about_markdown())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
