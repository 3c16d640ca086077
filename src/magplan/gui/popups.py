"""A field's list of completions kept inside its window (and its screen).

Qt opens a completer's list under its field, as wide as the field, and moves it only to keep
it on the screen: under a field near the bottom of a window that does not fill the screen it
hung past the window's edge, and a narrow field cut the names short. :func:`keep_inside`
places the list where it is drawn: under the field where the window has room for it (else
above, where there is more room), as wide as its longest entry, never wider or taller than
the window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QWidget

_PLACED_ON = (QEvent.Type.Show, QEvent.Type.Move, QEvent.Type.Resize)


def popup_area(field: QWidget) -> QRect:
    """Where a popup of ``field`` may be drawn, on the screen: its window's area, within the
    screen's available area."""
    window = field.window()
    area = QRect(window.mapToGlobal(QPoint(0, 0)), window.size())
    screen = field.screen()
    return area.intersected(screen.availableGeometry()) if screen is not None else area


def popup_rect(field: QRect, area: QRect, wanted_width: int, wanted_height: int) -> QRect:
    """A popup's place for a field at ``field`` (global): under it where ``area`` has room
    for ``wanted_height`` or more room than above it, else above it; as wide as
    ``wanted_width`` (at least the field) and as tall as wanted, within ``area``."""
    width = min(max(wanted_width, field.width()), area.width())
    below = area.bottom() - field.bottom()
    above = field.top() - area.top()
    if wanted_height <= below or below >= above:
        height = max(1, min(wanted_height, below))
        top = field.bottom() + 1
    else:
        height = max(1, min(wanted_height, above))
        top = field.top() - height
    left = min(max(field.left(), area.left()), area.right() + 1 - width)
    return QRect(left, top, width, height)


class _KeptInside(QObject):
    """Places ``completer``'s list each time Qt shows, moves or sizes it."""

    def __init__(self, completer: QCompleter, field: QWidget) -> None:
        super().__init__(completer)
        self._completer = completer
        self._field = field
        self._placing = False
        popup = completer.popup()
        if popup is not None:
            popup.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _PLACED_ON and not self._placing and isinstance(watched, QWidget):
            self._placing = True
            try:
                self._place(watched)
            finally:
                self._placing = False
        return False

    def _place(self, popup: QWidget) -> None:
        if not popup.isVisible() or not isinstance(popup, QAbstractItemView):
            return
        field = QRect(self._field.mapToGlobal(QPoint(0, 0)), self._field.size())
        model = popup.model()
        rows = min(model.rowCount() if model is not None else 0, self._completer.maxVisibleItems())
        frame = 2 * popup.frameWidth()
        scrollbar = popup.verticalScrollBar()
        scrollbar_px = scrollbar.sizeHint().width() if scrollbar is not None else 0
        wanted_width = popup.sizeHintForColumn(0) + frame + scrollbar_px
        wanted_height = max(1, rows) * max(popup.sizeHintForRow(0), 1) + frame + 2
        place = popup_rect(field, popup_area(self._field), wanted_width, wanted_height)
        if popup.geometry() != place:
            popup.setGeometry(place)


def keep_inside(completer: QCompleter, field: QWidget) -> None:
    """Keep ``completer``'s list, whenever it shows, inside ``field``'s window and screen."""
    _KeptInside(completer, field)
