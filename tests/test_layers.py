"""The architecture's import rules: each layer imports only the layers below it, directly
or through anything it imports, and no two modules import each other.

domain <- storage <- services <- reports and the front ends (ui/, cli/, web/). The
composition root (app.py) and the shared errors and i18n modules are outside the layers.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "contest_desk"
FRONT_ENDS = ("contest_desk.ui", "contest_desk.cli", "contest_desk.web")
HEAVY = ("openpyxl", "matplotlib", "reportlab")

# What each layer must never import (module prefixes), directly.
FORBIDDEN = {
    "domain": ("PySide6", "sqlalchemy", "alembic", *HEAVY, "contest_desk.storage",
               "contest_desk.services", "contest_desk.reports", *FRONT_ENDS, "contest_desk.app"),
    "storage": ("PySide6", *HEAVY, "contest_desk.services",
                "contest_desk.reports", *FRONT_ENDS, "contest_desk.app"),
    "services": ("PySide6", *HEAVY, "contest_desk.reports", *FRONT_ENDS, "contest_desk.app"),
    # Reports work from records alone: no data access, no service.
    "reports": ("PySide6", "sqlalchemy", "alembic", "contest_desk.storage",
                "contest_desk.services", *FRONT_ENDS, "contest_desk.app"),
    "ui": ("sqlalchemy", "alembic", "contest_desk.storage", "contest_desk.cli",
           "contest_desk.web"),
    # The command line opens the database (storage.db) and does the rest through services;
    # it starts the window through the composition root (contest_desk.app), never a widget.
    "cli": ("PySide6", "sqlalchemy", "alembic", "contest_desk.storage", "contest_desk.ui",
            "contest_desk.web"),
    "web": ("PySide6", "sqlalchemy", "alembic", "contest_desk.storage", "contest_desk.ui",
            "contest_desk.cli", "contest_desk.app"),
    "i18n": ("PySide6", "sqlalchemy", "contest_desk.domain", "contest_desk.storage",
             "contest_desk.services", "contest_desk.reports", *FRONT_ENDS, "contest_desk.app"),
}  # fmt: skip
# Exceptions to the prefixes above, by exact module.
# The desk's window and ``contest-desk serve`` start the LAN hub (web/server.py's HubServer).
ALLOWED = {
    "cli": ("contest_desk.storage.db", "contest_desk.web.server"),
    "ui": ("contest_desk.web.server",),
}

# What importing any module of a layer, in a fresh interpreter, must not load.
LOADS_NOT = {
    "domain": FORBIDDEN["domain"],
    "storage": FORBIDDEN["storage"],
    "services": FORBIDDEN["services"],
    "reports": FORBIDDEN["reports"],
    "cli": ("PySide6", "contest_desk.ui", "contest_desk.web"),
    "web": ("PySide6", "contest_desk.ui", "contest_desk.cli"),
    "i18n": FORBIDDEN["i18n"],
}


# Direct imports ------------------------------------------------------------------------


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking_only(tree: ast.AST) -> set[int]:
    """The nodes under ``if TYPE_CHECKING:``: imports for annotations, never run."""
    hidden: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                hidden.update(id(n) for n in ast.walk(child))
    return hidden


def imported_modules(
    path: Path, root: Path | None = None, *, typing: bool = True
) -> list[tuple[int, str]]:
    """Every module ``path`` imports, anywhere in it (functions too), as (line, module).

    ``from package import name`` counts as ``package.name`` where that is a module of
    ``root``; relative imports are resolved against ``root``. ``typing=False`` leaves
    out imports under ``if TYPE_CHECKING:``.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    hidden = set() if typing else _type_checking_only(tree)
    here = module_name(root, path).split(".") if root is not None else []
    if root is not None and path.name != "__init__.py":
        here.pop()
    found = []
    for node in ast.walk(tree):
        if id(node) in hidden:
            continue
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                if root is None:
                    continue
                base = here[: len(here) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            elif node.module:
                module = node.module
            else:
                continue
            for alias in node.names:
                sub = f"{module}.{alias.name}"
                is_module = root is not None and _module_path(root, sub) is not None
                found.append((node.lineno, sub if is_module else module))
    return sorted(set(found))


def _module_path(root: Path, module: str) -> Path | None:
    parts = module.split(".")
    if parts[0] != root.name:
        return None
    base = root.parent.joinpath(*parts)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def layer_of(root: Path, path: Path) -> str | None:
    relative = path.relative_to(root).parts
    if len(relative) == 1:
        # The command line as it was before its package: cli.py and cli_*.py.
        stem = path.stem
        return "cli" if stem == "cli" or stem.startswith("cli_") else None
    return relative[0] if relative[0] in FORBIDDEN else None


def _matches(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def package_files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*.py")):
        if "migrations" not in path.relative_to(root).parts:
            yield path


def violations(root: Path) -> list[str]:
    bad = []
    for path in package_files(root):
        layer = layer_of(root, path)
        if layer is None:
            continue
        for line, module in imported_modules(path, root):
            if _matches(module, FORBIDDEN[layer]) and module not in ALLOWED.get(layer, ()):
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
    [
        ("domain", "PySide6.QtCore"),
        ("domain", "sqlalchemy"),
        ("ui", "contest_desk.storage.models"),
        ("reports", "contest_desk.services.boards.views"),
        ("reports", "sqlalchemy.orm"),
        ("services", "contest_desk.reports.charts"),
        ("cli", "contest_desk.storage.models"),
        ("cli", "PySide6.QtWidgets"),
        ("cli", "contest_desk.ui.main_window"),
        ("web", "contest_desk.storage.db"),
        ("web", "contest_desk.cli"),
        ("storage", "contest_desk.web"),
    ],
)
def test_the_check_catches_a_bad_import(tmp_path: Path, layer: str, module: str) -> None:
    fake = tmp_path / "contest_desk" / layer
    fake.mkdir(parents=True)
    (fake / "leak.py").write_text(f"import {module}\n", encoding="utf-8")
    found = violations(tmp_path / "contest_desk")
    assert found == [f"contest_desk/{layer}/leak.py:1 ({layer}) imports {module}"]


def test_the_check_reads_imports_inside_functions_and_from_imports(tmp_path: Path) -> None:
    root = tmp_path / "contest_desk"
    (root / "reports").mkdir(parents=True)
    (root / "storage").mkdir()
    (root / "storage" / "__init__.py").write_text("", encoding="utf-8")
    (root / "storage" / "models.py").write_text("", encoding="utf-8")
    (root / "reports" / "leak.py").write_text(
        "def later():\n    from contest_desk.storage import models\n", encoding="utf-8"
    )
    assert violations(root) == [
        "contest_desk/reports/leak.py:2 (reports) imports contest_desk.storage.models"
    ]


def test_the_command_line_may_open_the_database_and_the_old_cli_files_are_its_layer(
    tmp_path: Path,
) -> None:
    root = tmp_path / "contest_desk"
    (root / "cli").mkdir(parents=True)
    (root / "cli" / "desk.py").write_text("import contest_desk.storage.db\n", encoding="utf-8")
    (root / "cli_boards.py").write_text("import contest_desk.storage.models\n", encoding="utf-8")
    assert violations(root) == [
        "contest_desk/cli_boards.py:1 (cli) imports contest_desk.storage.models"
    ]


# What importing a layer loads ------------------------------------------------------------

# Imports every module of a layer in turn, in a fresh interpreter, and names the first of
# them after which a forbidden module was loaded (and any that fails to import).
_PROBE = """
import importlib, json, sys
root, names, forbidden = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
sys.path.insert(0, root)
bad, seen = [], set()
for name in names:
    try:
        importlib.import_module(name)
    except Exception as error:
        bad.append(f"{name} fails to import: {error!r}")
        continue
    for loaded in list(sys.modules):
        for f in forbidden:
            if f not in seen and (loaded == f or loaded.startswith(f + ".")):
                seen.add(f)
                bad.append(f"importing {name} loads {f}")
print(json.dumps(bad))
"""


def layer_modules(root: Path, layer: str) -> list[str]:
    return [module_name(root, p) for p in package_files(root) if layer_of(root, p) == layer]


def loaded_violations(root: Path, layer: str) -> list[str]:
    """What importing each module of ``layer`` loads that it must not, in a fresh
    interpreter (so that nothing the test run imported before hides it)."""
    names = layer_modules(root, layer)
    if not names:
        return []
    forbidden = json.dumps(LOADS_NOT[layer])
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(root.parent), json.dumps(names), forbidden],
        capture_output=True,
        text=True,
        check=True,
        cwd=root.parent,
        timeout=300,
    )
    found: list[str] = json.loads(done.stdout)
    return sorted(found)


@pytest.mark.parametrize("layer", sorted(LOADS_NOT))
def test_importing_a_layer_loads_nothing_above_it(layer: str) -> None:
    """E.g. importing contest_desk.reports.charts loads neither SQLAlchemy nor a service."""
    assert loaded_violations(PACKAGE, layer) == []


def test_the_check_catches_a_forbidden_module_loaded_on_the_way(tmp_path: Path) -> None:
    root = tmp_path / "contest_desk"
    (root / "reports").mkdir(parents=True)
    (root / "__init__.py").write_text("", encoding="utf-8")
    (root / "reports" / "__init__.py").write_text("", encoding="utf-8")
    # helper.py is in no layer, so no direct rule sees sqlalchemy; the loading check does.
    (root / "helper.py").write_text("import json\nimport sqlalchemy\n", encoding="utf-8")
    (root / "reports" / "clean.py").write_text("import json\n", encoding="utf-8")
    (root / "reports" / "leak.py").write_text("import contest_desk.helper\n", encoding="utf-8")
    assert violations(root) == []
    assert loaded_violations(root, "reports") == [
        "importing contest_desk.reports.leak loads sqlalchemy"
    ]


# No circles ----------------------------------------------------------------------------


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module → the package's modules it imports when run (in functions too; not the
    imports under ``if TYPE_CHECKING:``, which never run)."""
    modules = {module_name(root, p): p for p in package_files(root)}
    graph = {}
    for name, path in modules.items():
        imported = {m for _, m in imported_modules(path, root, typing=False)}
        graph[name] = {m for m in imported if m in modules and m != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or round a longer circle
    (strongly connected components, Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return sorted(found)


def test_no_two_modules_import_each_other() -> None:
    assert cycles(import_graph(PACKAGE)) == []


def test_the_check_catches_a_circle_hidden_in_a_function(tmp_path: Path) -> None:
    root = tmp_path / "contest_desk"
    (root / "services").mkdir(parents=True)
    (root / "services" / "__init__.py").write_text("", encoding="utf-8")
    (root / "services" / "sheets.py").write_text(
        "def lock():\n    from contest_desk.services.flags import unresolved\n",
        encoding="utf-8",
    )
    (root / "services" / "flags.py").write_text(
        "from contest_desk.services import sheets\n", encoding="utf-8"
    )
    # An import for annotations only never runs: typed and third make no circle.
    (root / "services" / "third.py").write_text(
        "from contest_desk.services import typed\n", encoding="utf-8"
    )
    (root / "services" / "typed.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from contest_desk.services.third import Thing\n",
        encoding="utf-8",
    )
    assert cycles(import_graph(root)) == [
        ["contest_desk.services.flags", "contest_desk.services.sheets"]
    ]


def test_the_check_catches_a_longer_circle(tmp_path: Path) -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
