"""The mouse wheel over a field the user has not focused changes nothing (it scrolls the
inputs instead); a focused field still takes the wheel."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from magplan.gui.main_window import MainWindow


def _wheel(widget: QWidget, steps: int) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_an_unfocused_field_changes_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show()
    qtbot.waitExposed(window)
    age = window.person_panel.age_spin
    before_plan = window.current_plan()
    age.clearFocus()
    assert not age.hasFocus()
    _wheel(age, -3)
    assert age.value() == 35 and not age.hasFocus()
    assert window.current_plan() == before_plan
    age.setFocus()
    qtbot.waitUntil(age.hasFocus)
    _wheel(age, -3)  # a field the user chose takes the wheel as usual
    assert age.value() == 32
