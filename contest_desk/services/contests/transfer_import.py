"""Importing a contest file: every row checked, problems collected, written in one go."""

import datetime as dt
from collections.abc import Container
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from contest_desk.domain.aggregation import Aggregation, AggregationRule
from contest_desk.domain.contest import EventMode
from contest_desk.domain.discrepancy import DEFAULT_THRESHOLD
from contest_desk.domain.numbers import parse_decimal
from contest_desk.domain.records.contests import EventSettings
from contest_desk.domain.rubric import Criterion, Rubric, rubric_problems
from contest_desk.domain.settings_codec import (
    advance_rule_from_dict,
    advance_rule_to_dict,
    award_rule_from_dict,
    award_rule_to_dict,
    tie_breaks_from_list,
    tie_breaks_to_list,
)
from contest_desk.errors import UserError
from contest_desk.services.contests.contest_file import SCORES, Data, criterion_from_dict
from contest_desk.services.context import utc_now
from contest_desk.storage import models as m
from contest_desk.storage.ledger import note_marks
from contest_desk.storage.mapping import (
    criterion_rows,
)
from contest_desk.storage.roster import unit_by_path


class ContestImporter:
    """Writes a schema-checked file into one session, collecting every problem on the way.

    Rows that would break a constraint are never added, so the caller can
    raise ImportRejected at the end and the transaction rolls everything back.
    """

    def __init__(self, s: Session) -> None:
        self.s = s
        self.problems: list[UserError] = []
        self.units: dict[str, int | None] = {}

    def problem(self, path: str, msgid: str, **params: Any) -> None:
        self.problems.append(UserError(msgid, path=path, **params))

    def again(
        self,
        seen: Container[Any],
        key: Any,
        path: str,
        msgid: str = "{path}: {value} appears twice",
    ) -> bool:
        """True (and a problem) when ``key`` was given before in the same list."""
        if key in seen:
            self.problem(path, msgid, value=key)
            return True
        return False

    def missing(self, path: str, value: Any) -> None:
        self.problem(path, "{path}: {value} is not in the file", value=value)

    def decimal(self, text: str, path: str) -> Decimal | None:
        try:
            return parse_decimal(text, path)
        except UserError as error:
            self.problems.append(error)
            return None

    def weight(self, text: str, path: str) -> Decimal:
        value = self.decimal(text, path)
        if value is not None and value <= 0:
            self.problem(path, "{path}: the weight must be above 0")
        return value if value is not None and value > 0 else Decimal(1)

    def date(self, text: str | None, path: str) -> dt.date | None:
        try:
            return dt.date.fromisoformat(text) if text else None
        except ValueError:
            self.problem(path, "{path}: {text} is not a date", text=text)
            return None

    def unit_id(self, path: str) -> int | None:
        if path not in self.units:
            unit = unit_by_path(self.s, path, create=True)
            self.units[path] = unit.id if unit else None
        return self.units[path]

    def run(self, data: Data) -> m.Contest:
        c = data["contest"]
        contest = m.Contest(
            name=c["name"].strip(),
            kind=c["kind"],
            status=c["status"],
            start_date=self.date(c["start_date"], "$.contest.start_date"),
            end_date=self.date(c["end_date"], "$.contest.end_date"),
            organizer=c["organizer"],
        )
        self.s.add(contest)
        self.s.flush()
        for path in data["units"]:
            self.unit_id(path)
        persons = self.persons(data["persons"])
        teams = self.teams(contest.id, data["teams"], persons)
        judges = self.judges(contest.id, data["judges"])
        events: dict[str, tuple[int, dict[int, int]]] = {}
        for i, d in enumerate(data["events"]):
            if not self.again(events, d["name"], f"$.events[{i}]"):
                keys = teams if d["mode"] == EventMode.TEAM.value else persons
                events[d["name"]] = self.event(contest.id, d, f"$.events[{i}]", keys, judges)
        self.assignments(data["judges"], judges, events)
        return contest

    def persons(self, rows: list[Data]) -> dict[str, int]:
        """Employee number → person id; a number already stored is reused if the name agrees."""
        numbers = [d["employee_no"] for d in rows]
        stored: dict[str, m.Person] = {}
        for start in range(0, len(numbers), 500):
            query = select(m.Person).where(m.Person.employee_no.in_(numbers[start : start + 500]))
            stored.update({p.employee_no: p for p in self.s.scalars(query)})
        found: dict[str, m.Person] = {}
        for i, d in enumerate(rows):
            no, path, person = d["employee_no"], f"$.persons[{i}]", stored.get(d["employee_no"])
            if self.again(found, no, path):
                continue
            if person is None:
                person = m.Person(employee_no=no, name=d["name"], unit_id=self.unit_id(d["unit"]))
                person.job_type, person.skill_level = d["job_type"], d["skill_level"]
                self.s.add(person)
            elif person.name != d["name"]:
                self.problem(
                    path,
                    "{path}: the employee number {no} is {stored} in this database, "
                    "but {name} in the file",
                    no=no,
                    stored=person.name,
                    name=d["name"],
                )
            found[no] = person
        self.s.flush()
        return {no: p.id for no, p in found.items()}

    def teams(self, contest_id: int, rows: list[Data], persons: dict[str, int]) -> dict[str, int]:
        made: dict[str, m.Team] = {}
        for i, d in enumerate(rows):
            if self.again(made, d["name"], f"$.teams[{i}]"):
                continue
            for no in d["members"]:
                if no not in persons:
                    self.missing(f"$.teams[{i}]", no)
            members = [persons[no] for no in dict.fromkeys(d["members"]) if no in persons]
            team = m.Team(contest_id=contest_id, name=d["name"], unit_id=self.unit_id(d["unit"]))
            team.members = [m.TeamMember(person_id=p, position=k) for k, p in enumerate(members)]
            self.s.add(team)
            made[d["name"]] = team
        self.s.flush()
        return {name: team.id for name, team in made.items()}

    def judges(self, contest_id: int, rows: list[Data]) -> dict[str, int]:
        made: dict[str, m.Judge] = {}
        for i, d in enumerate(rows):
            if not self.again(made, d["username"], f"$.judges[{i}]"):
                unit = self.unit_id(d["unit"])
                made[d["username"]] = m.Judge(
                    contest_id=contest_id, username=d["username"], name=d["name"], unit_id=unit
                )
                self.s.add(made[d["username"]])
        self.s.flush()
        return {username: judge.id for username, judge in made.items()}

    def settings(self, d: Data, path: str) -> EventSettings:
        threshold = self.decimal(
            d.get("discrepancy_threshold", str(DEFAULT_THRESHOLD)),
            f"{path}.discrepancy_threshold",
        )
        settings = EventSettings(
            AggregationRule(Aggregation(d["aggregation"]), d["trim"]),
            d["judges_per_entry"],
            d["places"],
            tie_breaks_from_list(d["tie_breaks"]),
            award_rule_from_dict(d["award_rule"]),
            DEFAULT_THRESHOLD if threshold is None else threshold,
        )
        if threshold is not None and not 0 < threshold <= 1:
            self.problem(path, "{path}: the discrepancy threshold must be above 0 and at most 1")
        try:
            settings.aggregation.check_panel(settings.judges_per_entry)
            if settings.award_rule is not None:
                settings.award_rule.check()
        except UserError as error:
            self.problem(path, "{path}: {reason}", reason=error.message())
        return settings

    def event(
        self, contest_id: int, d: Data, path: str, keys: dict[str, int], judges: dict[str, int]
    ) -> tuple[int, dict[int, int]]:
        """Write one event; ``keys`` are the persons' or teams' ids it may enter.

        Returns the event's id and its round ids by number.
        """
        settings = self.settings(d["settings"], f"{path}.settings")
        event = m.Event(
            contest_id=contest_id,
            name=d["name"],
            mode=d["mode"],
            aggregation=settings.aggregation.method.value,
            trim=settings.aggregation.trim,
            judges_per_entry=settings.judges_per_entry,
            places=settings.places,
            tie_breaks=tie_breaks_to_list(settings.tie_breaks),
            award_rule=award_rule_to_dict(settings.award_rule),
            discrepancy=settings.discrepancy_threshold,
        )
        self.s.add(event)
        self.s.flush()
        columns = self.parts(event.id, d["parts"], path)
        rounds = self.rounds(event.id, d["rounds"], path)
        entries = self.entries(event.id, event.mode == EventMode.TEAM.value, d, path, keys)
        self.scores(d["scores"], path, rounds, entries, columns, judges)
        self.timings(d["timings"], path, rounds, entries)
        return event.id, rounds

    def check_decimals(self, criteria: list[Data], path: str) -> None:
        for i, c in enumerate(criteria):
            for key in ("weight", "max_points", "step"):
                if key in c:
                    self.decimal(c[key], f"{path}[{i}].{key}")
            self.check_decimals(c.get("children", []), f"{path}[{i}].children")

    def parts(self, event_id: int, rows: list[Data], path: str) -> dict[str, tuple[int, Criterion]]:
        """Write the parts and their rubrics; returns leaf code → (criterion id, criterion)."""
        columns: dict[str, tuple[int, Criterion]] = {}
        names: set[str] = set()
        codes: set[str] = set()  # score files name criteria by code: one part per code
        for k, d in enumerate(rows):
            ppath, before = f"{path}.parts[{k}]", len(self.problems)
            if self.again(names, d["name"], ppath):
                continue
            names.add(d["name"])
            weight = self.weight(d["weight"], f"{ppath}.weight")
            part = m.Part(event_id=event_id, name=d["name"], weight=weight, position=k)
            self.s.add(part)
            self.check_decimals(d["criteria"], f"{ppath}.criteria")
            rubric = Rubric(tuple(criterion_from_dict(c) for c in d["criteria"]))
            if rubric.criteria:  # a part whose rubric is not written yet is allowed
                for found in rubric_problems(rubric.criteria):
                    self.problem(ppath, "{path}: {reason}", reason=found.error.message())
            new_rows = criterion_rows(rubric)
            for code in codes & {row.code for row, _ in new_rows}:
                self.problem(ppath, "{path}: the code {code} is used in two parts", code=code)
            codes.update(row.code for row, _ in new_rows)
            if len(self.problems) > before:
                continue
            self.s.flush()
            by_code = {row.code: row for row, _ in new_rows}
            for row, _ in new_rows:
                row.part_id = part.id
                self.s.add(row)
            self.s.flush()
            for row, parent in new_rows:
                row.parent_id = by_code[parent].id if parent else None
            columns.update({c.code: (by_code[c.code].id, c) for c in rubric.leaves()})
        return columns

    def advance(self, data: Data | None, path: str) -> Data | None:
        """A round's advance rule as stored, after the same checks as one set by hand."""
        try:
            rule = advance_rule_from_dict(data)
            if rule is not None:
                rule.check()
        except UserError as error:
            self.problem(path, "{path}: {reason}", reason=error.message())
            return None
        return advance_rule_to_dict(rule)

    def rounds(self, event_id: int, rows: list[Data], path: str) -> dict[int, int]:
        made: dict[int, m.Round] = {}
        for k, d in enumerate(rows):
            rpath, number = f"{path}.rounds[{k}]", d["number"]
            if not self.again(made, number, rpath):
                weight = self.weight(d["weight"], f"{rpath}.weight")
                made[number] = m.Round(event_id=event_id, number=number, name=d["name"])
                made[number].weight = weight
                made[number].advance = self.advance(d.get("advance"), f"{rpath}.advance")
                # A closed round's time is not in the file: the import is when it arrived.
                made[number].closed_at = utc_now() if d.get("closed") else None
                self.s.add(made[number])
        self.s.flush()
        return {number: r.id for number, r in made.items()}

    def entries(
        self, event_id: int, team_event: bool, d: Data, path: str, keys: dict[str, int]
    ) -> dict[str, int]:
        """Entry key (employee number or team name) → entry id."""
        made: dict[str, m.Entry] = {}
        for k, row in enumerate(d["entries"]):
            epath, key = f"{path}.entries[{k}]", row.get("team" if team_event else "person")
            if key is None:
                msgid = (
                    "{path}: a team event enters teams"
                    if team_event
                    else "{path}: an individual event enters persons"
                )
                self.problem(epath, msgid)
            elif key not in keys:
                self.missing(epath, key)
            elif not self.again(made, key, epath):
                made[key] = m.Entry(event_id=event_id, code=row["code"], status=row["status"])
                out = row.get("eliminated")
                if out is not None:
                    made[key].eliminated_round, made[key].eliminated_rule = (
                        out["round"],
                        out["rule"],
                    )
                made[key].team_id = keys[key] if team_event else None
                made[key].person_id = None if team_event else keys[key]
                self.s.add(made[key])
        self.s.flush()
        return {key: e.id for key, e in made.items()}

    def scores(
        self,
        rows: list[Data],
        path: str,
        rounds: dict[int, int],
        entries: dict[str, int],
        columns: dict[str, tuple[int, Criterion]],
        judges: dict[str, int],
    ) -> None:
        out: list[Data] = []
        seen: set[tuple[int, int, int, int]] = set()
        for k, d in enumerate(rows):
            spath = f"{path}.scores[{k}]"
            rid, eid = rounds.get(d["round"]), entries.get(d["entry"])
            column, jid = columns.get(d["criterion"]), judges.get(d["judge"])
            for name, found in (("round", rid), ("entry", eid), ("criterion", column)):
                if found is None:
                    self.missing(f"{spath}.{name}", d[name])
            if jid is None:
                self.missing(f"{spath}.judge", d["judge"])
            value = self.decimal(d["value"], f"{spath}.value")
            if rid is None or eid is None or column is None or jid is None or value is None:
                continue
            try:
                column[1].check_value(value)
            except UserError as error:
                self.problem(spath, "{path}: {reason}", reason=error.message())
                continue
            key = (rid, eid, column[0], jid)
            if not self.again(seen, key, spath, "{path}: the same score appears twice"):
                seen.add(key)
                out.append(
                    {"round_id": rid, "entry_id": eid, "criterion_id": column[0], "judge_id": jid}
                    | {"value": value}
                )
        if out:
            self.s.execute(insert(SCORES), out)
            note_marks(self.s, out)

    def timings(
        self, rows: list[Data], path: str, rounds: dict[int, int], entries: dict[str, int]
    ) -> None:
        seen: set[tuple[int, int]] = set()
        for k, d in enumerate(rows):
            tpath = f"{path}.timings[{k}]"
            rid, eid = rounds.get(d["round"]), entries.get(d["entry"])
            seconds = self.decimal(d["seconds"], f"{tpath}.seconds")
            if rid is None or eid is None:
                self.missing(tpath, d["entry"] if rid else d["round"])
            elif (
                not self.again(seen, (rid, eid), tpath, "{path}: the same time appears twice")
                and seconds is not None
            ):
                seen.add((rid, eid))
                self.s.add(m.Timing(round_id=rid, entry_id=eid, seconds=seconds))

    def assignments(
        self,
        rows: list[Data],
        judges: dict[str, int],
        events: dict[str, tuple[int, dict[int, int]]],
    ) -> None:
        for i, d in enumerate(rows):
            jid = judges.get(d["username"])
            seen: set[tuple[int, int | None]] = set()
            for k, a in enumerate(d["assignments"]):
                apath = f"$.judges[{i}].assignments[{k}]"
                event = events.get(a["event"])
                rid = None if event is None or a["round"] is None else event[1].get(a["round"])
                if event is None or (a["round"] is not None and rid is None):
                    self.missing(apath, a["event"] if event is None else a["round"])
                elif (
                    not self.again(
                        seen, (event[0], rid), apath, "{path}: the same assignment appears twice"
                    )
                    and jid
                ):
                    seen.add((event[0], rid))
                    self.s.add(m.JudgeAssignment(judge_id=jid, event_id=event[0], round_id=rid))
