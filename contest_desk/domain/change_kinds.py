"""What an audited action changed, as the screens of another desk need to know it: the
scores of an event (standings, the chief judge's desk reload) and which kind of set-up
(the lists and tabs that show it reload), and who may be told of each."""

from __future__ import annotations

from contest_desk.domain.permissions import Action, Actor

# A kind of set-up; "database" is a change to everything (a restore, or an action this
# version does not know, written by a newer desk on the same server).
CONTESTS, RUBRICS, ROUNDS, DRAWS = "contests", "rubrics", "rounds", "draws"
ROSTER, JUDGES, ACCOUNTS = "roster", "judges", "accounts"
BOARDS, LABOR, INNOVATION, CERTIFICATES = "boards", "labor", "innovation", "certificates"
DATABASE = "database"

_SCORES = (
    "score.record", "score.import", "time.record", "double.first", "double.second",
    "double.confirm", "sheet.submit", "sheet.reopen", "sheet.import", "round.lock",
    "round.unlock", "flag.confirm", "flag.send_back", "recheck.draw", "recheck.key",
    "appeal.file", "appeal.decide",
)  # fmt: skip
# Actions that change both: the entries of a standings table, or what it shows of them.
_BOTH = {
    "round.close": ROUNDS,  # entries advanced or eliminated
    "draw.run": DRAWS,  # codes given
    "draw.recode": DRAWS,
    "draw.decode": DRAWS,  # names revealed
    "entry.add": ROSTER,
    "entry.remove": ROSTER,
}
_SETUP_BY_PREFIX = {
    "contest.": CONTESTS, "event.": CONTESTS, "rubric.": RUBRICS, "round.": ROUNDS,
    "unit.": ROSTER, "person.": ROSTER, "team.": ROSTER, "roster.": ROSTER,
    "judge.": JUDGES, "conflict.": JUDGES, "assignment.": JUDGES, "user.": ACCOUNTS,
    "board.": BOARDS, "labor.": LABOR, "studio.": INNOVATION, "achievement.": INNOVATION,
    "benefit.": INNOVATION, "patent.": INNOVATION, "award.": INNOVATION,
    "rollout.": INNOVATION, "recommend": INNOVATION, "attachment.": INNOVATION,
    "meeting.": INNOVATION, "ledger.": INNOVATION, "certificate.": CERTIFICATES,
    "restore": DATABASE,
}  # fmt: skip
# Written, but nothing another desk shows changed: log-ins, passwords, log-in cards,
# exports and backups (files made), the hall's choice (the hall window follows its own).
QUIET = frozenset(
    {
        "user.login_failed", "user.password", "token.issue", "token.revoke", "hub.login",
        "hub.logout", "sheet.export", "notice.provisional", "backup", "hall.choose",
    }
)  # fmt: skip


def kind_of(action: str) -> tuple[bool, str | None]:
    """(whether an event's scores changed, the kind of set-up that did or None)."""
    if action in QUIET:
        return False, None
    if action in _SCORES:
        return True, None
    if action in _BOTH:
        return True, _BOTH[action]
    for prefix, kind in _SETUP_BY_PREFIX.items():
        if action.startswith(prefix):
            return False, kind
    return False, DATABASE


# Who may hear of each kind: any one of the actions will do. A judge hears of contests,
# rubrics, rounds, draws and panels (their own pickers follow them); of scores, only
# their own events' (see may_hear_all_scores).
_HEARD_BY: dict[str, tuple[Action, ...]] = {
    CONTESTS: (Action.VIEW_SETUP, Action.SCORE),
    RUBRICS: (Action.VIEW_SETUP, Action.SCORE),
    ROUNDS: (Action.VIEW_SETUP, Action.SCORE),
    DRAWS: (Action.VIEW_SETUP, Action.SCORE),
    JUDGES: (Action.VIEW_SETUP, Action.SCORE),
    ROSTER: (Action.VIEW_SETUP,),
    ACCOUNTS: (Action.MANAGE_USERS,),
    BOARDS: (Action.VIEW_RESULTS,),
    LABOR: (Action.VIEW_RESULTS,),
    INNOVATION: (Action.VIEW_RESULTS,),
    CERTIFICATES: (Action.VIEW_RESULTS,),
    DATABASE: (),  # everyone
}


def may_hear(actor: Actor, kind: str) -> bool:
    actions = _HEARD_BY.get(kind, ())
    return not actions or any(actor.may(a) for a in actions)


def may_hear_all_scores(actor: Actor) -> bool:
    """Anyone who reads standings or handles marks of every event; a judge only hears of
    the events whose panel they sit on."""
    return any(actor.may(a) for a in (Action.VIEW_RESULTS, Action.SUPERVISE, Action.IMPORT_SCORES))
