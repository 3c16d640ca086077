"""The day's schedule as a table over :class:`ScheduleModel`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from magplan.gui.models import ScheduleModel


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
        model = self.model()
        viewport = self.viewport()
        if model is None or model.rowCount() > 0 or viewport is None:
            return
        painter = QPainter(viewport)
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            viewport.rect().adjusted(12, 12, -12, -12),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            self.empty_text,
        )
        painter.end()
