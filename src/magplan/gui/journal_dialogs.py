"""The Journal page's two small questions about a dose: why it was skipped (optional), and
when it was taken when not at its planned time.

The time is typed as every time field of the window takes it (``9:10``, ``0910``, ``9:10 pm``,
``9``: :class:`magplan.gui.fields.TimeField`); a time that cannot be read is said under the
field, in one line, and the dialog stays open.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from magplan.core.errors import PlanInputError
from magplan.core.timeofday import format_time
from magplan.gui.fields import FieldMessage, TimeField, named, sentence
from magplan.journal.records import MAX_REASON_CHARS


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    if ok is not None:
        ok.setText(ok_text)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class SkippedDialog(QDialog):
    """ "Skipped" for one dose, with the reason the person gives (which may be none)."""

    def __init__(self, dose_words: str, reason: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Skipped")
        question = QLabel(f"Mark {dose_words} as skipped. Why was it skipped? (optional)")
        question.setWordWrap(True)
        self.reason_edit = QLineEdit(reason)
        self.reason_edit.setMaxLength(MAX_REASON_CHARS)
        self.reason_edit.setPlaceholderText("e.g. forgot, away from home, felt sick")
        named(self.reason_edit, "Reason", "Why the dose was skipped, if you want to say")
        question.setBuddy(self.reason_edit)
        column = QVBoxLayout(self)
        column.addWidget(question)
        column.addWidget(self.reason_edit)
        column.addWidget(_buttons(self, "Mark skipped"))

    def reason(self) -> str:
        return " ".join(self.reason_edit.text().split())


class TakenAtDialog(QDialog):
    """ "Taken at another time" for one dose: the time it was taken."""

    def __init__(self, dose_words: str, minute: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Taken at another time")
        question = QLabel(f"When was {dose_words} taken?")
        question.setWordWrap(True)
        self.time_edit = TimeField("Taken at", minute)
        self.message = FieldMessage("Taken at")
        question.setBuddy(self.time_edit)
        column = QVBoxLayout(self)
        column.addWidget(question)
        column.addWidget(self.time_edit)
        column.addWidget(self.message)
        column.addWidget(_buttons(self, "Mark taken"))
        self.time_edit.selectAll()

    def taken_at(self) -> str:
        """The time typed, as the journal keeps it (``HH:MM``); raises
        :class:`PlanInputError` when it is not a time."""
        return format_time(self.time_edit.minute())

    def accept(self) -> None:
        try:
            self.taken_at()
        except PlanInputError as exc:
            self.message.show_message(sentence(exc.message))
            self.time_edit.setFocus()
            return
        self.message.clear_message()
        super().accept()
