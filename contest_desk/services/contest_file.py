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
from typing import Any, cast

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match
from sqlalchemy import Table

from contest_desk.domain.rubric import Criterion, CriterionKind
from contest_desk.domain.settings_codec import (
    measurement_rule_from_dict,
    measurement_rule_to_dict,
)
from contest_desk.errors import UserError
from contest_desk.storage import models as m

FORMAT = "contest-desk/contest"
VERSION = 2
Data = dict[str, Any]
# Typed as a Table for insert(): a Core insert of plain dicts skips the ORM's bookkeeping.
SCORES = cast(Table, m.Score.__table__)


@cache
def _validator() -> Draft202012Validator:
    text = resources.files(__package__).joinpath("contest_file.schema.json").read_text("utf-8")
    return Draft202012Validator(json.loads(text))


def check_contest_file(data: Any) -> None:
    """Refuse data that does not follow the schema, naming the place that is wrong."""
    error = best_match(_validator().iter_errors(data))
    if error is not None:
        reason = error.message if len(error.message) <= 160 else error.message[:157] + "..."
        raise UserError(
            "The contest file does not follow its format at {path}: {reason}",
            path=error.json_path,
            reason=reason,
        )


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
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise UserError("There is no file {file}", file=str(path)) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError("Cannot read {file}: {reason}", file=path.name, reason=exc) from None
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
