"""Who may do what: roles, the actions services guard, and the table between them.

The table is the one place that says it; services check it on every call (see
``services/permissions.py``), so the window and the command line cannot differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from contest_desk.i18n import N_


class Role(StrEnum):
    ADMIN = "admin"  # 系统管理员: accounts, the audit trail
    ORGANIZER = "organizer"  # 组织者: contests, rosters, judges, results
    CHIEF_JUDGE = "chief_judge"  # 裁判长: draws, checks, locks, appeals
    JUDGE = "judge"  # 裁判: their own sheets only
    VIEWER = "viewer"  # 查看: reads results (also the command line's read-only reports)
    REVIEWER = "reviewer"  # 成果评审: approves innovation achievements' projects and results


ROLE_NAMES = {
    Role.ADMIN: N_("Administrator"),
    Role.ORGANIZER: N_("Organizer"),
    Role.CHIEF_JUDGE: N_("Chief judge"),
    Role.JUDGE: N_("Judge"),
    Role.VIEWER: N_("Viewer"),
    Role.REVIEWER: N_("Innovation reviewer"),
}


class Action(StrEnum):
    VIEW_SETUP = "view_setup"  # contests, events, rubrics, roster, judges (with names)
    EDIT_SETUP = "edit_setup"  # contests, events, parts, rounds, rubrics, status
    EDIT_ROSTER = "edit_roster"  # units, persons, teams, entries, judges, panels, imports
    SCORE = "score"  # key marks into a sheet: a judge only their own
    IMPORT_SCORES = "import_scores"  # key paper sheets in from a file
    VIEW_RESULTS = "view_results"  # standings
    SEE_NAMES_UNLOCKED = "see_names_unlocked"  # names beside totals before a round is locked
    TRANSFER = "transfer"  # export or import a whole contest
    SUPERVISE = "supervise"  # submit for others, lock, unlock, reopen, resolve flags
    RUN_BOARD = "run_board"  # challenges on a board: issue, accept, decline
    KEY_VALUES = "key_values"  # teams' production values of a labor competition
    EDIT_INNOVATION = "edit_innovation"  # studios, achievements, benefits, files, meetings
    APPROVE_PROJECT = "approve_project"  # an achievement's project: 立项, back, reject, suspend
    APPROVE_RESULT = "approve_result"  # an achievement's result: application, rollout, close
    MANAGE_USERS = "manage_users"
    VIEW_AUDIT = "view_audit"
    BACKUP = "backup"  # a backup of a database file with its attached files
    RESTORE = "restore"  # replace the database file with a backup


ACTION_NAMES = {
    Action.VIEW_SETUP: N_("view the contest set-up"),
    Action.EDIT_SETUP: N_("change contests, events and rubrics"),
    Action.EDIT_ROSTER: N_("change the roster, entries and judges"),
    Action.SCORE: N_("enter scores"),
    Action.IMPORT_SCORES: N_("import score files"),
    Action.VIEW_RESULTS: N_("view standings"),
    Action.SEE_NAMES_UNLOCKED: N_("see names in standings before the round is locked"),
    Action.TRANSFER: N_("export or import contests"),
    Action.SUPERVISE: N_("check, lock and unlock rounds"),
    Action.RUN_BOARD: N_("issue and answer challenges on a board"),
    Action.KEY_VALUES: N_("key teams' values in a labor competition"),
    Action.EDIT_INNOVATION: N_("keep the innovation ledger"),
    Action.APPROVE_PROJECT: N_("approve innovation projects"),
    Action.APPROVE_RESULT: N_("approve innovation results"),
    Action.MANAGE_USERS: N_("manage user accounts"),
    Action.VIEW_AUDIT: N_("view the audit trail"),
    Action.BACKUP: N_("back up the database"),
    Action.RESTORE: N_("restore the database from a backup"),
}

ADMIN, ORG, CHIEF, JUDGE, VIEWER, REVIEWER = list(Role)
PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.VIEW_SETUP: frozenset({ADMIN, ORG, CHIEF, VIEWER, REVIEWER}),
    Action.EDIT_SETUP: frozenset({ORG}),
    Action.EDIT_ROSTER: frozenset({ORG}),
    Action.SCORE: frozenset({CHIEF, JUDGE}),
    Action.IMPORT_SCORES: frozenset({ORG, CHIEF}),
    Action.VIEW_RESULTS: frozenset({ADMIN, ORG, CHIEF, VIEWER, REVIEWER}),
    # Viewers (the hall, the command line's unnamed reports) see codes until the lock.
    Action.SEE_NAMES_UNLOCKED: frozenset({ADMIN, ORG, CHIEF}),
    Action.TRANSFER: frozenset({ORG}),
    Action.SUPERVISE: frozenset({CHIEF}),
    Action.RUN_BOARD: frozenset({ORG, CHIEF}),
    Action.KEY_VALUES: frozenset({ORG}),
    Action.EDIT_INNOVATION: frozenset({ORG}),
    Action.APPROVE_PROJECT: frozenset({ORG, REVIEWER}),
    Action.APPROVE_RESULT: frozenset({REVIEWER}),
    Action.MANAGE_USERS: frozenset({ADMIN}),
    Action.VIEW_AUDIT: frozenset({ADMIN, CHIEF}),
    # A backup holds every account's password hash and the certificate signing keys.
    Action.BACKUP: frozenset({ADMIN, ORG}),
    Action.RESTORE: frozenset({ADMIN}),
}


def allowed(roles: frozenset[Role], action: Action) -> bool:
    return bool(roles & PERMISSIONS[action])


@dataclass(frozen=True)
class Actor:
    """The person a service call acts for: their user name and roles."""

    username: str
    roles: frozenset[Role]

    def may(self, action: Action) -> bool:
        return allowed(self.roles, action)

    @property
    def judge_only(self) -> bool:
        """Scores only through their own sheets: a judge who is not also chief judge."""
        return Role.JUDGE in self.roles and Role.CHIEF_JUDGE not in self.roles


# Set-up work done by the program itself (the demo, migrations, tests' fixtures).
SYSTEM = Actor("system", frozenset(Role))
# The command line's read-only reports on a local file, which need no log-in.
LOCAL_READER = Actor("local", frozenset({Role.VIEWER}))
