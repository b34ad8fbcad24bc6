"""Generated rubrics and rubric tables: any valid rubric written to Excel reads back the
same; any table imported into an event works or is refused, changing nothing."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from contest_desk.domain.rubric import (
    Criterion,
    CriterionKind,
    MeasurementMode,
    MeasurementRule,
    Rubric,
    rubric_problems,
)
from contest_desk.domain.rubric_table import COLUMNS, RubricRow, read_table
from contest_desk.errors import Location
from contest_desk.reports.rubric_excel import read_rubric_workbook, write_rubric_workbook
from contest_desk.services.hub import Services
from tests.builders import SmallEvent
from tests.properties.conftest import FEW, works_or_refuses
from tests.properties.test_imports import CELL
from tests.properties.test_parsers import NUMBERISH

STEPS = st.sampled_from([Decimal("0.5"), Decimal(1), Decimal("0.25"), Decimal("0.001")])
AMOUNT = st.integers(0, 10**9).map(lambda n: Decimal(n).scaleb(-3))
# Codes that tempt the code rule: A, A1, A1.2, 1-3, B10 …
CODES = st.text(alphabet="AB1203.-", min_size=1, max_size=5)
# Names as the editor stores them: trimmed; without the control characters a cell cannot
# hold (the export drops them: tests/reports/test_rubric_excel.py) and without a carriage
# return, which XML reads as a line end.
NAMES = (
    st.text(min_size=1, max_size=12)
    .map(lambda t: ILLEGAL_CHARACTERS_RE.sub("", t).replace("\r", "").strip())
    # "'=x" reads back as "=x": a quote before a formula is how cells.inert marks its own
    # quoting, so such a name cannot come back (reports/cells.py, restored).
    .filter(lambda t: t and not t.startswith("'"))
)


@st.composite
def criteria(draw: Any, depth: int = 0) -> Criterion:
    """A criterion with a placeholder code (numbered afterwards, so codes are unique)."""
    name = draw(NAMES)
    weight = draw(st.integers(1, 3000).map(lambda n: Decimal(n).scaleb(-3)))
    if depth < 2 and draw(st.booleans()):
        children = tuple(draw(st.lists(criteria(depth + 1), min_size=1, max_size=3)))
        return Criterion("", name, None, weight=weight, children=children)
    kind = draw(st.sampled_from(list(CriterionKind)))
    step = draw(STEPS)
    max_points = step * draw(st.integers(1, 400))
    rule = None
    if kind is CriterionKind.MEASUREMENT:
        mode = draw(st.sampled_from(list(MeasurementMode)))
        rule = MeasurementRule(mode, draw(AMOUNT), draw(AMOUNT), draw(AMOUNT), draw(AMOUNT)
                               + Decimal("0.001"))  # fmt: skip
    return Criterion("", name, kind, max_points, step, weight, rule)


def coded(nodes: tuple[Criterion, ...], codes: list[str]) -> tuple[Criterion, ...]:
    out = []
    for c in nodes:
        code = codes.pop()
        out.append(Criterion(code, c.name, c.kind, c.max_points, c.step, c.weight, c.rule,
                             coded(c.children, codes)))  # fmt: skip
    return tuple(out)


def count(nodes: tuple[Criterion, ...]) -> int:
    return sum(1 + count(c.children) for c in nodes)


@FEW
@given(st.lists(criteria(), min_size=1, max_size=4), st.data())
def test_a_written_rubric_reads_back_the_same(top: list[Criterion], data: Any) -> None:
    needed = count(tuple(top))
    codes = data.draw(st.lists(CODES, min_size=needed, max_size=needed, unique=True))
    rubric = Rubric(coded(tuple(top), codes))
    assert rubric_problems(rubric.criteria) == []
    with TemporaryDirectory() as folder:
        path = write_rubric_workbook(Path(folder) / "r.xlsx", [("采油工", [("实操", rubric)])])
        (sheet,) = read_rubric_workbook(path)
    table = read_table(sheet.rows, lambda r, c: Location("r.xlsx", r, c), ["理论", "实操"])
    assert table.parts == {"实操": rubric}


ROW_CELLS = st.fixed_dictionaries(
    {},
    optional={
        "part": st.sampled_from(["理论", "实操", "综合", ""]),
        "code": st.sampled_from(["P", "P1", "P2", "T1", "X", "", "P1.1"]) | CELL,
        "name": CELL,
        "max_points": NUMBERISH,
        "step": NUMBERISH,
        "kind": st.sampled_from(["评判分", "M", "扣分", "x", ""]),
        "mode": st.sampled_from(["按超差扣分", "Direct", "?"]),
        "tolerance": NUMBERISH,
    },
)


@FEW
@given(st.lists(st.tuples(ROW_CELLS, st.integers(0, 3)), min_size=1, max_size=5))
def test_any_table_imports_or_is_refused(services: Services, small: SmallEvent, rows: Any):
    assert set(COLUMNS) >= {"part", "code", "name"}
    made = [RubricRow(n, cells, indent) for n, (cells, indent) in enumerate(rows, start=2)]
    event = small.event.id
    works_or_refuses(services, lambda: services.rubric_files.import_rows(event, made, "r.xlsx"))
