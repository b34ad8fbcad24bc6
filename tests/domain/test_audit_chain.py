"""The audit hash chain: every kind of tampering is found at the first row it touches."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from contest_desk.domain.audit_chain import GENESIS, Link, first_break, link_hash
from contest_desk.domain.records.audit import Break

T0 = dt.datetime(2026, 5, 10, 8, 30)


def chain(n: int) -> list[Link]:
    links, prev = [], GENESIS
    for seq in range(1, n + 1):
        at = T0 + dt.timedelta(minutes=seq)
        detail = {"old": None, "new": str(seq)}
        digest = link_hash(prev, seq, at, "judge1", "score.record", f"entry:{seq}", detail, "")
        links.append(
            Link(seq, at, "judge1", "score.record", f"entry:{seq}", detail, "", prev, digest)
        )
        prev = digest
    return links


def test_an_untouched_chain_holds() -> None:
    links = chain(5)
    assert first_break(links, 5, links[-1].hash) is None
    assert first_break([], 0, GENESIS) is None


def test_a_changed_value_is_found() -> None:
    links = chain(5)
    links[2] = replace(links[2], detail={"old": None, "new": "9.5"})
    assert first_break(links, 5, links[-1].hash) == Break(3, "changed")


def test_a_changed_actor_or_reason_is_found() -> None:
    links = chain(5)
    assert first_break(
        [*links[:1], replace(links[1], actor="chief"), *links[2:]], 5, links[-1].hash
    ) == Break(2, "changed")
    assert first_break(
        [*links[:3], replace(links[3], note="typo"), links[4]], 5, links[-1].hash
    ) == Break(4, "changed")


def test_a_removed_row_is_found() -> None:
    links = chain(5)
    assert first_break(links[:2] + links[3:], 5, links[-1].hash) == Break(3, "missing")


def test_a_row_rehashed_after_an_edit_breaks_the_next_link() -> None:
    links = chain(5)
    edited = replace(links[1], note="changed later")
    fields = (edited.at, edited.actor, edited.action, edited.target, edited.detail, edited.note)
    edited = replace(edited, hash=link_hash(edited.prev_hash, 2, *fields))
    assert first_break([links[0], edited, *links[2:]], 5, links[-1].hash) == Break(3, "relinked")


def test_rows_cut_from_the_end_are_found_by_the_head() -> None:
    links = chain(5)
    assert first_break(links[:3], 5, links[-1].hash) == Break(4, "tail")
