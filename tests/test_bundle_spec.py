"""The bundle's spec takes every file the app reads at run time (checked without a build, which
takes minutes: `make bundle-test` runs the built bundle)."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "installer" / "contest_desk.spec"
# Read from disk by the app's modules, not imported; the bundle's compiled modules are not.
SOURCE_SUFFIXES = {".py", ".pyc", ".pyi", ".typed"}
# resources/ folders for the README only.
NOT_BUNDLED = {"screenshots"}


def runtime_data() -> list[tuple[str, str]]:
    """The spec's RUNTIME_DATA list, read as a literal (the spec runs only inside PyInstaller)."""
    for node in ast.parse(SPEC.read_text("utf-8")).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "RUNTIME_DATA":
            return list(ast.literal_eval(node.value))
    raise AssertionError("installer/contest_desk.spec has no RUNTIME_DATA list")


def covered(path: Path) -> bool:
    relative = path.relative_to(ROOT)
    return any(relative.is_relative_to(source) for source, _target in runtime_data())


def test_every_data_file_of_the_package_is_bundled() -> None:
    package = ROOT / "contest_desk"
    data = [
        path
        for path in package.rglob("*")
        if path.is_file() and path.suffix not in SOURCE_SUFFIXES and "__pycache__" not in path.parts
    ]
    assert data, "the package has data files (templates, schema, migrations)"
    assert [str(p.relative_to(ROOT)) for p in data if not covered(p)] == []


def test_the_migration_scripts_are_bundled_as_files() -> None:
    # alembic reads them from the folder; compiled into the archive they would not be found.
    versions = ROOT / "contest_desk" / "storage" / "migrations" / "versions"
    scripts = list(versions.glob("*.py"))
    assert scripts
    assert all(covered(script) for script in scripts)


def test_the_package_data_of_pyproject_is_bundled() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["contest_desk"]
    files = [p for pattern in patterns for p in (ROOT / "contest_desk").glob(pattern)]
    assert files
    assert [str(p.relative_to(ROOT)) for p in files if not covered(p)] == []


def test_every_resource_folder_is_bundled_where_the_code_finds_it() -> None:
    resources = (ROOT / "resources").iterdir()
    folders = [p for p in resources if p.is_dir() and p.name not in NOT_BUNDLED]
    assert folders
    targets = dict(runtime_data())
    for folder in folders:
        source = str(folder.relative_to(ROOT))
        # reports/fonts.py and the help window look for them at <bundle>/resources/...
        assert targets.get(source) == source, f"{source} is not in the spec's RUNTIME_DATA"


def test_the_listed_sources_exist_but_the_user_guide() -> None:
    # resources/help is listed ahead of the guide, and taken when it exists.
    missing = [s for s, _t in runtime_data() if not (ROOT / s).exists() and s != "resources/help"]
    assert missing == []
