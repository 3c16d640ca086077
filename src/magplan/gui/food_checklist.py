"""The Food page's answers: how often the person eats each food of the short checklist
(:class:`ChecklistPanel`, one row per checklist group) and each food they added from the full
list (:class:`OwnFoodsPanel`, each with Remove).

Each row is a number of servings and "a day" or "a week". The number changes only by typing
or the arrow keys (a wheel over it scrolls the page: the window's wheel guard), and reaches the
plan once it is typed in full (:func:`~magplan.gui.fields.when_set`). "none" (0) means the
person does not eat it.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QWidget,
)

from magplan.core.request import MAX_SERVINGS_PER_DAY, DietPer, DietServing
from magplan.gui.fields import Errors, FieldMarks, FieldMessage, named, when_set
from magplan.gui.journal_words import muted

NONE = "none"
"""What a servings field shows at 0: the person does not eat it."""
SERVINGS_DECIMALS = 2  # a quarter serving
PER = (("a day", "day"), ("a week", "week"))
_NAME, _SERVING, _SERVINGS, _PER, _REMOVE = range(5)  # the grid's columns


class ServingsSpin(QDoubleSpinBox):
    """Servings as people write them: ``1``, ``0.5``, ``2.25`` (no trailing zeros)."""

    def textFromValue(self, value: float) -> str:
        text = self.locale().toString(float(value), "f", self.decimals())
        point = self.locale().decimalPoint()
        return text.rstrip("0").rstrip(point) if point in text else text


class ServingsRow(QObject):
    """One food or checklist group: its name and serving words, the servings and how often,
    the message marked under the servings, and Remove for a food the person added."""

    edited = Signal(object)  # this row, after the person changed it

    def __init__(
        self, item: str, name: str, serving: str, asked: DietPer, *, removable: bool = False
    ) -> None:
        super().__init__()
        self.item = item
        self.name = name
        self.asked = asked
        self.problem = ""  # the message of a value the plan cannot take
        self.name_label = QLabel(name)
        self.name_label.setWordWrap(True)
        self.serving_label = muted(QLabel(serving))
        self.serving_label.setWordWrap(True)
        self.spin = ServingsSpin()
        self.spin.setDecimals(SERVINGS_DECIMALS)
        self.spin.setRange(0, MAX_SERVINGS_PER_DAY * 7)  # a day's most, counted a week
        self.spin.setSingleStep(1)
        self.spin.setSpecialValueText(NONE)
        self.spin.setLocale(QLocale())
        named(
            self.spin,
            f"{name}: servings",
            f"Servings of {serving} you usually eat ({NONE}: you do not eat it)",
        )
        self.name_label.setBuddy(self.spin)
        self.per_combo = QComboBox()
        for text, per in PER:
            self.per_combo.addItem(text, per)
        named(self.per_combo, f"{name}: how often", "The servings are a day or a week")
        self.message = FieldMessage(f"{name} servings")
        self.remove_button: QPushButton | None = None
        if removable:
            self.remove_button = QPushButton("Remove")
            named(self.remove_button, f"Remove {name}", f"Take {name} off your list")
        when_set(self.spin)  # 12 typed is never planned as 1
        self.spin.valueChanged.connect(lambda _=0.0: self.edited.emit(self))
        self.per_combo.currentIndexChanged.connect(lambda _=0: self.edited.emit(self))
        self.show_answer(None)

    def widgets(self) -> list[QWidget]:
        """Every widget of the row (to place and to take away)."""
        shown: list[QWidget] = [self.name_label, self.serving_label, self.spin, self.per_combo]
        return [*shown, self.message, *([self.remove_button] if self.remove_button else [])]

    def focus_stops(self) -> list[QWidget]:
        """The row's fields in reading order."""
        stops: list[QWidget] = [self.spin, self.per_combo]
        return stops + ([self.remove_button] if self.remove_button is not None else [])

    def per(self) -> DietPer:
        return "week" if self.per_combo.currentData() == "week" else "day"

    def answer(self) -> DietServing | None:
        """What the row says (``None``: not eaten); raises
        :class:`~magplan.core.errors.PlanInputError` for a number the plan cannot take."""
        servings = self.spin.value()
        if servings <= 0:
            return None
        return DietServing(item=self.item, servings=servings, per=self.per())

    def show_answer(self, answer: DietServing | None) -> None:
        """Show ``answer`` (``None``: not eaten, asked as the group asks), as the program."""
        for widget in (self.spin, self.per_combo):
            widget.blockSignals(True)
        self.spin.setValue(answer.servings if answer is not None else 0)
        per = answer.per if answer is not None else self.asked
        self.per_combo.setCurrentIndex(self.per_combo.findData(per))
        for widget in (self.spin, self.per_combo):
            widget.blockSignals(False)
        self.problem = ""


class ServingsGrid(QGroupBox):
    """Rows of servings under a header, in a grid whose columns line up."""

    edited = Signal(object)  # a row the person changed
    removeRequested = Signal(object)  # a row whose Remove was pressed

    def __init__(self, title: str, marks: FieldMarks, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        named(self, title)
        self._marks = marks
        self.rows: dict[str, ServingsRow] = {}
        self.grid = QGridLayout(self)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(_NAME, 3)  # names are longer than servings
        self.grid.setColumnStretch(_SERVING, 2)
        headers = ((_NAME, "Food"), (_SERVING, "A serving"), (_SERVINGS, "Servings"))
        for column, text in (*headers, (_PER, "How often")):
            self.grid.addWidget(muted(QLabel(text)), 0, column)

        self._next_grid_row = 1

    def add_row(self, row: ServingsRow) -> ServingsRow:
        """Place ``row`` last: its fields, and its message under its servings."""
        at = self._next_grid_row
        self._next_grid_row += 2
        top = Qt.AlignmentFlag.AlignVCenter
        self.grid.addWidget(row.name_label, at, _NAME, top)
        self.grid.addWidget(row.serving_label, at, _SERVING, top)
        self.grid.addWidget(row.spin, at, _SERVINGS)
        self.grid.addWidget(row.per_combo, at, _PER)
        if row.remove_button is not None:
            self.grid.addWidget(row.remove_button, at, _REMOVE)
            row.remove_button.clicked.connect(lambda: self.removeRequested.emit(row))
        self.grid.addWidget(row.message, at + 1, _SERVINGS, 1, 3)
        for widget in row.focus_stops():
            widget.show()  # at once, not with the next layout: the keyboard may go there now
        self._marks.register(row.spin, row.message)
        row.setParent(self)
        row.edited.connect(self.edited)
        self.rows[row.item] = row
        return row

    def take_row(self, item: str) -> None:
        """Take the row of ``item`` away, with its fields."""
        row = self.rows.pop(item, None)
        if row is None:
            return
        for widget in row.widgets():
            self.grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        row.deleteLater()

    def problems(self) -> Errors:
        return {row.spin: row.problem for row in self.rows.values() if row.problem}

    def focus_stops(self) -> list[QWidget]:
        return [stop for row in self.rows.values() for stop in row.focus_stops()]


class ChecklistPanel(ServingsGrid):
    """The short food-frequency checklist: one row per checklist group."""


class OwnFoodsPanel(ServingsGrid):
    """The foods the person added from the full list, each with Remove; a line says how to
    add one while there is none."""

    def __init__(self, title: str, marks: FieldMarks, parent: QWidget | None = None) -> None:
        super().__init__(title, marks, parent)
        self.empty_note = muted(QLabel("None yet: find a food in All foods below and add it."))
        self.empty_note.setWordWrap(True)
        self.grid.addWidget(self.empty_note, 1, 0, 1, 5)
        self._next_grid_row = 2

    def add_row(self, row: ServingsRow) -> ServingsRow:
        added = super().add_row(row)
        self.empty_note.hide()
        return added

    def take_row(self, item: str) -> None:
        super().take_row(item)
        self.empty_note.setVisible(not self.rows)
