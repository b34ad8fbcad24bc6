"""transfer.py: contest files hold a whole contest by natural keys and come back byte for byte."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from contest_desk.errors import ImportRejected, UserError
from contest_desk.services.contests.contest_file import (
    FORMAT,
    dump_contest_file,
    read_contest_file,
    write_contest_file,
)
from contest_desk.services.contests.transfer import TransferService
from contest_desk.services.demo.build import CONTEST_NAME, build_demo
from contest_desk.services.hub import Services
from contest_desk.storage import models as m
from tests.databases import Databases

SCHEMA_MSGID = "The contest file does not follow its format at {path}: {reason}"


@pytest.fixture(scope="module")
def demo_file(databases: Databases) -> dict[str, Any]:
    """The demo contest exported once; each test imports it somewhere fresh."""
    url = databases.new()
    services = Services.open(url)
    build_demo(services)
    (contest,) = [c for c in services.contests.contests() if c.name == CONTEST_NAME]
    data = TransferService(services.ctx).export_contest(contest.id)
    services.ctx.db.dispose()
    databases.drop(url)
    return data


@pytest.fixture
def data(demo_file: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(demo_file)


@pytest.fixture
def fresh(database_url: str) -> Iterator[Services]:
    services = Services.open(database_url)
    yield services
    services.ctx.db.dispose()


def counts(services: Services) -> dict[str, int]:
    with services.ctx.db.reading() as s:
        return {
            model.__tablename__: s.scalar(select(func.count()).select_from(model)) or 0
            for model in (m.Contest, m.Unit, m.Person, m.Event, m.Entry, m.Judge, m.Score)
        }


def test_export_import_export_gives_the_same_bytes(data: dict[str, Any], fresh: Services) -> None:
    transfer = TransferService(fresh.ctx)
    contest = transfer.import_contest(data)
    again = transfer.export_contest(contest.id)
    assert dump_contest_file(again) == dump_contest_file(data)


def test_the_file_holds_the_whole_contest_by_natural_keys(data: dict[str, Any]) -> None:
    assert (data["format"], data["version"]) == (FORMAT, 2)
    assert data["contest"]["name"] == "2026年采油厂职工技能比武"
    assert len(data["persons"]) >= 60
    assert {j["username"] for j in data["judges"]} == {f"judge{n}" for n in range(1, 6)}
    oil = data["events"][0]
    assert oil["settings"]["aggregation"] == "trimmed_mean"
    assert [p["name"] for p in oil["parts"]] == ["理论", "实操"]
    assert oil["scores"][0].keys() == {"round", "entry", "criterion", "judge", "value"}
    assert oil["timings"]
    assert any("team" in e for ev in data["events"] for e in ev["entries"])
    assert '"id"' not in dump_contest_file(data)  # no database id anywhere


def test_standings_survive_the_trip(data: dict[str, Any], fresh: Services) -> None:
    contest = TransferService(fresh.ctx).import_contest(data)
    for event, original in zip(fresh.contests.events(contest.id), data["events"], strict=True):
        assert event.name == original["name"]
        rows = fresh.standings.standings(event.id).rows
        assert len(rows) == len(original["entries"])
    oil = fresh.standings.standings(fresh.contests.events(contest.id)[0].id).rows
    assert all(r.complete for r in oil)
    assert oil[0].award == "一等奖"


def test_a_schema_violation_names_the_json_path_and_writes_nothing(
    data: dict[str, Any], fresh: Services
) -> None:
    data["events"][0]["parts"][1]["weight"] = 0.7  # a number, where decimals are strings
    before = counts(fresh)
    with pytest.raises(UserError) as caught:
        TransferService(fresh.ctx).import_contest(data)
    assert caught.value.msgid == SCHEMA_MSGID
    assert caught.value.params["path"] == "$.events[0].parts[1].weight"
    assert "$.events[0].parts[1].weight" in caught.value.message()
    assert counts(fresh) == before


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d.update(format="something-else"), "$.format"),
        (lambda d: d.pop("judges"), "$"),
        (lambda d: d["persons"][3].update(name=""), "$.persons[3].name"),
        (lambda d: d["events"][1]["scores"][0].update(extra=1), "$.events[1].scores[0]"),
    ],
)
def test_other_schema_violations(
    data: dict[str, Any], fresh: Services, change: Any, path: str
) -> None:
    change(data)
    with pytest.raises(UserError) as caught:
        TransferService(fresh.ctx).import_contest(data)
    assert (caught.value.msgid, caught.value.params["path"]) == (SCHEMA_MSGID, path)


def test_a_person_whose_name_differs_is_refused_and_nothing_changes(
    data: dict[str, Any], fresh: Services
) -> None:
    first = data["persons"][0]
    fresh.roster.add_person(first["employee_no"], "王某某", "别的单位")
    before = counts(fresh)
    with pytest.raises(ImportRejected) as caught:
        TransferService(fresh.ctx).import_contest(data)
    (problem,) = caught.value.problems
    assert problem.params == {
        "path": "$.persons[0]",
        "no": first["employee_no"],
        "stored": "王某某",
        "name": first["name"],
    }
    assert counts(fresh) == before
    assert [p.name for p in fresh.roster.persons()] == ["王某某"]


def test_a_stored_person_with_the_same_name_is_reused(
    data: dict[str, Any], fresh: Services
) -> None:
    first = data["persons"][0]
    stored = fresh.roster.add_person(first["employee_no"], first["name"], "别的单位")
    TransferService(fresh.ctx).import_contest(data)
    persons = fresh.roster.persons()
    assert len(persons) == len(data["persons"])
    assert [p for p in persons if p.employee_no == first["employee_no"]] == [stored]


def test_importing_twice_makes_a_second_contest_sharing_the_persons(
    data: dict[str, Any], fresh: Services
) -> None:
    transfer = TransferService(fresh.ctx)
    one, two = transfer.import_contest(data), transfer.import_contest(data)
    assert one.id != two.id
    assert counts(fresh)["persons"] == len(data["persons"])
    assert dump_contest_file(transfer.export_contest(two.id)) == dump_contest_file(data)


def test_broken_references_are_all_reported_and_nothing_is_written(
    data: dict[str, Any], fresh: Services
) -> None:
    data["events"][0]["scores"][0]["judge"] = "judge9"
    data["events"][0]["scores"][1]["value"] = "99"  # above the criterion's maximum
    data["events"][2]["entries"][0]["person"] = "00000000"  # an event with no scores yet
    data["teams"][0]["members"].append("11111111")
    data["judges"][0]["assignments"].append({"event": "没有的项目", "round": None})
    with pytest.raises(ImportRejected) as caught:
        TransferService(fresh.ctx).import_contest(data)
    paths = [p.params["path"] for p in caught.value.problems]
    assert paths == [
        "$.teams[0]",
        "$.events[0].scores[0].judge",
        "$.events[0].scores[1]",
        "$.events[2].entries[0]",
        f"$.judges[0].assignments[{len(data['judges'][0]['assignments']) - 1}]",
    ]
    assert counts(fresh)["contests"] == 0 and counts(fresh)["persons"] == 0


def test_a_bad_rubric_and_bad_settings_are_refused(data: dict[str, Any], fresh: Services) -> None:
    practical = data["events"][0]["parts"][1]
    practical["criteria"].append(copy.deepcopy(practical["criteria"][-1]))  # code used twice
    data["events"][0]["settings"].update(judges_per_entry=2)  # too few for the trimmed mean
    with pytest.raises(ImportRejected) as caught:
        TransferService(fresh.ctx).import_contest(data)
    messages = [(p.params["path"], p.params.get("reason", "")) for p in caught.value.problems]
    assert messages[0][0] == "$.events[0].settings"
    assert messages[1][0] == "$.events[0].parts[1]"
    assert counts(fresh)["contests"] == 0


def test_files_are_written_and_read(data: dict[str, Any], fresh: Services, tmp_path: Path) -> None:
    path = write_contest_file(tmp_path / "contest.json", data)
    text = path.read_text(encoding="utf-8")
    assert "采油工技能比武" in text  # Chinese stays readable, not \u escapes
    assert read_contest_file(path) == data
    contest = TransferService(fresh.ctx).import_file(path)
    assert (
        TransferService(fresh.ctx)
        .export_file(contest.id, tmp_path / "again.json")
        .read_text(encoding="utf-8")
        == text
    )


def test_unreadable_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError) as missing:
        read_contest_file(tmp_path / "nowhere.json")
    assert missing.value.msgid == "There is no file {file}"
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(UserError) as bad:
        read_contest_file(broken)
    assert bad.value.msgid == "Cannot read {file}: {reason}"
    listed = tmp_path / "list.json"
    listed.write_text(json.dumps([1, 2]), encoding="utf-8")
    with pytest.raises(UserError) as wrong:
        read_contest_file(listed)
    assert wrong.value.msgid == "{file} is not a contest file"


def test_exporting_an_unknown_contest(fresh: Services) -> None:
    with pytest.raises(UserError) as caught:
        TransferService(fresh.ctx).export_contest(42)
    assert caught.value.msgid == "There is no contest {id}"
