"""Other medicines and supplements, each with the times of day it is taken."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCompleter,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from magplan.core.errors import PlanInputError
from magplan.core.knowledge import Knowledge
from magplan.core.request import (
    MedEntry,
    MedicineTimes,
    group_medicines,
    parse_medicine_class,
)
from magplan.core.separation import rule_text
from magplan.gui.fields import (
    Errors,
    FieldMarks,
    FieldMessage,
    format_times,
    named,
    parse_times,
    sentence,
)
from magplan.gui.row_list import EditorRow, RowList


class MedicineRow(EditorRow):
    """One medicine: its name (completed from the knowledge base) and its times."""

    def __init__(self, k: Knowledge, marks: FieldMarks, number: int) -> None:
        super().__init__()
        self._k = k
        self._marks = marks
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("name, e.g. calcium, sertraline")
        completer = QCompleter(k.medicine_names(), self.name_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        popup = completer.popup()
        if popup is not None:
            popup.setAccessibleName("Medicine names the planner knows")
        self.name_edit.setCompleter(completer)
        self.times_edit = QLineEdit()
        self.times_edit.setPlaceholderText("HH:MM, HH:MM")
        self.times_edit.setToolTip("When it is taken: one or more times as HH:MM, with commas")
        self.remove_button = QToolButton()
        self.remove_button.setText("Remove")
        self.remove_button.setToolTip("Remove this medicine")
        self.name_message = FieldMessage("Medicine name")
        self.times_message = FieldMessage("Medicine times")
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.info.hide()
        marks.register(self.name_edit, self.name_message)
        marks.register(self.times_edit, self.times_message)
        grid.addWidget(self.name_edit, 0, 0)
        grid.addWidget(self.times_edit, 0, 1)
        grid.addWidget(self.remove_button, 0, 2)
        grid.addWidget(self.name_message, 1, 0)
        grid.addWidget(self.times_message, 1, 1, 1, 2)
        grid.addWidget(self.info, 2, 0, 1, 3)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.name_edit.textChanged.connect(self.changed)
        self.times_edit.textChanged.connect(self.changed)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.set_number(number)

    def set_number(self, number: int) -> None:
        """Names its controls by their place in the list (renumbered after a removal)."""
        named(self.name_edit, f"Medicine {number} name", "A brand, generic or class name")
        named(self.times_edit, f"Medicine {number} times", "Times as HH:MM, separated by commas")
        named(self.remove_button, f"Remove medicine {number}")

    def marked_fields(self) -> list[QWidget]:
        return [self.name_edit, self.times_edit]

    def first_field(self) -> QWidget:
        return self.name_edit

    def is_empty(self) -> bool:
        return not self.name_edit.text().strip() and not self.times_edit.text().strip()

    def read(self, errors: Errors) -> list[MedEntry]:
        """One entry for each time; marks the fields it cannot read."""
        name = self.name_edit.text().strip()
        class_id = ""
        self.info.hide()
        if not name:
            errors[self.name_edit] = "Type the name of the medicine or supplement."
        else:
            try:
                class_id = parse_medicine_class(self._k, name)
            except PlanInputError as exc:
                errors[self.name_edit] = sentence(exc.message)
        times: tuple[int, ...] = ()
        try:
            times = parse_times(self.times_edit.text(), f"Time of {name or 'this medicine'}")
        except PlanInputError as exc:
            errors[self.times_edit] = sentence(exc.message)
        if class_id:
            cls = self._k.medicines[class_id]
            rule = rule_text(cls.other_first_min, cls.mg_first_min) if cls.separates else ""
            self.info.setText(f"{cls.name}" + (f": {rule}" if rule else ""))
            self.info.show()
        if not class_id or not times:
            return []
        return [MedEntry(name, class_id, t) for t in times]

    def load(self, name: str, times: tuple[int, ...]) -> None:
        self.name_edit.setText(name)
        self.times_edit.setText(format_times(times))


class MedicinesEditor(QGroupBox):
    """Add, edit and remove the other medicines; several times per medicine."""

    changed = Signal()
    rows_changed = Signal()

    def __init__(self, k: Knowledge, marks: FieldMarks, parent: QWidget | None = None) -> None:
        super().__init__("Other medicines and supplements", parent)
        named(self, "Other medicines and supplements")
        self._k = k
        self._marks = marks
        lay = QVBoxLayout(self)
        self.header = QLabel("Name and the times it is taken (HH:MM, commas between times)")
        self.header.setWordWrap(True)
        self.header.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        lay.addWidget(self.header)
        self._rows_box = QVBoxLayout()
        self._rows_box.setSpacing(8)
        lay.addLayout(self._rows_box)
        self.add_button = QPushButton("&Add medicine or supplement")
        named(self.add_button, "Add medicine or supplement")
        self.add_button.clicked.connect(self._add_clicked)
        lay.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._list: RowList[MedicineRow] = RowList(
            self._rows_box, marks, self.add_button, self.changed, self.rows_changed
        )

    @property
    def rows(self) -> list[MedicineRow]:
        return self._list.rows

    def _add_clicked(self) -> None:
        self._list.focus_new(self.add_row())

    def add_row(self) -> MedicineRow:
        return self._list.append(MedicineRow(self._k, self._marks, len(self.rows) + 1))

    def clear(self) -> None:
        self._list.clear()

    def read(self, errors: Errors) -> tuple[MedicineTimes, ...]:
        entries: list[MedEntry] = []
        for row in self.rows:
            if not row.is_empty():
                entries += row.read(errors)
            else:
                row.info.hide()
        return group_medicines(entries)

    def load(self, medicines: tuple[MedicineTimes, ...]) -> None:
        self.clear()
        for med in medicines:
            row = self.add_row()
            row.load(med.name, med.times_min)
