"""Score-sheet files for judges without the network: exported, filled elsewhere, imported.

The file carries one judge's sheet for one round (codes, criteria, values) and two
Ed25519 signatures (domain/sheet_signing.py), neither of whose keys is in the file or
the database: the desk's over the blank sheet, made with a key for this export alone;
and the judge's over the filled sheet, made on the laptop with a key derived from the
judge's password. The import checks the first against the public key kept with the
export and the second against the public key kept with the judge's account, so a file
whose marks were changed by anyone without the judge's password, one for another judge,
or one never exported from this database, is refused. Importing the same file twice
changes nothing; values that differ from marks already stored are listed side by side
and nothing is imported until they are settled.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_desk.domain.numbers import parse_decimal, parse_measured
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.contests import ScoreSheet
from contest_desk.domain.records.judging import PaperRound, SheetImport
from contest_desk.domain.sheet_signing import (
    JudgeKey,
    desk_seal,
    desk_sealed,
    judge_sign,
    judge_signed,
)
from contest_desk.errors import ImportRejected, NotFound, UserError
from contest_desk.services.contests.assignments import check_may_mark, panel_ids
from contest_desk.services.contests.draws import blind, judge_codes
from contest_desk.services.context import ServiceContext, utc_now
from contest_desk.services.input_files import read_json
from contest_desk.services.judging.scoring import check_on_panel
from contest_desk.services.judging.sheets import writable_sheet
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.mapping import criterion_columns, get_event, get_round
from contest_desk.storage.marks import store_mark
from contest_desk.storage.roster import entry_infos, judge_infos

# Version 1 carried its own HMAC key, so anyone with the file could re-sign it: refused.
FORMAT, VERSION, KEYED_VERSION = "contest-desk/sheet", 2, 1
Data = dict[str, Any]


def _write(path: Path, data: Data) -> Path:
    handle, temporary = tempfile.mkstemp(suffix=".json", dir=path.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, indent=1, sort_keys=True)
    os.replace(temporary, path)
    return path


def read_sheet_file(path: str | Path) -> Data:
    data = read_json(path)  # size, nesting and JSON checked there (domain/limits.py)
    name = Path(path).name
    if isinstance(data, dict) and data.get("format") == FORMAT:
        if data.get("version") == KEYED_VERSION:
            raise UserError(
                "{file} is an old sheet file that carries its own key, so anyone could have "
                "re-signed it; it is refused: export the judge's sheet again",
                file=name,
            )
        if data.get("version") == VERSION and _well_formed(data):
            return data
    raise UserError("{file} is not a Contest Desk score-sheet file", file=name)


def _well_formed(data: Data) -> bool:
    """The fields the signatures and the import read are there, of the right types."""

    def coded(items: object) -> bool:
        return isinstance(items, list) and all(
            isinstance(i, dict) and isinstance(i.get("code"), str) for i in items
        )

    values, judge = data.get("values"), data.get("judge")
    return (
        coded(data.get("entries"))
        and coded(data.get("criteria"))
        and isinstance(values, dict)
        and all(isinstance(k, str) and "|" in k and isinstance(v, str) for k, v in values.items())
        and isinstance(judge, dict)
        and isinstance(judge.get("username"), str)
        and JudgeKey.parse(judge.get("signing_key")) is not None
        and isinstance(data.get("desk_key"), str)
        and isinstance(data.get("file_id"), str)
    )


def _judge_key(data: Data) -> JudgeKey:
    key = JudgeKey.parse(data["judge"]["signing_key"])
    assert key is not None  # read_sheet_file refuses a file without one
    return key


def sheet_judge(path: str | Path) -> str:
    """The user name of the judge whose sheet the file is (whose password signs it)."""
    return str(read_sheet_file(path)["judge"]["username"])


def fill_sheet_file(path: str | Path, values: dict[tuple[str, str], str], password: str) -> Path:
    """On the laptop: put (entry code, criterion code) → value into the file and sign it
    with the key made from the judge's password. A blank part changed since the export, a
    wrong password or an unknown cell refuses the whole fill and leaves the file as it was."""
    data = read_sheet_file(path)
    if not desk_sealed(data, data["desk_key"]):
        raise UserError(
            "{file} was changed after it was signed; it is refused", file=Path(path).name
        )
    private = _judge_key(data).private_key(password)
    if private is None:
        raise UserError("The password does not match {user}", user=data["judge"]["username"])
    codes = {e["code"] for e in data["entries"]}
    criteria = {c["code"]: c.get("kind") for c in data["criteria"]}
    for (entry, criterion), text in values.items():
        if not entry.strip() or not criterion.strip():
            raise UserError("A value needs an entry code and a criterion code")
        if entry not in codes or criterion not in criteria:
            raise UserError("The sheet has no cell {entry} {code}", entry=entry, code=criterion)
        measured = criteria[criterion] == "measurement"  # a time as 分:秒 too
        read = parse_measured if measured else parse_decimal
        data["values"][f"{entry}|{criterion}"] = str(read(text, criterion))
    judge_sign(data, private)
    return _write(Path(path), data)


def account_key(s: Session, judge: m.Judge) -> JudgeKey:
    """The public record of the key the judge's account signs offline sheets with."""
    user = s.scalar(select(m.User).where(m.User.username == judge.username))
    if user is None:
        raise UserError(
            "{judge} has no user account {user}, so there is no key to sign an offline "
            "sheet with: add the account first",
            judge=judge.name,
            user=judge.username,
        )
    key = JudgeKey.parse(user.signing_key)
    if key is None:
        raise UserError(
            "{user} has no key to sign offline sheets with yet: it is made when they next "
            "log in, or when their password is set",
            user=user.username,
        )
    return key


def _verified(s: Session, data: Data, name: str) -> tuple[m.SheetKey, m.Round, m.Judge]:
    """The export a file comes from, once the desk's signature holds over its blank part
    and the judge's (under the key their account has now) over all of it."""
    record = s.scalar(select(m.SheetKey).where(m.SheetKey.file_id == data.get("file_id")))
    if record is None:
        raise UserError("{file} was not exported from this database", file=name)
    if not desk_sealed(data, record.key):
        raise UserError("{file} was changed after it was signed; it is refused", file=name)
    rnd = s.get(m.Round, record.round_id)
    judge = s.get(m.Judge, record.judge_id)
    if rnd is None or judge is None:
        raise NotFound("The round or judge of {file} no longer exists", file=name)
    if "judge_signature" not in data:
        raise UserError(
            "{file} has not been filled in and signed by {judge} yet", file=name, judge=judge.name
        )
    key = account_key(s, judge)
    if key.text() != data["judge"]["signing_key"]:
        raise UserError(
            "{user}'s password has changed since {file} was exported: export the sheet "
            "again and fill it in with the new password",
            user=judge.username,
            file=name,
        )
    if not judge_signed(data, key):
        raise UserError(
            "The marks in {file} are not signed by {judge}; it is refused",
            file=name,
            judge=judge.name,
        )
    return record, rnd, judge


class OfflineSheetService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.IMPORT_SCORES)
    def export(
        self, event_id: int, round_number: int | None, judge_id: int, path: str | Path
    ) -> Path:
        file_id = uuid.uuid4().hex
        with self.ctx.db.transaction() as s:
            event = get_event(s, event_id)
            rnd = get_round(s, event, round_number)
            judge = check_on_panel(s, event, rnd, judge_id)
            signing_key = account_key(s, judge)
            codes = judge_codes(s, rnd.id)
            entries = [
                {"code": codes.get(e.id, f"#{n}")}
                for n, e in enumerate(entry_infos(s, event.id), start=1)
            ]
            data: Data = {
                "format": FORMAT,
                "version": VERSION,
                "file_id": file_id,
                "event": event.name,
                "round": {"number": rnd.number, "name": rnd.name},
                "judge": {
                    "username": judge.username,
                    "name": judge.name,
                    "signing_key": signing_key.text(),
                },
                "entries": entries,
                "criteria": [
                    {
                        "code": c.code,
                        "name": c.name,
                        "max": str(c.criterion.max_points),
                        "step": str(c.criterion.step),
                        "kind": c.criterion.kind.value if c.criterion.kind else None,
                    }
                    for c in criterion_columns(event)
                ],
                "values": {},
            }
            s.add(
                m.SheetKey(
                    round_id=rnd.id,
                    judge_id=judge.id,
                    key=desk_seal(data),
                    file_id=file_id,
                    exported_at=utc_now(),
                )
            )
            self.ctx.audit(
                s,
                "sheet.export",
                f"event:{event.id}",
                round=rnd.number,
                judge=judge.id,
                file=file_id,
            )
        return _write(Path(path), data)

    @requires(Action.IMPORT_SCORES)
    def paper(self, event_id: int, round_number: int | None) -> PaperRound:
        """Every panel judge's blank sheet for a round, entries by code only: for printing."""
        with self.ctx.db.reading() as s:
            event = get_event(s, event_id)
            rnd = get_round(s, event, round_number)
            contest = s.get(m.Contest, event.contest_id)
            entries = blind(entry_infos(s, event.id), judge_codes(s, rnd.id))
            columns = tuple(criterion_columns(event))
            judges = [
                j
                for j in judge_infos(s, event.contest_id)
                if j.id in panel_ids(s, event, rnd, True)
            ]
            sheets = tuple(
                (j, ScoreSheet(event.id, rnd.number, j.id, entries, columns, {})) for j in judges
            )
            return PaperRound(contest.name if contest else "", event.name, rnd.name, sheets)

    @requires(Action.IMPORT_SCORES)
    def import_file(self, path: str | Path) -> SheetImport:
        data = read_sheet_file(path)
        name = Path(path).name
        with self.ctx.db.transaction() as s:
            record, rnd, judge = _verified(s, data, name)
            event = get_event(s, rnd.event_id)
            writable_sheet(s, self.ctx.actor, event, rnd, judge, "")
            by_code = {code: entry for entry, code in judge_codes(s, rnd.id).items()}
            for n, e in enumerate(entry_infos(s, event.id), start=1):
                by_code.setdefault(f"#{n}", e.id)
            columns = {c.code: c for c in criterion_columns(event)}
            problems: list[UserError] = []
            writes: list[tuple[int, str, Decimal]] = []
            unchanged = 0
            stored = {
                (e, c): v
                for e, c, v in s.execute(
                    select(m.Score.entry_id, m.Score.criterion_id, m.Score.value).where(
                        m.Score.round_id == rnd.id, m.Score.judge_id == judge.id
                    )
                )
            }
            for cell, text in sorted(data["values"].items()):
                entry_code, code = cell.split("|", 1)
                entry_id, column = by_code.get(entry_code), columns.get(code)
                if not entry_code.strip() or not code.strip():
                    problems.append(
                        UserError("{file}: the cell '{cell}' lacks an entry code or a criterion "
                                  "code", file=name, cell=cell)
                    )  # fmt: skip
                    continue
                if entry_id is None or column is None:
                    problems.append(
                        UserError(
                            "The sheet has no cell {entry} {code}", entry=entry_code, code=code
                        )
                    )
                    continue
                try:
                    check_may_mark(s, event, rnd, judge, entry_id)
                    value = column.criterion.read(text, code)  # a measured time as 分:秒 too
                except UserError as error:
                    problems.append(error)
                    continue
                before = stored.get((entry_id, column.id))
                if before == value:
                    unchanged += 1
                elif before is not None:
                    problems.append(
                        UserError(
                            "{entry} {code}: stored {stored}, in the file {value}",
                            entry=entry_code,
                            code=code,
                            stored=before,
                            value=value,
                        )
                    )
                else:
                    writes.append((entry_id, code, value))
            if problems:
                raise ImportRejected(problems)
            for entry_id, code, value in writes:
                store_mark(s, rnd.id, entry_id, columns[code], judge.id, value)
            record.imported_at = utc_now()
            self.ctx.audit(
                s,
                "sheet.import",
                f"event:{event.id}",
                round=rnd.number,
                judge=judge.id,
                file=record.file_id,
                new={f"{e}|{c}": str(v) for e, c, v in writes},
            )
            return SheetImport(len(writes), unchanged)
