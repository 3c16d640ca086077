"""The clinician's confirmation that a plan stopped by a condition is prescribed and supervised.

Unlocking a stopped plan is a clinician's act, so one tick is not enough: the dialog asks the
supervising clinician's name and an explicit confirmation, and cannot be accepted without both.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from magplan.gui.fields import named
from magplan.profiles.names import MAX_TEXT_CHARS

TITLE = "Prescribed and supervised by a clinician"
CONFIRMATION = "I confirm that magnesium is prescribed and supervised"


class SupervisionDialog(QDialog):
    """Asks the supervising clinician's name (required) and an explicit confirmation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        named(self, TITLE)
        intro = QLabel(
            "Only the clinician who prescribes magnesium for this person and supervises it (or "
            "someone acting for them) should confirm this. The plan is then made despite a "
            "condition that otherwise stops it (kidney disease, heart block, myasthenia "
            "gravis), and every output says it is supervised. The name goes into “Prepared "
            "by” when that is empty."
        )
        intro.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(MAX_TEXT_CHARS)  # what "Prepared by" can keep
        self.name_edit.setPlaceholderText("e.g. Dr. A. Jones, nephrologist")
        named(self.name_edit, "Supervising clinician's name", "Required")
        self.confirm_box = QCheckBox(CONFIRMATION)
        named(self.confirm_box, "Confirm that the plan is prescribed and supervised")
        form = QFormLayout()
        label = QLabel("Supervising &clinician:")
        label.setBuddy(self.name_edit)
        form.addRow(label, self.name_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.ok_button: QPushButton = ok
        self.ok_button.setText("Confirm supervision")
        named(self.ok_button, "Confirm supervision")
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.confirm_box)
        lay.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._update_ok)
        self.confirm_box.toggled.connect(self._update_ok)
        self._update_ok()
        self.resize(460, self.sizeHint().height())

    def clinician(self) -> str:
        return " ".join(self.name_edit.text().split())

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.clinician()) and self.confirm_box.isChecked())

    def accept(self) -> None:
        if self.ok_button.isEnabled():  # Enter in the name field must not skip the tick
            super().accept()

    @staticmethod
    def ask(parent: QWidget | None) -> str | None:
        """The supervising clinician's name once confirmed, or None when cancelled.

        Tests replace this with a stub: it runs a modal dialog."""
        dialog = SupervisionDialog(parent)
        try:
            return dialog.clinician() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
