"""One message catalog for every layer: Qt's tr(), the command line, charts and PDFs.

Source strings are English; the catalog gives the Chinese (zh_CN, the default)
text. Each area keeps its own module under ``zh_CN/`` so that they can grow
independently; they are merged on first use.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")

_language = DEFAULT_LANGUAGE
_catalogs: dict[str, dict[str, str]] = {}


def set_language(lang: str) -> None:
    """Choose the language of every later message; unknown languages fall back to English."""
    global _language
    _language = lang if lang in LANGUAGES else "en"


def language() -> str:
    return _language


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
    if _language == "en":
        return None
    return catalog(_language).get(msgid)


def _(msgid: str, **params: Any) -> str:
    """Translate ``msgid`` and fill in ``{name}`` fields from ``params``."""
    text = lookup(msgid) or msgid
    return text.format(**params) if params else text


def N_(msgid: str) -> str:
    """Mark ``msgid`` for the catalog where it is translated later, not here."""
    return msgid
