"""What a clerk reads in place of a raw identifier: file sizes with their unit, built-in
certificate templates by their names, the people behind account names, judges told
apart by their unit, and the rows of a round that has not been drawn yet."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Protocol

from contest_desk.domain.permissions import SYSTEM
from contest_desk.i18n import N_, _

# The built-in templates' ids (domain/certificates.BUILT_IN) are kept in the database and
# typed on the command line; people see these names.
TEMPLATE_NAMES = {
    "landscape": N_("Landscape (A4 across)"),
    "portrait": N_("Portrait (A4 upright)"),
}

_UNITS = (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024))
# A round with no draw names its entries "#1", "#2"… by their place in the entry list
# (services/contests/draws.blind); a drawn code is zero-padded to three digits or more.
_STAND_IN = re.compile(r"#([1-9][0-9]*)")


def file_size(size: int) -> str:
    """52 字节, 1.2 KB, 3.4 MB: a size as people read it, one decimal at most."""
    for n, (unit, scale) in enumerate(_UNITS):
        if size >= scale:
            tenths = (size * 10 + scale // 2) // scale  # half up, in whole numbers
            if tenths >= 10240 and n:  # 1023.96 KB rounds to 1024.0 KB: that is 1 MB
                return f"1 {_UNITS[n - 1][0]}"
            whole, tenth = divmod(tenths, 10)
            return f"{whole}.{tenth} {unit}" if tenth else f"{whole} {unit}"
    return _("{n} bytes", n=size)


def template_name(template: str) -> str:
    """A built-in template by its name (横版（A4 横向）); a contest's own as it was saved."""
    known = TEMPLATE_NAMES.get(template)
    return _(known) if known else template


def actor_name(username: str, names: Mapping[str, str]) -> str:
    """Who did something: the person's name from ``names`` (account → name), 系统（自动）
    for the program's own work, the account name only when no account has it any more."""
    if not username:
        return "—"
    if username == SYSTEM.username:
        return _("System (automatic)")
    return names.get(username) or username


class Named(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def name(self) -> str: ...

    @property
    def unit(self) -> str: ...


def judge_labels(judges: Sequence[Named]) -> dict[int, str]:
    """Each judge's label in a list: the name alone, with the unit where two share a name,
    and a number by id where they share the unit too — never the account name."""
    names = Counter(j.name for j in judges)
    same_unit = Counter((j.name, j.unit) for j in judges)
    seen: Counter[tuple[str, str]] = Counter()
    labels: dict[int, str] = {}
    for judge in sorted(judges, key=lambda j: j.id):
        key = (judge.name, judge.unit)
        seen[key] += 1
        if names[judge.name] == 1:
            labels[judge.id] = judge.name
            continue
        detail = judge.unit
        if same_unit[key] > 1:
            number = _("no. {n}", n=seen[key])
            detail = _("{unit}, {number}", unit=detail, number=number) if detail else number
        labels[judge.id] = _("{name} ({detail})", name=judge.name, detail=detail)
    return labels


def undrawn_place(code: str) -> int | None:
    """The entry's place in the list when ``code`` stands in for a code not drawn yet."""
    found = _STAND_IN.fullmatch(code)
    return int(found.group(1)) if found else None
