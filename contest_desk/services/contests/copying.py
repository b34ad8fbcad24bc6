"""以此为模板新建竞赛: a new contest set up like an existing one, without its people or marks.

The set-up travels the way a contest file does (transfer.export_contest, then the
importer that checks and writes it), with what belongs to last year taken out: entries,
teams, draws, scores and times. What the file does not carry is copied row by row: the
judges' trainee flags and declared conflicts, the certificate templates, and a labor
competition's indicators and award rule.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_desk.domain.contest import ContestStatus
from contest_desk.errors import ImportRejected
from contest_desk.services.contests.contest_file import Data, check_contest_file
from contest_desk.services.contests.transfer import export_contest
from contest_desk.services.contests.transfer_import import ContestImporter
from contest_desk.storage import models as m


def setup_only(data: Data, name: str, start: dt.date | None, end: dt.date | None) -> Data:
    """A contest file's data cut down to its set-up, under a new name and dates, as a draft.

    Judges keep their panels (the same user names log in again); the rounds are open.
    """
    contest = data["contest"] | {
        "name": name,
        "status": ContestStatus.DRAFT.value,
        "start_date": start.isoformat() if start else None,
        "end_date": end.isoformat() if end else None,
    }
    events = [
        event
        | {
            "entries": [],
            "scores": [],
            "timings": [],
            "rounds": [r | {"closed": False} for r in event["rounds"]],
        }
        for event in data["events"]
    ]
    judge_units = {j["unit"] for j in data["judges"] if j["unit"]}
    return data | {
        "contest": contest,
        "units": sorted(judge_units),
        "persons": [],
        "teams": [],
        "events": events,
        "certificate_public_key": None,  # the new contest signs its certificates anew
    }


def _clone(row: Any, **changes: Any) -> Any:
    """A new row of the same table with the same columns, but for its id and ``changes``."""
    columns = {c.key: getattr(row, c.key) for c in row.__table__.columns if c.key != "id"}
    return type(row)(**(columns | changes))


def _copy_rows(s: Session, model: Any, source_id: int, target_id: int) -> None:
    query = select(model).where(model.contest_id == source_id).order_by(model.id)
    for row in list(s.scalars(query)):
        s.add(_clone(row, contest_id=target_id))


def _copy_judges_extras(s: Session, source_id: int, target_id: int) -> None:
    """Trainee flags and declared conflicts (回避), judge by judge (matched by user name)."""
    new = {j.username: j for j in s.scalars(select(m.Judge).where(m.Judge.contest_id == target_id))}
    for old in s.scalars(select(m.Judge).where(m.Judge.contest_id == source_id)):
        judge = new[old.username]
        judge.trainee = old.trainee
        for conflict in s.scalars(select(m.Conflict).where(m.Conflict.judge_id == old.id)):
            s.add(_clone(conflict, judge_id=judge.id))


def copy_contest(
    s: Session, source_id: int, name: str, start: dt.date | None, end: dt.date | None
) -> m.Contest:
    """Write the copy in ``s``; every problem at once as ImportRejected, nothing kept."""
    data = setup_only(export_contest(s, source_id), name, start, end)
    check_contest_file(data)
    importer = ContestImporter(s)
    contest = importer.run(data)
    if importer.problems:
        raise ImportRejected(importer.problems)
    source = s.get(m.Contest, source_id)
    assert source is not None  # export_contest found it
    contest.award_rule = source.award_rule
    _copy_judges_extras(s, source_id, contest.id)
    for model in (m.CertificateTemplate, m.LaborIndicator):
        _copy_rows(s, model, source_id, contest.id)
    s.flush()
    return contest
