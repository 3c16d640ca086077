"""The start-low ramp: the daily amount week by week.

Each week is two lines, its amount and the doses it takes, cut short with an ellipsis where the
list is narrow; the whole week is its tooltip."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QToolTip, QWidget

from magplan.present import PlanView


class TitrationList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Titration: start low")
        self.setAccessibleDescription("The daily amount to take each week until the full plan")
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setSpacing(1)

    def viewportEvent(self, event: QEvent) -> bool:
        """The tooltip of a week is the whole week, however narrow the list."""
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            item = self.itemAt(event.pos())
            if item is not None:
                QToolTip.showText(event.globalPos(), item.text(), self.viewport())
                return True
        return super().viewportEvent(event)

    def show_view(self, view: PlanView) -> None:
        self.clear()
        for row in view.ramp:
            self.addItem(f"{row.heading}\n{row.taken}")
        if not view.ramp:
            self.addItem("No ramp: no magnesium is planned.")
