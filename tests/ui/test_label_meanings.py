"""Labels whose English word has two meanings say the right one in Chinese: the template
editor's template name and certificate title, the studios' level and the meetings' place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from contest_desk.domain.certificates import BUILT_IN
from contest_desk.services.hub import Services
from contest_desk.ui import ask
from contest_desk.ui.certificates.template_editor import TemplateEditor
from contest_desk.ui.innovation.area import InnovationArea
from contest_desk.ui.state import AppState
from tests.ui import test_scoring_models as shared

language = shared.language
services = shared.services


def label_of(field: QWidget) -> str:
    form = field.parentWidget().findChild(QFormLayout)
    assert form is not None
    label = form.labelForField(field)
    assert isinstance(label, QLabel)
    return label.text()


def test_the_template_editor_names_the_template_and_the_certificate_title(qtbot) -> None:
    editor = TemplateEditor(BUILT_IN["landscape"])
    qtbot.addWidget(editor)
    assert label_of(editor.name_edit) == "模板名称"
    assert label_of(editor.title_edit) == "证书标题"


def test_studios_head_their_level_and_meetings_their_place(qtbot, services: Services) -> None:
    area = InnovationArea(services, AppState())
    qtbot.addWidget(area)
    horizontal, shown = Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
    studios = [area.studios.headerData(c, horizontal, shown) for c in range(6)]
    meetings = [area.meetings.headerData(c, horizontal, shown) for c in range(3)]
    assert studios[3] == "级别" and "奖项" not in studios
    assert meetings[2] == "地点" and "名次" not in meetings


def test_the_new_studio_and_meeting_forms_ask_the_right_fields(
    qtbot, services: Services, monkeypatch
) -> None:
    services.innovation.add_studio("王建国创新工作室", "采油一区", "plant")
    area = InnovationArea(services, AppState())
    qtbot.addWidget(area)
    asked: list[list[str]] = []

    def form(_parent, _title, fields):
        asked.append([label for label, _default in fields])

    monkeypatch.setattr(ask, "ask_form", form)
    monkeypatch.setattr(ask, "ask_choice", lambda *_a: 0)
    area.new_studio()
    area.new_meeting()
    studio, meeting = asked
    assert studio[0] == "工作室名称" and "姓名" not in studio
    assert meeting[1] == "地点" and "名次" not in meeting
