"""Field helpers: the contract of the input panels, accessible names, messages marked at a
field, time fields."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from magplan.core.errors import PlanInputError
from magplan.core.request import WEEKDAY_NAMES
from magplan.core.timeofday import format_time, parse_time
from magplan.gui.theme import severity_color

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from magplan.core.request import PlanRequest

INVALID = "invalid"


class CellMarks(Protocol):
    """An editor's table model, which shows the messages marked at its cells."""

    def show_problems(self, problems: dict[tuple[int, int], str]) -> None:
        """Show exactly these messages, by (row, column); clear every other."""


@dataclass(frozen=True)
class Cell:
    """One value in an editor's table (a row's column): a field that can be marked, as a
    widget can."""

    table: CellMarks
    row: int
    column: int


Field = QWidget | Cell
"""Where a message can be marked: a widget, or a cell of an editor's table."""

Errors = dict[Field, str]
"""The fields an edit left invalid, each with its message."""

Values = dict[str, Any]
"""Values of the plan request, by the request's field names (``"age_years"``, ...)."""


@dataclass(frozen=True)
class FieldErrors:
    """Why a panel gives no values: the message for each of its fields that cannot be read."""

    messages: Errors


Reading = Values | FieldErrors
"""What reading an input panel gives: its values, or its fields' errors."""


def reading(values: Values, errors: Errors) -> Reading:
    """``values`` when every field could be read, else the errors of those that could not."""
    return FieldErrors(errors) if errors else values


class InputPanel(Protocol):
    """The contract of every input panel of the window: it says when the user changed it, it
    reads into values for the plan request (or the errors of its fields), and it shows a
    request's values without saying it changed."""

    @property
    def changed(self) -> SignalInstance: ...

    def read(self) -> Reading: ...

    def load(self, request: PlanRequest) -> None: ...


def sentence(message: str) -> str:
    """A core message as a sentence at a field: ``unknown goal`` -> ``Unknown goal``."""
    return message[:1].upper() + message[1:] if message else message


def named(widget: QWidget, name: str, description: str = "") -> QWidget:
    """Give ``widget`` (and the line edit inside a spin box or editable combo) an accessible
    name, so that screen readers and tests find every control by what it is."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    inner: QLineEdit | None = None
    if isinstance(widget, QAbstractSpinBox):
        inner = widget.findChild(QLineEdit)
    elif isinstance(widget, QComboBox) and widget.isEditable():
        inner = widget.lineEdit()
    if inner is not None:
        inner.setAccessibleName(name)
    return widget


class FieldMessage(QLabel):
    """A short message under a field, shown only while the field is invalid."""

    def __init__(self, field_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # messages quote what the user typed
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(f"Problem with {field_name}")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.92)
        self.setFont(font)
        self.hide()

    def show_message(self, text: str) -> None:
        color = severity_color("danger", self.palette()).name()
        self.setStyleSheet(f"color: {color};")
        self.setText(text)
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()


class FieldMarks:
    """Which fields are marked invalid, each with its message: a widget's shows in its message
    label, a table cell's in its table (see :class:`CellMarks`).

    The window clears every mark and applies the new ones after each edit, so that a mark
    disappears as soon as the field is fixed.
    """

    def __init__(self) -> None:
        self._labels: dict[QWidget, FieldMessage] = {}
        self._tooltips: dict[QWidget, str] = {}
        self._tables: list[CellMarks] = []
        self._marked: dict[Field, str] = {}

    def register(self, widget: QWidget, label: FieldMessage) -> None:
        self._labels[widget] = label
        self._tooltips[widget] = widget.toolTip()
        widget.destroyed.connect(lambda *_: self._forget(widget))

    def register_table(self, table: CellMarks) -> None:
        self._tables.append(table)

    def _forget(self, widget: QWidget) -> None:
        self._labels.pop(widget, None)
        self._tooltips.pop(widget, None)
        self._marked.pop(widget, None)

    def message(self, field: Field) -> str:
        """The message shown at ``field``, or "" when it is valid."""
        return self._marked.get(field, "")

    def marked(self) -> dict[Field, str]:
        return dict(self._marked)

    def apply(self, errors: Errors) -> None:
        """Mark exactly the fields in ``errors``; clear every other mark."""
        for field in list(self._marked):
            if field not in errors:
                self._set(field, "")
        for field, text in errors.items():
            if self._marked.get(field) != text:
                self._set(field, text)
        for table in self._tables:
            table.show_problems(
                {
                    (cell.row, cell.column): text
                    for cell, text in self._marked.items()
                    if isinstance(cell, Cell) and cell.table is table
                }
            )

    def _set(self, field: Field, text: str) -> None:
        if isinstance(field, Cell):
            if field.table in self._tables:
                self._keep(field, text)
            return
        if field not in self._labels:
            return
        self._keep(field, text)
        label = self._labels[field]
        if text:
            field.setToolTip(text)
            label.show_message(text)
        else:
            field.setToolTip(self._tooltips.get(field, ""))
            label.clear_message()
        field.setProperty(INVALID, bool(text))
        style = field.style()
        style.unpolish(field)
        style.polish(field)
        field.update()

    def _keep(self, field: Field, text: str) -> None:
        if text:
            self._marked[field] = text
        else:
            self._marked.pop(field, None)


class TimeField(QLineEdit):
    """A time of day typed as HH:MM (checked by the core's ``parse_time``)."""

    def __init__(self, name: str, minute: int, parent: QWidget | None = None) -> None:
        super().__init__(format_time(minute), parent)
        self._name = name
        self.setPlaceholderText("HH:MM")
        self.setMaxLength(5)
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("00:00") * 2 + 24)
        self.setToolTip(f"{name}, as HH:MM on a 24-hour clock (e.g. 07:30)")
        named(self, name)

    def minute(self) -> int:
        """The minute of the day; raises :class:`PlanInputError` with a short message."""
        return parse_time(self.text(), self._name)

    def set_minute(self, minute: int) -> None:
        self.setText(format_time(minute))


def parse_times(text: str, what: str) -> tuple[int, ...]:
    """``"08:00, 20:00"`` -> (480, 1200); raises :class:`PlanInputError` naming the bad part."""
    parts = [p.strip() for p in text.replace(";", ",").split(",")]
    parts = [p for p in parts if p]
    if not parts:
        raise PlanInputError(what, f"{what}: type at least one time as HH:MM, e.g. 08:00")
    return tuple(parse_time(p, what) for p in parts)


def format_times(minutes: tuple[int, ...]) -> str:
    return ", ".join(format_time(m) for m in minutes)


def parse_hours(text: str, what: str, max_min: int) -> int:
    """``"2"``, ``"1.5"`` or ``"1,5 h"`` (hours) -> whole minutes, 0 to ``max_min``; raises
    :class:`PlanInputError` naming what was typed."""
    typed = text.strip()
    number = typed.lower().removesuffix("h").strip().replace(",", ".")
    try:
        hours = float(number)
    except ValueError:
        raise PlanInputError(
            what, f"{what}: '{typed}' is not a number of hours, e.g. 2 or 1.5"
        ) from None
    if not math.isfinite(hours) or not 0 <= hours * 60 <= max_min:
        raise PlanInputError(what, f"{what}: {typed} h must be 0 to {max_min // 60} hours")
    return round(hours * 60)


def weekdays_short(days: tuple[int, ...]) -> str:
    """(0, 3) -> ``"Mon, Thu"``."""
    return ", ".join(WEEKDAY_NAMES[d][:3] for d in days)


def format_hours_field(minutes: int) -> str:
    """Minutes as a field shows them in hours: 120 -> ``"2"``, 90 -> ``"1.5"``."""
    return f"{round(minutes / 60, 2):g}"


def stacked(widget: QWidget, message: FieldMessage) -> QWidget:
    """``widget`` with its message label under it, for one row of a form layout."""
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    lay.addWidget(widget)
    lay.addWidget(message)
    return box


def set_buddies(form: QFormLayout) -> None:
    """Let each label's mnemonic (Alt+letter) move the focus to its field."""
    for r in range(form.rowCount()):
        label_item = form.itemAt(r, QFormLayout.ItemRole.LabelRole)
        field_item = form.itemAt(r, QFormLayout.ItemRole.FieldRole)
        if label_item is None or field_item is None:
            continue
        label = label_item.widget()
        field = field_item.widget()
        if not isinstance(label, QLabel) or field is None:
            continue
        inner = field
        lay = field.layout()
        item = lay.itemAt(0) if lay is not None and not isinstance(field, QGroupBox) else None
        first = item.widget() if item is not None else None
        if first is not None:
            inner = first
        label.setBuddy(inner)
