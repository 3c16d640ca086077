"""Field helpers: the contract of the input panels, accessible names, messages marked at a
field, values planned once they are typed in full, time fields."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QEvent, QLocale, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent
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
from magplan.core.timeofday import TIME_EXAMPLES, parse_time
from magplan.gui.theme import severity_color
from magplan.present.clock import Clock, clock_time

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
    """The message under a field, shown only while the field is invalid: one line, cut to the
    field's width (…), so that the inputs do not jump; the whole message is in its tooltip and
    its text for assistive technology. A message of several lines shows its first one and how
    many more there are."""

    def __init__(self, field_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # messages quote what the user typed
        self.setAccessibleName(f"Problem with {field_name}")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.92)
        self.setFont(font)
        self.hide()

    def show_message(self, text: str) -> None:
        color = severity_color("danger", self.palette()).name()
        self.setStyleSheet(f"color: {color};")
        self.setText(text)
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.setToolTip("")
        self.setAccessibleDescription("")
        self.hide()

    def line(self) -> str:
        """The one line shown (before it is cut to the width)."""
        first, *more = self.text().splitlines() or [""]
        return first + (f" (and {len(more)} more)" if more else "")

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance(self.line()), fm.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.line(), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.palette(),
            self.isEnabled(),
            shown,
            self.foregroundRole(),
        )


class FieldMarks:
    """Which fields are marked invalid, each with its message: a widget's shows in its message
    label, a table cell's in its table (see :class:`CellMarks`).

    The window clears every mark and applies the new ones after each edit, so that a mark
    disappears as soon as the field is fixed.
    """

    def __init__(self) -> None:
        self._labels: dict[QWidget, FieldMessage] = {}
        self._tooltips: dict[QWidget, str] = {}
        self._descriptions: dict[QWidget, str] = {}  # a marked field's own description
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
        self._descriptions.pop(widget, None)
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
        self._describe(field, text)
        field.setProperty(INVALID, bool(text))
        style = field.style()
        style.unpolish(field)
        style.polish(field)
        field.update()

    def _describe(self, widget: QWidget, text: str) -> None:
        """The message reaches assistive technology with the field: it follows the field's own
        description (which Qt reads instead of the tooltip), and goes when the mark does."""
        if text:
            own = self._descriptions.setdefault(widget, widget.accessibleDescription())
            widget.setAccessibleDescription(with_problem(own, text))
        elif widget in self._descriptions:
            widget.setAccessibleDescription(self._descriptions.pop(widget))

    def _keep(self, field: Field, text: str) -> None:
        if text:
            self._marked[field] = text
        else:
            self._marked.pop(field, None)


def with_problem(description: str, problem: str) -> str:
    """A field's description with the message marked at it: ``"Age in whole years. Problem:
    …"``."""
    own = description.strip().rstrip(".")
    return f"{own}. Problem: {problem}" if own else f"Problem: {problem}"


# ---- values planned once they are typed in full ---------------------------------------------

TYPING_PAUSE_MS = 700
"""How long typing must rest before what is typed is planned. Most people type the keys of
one value well under half a second apart (a slow typist about 0.5 s), so a value is never
planned between two of its keys (42 is not planned as 4); and 0.7 s is still short enough that
the plan seems to follow the typing. Enter, Tab or a click elsewhere plans at once."""


class TypingPause(QObject):
    """Says when a typed value is complete: ``settled`` once the typing has rested for
    ``TYPING_PAUSE_MS``, or at once when editing finishes (Enter, Tab, a click elsewhere) or a
    shortcut is pressed in the field (Ctrl+P prints what the field says); never between two
    keys."""

    settled = Signal()

    def __init__(self, parent: QObject, choosing: Callable[[], bool] | None = None) -> None:
        super().__init__(parent)
        self._choosing = choosing  # while true (a list of completions is open), wait on
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._rested)

    def _rested(self) -> None:
        if self._choosing is not None and self._choosing():
            self._timer.start(TYPING_PAUSE_MS)  # the person is picking from the list
        else:
            self.settled.emit()

    def watch(self, field: QWidget) -> None:
        """Finish when a shortcut is pressed while ``field`` has the keyboard."""
        field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and _may_be_a_shortcut(event)
        ):
            self.finish()
        return False

    def typed(self) -> None:
        """A key changed the value: wait for the next one (or the pause)."""
        self._timer.start(TYPING_PAUSE_MS)

    def finish(self) -> None:
        """Editing finished: a value still waiting for the pause is complete now."""
        if self._timer.isActive():
            self._timer.stop()
            self.settled.emit()

    def cancel(self) -> None:
        """The value was taken another way (a table's editor closing): nothing is waiting."""
        self._timer.stop()

    def pending(self) -> bool:
        """Keys were typed and their value is not yet complete."""
        return self._timer.isActive()


_SHORTCUT_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def _may_be_a_shortcut(event: QKeyEvent) -> bool:
    """A key that can run a command of the window: with Ctrl, Alt or Meta, or F1 to F35."""
    function_key = Qt.Key.Key_F1.value <= event.key() <= Qt.Key.Key_F35.value
    return bool(event.modifiers() & _SHORTCUT_MODIFIERS) or function_key


def when_typed(edit: QLineEdit, complete: Callable[[], None]) -> TypingPause:
    """Call ``complete`` when what the user types in ``edit`` is complete (not when a program
    sets its text). While the field's list of completions is open the person is still
    choosing: the pause waits until it closes (a name picked from it is the field's
    business)."""

    def choosing() -> bool:
        completer = edit.completer()
        popup = completer.popup() if completer is not None else None
        return popup is not None and popup.isVisible()

    pause = TypingPause(edit, choosing)
    pause.watch(edit)
    edit.textEdited.connect(pause.typed)

    def changed(text: str) -> None:
        # A change no key made and the program did not make (:func:`show_text`): assistive
        # technology (voice control, a screen reader's editing) set the value; it is the
        # user's edit, taken as typed.
        if not pause.pending() and text != edit.property(_SHOWN_TEXT):
            pause.typed()

    edit.textChanged.connect(changed)
    edit.editingFinished.connect(pause.finish)
    pause.settled.connect(complete)
    return pause


_SHOWN_TEXT = "magplanShownText"


def show_text(edit: QLineEdit, text: str) -> None:
    """Set the text of a field that :func:`when_typed` watches, as the program (a loaded
    profile, Undo, a normalised time): not an edit of the user's."""
    edit.setProperty(_SHOWN_TEXT, text)
    edit.setText(text)


def when_set(spin: QAbstractSpinBox) -> TypingPause:
    """Let a spin box change its value (``valueChanged``) only for a complete value: at once
    for the arrow keys, its buttons and a wheel the user gave it, and after a pause in the
    typing or when editing finishes for a typed number."""
    spin.setKeyboardTracking(False)  # Qt: a typed number is set when editing finishes
    pause = TypingPause(spin)
    pause.watch(spin)
    inner = spin.findChild(QLineEdit)
    if inner is not None:
        pause.watch(inner)
        inner.textEdited.connect(pause.typed)
    spin.editingFinished.connect(pause.finish)
    pause.settled.connect(spin.interpretText)  # sets the typed number: valueChanged if new
    return pause


def finish_typing(root: QObject) -> None:
    """Take every value being typed under ``root`` as complete now (before saving or printing
    what the fields say)."""
    for pause in root.findChildren(TypingPause):
        pause.finish()


def typing_pending(root: QObject) -> bool:
    """A value under ``root`` is being typed and is not yet planned."""
    return any(pause.pending() for pause in root.findChildren(TypingPause))


# ---- times of day ---------------------------------------------------------------------------


def uses_12_hour_clock(locale: QLocale | None = None) -> bool:
    """The locale writes times with AM and PM (its short time format has ``AP`` or ``ap``)."""
    time_format = (locale or QLocale()).timeFormat(QLocale.FormatType.ShortFormat)
    return "a" in re.sub(r"'[^']*'", "", time_format).lower()  # quoted text is no field


def window_clock() -> Clock:
    """How the window writes times of day, in its fields and in the plan: on the locale's
    clock (see :func:`uses_12_hour_clock`)."""
    return "12h" if uses_12_hour_clock() else "24h"


def clock_text(minute: int) -> str:
    """A time as the window shows it: ``07:30``, or ``7:30 AM`` where the locale uses a
    12-hour clock."""
    return clock_time(minute, window_clock())


class TimeField(QLineEdit):
    """A time of day as people type it (``7:30``, ``0730``, ``7:30 pm``, ``7``: the core's
    ``parse_time``), shown normalised once editing finishes."""

    def __init__(self, name: str, minute: int, parent: QWidget | None = None) -> None:
        super().__init__(clock_text(minute), parent)
        self._name = name
        self.setPlaceholderText("e.g. 7:30")
        self.setMaxLength(12)
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("12:00 AM") * 2 + 24)
        self.setToolTip(f"{name}, e.g. {TIME_EXAMPLES}")
        named(self, name, self.toolTip())
        self.editingFinished.connect(self.normalise)

    def minute(self) -> int:
        """The minute of the day; raises :class:`PlanInputError` with a short message."""
        return parse_time(self.text(), self._name)

    def set_minute(self, minute: int) -> None:
        show_text(self, clock_text(minute))

    def normalise(self) -> None:
        """Show a time that can be read as the window writes times (``6pm`` -> ``18:00``)."""
        try:
            minute = self.minute()
        except PlanInputError:
            return
        if self.text() != clock_text(minute):
            show_text(self, clock_text(minute))


def parse_times(text: str, what: str) -> tuple[int, ...]:
    """``"08:00, 8pm"`` -> (480, 1200); raises :class:`PlanInputError` naming the bad part."""
    parts = [p.strip() for p in text.replace(";", ",").split(",")]
    parts = [p for p in parts if p]
    if not parts:
        raise PlanInputError(what, f"{what}: type at least one time, e.g. 08:00")
    return tuple(parse_time(p, what) for p in parts)


def format_times(minutes: tuple[int, ...]) -> str:
    return ", ".join(clock_text(m) for m in minutes)


def normalised_times(text: str) -> str:
    """Times typed in one field as the window writes them (``"8am; 1930"`` -> ``"08:00,
    19:30"``), or ``text`` as it is when one of them cannot be read."""
    try:
        return format_times(parse_times(text, "time")) if text.strip() else text
    except PlanInputError:
        return text


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
