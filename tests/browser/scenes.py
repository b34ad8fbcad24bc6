"""The demo's contest day as the browser tests and the README's pictures meet it: a judge's
drawn sheet nearly filled, and a round one lock away from the hall's screen."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from contest_desk.domain.permissions import Actor, Role
from contest_desk.domain.records.contests import ScoreSheet
from contest_desk.services.demo.build import demo_password
from contest_desk.services.hub import Services

JUDGE = "judge1"
CHIEF = "chief"
# The demo's event its judges have not marked yet: drawn, so the sheet holds codes.
DRAWN_EVENT = "仪表维修工技能比武"
# Events whose five sheets are full: the chief judge can sign them and lock the round.
TEAM_EVENT = "采油班组团体赛"
INDIVIDUAL_EVENT = "采油工技能比武"
TEAM_NAMES = frozenset({"采油一区代表队", "采油二区代表队", "采油三区代表队"})


def event_id(hub: Services, name: str) -> int:
    contest = hub.contests.contests()
    return next(e.id for c in contest for e in hub.contests.events(c.id) if e.name == name)


def as_user(hub: Services, username: str, *roles: Role) -> Services:
    return hub.as_user(Actor(username, frozenset(roles)))


@dataclass(frozen=True)
class JudgeScene:
    """Judge ``judge1``'s sheet in the drawn event: every entry marked but the last
    ``open_entries``, whose cells the browser keys."""

    event_id: int
    judge_id: int
    judge: Services
    desk: Services  # the desk's own services (the audit trail is not the judge's to read)
    open_entries: tuple[int, ...]  # entry ids, in the sheet's (drawn) order
    codes: tuple[str, ...]  # the judgement criteria a judge marks, in rubric order
    max_points: dict[str, Decimal]

    def sheet(self) -> ScoreSheet:
        return self.judge.scoring.sheet(self.event_id, 1, self.judge_id)

    def stored(self, entry: int, code: str) -> Decimal | None:
        return self.sheet().values.get((entry, code))

    def saves(self, entry: int) -> list[tuple[str, str | None]]:
        """This judge's saves of an entry's cells (criterion, new value), oldest first, as
        the audit trail has them."""
        rows = self.desk.audit.records(targets=(f"entry:{entry}",), actor=JUDGE)
        return [
            (str(r.detail.get("criterion")), r.detail.get("new"))
            for r in reversed(rows)
            if r.action == "score.record"
        ]

    def audited(self, entry: int, code: str) -> list[str | None]:
        """The new values of the audit rows of this judge's saves of one cell, oldest first."""
        return [new for criterion, new in self.saves(entry) if criterion == code]


def judge_scene(hub: Services, open_entries: int | None = 1) -> JudgeScene:
    """Fill judge1's drawn sheet through the services but for its last ``open_entries``
    (None: leave every entry to the browser)."""
    event = event_id(hub, DRAWN_EVENT)
    judge_id = next(j.id for j in hub.roster.panel(event) if j.username == JUDGE)
    judge = as_user(hub, JUDGE, Role.JUDGE)
    sheet = judge.scoring.sheet(event, 1, judge_id)
    columns = [c for c in sheet.columns if not c.criterion.objective]
    entries = [e.id for e in sheet.entries]
    keyed = 0 if open_entries is None else len(entries) - open_entries
    with hub.ctx.db.all_or_nothing():  # one commit, not one per mark (about 3 s)
        for entry in entries[:keyed]:
            for n, column in enumerate(columns):
                value = column.criterion.max_points * Decimal("0.8") - n
                judge.scoring.record_score(event, 1, judge_id, entry, column.code, value)
    return JudgeScene(
        event,
        judge_id,
        judge,
        hub,
        tuple(entries[keyed:]),
        tuple(c.code for c in columns),
        {c.code: c.criterion.max_points for c in columns},
    )


def lock_team_round(hub: Services) -> int:
    """The chief judge signs the team event's five full sheets off and locks its round."""
    return lock_round(hub, TEAM_EVENT)


def lock_round(hub: Services, event_name: str) -> int:
    """The chief judge signs the event's full sheets off and locks its only round."""
    event = event_id(hub, event_name)
    chief = as_user(hub, CHIEF, Role.CHIEF_JUDGE)
    for judge in hub.roster.panel(event):
        chief.sheets.submit(event, 1, judge.id, demo_password(CHIEF))
    chief.sheets.lock_round(event, 1)
    return event


def judge_password() -> str:
    return demo_password(JUDGE)
