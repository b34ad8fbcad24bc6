"""The audit trail in words: every action the code can write has a description (read from
the services' source, so a new action without one fails here), targets by kind and name
with a fallback for deleted records, and stored UTC times shown in local time."""

from __future__ import annotations

import ast
import datetime as dt
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from contest_desk.domain import audit_words
from contest_desk.domain.audit_words import (
    ACTIONS,
    action_text,
    actor_text,
    local_time,
    target_text,
    time_heading,
    utc_of_local,
    value_text,
)
from contest_desk.domain.board_codec import KINDS
from contest_desk.i18n import DEFAULT_LANGUAGE, set_language

PACKAGE = Path(audit_words.__file__).resolve().parents[1]


def _strings(node: ast.expr) -> set[str] | None:
    """The strings an expression can be: a constant, either side of ``a if c else b``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        body, orelse = _strings(node.body), _strings(node.orelse)
        return None if body is None or orelse is None else body | orelse
    return None


def _calls_of(tree: ast.AST, name: str) -> Iterator[ast.Call]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called == name:
                yield node


def _argument(call: ast.Call, function: ast.FunctionDef, name: str) -> ast.expr | None:
    """The expression a call passes for ``function``'s parameter ``name``."""
    params = [a.arg for a in function.args.args]
    if params and params[0] in ("self", "cls"):
        params = params[1:]
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    index = params.index(name)
    return call.args[index] if index < len(call.args) else None


def _variable(function: ast.FunctionDef, name: str, trees: list[ast.AST]) -> set[str] | None:
    """What a variable holding the action can be: its assignments in the function, or, for a
    parameter, what every caller anywhere in the package passes."""
    found: set[str] = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            values = _strings(node.value)
            if values is None:
                return None
            found |= values
    if name in (a.arg for a in function.args.args):
        for tree in trees:
            for call in _calls_of(tree, function.name):
                passed = _argument(call, function, name)
                values = None if passed is None else _strings(passed)
                if values is None:
                    return None
                found |= values
    return found or None


def _enclosing(tree: ast.AST, target: ast.AST) -> ast.FunctionDef:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and any(n is target for n in ast.walk(node)):
            inner = [
                f
                for f in ast.walk(node)
                if isinstance(f, ast.FunctionDef)
                and f is not node
                and any(n is target for n in ast.walk(f))
            ]
            return inner[-1] if inner else node
    raise AssertionError("an audit call outside a function")


def written_actions() -> tuple[set[str], list[str]]:
    """Every action a ``….audit(session, action, target, …)`` call can write, and the calls
    whose action this reading cannot tell (a new way of naming one: look at it)."""
    paths = sorted((PACKAGE / "services").rglob("*.py"))
    trees = [ast.parse(p.read_text(encoding="utf-8")) for p in paths]
    actions: set[str] = set()
    unknown: list[str] = []
    for path, tree in zip(paths, trees, strict=True):
        for call in _calls_of(tree, "audit"):
            if len(call.args) < 2:
                continue
            where = f"{path.relative_to(PACKAGE)}:{call.lineno}"
            action = call.args[1]
            values = _strings(action)
            if values is None and isinstance(action, ast.JoinedStr):
                # f"board.{kind}": the kinds of a board's log rows
                prefix = action.values[0]
                if isinstance(prefix, ast.Constant) and prefix.value == "board.":
                    values = {f"board.{kind}" for kind in KINDS}
            if values is None and isinstance(action, ast.Name):
                values = _variable(_enclosing(tree, call), action.id, trees)
            if values is None:
                unknown.append(where)
            else:
                actions |= values
    return actions, unknown


@pytest.fixture
def chinese() -> Iterator[None]:
    set_language("zh_CN")
    yield
    set_language(DEFAULT_LANGUAGE)


@pytest.fixture
def beijing() -> Iterator[None]:
    """The desk's computer in China, whatever the machine running the tests (shared by the
    audit view's and the command line's tests)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_every_action_the_services_write_has_a_description() -> None:
    actions, unknown = written_actions()
    assert unknown == []
    assert len(actions) > 80  # the reading found them (board.* and the variables too)
    assert {"board.bout", "user.disable", "patent.add"} <= actions
    assert sorted(actions - ACTIONS.keys()) == []


def test_actions_and_targets_in_words(chinese: None) -> None:
    names = {"judge:10": "张振华", "part:3": "理论", "entry:7": "王建国（采油工）"}
    assert action_text("judge.assign") == "指派裁判"
    assert action_text("rubric.save") == "保存评分细则"
    assert target_text("judge:10", names) == "裁判 张振华"
    assert target_text("part:3", names) == "组成部分 理论"
    assert target_text("entry:7", names) == "参赛单元 王建国（采油工）"
    assert target_text("judge:11", names) == "裁判（已删除）"
    assert target_text("certificate:2026-0001", names) == "证书 2026-0001"
    assert target_text("database", names) == "数据库"
    # Something a later version writes stays as it is stored, never a crash.
    assert action_text("later.thing") == "later.thing"
    assert target_text("later:4", names) == "later:4"


def test_users_by_name_and_the_apps_own_work(chinese: None) -> None:
    names = {"user:judge1": "张振华"}
    assert actor_text("judge1", names) == "张振华"
    assert actor_text("gone", names) == "gone"
    assert actor_text("system", names) == "系统（自动）"


def test_stored_utc_is_shown_in_beijing_time(chinese: None, beijing: None) -> None:
    stored = dt.datetime(2026, 5, 11, 17, 30)
    assert local_time(stored) == dt.datetime(2026, 5, 12, 1, 30)
    assert utc_of_local(dt.datetime(2026, 5, 12, 0, 0)) == dt.datetime(2026, 5, 11, 16, 0)
    assert time_heading() == "时间（北京时间）"


def test_another_zone_is_named_by_its_offset(chinese: None, monkeypatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        winter = dt.datetime(2026, 1, 15, 12, 0)
        assert local_time(winter) == dt.datetime(2026, 1, 15, 7, 0)
        assert audit_words.zone_text(winter) == "本地时间 UTC-05:00"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_old_and_new_values_by_the_names_the_window_uses(chinese: None) -> None:
    assert value_text("achievement.move", "rnd") == "研发"
    assert value_text("contest.status", "running") == "进行中"
    assert value_text("user.roles", ["admin", "judge"]) == "系统管理员、裁判"
    assert value_text("round.lock", True) == "已锁定"
    assert value_text("user.disable", False) == "停用"
    assert value_text("conflict.declare", True) == "是"
    assert value_text("score.record", "8.5") == "8.5"
    assert value_text("score.record", None) == ""
    assert value_text("draw.recode", {"001": "A07"}) == '{"001": "A07"}'
