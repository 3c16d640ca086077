"""The window's main area as pages: the Plan and the Journal, switched by tabs, View and
Alt+number; the Journal page is built (and its module imported) only when first opened."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from magplan.gui.journal_page import JournalPage
from magplan.gui.main_window import MainWindow
from magplan.gui.pages import JOURNAL, PLAN
from tests.gui.helpers import focused
from tests.gui.test_window_layout import FOUR_DOSES, LAPTOP, _request, show_at

LIST_MODULES = """
import atexit, runpy, sys
atexit.register(lambda: print("modules:", *sorted(sys.modules), file=sys.stderr))
sys.argv[0] = "magplan"
runpy.run_module("magplan", run_name="__main__", alter_sys=True)
"""
OPENED_LATER = (
    "magplan.gui.journal_page",
    "magplan.journal",
    "magplan.journal.store",
    "sqlite3",
    "PySide6.QtCharts",
)


def _active(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_the_window_starts_without_the_journal(tmp_path: Path) -> None:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        MAGPLAN_DATA_DIR=str(tmp_path / "data"),
    )
    done = subprocess.run(
        [sys.executable, "-c", LIST_MODULES, "--smoke-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    (listed,) = [line for line in done.stderr.splitlines() if line.startswith("modules: ")]
    modules = set(listed.split()[1:])
    assert "magplan.gui.pages" in modules  # the tabs are there from the start
    assert [m for m in OPENED_LATER if m in modules] == []


def test_view_opens_the_journal_page_built_the_first_time(qtbot: QtBot, window: MainWindow) -> None:
    pages = window.pages
    assert [pages.tabs.tabText(i) for i in range(pages.tabs.count())] == ["Plan", "Journal", "Food"]
    assert pages.page(JOURNAL) is None  # not built before it is opened
    view_texts = [a.text() for a in window.view_menu.actions()[:3]]
    assert view_texts == ["&Plan", "&Journal", "&Food"]

    pages.view_actions[JOURNAL].trigger()
    page = pages.page(JOURNAL)
    assert isinstance(page, JournalPage) and page.isVisible()
    assert pages.tabs.currentIndex() == JOURNAL
    assert pages.view_actions[JOURNAL].isChecked()
    assert not window.result_panel.isVisible()

    pages.view_actions[PLAN].trigger()
    assert window.result_panel.isVisible() and not page.isVisible()
    assert pages.page(JOURNAL) is page  # built once


def test_the_tabs_switch_pages_with_a_click(qtbot: QtBot, window: MainWindow) -> None:
    tabs = window.pages.tabs
    assert tabs.isVisible()
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(JOURNAL).center())
    assert window.pages.current_index() == JOURNAL
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(PLAN).center())
    assert window.pages.current_index() == PLAN
    assert window.result_panel.isVisible()


def test_the_tabs_take_no_height_from_the_plan(window: MainWindow) -> None:
    bar = window.menuBar()
    assert window.pages.tabs.parent() is bar
    assert window.pages.tabs.height() <= bar.height()


def test_alt_and_a_number_switch_pages_and_a_section_shows_the_plan(
    qtbot: QtBot, window: MainWindow
) -> None:
    _active(qtbot, window)
    qtbot.keyClick(focused(), Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.pages.current_index() == JOURNAL
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert window.pages.current_index() == PLAN
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.pages.current_index() == JOURNAL
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # Medicines
    assert window.pages.current_index() == PLAN
    assert window.sections.titles()[window.sections.current()] == "Medicines"
    assert window.sections.section(window.sections.current()).isAncestorOf(focused())


def test_the_journal_fits_a_laptop_s_window_and_the_plan_keeps_its_size(
    qtbot: QtBot, window: MainWindow
) -> None:
    show_at(window, LAPTOP, _request(FOUR_DOSES))
    least = window.minimumSizeHint()
    window.pages.open_page(JOURNAL)
    QApplication.processEvents()
    assert (window.width(), window.height()) == LAPTOP  # the window did not grow for it
    window.pages.show_plan()
    QApplication.processEvents()
    assert (window.width(), window.height()) == LAPTOP
    assert window.minimumSizeHint() == least  # the hidden journal takes no room
