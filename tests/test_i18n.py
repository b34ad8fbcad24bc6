"""Every user-visible message has a Chinese translation, and the catalog fills in its fields."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from contest_desk import i18n
from contest_desk.errors import Location, UserError

PACKAGE = Path(__file__).resolve().parents[1] / "contest_desk"
# Calls whose first string argument is a message id (Qt's translate takes it second).
MESSAGE_CALLS = {"_", "N_", "tr", "UserError", "NotFound", "PermissionDenied"}


def _strings(node: ast.expr | None) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.strip():
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    return []


def message_ids(path: Path) -> Iterator[tuple[int, str]]:
    """Message ids in a module: arguments of the message calls, of the importers' ``problem``
    helpers (the message comes last), and values assigned to a variable named ``msgid``."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "msgid":
            yield from ((node.lineno, text) for text in _strings(node.value))
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        arg: ast.expr | None = None
        if name == "translate" and len(node.args) >= 2:
            arg = node.args[1]
        elif name in MESSAGE_CALLS and node.args:
            arg = node.args[0]
        elif name == "problem" and node.args:
            arg = node.args[-1]
        yield from ((node.lineno, text) for text in _strings(arg))


def all_message_ids() -> list[tuple[str, str]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "i18n" in path.parts:
            continue
        found.extend(
            (f"{path.relative_to(PACKAGE)}:{line}", msgid) for line, msgid in message_ids(path)
        )
    return found


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_has_a_chinese_translation() -> None:
    zh = i18n.catalog("zh_CN")
    missing = sorted(
        {f"{where}: {msgid!r}" for where, msgid in all_message_ids() if msgid not in zh}
    )
    assert missing == []


def test_translations_keep_the_fields_of_their_message() -> None:
    zh = i18n.catalog("zh_CN")
    wrong = [msgid for msgid, text in zh.items() if fields(msgid) != fields(text)]
    assert wrong == []


@pytest.fixture
def english() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language(i18n.DEFAULT_LANGUAGE)


def test_a_user_error_speaks_chinese_by_default() -> None:
    error = UserError("{value} is outside 0–{max} for {code}", value=11, max=10, code="P1")
    assert error.message() == "P1 的分值 11 超出 0–10 的范围"


def test_a_user_error_names_where_it_happened(english: None) -> None:
    error = UserError("A contest needs a name", where=Location("roster.xlsx", 7, "Name"))
    assert error.message() == "roster.xlsx, row 7, column Name: A contest needs a name"


def test_no_two_catalog_modules_translate_a_message_differently() -> None:
    """Areas keep separate modules; one message must still mean one thing everywhere."""
    package = Path(i18n.__file__).with_name("zh_CN")
    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for path in sorted(package.glob("*.py")):
        if path.name == "__init__.py":
            continue
        namespace: dict[str, dict[str, str]] = {}
        exec(path.read_text(encoding="utf-8"), namespace)
        for msgid, text in namespace["MESSAGES"].items():
            if msgid in seen and seen[msgid][1] != text:
                clashes.append(
                    f"{msgid!r}: {seen[msgid][0]} {seen[msgid][1]!r} vs {path.name} {text!r}"
                )
            seen.setdefault(msgid, (path.name, text))
    assert clashes == []


def test_no_message_has_two_translations() -> None:
    """Each area's catalog module is merged into one (i18n.catalog): a message id given a
    different Chinese text in two modules would show one of them, whichever loads last."""
    package = importlib.import_module("contest_desk.i18n.zh_CN")
    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for info in pkgutil.iter_modules(package.__path__):
        messages = importlib.import_module(f"{package.__name__}.{info.name}").MESSAGES
        for msgid, text in messages.items():
            first = seen.setdefault(msgid, (info.name, text))
            if first[1] != text:
                clashes.append(f"{msgid!r}: {first[0]} {first[1]!r}, {info.name} {text!r}")
    assert not clashes, "\n".join(clashes)
