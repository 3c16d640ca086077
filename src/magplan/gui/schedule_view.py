"""The day's schedule as a table over :class:`ScheduleModel`: one line a dose.

Each row is one line (a time with its weekday times takes a line for each), cut short with an
ellipsis where a column is narrow; the whole text of every cell is its tooltip. The table is as
tall as its rows, so that the day's every dose is in sight and the room under it goes to the
warnings and the ramp."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSizePolicy, QTableView, QWidget

from magplan.gui.models import ScheduleModel
from magplan.gui.theme import paint_empty_text

ROW_PADDING_PX = 8
SQUEEZE = (
    (ScheduleModel.ELEMENTAL, 72),
    (ScheduleModel.WHY, 160),
    (ScheduleModel.GOAL, 72),
    (ScheduleModel.FOOD, 64),
    (ScheduleModel.PRODUCT, 96),
    (ScheduleModel.TIME, 48),
    (ScheduleModel.UNITS, 56),
)
"""The columns that give up width when the table is narrow, first to last, and the least
width (px) each keeps."""


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
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
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
        model.modelReset.connect(self._fit)

    def _line_px(self) -> int:
        return self.fontMetrics().lineSpacing()

    def _fit(self) -> None:
        """Columns to their contents, each row as many lines as its time has, the table as
        tall as its rows."""
        self._fit_columns()
        model = self.model()
        for row in range(model.rowCount()):
            lines = max(
                str(model.index(row, col).data() or "").count("\n") + 1
                for col in range(model.columnCount())
            )
            self.setRowHeight(row, lines * self._line_px() + ROW_PADDING_PX)
        self.updateGeometry()

    def _fit_columns(self) -> None:
        """Every column as wide as its contents; where they do not fit, the columns give up
        width in ``SQUEEZE`` order (the compound's weight first, the time and the amount
        last), each down to its floor, and show the rest in their tooltips."""
        model = self.model()
        header = self.horizontalHeader()
        widths = [
            max(self.sizeHintForColumn(c), header.sectionSizeHint(c))
            for c in range(model.columnCount())
        ]
        excess = sum(widths) - self.viewport().width()
        for col, floor_px in SQUEEZE:
            if excess <= 0:
                break
            give = min(excess, max(0, widths[col] - floor_px))
            widths[col] -= give
            excess -= give
        for col, width in enumerate(widths[:-1]):  # "Why" stretches to the rest
            self.setColumnWidth(col, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def sizeHint(self) -> QSize:
        """As tall as the header and every row (one row's room when there is none)."""
        hint = super().sizeHint()
        rows = self.verticalHeader().length() or self.verticalHeader().defaultSectionSize()
        header = self.horizontalHeader().sizeHint().height()
        return QSize(hint.width(), header + rows + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        top_centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        paint_empty_text(self, self.empty_text, 4, top_centre)
