"""The start-low ramp: the daily amount week by week.

Each week is its amount and the doses it takes. Where the list is tall enough the doses wrap
onto as many lines as they need; where it is not, each is one line cut short with an ellipsis;
where even that is too tall, a week is one line, its amount first: every week stays in sight.
The whole week is always its tooltip."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QHelpEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QToolTip, QWidget

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
        self._weeks: list[tuple[str, str]] = []  # (amount, doses) of each week

    def show_view(self, view: PlanView) -> None:
        self.clear()
        self._weeks = [(row.heading, row.taken) for row in view.ramp]
        if not view.ramp:
            self._weeks = [("No ramp: no magnesium is planned.", "")]
        for heading, taken in self._weeks:
            item = QListWidgetItem("\n".join(p for p in (heading, taken) if p))
            item.setToolTip(item.text())
            self.addItem(item)
        self._fit_lines()

    def weeks(self) -> list[str]:
        """Each week whole (its amount, then its doses on the next line), as its tooltip."""
        return [self.item(i).toolTip() for i in range(self.count())]

    def _fit_lines(self) -> None:
        """Wrap the weeks when all of them, wrapped, fit the list's height; else a line for
        the amount and one for the doses, when those fit; else one line a week."""
        viewport = self.viewport()
        if viewport is None or not self.count():
            return
        wrap = self._height_px(self.weeks(), wrapped=True) <= viewport.height()
        two_lines = wrap or self._height_px(self.weeks(), wrapped=False) <= viewport.height()
        for i, (heading, taken) in enumerate(self._weeks):
            text = "\n".join(p for p in (heading, taken) if p) if two_lines else heading
            if not two_lines and taken:
                text += f" · {taken}"
            if self.item(i).text() != text:
                self.item(i).setText(text)
        if wrap != self.wordWrap():
            self.setWordWrap(wrap)

    def _height_px(self, texts: list[str], *, wrapped: bool) -> int:
        """The height of the list's items with ``texts``, wrapped at its width or not."""
        viewport = self.viewport()
        assert viewport is not None
        width = viewport.width() - 2 * self.spacing() - ITEM_MARGIN_PX
        fm = self.fontMetrics()
        flags = int(Qt.TextFlag.TextWordWrap.value) if wrapped else 0
        room = QRect(0, 0, max(width, 1), 100_000)
        return sum(
            fm.boundingRect(room, flags, text).height() + 2 * self.spacing() + ITEM_MARGIN_PX
            for text in texts
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_lines()

    def viewportEvent(self, event: QEvent) -> bool:
        """The tooltip of a week is the whole week, however narrow the list."""
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            item = self.itemAt(event.pos())
            if item is not None:
                QToolTip.showText(event.globalPos(), item.toolTip(), self.viewport())
                return True
        return super().viewportEvent(event)
