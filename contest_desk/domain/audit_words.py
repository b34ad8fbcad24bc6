"""The audit trail said for people: each action the services write and each kind of target
in words, and its times in the desk's local time. Display only: the rows keep the codes
(``judge.assign``, ``judge:10``) and UTC times that the hash chain covers."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from contest_desk.domain.contest import STATUS_NAMES
from contest_desk.domain.innovation import OUTCOME_NAMES, STAGE_NAMES
from contest_desk.domain.permissions import ROLE_NAMES
from contest_desk.domain.plain_names import actor_name
from contest_desk.i18n import N_, _

# Every action a service writes (``ctx.audit(s, action, …)``); tests/domain/
# test_audit_words.py reads the services' source and fails on one missing here.
ACTIONS = {
    # contests and their set-up
    "contest.create": N_("Create a contest"),
    "contest.update": N_("Edit a contest"),
    "contest.status": N_("Change a contest's status"),
    "contest.import": N_("Import a contest"),
    "contest.copy": N_("Create a contest from an existing one"),
    "event.create": N_("Create an event"),
    "event.update": N_("Edit an event"),
    "event.parts": N_("Set an event's parts"),
    "event.rounds": N_("Set an event's rounds"),
    "rubric.save": N_("Save a rubric"),
    "round.advance_rule": N_("Set the advance rule"),
    "round.close": N_("Close a round and advance entries"),
    "draw.run": N_("Run the draw"),
    "draw.recode": N_("Code the drawn numbers a second time"),
    "draw.decode": N_("Reveal the names behind the codes"),
    "hall.choose": N_("Choose what the hall screen shows"),
    # roster, judges, accounts
    "unit.add": N_("Add a unit"),
    "person.add": N_("Add a person"),
    "person.update": N_("Edit a person"),
    "person.remove": N_("Take a person off the roster"),
    "team.add": N_("Add a team"),
    "entry.add": N_("Add an entry"),
    "entry.remove": N_("Remove an entry"),
    "roster.import": N_("Import the roster"),
    "judge.add": N_("Add a judge"),
    "judge.assign": N_("Assign a judge"),
    "judge.unassign": N_("Withdraw a judge from an event"),
    "conflict.declare": N_("Declare a conflict of interest"),
    "conflict.override": N_("Override a conflict of interest"),
    "assignment.auto": N_("Assign judges to entries automatically"),
    "assignment.entry": N_("Assign judges to an entry"),
    "user.add": N_("Add an account"),
    "user.password": N_("Change a password"),
    "user.roles": N_("Change an account's roles"),
    "user.enable": N_("Enable an account"),
    "user.disable": N_("Disable an account"),
    "user.expiry": N_("Change when an account expires"),
    "user.login_failed": N_("Failed log-in"),
    "token.issue": N_("Issue a judge's log-in card"),
    "token.revoke": N_("Revoke a judge's log-in card"),
    "hub.login": N_("Log in to the scoring hub"),
    "hub.logout": N_("Log out of the scoring hub"),
    # scoring
    "score.record": N_("Record a mark"),
    "score.import": N_("Import marks from a file"),
    "time.record": N_("Record a completion time"),
    "double.first": N_("Key a paper mark (first time)"),
    "double.second": N_("Key a paper mark (second time)"),
    "double.confirm": N_("Confirm the double-keyed marks"),
    "sheet.submit": N_("Submit a score sheet"),
    "sheet.reopen": N_("Reopen a score sheet"),
    "sheet.export": N_("Export offline score sheets"),
    "sheet.import": N_("Import offline score sheets"),
    "round.lock": N_("Lock a round"),
    "round.unlock": N_("Unlock a round"),
    "flag.confirm": N_("Confirm differing marks"),
    "flag.send_back": N_("Send differing marks back for re-marking"),
    "recheck.draw": N_("Draw entries for a recheck"),
    "recheck.key": N_("Key a recheck mark"),
    "appeal.file": N_("File an appeal"),
    "appeal.decide": N_("Decide an appeal"),
    # challenge boards (board.<kind of log row>)
    "board.create": N_("Create a challenge board"),
    "board.join": N_("Join a board"),
    "board.challenge": N_("Challenge"),
    "board.accept": N_("Accept a challenge"),
    "board.decline": N_("Decline a challenge"),
    "board.bout": N_("Record a bout"),
    "board.correction": N_("Correct a bout"),
    "board.removal": N_("Remove from a board"),
    "board.rules": N_("Change a board's rules"),
    "board.close": N_("Close a board period"),
    # labor competitions
    "labor.indicators": N_("Set the assessment indicators"),
    "labor.period": N_("Add a labor period"),
    "labor.close": N_("Close a labor period"),
    "labor.value": N_("Enter an indicator value"),
    "labor.award_rule": N_("Change the labor award rule"),
    "labor.veto": N_("Veto a team"),
    "labor.veto_lifted": N_("Lift a veto"),
    # innovation
    "studio.add": N_("Add a studio"),
    "achievement.propose": N_("Propose an achievement"),
    "achievement.update": N_("Edit an achievement"),
    "achievement.move": N_("Move an achievement to another stage"),
    "benefit.add": N_("Add a benefit"),
    "patent.add": N_("Add a patent"),
    "award.add": N_("Add an award"),
    "rollout.add": N_("Add a rollout site"),
    "recommend": N_("Recommend an achievement"),
    "recommend.outcome": N_("Record a recommendation's outcome"),
    "attachment.add": N_("Attach a file"),
    "meeting.add": N_("Add an exchange meeting"),
    "ledger.import": N_("Import the innovation ledger"),
    # certificates, the database
    "certificate.template": N_("Save a certificate template"),
    "certificate.template.remove": N_("Remove a certificate template"),
    "certificate.issue": N_("Issue certificates"),
    "certificate.reissue": N_("Reissue a certificate"),
    "notice.provisional": N_("Make a result notice from provisional standings"),
    "backup": N_("Back up the database"),
    "restore": N_("Restore the database"),
}

# What a target ``kind:key`` names; a target without a key names one thing.
TARGET_KINDS = {
    "contest": N_("Contest"),
    "event": N_("Event"),
    "part": N_("Part"),
    "round": N_("Round"),
    "entry": N_("Entry"),
    "person": N_("Person"),
    "team": N_("Team"),
    "unit": N_("Unit"),
    "judge": N_("Judge"),
    "user": N_("User"),
    "board": N_("Board"),
    "studio": N_("Studio"),
    "achievement": N_("Achievement"),
    "meeting": N_("Meeting"),
    "certificate": N_("Certificate"),
    "database": N_("The database"),
    "innovation": N_("The innovation ledger"),
}
# Targets whose key is itself what people know them by (a user name, a serial number).
KEY_IS_NAME = {"user", "certificate"}


def action_text(action: str) -> str:
    """The action in words; an action of a later version as it is stored."""
    msgid = ACTIONS.get(action)
    return _(msgid) if msgid else action


def target_kind(target: str) -> str:
    return target.partition(":")[0]


def target_text(target: str, names: Mapping[str, str]) -> str:
    """``judge:10`` as 裁判 张振华 (``names`` gives the names of the records that still exist),
    裁判（已删除） for one that does not; an unknown target as it is stored."""
    kind, colon, key = target.partition(":")
    if kind not in TARGET_KINDS:
        return target
    label = _(TARGET_KINDS[kind])
    if not colon:
        return label
    name = names.get(target) or (key if kind in KEY_IS_NAME else None)
    if name is None:
        return _("{kind} (deleted)", kind=label)
    return f"{label} {name}"


def actor_text(username: str, names: Mapping[str, str]) -> str:
    """Who did it, as everywhere in the window (plain_names.actor_name): the person's name,
    系统（自动） for the app's own work; ``names`` as audit.names gives them."""
    name = names.get(f"user:{username}")
    return actor_name(username, {username: name} if name else {})


# The old and new values some actions record, by the names the window uses for them.
_VALUE_NAMES: dict[str, Mapping[Any, str]] = {
    "contest.status": STATUS_NAMES,
    "achievement.move": STAGE_NAMES,
    "recommend.outcome": OUTCOME_NAMES,
    "user.roles": ROLE_NAMES,
}
_SWITCHES = {
    "round.lock": (N_("not locked"), N_("locked")),
    "round.unlock": (N_("not locked"), N_("locked")),
    "user.enable": (N_("disabled"), N_("enabled")),
    "user.disable": (N_("disabled"), N_("enabled")),
}


def value_text(action: str, value: Any) -> str:
    """An old or new value of a row in words: a stage, status, outcome or role by its name,
    a lock or an account's switch as 已锁定/停用…, yes/no, lists joined; else as stored."""
    if value is None:
        return ""
    if isinstance(value, bool):
        off, on = _SWITCHES.get(action, (N_("no"), N_("yes")))
        return _(on if value else off)
    named = _VALUE_NAMES.get(action, {})
    if isinstance(value, list) and named:
        return "、".join(value_text(action, v) for v in value)
    if isinstance(value, str) and value in named:
        return _(named[value])
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def local_time(at_utc: dt.datetime) -> dt.datetime:
    """A stored time (naive UTC) in this computer's time zone, naive."""
    return at_utc.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


def utc_of_local(local: dt.datetime) -> dt.datetime:
    """A naive local time (a filter's bound) as the naive UTC the rows are stored in."""
    return local.astimezone(dt.UTC).replace(tzinfo=None)


def zone_text(now: dt.datetime | None = None) -> str:
    """This computer's time zone as people read it: 北京时间 at UTC+8, else 本地 UTC±hh:mm."""
    offset = (now or dt.datetime.now()).astimezone().utcoffset() or dt.timedelta(0)
    if offset == dt.timedelta(hours=8):
        return _("Beijing time")
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return _("local, UTC{offset}", offset=f"{sign}{hours:02d}:{rest:02d}")


def time_heading() -> str:
    """The time column's heading, saying which time it is."""
    return _("Time ({zone})", zone=zone_text())
