"""Drives the main window for the benchmark: a click on the Food tab, then the time until the
Food page is shown and painted, for a saved profile with a diet of eight answers.

Run as a script by :mod:`bench.food_page` (``python bench/food_window.py PROFILE``) in a data
folder the benchmark filled, one process per measure, so that the first opening is measured as
a person meets it: the page's modules imported and the food data read on the click. It prints
one line of JSON: ``first_ms`` (the first opening, until painting has stopped) and
``again_ms`` (the page shown again after the Plan page).
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import time
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTabBar, QWidget

TIMEOUT_S = 10.0
QUIET_S = 0.05  # no paint for this long: the page is done


class _Painted(QObject):
    """When the page (or a widget in it) was last painted."""

    def __init__(self) -> None:
        super().__init__()
        self.watching: QWidget | None = None
        self.at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and self.watching is not None
            and isinstance(watched, QWidget)
            and (watched is self.watching or self.watching.isAncestorOf(watched))
        ):
            self.at = time.perf_counter()
        return False


def _click_tab(app: QApplication, window: Any, painted: _Painted, text: str) -> float:
    """Click the tab named ``text``; milliseconds until its page was painted and quiet."""
    bar, index = next(
        (bar, i)
        for bar in window.findChildren(QTabBar)
        for i in range(bar.count())
        if bar.tabText(i) == text
    )
    painted.at = None
    start = time.perf_counter()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    page = window.pages.page(index)
    if page is None or not page.isVisible():
        raise RuntimeError(f"the click did not open the {text} page")
    painted.watching = page
    page.update()
    while True:
        if time.perf_counter() - start > TIMEOUT_S:
            raise TimeoutError(f"the {text} page was not painted within {TIMEOUT_S:g} s")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        if painted.at is not None and time.perf_counter() - painted.at > QUIET_S:
            return (painted.at - start) * 1000


def measure(profile: str) -> dict[str, Any]:
    app = QApplication.instance() or QApplication(["magplan"])
    assert isinstance(app, QApplication)
    window = importlib.import_module("magplan.gui.main_window").MainWindow()
    window.remember_state = False
    controller = importlib.import_module("magplan.gui.app").install_extensions(window)[0]
    if not controller.open_profile(profile):
        raise RuntimeError(f"the profile {profile!r} did not open")
    window.resize(1280, 720)
    window.show()
    QTest.qWaitForWindowExposed(window)
    painted = _Painted()
    app.installEventFilter(painted)
    first = _click_tab(app, window, painted, "Food")
    window.pages.show_plan()
    again = _click_tab(app, window, painted, "Food")
    return {"first_ms": first, "again_ms": again}


def main(argv: list[str] | None = None) -> int:
    """``python bench/food_window.py PROFILE``: the timings as JSON on stdout."""
    args = sys.argv[1:] if argv is None else argv
    print(json.dumps(measure(args[0])))
    sys.stdout.flush()
    os._exit(0)  # the measure is done; tearing Qt down is not what it measures


if __name__ == "__main__":
    raise SystemExit(main())
