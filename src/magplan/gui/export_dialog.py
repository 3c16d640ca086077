"""Export Calendar: the day the reminders start, chosen before the file (today unless changed),
as ``magplan export --start`` chooses it on the command line."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from magplan.gui.fields import named

FIRST_START = dt.date(2000, 1, 1)  # the range the command line's --start allows
LAST_START = dt.date(2199, 12, 31)


class StartDateDialog(QDialog):
    """The first day of the schedule: week 1 of the start-low ramp begins that day."""

    def __init__(self, parent: QWidget | None, today: dt.date) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export Calendar")
        self.date_edit = QDateEdit(_qdate(today))
        self.date_edit.setDisplayFormat("yyyy-MM-dd")  # as --start: one reading everywhere
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDateRange(_qdate(FIRST_START), _qdate(LAST_START))
        named(
            self.date_edit,
            "First day of the schedule",
            "The day the reminders start: week 1 of the start-low weeks begins on it",
        )
        hint = QLabel(
            "The reminders start on this day: week 1 of the start-low weeks begins on it, "
            "and each dose is reminded daily from then on."
        )
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&First day:", self.date_edit)
        label = form.labelForField(self.date_edit)
        if isinstance(label, QLabel):
            label.setBuddy(self.date_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText("&Next…")  # the file comes next
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(hint)
        column.addWidget(buttons)
        self.date_edit.setFocus()

    def start_date(self) -> dt.date:
        chosen = self.date_edit.date()
        return dt.date(chosen.year(), chosen.month(), chosen.day())

    @staticmethod
    def ask(parent: QWidget | None, today: dt.date) -> dt.date | None:
        """The day chosen, or None when the user cancels."""
        dialog = StartDateDialog(parent, today)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted.value
            return dialog.start_date() if accepted else None
        finally:
            dialog.deleteLater()


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)
