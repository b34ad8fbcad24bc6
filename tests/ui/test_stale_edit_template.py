"""A certificate template edited on two desks: the second save over the same copy, made
from the template as its editor opened it, is refused; the copy saved first is kept."""

from __future__ import annotations

import threading
from dataclasses import replace

from contest_desk.services.hub import Services
from contest_desk.ui.certificates import template_editor
from tests.ui import test_template_undo as shared

demo, shown, area = shared.demo, shared.shown, shared.area
RED = shared.RED


def test_a_template_saved_on_another_desk_meanwhile_is_not_overwritten(
    area, demo: Services, shown, monkeypatch
) -> None:
    shared.save_copy(area, monkeypatch, "荣誉证书")
    contest = area.state.contest_id
    opened = area.services.certificates.templates(contest)[RED]
    mine = replace(opened, title="优秀选手")

    def other_desk_saves() -> None:
        other = Services.open(str(demo.ctx.db.url).removeprefix("sqlite:///"))
        try:
            theirs = replace(opened, title="另一台电脑")
            other.certificates.save_template(contest, theirs, read=opened)
        finally:
            other.ctx.db.dispose()

    def edit_after_the_other_desk_saved(*_args: object) -> object:
        # While this desk's editor is open, another desk (its own connection) saves.
        desk = threading.Thread(target=other_desk_saves)
        desk.start()
        desk.join(60)
        return mine

    monkeypatch.setattr(template_editor, "edit_template", edit_after_the_other_desk_saved)
    area.template_box.setCurrentIndex(area.template_box.findData(RED))
    area.edit_template()

    assert len(shown) == 1 and RED in shown[0].message()
    assert area.services.certificates.templates(contest)[RED].title == "另一台电脑"
    assert area.template_box.currentData() == RED
