"""The day's schedule as a table over :class:`ScheduleModel`."""

from __future__ import annotations

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
        model.modelReset.connect(self._fit)

    def _fit(self) -> None:
        model = self.model()
        for col in range(model.columnCount() - 1):
            self.resizeColumnToContents(col)
