"""Other medicines and supplements, each with the times of day it is taken."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCompleter,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
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
    MedicineName,
    MedicineTimes,
    PlanRequest,
    format_weekdays,
    group_medicines,
    parse_medicine_class,
    recognise_medicine,
)
from magplan.core.text import medicine_rule
from magplan.gui.fields import (
    Errors,
    FieldMarks,
    FieldMessage,
    Reading,
    format_times,
    named,
    parse_times,
    reading,
    sentence,
)
from magplan.gui.medicine_fields import NO_DAY_TICKED, StatedSpacingField, WeekdaysField
from magplan.gui.row_list import EditorRow, RowList


def suggestion_message(name: str, suggestion: str) -> str:
    return (
        f"Unknown medicine '{name}': did you mean '{suggestion}'? Press Enter to use it. If "
        "it is another medicine, type its spacing from magnesium below."
    )


def magnesium_message(name: str) -> str:
    return (
        f"'{name}' is magnesium itself: count the magnesium it gives a day under “Magnesium "
        "from other products”, not as a medicine to keep apart."
    )


class MedicineRow(EditorRow):
    """One medicine: its name (completed from the knowledge base), its times and weekdays.

    A name the planner does not know is never taken as it is: the row offers the close known
    name ("Use “sertraline”", or Enter in the name field), points a magnesium product to
    "Magnesium from other products", and otherwise asks for the spacing from magnesium, in
    hours, that the person's pharmacist gives (0 allowed): with it the medicine is kept."""

    otherMagnesiumRequested = Signal(object)

    def __init__(self, k: Knowledge, marks: FieldMarks, number: int) -> None:
        super().__init__()
        self._k = k
        self._marks = marks
        self._number = number
        self._state_of: tuple[str, MedicineName] = ("", MedicineName("empty"))
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

        self.spacing = StatedSpacingField()
        self.days = WeekdaysField()

        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.info.hide()
        marks.register(self.name_edit, self.name_message)
        marks.register(self.times_edit, self.times_message)
        marks.register(self.spacing.edit, self.spacing.message)
        marks.register(self.days.combo, self.days.message)
        # in reading order, which is also the order Tab takes
        grid.addWidget(self.name_edit, 0, 0)
        grid.addWidget(self.times_edit, 0, 1)
        grid.addWidget(self.remove_button, 0, 2)
        grid.addWidget(self.name_message, 1, 0, 1, 3)
        grid.addLayout(self._name_help_buttons(), 2, 0, 1, 3)
        grid.addWidget(self.spacing, 3, 0, 1, 3)
        grid.addWidget(self.times_message, 4, 0, 1, 3)
        grid.addWidget(self.days, 5, 0, 1, 3)
        grid.addWidget(self.info, 6, 0, 1, 3)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self._show_name_help()

        self.name_edit.textChanged.connect(self._name_changed)  # before the plan is remade
        self.name_edit.textChanged.connect(self.changed)
        self.name_edit.returnPressed.connect(self.accept_suggestion)
        self.times_edit.textChanged.connect(self.changed)
        self.spacing.changed.connect(self.changed)
        self.days.changed.connect(self.changed)
        self.suggest_button.clicked.connect(self.accept_suggestion)
        self.magnesium_button.clicked.connect(lambda: self.otherMagnesiumRequested.emit(self))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.set_number(number)

    def _name_help_buttons(self) -> QHBoxLayout:
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
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.suggest_button)
        row.addWidget(self.magnesium_button)
        row.addStretch(1)
        return row

    def set_number(self, number: int) -> None:
        """Names its controls by their place in the list (renumbered after a removal)."""
        self._number = number
        named(self.name_edit, f"Medicine {number} name", "A brand, generic or class name")
        named(self.times_edit, f"Medicine {number} times", "Times as HH:MM, separated by commas")
        named(self.remove_button, f"Remove medicine {number}")
        self.spacing.set_number(number)
        named(
            self.magnesium_button,
            f"Medicine {number}: count it as other magnesium",
            self.magnesium_button.toolTip(),
        )
        self.days.set_number(number)
        self._name_suggestion_names()

    def marked_fields(self) -> list[QWidget]:
        return [self.name_edit, self.times_edit, self.spacing.edit, self.days.combo]

    def first_field(self) -> QWidget:
        return self.name_edit

    def is_empty(self) -> bool:
        return not self.name_edit.text().strip() and not self.times_edit.text().strip()

    # ---- the name -------------------------------------------------------------------------

    def name_state(self) -> MedicineName:
        """What the planner makes of the name (worked out once per name, not per edit)."""
        name = self.name_edit.text().strip()
        if self._state_of[0] != name:
            self._state_of = (name, recognise_medicine(self._k, name))
        return self._state_of[1]

    def _name_changed(self) -> None:
        state = self.name_state()
        if state.kind == "known":
            # a known medicine's spacing comes from its rule, never from a figure typed for
            # another name
            self.spacing.set_minutes(None)
        self._show_name_help()

    def _show_name_help(self) -> None:
        state = self.name_state()
        self.suggest_button.setVisible(state.suggestion is not None)
        self._name_suggestion_names()
        self.magnesium_button.setVisible(state.kind == "magnesium")
        self.spacing.setVisible(state.kind == "unknown")

    def _name_suggestion_names(self) -> None:
        suggestion = self.name_state().suggestion
        if suggestion is None:
            return
        self.suggest_button.setText(f"Use “{suggestion}”")
        named(
            self.suggest_button,
            f"Medicine {self._number}: use the name {suggestion}",
            self.suggest_button.toolTip(),
        )

    def accept_suggestion(self) -> None:
        """Replace a misspelt name by the known name the row suggests (Enter, or the button)."""
        suggestion = self.name_state().suggestion
        if suggestion is not None:
            self.name_edit.setText(suggestion)
            self.name_edit.setFocus()

    # ---- reading and loading --------------------------------------------------------------

    def read(self, errors: Errors) -> list[MedEntry]:
        """One entry for each time; marks the fields it cannot read."""
        name = self.name_edit.text().strip()
        state = self.name_state()
        class_id = ""
        spacing_min: int | None = None
        self.info.hide()
        if state.kind == "empty":
            errors[self.name_edit] = "Type the name of the medicine or supplement."
        elif state.kind == "magnesium":
            errors[self.name_edit] = magnesium_message(name)
        else:
            if state.kind == "unknown":
                spacing_min = self.spacing.minutes(errors)
            try:
                class_id = parse_medicine_class(self._k, name, stated=spacing_min is not None)
            except PlanInputError as exc:
                if self.spacing.edit in errors:
                    pass  # the spacing typed is what to fix
                elif state.suggestion is not None:
                    errors[self.name_edit] = suggestion_message(name, state.suggestion)
                else:
                    errors[self.name_edit] = sentence(exc.message)
        times: tuple[int, ...] = ()
        try:
            times = parse_times(self.times_edit.text(), f"Time of {name or 'this medicine'}")
        except PlanInputError as exc:
            errors[self.times_edit] = sentence(exc.message)
        days = self.days.weekdays()
        if days is None:
            errors[self.days.combo] = NO_DAY_TICKED
        if class_id:
            self.info.setText(self._describe(class_id, spacing_min, days or ()))
            self.info.show()
        if not class_id or not times or days is None:
            return []
        return [MedEntry(name, class_id, t, days, spacing_min) for t in times]

    def _describe(self, class_id: str, spacing_min: int | None, days: tuple[int, ...]) -> str:
        cls = self._k.medicines[class_id]
        rule = medicine_rule(cls, spacing_min)
        if cls.stated:
            text = f"Not known to the planner: {rule}"
        else:
            text = cls.name + (f": {rule}" if rule else "")
        return text + (f"; taken on {format_weekdays(days)} only" if days else "")

    def load(self, med: MedicineTimes) -> None:
        self.name_edit.setText(med.name)
        self.times_edit.setText(format_times(med.times_min))
        self.spacing.set_minutes(med.spacing_min)
        self.days.set_weekdays(med.weekdays)


class MedicinesEditor(QGroupBox):
    """Add, edit and remove the other medicines; several times per medicine."""

    changed = Signal()
    rowsChanged = Signal()
    otherMagnesiumRequested = Signal()  # a row named magnesium: go to its field

    def __init__(self, k: Knowledge, marks: FieldMarks, parent: QWidget | None = None) -> None:
        super().__init__("Other medicines and supplements", parent)
        named(self, "Other medicines and supplements")
        self._k = k
        self._marks = marks
        lay = QVBoxLayout(self)
        self.header = QLabel(
            "Name and the times it is taken (HH:MM, commas between times); every day, or on "
            "some weekdays only"
        )
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
            self._rows_box, marks, self.add_button, self.changed, self.rowsChanged
        )

    @property
    def rows(self) -> list[MedicineRow]:
        return self._list.rows

    def _add_clicked(self) -> None:
        self._list.focus_new(self.add_row())

    def add_row(self) -> MedicineRow:
        row = MedicineRow(self._k, self._marks, len(self.rows) + 1)
        row.otherMagnesiumRequested.connect(self._count_as_other_magnesium)
        return self._list.append(row)

    def _count_as_other_magnesium(self, row: MedicineRow) -> None:
        self._list.remove(row)
        self.otherMagnesiumRequested.emit()

    def clear(self) -> None:
        self._list.clear()

    def read(self) -> Reading:
        entries: list[MedEntry] = []
        errors: Errors = {}
        for row in self.rows:
            if not row.is_empty():
                entries += row.read(errors)
            else:
                row.info.hide()
        return reading({"medicines": group_medicines(entries)}, errors)

    def load(self, request: PlanRequest) -> None:
        self.clear()
        for med in request.medicines:
            self.add_row().load(med)
