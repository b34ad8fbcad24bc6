"""Undo and redo of the certificate templates saved in the Certificates area (issue 15):
Ctrl+Z takes a new copy away or saves the earlier one again, through the service; Ctrl+Y
saves it again; a refused undo says why and keeps the history; another contest clears it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from contest_desk.domain.certificates import Template
from contest_desk.services.hub import Services
from contest_desk.ui.certificates import template_editor
from contest_desk.ui.certificates.area import CertificatesArea
from contest_desk.ui.certificates.template_editor import TemplateEditor
from tests.ui import test_contests_area, undo_keys
from tests.ui import test_scoring_models as shared
from tests.ui.test_certificates_area import skill_area

language = shared.language
shown = test_contests_area.shown  # the messages shown, collected
RED = "工会红版"


@pytest.fixture
def demo(demo_copy: str) -> Services:
    return Services.open(demo_copy)


@pytest.fixture
def area(qtbot, demo: Services, shown, monkeypatch) -> CertificatesArea:
    widget = skill_area(qtbot, demo, monkeypatch)
    widget.template_box.setFocus()
    return widget


def save_copy(area: CertificatesArea, monkeypatch, title: str) -> Template:
    """Edit a copy of the landscape template as 工会红版 with ``title``, and save it."""
    contest = area.state.contest_id
    base = area.services.certificates.templates(contest)["landscape"]
    edited = replace(base, name=RED, title=title)
    monkeypatch.setattr(template_editor, "edit_template", lambda *_a: edited)
    area.template_box.setCurrentIndex(area.template_box.findData("landscape"))
    area.edit_template()
    return edited


def stored(area: CertificatesArea) -> Template | None:
    return area.services.certificates.templates(area.state.contest_id).get(RED)


def press(qtbot, where: CertificatesArea | QWidget, key: Qt.Key) -> None:
    """Ctrl+``key`` in the area (on its template chooser), or on a field of the editor."""
    target = where.template_box if isinstance(where, CertificatesArea) else where
    undo_keys.press(qtbot, target, key)


def test_saves_are_undone_and_redone_in_the_store_and_the_chooser(qtbot, area, monkeypatch):
    save_copy(area, monkeypatch, "荣誉证书")
    save_copy(area, monkeypatch, "先进个人")
    assert stored(area).title == "先进个人" and area.template_box.currentData() == RED
    assert area.templates.history.undo_action.text() == f"撤销「保存模板 {RED}」"

    press(qtbot, area, Qt.Key.Key_Z)  # the second save: the first one's title again
    assert stored(area).title == "荣誉证书" and area.template_box.currentData() == RED
    press(qtbot, area, Qt.Key.Key_Z)  # the first save: the new copy goes
    assert stored(area) is None and area.template_box.findData(RED) == -1
    assert not area.undo_button.isEnabled() and area.redo_button.isEnabled()

    press(qtbot, area, Qt.Key.Key_Y)
    assert stored(area).title == "荣誉证书" and area.template_box.currentData() == RED
    press(qtbot, area, Qt.Key.Key_Y)
    assert stored(area).title == "先进个人"
    rows = [r.action for r in area.services.audit.records() if "template" in r.action]
    # Two saves, two undone (one a removal), two again: each on the audit trail.
    assert rows.count("certificate.template") == 5
    assert rows.count("certificate.template.remove") == 1


def test_a_new_copy_with_certificates_issued_from_it_stays(
    qtbot, area, monkeypatch, shown, tmp_path
):
    save_copy(area, monkeypatch, "荣誉证书")
    assert area.write(tmp_path / "红版.pdf", combined=True)  # issued from 工会红版
    index = area.templates.history.stack.index()

    press(qtbot, area, Qt.Key.Key_Z)
    assert [e.msgid for e in shown] == [
        "Certificates were issued from the template {name}: it stays, to print them again"
    ]
    assert stored(area) is not None and area.templates.history.stack.index() == index


def test_a_template_saved_meanwhile_elsewhere_is_not_overwritten(qtbot, area, monkeypatch, shown):
    edited = save_copy(area, monkeypatch, "荣誉证书")
    contest = area.state.contest_id
    area.services.certificates.save_template(contest, replace(edited, title="另一台电脑"))

    press(qtbot, area, Qt.Key.Key_Z)
    assert [e.msgid for e in shown] == [
        "The template {name} was saved meanwhile, elsewhere: nothing was changed; look at it again"
    ]
    assert stored(area).title == "另一台电脑"
    assert area.templates.history.stack.canUndo()


def test_another_contest_starts_the_history_afresh(area, monkeypatch, demo):
    save_copy(area, monkeypatch, "荣誉证书")
    assert area.undo_button.isEnabled()
    other = next(c for c in demo.contests.contests() if c.id != area.state.contest_id)
    area.state.choose_contest(other.id)
    assert not area.templates.history.stack.canUndo() and not area.undo_button.isEnabled()


def test_the_editor_undoes_its_form_a_run_of_typing_as_one_step(qtbot, demo: Services):
    base = demo.certificates.templates(1)["landscape"]
    editor = TemplateEditor(base)
    qtbot.addWidget(editor)
    editor.show()
    first = editor.template()
    editor.orientation_box.setCurrentIndex(1)  # portrait
    editor.title_edit.setText("先")
    editor.title_edit.setText("先进")  # typing on in the same field
    editor.margin_spin.setValue(25)
    assert editor.form.history.stack.count() == 3
    assert editor.form.history.undo_action.text() == f"撤销「{editor.tr('Margin (mm)')}」"

    for _ in range(3):
        press(qtbot, editor.orientation_box, Qt.Key.Key_Z)
    assert editor.template() == first
    for _ in range(3):
        press(qtbot, editor.orientation_box, Qt.Key.Key_Y)
    edited = editor.template()
    assert (edited.orientation.value, edited.title, edited.margin) == ("portrait", "先进", 25)
