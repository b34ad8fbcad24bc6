"""The desks' rights (storage/server.py) keep up with the code: every table the services
delete rows from has DELETE, and no other; the audit trail stays append-only."""

from __future__ import annotations

import ast
from pathlib import Path

from sqlalchemy.orm import class_mapper

from contest_desk.storage import models as m
from contest_desk.storage import server

PACKAGE = Path(__file__).resolve().parents[2] / "contest_desk"
# Where the code deletes a row it holds (session.delete(row)), and that row's table. A new
# one fails the test below: add its table to server.DELETED_FROM, and the place here.
ROW_DELETES = {
    ("services/labor/competitions.py", "set_indicators"): "labor_indicators",
    ("services/people/roster.py", "remove_entry"): "entries",
    ("services/people/roster.py", "unassign_judge"): "judge_assignments",
    ("services/people/roster.py", "remove_person"): "persons",
    ("services/certificates/issuing.py", "remove_template"): "certificate_templates",
    ("services/contests/rubric_store.py", "replace_rubric"): "criteria",
    ("services/contests/setup.py", "set_parts"): "parts",
    ("services/contests/setup.py", "set_rounds"): "rounds",
}


def _deletes(path: Path) -> tuple[set[str], set[str]]:
    """The tables of ``delete(m.Model)`` statements, and the functions calling
    ``something.delete(row)``, in one module."""
    tables, functions = set(), set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.Module):
            continue
        for node in ast.walk(function):
            if not isinstance(node, ast.Call) or len(node.args) != 1:
                continue
            if isinstance(node.func, ast.Name) and node.func.id == "delete":
                model = node.args[0]
                if isinstance(model, ast.Attribute):
                    tables.add(getattr(m, model.attr).__tablename__)
            elif (
                isinstance(node.func, ast.Attribute)
                and node.func.attr == "delete"
                and isinstance(function, ast.FunctionDef)
            ):
                functions.add(function.name)
    return tables, functions


def test_delete_is_granted_exactly_where_the_code_deletes_rows() -> None:
    statements: set[str] = set()
    rows: set[tuple[str, str]] = set()
    for folder in ("services", "storage"):
        for path in (PACKAGE / folder).rglob("*.py"):
            if "migrations" in path.parts:
                continue  # run by the owner
            tables, functions = _deletes(path)
            statements |= tables
            where = path.relative_to(PACKAGE).as_posix()
            rows |= {(where, name) for name in functions}
    assert rows >= set(ROW_DELETES), "a delete moved: update ROW_DELETES"
    assert rows == set(ROW_DELETES), "a new delete: its table needs server.DELETED_FROM"
    assert statements | set(ROW_DELETES.values()) == server.DELETED_FROM


def test_rows_deleted_through_the_orm_take_theirs_along_only_where_delete_is_granted() -> None:
    for model in m.Base.registry.mappers:
        table = model.class_.__tablename__
        for relation in class_mapper(model.class_).relationships:
            if table in server.DELETED_FROM and relation.cascade.delete:
                target = relation.mapper.class_.__tablename__
                assert target in server.DELETED_FROM, (table, relation.key)


def test_the_audit_trail_is_append_only_for_desks() -> None:
    rights = server.table_rights()
    assert rights["audit_log"] == ("SELECT", "INSERT")
    assert rights["audit_anchors"] == ("SELECT", "INSERT")
    assert rights["audit_head"] == ("SELECT", "UPDATE")
    assert set(rights) == {t.name for t in m.Base.metadata.sorted_tables} | {"alembic_version"}
    assert "audit_head" not in server.sequences()
