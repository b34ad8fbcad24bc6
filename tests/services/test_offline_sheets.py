"""Score-sheet files for offline laptops: signed, refused when changed or foreign,
importing twice changes nothing, conflicts shown side by side and nothing overwritten."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from contest_desk.errors import ImportRejected, UserError
from contest_desk.services.hub import Services
from contest_desk.services.offline_sheets import fill_sheet_file
from tests.builders import SmallEvent

D = Decimal


def exported(services: Services, small: SmallEvent, tmp_path: Path) -> tuple[Path, list[str]]:
    services.draws.run(small.event.id, 1, seed="offline", prefix="A")
    path = services.offline_sheets.export(
        small.event.id, 1, small.judges[0].id, tmp_path / "j1.json"
    )
    codes = [e["code"] for e in json.loads(path.read_text("utf-8"))["entries"]]
    return path, codes


def test_a_filled_sheet_comes_back_once(services, small_event, tmp_path) -> None:
    path, codes = exported(services, small_event, tmp_path)
    data = json.loads(path.read_text("utf-8"))
    assert set(codes) == {e.code for e in services.roster.entries(small_event.event.id)}
    text = json.dumps(data, ensure_ascii=False)
    labels = [e.label for e in services.roster.entries(small_event.event.id)]
    assert not any(label in text for label in labels)  # blind: codes only
    fill_sheet_file(path, {(code, "P1"): "8.5" for code in codes})
    result = services.offline_sheets.import_file(path)
    assert (result.stored, result.unchanged) == (4, 0)
    sheet = services.scoring.sheet(small_event.event.id, 1, small_event.judges[0].id)
    assert sorted(v for (_, c), v in sheet.values.items() if c == "P1") == [D("8.5")] * 4
    again = services.offline_sheets.import_file(path)
    assert (again.stored, again.unchanged) == (0, 4)


def test_a_changed_or_foreign_file_is_refused(services, small_event, tmp_path) -> None:
    path, codes = exported(services, small_event, tmp_path)
    fill_sheet_file(path, {(codes[0], "P1"): "8"})
    data = json.loads(path.read_text("utf-8"))
    data["values"][f"{codes[0]}|P1"] = "10"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with pytest.raises(UserError, match="签名后被修改"):
        services.offline_sheets.import_file(path)
    data["file_id"] = "0" * 32
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with pytest.raises(UserError, match="不是从本数据库导出"):
        services.offline_sheets.import_file(path)
    sheet = services.scoring.sheet(small_event.event.id, 1, small_event.judges[0].id)
    assert sheet.values == {}


def test_conflicts_are_listed_side_by_side_and_nothing_is_imported(
    services, small_event, tmp_path
) -> None:
    path, codes = exported(services, small_event, tmp_path)
    entries = {e.code: e.id for e in services.roster.entries(small_event.event.id)}
    judge = small_event.judges[0].id
    services.scoring.record_score(small_event.event.id, 1, judge, entries[codes[0]], "P1", "6")
    fill_sheet_file(path, {(codes[0], "P1"): "7", (codes[1], "P1"): "8"})
    with pytest.raises(ImportRejected) as rejected:
        services.offline_sheets.import_file(path)
    assert [p.message() for p in rejected.value.problems] == [
        f"{codes[0]} P1：库中为 6，文件中为 7"
    ]
    sheet = services.scoring.sheet(small_event.event.id, 1, judge)
    assert sheet.values == {(entries[codes[0]], "P1"): D(6)}
