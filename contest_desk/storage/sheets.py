"""Judges' sheets as stored: their states, and the row of a judge in a round, shared by the
sheets' rules, discrepancies and double entry (below both, so neither imports the other)."""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from contest_desk.storage import models as m

DRAFT, SUBMITTED = "draft", "submitted"


def sheet_row(s: Session, round_id: int, judge_id: int) -> m.Sheet:
    """The sheet of a judge in a round, made (as a draft) the first time it is needed."""
    sheet = s.scalar(
        select(m.Sheet).where(m.Sheet.round_id == round_id, m.Sheet.judge_id == judge_id)
    )
    if sheet is None:
        sheet = m.Sheet(round_id=round_id, judge_id=judge_id, state=DRAFT)
        s.add(sheet)
        s.flush()
    return sheet


# Made once with parameters (every save asks it): cheaper than building it each time.
_STATE = select(m.Sheet.state).where(
    m.Sheet.round_id == bindparam("round"), m.Sheet.judge_id == bindparam("judge")
)


def sheet_state(s: Session, round_id: int, judge_id: int) -> str:
    state = s.scalar(_STATE, {"round": round_id, "judge": judge_id})
    return state or DRAFT
