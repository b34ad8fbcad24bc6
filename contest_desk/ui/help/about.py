"""What the About box says: the version and the licences of the font and main libraries."""

from __future__ import annotations

import re
from importlib import metadata

from contest_desk import __version__
from contest_desk.i18n import _
from contest_desk.ui.help.pages import RESOURCES

FONT_LICENCE = RESOURCES / "fonts" / "wqy-microhei.LICENSE.txt"
# (distribution, shown name, licence when the metadata does not say it in a few words).
LIBRARIES = (
    ("PySide6-Essentials", "PySide6 (Qt for Python)", "LGPL-3.0"),
    ("SQLAlchemy", "SQLAlchemy", "MIT"),
    ("alembic", "Alembic", "MIT"),
    ("reportlab", "ReportLab", "BSD"),
    ("matplotlib", "Matplotlib", "PSF-based (Matplotlib License)"),
    ("openpyxl", "openpyxl", "MIT"),
    ("starlette", "Starlette", "BSD-3-Clause"),
    ("uvicorn", "Uvicorn", "BSD-3-Clause"),
    ("segno", "Segno", "BSD-3-Clause"),
    ("pypdf", "pypdf", "BSD-3-Clause"),
)


def app_version() -> str:
    """The installed distribution's version, else the package's own."""
    try:
        return metadata.version("contest-desk")
    except metadata.PackageNotFoundError:
        return __version__


def font_licence() -> tuple[str, str]:
    """The bundled font's name and licence, read from its Debian-format licence file."""
    name, licence = "WenQuanYi Micro Hei", "Apache-2.0 or GPL-3+ with Font exception"
    if FONT_LICENCE.exists():
        text = FONT_LICENCE.read_text("utf-8")
        found = re.search(r"^Upstream-Name:\s*(.+)$", text, re.MULTILINE)
        name = found.group(1).strip() if found else name
        # The first License line is the one of "Files: *", the font itself.
        found = re.search(r"^License:\s*(.+)$", text, re.MULTILINE)
        licence = found.group(1).strip() if found else licence
    return name, licence


def _field(meta: metadata.PackageMetadata, name: str) -> str:
    """A metadata field's first value, "" when the package does not give it."""
    values = meta.get_all(name) or []
    return str(values[0]) if values else ""


def library_licence(distribution: str, fallback: str) -> tuple[str, str] | None:
    """(version, licence) of an installed library, or None when it is not installed."""
    try:
        meta = metadata.metadata(distribution)
    except metadata.PackageNotFoundError:
        return None
    short = _field(meta, "License-Expression") or _field(meta, "License")
    # Some packages put the whole licence text in License: keep the short name instead.
    licence = short if short and "\n" not in short and len(short) <= 40 else fallback
    return _field(meta, "Version"), licence


def about_markdown() -> str:
    name, licence = font_licence()
    lines = [
        f"## {_('Contest Desk')}",
        "",
        _("Version {version}", version=app_version()),
        "",
        f"### {_('Bundled font')}",
        "",
        f"- {name}: {licence}",
        "",
        f"### {_('Main libraries')}",
        "",
    ]
    for distribution, shown, fallback in LIBRARIES:
        found = library_licence(distribution, fallback)
        if found is not None:
            lines.append(f"- {shown} {found[0]}: {found[1]}")
    return "\n".join(lines) + "\n"
