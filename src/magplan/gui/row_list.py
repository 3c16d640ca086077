"""Editors made of rows (medicines, products): adding, removing and renumbering rows, kept in
one place so that focus, field marks and accessible names behave the same in each."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from magplan.gui.fields import FieldMarks


class EditorRow(QFrame):
    """One row of an editor: it says when it changed and when its Remove button was pressed."""

    changed = Signal()
    remove_requested = Signal(object)

    def set_number(self, number: int) -> None:
        """Name the row's controls by their place in the list (1, 2, ...)."""
        raise NotImplementedError

    def marked_fields(self) -> list[QWidget]:
        """The fields that can be marked invalid (their marks go when the row goes)."""
        raise NotImplementedError

    def first_field(self) -> QWidget:
        """Where the keyboard goes in this row."""
        raise NotImplementedError


R = TypeVar("R", bound=EditorRow)


class RowList(Generic[R]):
    """The rows of one editor, in a layout, with the editor's add button as focus fallback."""

    def __init__(
        self,
        box: QVBoxLayout,
        marks: FieldMarks,
        add_button: QPushButton,
        changed: SignalInstance,
        rows_changed: SignalInstance,
    ) -> None:
        self.rows: list[R] = []
        self._box = box
        self._marks = marks
        self._add_button = add_button
        self._changed = changed
        self._rows_changed = rows_changed

    def append(self, row: R) -> R:
        row.changed.connect(self._changed)
        row.remove_requested.connect(self.remove)
        self.rows.append(row)
        self._box.addWidget(row)
        row.show()  # now, not on the next event loop turn: Tab must reach it at once
        self._rows_changed.emit()
        return row

    def remove(self, row: R) -> None:
        index = self.rows.index(row)
        self.rows.remove(row)
        self._marks.discard_row(row, row.marked_fields())
        for number, left in enumerate(self.rows, start=1):
            left.set_number(number)
        self._rows_changed.emit()
        self._changed.emit()
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)].first_field().setFocus()
        else:
            self._add_button.setFocus()

    def clear(self) -> None:
        for row in self.rows:
            self._marks.discard_row(row, row.marked_fields())
        self.rows.clear()
        self._rows_changed.emit()

    def focus_new(self, row: R) -> None:
        row.first_field().setFocus(Qt.FocusReason.OtherFocusReason)
