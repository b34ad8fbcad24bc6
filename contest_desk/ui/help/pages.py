"""The guide's pages: Markdown files under ``resources/help/<language>/``, one per area.

No Qt here, so the page list, the search and the About text are tested on their own."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# Found the way the certificate font is (reports/fonts.py): the resources folder beside
# the package, in a source install and in the bundle alike.
RESOURCES = Path(__file__).resolve().parents[3] / "resources"
HELP_DIR = RESOURCES / "help"

# The guide's order: a contest from set-up to certificates, then boards, labor competitions,
# the innovation ledger, and the areas of contest day and administration. Each key but
# "start" is a side-bar key of the main window.
PAGE_KEYS = (
    "start",
    "contests",
    "scoring",
    "standings",
    "certificates",
    "boards",
    "labor",
    "innovation",
    "paper",
    "hub",
    "chief",
    "audit",
    "accounts",
)
HELP_LANGUAGES = ("zh_CN", "en")


@dataclass(frozen=True)
class Page:
    key: str
    title: str
    text: str
    path: Path


def guide_language(lang: str) -> str:
    """The guide's language for the app's: Chinese, or English for anything else."""
    return lang if lang in HELP_LANGUAGES else "en"


def page_path(key: str, lang: str) -> Path:
    return HELP_DIR / guide_language(lang) / f"{key}.md"


def load_page(key: str, lang: str) -> Page:
    path = page_path(key, lang)
    text = path.read_text("utf-8")
    first = text.lstrip().splitlines()[0] if text.strip() else key
    return Page(key, first.lstrip("#").strip(), text, path)


def load_pages(lang: str) -> list[Page]:
    return [load_page(key, lang) for key in PAGE_KEYS]


def page_for_area(area: str | None) -> str:
    """The page F1 opens for a side-bar key; the start page for anything without one."""
    return area if area in PAGE_KEYS else "start"


def search_words(query: str) -> list[str]:
    return [word for word in query.casefold().split() if word]


def matching_pages(pages: list[Page], query: str) -> list[Page]:
    """The pages containing every word of ``query`` (Chinese words are matched as written,
    without spaces between them); all pages for an empty query."""
    words = search_words(query)
    return [page for page in pages if all(word in page.text.casefold() for word in words)]
