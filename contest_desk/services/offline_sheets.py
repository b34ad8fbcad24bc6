"""Score-sheet files for judges without the network: exported, filled elsewhere, imported.

The file carries one judge's sheet for one round (codes, criteria, values) and an
HMAC-SHA256 signature with a key made at export and kept in the database. The laptop
uses the key that travels in the file to sign again after filling; the import checks the
signature with the key kept here, so a file changed on the way, or one that was never
exported from this database, is refused. Importing the same file twice changes nothing;
values that differ from marks already stored are listed side by side and nothing is
imported until they are settled.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import tempfile
import uuid
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from contest_desk.domain.numbers import parse_decimal
from contest_desk.domain.permissions import Action
from contest_desk.errors import ImportRejected, NotFound, UserError
from contest_desk.services.assignments import check_may_mark, panel_ids
from contest_desk.services.context import ServiceContext, utc_now
from contest_desk.services.draws import blind, judge_codes
from contest_desk.services.mapping import criterion_columns, get_event, get_round
from contest_desk.services.permissions import requires
from contest_desk.services.records import JudgeInfo, ScoreSheet
from contest_desk.services.roster import entry_infos, judge_infos
from contest_desk.services.scoring import ScoringService, check_on_panel
from contest_desk.services.sheets import writable_sheet
from contest_desk.storage import models as m

FORMAT, VERSION = "contest-desk/sheet", 1
Data = dict[str, Any]


def _signed_part(data: Data) -> bytes:
    body = {k: v for k, v in data.items() if k not in ("signature", "key")}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def sign(data: Data, key: str) -> str:
    return hmac.new(bytes.fromhex(key), _signed_part(data), hashlib.sha256).hexdigest()


def _write(path: Path, data: Data) -> Path:
    handle, temporary = tempfile.mkstemp(suffix=".json", dir=path.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, indent=1, sort_keys=True)
    os.replace(temporary, path)
    return path


def read_sheet_file(path: str | Path) -> Data:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError("There is no file {file}", file=str(path)) from None
    except (OSError, ValueError) as error:
        name = Path(path).name
        raise UserError("Cannot read {file}: {reason}", file=name, reason=error) from None
    if not isinstance(data, dict) or (data.get("format"), data.get("version")) != (FORMAT, VERSION):
        raise UserError("{file} is not a Contest Desk score-sheet file", file=Path(path).name)
    return data


def fill_sheet_file(path: str | Path, values: dict[tuple[str, str], str]) -> Path:
    """On the laptop: put (entry code, criterion code) → value into the file and sign it."""
    data = read_sheet_file(path)
    codes = {e["code"] for e in data["entries"]}
    criteria = {c["code"] for c in data["criteria"]}
    for (entry, criterion), text in values.items():
        if entry not in codes or criterion not in criteria:
            raise UserError("The sheet has no cell {entry} {code}", entry=entry, code=criterion)
        data["values"][f"{entry}|{criterion}"] = str(parse_decimal(text, criterion))
    data["signature"] = sign(data, data["key"])
    return _write(Path(path), data)


@dataclass(frozen=True)
class PaperRound:
    contest: str
    event: str
    round_name: str
    sheets: tuple[tuple[JudgeInfo, ScoreSheet], ...]


@dataclass(frozen=True)
class SheetImport:
    stored: int  # values written
    unchanged: int  # values already stored, the same


class OfflineSheetService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.IMPORT_SCORES)
    def export(
        self, event_id: int, round_number: int | None, judge_id: int, path: str | Path
    ) -> Path:
        key, file_id = secrets.token_hex(32), uuid.uuid4().hex
        with self.ctx.db.transaction() as s:
            event = get_event(s, event_id)
            rnd = get_round(s, event, round_number)
            judge = check_on_panel(s, event, rnd, judge_id)
            codes = judge_codes(s, rnd.id)
            entries = [
                {"code": codes.get(e.id, f"#{n}")}
                for n, e in enumerate(entry_infos(s, event.id), start=1)
            ]
            data: Data = {
                "format": FORMAT,
                "version": VERSION,
                "file_id": file_id,
                "key": key,
                "event": event.name,
                "round": {"number": rnd.number, "name": rnd.name},
                "judge": {"username": judge.username, "name": judge.name},
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
            data["signature"] = sign(data, key)
            s.add(
                m.SheetKey(
                    round_id=rnd.id,
                    judge_id=judge.id,
                    key=key,
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
            record = s.scalar(select(m.SheetKey).where(m.SheetKey.file_id == data.get("file_id")))
            if record is None:
                raise UserError("{file} was not exported from this database", file=name)
            if not hmac.compare_digest(sign(data, record.key), str(data.get("signature", ""))):
                raise UserError("{file} was changed after it was signed; it is refused", file=name)
            rnd = s.get(m.Round, record.round_id)
            judge = s.get(m.Judge, record.judge_id)
            if rnd is None or judge is None:
                raise NotFound("The round or judge of {file} no longer exists", file=name)
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
                if entry_id is None or column is None:
                    problems.append(
                        UserError(
                            "The sheet has no cell {entry} {code}", entry=entry_code, code=code
                        )
                    )
                    continue
                value = parse_decimal(text, code)
                try:
                    check_may_mark(s, event, rnd, judge, entry_id)
                    column.criterion.check_value(value)
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
                ScoringService._store(s, rnd.id, entry_id, columns[code], judge.id, value)
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
