"""The contest file format: JSON Schema validation, reading, writing and the criteria codec.

The file never holds a database id (persons go by employee number, teams by
name, judges by user name, criteria by code, rounds by number), so that
export → import → export gives the same bytes and a file moves between
databases. Its format is contest_file.schema.json (JSON Schema 2020-12).
"""

import json
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table

from contest_desk.domain import limits
from contest_desk.domain.rubric import Criterion, CriterionKind
from contest_desk.domain.settings_codec import (
    measurement_rule_from_dict,
    measurement_rule_to_dict,
)
from contest_desk.errors import UserError
from contest_desk.services.input_files import read_json
from contest_desk.storage import models as m

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

FORMAT = "contest-desk/contest"
VERSION = 2
Data = dict[str, Any]
# Typed as a Table for insert(): a Core insert of plain dicts skips the ORM's bookkeeping.
SCORES = cast(Table, m.Score.__table__)


@cache
def _validator() -> "Draft202012Validator":
    # Imported when a contest file is first read: not at every window's launch (issue 16).
    from jsonschema import Draft202012Validator

    text = resources.files(__package__).joinpath("contest_file.schema.json").read_text("utf-8")
    return Draft202012Validator(json.loads(text))


def check_contest_file(data: Any) -> None:
    """Refuse data that does not follow the schema, naming the place that is wrong."""
    from jsonschema.exceptions import best_match

    error = best_match(_validator().iter_errors(data))
    if error is not None:
        reason = error.message if len(error.message) <= 160 else error.message[:157] + "..."
        raise UserError(
            "The contest file does not follow its format at {path}: {reason}",
            path=error.json_path,
            reason=reason,
        )


# The text fields' limits by their place in the file ("[]" for any index); a text not
# named here is at most limits.TITLE. Criteria codes and names: rubric_problems.
TEXT_LIMITS = {
    "$.contest.name": limits.TITLE,
    "$.contest.organizer": limits.TITLE,
    "$.persons[].employee_no": limits.EMPLOYEE_NO,
    "$.persons[].name": limits.PERSON_NAME,
    "$.persons[].job_type": limits.JOB_TYPE,
    "$.persons[].skill_level": limits.SKILL_LEVEL,
    "$.teams[].name": limits.TEAM_NAME,
    "$.teams[].members[]": limits.EMPLOYEE_NO,
    "$.judges[].username": limits.USERNAME,
    "$.judges[].name": limits.PERSON_NAME,
    "$.events[].name": limits.TITLE,
    "$.events[].parts[].name": limits.SHORT_NAME,
    "$.events[].rounds[].name": limits.SHORT_NAME,
    "$.events[].entries[].code": limits.CODE,
    "$.events[].entries[].eliminated.rule": limits.SHORT_NAME,
    "$.certificate_public_key": limits.PEM_BYTES,
}
UNIT_PATHS = {"$.units[]", "$.persons[].unit", "$.teams[].unit", "$.judges[].unit"}


def limit_problems(data: Any) -> list[UserError]:
    """Every text past its limit and every whole number past limits.WHOLE_MAX, by JSON
    path: the same limits as the roster, the rubric editor and the command line."""
    problems: list[UserError] = []

    def visit(value: Any, path: str, pattern: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                visit(item, f"{path}.{key}", f"{pattern}.{key}")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                visit(item, f"{path}[{i}]", f"{pattern}[]")
        elif isinstance(value, str):
            try:
                if pattern in UNIT_PATHS:
                    for part in value.split("/"):
                        limits.check_text(part, limits.UNIT_NAME, path)
                limits.check_text(value, TEXT_LIMITS.get(pattern, limits.TITLE), path)
            except UserError as error:
                problems.append(error)
        elif isinstance(value, int) and not isinstance(value, bool) and value > limits.WHOLE_MAX:
            problems.append(
                UserError(
                    "{field}: {value} is outside {low}–{high}",
                    field=path,
                    value=str(value)[:20],
                    low=0,
                    high=limits.WHOLE_MAX,
                )
            )

    visit(data, "$", "$")
    return problems


def dump_contest_file(data: Data) -> str:
    """The file's text: stable key order, so equal contests give equal bytes."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_contest_file(path: str | Path, data: Data) -> Path:
    path = Path(path)
    try:
        path.write_text(dump_contest_file(data), encoding="utf-8")
    except OSError as exc:
        raise UserError("Cannot write {file}: {reason}", file=str(path), reason=exc) from None
    return path


def read_contest_file(path: str | Path) -> Data:
    """The parsed file; a missing, unreadable or non-JSON file is a UserError."""
    path = Path(path)
    data = read_json(path)
    if not isinstance(data, dict):
        raise UserError("{file} is not a contest file", file=path.name)
    return data


# Export ------------------------------------------------------------------------------------


def criterion_to_dict(c: Criterion) -> Data:
    if not c.is_leaf:
        children = [criterion_to_dict(ch) for ch in c.children]
        return {"code": c.code, "name": c.name, "weight": str(c.weight), "children": children}
    return {
        "code": c.code,
        "name": c.name,
        "weight": str(c.weight),
        "kind": (c.kind or CriterionKind.JUDGEMENT).value,
        "max_points": str(c.max_points),
        "step": str(c.step),
        "rule": measurement_rule_to_dict(c.rule),
    }


def criterion_from_dict(d: Data) -> Criterion:
    if "children" in d:
        children = tuple(criterion_from_dict(ch) for ch in d["children"])
        return Criterion(d["code"], d["name"], None, weight=Decimal(d["weight"]), children=children)
    return Criterion(
        d["code"],
        d["name"],
        CriterionKind(d["kind"]),
        Decimal(d["max_points"]),
        Decimal(d["step"]),
        Decimal(d["weight"]),
        measurement_rule_from_dict(d["rule"]),
    )
