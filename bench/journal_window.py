"""Drives the main window for the benchmark: a click on the Journal tab, then the time until the
Journal page is shown and painted, on a profile whose journal holds a year of a four-dose plan.

Run as a script by :mod:`bench.journal_page` (``python bench/journal_window.py PROFILE``) in a data
folder the benchmark filled, one process per measure, so that the first opening is measured as
a person meets it: the page's modules, the journal's and Qt Charts imported on the click. The
window opens the profile as File ▸ Open does, before the click; the page is found through the
window's contract (``pages``) and the tab by its text, as a user finds it.

It prints one line of JSON: ``first_ms`` (the first opening: imports, the journal opened, the
plan kept current, the page built and painted, then the weeks judged and the charts drawn and
painted), ``first_page_ms`` (the same to the page's first frame, before its charts),
``again_ms`` (the page opened
again after the profile was opened again: the same work without the imports) and
``again_load_ms`` (the journal's part of that: opened, the plan kept, the weeks judged, the
page filled).
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


class _Painted(QObject):
    """When the page's parts were painted after a click: the last paint before the page said
    it had settled (its first frame: the day, the suggestions, the calendar) and the last of
    all (the charts, drawn once the page is on the screen)."""

    def __init__(self) -> None:
        super().__init__()
        self.watching: QWidget | None = None
        self.at: float | None = None  # the last paint
        self.first_frame_at: float | None = None
        self.settled_at: float | None = None

    def reset(self) -> None:
        self.watching = None
        self.at = self.first_frame_at = self.settled_at = None

    def settled(self) -> None:
        self.settled_at = time.perf_counter()
        self.first_frame_at = self.at

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and self.watching is not None
            and isinstance(watched, QWidget)
            and (watched is self.watching or self.watching.isAncestorOf(watched))
        ):
            self.at = time.perf_counter()
        return False


def _tab(window: Any, text: str) -> tuple[QTabBar, int]:
    for bar in window.findChildren(QTabBar):
        for i in range(bar.count()):
            if bar.tabText(i) == text:
                return bar, i
    raise LookupError(f"no tab '{text}' in the window")


def _wait_painted(app: QApplication, painted: _Painted, start: float) -> dict[str, float]:
    """Milliseconds from ``start`` to the page's first frame and to its last paint, once the
    page has settled and painting has stopped."""
    while True:
        if time.perf_counter() - start > TIMEOUT_S:
            raise TimeoutError(f"the Journal page was not painted within {TIMEOUT_S:g} s")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        quiet = painted.at is not None and time.perf_counter() - painted.at > 0.05
        if quiet and painted.settled_at is not None and painted.at is not None:
            first = painted.first_frame_at or painted.at
            return {"page_ms": (first - start) * 1000, "complete_ms": (painted.at - start) * 1000}


def click_journal(app: QApplication, window: Any, painted: _Painted) -> dict[str, float]:
    """Click the Journal tab; milliseconds until the page was shown and painted (its first
    frame, and complete with its charts)."""
    bar, index = _tab(window, "Journal")
    painted.reset()
    start = time.perf_counter()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    page = window.pages.page(index)
    if page is None or not page.isVisible():
        raise RuntimeError("the click did not open the Journal page")
    painted.watching = page
    if page.settled:  # nothing was left for after the paint (the same profile again)
        painted.settled()
    else:
        page.settledChanged.connect(painted.settled)
    page.update()  # painted at least once after the click, even if nothing moved
    return _wait_painted(app, painted, start)


def measure(profile: str) -> dict[str, Any]:
    app = QApplication.instance() or QApplication(["magplan"])
    assert isinstance(app, QApplication)
    window = importlib.import_module("magplan.gui.main_window").MainWindow()
    window.remember_state = False
    extensions = importlib.import_module("magplan.gui.app").install_extensions(window)
    controller = extensions[0]
    if not controller.open_profile(profile):
        raise RuntimeError(f"the profile {profile!r} did not open")
    window.resize(1280, 720)
    window.show()
    QTest.qWaitForWindowExposed(window)
    painted = _Painted()
    app.installEventFilter(painted)
    first = click_journal(app, window, painted)
    page = window.pages.page(1)
    page.settledChanged.disconnect(painted.settled)
    loads: list[float] = []
    real_load = type(page).load

    def timed_load(self: Any) -> None:
        started = time.perf_counter()
        real_load(self)
        loads.append((time.perf_counter() - started) * 1000)

    type(page).load = timed_load
    window.pages.show_plan()
    controller.open_profile(profile)  # read again: the page follows it when next opened
    again = click_journal(app, window, painted)
    return {
        "first_ms": first["complete_ms"],
        "first_page_ms": first["page_ms"],
        "again_ms": again["complete_ms"],
        "again_load_ms": loads[0] if loads else None,
    }


def main(argv: list[str] | None = None) -> int:
    """``python bench/journal_window.py PROFILE``: the timings as JSON on stdout."""
    args = sys.argv[1:] if argv is None else argv
    result = measure(args[0])
    print(json.dumps(result))
    sys.stdout.flush()
    os._exit(0)  # the measure is done; tearing Qt down is not what it measures


if __name__ == "__main__":
    raise SystemExit(main())
