"""Editors made of a table (medicines, products), kept in one place so that keyboard, field
marks and accessible names behave the same in each.

- :class:`EditorModel`: the rows as plain values, one column per field, with custom roles for
  the message marked at a cell (:data:`ProblemRole`), what a cell is called for assistive
  technology (:data:`FieldNameRole`) and a row's description (:data:`InfoRole`).
- :class:`CellDelegate`: edits a cell in place; a choice reaches the model at once, typed text
  once it is complete (after a pause in the typing, or when the editor closes), as in every
  other field: a half-typed name or time is never planned.
- :class:`EditorTable`: the view. Tab walks the cells that can be edited, in reading order, and
  leaves the table after the last one; the table is as tall as its rows, so the inputs scroll
  as one page.
- :class:`TableEditor`: the group box around a table: a hint, the table, the messages marked
  in it, each row's description, and the Add and Remove buttons.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAccessible,
    QAccessibleInterface,
    QFocusEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QAbstractSpinBox,
    QAccessibleWidget,
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from magplan.gui.fields import (
    Cell,
    Errors,
    FieldMarks,
    FieldMessage,
    TypingPause,
    named,
    typing_pending,
    when_set,
    when_typed,
    with_problem,
)
from magplan.gui.theme import paint_empty_text, severity_color

Index = QModelIndex | QPersistentModelIndex

_USER = int(Qt.ItemDataRole.UserRole.value)
ProblemRole = _USER + 101  # the message marked at the cell ("" while it is valid)
FieldNameRole = _USER + 102  # what the cell is called: "Medicine 1 name"
InfoRole = _USER + 103  # the row in words ("" while it cannot be read)
PlaceholderRole = _USER + 104  # True when the cell shows a hint rather than a value

MIN_STRETCH_PX = 80  # the column that takes the rest is never narrower

_DISPLAY = Qt.ItemDataRole.DisplayRole
_EDIT = Qt.ItemDataRole.EditRole
_CHECK = Qt.ItemDataRole.CheckStateRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole

R = TypeVar("R")


class EditorModel(QAbstractTableModel, Generic[R]):
    """The rows of one editor as plain values (``R``), one column per field.

    A subclass names its columns (``HEADERS``, ``FIELDS``) and the row (``ROW_NOUN``), and
    says how a row's field shows, edits and reads. ``edited`` tells the window the user
    changed something that can change the plan; adding an empty row does not.
    """

    HEADERS: tuple[str, ...] = ()
    FIELDS: tuple[str, ...] = ()  # each column's field in words: "name" -> "Medicine 1 name"
    HELP: tuple[str, ...] = ()  # what to enter in each column (its header's tooltip)
    ROW_NOUN = ""

    edited = Signal()
    problemsChanged = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[R] = []
        self._shown: dict[tuple[int, int], str] = {}

    # ---- what a subclass says about its rows --------------------------------------------

    def new_row(self) -> R:
        raise NotImplementedError

    def display(self, row: int, column: int) -> str:
        """The cell's text (a hint when :meth:`is_placeholder`)."""
        raise NotImplementedError

    def edit_value(self, row: int, column: int) -> object:
        raise NotImplementedError

    def set_value(self, row: int, column: int, value: object) -> bool:
        """Store what the user entered; False when nothing changed."""
        raise NotImplementedError

    def help_text(self, row: int, column: int) -> str:
        """The cell's tooltip while it is valid."""
        return self.HELP[column]

    def is_placeholder(self, row: int, column: int) -> bool:
        return False

    def is_editable(self, row: int, column: int) -> bool:
        return True

    def check_state(self, row: int, column: int) -> bool | None:
        """Ticked or not for a column of check boxes, None for any other column."""
        return None

    def info(self, row: int) -> str:
        return ""

    def tidy(self, row: int, column: int) -> None:
        """Write the cell's value as the window writes such values, once its editor has closed
        (the value itself stays: nothing is ``edited``)."""

    def problems(self, row: int) -> dict[int, str]:
        """The messages of the row's fields that cannot be read, by column."""
        return {}

    # ---- Qt's model -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == _DISPLAY:
            return self.HEADERS[section]
        if role == _TOOLTIP:
            return self.HELP[section]
        return None

    def field_name(self, row: int, column: int) -> str:
        return f"{self.ROW_NOUN} {row + 1} {self.FIELDS[column]}"

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == _DISPLAY:
            return None if self.check_state(row, column) is not None else self.display(row, column)
        if role == _EDIT:
            return self.edit_value(row, column)
        if role == _CHECK:
            ticked = self.check_state(row, column)
            if ticked is None:
                return None
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == _TOOLTIP:
            return self._shown.get((row, column)) or self.help_text(row, column)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            problem = self._shown.get((row, column))
            help_text = self.help_text(row, column)
            return with_problem(help_text, problem) if problem else help_text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.accessible_text(row, column)
        return self._custom_data(row, column, role)

    def accessible_text(self, row: int, column: int) -> str:
        """What assistive technology reads for a cell: its field and what it shows
        (``"Product 1 form: glycinate"``), a check box's field alone (its state is read
        with it)."""
        name = self.field_name(row, column)
        return (
            name
            if self.check_state(row, column) is not None
            else f"{name}: {self.display(row, column)}"
        )

    def _custom_data(self, row: int, column: int, role: int) -> Any:
        if role == ProblemRole:
            return self._shown.get((row, column), "")
        if role == FieldNameRole:
            return self.field_name(row, column)
        if role == InfoRole:
            return self.info(row)
        if role == PlaceholderRole:
            return self.is_placeholder(row, column)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.check_state(index.row(), index.column()) is not None:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if self.is_editable(index.row(), index.column()):
            return flags | Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = _EDIT) -> bool:
        if not index.isValid() or role not in (_EDIT, _CHECK):
            return False
        if role == _CHECK:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        if not self.set_value(index.row(), index.column(), value):
            return False
        self.dataChanged.emit(index, index)  # an open editor shows a value set from elsewhere
        self._row_changed(index.row())
        self.edited.emit()
        return True

    def _row_changed(self, row: int) -> None:
        """Every cell of ``row`` may read differently now (the others' hints and flags)."""
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # ---- rows -----------------------------------------------------------------------------

    def row(self, row: int) -> R:
        return self._rows[row]

    def entered(self, row: int) -> R:
        """A copy of ``row`` as the table will show it once its editor has closed (Edit ▸
        Undo keeps it: a later edit of the table never changes a kept copy)."""
        return copy.copy(self._rows[row])

    def rows_entered(self) -> tuple[R, ...]:
        """Every row as entered (:meth:`entered`), rows still being filled in too."""
        return tuple(self.entered(row) for row in range(len(self._rows)))

    def show_entered(self, rows: tuple[R, ...]) -> None:
        """Show ``rows`` as entered (kept by :meth:`rows_entered`; not ``edited``)."""
        self.set_rows([copy.copy(row) for row in rows])

    def add_row(self) -> int:
        """A new empty row at the end (which changes no plan: nothing is ``edited``)."""
        at = len(self._rows)
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.append(self.new_row())
        self._added(at)
        self.endInsertRows()
        return at

    def _added(self, row: int) -> None:
        """Work out what a new row reads as (before the views ask)."""

    def remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._removed(row)
        self._shown = {}
        self.endRemoveRows()
        self.edited.emit()

    def _removed(self, row: int) -> None:
        """Forget what was worked out for a removed row."""

    def set_rows(self, rows: list[R]) -> None:
        """Show ``rows`` instead (a loaded request; not ``edited``)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._shown = {}
        self._reset()
        self.endResetModel()
        self.problemsChanged.emit()

    def _reset(self) -> None:
        """Work out what every row reads as (after :meth:`set_rows`)."""

    # ---- the messages marked at cells ------------------------------------------------------

    def errors(self) -> Errors:
        """The message for each cell that cannot be read, as fields of the window."""
        return {
            Cell(self, row, column): text
            for row in range(len(self._rows))
            for column, text in self.problems(row).items()
        }

    def show_problems(self, problems: dict[tuple[int, int], str]) -> None:
        if problems == self._shown:
            return
        rows = {row for row, _ in problems} | {row for row, _ in self._shown}
        self._shown = dict(problems)
        for row in sorted(rows):
            if row < len(self._rows):
                self._row_changed(row)
        self.problemsChanged.emit()

    def shown_problems(self) -> list[str]:
        """The messages shown, in reading order, each after the field it is about."""
        return [
            f"{self.field_name(row, column)}: {text}"
            for (row, column), text in sorted(self._shown.items())
        ]


E = TypeVar("E", bound=EditorModel[Any])


class CellDelegate(QStyledItemDelegate):
    """Edits a cell in place with the editor a subclass makes for its column.

    The editor is named as the cell is ("Medicine 1 name"). A choice in it reaches the model at
    once; typed text once it is complete: after a pause in the typing, or when the editor
    closes (Qt then commits it). A cell with a message marked gets a red frame; a cell showing
    a hint shows it muted."""

    def make_editor(self, parent: QWidget, index: QModelIndex) -> QWidget:
        raise NotImplementedError

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = self.make_editor(parent, self._index(index))
        named(editor, str(index.data(FieldNameRole)))
        self._describe(editor, index)
        self._commit_when_complete(editor)
        return editor

    @staticmethod
    def _describe(editor: QWidget, index: Index) -> None:
        """The cell's help (or its message) as the editor's tooltip and description."""
        editor.setToolTip(str(index.data(_TOOLTIP) or ""))
        editor.setAccessibleDescription(
            str(index.data(Qt.ItemDataRole.AccessibleDescriptionRole) or "")
        )

    @staticmethod
    def _index(index: Index) -> QModelIndex:
        if isinstance(index, QPersistentModelIndex):
            return index.model().index(index.row(), index.column())
        return index

    def _commit_when_complete(self, editor: QWidget) -> None:
        def commit(*_: object) -> None:
            self.commitData.emit(editor)

        if isinstance(editor, QLineEdit):
            when_typed(editor, commit)
        elif isinstance(editor, QComboBox) and editor.lineEdit() is not None:
            when_typed(cast(QLineEdit, editor.lineEdit()), commit)
            editor.activated.connect(commit)  # an item chosen from the list
        elif isinstance(editor, QComboBox):
            editor.currentIndexChanged.connect(commit)
        elif isinstance(editor, QAbstractSpinBox):
            when_set(editor)
            cast(QDoubleSpinBox, editor).valueChanged.connect(commit)
        else:
            cast(CellEditor, editor).changed.connect(commit)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        self._describe(editor, index)  # a message marked at the cell reaches its editor
        value = index.data(_EDIT)
        if typing_pending(editor):
            return  # what the user is typing is newer than what the model holds
        if editor_value(editor) != value:  # not while the user types: the cursor would jump
            editor.blockSignals(True)  # what the model holds goes back to it for nothing
            set_editor_value(editor, value)
            editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        for pause in editor.findChildren(TypingPause):
            pause.cancel()  # taken now: no second commit after the editor has closed
        model.setData(index, editor_value(editor), _EDIT)

    def destroyEditor(self, editor: QWidget, index: Index) -> None:
        """The editor closed: the cell shows what was entered as the window writes it."""
        model = index.model()
        if isinstance(model, EditorModel):
            model.tidy(index.row(), index.column())
        super().destroyEditor(editor, index)

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if index.data(PlaceholderRole):
            muted = option.palette.color(QPalette.ColorRole.PlaceholderText)
            option.palette.setColor(QPalette.ColorRole.Text, muted)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        if index.data(ProblemRole):
            painter.save()
            painter.setPen(QPen(severity_color("danger", option.palette), 2))
            painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
            painter.restore()


class CellEditor(QWidget):
    """An editor of the program's own for one cell (the weekdays): ``value`` and ``changed``
    as Qt's editors have them."""

    changed = Signal()

    def value(self) -> object:
        raise NotImplementedError

    def set_value(self, value: object) -> None:
        raise NotImplementedError


class CellComboBox(QComboBox):
    """A combo box that edits a cell, read by assistive technology as the cell's field and its
    value ("Product 1 form: glycinate").

    On Linux Qt names a combo box after its current value alone ("capsule"), counting on a
    label beside it for what it is; a cell's editor has no label. Its value is kept in the
    name, as Qt's AT-SPI bridge announces a combo box's new value by its name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _install_cell_combo_names()


class _CellComboAccessible(QAccessibleWidget):
    """What assistive technology reads of a :class:`CellComboBox`: a combo box named by its
    field and value, with its list of choices as its last child (as Qt's own combo box)."""

    def __init__(self, combo: CellComboBox) -> None:
        super().__init__(combo, QAccessible.Role.ComboBox)

    def _combo(self) -> QComboBox:
        return cast(QComboBox, self.widget())

    def text(self, t: QAccessible.Text) -> str:
        combo = self._combo()
        if t == QAccessible.Text.Name:
            name = combo.accessibleName()
            return f"{name}: {combo.currentText()}" if name else combo.currentText()
        if t == QAccessible.Text.Value:
            return combo.currentText()
        return super().text(t)

    def childCount(self) -> int:
        return super().childCount() + 1

    def child(self, index: int) -> QAccessibleInterface:
        if index == super().childCount():
            return QAccessible.queryAccessibleInterface(self._combo().view())
        return super().child(index)

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        if child is not None and child.object() is self._combo().view():
            return super().childCount()
        return super().indexOfChild(child)


def _cell_combo_accessible(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    return _CellComboAccessible(obj) if isinstance(obj, CellComboBox) else None


@cache
def _install_cell_combo_names() -> None:
    """Once, before the first :class:`CellComboBox` is asked what it is."""
    QAccessible.installFactory(_cell_combo_accessible)


def editor_value(editor: QWidget) -> object:
    """What ``editor`` holds, as the model stores it."""
    if isinstance(editor, QLineEdit):
        return editor.text()
    if isinstance(editor, QComboBox):
        return editor.currentText() if editor.isEditable() else editor.currentData()
    if isinstance(editor, QDoubleSpinBox):
        return editor.value()
    return cast(CellEditor, editor).value()


def set_editor_value(editor: QWidget, value: object) -> None:
    if isinstance(editor, QLineEdit):
        editor.setText(str(value))
    elif isinstance(editor, QComboBox) and editor.isEditable():
        editor.setCurrentText(str(value))
    elif isinstance(editor, QComboBox):
        editor.setCurrentIndex(max(0, editor.findData(value)))
    elif isinstance(editor, QDoubleSpinBox):
        editor.setValue(float(cast(float, value)))
    else:
        cast(CellEditor, editor).set_value(value)


class EditorTable(QTableView):
    """The table of an editor: every cell that can be edited is a stop for Tab, in reading
    order; past the last one (or before the first) Tab leaves the table. An editor opens as
    soon as a cell is reached. Delete (while no cell is being edited) asks to remove the row."""

    deleteRequested = Signal(int)

    def __init__(self, model: EditorModel[Any], delegate: CellDelegate) -> None:
        super().__init__()
        self.setModel(model)
        self.setItemDelegate(delegate)
        self.empty_text = ""
        self._closing = False  # while an editor closes
        self.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().hide()
        self.horizontalHeader().setHighlightSections(False)
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self._fit_height)
        self._fit_height()

    def editor_model(self) -> EditorModel[Any]:
        return cast(EditorModel[Any], self.model())

    def _fit_height(self) -> None:
        """As tall as its rows (one row's height when empty, for the empty text)."""
        rows = max(1, self.model().rowCount())
        row_px = self.verticalHeader().defaultSectionSize()
        header_px = self.horizontalHeader().sizeHint().height()
        self.setFixedHeight(header_px + rows * row_px + 2 * self.frameWidth())
        focus = Qt.FocusPolicy.StrongFocus if self.model().rowCount() else Qt.FocusPolicy.NoFocus
        self.setFocusPolicy(focus)  # an empty table is no stop for Tab

    def set_columns(self, widths_px: dict[int, int], stretch: int) -> None:
        """Fixed widths for some columns; ``stretch`` takes the rest (the table is never
        narrower than all of them)."""
        header = self.horizontalHeader()
        for column, width in widths_px.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(24)
        self.setMinimumWidth(sum(widths_px.values()) + MIN_STRETCH_PX + 2 * self.frameWidth())

    # ---- the keyboard -----------------------------------------------------------------------

    def _stops(self) -> list[QModelIndex]:
        model = self.model()
        stops = []
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                flags = model.flags(index)
                if flags & (Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable):
                    stops.append(index)
        return stops

    def _neighbour(self, forward: bool) -> QModelIndex:
        """The next (or previous) stop after the current cell; invalid past the ends."""
        stops = self._stops()
        current = self.currentIndex()
        order = [(i.row(), i.column()) for i in stops]
        here = (current.row(), current.column())
        later = [i for i, key in zip(stops, order, strict=True) if key > here]
        earlier = [i for i, key in zip(stops, order, strict=True) if key < here]
        if forward:
            return later[0] if later else QModelIndex()
        return earlier[-1] if earlier else QModelIndex()

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        if cursorAction == QAbstractItemView.CursorAction.MoveNext:
            return self._neighbour(True)
        if cursorAction == QAbstractItemView.CursorAction.MovePrevious:
            return self._neighbour(False)
        return super().moveCursor(cursorAction, modifiers)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        moves = {
            QAbstractItemDelegate.EndEditHint.EditNextItem: True,
            QAbstractItemDelegate.EndEditHint.EditPreviousItem: False,
        }
        leaves = hint in moves and not self._neighbour(moves[hint]).isValid()
        self._closing = True
        try:
            super().closeEditor(
                editor, QAbstractItemDelegate.EndEditHint.NoHint if leaves else hint
            )
        finally:
            self._closing = False
        if leaves:
            self.setFocus()
            self.focusNextPrevChild(moves[hint])  # Tab past the last cell leaves the table

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab moves between cells; but an editor hidden while it has the keyboard (Qt then
        moves the keyboard on) leaves the current cell where it is."""
        return True if self._closing else super().focusNextPrevChild(next)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        reason = event.reason()
        if reason not in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            return
        stops = self._stops()
        if stops:
            first = reason == Qt.FocusReason.TabFocusReason
            self.go_to(stops[0] if first else stops[-1])

    def go_to(self, index: QModelIndex) -> None:
        """Make ``index`` the current cell and open its editor (when it has one)."""
        self.setCurrentIndex(index)  # opens the editor (with the keyboard) when it changes
        editable = self.model().flags(index) & Qt.ItemFlag.ItemIsEditable
        if editable and self.state() != QAbstractItemView.State.EditingState:
            self.edit(index)
        focus = QApplication.focusWidget()
        if focus is None or not (focus is self or self.isAncestorOf(focus)):
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        if event.key() == Qt.Key.Key_Delete and not editing and self.currentIndex().isValid():
            self.deleteRequested.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        paint_empty_text(self, self.empty_text, 6, left)


class TableEditor(QGroupBox, Generic[E]):
    """The group box of an editor: a hint, the table, the messages marked in it, each row in
    words, the subclass's own help for the current row, and the Add and Remove buttons."""

    changed = Signal()  # the plan may change
    rowAdded = Signal()  # a new empty row: no plan changes, but the inputs do (Edit ▸ Undo)

    def __init__(
        self,
        title: str,
        hint: str,
        model: E,
        delegate: CellDelegate,
        marks: FieldMarks,
        add_text: str,
    ) -> None:
        super().__init__(title)
        named(self, title)
        self.model = model
        self.panel_layout = lay = QVBoxLayout(self)
        self.hint = _muted_label(hint)
        lay.addWidget(self.hint)
        self.table = EditorTable(model, delegate)
        named(self.table, title, hint)
        self.table.horizontalHeader().setAccessibleName(f"{title}: columns")
        lay.addWidget(self.table)
        self.problems = FieldMessage(title.lower())  # one line; all of them in its tooltip
        self.problems.setAccessibleName(f"Problems with {title.lower()}")
        lay.addWidget(self.problems)
        self.info = _muted_label("")
        self.info.setAccessibleName(f"{title} in words")
        lay.addWidget(self.info)
        for widget in self._row_help():
            lay.addWidget(widget)
        self.add_button = QPushButton(add_text)
        named(self.add_button, add_text.replace("&", ""))
        self.remove_button = QPushButton("Remove")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        lay.addLayout(buttons)

        marks.register_table(model)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_current_row)
        self.table.deleteRequested.connect(self.remove_row)
        model.edited.connect(self.changed)
        model.problemsChanged.connect(self._show_problems)
        for signal in (model.dataChanged, model.modelReset, model.rowsRemoved):
            signal.connect(self._show_rows)
        self.table.selectionModel().currentChanged.connect(self._show_rows)
        self._show_rows()

    def _row_help(self) -> list[QWidget]:
        """Widgets a subclass shows under the table for the current row (before the buttons,
        so that Tab reaches them in that order)."""
        return []

    def current_row(self) -> int:
        """The row of the current cell, or -1."""
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def add_row(self) -> int:
        """A new row, its first cell ready for typing. It changes no plan, but it is a change
        of the inputs of its own (Edit ▸ Undo takes it back apart from what is typed in it)."""
        row = self.model.add_row()
        self.rowAdded.emit()
        self.table.go_to(self.model.index(row, 0))
        return row

    def remove_current_row(self) -> None:
        if self.current_row() >= 0:
            self.remove_row(self.current_row())

    def remove_row(self, row: int) -> None:
        """Remove ``row``; the keyboard goes to the row now in its place, or Add."""
        self.table.setCurrentIndex(QModelIndex())  # no editor opens while the rows move
        self.model.remove_row(row)
        if self.model.rowCount():
            self.table.go_to(self.model.index(min(row, self.model.rowCount() - 1), 0))
        else:
            self.add_button.setFocus()

    def _show_problems(self) -> None:
        text = "\n".join(self.model.shown_problems())
        if text:
            self.problems.show_message(text)
        else:
            self.problems.clear_message()

    def _show_rows(self) -> None:
        """Each row in words, and the current row's own help and Remove button."""
        lines = [
            f"{row + 1}. {info}"
            for row in range(self.model.rowCount())
            if (info := self.model.info(row))
        ]
        self.info.setText("\n".join(lines))
        self.info.setVisible(bool(lines))
        row = self.current_row()
        self.remove_button.setEnabled(row >= 0)
        noun = self.model.ROW_NOUN.lower()
        named(self.remove_button, f"Remove {noun} {row + 1}" if row >= 0 else f"Remove {noun}")
        self._show_row_help(row)

    def _show_row_help(self, row: int) -> None:
        """Show the subclass's help for ``row`` (-1: no current row)."""


def _muted_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label
