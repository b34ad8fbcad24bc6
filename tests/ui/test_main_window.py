"""The main window builds each area when it is first opened, with only the services the
area declares in ``USES``."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from contest_desk.domain.permissions import Role
from contest_desk.services.hub import Services, ServiceSubset
from contest_desk.ui.main_window import MainWindow
from tests.ui import test_scoring_models as shared
from tests.ui.test_scoring_models import SmallEvent

language = shared.language
services = shared.services
small = shared.small

UI = Path(__file__).resolve().parents[2] / "contest_desk" / "ui"
HUB_NAMES = set(Services.__dataclass_fields__) - {"ctx"}


@pytest.fixture
def organizer(services: Services, small: SmallEvent) -> Services:
    services.users.create_first_admin("admin", "管理员", "admin-pass")
    actor = services.users.authenticate("admin", "admin-pass")
    return services.as_user(actor)


def test_only_the_first_area_is_built_at_start(qtbot, organizer: Services) -> None:
    window = MainWindow(organizer)
    qtbot.addWidget(window)
    keys = list(window.areas)
    assert "audit" in keys and len(keys) > 2
    assert list(window.areas.built) == [keys[0]]
    window.show_area("audit")
    assert set(window.areas.built) == {keys[0], "audit"}
    assert window.stack.currentWidget() is window.areas["audit"]


def test_every_area_is_given_only_what_it_declares(qtbot, organizer: Services) -> None:
    window = MainWindow(organizer)
    qtbot.addWidget(window)
    for key in window.areas:
        window.show_area(key)
        area = window.areas[key]
        given = area.services
        assert isinstance(given, ServiceSubset), key
        assert given.names == set(type(area).USES), key
        with pytest.raises(AttributeError, match="USES"):
            _ = given.not_a_service


def test_a_judge_sees_only_the_areas_of_a_judge(qtbot, services: Services) -> None:
    services.users.create_first_admin("admin", "管理员", "admin-pass")
    services.users.add_user("judge1", "评委一", "judge1-pass", [Role.JUDGE])
    judge = services.as_user(services.users.authenticate("judge1", "judge1-pass"))
    window = MainWindow(judge)
    qtbot.addWidget(window)
    assert list(window.areas) == ["scoring"]
    with pytest.raises(KeyError):
        window.areas["accounts"]


def used_service_names(paths: list[Path]) -> set[str]:
    """Every ``services.NAME`` / ``self.services.NAME`` the code reads, NAME a hub service."""
    found = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr in HUB_NAMES
                and (
                    (isinstance(node.value, ast.Name) and node.value.id == "services")
                    or (isinstance(node.value, ast.Attribute) and node.value.attr == "services")
                )
            ):
                found.add(node.attr)
    return found


def window_code_of(folder: Path) -> list[Path]:
    """The area's files and every module of contest_desk/ui/ they import, transitively."""
    todo, seen = sorted(folder.rglob("*.py")), set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            module = node.module if isinstance(node, ast.ImportFrom) else None
            if not module or not module.startswith("contest_desk.ui."):
                continue
            for name in [module] + [f"{module}.{alias.name}" for alias in node.names]:
                relative = Path(*name.split(".")[2:])
                todo.extend(
                    c for c in (UI / f"{relative}.py", UI / relative / "__init__.py") if c.is_file()
                )
    return sorted(seen)


AREAS = {
    "contests": "contest_desk.ui.contests.area:ContestsArea",
    "scoring": "contest_desk.ui.scoring.area:ScoringArea",
    "standings": "contest_desk.ui.standings.area:StandingsArea",
    "boards": "contest_desk.ui.boards.area:BoardsArea",
    "labor": "contest_desk.ui.labor.area:LaborArea",
    "certificates": "contest_desk.ui.certificates.area:CertificatesArea",
    "innovation": "contest_desk.ui.innovation.area:InnovationArea",
    "paper": "contest_desk.ui.paper.area:PaperArea",
    "hub": "contest_desk.ui.hub.area:HubArea",
    "chief": "contest_desk.ui.chief.area:ChiefArea",
    "audit": "contest_desk.ui.audit.area:AuditArea",
    "accounts": "contest_desk.ui.accounts.area:AccountsArea",
}


@pytest.mark.parametrize("key", sorted(AREAS))
def test_uses_names_every_service_the_area_code_reads(key: str) -> None:
    """Read from the code: a service the area's folder (or window code it imports, at any
    depth) asks for is in its USES, and USES names nothing it does not use."""
    module_name, class_name = AREAS[key].split(":")
    area = getattr(importlib.import_module(module_name), class_name)
    used = used_service_names(window_code_of(UI / key))
    assert set(area.USES) <= HUB_NAMES
    assert used <= set(area.USES), f"{key} uses {sorted(used - set(area.USES))} not in USES"
    unused = set(area.USES) - used
    assert not unused, f"{key} declares {sorted(unused)} and never uses them"


def test_the_window_opens_on_the_newest_contest_though_no_picker_is_built(
    qtbot, services: Services, organizer: Services
) -> None:
    """Built first, the Contests area chooses the newest contest itself, as the pickers of
    the areas built later would have (they all were, before areas were built lazily)."""
    older = services.contests.contests()[0]
    newer = services.contests.create_contest("2027年技能比武")
    window = MainWindow(organizer)
    qtbot.addWidget(window)
    assert list(window.areas.built) == ["contests"]
    assert window.state.contest_id == newer.id != older.id
    navigator = window.areas["contests"].navigator
    assert navigator.contest_view.selectionModel().selectedRows()[0].row() == 0
