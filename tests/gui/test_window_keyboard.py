"""The window from the keyboard alone: menus by Alt and F10, one field per mnemonic, a field
reached by its mnemonic in sight, focus on the first goal, shortcuts that clash with nothing,
and Remove after a product row's cells."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMenu,
    QStyle,
    QStyleOptionButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from magplan.core.knowledge import load_knowledge
from magplan.core.request import PlanRequest, make_product
from magplan.gui.app import install_extensions
from magplan.gui.main_window import MainWindow
from tests.gui.helpers import focused


def _mnemonic(text: str) -> str | None:
    """The letter after a single ``&`` (``&&`` is a literal ampersand), lower case."""
    match = re.search(r"&([^&\s])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def _active(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _window_mnemonics(window: MainWindow) -> list[tuple[str, str]]:
    """(letter, text) of every Alt+letter the window answers: the menu bar's, and those of its
    visible buttons, group boxes and labels that lead to a field."""
    found = [(m, a.text()) for a in window.menuBar().actions() if (m := _mnemonic(a.text()))]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QAbstractButton):
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            text = widget.text()
        else:
            continue
        if letter := _mnemonic(text):
            found.append((letter, text))
    return found


def test_every_mnemonic_in_the_window_and_in_each_menu_is_unique(
    qtbot: QtBot, window: MainWindow
) -> None:
    install_extensions(window)
    window.set_inputs(PlanRequest(products=(make_product(load_knowledge(), "citrate", 100),)))
    found = _window_mnemonics(window)
    texts = [text for _, text in found]
    assert {"&File", "&View", "&Help", "&Name:", "&Age:", "&Use form:"} <= set(texts)
    twice = [letter for letter, n in Counter(m for m, _ in found).items() if n > 1]
    assert twice == [], [t for m, t in found if m in twice]
    for menu in window.findChildren(QMenu):
        letters = [m for a in menu.actions() if a.isVisible() and (m := _mnemonic(a.text()))]
        assert len(letters) == len(set(letters)), f"{menu.title()}: {letters}"


def test_alt_f_opens_the_file_menu_and_f10_the_menu_bar(qtbot: QtBot, window: MainWindow) -> None:
    _active(qtbot, window)
    for key, modifier in (
        (Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_F10, Qt.KeyboardModifier.NoModifier),
    ):
        start = focused()
        qtbot.keyClick(start, key, modifier)
        popup = QApplication.activePopupWidget()
        assert popup is window.file_menu, QKeySequence(modifier.value | key.value).toString()
        qtbot.keyClick(popup, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
        window.menuBar().setActiveAction(None)  # type: ignore[arg-type]


def _in_view(window: MainWindow, widget: QWidget) -> bool:
    viewport = window.inputs_scroll.viewport()
    assert viewport is not None
    where = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
    return viewport.rect().contains(where)


def test_a_field_reached_by_its_mnemonic_is_scrolled_into_view(
    qtbot: QtBot, window: MainWindow
) -> None:
    _active(qtbot, window)
    window.resize(1280, 650)
    scrollbar = window.inputs_scroll.verticalScrollBar()
    assert scrollbar is not None
    scrollbar.setValue(0)
    other = window.products_editor.other_spin
    assert not _in_view(window, other)  # at the foot of the inputs
    qtbot.keyClick(focused(), Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert focused() is other
    assert _in_view(window, other)
    assert window.sections.current() == window.sections.section_of(other)

    qtbot.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # back up: Name
    assert focused() is window.person_panel.name_edit
    assert _in_view(window, window.person_panel.name_edit)


def test_focus_starts_on_the_first_goal(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    _active(qtbot, window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    first = next(iter(load_knowledge().goals))
    assert focused() is window.goals_panel.box(first)


def _draws_focus_frame(widget: QWidget) -> bool:
    """The style draws ``widget``'s focus frame: it has the keyboard, and its window is one
    whose focus the keyboard has moved (else styles draw no frame)."""
    option = QStyleOptionButton()
    option.initFrom(widget)
    needed = QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
    return (option.state & needed) == needed


@pytest.mark.parametrize("deferred", [False, True], ids=["built at once", "loaded after"])
def test_the_first_goal_shows_its_focus_frame_before_the_first_tab(
    qtbot: QtBot, deferred: bool
) -> None:
    window = MainWindow(deferred=deferred)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    _active(qtbot, window)
    if deferred:  # the program loads the fields after the frame's first paint
        window.finish_loading()
    goal = window.goals_panel.box(next(iter(load_knowledge().goals)))
    qtbot.waitUntil(lambda: _draws_focus_frame(goal))
    assert focused() is goal
    framed = goal.grab().toImage()
    window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, False)  # as before
    assert goal.grab().toImage() != framed  # the frame is drawn, and seen


def _shortcuts(window: MainWindow) -> list[tuple[str, str]]:
    actions = set(window.findChildren(QAction))
    for menu in window.findChildren(QMenu):
        actions.update(menu.actions())
    return [
        (key.toString(), action.text())
        for action in actions
        for key in action.shortcuts()
        if not key.isEmpty()
    ]


def test_print_preview_and_export_pdf_have_shortcuts_and_no_shortcut_is_used_twice(
    window: MainWindow,
) -> None:
    install_extensions(window)
    shortcuts = _shortcuts(window)
    by_text = {text.replace("&", ""): key for key, text in shortcuts}
    assert by_text["Print Preview…"] == "Ctrl+Shift+P"
    assert by_text["Export PDF…"] == "Ctrl+Shift+E"
    assert by_text["1 Goals"] == "Ctrl+1" and by_text["4 Products"] == "Ctrl+4"
    assert by_text["Menu Bar"] == "F10"
    twice = [key for key, n in Counter(key for key, _ in shortcuts).items() if n > 1]
    assert twice == []


def test_ctrl_and_a_number_goes_to_that_section_of_the_inputs(
    qtbot: QtBot, window: MainWindow
) -> None:
    _active(qtbot, window)
    window.resize(1280, 650)
    sections = window.sections
    for number, title in ((4, "Products"), (3, "Medicines"), (1, "Goals")):
        qtbot.keyClick(
            focused(), Qt.Key(Qt.Key.Key_0.value + number), Qt.KeyboardModifier.ControlModifier
        )
        assert sections.titles()[sections.current()] == title
        section = sections.section(sections.current())
        assert section.isAncestorOf(focused())  # its first field has the keyboard
        assert _in_view(window, focused())
    assert focused() is window.goals_panel.box(next(iter(load_knowledge().goals)))


def test_remove_comes_after_every_cell_of_a_product_row(qtbot: QtBot, window: MainWindow) -> None:
    window.set_inputs(PlanRequest(products=(make_product(load_knowledge(), "citrate", 100),)))
    editor = window.products_editor
    table = editor.table
    table.go_to(table.model().index(0, 0))
    order: list[QWidget] = []
    for _ in range(20):
        order.append(focused())
        if focused() is editor.remove_button:
            break
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    in_row = [w for w in order if w is table or table.isAncestorOf(w)]
    assert order[: len(in_row)] == in_row  # the row's cells first (the ½ tick on the table)
    names = [w.accessibleName() for w in in_row]
    assert names[0] == "Product 1 form" and names[-1] == "Product 1 name"
    assert order[len(in_row) :] == [editor.add_button, editor.remove_button]
    assert editor.remove_button.accessibleName() == "Remove product 1"
