"""The Food page's full list: every food the program knows, found by typing part of its name
(or its kind: "beans", "cereal"), each with its serving, weight, magnesium and fibre a serving
and where the figure comes from (its tooltip); Add puts the chosen food on the person's list.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from magplan.core.foods import Food, FoodTable
from magplan.gui.fields import named
from magplan.gui.journal_words import muted
from magplan.present.diet import FoodRow, food_row

Index = QModelIndex | QPersistentModelIndex

_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole.value)
_RIGHT = int(Qt.AlignmentFlag.AlignRight.value | Qt.AlignmentFlag.AlignVCenter.value)
FoodIdRole = int(Qt.ItemDataRole.UserRole.value) + 1  # the food's id
LIST_ROWS = 12  # the list shows this many foods before it scrolls
UNKNOWN = "–"  # a figure the data does not have (not 0)
NOT_IN_DATA = "not in the data"
FOCUS_FRAME_PX = 2
QUIET_SHARE = 0.35  # the chosen row without the keyboard: this much of the highlight
SEARCH_KEYS = (
    "Type part of a food's name or its kind; Enter goes to the first food found (Enter "
    "there adds it), Escape clears the search"
)
LIST_KEYS = (
    "Magnesium a serving; the source is in each tooltip. Enter adds the chosen food to your list"
)


RESIZE_SAMPLE_ROWS = 40  # rows read to size a column to its contents


class FoodListModel(QAbstractTableModel):
    """The foods found, one row each."""

    NAME, SERVING, WEIGHT, MG, FIBRE = range(5)
    HEADERS = ("Food", "Serving", "Weight", "Magnesium", "Fibre")

    def __init__(self, table: FoodTable) -> None:
        super().__init__()
        self._table = table
        self._rows = {food.id: food_row(food, table) for food in table.foods.values()}
        self._text = ""
        self._shown = self._found("")
        self._sort: tuple[int, bool] | None = None

    def _found(self, text: str) -> list[tuple[Food, FoodRow]]:
        return [(food, self._rows[food.id]) for food in self._table.search(text)]

    def search(self, text: str) -> None:
        """Show the foods whose name, kind or description has every word of ``text``, those
        whose own name has them first (unless the person sorted the list by a column)."""
        self._text = text
        self.beginResetModel()
        self._shown = self._found(text)
        if self._sort is not None:
            self._sorted(*self._sort)
        self.endResetModel()

    def total(self) -> int:
        return len(self._rows)

    def food_id(self, row: int) -> str:
        return self._shown[row][0].id

    def ids(self) -> list[str]:
        """The foods shown, top to bottom."""
        return [food.id for food, _ in self._shown]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        food, row = self._shown[index.row()]
        column = index.column()
        if role == _DISPLAY:
            return _cells(row)[column]
        if role == _TOOLTIP:
            if column == self.FIBRE and not row.fibre:
                return f"{row.name}: fibre {NOT_IN_DATA}"
            return f"{row.name}, {row.serving}: {row.source}"
        if role == _ACCESSIBLE:
            said = NOT_IN_DATA if column == self.FIBRE and not row.fibre else _cells(row)[column]
            return f"{self.HEADERS[column]}: {said}"
        if role == _ALIGN and column in (self.WEIGHT, self.MG, self.FIBRE):
            return _RIGHT
        if role == FoodIdRole:
            return food.id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` (-1: the search's order, best first)."""
        self.beginResetModel()
        self._sort = (column, order == Qt.SortOrder.DescendingOrder) if column >= 0 else None
        if self._sort is None:
            self._shown = self._found(self._text)
        else:
            self._sorted(*self._sort)
        self.endResetModel()

    def _sorted(self, column: int, descending: bool) -> None:
        def key(pair: tuple[Food, FoodRow]) -> tuple[float, str]:
            food, row = pair
            numbers = {self.WEIGHT: food.grams, self.MG: food.mg, self.FIBRE: food.fibre_g}
            number = numbers.get(column)
            text = row.serving if column == self.SERVING else row.name
            return (-1.0 if number is None else number), text.lower()

        self._shown.sort(key=key, reverse=descending)


def _cells(row: FoodRow) -> tuple[str, str, str, str, str]:
    return (row.name, row.serving, row.grams, f"{row.mg} mg", row.fibre or UNKNOWN)


class FoodSearch(QGroupBox):
    """The search field, the foods found and Add."""

    addRequested = Signal(str)  # the id of the food to put on the person's list

    def __init__(self, table: FoodTable, parent: QWidget | None = None) -> None:
        super().__init__("All foods", parent)
        named(self, "All foods")
        self._listed: set[str] = set()
        self.model = FoodListModel(table)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Search, e.g. beans, almonds, cereal")
        self.search_edit.setClearButtonEnabled(True)
        named(self.search_edit, "Search all foods", SEARCH_KEYS)
        self.count_label = muted(QLabel())
        self.view = FoodTableView()
        self.view.setModel(self.model)
        named(self.view, "Foods found", LIST_KEYS)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)  # Tab leaves the list, as it leaves a field
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # as the data lists them
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(FoodListModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(FoodListModel.HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # the short columns (serving, grams, mg, fibre) are sized from their widest cells among
        # the first rows and the header, not from all 159 rows' data (a fifth of the page's
        # first opening)
        header.setResizeContentsPrecision(RESIZE_SAMPLE_ROWS)
        row_px = self.view.verticalHeader().defaultSectionSize()
        self.view.setMinimumHeight(row_px * LIST_ROWS + header.sizeHint().height())
        self.add_button = QPushButton("&Add to my foods")
        named(self.add_button, "Add to my foods", "Put the chosen food on your list")

        line = QHBoxLayout()
        line.addWidget(self.search_edit, 1)
        line.addWidget(self.count_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.addLayout(line)
        box.addWidget(self.view, 1)
        box.addLayout(buttons)

        self.search_edit.textChanged.connect(self.search)
        self.search_edit.returnPressed.connect(self.go_to_found)
        self.search_edit.installEventFilter(self)
        self.view.selectionModel().currentRowChanged.connect(self._show_add)
        self.view.doubleClicked.connect(lambda _index: self.add_chosen())
        self.view.installEventFilter(self)
        self.add_button.clicked.connect(self.add_chosen)
        self.search("")

    def search(self, text: str) -> None:
        self.model.search(text)
        shown, total = self.model.rowCount(), self.model.total()
        self.count_label.setText(f"{total} foods" if shown == total else f"{shown} of {total}")
        if shown:
            self.view.selectRow(0)
        self._show_add()

    def go_to_found(self) -> None:
        """Enter in the search: the keyboard goes to the first food found (where Enter adds
        it); nothing found, it stays."""
        if self.model.rowCount() == 0:
            return
        self.view.setCurrentIndex(self.model.index(0, FoodListModel.NAME))
        self.view.selectRow(0)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def chosen(self) -> str | None:
        """The id of the food chosen in the list, if any."""
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.food_id(index.row())

    def set_listed(self, ids: set[str]) -> None:
        """The foods already on the person's list (they cannot be added twice)."""
        self._listed = ids
        self._show_add()

    def add_chosen(self) -> None:
        food = self.chosen()
        if food is not None and food not in self._listed:
            self.addRequested.emit(food)

    def _show_add(self) -> None:
        food = self.chosen()
        listed = food is not None and food in self._listed
        self.add_button.setEnabled(food is not None and not listed)
        self.add_button.setToolTip("Already on your list" if listed else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the list adds the chosen food, as the button does; Escape in the search
        clears it (when there is something to clear)."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if watched is self.view and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.add_chosen()
            return True
        escape = event.key() == Qt.Key.Key_Escape
        if watched is self.search_edit and escape and self.search_edit.text():
            self.search_edit.clear()
            return True
        return False


class FoodTableView(QTableView):
    """The foods found. While it has the keyboard its current row is framed and filled in
    the palette's highlight; without it, the chosen row stays marked in a quieter colour, so
    that where the keyboard is can always be seen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(_QuietWithoutFocus(self))

    def current_row_rect(self) -> QRect:
        """The current row in the viewport, across every column (empty: no current row)."""
        index = self.currentIndex()
        model = self.model()
        if not index.isValid() or model is None:
            return QRect()
        first = self.visualRect(model.index(index.row(), 0))
        last = self.visualRect(model.index(index.row(), model.columnCount() - 1))
        return first.united(last)

    def focus_frame_color(self) -> QColor:
        """The frame's colour: the highlight's text colour, on the highlighted row."""
        return self.palette().color(QPalette.ColorRole.HighlightedText)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        row = self.current_row_rect()
        viewport = self.viewport()
        if not self.hasFocus() or row.isEmpty() or viewport is None:
            return
        painter = QPainter(viewport)
        painter.setPen(QPen(self.focus_frame_color(), FOCUS_FRAME_PX))
        half = FOCUS_FRAME_PX // 2
        painter.drawRect(row.adjusted(half + 1, half + 1, -half - 1, -half - 1))
        painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()  # the frame and the fill follow the keyboard

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()


class _QuietWithoutFocus(QStyledItemDelegate):
    """Draws the chosen row of a list without the keyboard in the highlight mixed into the
    base colour, with the text colour (the palette's own highlight means "the keyboard is
    here")."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if not option.state & QStyle.StateFlag.State_Selected:
            return  # only the chosen row is drawn another way (and sizing reads every row)
        view = self.parent()
        if isinstance(view, QWidget) and view.hasFocus():
            return
        palette = option.palette
        quiet = mixed(
            palette.color(QPalette.ColorRole.Highlight),
            palette.color(QPalette.ColorRole.Base),
            QUIET_SHARE,
        )
        text = palette.color(QPalette.ColorRole.Text)
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, quiet)
            palette.setColor(group, QPalette.ColorRole.HighlightedText, text)
        option.palette = palette


def mixed(color: QColor, into: QColor, share: float) -> QColor:
    """``share`` of ``color`` laid over ``into``."""
    return QColor.fromRgbF(
        into.redF() + (color.redF() - into.redF()) * share,
        into.greenF() + (color.greenF() - into.greenF()) * share,
        into.blueF() + (color.blueF() - into.blueF()) * share,
    )
