"""Values keyed a second time (re-check, double entry), kept beside the marks they check."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_desk.storage import models as m


def keep_keyed(
    s: Session,
    purpose: str,
    ref_id: int,
    cell: tuple[int, int, int],
    value: Decimal,
    keyed_by: str,
) -> None:
    """Store (or replace) the value keyed for (entry id, criterion id, judge id)."""
    entry_id, criterion_id, judge_id = cell
    row = s.scalar(
        select(m.KeyedValue).where(
            m.KeyedValue.purpose == purpose,
            m.KeyedValue.ref_id == ref_id,
            m.KeyedValue.entry_id == entry_id,
            m.KeyedValue.criterion_id == criterion_id,
            m.KeyedValue.judge_id == judge_id,
        )
    )
    if row is None:
        s.add(
            m.KeyedValue(
                purpose=purpose,
                ref_id=ref_id,
                entry_id=entry_id,
                criterion_id=criterion_id,
                judge_id=judge_id,
                value=value,
                keyed_by=keyed_by,
            )
        )
    else:
        row.value, row.keyed_by = value, keyed_by
