"""The mouse wheel never changes a field the user has not focused.

Scrolling the inputs with the wheel passes the pointer over spin boxes and combo boxes; Qt lets
each of them take the wheel (and focus) and change its value: age 35 became 32, "Every day"
became "Some days only". One application-wide filter sends such a wheel to the scroll area the
field sits in instead, so the inputs scroll and nothing changes; a focused field still takes
the wheel as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QWidget


class WheelGuard(QObject):
    """Install once on the QApplication (:func:`install_wheel_guard`)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QAbstractSpinBox | QComboBox):
            return False
        if event.type() == QEvent.Type.Polish:
            # Qt gives wheel focus before any filter runs: only a click or Tab gives it here
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if event.type() != QEvent.Type.Wheel:
            return False
        if watched.hasFocus():
            return False
        scroller = _scroll_area_of(watched)
        if scroller is not None:
            QCoreApplication.sendEvent(scroller.viewport(), event)
        return True  # the field itself never sees it


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


def install_wheel_guard(app: QCoreApplication) -> None:
    """Guard every spin box and combo box of ``app`` (once; the guard lives with ``app``)."""
    if app.findChild(WheelGuard) is None:
        app.installEventFilter(WheelGuard(app))
