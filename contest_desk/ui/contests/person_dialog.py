"""Editing one person of the roster, safe against a second desk saving the same person.

The dialog keeps the person as it read them. Saving hands that back; when another desk
saved the person meanwhile, the service refuses (StaleEdit, naming who changed which
field): the dialog says so, shows the stored values now, lists the person's own typed
values and offers to put them back (重新应用我的修改), so nothing is overwritten unseen
and nothing typed is lost.

A save that meets a server gone away keeps the form open with the typed values, says
未保存, and waits in the window's queue (ui/reconnect.py), which sends it again once the
server answers; the form closes as saved only when that commit answered.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QPushButton, QWidget

from contest_desk.domain.records.contests import PersonInfo, UnitInfo
from contest_desk.errors import ServerUnavailable, StaleEdit, UserError
from contest_desk.ui import ask, feedback, operations
from contest_desk.ui.contests.person_fields import PersonForm, Values
from contest_desk.ui.reconnect import Held, Reconnect, kept_sentence, retries_of
from contest_desk.ui.stale_form import saved_or_said

Save = Callable[[PersonInfo, Values], PersonInfo]


class EditPersonDialog(PersonForm):
    def __init__(
        self,
        person: PersonInfo,
        units: list[UnitInfo],
        save: Save,
        parent: QWidget | None = None,
        answers: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit person"))
        self.read = person  # what the form was filled from: handed back with the save
        self.saved: PersonInfo | None = None
        self.mine: Values | None = None  # the person's own values of a refused save
        self._save = save
        # The server's probe (Database.answers): with it, a save that meets the server's
        # absence waits and is sent again; without it, the absence is said like a refusal.
        self._answers = answers
        self._retries: Reconnect | None = None
        self.notice = QLabel()  # why the values changed under the person's eyes
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.reapply_button = QPushButton(self.tr("Reapply my changes"))
        self.reapply_button.clicked.connect(self.reapply)
        self.reapply_button.hide()
        form = QFormLayout(self)
        form.addRow(self.notice)
        self.add_person_fields(form, units)
        form.addRow(self.reapply_button)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.show_values(self._values_of(person))

    @staticmethod
    def _values_of(person: PersonInfo) -> Values:
        return (person.employee_no, person.name, person.unit, person.job_type, person.skill_level)

    def save(self) -> bool:
        """Save; on a refusal the dialog stays open (a stale form: with the fresh values)."""
        read, typed = self.read, self.values()
        if self._retries is not None and self._retries.waiting:
            self._hold(read, typed, self._retries.server)  # the newer values wait instead
            return False
        # With the probe the form waits in the window's queue, the person free to go on;
        # without it the runner waits for the server with its dialog.
        outcome = operations.run_inline(
            self, lambda: self._save(read, typed), wait_for_server=self._answers is None
        )
        if isinstance(outcome, ServerUnavailable) and self._answers is not None:
            self._hold(read, typed, outcome.server)
            return False
        saved = saved_or_said(self, outcome, lambda error: self.stale(error, typed))
        if saved is None:
            return False
        self.saved = saved
        self.accept()
        return True

    # Waiting for the server ------------------------------------------------------------

    def _hold(self, read: PersonInfo, typed: Values, server: str) -> None:
        """Keep the form open with the typed values, say 未保存, and queue the save."""
        assert self._answers is not None
        self._retries = retries_of(self.parentWidget() or self, self._answers)
        self._retries.hold(
            Held(
                ("person", read.id),
                lambda: self._save(read, typed),
                self._retried,
                lambda error: self._retry_refused(error, typed),
            ),
            server,
        )
        self._say(self.tr("Not saved: {reason}").format(reason=kept_sentence(self._retries.server)))

    def _retried(self, saved: PersonInfo) -> None:
        self.notice.hide()
        self.saved = saved
        self.accept()

    def _retry_refused(self, error: UserError, typed: Values) -> None:
        self.notice.hide()
        current = error.current if isinstance(error, StaleEdit) else None
        if isinstance(current, PersonInfo) and _same(self._values_of(current), typed):
            # The first attempt was saved, its answer lost: the stored values are the typed ones.
            self._retried(current)
        elif isinstance(error, StaleEdit):
            self.stale(error, typed)
        else:
            feedback.show_user_error(self, error)

    def pending(self) -> bool:
        """Whether the form's save waits for the server."""
        return self._retries is not None and self._retries.waiting and self.notice.isVisible()

    def reject(self) -> None:
        """Cancel while the save waits asks first: the typed values would not be saved."""
        if self.pending():
            go = ask.ask_go(
                self,
                self.tr("Values not saved"),
                self.tr("This person's changes wait for the server to be saved. Discard them?"),
                self.tr("Discard"),
                self.tr("Keep waiting"),
                warning=True,
            )
            if not go:
                return
            if self._retries is not None:
                self._retries.forget(("person", self.read.id))
        super().reject()

    def stale(self, error: StaleEdit, typed: Values) -> None:
        """Someone else saved the person: say who and what, show what is stored now, and
        keep the person's own values, listed and ready to put back."""
        feedback.show_user_error(self, error)
        if isinstance(error.current, PersonInfo):
            self.read = error.current
            self.show_values(self._values_of(error.current))
        self.mine = typed
        labels = (
            self.tr("Employee no."),
            self.tr("Name"),
            self.tr("Unit"),
            self.tr("Job type"),
            self.tr("Skill level"),
        )
        listed = self.tr("; ").join(
            self.tr("{field}: {value}").format(field=label, value=value or "—")
            for label, value in zip(labels, typed, strict=True)
        )
        self.reapply_button.show()
        self._say(
            self.tr("{message}\nThe form now shows what is stored. Your values: {values}").format(
                message=error.message(), values=listed
            )
        )

    def _say(self, text: str) -> None:
        """The notice above the fields, the form grown to show all of it (a wrapped label
        does not grow a dialog already shown: its lines were cut off, seen on a screenshot)."""
        self.notice.setText(text)
        self.notice.show()
        self.adjustSize()

    def reapply(self) -> None:
        """Put the person's own values of the refused save back in the form, to save again
        over the fresh values now read."""
        if self.mine is not None:
            self.show_values(self.mine)


def _same(stored: Values, typed: Values) -> bool:
    return [v.strip() for v in stored] == [v.strip() for v in typed]
