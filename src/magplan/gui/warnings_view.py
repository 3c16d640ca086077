"""The plan's warnings with severity icons and sources."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from magplan.gui.models import WarningsModel
from magplan.gui.theme import paint_empty_text


class WarningsList(QListView):
    def __init__(self, model: WarningsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName("Warnings")
        self.setAccessibleDescription("Warnings, most severe first, each with its source")
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(3)
        self.setIconSize(QSize(24, 24))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setAlternatingRowColors(True)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        top_left = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
        paint_empty_text(self, "No warnings for this plan.", 8, top_left)

    def texts(self) -> list[str]:
        """What the list shows, row by row."""
        model = self.model()
        return [str(model.index(r, 0).data()) for r in range(model.rowCount())]
