"""Other medicines and supplements, each with the times of day it is taken, as a table."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from magplan.core.knowledge import Knowledge
from magplan.core.request import PlanRequest
from magplan.gui.fields import Cell, FieldMarks, Reading, format_times, named, reading
from magplan.gui.medicine_fields import MedicineDelegate, WeekdaysEditor
from magplan.gui.medicines_model import DAYS, NAME, SPACING, TIMES, MedicinesModel
from magplan.gui.table_editor import TableEditor

HINT = (
    "Name and the times it is taken (e.g. 8:00 or 8am, commas between times); for one taken "
    "on some weekdays only, tick them under “Taken on”"
)


class MedicinesEditor(TableEditor[MedicinesModel]):
    """Add, edit and remove the other medicines; several times per medicine.

    Under the table, the current row's help for a name the planner does not know: the known
    name close to it ("Use “sertraline”", or Enter in the name), and for a magnesium product
    the way to "Magnesium from other products"."""

    otherMagnesiumRequested = Signal()  # a row named magnesium: go to its field

    def __init__(self, k: Knowledge, marks: FieldMarks) -> None:
        model = MedicinesModel(k)
        super().__init__(
            "Other medicines and supplements",
            HINT,
            model,
            MedicineDelegate(k, model),
            marks,
            "Add medi&cine or supplement",
        )
        self.table.empty_text = "None: add one below."
        fm = self.fontMetrics()
        self.table.set_columns(
            {
                TIMES: fm.horizontalAdvance(format_times((8 * 60, 20 * 60))) + 12,  # 12-hour too
                DAYS: WeekdaysEditor().sizeHint().width(),
                SPACING: fm.horizontalAdvance("Spacing (h)") + 12,
            },
            stretch=NAME,
        )
        self.suggest_button.clicked.connect(self.accept_suggestion)
        self.magnesium_button.clicked.connect(self._count_as_other_magnesium)

    def _row_help(self) -> list[QWidget]:
        """The buttons that help with a name the planner does not know (hidden otherwise)."""
        self.suggest_button = QPushButton()
        self.suggest_button.setToolTip(
            "Use the name the planner knows (or press Enter in the name)"
        )
        self.magnesium_button = QPushButton("Count it as other magnesium")
        self.magnesium_button.setToolTip(
            "Remove this row and go to “Magnesium from other products”, where the magnesium "
            "it gives a day is counted towards the limit"
        )
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.suggest_button)
        row.addWidget(self.magnesium_button)
        row.addStretch(1)
        return [box]

    def _show_row_help(self, row: int) -> None:
        suggestion = self.model.suggestion(row) if row >= 0 else None
        self.suggest_button.setVisible(suggestion is not None)
        if suggestion is not None:
            self.suggest_button.setText(f"Use “{suggestion}”")
            named(
                self.suggest_button,
                f"Medicine {row + 1}: use the name {suggestion}",
                self.suggest_button.toolTip(),
            )
        magnesium = row >= 0 and self.model.is_magnesium(row)
        self.magnesium_button.setVisible(magnesium)
        named(
            self.magnesium_button,
            f"Medicine {row + 1}: count it as other magnesium",
            self.magnesium_button.toolTip(),
        )

    def accept_suggestion(self) -> None:
        """Replace the current row's misspelt name by the known name close to it."""
        row = self.current_row()
        if row >= 0 and self.model.accept_suggestion(row):
            self.table.go_to(self.model.index(row, NAME))

    def _count_as_other_magnesium(self) -> None:
        if self.current_row() >= 0:
            self.remove_row(self.current_row())
        self.otherMagnesiumRequested.emit()

    # ---- the input panel's contract -----------------------------------------------------

    def read(self) -> Reading:
        return reading({"medicines": self.model.medicines()}, self.model.errors())

    def load(self, request: PlanRequest) -> None:
        self.model.load(request.medicines)

    def first_name(self) -> Cell | None:
        """Where a message about the medicines as a whole is marked: the first name."""
        return Cell(self.model, 0, NAME) if self.model.rowCount() else None
