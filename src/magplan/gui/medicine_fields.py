"""Editing a cell of the medicines table: the name (completed from the knowledge base; Enter
takes the known name close to a misspelt one), the times, the weekdays as seven toggles, and
the spacing stated for a medicine the planner does not know."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QCompleter, QHBoxLayout, QLineEdit, QToolButton, QWidget

from magplan.core.knowledge import Knowledge
from magplan.core.request import WEEKDAY_NAMES
from magplan.gui.fields import finish_typing, named
from magplan.gui.medicines_model import (
    DAYS,
    NAME,
    NAME_HINT,
    SPACING,
    SPACING_HINT,
    TIMES_HINT,
    MedicinesModel,
)
from magplan.gui.popups import keep_inside
from magplan.gui.table_editor import CellDelegate, CellEditor, FieldNameRole

_RETURN = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_TAB = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


class WeekdaysEditor(CellEditor):
    """The weekdays a medicine is taken on, as seven toggles, Monday first; every day shows
    all seven ticked (and none ticked is every day too). Left and Right move between the days,
    Space ticks one, Tab leaves the cell."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(1, 1, 1, 1)
        row.setSpacing(1)
        self.day_buttons: list[QToolButton] = []
        width_px = self.fontMetrics().horizontalAdvance("W") + 8
        for name in WEEKDAY_NAMES:
            button = QToolButton()
            button.setText(name[0])
            button.setFixedWidth(width_px)
            button.setToolTip(name)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.toggled.connect(self.changed)
            button.installEventFilter(self)
            row.addWidget(button)
            self.day_buttons.append(button)
        row.addStretch(1)
        self.setFocusProxy(self.day_buttons[0])

    def name_days(self, field_name: str) -> None:
        """``"Medicine 1 taken on"`` -> ``"Medicine 1 taken on Mondays"``, ..."""
        for button, name in zip(self.day_buttons, WEEKDAY_NAMES, strict=True):
            named(button, f"{field_name} {name}s")

    def value(self) -> tuple[int, ...]:
        days = tuple(i for i, button in enumerate(self.day_buttons) if button.isChecked())
        return () if len(days) == len(self.day_buttons) else days  # all seven: every day

    def set_value(self, value: object) -> None:
        """Every day shows all seven days ticked (untick the days it is not taken)."""
        days = value if isinstance(value, tuple) and value else range(len(self.day_buttons))
        for i, button in enumerate(self.day_buttons):
            button.blockSignals(True)
            button.setChecked(i in days)
            button.blockSignals(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Arrows move between the days; Tab, and the keyboard going elsewhere, reach the
        table's delegate as if they happened to the editor itself."""
        if not isinstance(watched, QToolButton):
            return False
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(watched, event)
        focus = QApplication.focusWidget()
        if event.type() == QEvent.Type.FocusOut and (focus is None or not self.isAncestorOf(focus)):
            focus_out = QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.OtherFocusReason)
            QApplication.sendEvent(self, focus_out)
        return False

    def _key(self, button: QToolButton, event: QKeyEvent) -> bool:
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
        if step is not None:
            at = self.day_buttons.index(button) + step
            self.day_buttons[max(0, min(at, len(self.day_buttons) - 1))].setFocus()
            return True
        if event.key() in _TAB or event.key() in _RETURN or event.key() == Qt.Key.Key_Escape:
            copy = QKeyEvent(event.type(), event.key(), event.modifiers(), event.text())
            QApplication.sendEvent(self, copy)
            return True
        return False


class _NameEdit(QLineEdit):
    """The name's editor, which knows its row (for Enter: take the suggested name)."""

    def __init__(self, parent: QWidget, index: QModelIndex) -> None:
        super().__init__(parent)
        self.index = QPersistentModelIndex(index)


class MedicineDelegate(CellDelegate):
    """The editors of the medicines table's cells."""

    def __init__(self, k: Knowledge, model: MedicinesModel) -> None:
        super().__init__(model)
        self._names = k.medicine_names()
        self._model = model

    def make_editor(self, parent: QWidget, index: QModelIndex) -> QWidget:
        column = index.column()
        if column == DAYS:
            days = WeekdaysEditor(parent)
            days.name_days(str(index.data(FieldNameRole)))
            return days
        if column == NAME:
            return self._name_editor(parent, index)
        edit = QLineEdit(parent)
        edit.setPlaceholderText(SPACING_HINT if column == SPACING else TIMES_HINT)
        if column == SPACING:
            edit.setMaxLength(6)
        return edit

    def _name_editor(self, parent: QWidget, index: QModelIndex) -> QLineEdit:
        edit = _NameEdit(parent, index)
        edit.setPlaceholderText(NAME_HINT)
        completer = QCompleter(self._names, edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        popup = completer.popup()
        if popup is not None:
            popup.setAccessibleName("Medicine names the planner knows")
        edit.setCompleter(completer)
        keep_inside(completer, edit)  # never past the window's edge, names never cut short
        # a name chosen from the list is complete: planned at once (the line edit has taken it:
        # it connected to the list before)
        completer.activated.connect(lambda *_: self.commitData.emit(edit))
        return edit

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        """Enter in a misspelt name takes the known name close to it (the editor stays)."""
        if (
            isinstance(editor, _NameEdit)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in _RETURN
            and editor.index.isValid()
        ):
            finish_typing(editor)  # the name typed so far is the one to look up
            if self._model.accept_suggestion(editor.index.row()):
                return True
        return super().eventFilter(editor, event)
