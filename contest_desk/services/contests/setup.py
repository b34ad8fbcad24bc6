"""Setting up contests: contests, events, parts, rounds, rubrics and event settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from contest_desk.domain import limits
from contest_desk.domain.contest import ContestKind, ContestStatus, EventMode, check_status_move
from contest_desk.domain.permissions import Action
from contest_desk.domain.ranking import rename_parts
from contest_desk.domain.records.contests import ContestInfo, EventInfo, EventSettings
from contest_desk.domain.records.versioned import CONTEST_FIELDS, EVENT_FIELDS
from contest_desk.domain.rubric import Rubric, rubric_problems
from contest_desk.domain.rubric_changes import RubricChanges
from contest_desk.domain.settings_codec import (
    award_rule_to_dict,
    tie_breaks_from_list,
    tie_breaks_to_list,
)
from contest_desk.errors import NotFound, UserError
from contest_desk.i18n import N_, _
from contest_desk.services.contests.rubric_store import (
    get_part,
    refuse_stale_rubric,
    replace_rubric,
    rubric_changes,
)
from contest_desk.services.context import ServiceContext
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.mapping import (
    contest_info,
    event_info,
    get_event,
    rubric_of,
)
from contest_desk.storage.versions import locked_or_missing, refuse_stale_read

# Part names are stored in the language the organizer works in (see ``default_parts``).
DEFAULT_PART_WEIGHTS = ((N_("Theory"), Decimal("0.3")), (N_("Practical"), Decimal("0.7")))


def default_parts() -> tuple[tuple[str, Decimal], ...]:
    """Theory 30 % and practical 70 %, the national rule's split, named in the current language."""
    return tuple((_(name), weight) for name, weight in DEFAULT_PART_WEIGHTS)


def _get_contest(session: Session, contest_id: int) -> m.Contest:
    contest = session.get(m.Contest, contest_id)
    if contest is None:
        raise NotFound("There is no contest {id}", id=contest_id)
    return contest


def _event_as_read(s: Session, event_id: int, read: EventInfo | None) -> m.Event:
    """The event, locked for the transaction; refused (StaleEdit) when ``read``, the event
    as a form read it, is no longer what is stored in a field the form shows."""
    event = locked_or_missing(s, m.Event, event_id, "There is no event {id}")
    if read is not None:
        now = event_info(event)
        refuse_stale_read(s, _("This event"), read, now, EVENT_FIELDS, f"event:{event_id}")
    return event


def _check_weights(kind: str, weights: Sequence[Decimal]) -> None:
    if any(w <= 0 for w in weights):
        raise UserError("Every {kind} weight must be above 0", kind=kind)


class ContestService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # Contests ------------------------------------------------------------------

    @requires(Action.VIEW_SETUP)
    def contests(self) -> list[ContestInfo]:
        with self.ctx.db.reading() as s:
            rows = s.scalars(select(m.Contest).order_by(m.Contest.id.desc()))
            return [contest_info(c) for c in rows]

    @requires(Action.VIEW_SETUP)
    def contest(self, contest_id: int) -> ContestInfo:
        with self.ctx.db.reading() as s:
            return contest_info(_get_contest(s, contest_id))

    @requires(Action.EDIT_SETUP)
    def create_contest(
        self,
        name: str,
        kind: ContestKind = ContestKind.SKILL,
        start_date: dt.date | None = None,
        end_date: dt.date | None = None,
        organizer: str = "",
    ) -> ContestInfo:
        name = name.strip()
        if not name:
            raise UserError("A contest needs a name")
        self._check_dates(start_date, end_date)
        with self.ctx.db.transaction() as s:
            contest = m.Contest(
                name=name,
                kind=kind.value,
                status=ContestStatus.DRAFT.value,
                start_date=start_date,
                end_date=end_date,
                organizer=organizer,
            )
            s.add(contest)
            s.flush()
            self.ctx.audit(s, "contest.create", f"contest:{contest.id}", name=name)
            return contest_info(contest)

    @requires(Action.EDIT_SETUP)
    def copy_contest(
        self,
        source_id: int,
        name: str,
        start_date: dt.date | None = None,
        end_date: dt.date | None = None,
    ) -> ContestInfo:
        """以此为模板新建竞赛: a draft contest with the source's events, parts, rounds,
        rubrics, settings (award rules, tie-breaks), judges with their panels and
        conflicts, certificate templates and labor indicators; no entries, teams, draws,
        scores or times. All of it, or nothing."""
        name = name.strip()
        if not name:
            raise UserError("A contest needs a name")
        limits.check_text(name, limits.TITLE, _("Contest name"))
        self._check_dates(start_date, end_date)
        # Imported here: the copy goes through the contest file's checks (jsonschema),
        # which a command that only lists contests should not wait to load.
        from contest_desk.services.contests import copying

        with self.ctx.db.transaction() as s:
            contest = copying.copy_contest(s, source_id, name, start_date, end_date)
            self.ctx.audit(s, "contest.copy", f"contest:{contest.id}", source=source_id, name=name)
            return contest_info(contest)

    @requires(Action.EDIT_SETUP)
    def update_contest(
        self,
        contest_id: int,
        name: str,
        start_date: dt.date | None,
        end_date: dt.date | None,
        organizer: str,
        read: ContestInfo | None = None,
    ) -> ContestInfo:
        """Save the contest's form. ``read``: the contest as the form read it; a save after
        another desk changed what the form shows is refused (StaleEdit), changing nothing."""
        if not name.strip():
            raise UserError("A contest needs a name")
        self._check_dates(start_date, end_date)
        with self.ctx.db.transaction() as s:
            contest = locked_or_missing(s, m.Contest, contest_id, "There is no contest {id}")
            if read is not None:
                now, target = contest_info(contest), f"contest:{contest_id}"
                refuse_stale_read(s, _("This contest"), read, now, CONTEST_FIELDS, target)
            contest.name, contest.organizer = name.strip(), organizer
            contest.start_date, contest.end_date = start_date, end_date
            self.ctx.audit(s, "contest.update", f"contest:{contest_id}", name=name)
            s.flush()
            return contest_info(contest)

    @requires(Action.EDIT_SETUP)
    def set_status(self, contest_id: int, status: ContestStatus) -> ContestInfo:
        with self.ctx.db.transaction() as s:
            contest = _get_contest(s, contest_id)
            old = ContestStatus(contest.status)
            check_status_move(old, status)
            contest.status = status.value
            self.ctx.audit(
                s, "contest.status", f"contest:{contest_id}", old=old.value, new=status.value
            )
            return contest_info(contest)

    @staticmethod
    def _check_dates(start: dt.date | None, end: dt.date | None) -> None:
        if start and end and end < start:
            raise UserError(
                "The end date {end} is before the start date {start}", start=start, end=end
            )

    # Events --------------------------------------------------------------------

    @requires(Action.VIEW_SETUP)
    def events(self, contest_id: int) -> list[EventInfo]:
        with self.ctx.db.reading() as s:
            return [event_info(e) for e in _get_contest(s, contest_id).events]

    @requires(Action.VIEW_SETUP)
    def event(self, event_id: int) -> EventInfo:
        with self.ctx.db.reading() as s:
            return event_info(get_event(s, event_id))

    @requires(Action.EDIT_SETUP)
    def create_event(
        self,
        contest_id: int,
        name: str,
        mode: EventMode = EventMode.INDIVIDUAL,
        parts: Sequence[tuple[str, Decimal]] | None = None,
        settings: EventSettings | None = None,
    ) -> EventInfo:
        """A new event with its parts and one round, ready for a rubric per part."""
        name = name.strip()
        if not name:
            raise UserError("An event needs a name")
        parts = default_parts() if parts is None else parts
        if not parts:
            raise UserError("An event needs at least one part")
        _check_weights("part", [w for _, w in parts])
        with self.ctx.db.transaction() as s:
            contest = _get_contest(s, contest_id)
            if s.scalar(
                select(m.Event).where(m.Event.contest_id == contest_id, m.Event.name == name)
            ):
                raise UserError("The contest already has an event named {name}", name=name)
            event = m.Event(contest_id=contest.id, name=name, mode=mode.value)
            self._apply_settings(event, settings or EventSettings())
            event.parts = [
                m.Part(name=pname, weight=weight, position=i)
                for i, (pname, weight) in enumerate(parts)
            ]
            event.rounds = [
                m.Round(number=1, name=_("Round {number}", number=1), weight=Decimal(1))
            ]
            s.add(event)
            s.flush()
            self.ctx.audit(s, "event.create", f"event:{event.id}", name=name)
            return event_info(event)

    @requires(Action.EDIT_SETUP)
    def update_event(
        self, event_id: int, name: str, settings: EventSettings, read: EventInfo | None = None
    ) -> EventInfo:
        """Save the event's name and settings. ``read``: the event as the form read it; a
        save after another desk changed them is refused (StaleEdit), changing nothing."""
        if not name.strip():
            raise UserError("An event needs a name")
        with self.ctx.db.transaction() as s:
            event = _event_as_read(s, event_id, read)
            event.name = name.strip()
            self._apply_settings(event, settings)
            self.ctx.audit(s, "event.update", f"event:{event_id}", name=name)
            s.flush()
            return event_info(event)

    @staticmethod
    def _apply_settings(event: m.Event, settings: EventSettings) -> None:
        if settings.judges_per_entry < 1:
            raise UserError("An event needs at least one judge per entry")
        if not 0 <= settings.places <= 3:
            raise UserError("Totals can be shown with 0 to 3 decimal places")
        settings.aggregation.check_panel(settings.judges_per_entry)
        if settings.award_rule is not None:
            settings.award_rule.check()
        event.aggregation = settings.aggregation.method.value
        event.trim = settings.aggregation.trim
        event.judges_per_entry = settings.judges_per_entry
        event.places = settings.places
        event.tie_breaks = tie_breaks_to_list(settings.tie_breaks)
        event.award_rule = award_rule_to_dict(settings.award_rule)
        if not 0 < settings.discrepancy_threshold <= 1:
            raise UserError("The discrepancy threshold is a share above 0 % and up to 100 %")
        event.discrepancy = settings.discrepancy_threshold

    @requires(Action.EDIT_SETUP)
    def set_parts(
        self,
        event_id: int,
        parts: Sequence[tuple[str, Decimal]],
        ids: Sequence[int | None] | None = None,
        read: EventInfo | None = None,
    ) -> EventInfo:
        """Reweight, reorder, rename, add or remove parts.

        ``read``: the event as the form read it (see ``update_event``).

        ``ids`` says which stored part each row is (None for a new one), so a renamed part
        keeps its rubric, its scores and the tie-breaks that name it. Without ``ids`` (the
        command line, contest files) parts are matched by name. A part with scored
        criteria cannot be removed.
        """
        if not parts:
            raise UserError("An event needs at least one part")
        names = [n.strip() for n, _ in parts]
        if len(set(names)) != len(names) or not all(names):
            raise UserError("Part names must be present and different")
        _check_weights("part", [w for _, w in parts])
        with self.ctx.db.transaction() as s:
            event = _event_as_read(s, event_id, read)
            by_id = {p.id: p for p in event.parts}
            if ids is None:
                by_name = {p.name: p.id for p in event.parts}
                ids = [by_name.get(name) for name in names]
            if len(ids) != len(names):
                raise ValueError("one id per part, None for a new one")
            kept = [i for i in ids if i is not None]
            for part_id in kept:
                if part_id not in by_id or kept.count(part_id) > 1:
                    raise NotFound("There is no part {id}", id=part_id)
            for part_id, part in by_id.items():
                if part_id not in kept:
                    if self._scored(s, [c.id for c in part.criteria]):
                        raise UserError("The part {name} already has scores", name=part.name)
                    s.delete(part)
            renamed = {
                by_id[i].name: name
                for i, name in zip(ids, names, strict=True)
                if i is not None and by_id[i].name != name
            }
            for part_id in kept:  # names are unique per event: step aside before swapping
                if by_id[part_id].name in renamed:
                    by_id[part_id].name = f"~{part_id}"
            s.flush()
            for i, (name, weight) in enumerate(zip(names, [w for _, w in parts], strict=True)):
                row_id = ids[i]
                part = by_id[row_id] if row_id is not None else m.Part(event_id=event_id)
                part.name, part.weight, part.position = name, weight, i
                s.add(part)
            if renamed:
                old = tie_breaks_from_list(event.tie_breaks)
                event.tie_breaks = tie_breaks_to_list(rename_parts(old, renamed))
            self.ctx.audit(
                s,
                "event.parts",
                f"event:{event_id}",
                parts=[[n, str(w)] for n, w in parts],
                renamed=renamed,
            )
            flag_modified(event, "name")  # the parts are the event's: its version moves
            s.flush()
            s.expire(event)
            return event_info(event)

    @requires(Action.EDIT_SETUP)
    def set_rounds(
        self,
        event_id: int,
        rounds: Sequence[tuple[str, Decimal]],
        read: EventInfo | None = None,
    ) -> EventInfo:
        """Rounds numbered 1… in order, with their weight in the event total. ``read``:
        the event as the form read it (see ``update_event``)."""
        if not rounds:
            raise UserError("An event needs at least one round")
        _check_weights("round", [w for _, w in rounds])
        with self.ctx.db.transaction() as s:
            event = _event_as_read(s, event_id, read)
            existing = {r.number: r for r in event.rounds}
            for number, rnd in existing.items():
                if number > len(rounds):
                    has_scores = s.scalar(select(func.count()).where(m.Score.round_id == rnd.id))
                    if has_scores:
                        raise UserError("Round {number} already has scores", number=number)
                    s.delete(rnd)
            for number, (rname, weight) in enumerate(rounds, start=1):
                rnd = existing.get(number) or m.Round(event_id=event_id, number=number)
                rnd.name, rnd.weight = rname.strip() or _("Round {number}", number=number), weight
                s.add(rnd)
            self.ctx.audit(
                s, "event.rounds", f"event:{event_id}", rounds=[[n, str(w)] for n, w in rounds]
            )
            flag_modified(event, "name")  # the rounds are the event's: its version moves
            s.flush()
            s.expire(event)
            return event_info(event)

    # Rubrics -------------------------------------------------------------------

    @requires(Action.VIEW_SETUP)
    def rubric(self, part_id: int) -> Rubric:
        with self.ctx.db.reading() as s:
            return rubric_of(get_part(s, part_id).criteria)

    @requires(Action.EDIT_SETUP)
    def rubric_changes(self, part_id: int, rubric: Rubric) -> RubricChanges:
        """What saving ``rubric`` would change, with the stored scores each change touches
        and the changes that would be refused: for the editor to warn before it saves."""
        with self.ctx.db.reading() as s:
            return rubric_changes(s, get_part(s, part_id), rubric)

    @requires(Action.EDIT_SETUP)
    def save_rubric(self, part_id: int, rubric: Rubric, read: Rubric | None = None) -> Rubric:
        """Replace a part's criteria tree after checking it.

        Criteria keep their identity by code, so scores stay attached; a change that
        would leave stored scores wrong is refused (a scored criterion removed, grouped,
        given another kind, or a max or step its scores do not fit). The audit row keeps
        every change. ``read``: the rubric the editor's draft started from; when another
        desk saved the part's rubric since, the save is refused (StaleEdit) naming what
        they changed, and nothing is written.
        """
        problems = rubric_problems(rubric.criteria)
        if problems:
            raise problems[0].error
        with self.ctx.db.transaction() as s:
            part = locked_or_missing(s, m.Part, part_id, "There is no part {id}")
            if read is not None:
                refuse_stale_rubric(s, part, read)
            replace_rubric(s, self.ctx, part, rubric)
            return rubric_of(part.criteria)

    @staticmethod
    def _scored(s: Session, criterion_ids: Sequence[int]) -> bool:
        if not criterion_ids:
            return False
        count = s.scalar(select(func.count()).where(m.Score.criterion_id.in_(criterion_ids)))
        return bool(count)
