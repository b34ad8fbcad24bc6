"""The rubric editor on two desks: a save from a draft started before another desk's save
is refused naming what they changed; the editor shows the rubric stored now and puts the
draft back on request, to save again over it."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from contest_desk.domain.rubric import Rubric
from contest_desk.errors import StaleEdit, UserError
from contest_desk.services.hub import Services
from contest_desk.ui.contests.rubric_editor import RubricEditor
from contest_desk.ui.contests.rubric_model import MAX, NAME
from tests.ui import test_contests_area as shared
from tests.ui import test_rubric_undo as undo_tests

D = Decimal
area = shared.area
services = shared.services
shown = shared.shown
# The editor on a part with two criteria, shared with the undo tests.
STORED = undo_tests.STORED
editor = undo_tests.editor


def test_a_stale_draft_is_refused_shown_fresh_and_can_be_reapplied(
    editor: RubricEditor, services: Services, shown: list[UserError]
) -> None:
    part_id = editor.part_id
    assert part_id is not None
    editor.tree.topLevelItem(0).setText(MAX, "20")  # this desk's draft: B1 max 20
    assert editor.dirty

    # Another desk (its own connection) renames B2 and saves first.
    other = Services.open(str(services.ctx.db.url).removeprefix("sqlite:///"))
    try:
        theirs = Rubric((STORED.criteria[0], replace(STORED.criteria[1], name="安全文明")))
        other.contests.save_rubric(part_id, theirs, read=STORED)
    finally:
        other.ctx.db.dispose()

    assert not editor.save()
    assert len(shown) == 1 and isinstance(shown[0], StaleEdit)
    assert "安全文明" in shown[0].message()
    # The editor shows the stored rubric now; the draft is kept, not saved.
    assert editor.tree.topLevelItem(1).text(NAME) == "安全文明"
    assert editor.tree.topLevelItem(0).text(MAX) == "10"
    assert not editor.reapply_button.isHidden()
    assert services.contests.rubric(part_id).criteria[0].max_points == D(10)

    editor.reapply()  # the draft back (B1 max 20, but B2 as it was): redo the rename
    assert editor.tree.topLevelItem(0).text(MAX) == "20" and editor.dirty
    editor.tree.topLevelItem(1).setText(NAME, "安全文明")
    assert editor.save()
    stored = services.contests.rubric(part_id)
    assert (stored.criteria[0].max_points, stored.criteria[1].name) == (D(20), "安全文明")
    assert editor.reapply_button.isHidden() and len(shown) == 1
