"""Ways to drive and read the window as a user does: click, type, read what is shown."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from magplan.core.timeofday import parse_time
from magplan.gui.fields import TYPING_PAUSE_MS, typing_pending
from magplan.gui.main_window import MainWindow
from magplan.gui.table_editor import EditorTable, ProblemRole


@dataclass
class SupervisionAnswers:
    """What the clinician's dialog answers in a test: ``name`` once confirmed, None when
    cancelled (see the ``supervision_dialog`` fixture)."""

    name: str | None = None
    asked: int = 0


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click where a user would: on the box of a checkbox, the middle of a button."""
    pos = QPoint(min(8, button.width() // 2), button.height() // 2)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=pos)


def retype(qtbot: QtBot, field: QWidget, text: str) -> None:
    """Select everything in the field and type ``text`` over it, key by key, then rest until
    the window takes what was typed (:func:`pause`)."""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)
    pause(qtbot)


def type_into(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    qtbot.keyClicks(field, text)
    pause(qtbot)


def pause(qtbot: QtBot) -> None:
    """Stop typing until the window takes what was typed as complete and plans it (a value
    is planned after a pause in the typing, never between two keys).

    Waits with ``QTest.qWait``, which runs the events itself: an event loop (``qtbot.wait``)
    returns at once in a process where a window has quit the application before."""
    waited_ms = 0
    while any(typing_pending(w) for w in QApplication.topLevelWidgets()):
        assert waited_ms < 5 * TYPING_PAUSE_MS, "what was typed is never taken"
        QTest.qWait(20)
        waited_ms += 20


def choose(qtbot: QtBot, combo: QComboBox, data: object) -> None:
    """Pick the item whose data is ``data`` with the arrow keys, as a keyboard user does."""
    target = combo.findData(data)
    assert target >= 0, f"{data!r} is not in {combo.accessibleName()}"
    combo.setFocus()
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(combo.count()):
        if combo.currentIndex() == target:
            break
        qtbot.keyClick(combo, key)
    assert combo.currentIndex() == target


def schedule_rows(win: MainWindow) -> list[dict[str, str]]:
    """The schedule table as a user reads it: one dict per row, keyed by column header."""
    model = win.result_panel.schedule_table.model()
    headers = [
        str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())
    ]
    return [
        {h: str(model.index(r, c).data()) for c, h in enumerate(headers)}
        for r in range(model.rowCount())
    ]


def row_minute(row: dict[str, str]) -> int:
    return parse_time(row["Time"][:5])


def warning_texts(win: MainWindow) -> list[str]:
    return win.result_panel.warnings_list.texts()


def gap_min(a: int, b: int) -> int:
    """Minutes between two times of day, the short way round."""
    d = abs(a - b) % 1440
    return min(d, 1440 - d)


def focused() -> QWidget:
    """Where the keyboard is."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard"
    return widget


def click_cell(qtbot: QtBot, table: EditorTable, row: int, column: int) -> QWidget:
    """Click a cell of an editor's table as a user does; returns where the keyboard is then
    (the cell's editor, when it has one)."""
    index = table.model().index(row, column)
    table.scrollTo(index)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
    return focused()


def cell_text(table: EditorTable, row: int, column: int) -> str:
    """What the cell shows while it is not being edited."""
    return str(table.model().index(row, column).data() or "")


def cell_mark(table: EditorTable, row: int, column: int) -> str:
    """The message marked at the cell (framed red, in its tooltip and under the table)."""
    return str(table.model().index(row, column).data(ProblemRole))


def cell_takes_input(table: EditorTable, row: int, column: int) -> bool:
    model = table.model()
    return bool(model.flags(model.index(row, column)) & Qt.ItemFlag.ItemIsEditable)


def hide_completions(edit: QWidget) -> None:
    """Close the list of known names a name field offers while typing (as Escape would)."""
    assert isinstance(edit, QLineEdit)
    completer = edit.completer()
    popup = completer.popup() if completer is not None else None
    if popup is not None:
        popup.hide()
        # The list was a window of its own: as a desktop does, the window it was shown over
        # is active again (Qt's offscreen platform leaves the hidden list active, without
        # the keyboard, once the window system's events are run).
        QTest.qWait(0)
        edit.window().activateWindow()
        QTest.qWait(0)


def wheel(widget: QWidget, steps: int, at: QPoint | None = None) -> None:
    """Turn the mouse wheel ``steps`` notches over ``widget`` (at its centre, or ``at``)."""
    where = at if at is not None else widget.rect().center()
    event = QWheelEvent(
        QPointF(where),
        QPointF(widget.mapToGlobal(where)),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
