"""The day's schedule as a table over :class:`ScheduleModel`: one row a dose.

Every cell is read whole: the columns are as wide as their words where there is room; where
there is not, they give up width in turn and their words wrap, the row growing to its
tallest cell (the "Why" takes the width that is left, and wraps first). The table is as tall
as its rows, so that the day's every dose is in sight and the room under it goes to the
warnings and the ramp. The whole text of every cell is its tooltip too."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QStyle,
    QTableView,
    QWidget,
)

from magplan.gui.models import ScheduleModel
from magplan.gui.theme import paint_empty_text

ROW_PADDING_PX = 8
WHY_LEAST_PX = 120
"""The "Why" is never narrower (its words wrap onto as many lines as they need)."""
NARROWABLE = (
    ScheduleModel.TIME,
    ScheduleModel.PRODUCT,
    ScheduleModel.UNITS,
    ScheduleModel.ELEMENTAL,
    ScheduleModel.FOOD,
    ScheduleModel.GOAL,
)
"""The columns that may be narrowed to their widest word, their words wrapping, to give the
"Why" room: in a row that is taller for its "Why" anyway, that costs nothing."""


class TextMeasure:
    """How a cell's words lie in a column: the width they need on one line, the widest word,
    and the lines they take at a width (wrapped as the style wraps them)."""

    def __init__(self, fm: QFontMetrics, margin_px: int) -> None:
        self._fm = fm
        self._margin_px = margin_px  # the cell's padding, both sides
        self._lines: dict[tuple[str, int], int] = {}

    def one_line_px(self, text: str) -> int:
        return max(self._fm.horizontalAdvance(line) for line in text.split("\n")) + self._margin_px

    def widest_word_px(self, text: str) -> int:
        words = text.split() or [""]
        return max(self._fm.horizontalAdvance(word) for word in words) + self._margin_px

    def lines(self, text: str, width_px: int) -> int:
        key = (text, width_px)
        if key not in self._lines:
            room = QRect(0, 0, max(1, width_px - self._margin_px), 100_000)
            flags = int(Qt.TextFlag.TextWordWrap.value)
            height = self._fm.boundingRect(room, flags, text).height()
            self._lines[key] = max(1, round(height / self._fm.lineSpacing()))
        return self._lines[key]


def column_widths(
    cells: list[tuple[str, ...]],
    header_px: list[int],
    room_px: int,
    measure: TextMeasure,
    narrowable: tuple[int, ...] = NARROWABLE,
) -> list[int]:
    """Each column's width in ``room_px``, the last ("Why") taking the rest: every column as
    wide as its words on one line where that fits; else the narrowing of the ``narrowable``
    columns that makes the table the fewest lines tall (fewest columns narrowed among
    equals), the "Why" wrapping in the width left."""
    why = len(header_px) - 1
    one = [
        max([header_px[c], *(measure.one_line_px(row[c]) for row in cells)]) for c in range(why + 1)
    ]
    narrow = [
        max([header_px[c], *(measure.widest_word_px(row[c]) for row in cells)])
        for c in range(why + 1)
    ]
    best: tuple[tuple[int, int], list[int]] | None = None
    for choice in itertools.product((False, True), repeat=len(narrowable)):
        widths = list(one)
        for column, narrowed in zip(narrowable, choice, strict=True):
            if narrowed:
                widths[column] = narrow[column]
        widths[why] = room_px - sum(widths[:why])
        if widths[why] < WHY_LEAST_PX:
            continue
        lines = sum(max(measure.lines(row[c], widths[c]) for c in range(why + 1)) for row in cells)
        key = (lines, sum(choice))
        if best is None or key < best[0]:
            best = (key, widths)
    if best is not None:
        return best[1]
    widths = [*narrow[:why], 0]
    widths[why] = max(WHY_LEAST_PX, room_px - sum(widths[:why]))
    return widths


class ScheduleTable(QTableView):
    def __init__(self, model: ScheduleModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName("Schedule")
        self.setAccessibleDescription(
            "The day's magnesium doses: time, product, amount and why (each cell's tooltip "
            "has its whole text)"
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)  # a narrow column's words go on to the next line
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # as tall as it
        self.setTabKeyNavigation(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self._line_px() + ROW_PADDING_PX)
        header = self.horizontalHeader()
        header.setAccessibleName("Schedule columns")
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.empty_text = "No doses: see the message above."
        self._wrapped_px: list[int] = []  # each row with every line of its cells
        self._wrapped_widths: list[int] = []  # the columns for every line of every cell
        self._one_line_widths: list[int] = []  # the columns for a line a row
        model.modelReset.connect(self._fit)

    def _line_px(self) -> int:
        return self.fontMetrics().lineSpacing()

    def _fit(self) -> None:
        """Columns to their contents (as the room allows), each row as tall as its tallest
        cell, the table as tall as its rows."""
        self._plan_columns()
        self._apply_columns(self._wrapped_widths)
        self._wrapped_px = self._rows_px(wrapped=True)
        self._lay_rows()
        self.updateGeometry()

    def _plan_columns(self) -> None:
        """The columns' widths for every line in sight (:func:`column_widths`: the fewest
        lines), and for a line a row, where the window gives the table less room (the
        columns as wide as their words, the "Why" the rest)."""
        model = self.model()
        header = self.horizontalHeader()
        cells = [
            tuple(str(model.index(r, c).data() or "") for c in range(model.columnCount()))
            for r in range(model.rowCount())
        ]
        margin = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1) + 2
        headers = [header.sectionSizeHint(c) for c in range(model.columnCount())]
        measure = TextMeasure(self.fontMetrics(), margin)
        room = self.viewport().width()
        self._wrapped_widths = column_widths(cells, headers, room, measure)
        self._one_line_widths = column_widths(cells, headers, room, measure, narrowable=())

    def _apply_columns(self, widths: list[int]) -> None:
        """The columns at ``widths``; the "Why" too, though it stretches to the rest: its
        rows are measured at once, before the header stretches it."""
        for col, width in enumerate(widths):
            if self.columnWidth(col) != width:
                self.setColumnWidth(col, width)

    def _rows_px(self, *, wrapped: bool) -> list[int]:
        """Each row's height at the columns' widths now: with every line of every cell
        (wrapped at its column's width), or only a line for each line of its time."""
        model = self.model()
        heights = []
        for row in range(model.rowCount()):
            lines = max(
                str(model.index(row, col).data() or "").count("\n") + 1
                for col in range(model.columnCount())
            )
            least = lines * self._line_px() + ROW_PADDING_PX
            heights.append(
                max(least, self.sizeHintForRow(row) + ROW_PADDING_PX // 2) if wrapped else least
            )
        return heights

    def _lay_rows(self) -> None:
        """Every line of every cell in sight (:meth:`sizeHint` asks for that room); where the
        window gives the table less, the columns as wide as their words, each row a line
        (a line for each line of its time) and the rest of the room given out in whole
        lines, top row first (a cell's last line shown ends in an ellipsis; its tooltip has
        it whole)."""
        room = self.viewport().height()
        if not self.isVisible() or sum(self._wrapped_px) <= room:
            self._apply_columns(self._wrapped_widths)
            heights = list(self._wrapped_px)
        else:
            self._apply_columns(self._one_line_widths)
            wanted = self._rows_px(wrapped=True)
            heights = self._rows_px(wrapped=False)
            spare = room - sum(heights)
            for row, want in enumerate(wanted):
                lines = max(0, min(want - heights[row], spare) // self._line_px())
                heights[row] += lines * self._line_px()
                spare -= lines * self._line_px()
        for row, height in enumerate(heights):
            if self.rowHeight(row) != height:
                self.setRowHeight(row, height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()  # the lines wrap anew at the new width
        elif event.size().height() != event.oldSize().height():
            self._lay_rows()

    def sizeHint(self) -> QSize:
        """As tall as the header and every row with every line of its cells (one row's room
        when there is none)."""
        hint = super().sizeHint()
        rows = sum(self._wrapped_px) or self.verticalHeader().defaultSectionSize()
        header = self.horizontalHeader().sizeHint().height()
        return QSize(hint.width(), header + rows + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        top_centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        paint_empty_text(self, self.empty_text, 4, top_centre)
