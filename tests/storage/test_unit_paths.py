"""A unit's path ("采油一厂/采油一区/采油一班") read for a few units by one recursive query gives
what the whole tree's reading gives for them (a save's conflict check asks for a few)."""

from __future__ import annotations

from contest_desk.storage import models as m
from contest_desk.storage.db import open_database
from contest_desk.storage.roster import unit_paths, unit_paths_of


def test_the_paths_of_a_few_units_are_those_of_the_whole_tree(database_url: str) -> None:
    db = open_database(database_url)
    try:
        with db.transaction() as s:
            plant = m.Unit(name="采油一厂")
            s.add(plant)
            s.flush()
            areas = [m.Unit(name=f"采油{n}区", parent_id=plant.id) for n in "一二"]
            s.add_all(areas)
            s.flush()
            teams = [m.Unit(name=f"{a.name}一班", parent_id=a.id) for a in areas]
            s.add_all(teams)
            s.flush()
            asked = {plant.id, areas[1].id, teams[0].id, teams[1].id}
            team = teams[0].id
        with db.reading() as s:
            whole = unit_paths(s)
            some = unit_paths_of(s, asked)
            assert some == {uid: whole[uid] for uid in asked}
            assert some[team] == "采油一厂/采油一区/采油一区一班"
            assert unit_paths_of(s, set()) == {}
            assert unit_paths_of(s, {max(whole) + 99}) == {}  # no such unit: no path
    finally:
        db.dispose()
