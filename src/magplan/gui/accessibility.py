"""What assistive technology is told beyond a widget's name: the role of a widget Qt cannot
guess (the stop banner is an alert, the timeline a chart), an alert announced when it appears,
and parts of the result that the keyboard can reach, with a ring that shows where focus is.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
    QAccessibleInterface,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QAccessibleWidget, QFocusFrame, QWidget

_ROLES: dict[type[QWidget], QAccessible.Role] = {}
_factory_installed = False


def give_role(widget_class: type[QWidget], role: QAccessible.Role) -> None:
    """Widgets of ``widget_class`` (and its subclasses) tell assistive technology they are a
    ``role``. Call it before the first widget of the class exists; calling it again is
    harmless."""
    global _factory_installed
    _ROLES[widget_class] = role
    if not _factory_installed:
        QAccessible.installFactory(_interface_for)
        _factory_installed = True


def _interface_for(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    """Qt's accessibility factory: an interface with the given role for the widgets named in
    :func:`give_role`, and Qt's own for everything else."""
    if not isinstance(obj, QWidget):
        return None
    for widget_class, role in _ROLES.items():
        if isinstance(obj, widget_class):
            return QAccessibleWidget(obj, role)
    return None


def announce_alert(widget: QWidget) -> None:
    """Tell assistive technology that ``widget`` (an alert) has just appeared: the platform's
    alert event (a screen reader reads the alert's name and description at once)."""
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Alert))


def announce(widget: QWidget, text: str) -> None:
    """Have assistive technology say ``text`` when it can (politely: after what it is saying
    now), as news about ``widget``."""
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)


_FOCUS_OR_PLACE = (
    QEvent.Type.FocusIn,
    QEvent.Type.FocusOut,
    QEvent.Type.Show,
    QEvent.Type.Hide,
    QEvent.Type.ParentChange,
)


class FocusRing(QFocusFrame):
    """A ring in the highlight colour around a widget while it has keyboard focus, for widgets
    whose style draws no focus of its own (a drawing, a progress bar)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.hide()
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusIn and self.widget() is not watched:
            # placed around the widget when it first has focus: by then it is in the window
            self.setWidget(watched)  # type: ignore[arg-type]
        handled = super().eventFilter(watched, event)  # follows the widget's moves and sizes
        if kind in _FOCUS_OR_PLACE and isinstance(watched, QWidget):
            focused = watched.hasFocus() and watched.isVisible()
            self.setVisible(focused and self.widget() is watched)
            if focused:
                self.raise_()
        return handled

    def paintEvent(self, event: QPaintEvent) -> None:
        # Only the ring around the widget is this frame's (Qt masks the rest): fill it.
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().highlight())
        painter.end()


def make_reachable(widget: QWidget) -> FocusRing:
    """Let the keyboard reach ``widget`` (Tab, and a click) and show a ring while it has
    focus: for a part of the result a screen reader should read on its own (its accessible
    name and description say what it shows)."""
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return FocusRing(widget)
