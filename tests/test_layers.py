"""The architecture's import rule: each layer imports only the layers below it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "contest_desk"

# What each layer must never import (module prefixes).
FORBIDDEN = {
    "domain": ("PySide6", "sqlalchemy", "alembic", "openpyxl", "matplotlib", "reportlab",
               "contest_desk.storage", "contest_desk.services", "contest_desk.reports",
               "contest_desk.ui"),
    "storage": ("PySide6", "contest_desk.services", "contest_desk.reports", "contest_desk.ui"),
    "services": ("PySide6", "contest_desk.reports", "contest_desk.ui"),
    "reports": ("PySide6", "contest_desk.storage", "contest_desk.ui"),
    "ui": ("contest_desk.storage", "sqlalchemy", "alembic"),
    "i18n": ("PySide6", "sqlalchemy", "contest_desk.domain", "contest_desk.storage",
             "contest_desk.services", "contest_desk.reports", "contest_desk.ui"),
}  # fmt: skip


def imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def layer_of(root: Path, path: Path) -> str | None:
    relative = path.relative_to(root).parts
    return relative[0] if len(relative) > 1 and relative[0] in FORBIDDEN else None


def violations(root: Path) -> list[str]:
    bad = []
    for path in sorted(root.rglob("*.py")):
        layer = layer_of(root, path)
        if layer is None:
            continue
        for line, module in imported_modules(path):
            for prefix in FORBIDDEN[layer]:
                if module == prefix or module.startswith(prefix + "."):
                    bad.append(f"{path.relative_to(root.parent)}:{line} ({layer}) imports {module}")
    return bad


def test_every_layer_keeps_to_its_imports() -> None:
    assert violations(PACKAGE) == []


def test_errors_and_i18n_need_no_layer() -> None:
    for name in ("errors.py", "i18n/__init__.py"):
        modules = [m for _, m in imported_modules(PACKAGE / name)]
        assert all(
            not m.startswith(("contest_desk.domain", "contest_desk.storage")) for m in modules
        )


@pytest.mark.parametrize(
    ("layer", "module"),
    [("domain", "PySide6.QtCore"), ("domain", "sqlalchemy"), ("ui", "contest_desk.storage.models")],
)
def test_the_check_catches_a_bad_import(tmp_path: Path, layer: str, module: str) -> None:
    fake = tmp_path / "contest_desk" / layer
    fake.mkdir(parents=True)
    (fake / "leak.py").write_text(f"import {module}\n", encoding="utf-8")
    found = violations(tmp_path / "contest_desk")
    assert found == [f"contest_desk/{layer}/leak.py:1 ({layer}) imports {module}"]
