"""The day's schedule as a table over :class:`ScheduleModel`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from magplan.gui.models import ScheduleModel
from magplan.gui.theme import paint_empty_text


class ScheduleTable(QTableView):
    def __init__(self, model: ScheduleModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName("Schedule")
        self.setAccessibleDescription("The day's magnesium doses: time, product, amount and why")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setAccessibleName("Schedule columns")
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.empty_text = "No doses: see the message above."
        model.modelReset.connect(self._fit)

    def _fit(self) -> None:
        """Columns as wide as their contents (within reason); "Why" takes the rest."""
        model = self.model()
        limit = max(120, self.viewport().width() // 5)
        for col in range(model.columnCount() - 1):
            self.resizeColumnToContents(col)
            if self.columnWidth(col) > limit:
                self.setColumnWidth(col, limit)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        top_centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        paint_empty_text(self, self.empty_text, 12, top_centre)
