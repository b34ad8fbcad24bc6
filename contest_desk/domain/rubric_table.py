"""A rubric as a table (评分细则表), one row per criterion, and back: what the Excel file
holds, without Excel (reports/rubric_excel.py reads and writes the cells).

A row names its part (理论, 实操 …), its code and name, and for a leaf its max points,
step, weight, kind and measurement rule. Sub-criteria are told by their code (A1.2 is
under A1, A1 under A: the longest earlier code it begins with, at a letter/digit change
or a separator, whose row has no kind) or by indentation of the name, which decides in a
part whose names are indented (an export indents every sub-criterion).
A row without a code is a sub-criterion of the row above it (WorldSkills' aspects under
their sub-criterion) and is numbered after it (A1.1, A1.2 …).

Reading collects every problem with its row and column, and gives rubrics only when
there are none (all or nothing).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from contest_desk.domain import limits
from contest_desk.domain.numbers import parse_decimal
from contest_desk.domain.rubric import (
    Criterion,
    CriterionKind,
    MeasurementMode,
    MeasurementRule,
    Rubric,
    rubric_problems,
)
from contest_desk.domain.rubric_changes import RubricChanges, plain
from contest_desk.errors import ImportRejected, Location, UserError
from contest_desk.i18n import DEFAULT_LANGUAGE, N_, _, catalog

# The columns in file order: field → header message id (its Chinese is the header).
COLUMNS = {
    "part": N_("Part"),
    "code": N_("Code"),
    "name": N_("Criterion name"),
    "max_points": N_("Max points"),
    "step": N_("Step"),
    "weight": N_("Weight"),
    "kind": N_("Kind"),
    "mode": N_("Rule"),
    "target": N_("Target"),
    "tolerance": N_("Tolerance"),
    "deduction": N_("Deduction per unit"),
    "unit": N_("Unit of excess"),
}
REQUIRED_COLUMNS = ("code", "name", "max_points")
RULE_FIELDS = ("mode", "target", "tolerance", "deduction", "unit")
# Headers people write instead of ours (both languages' own headers are matched too).
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "part": ("部分", "模块", "考核部分", "考核模块", "Module"),
    "code": ("代码", "评分项编号", "ID", "Sub Criterion ID", "Criterion ID"),
    "name": ("名称", "评分项", "评分项目", "评分内容", "考核内容", "Name", "Criterion", "Aspect"),
    "max_points": ("分值", "配分", "最高分", "Max", "Max mark", "Marks"),
    "step": ("评分步长", "最小分度"),
    "kind": ("评分类型", "评分方式", "类别", "Type", "Aspect type"),
    "mode": ("计分方式", "计分规则", "Mode"),
    "tolerance": ("公差",),
}
# Kinds and rules as written in a cell: our labels in both languages, and short forms.
KIND_LABELS = {
    CriterionKind.JUDGEMENT: N_("Judgement"),
    CriterionKind.MEASUREMENT: N_("Measurement"),
    CriterionKind.DEDUCTION: N_("Deduction"),
}
KIND_ALIASES = {
    CriterionKind.JUDGEMENT: ("评判", "主观", "J"),
    CriterionKind.MEASUREMENT: ("测量", "客观", "M"),
    CriterionKind.DEDUCTION: ("扣分项", "D"),
}
MODE_LABELS = {
    MeasurementMode.DIRECT: N_("Direct"),
    MeasurementMode.PASS_FAIL: N_("Pass/fail"),
    MeasurementMode.LINEAR: N_("Linear deduction"),
}
MODE_ALIASES = {
    MeasurementMode.DIRECT: ("直接", "直接得分"),
    MeasurementMode.PASS_FAIL: ("合格制", "合格", "pass_fail"),
    MeasurementMode.LINEAR: ("超差扣分", "按偏差扣分", "linear"),
}
DEFAULT_STEP = "0.5"
GROUP_PLACES = (
    limits.PLACES * limits.RUBRIC_DEPTH
)  # a group's total: weights multiply  # the editor's default for a new criterion
SEPARATORS = ".-_ ·"
# The column a problem of domain/rubric.py's checks is shown on (by its field).
PROBLEM_COLUMNS = {"rule": "mode", "criteria": "code"}
PROBLEM_COLUMNS |= {name: name for name in ("name", "kind", "max_points", "step", "weight")}


@dataclass(frozen=True)
class RubricRow:
    """One row of a rubric table as read: texts of its cells, its indentation level."""

    row: int
    cells: dict[str, str]
    indent: int = 0

    def get(self, name: str) -> str:
        return self.cells.get(name, "").strip()


@dataclass(frozen=True)
class TableRubrics:
    """The rubrics a table holds, by part in file order, with where each criterion is."""

    parts: dict[str, Rubric]
    part_rows: dict[str, int]  # the first row of each part
    code_rows: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ExportRow:
    """One criterion as written: cells by field (numbers as Decimal) and its depth."""

    cells: dict[str, str | Decimal]
    depth: int
    group: bool


# Writing -------------------------------------------------------------------------------------


def column_label(name: str) -> str:
    return _(COLUMNS[name])


def table_rows(parts: Sequence[tuple[str, Rubric]]) -> list[ExportRow]:
    """Every criterion of every part in tree order; a group shows its best total as max."""
    out: list[ExportRow] = []

    def walk(part: str, nodes: Sequence[Criterion], depth: int) -> None:
        for c in nodes:
            cells: dict[str, str | Decimal] = {"part": part, "code": c.code, "name": c.name}
            cells["weight"] = c.weight
            if c.is_leaf:
                cells |= {"max_points": c.max_points, "step": c.step}
                cells["kind"] = _(KIND_LABELS[c.kind]) if c.kind else ""
                if c.kind is CriterionKind.MEASUREMENT:
                    rule = c.rule or MeasurementRule()
                    cells |= {"mode": _(MODE_LABELS[rule.mode]), "target": rule.target}
                    cells |= {"tolerance": rule.tolerance, "unit": rule.unit}
                    cells["deduction"] = rule.deduction_per_unit
            else:
                cells["max_points"] = Rubric(c.children).max_total()
            out.append(ExportRow(cells, depth, not c.is_leaf))
            walk(part, c.children, depth + 1)

    for part, rubric in parts:
        walk(part, rubric.criteria, 0)
    return out


# Reading -------------------------------------------------------------------------------------


def _key(text: str) -> str:
    return "".join(text.split()).casefold()


def _lookup(labels: dict[str, str], aliases: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Cell text (normalized) → value, from the labels in both languages and the aliases."""
    chinese = catalog(DEFAULT_LANGUAGE)
    found: dict[str, str] = {}
    for value, msgid in labels.items():
        for text in (value, msgid, chinese.get(msgid, msgid), _(msgid), *aliases.get(value, ())):
            found.setdefault(_key(text), value)
    return found


def header_fields() -> dict[str, str]:
    """Header text (normalized) → field."""
    return _lookup(dict(COLUMNS), HEADER_ALIASES)


def header_key(text: str) -> str:
    return _key(text.replace("*", "").replace("＊", ""))


Where = Callable[[int, str | None], Location]  # (row, column label) → where it is


def _values(table: dict[CriterionKind, str] | dict[MeasurementMode, str]) -> dict[str, str]:
    return {k.value: v for k, v in table.items()}


def _alias_values(
    table: dict[CriterionKind, tuple[str, ...]] | dict[MeasurementMode, tuple[str, ...]],
) -> dict[str, tuple[str, ...]]:
    return {k.value: v for k, v in table.items()}


def is_parent_code(prefix: str, code: str) -> bool:
    """Whether ``code`` is a sub-criterion's code of ``prefix``: A → A1, A1 → A1.2, 1 → 1-3,
    not B1 → B10 (the code must go on at a separator or a letter/digit change)."""
    if not prefix or len(prefix) >= len(code) or not code.startswith(prefix):
        return False
    after = code[len(prefix)]
    return after in SEPARATORS or prefix[-1].isdigit() != after.isdigit()


@dataclass
class _Node:
    row: RubricRow
    code: str
    parent: _Node | None
    depth: int
    children: list[_Node] = field(default_factory=list)


class _Reader:
    """Turns the rows of one table into rubrics, collecting every problem on the way."""

    def __init__(self, where: Where, part_names: Sequence[str]) -> None:
        self.where = where
        self.part_names = list(part_names)
        self.problems: list[UserError] = []
        self.kinds = _lookup(_values(KIND_LABELS), _alias_values(KIND_ALIASES))
        self.modes = _lookup(_values(MODE_LABELS), _alias_values(MODE_ALIASES))
        self.code_rows: dict[str, int] = {}

    def problem(self, row: int, column: str | None, msgid: str, **params: object) -> None:
        label = column_label(column) if column else None
        self.problems.append(UserError(msgid, where=self.where(row, label), **params))

    # Rows into parts ---------------------------------------------------------------------

    def by_part(self, rows: Sequence[RubricRow]) -> dict[str, list[RubricRow]]:
        """The rows of each part in file order; a blank part cell is the part above it
        (merged cells read so), or the event's only part."""
        known = {_key(name): name for name in self.part_names}
        parts: dict[str, list[RubricRow]] = {}
        current: str | None = self.part_names[0] if len(self.part_names) == 1 else None
        for r in rows:
            if not self._valid_texts(r):
                continue
            written = r.get("part")
            if written:
                current = known.get(_key(written))
                if current is None:
                    self.problem(
                        r.row,
                        "part",
                        N_("The event has no part {name}; its parts: {parts}"),
                        name=written,
                        parts="、".join(self.part_names),
                    )
                    continue
            elif current is None:
                self.problem(r.row, "part", N_("Say which part this criterion belongs to"))
                continue
            parts.setdefault(current, []).append(r)
        return parts

    def _valid_texts(self, r: RubricRow) -> bool:
        ok = True
        for name, value in r.cells.items():
            try:
                limits.check_text(value, None, column_label(name), self.where(r.row, None))
            except UserError as error:
                self.problems.append(error)
                ok = False
        return ok

    # The tree of one part --------------------------------------------------------------------

    def tree(self, rows: Sequence[RubricRow]) -> list[_Node]:
        """The part's top-level nodes, each row placed under its parent."""
        uses_indent = any(r.indent > 0 for r in rows)
        top: list[_Node] = []
        coded: dict[str, _Node] = {}  # the codes written in the file
        # The rows that can still take sub-criteria by indentation, least indented first,
        # and the last row with a code of its own: each row finds its parent at once.
        open_rows: list[_Node] = []
        last_coded: _Node | None = None
        for r in rows:
            code = r.get("code")
            if uses_indent:  # indentation decides (an export indents every sub-criterion)
                while open_rows and open_rows[-1].row.indent >= r.indent:
                    open_rows.pop()
                parent = open_rows[-1] if open_rows else None
            elif not code:  # an aspect: under the nearest row above with a code of its own
                parent = last_coded
            else:
                parent = self._parent_by_code(code, coded)
            if parent is not None and parent.depth + 1 >= limits.RUBRIC_DEPTH:
                self.problem(
                    r.row,
                    "name",
                    N_("{code}: a rubric is at most {limit} levels deep"),
                    code=code or parent.code,
                    limit=limits.RUBRIC_DEPTH,
                )
                continue
            if not code:
                if parent is None:
                    self.problem(r.row, "code", N_("Every criterion needs a code"))
                    continue
                code = self._free_code(parent)
            node = _Node(r, code, parent, parent.depth + 1 if parent else 0)
            (parent.children if parent else top).append(node)
            open_rows.append(node)
            if r.get("code"):
                coded.setdefault(code, node)
                last_coded = node
            self.code_rows.setdefault(code, r.row)
        return top

    @staticmethod
    def _parent_by_code(code: str, coded: dict[str, _Node]) -> _Node | None:
        """The longest earlier code this one goes on from, whose row has no kind (a row
        with a kind is marked, not a group: A and A1 may both be marked). A code past the
        limit is refused later, and not searched."""
        if len(code) > limits.CODE:
            return None
        for n in range(len(code) - 1, 0, -1):
            found = coded.get(code[:n])
            if found is not None and not found.row.get("kind") and is_parent_code(found.code, code):
                return found
        return None

    def _free_code(self, parent: _Node) -> str:
        number = len(parent.children) + 1
        while f"{parent.code}.{number}" in self.code_rows:
            number += 1
        return f"{parent.code}.{number}"

    # Nodes into criteria ---------------------------------------------------------------------

    def criterion(self, node: _Node) -> Criterion:
        r = node.row
        name, weight = r.get("name"), self.number(r, "weight", "1")
        if node.children:
            known = len(self.problems)
            children = tuple(self.criterion(child) for child in node.children)
            group = Criterion(node.code, name, None, weight=weight, children=children)
            if r.get("kind"):
                self.problem(
                    r.row,
                    "kind",
                    N_("{code} has sub-criteria, so it takes no kind"),
                    code=node.code,
                )
            if len(self.problems) == known:  # a wrong child's total would be a false alarm
                self._check_group_max(r, group)
            return group
        kind = self.kind(r)
        max_points = self.number(r, "max_points", "")
        step = self.number(r, "step", DEFAULT_STEP)
        rule = None
        if kind is CriterionKind.MEASUREMENT:
            rule = MeasurementRule(
                self.mode(r),
                self.number(r, "target", "0"),
                self.number(r, "tolerance", "0"),
                self.number(r, "deduction", "0"),
                self.number(r, "unit", "1"),
            )
        else:
            for name_ in RULE_FIELDS:
                if r.get(name_):
                    self.problem(r.row, name_, N_("Only a measurement criterion has a rule"))
        return Criterion(node.code, name, kind, max_points, step, weight, rule)

    def _check_group_max(self, r: RubricRow, group: Criterion) -> None:
        written = r.get("max_points")
        if written:
            total = Rubric(group.children).max_total()
            # Weights make a total of more places than a mark has (0.5 × 0.001).
            value = self.number(r, "max_points", str(total), GROUP_PLACES)
            if value != total:
                self.problem(
                    r.row,
                    "max_points",
                    N_(
                        "{code}: max points {max} differ from its sub-criteria's total "
                        "{total} (or leave the cell blank)"
                    ),
                    code=group.code,
                    max=plain(value),
                    total=plain(total),
                )

    def number(
        self, r: RubricRow, name: str, fallback: str, places: int = limits.PLACES
    ) -> Decimal:
        text = r.get(name) or fallback
        if not text:
            self.problem(r.row, name, N_("This cell is required"))
            return Decimal(1)
        try:
            return parse_decimal(text, column_label(name), places)
        except UserError as error:
            self.problems.append(_placed(error, self.where(r.row, column_label(name))))
            return Decimal(1)

    def kind(self, r: RubricRow) -> CriterionKind:
        msgid = N_("{value} is not a kind; write one of {choices}")
        found = self._choice(r, "kind", self.kinds, KIND_LABELS.values(), msgid)
        return CriterionKind(found) if found else CriterionKind.JUDGEMENT

    def mode(self, r: RubricRow) -> MeasurementMode:
        msgid = N_("{value} is not a rule; write one of {choices}")
        found = self._choice(r, "mode", self.modes, MODE_LABELS.values(), msgid)
        return MeasurementMode(found) if found else MeasurementMode.DIRECT

    def _choice(
        self,
        r: RubricRow,
        column: str,
        known: dict[str, str],
        labels: Iterable[str],
        msgid: str,
    ) -> str | None:
        """The value a cell names (None when blank, or not one: then a problem)."""
        written = r.get(column)
        if not written:
            return None
        found = known.get(_key(written))
        if found is None:
            choices = "、".join(_(label) for label in labels)
            self.problem(r.row, column, msgid, value=written, choices=choices)
        return found

    # Checks of the whole ----------------------------------------------------------------------

    def check(self, part: str, rubric: Rubric, first_row: int) -> None:
        """The editor's checks (domain/rubric.py), each put on its row and column."""
        for p in rubric_problems(rubric.criteria):
            row = self.code_rows.get(p.code, first_row)
            column = PROBLEM_COLUMNS.get(p.field, "code")
            self.problems.append(_placed(p.error, self.where(row, column_label(column))))


def _placed(error: UserError, where: Location) -> UserError:
    """The same problem, said at ``where``."""
    return UserError(error.msgid, where=where, **error.params)


def read_table(rows: Sequence[RubricRow], where: Where, part_names: Sequence[str]) -> TableRubrics:
    """The rubric of each part named in ``rows`` (the event's ``part_names``), or
    ImportRejected with every problem found, each with its row and column."""
    reader = _Reader(where, part_names)
    parts: dict[str, Rubric] = {}
    part_rows: dict[str, int] = {}
    for part, part_rows_ in reader.by_part(rows).items():
        top = reader.tree(part_rows_)
        rubric = Rubric(tuple(reader.criterion(node) for node in top))
        parts[part], part_rows[part] = rubric, part_rows_[0].row
        reader.check(part, rubric, part_rows_[0].row)
    seen: dict[str, str] = {}
    for part, rubric in parts.items():
        for code in _codes(rubric.criteria):
            if seen.setdefault(code, part) != part:
                reader.problem(
                    reader.code_rows.get(code, 0),
                    "code",
                    N_("The code {code} is used in the parts {first} and {second}"),
                    code=code,
                    first=seen[code],
                    second=part,
                )
    if not rows:
        reader.problems.append(UserError("The rubric has no criteria", where=where(0, None)))
    if reader.problems:
        # In the file's order (they are found in passes: parts, tree, cells, checks).
        raise ImportRejected(sorted(reader.problems, key=_row_of))
    return TableRubrics(parts, part_rows, reader.code_rows)


def _row_of(problem: UserError) -> int:
    return problem.where.row or 0 if problem.where is not None else 0


def _codes(criteria: Sequence[Criterion]) -> Iterator[str]:
    for c in criteria:
        yield c.code
        yield from _codes(c.children)


@dataclass(frozen=True)
class PartImport:
    """What importing a table does to one part: its new rubric and what changes."""

    part: str
    rubric: Rubric
    changes: RubricChanges


def count_criteria(rubric: Rubric) -> int:
    """Criteria of every level, groups included: as many as the table has rows."""
    return sum(1 for _code in _codes(rubric.criteria))
