"""One message catalog for every layer: Qt's tr(), the command line, charts and PDFs.

Source strings are English; the catalog gives the Chinese (zh_CN, the default)
text. Each area keeps its own module under ``zh_CN/`` so that they can grow
independently; they are merged on first use.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")

_language = DEFAULT_LANGUAGE
_catalogs: dict[str, dict[str, str]] = {}
# The language of one request of the scoring hub, where pages in Chinese and English are
# served at once from one process; None: the process's language (set_language).
_speaking: ContextVar[str | None] = ContextVar("speaking", default=None)


def set_language(lang: str) -> None:
    """Choose the language of every later message; unknown languages fall back to English."""
    global _language
    _language = lang if lang in LANGUAGES else "en"


def language() -> str:
    return _speaking.get() or _language


@contextmanager
def speaking(lang: str) -> Iterator[str]:
    """Messages in ``lang`` inside the block, in this thread or task only (a request of
    the hub); the process's language stays the default everywhere else."""
    chosen = lang if lang in LANGUAGES else "en"
    token = _speaking.set(chosen)
    try:
        yield chosen
    finally:
        _speaking.reset(token)


def catalog(lang: str) -> dict[str, str]:
    """All messages of one language, merged from its modules."""
    if lang not in _catalogs:
        merged: dict[str, str] = {}
        if lang != "en":
            package = importlib.import_module(f"{__name__}.{lang}")
            for info in pkgutil.iter_modules(package.__path__):
                module = importlib.import_module(f"{package.__name__}.{info.name}")
                merged.update(module.MESSAGES)
        _catalogs[lang] = merged
    return _catalogs[lang]


def lookup(msgid: str) -> str | None:
    """The translation of ``msgid`` in the current language, or None when there is none."""
    lang = language()
    if lang == "en":
        return None
    return catalog(lang).get(msgid)


def _(msgid: str, **params: Any) -> str:
    """Translate ``msgid`` and fill in ``{name}`` fields from ``params``."""
    text = lookup(msgid) or msgid
    return text.format(**params) if params else text


def N_(msgid: str) -> str:
    """Mark ``msgid`` for the catalog where it is translated later, not here."""
    return msgid
