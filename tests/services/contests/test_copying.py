"""copying.py: 以此为模板新建竞赛 copies last year's set-up and none of its people."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from contest_desk.domain.contest import ContestKind, ContestStatus
from contest_desk.domain.permissions import Actor, Role
from contest_desk.errors import ImportRejected, PermissionDenied, UserError
from contest_desk.services.certificates.issuing import BUILT_IN
from contest_desk.services.demo.build import CONTEST_NAME
from contest_desk.services.demo.labor import LABOR_NAME
from contest_desk.services.hub import Services
from contest_desk.storage import models as m

NEW = "2027年采油厂职工技能比武"


@pytest.fixture
def demo(demo_copy: str) -> Iterator[Services]:
    services = Services.open(demo_copy)
    yield services
    services.ctx.db.dispose()


def contest_named(services: Services, name: str) -> int:
    (found,) = [c.id for c in services.contests.contests() if c.name == name]
    return found


def counted(services: Services, model: type[m.Base], contest_id: int) -> int:
    """Rows of ``model`` under the contest's events (entries, rounds…) or the contest itself."""
    with services.ctx.db.reading() as s:
        if hasattr(model, "contest_id"):
            query = select(func.count()).select_from(model).where(model.contest_id == contest_id)
        else:
            events = select(m.Event.id).where(m.Event.contest_id == contest_id)
            query = select(func.count()).select_from(model).where(model.event_id.in_(events))
        return s.scalar(query) or 0


def test_the_copy_has_the_set_up_and_none_of_the_people_or_marks(demo: Services) -> None:
    source = contest_named(demo, CONTEST_NAME)
    copy = demo.contests.copy_contest(source, f"  {NEW} ", dt.date(2027, 5, 11), None)

    assert (copy.name, copy.kind, copy.status) == (NEW, ContestKind.SKILL, ContestStatus.DRAFT)
    assert (copy.start_date, copy.end_date) == (dt.date(2027, 5, 11), None)
    old_events, new_events = demo.contests.events(source), demo.contests.events(copy.id)
    assert [e.name for e in new_events] == [e.name for e in old_events]
    for old, new in zip(old_events, new_events, strict=True):
        # Parts with their rubrics, rounds, award rule, tie-breaks, aggregation: all alike.
        assert [(p.name, p.weight) for p in new.parts] == [(p.name, p.weight) for p in old.parts]
        for old_part, new_part in zip(old.parts, new.parts, strict=True):
            assert demo.contests.rubric(new_part.id) == demo.contests.rubric(old_part.id)
        assert [(r.number, r.name, r.weight) for r in new.rounds] == [
            (r.number, r.name, r.weight) for r in old.rounds
        ]
        assert new.settings == old.settings
        assert [j.username for j in demo.roster.panel(new.id)] == [
            j.username for j in demo.roster.panel(old.id)
        ]
        assert demo.roster.entries(new.id) == []
    assert [j.username for j in demo.roster.judges(copy.id)] == [
        j.username for j in demo.roster.judges(source)
    ]
    for model in (m.Entry, m.Team, m.Ladder):
        assert counted(demo, model, copy.id) == 0, model
    with demo.ctx.db.reading() as s:
        rounds = select(m.Round.id).join(m.Event).where(m.Event.contest_id == copy.id)
        for model in (m.Score, m.Draw, m.Timing):
            assert s.scalar(select(func.count()).where(model.round_id.in_(rounds))) == 0
        closed = m.Round.closed_at.is_not(None)
        assert s.scalar(select(func.count()).where(closed, m.Round.id.in_(rounds))) == 0
    # The source is untouched: its entries are still there.
    assert counted(demo, m.Entry, source) > 0
    (audit,) = [r for r in demo.audit.records() if r.action == "contest.copy"]
    assert audit.target == f"contest:{copy.id}"


def test_certificate_templates_conflicts_and_trainees_come_along(demo: Services) -> None:
    source = contest_named(demo, CONTEST_NAME)
    own = replace(next(iter(BUILT_IN.values())), name="本厂横版")
    demo.certificates.save_template(source, own)
    judges = demo.roster.judges(source)
    person = demo.roster.persons()[0]
    demo.assignments.declare_conflict(judges[0].id, person.id, "亲属")
    with demo.ctx.db.transaction() as s:
        s.get(m.Judge, judges[1].id).trainee = True  # type: ignore[union-attr]

    copy = demo.contests.copy_contest(source, NEW)

    assert demo.certificates.templates(copy.id)["本厂横版"] == own
    new_judges = {j.username: j for j in demo.roster.judges(copy.id)}
    with demo.ctx.db.reading() as s:
        judge_id = new_judges[judges[0].username].id
        conflict = s.scalars(select(m.Conflict).where(m.Conflict.judge_id == judge_id)).one()
        assert (conflict.person_id, conflict.note) == (person.id, "亲属")
        assert s.get(m.Judge, new_judges[judges[1].username].id).trainee  # type: ignore[union-attr]


def test_a_labor_competition_keeps_its_indicators_and_award_rule(demo: Services) -> None:
    source = contest_named(demo, LABOR_NAME)
    copy = demo.contests.copy_contest(source, "2027年上半年原油上产劳动竞赛")
    assert copy.kind == ContestKind.LABOR
    assert demo.labor.indicators(copy.id) == demo.labor.indicators(source)
    assert demo.labor.award_rule(copy.id) == demo.labor.award_rule(source)
    assert demo.labor.award_rule(copy.id) is not None
    assert demo.labor.teams(copy.id) == []


def test_bad_input_and_other_roles_are_refused_and_nothing_is_written(demo: Services) -> None:
    source = contest_named(demo, CONTEST_NAME)
    before = len(demo.contests.contests())
    refusals = []
    for name, start, end in (
        ("  ", None, None),
        (NEW, dt.date(2027, 5, 12), dt.date(2027, 5, 11)),
        ("竞" * 201, None, None),
    ):
        with pytest.raises(UserError) as refused:
            demo.contests.copy_contest(source, name, start, end)
        refusals.append(refused.value.msgid)
    assert refusals == [
        "A contest needs a name",
        "The end date {end} is before the start date {start}",
        "{field} is longer than {limit} characters ({length}): {start}…",
    ]
    with pytest.raises(UserError) as refused:
        demo.contests.copy_contest(99999, NEW)
    assert refused.value.msgid == "There is no contest {id}"
    chief = demo.as_user(Actor("chief", frozenset({Role.CHIEF_JUDGE})))
    with pytest.raises(PermissionDenied):
        chief.contests.copy_contest(source, NEW)
    assert len(demo.contests.contests()) == before
    assert not [r for r in demo.audit.records() if r.action == "contest.copy"]


def test_a_problem_half_way_leaves_nothing(demo: Services, monkeypatch) -> None:
    """All or nothing: a failure after the events are written rolls the whole copy back."""
    from contest_desk.services.contests import copying

    source = contest_named(demo, CONTEST_NAME)

    def rows() -> dict[str, int]:
        with demo.ctx.db.reading() as s:
            return {
                model.__tablename__: s.scalar(select(func.count()).select_from(model)) or 0
                for model in (m.Contest, m.Event, m.Part, m.Criterion, m.Round, m.Judge)
            }

    before = rows()

    def broken(*_args: object) -> None:
        raise ImportRejected([UserError("{path}: broken", path="$.judges")])

    monkeypatch.setattr(copying, "_copy_judges_extras", broken)
    with pytest.raises(ImportRejected):
        demo.contests.copy_contest(source, NEW)
    assert rows() == before


def test_a_scored_event_copies_on_both_databases(services: Services, small_event) -> None:
    """SQLite and PostgreSQL: the set-up of a scored event, none of its entries or marks."""
    source = small_event.event
    copy = services.contests.copy_contest(source.contest_id, "下一届", None, dt.date(2027, 1, 1))
    (event,) = services.contests.events(copy.id)
    assert (event.name, event.settings) == (source.name, source.settings)
    assert services.contests.rubric(event.parts[0].id) == services.contests.rubric(
        source.parts[0].id
    )
    assert [j.username for j in services.roster.panel(event.id)] == [
        j.username for j in services.roster.panel(source.id)
    ]
    assert services.roster.entries(event.id) == []
    assert counted(services, m.Entry, source.contest_id) == len(small_event.entries)
