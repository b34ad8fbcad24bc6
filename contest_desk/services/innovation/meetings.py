"""On-site experience exchange meetings (现场经验交流会): host, date, place, topic,
attendees, the achievements presented, notes and photos (attachments)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select

from contest_desk.domain.permissions import Action
from contest_desk.domain.records.innovation import MeetingInfo
from contest_desk.errors import UserError
from contest_desk.services.context import ServiceContext
from contest_desk.services.innovation.achievements import get_achievement, get_studio, persons_named
from contest_desk.services.innovation.attachments import add_attachment, attachment_info, files_root
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m


class MeetingService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.EDIT_INNOVATION)
    def add_meeting(
        self,
        held_on: dt.date,
        host_studio_id: int,
        place: str,
        topic: str,
        attendees: Sequence[str] = (),
        achievement_ids: Sequence[int] = (),
        notes: str = "",
        photos: Sequence[str | Path] = (),
    ) -> int:
        """A meeting; attendees by employee number; photos attached as files."""
        if not place.strip() or not topic.strip():
            raise UserError("A meeting needs its place and topic")
        for photo in photos:
            if not Path(photo).is_file():
                raise UserError("There is no file {file}", file=str(photo))
        with self.ctx.db.transaction() as s:
            get_studio(s, host_studio_id)
            people = persons_named(s, attendees)
            for achievement_id in achievement_ids:
                get_achievement(s, achievement_id)
            row = m.Meeting(
                held_on=held_on,
                host_studio_id=host_studio_id,
                place=place.strip(),
                topic=topic.strip(),
                notes=notes.strip(),
            )
            s.add(row)
            s.flush()
            s.add_all(m.MeetingAttendee(meeting_id=row.id, person_id=p.id) for p in people)
            s.add_all(
                m.MeetingAchievement(meeting_id=row.id, achievement_id=a) for a in achievement_ids
            )
            for photo in photos:
                add_attachment(self.ctx, s, "meeting", row.id, Path(photo))
            self.ctx.audit(s, "meeting.add", f"meeting:{row.id}", topic=topic.strip())
            return row.id

    @requires(Action.VIEW_RESULTS)
    def meetings(self, studio_id: int | None = None) -> list[MeetingInfo]:
        root = files_root(self.ctx.db)
        with self.ctx.db.reading() as s:
            query = select(m.Meeting).order_by(m.Meeting.held_on)
            if studio_id is not None:
                query = query.where(m.Meeting.host_studio_id == studio_id)
            out = []
            for row in s.scalars(query):
                attendees = s.scalars(
                    select(m.Person.name)
                    .join(m.MeetingAttendee, m.MeetingAttendee.person_id == m.Person.id)
                    .where(m.MeetingAttendee.meeting_id == row.id)
                    .order_by(m.MeetingAttendee.id)
                )
                shown = s.scalars(
                    select(m.Achievement.title)
                    .join(
                        m.MeetingAchievement,
                        m.MeetingAchievement.achievement_id == m.Achievement.id,
                    )
                    .where(m.MeetingAchievement.meeting_id == row.id)
                    .order_by(m.MeetingAchievement.id)
                )
                photos = s.scalars(
                    select(m.Attachment).where(
                        m.Attachment.owner_kind == "meeting", m.Attachment.owner_id == row.id
                    )
                )
                host = get_studio(s, row.host_studio_id).name
                out.append(
                    MeetingInfo(
                        row.id,
                        row.held_on,
                        host,
                        row.place,
                        row.topic,
                        row.notes,
                        tuple(attendees),
                        tuple(shown),
                        tuple(attachment_info(root, p) for p in photos),
                    )
                )
            return out
