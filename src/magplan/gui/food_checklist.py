"""The Food page's answers: how often the person eats each food of the short checklist
(:class:`ChecklistPanel`, one row per checklist group) and each food they added from the full
list (:class:`OwnFoodsPanel`, each with Remove).

Each row is a number of servings and "a day" or "a week". The number changes only by typing
or the arrow keys (a wheel over it scrolls the page: the window's wheel guard), and reaches the
plan once it is typed in full (:func:`~magplan.gui.fields.when_set`). "none" (0) means the
person does not eat it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QWidget,
)

from magplan.core.request import MAX_SERVINGS_PER_DAY, DietPer, DietServing
from magplan.gui.fields import INVALID, Errors, FieldMarks, FieldMessage, named, when_set
from magplan.gui.journal_words import muted
from magplan.gui.theme import severity_color

NONE = "none"
"""What a servings field shows at 0: the person does not eat it."""
SERVINGS_DECIMALS = 2  # a quarter serving
PER = (("a day", "day"), ("a week", "week"))
_NAME, _SERVING, _SERVINGS, _PER, _REMOVE = range(5)  # the grid's columns
NAME_ROOM = "Peanut butter and other"  # the least width of the names' column
SERVING_ROOM = "1 oz (a small handful)"  # the servings' words' column (longer ones wrap)
REMOVE = "Remove"
MARK_FRAME_PX = 2
EMPTY_NOTE = "None yet: find a food in All foods below and add it."


class ServingsSpin(QDoubleSpinBox):
    """Servings as people write them: ``1``, ``0.5``, ``2.25`` (no trailing zeros). A number
    typed over "none" replaces it, wherever a click left the cursor. Marked invalid, it is
    framed in red and keeps its arrows (a spin box a style sheet frames loses them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._marked = False

    def textFromValue(self, value: float) -> str:
        text = self.locale().toString(float(value), "f", self.decimals())
        point = self.locale().decimalPoint()
        return text.rstrip("0").rstrip(point) if point in text else text

    def keyPressEvent(self, event: QKeyEvent) -> None:
        line = self.lineEdit()
        typed = event.text()
        number = typed.isdigit() or typed in (".", ",", self.locale().decimalPoint())
        if number and line is not None and line.text() == self.specialValueText():
            line.selectAll()  # "none2" is no number: the digit takes the place of "none"
        super().keyPressEvent(event)

    # The window marks a field by a property its style sheet frames in red (FieldMarks);
    # this field keeps the mark to itself and draws the frame.
    def setProperty(self, name: str, value: Any) -> bool:
        if name == INVALID:
            self._marked = bool(value)
            self.update()
            return False  # a dynamic property, as Qt says of one
        return super().setProperty(name, value)

    def property(self, name: str) -> Any:
        return self._marked if name == INVALID else super().property(name)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._marked:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(severity_color("danger", self.palette()), MARK_FRAME_PX))
        half = MARK_FRAME_PX / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 3, 3)
        painter.end()


class WrappedMessage(FieldMessage):
    """A servings field's message, whole: it wraps onto more lines under its row where it is
    longer than the row is wide (never cut short)."""

    def __init__(self, field_name: str, parent: QWidget | None = None) -> None:
        super().__init__(field_name, parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setWordWrap(True)  # after the policy: it asks the layout for its height

    def sizeHint(self) -> QSize:
        return QLabel.sizeHint(self)

    def minimumSizeHint(self) -> QSize:
        return QLabel.minimumSizeHint(self)

    def paintEvent(self, event: QPaintEvent) -> None:
        QLabel.paintEvent(self, event)


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
        self.name_label = _wrapping(QLabel(name))
        self.serving_label = _wrapping(muted(QLabel(serving)))
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
        self.message = WrappedMessage(f"{name} servings")
        self.remove_button: QPushButton | None = None
        if removable:
            self.remove_button = QPushButton(REMOVE)
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


def _wrapping(label: QLabel) -> QLabel:
    """A label as wide as its column and as tall as its words need there: the columns are
    the same in every grid of the page, whatever the words (they line up)."""
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    label.setWordWrap(True)
    return label


class ServingsGrid(QGroupBox):
    """Rows of servings under a header, in a grid whose columns line up, and line up with
    every other such grid of the same width: the name takes what the others leave, and
    the others are as wide in each (a grid without Remove keeps its room)."""

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
        self.grid.setColumnStretch(_NAME, 1)
        fm = self.fontMetrics()
        self.grid.setColumnMinimumWidth(_NAME, fm.horizontalAdvance(NAME_ROOM))
        self.grid.setColumnMinimumWidth(_SERVING, fm.horizontalAdvance(SERVING_ROOM))
        remove_px = QPushButton(REMOVE).sizeHint().width()
        room = QSpacerItem(remove_px, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        self.grid.addItem(room, 0, _REMOVE)
        headers = ((_NAME, "Food"), (_SERVING, "A serving"), (_SERVINGS, "Servings"))
        for column, text in (*headers, (_PER, "How often")):
            self.grid.addWidget(_wrapping(muted(QLabel(text))), 0, column)
        self._first_grid_row = 1
        self._next_grid_row = 1

    def _place(self, row: ServingsRow) -> None:
        """Put ``row``'s widgets in the grid after the rows placed: its fields, and its
        message under its servings."""
        at = self._next_grid_row
        self._next_grid_row += 2
        top = Qt.AlignmentFlag.AlignVCenter
        self.grid.addWidget(row.name_label, at, _NAME, top)
        self.grid.addWidget(row.serving_label, at, _SERVING, top)
        self.grid.addWidget(row.spin, at, _SERVINGS)
        self.grid.addWidget(row.per_combo, at, _PER)
        if row.remove_button is not None:
            self.grid.addWidget(row.remove_button, at, _REMOVE)
        self.grid.addWidget(row.message, at + 1, _SERVINGS, 1, 3)

    def add_row(self, row: ServingsRow) -> ServingsRow:
        """Place ``row`` last."""
        self._place(row)
        if row.remove_button is not None:
            row.remove_button.clicked.connect(lambda: self.removeRequested.emit(row))
        if self.isVisible():  # a row added while the page is built shows with the page
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

    def arrange(self, items: list[str]) -> None:
        """Show the rows in the order of ``items`` (rows not in it after them, as they
        were): an answer undone comes back where it was."""
        order = [i for i in items if i in self.rows]
        order += [i for i in self.rows if i not in order]
        if order == list(self.rows):
            return
        for row in self.rows.values():
            for widget in row.widgets():
                self.grid.removeWidget(widget)
        self.rows = {item: self.rows[item] for item in order}
        self._next_grid_row = self._first_grid_row
        for row in self.rows.values():
            self._place(row)

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
        self.empty_note = _wrapping(muted(QLabel(EMPTY_NOTE)))
        self.grid.addWidget(self.empty_note, 1, 0, 1, 5)
        self._first_grid_row = 2
        self._next_grid_row = 2

    def add_row(self, row: ServingsRow) -> ServingsRow:
        added = super().add_row(row)
        self.empty_note.hide()
        return added

    def take_row(self, item: str) -> None:
        super().take_row(item)
        self.empty_note.setVisible(not self.rows)
