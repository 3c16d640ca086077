"""The start-low ramp: the daily amount week by week.

Each week is its amount and the doses it takes. Where the list is tall enough the doses wrap
onto as many lines as they need; where it is not, each is one line cut short with an ellipsis,
so that every week stays in sight. The whole week is always its tooltip."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QHelpEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QToolTip, QWidget

from magplan.gui.warnings_view import WrappedRows
from magplan.present import PlanView

ITEM_MARGIN_PX = 6
"""Room an item takes besides its text (its frame and padding), a little more than Qt's."""


class TitrationList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Titration: start low")
        self.setAccessibleDescription("The daily amount to take each week until the full plan")
        self.setItemDelegate(WrappedRows(self))
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setSpacing(1)

    def show_view(self, view: PlanView) -> None:
        self.clear()
        for row in view.ramp:
            self.addItem(f"{row.heading}\n{row.taken}")
        if not view.ramp:
            self.addItem("No ramp: no magnesium is planned.")
        self._fit_lines()

    def _fit_lines(self) -> None:
        """Wrap the weeks when all of them, wrapped, fit the list's height; else a line each."""
        viewport = self.viewport()
        if viewport is None:
            return
        width = viewport.width() - 2 * self.spacing() - ITEM_MARGIN_PX
        fm = self.fontMetrics()
        flags = int(Qt.TextFlag.TextWordWrap.value)
        wrapped_px = sum(
            fm.boundingRect(
                QRect(0, 0, max(width, 1), 100_000), flags, self.item(i).text()
            ).height()
            + 2 * self.spacing()
            + ITEM_MARGIN_PX
            for i in range(self.count())
        )
        wrap = wrapped_px <= viewport.height()
        if wrap != self.wordWrap():
            self.setWordWrap(wrap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_lines()

    def viewportEvent(self, event: QEvent) -> bool:
        """The tooltip of a week is the whole week, however narrow the list."""
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            item = self.itemAt(event.pos())
            if item is not None:
                QToolTip.showText(event.globalPos(), item.text(), self.viewport())
                return True
        return super().viewportEvent(event)
