"""The plan's warnings with severity icons and sources."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from magplan.gui.models import WarningsModel
from magplan.gui.theme import paint_empty_text


class WrappedRows(QStyledItemDelegate):
    """Each row of a list as tall as its lines at the width the list gives it: Qt's own
    estimate leaves out the room an item's spacing takes, and the last line of a long warning
    was cut short with an ellipsis."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        viewport = self._view.viewport()
        if viewport is None:
            return super().sizeHint(option, index)
        width = viewport.width() - 2 * self._view.spacing()
        sized = QStyleOptionViewItem(option)
        sized.rect.setWidth(width)
        hint = super().sizeHint(sized, index)
        return QSize(min(hint.width(), width), hint.height())


class WarningsList(QListView):
    def __init__(self, model: WarningsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(WrappedRows(self))
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
