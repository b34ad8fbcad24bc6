"""audit.names: what the rows' targets and users are called now, for the trail in words;
a deleted record has no name (the view says 已删除), and the rows keep their ids."""

from __future__ import annotations

from contest_desk.domain.permissions import Role
from contest_desk.services.hub import Services
from tests.builders import SmallEvent


def test_targets_and_users_by_name_a_deleted_one_without(
    services: Services, small_event: SmallEvent
) -> None:
    services.users.create_first_admin("admin", "管理员", "admin-pass")
    services.users.add_user("j1", "裁判1", "j1-pass-2026", [Role.JUDGE])
    gone = small_event.entries[3]
    services.roster.remove_entry(gone.id)
    rows = services.audit.records()
    names = services.audit.names(rows)
    event, judge, entry = small_event.event, small_event.judges[0], small_event.entries[0]
    theory = event.parts[0]
    assert names[f"event:{event.id}"] == "采油工"
    assert names[f"part:{theory.id}"] == theory.name
    assert names[f"judge:{judge.id}"] == "裁判1"
    assert names[f"entry:{entry.id}"] == "王建国（采油工）"
    assert names[f"contest:{event.contest_id}"] == "2026年技能比武"
    assert names["user:j1"] == "裁判1" and names["user:admin"] == "管理员"
    assert f"entry:{gone.id}" not in names
    assert f"entry:{gone.id}" in {r.target for r in rows}  # the row itself is unchanged
