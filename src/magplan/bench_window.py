"""Drives the main window for the benchmark: one keystroke in a field, then the time until the
window has shown the new plan in its schedule table.

Kept apart from :mod:`magplan.bench` so that the benchmark imports Qt only when it measures the
window. Only the window's contract is used (``set_inputs``, ``planChanged``,
``current_plan``) and the fields are found by their accessible names, as a screen reader would.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEventLoop, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QAbstractSpinBox, QApplication, QLineEdit, QWidget

TIMEOUT_S = 3.0


def _find(window: QWidget, cls: type[QWidget], name: str) -> Any:
    for w in window.findChildren(cls):
        if w.accessibleName() == name:
            return w
    raise LookupError(f"no {cls.__name__} named '{name}' in the window")


def _snapshot(window: QWidget) -> tuple[tuple[str, ...], ...]:
    """Every cell of every table in the window, as shown."""
    cells: list[tuple[str, ...]] = []
    for view in window.findChildren(QAbstractItemView):
        model: QAbstractItemModel | None = view.model()
        if model is None:
            continue
        for r in range(model.rowCount()):
            cells.append(tuple(str(model.index(r, c).data()) for c in range(model.columnCount())))
    return tuple(cells)


class _Clock:
    def __init__(self) -> None:
        self.at: float | None = None

    def mark(self, *_: object) -> None:
        self.at = time.perf_counter()


def edit_latencies(runs: int, log: Callable[[str], None]) -> dict[str, Any]:
    """Milliseconds from a keystroke to ``planChanged`` (the table showing the new plan)."""
    from magplan.core.knowledge import load_knowledge
    from magplan.core.request import MedicineTimes, PlanRequest, parse_medicine_class

    # Looked up by name: the window is another part of the program, driven by its contract.
    window_class: Any = importlib.import_module("magplan.gui.main_window").MainWindow

    app = QApplication.instance() or QApplication([])
    k = load_knowledge()
    meds = tuple(
        MedicineTimes(name=n, class_id=parse_medicine_class(k, n), times_min=(8 * 60,))
        for n in ("calcium", "sertraline")
    )
    typical = PlanRequest(goals=("sleep", "anxiety"), medicines=meds)
    window = window_class()
    window.resize(1100, 760)
    window.show()
    QTest.qWaitForWindowExposed(window)
    clock = _Clock()
    window.planChanged.connect(clock.mark)

    def settle() -> None:
        end = time.perf_counter() + 0.05
        while time.perf_counter() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)

    def timed(edit: Callable[[], None]) -> tuple[float, bool]:
        before = _snapshot(window)
        clock.at = None
        start = time.perf_counter()
        edit()
        while clock.at is None:
            if time.perf_counter() - start > TIMEOUT_S:
                raise TimeoutError(f"the window showed no new plan within {TIMEOUT_S:g} s")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        ms = (clock.at - start) * 1000
        return ms, _snapshot(window) != before

    results: dict[str, list[float]] = {"age": [], "bed": []}
    unchanged = 0

    # Age: one arrow key in the spin box, 8 <-> 9 years (the upper limit 110 <-> 350 mg).
    window.set_inputs(typical.model_copy(update={"age_years": 8}))
    settle()
    age = _find(window, QAbstractSpinBox, "Age")
    age.setFocus()
    half = max(1, runs // 2)
    for i in range(half + 4):
        key = Qt.Key.Key_Up if i % 2 == 0 else Qt.Key.Key_Down

        def press(key: Qt.Key = key) -> None:
            QTest.keyClick(age, key)

        ms, changed = timed(press)
        if i >= 4:  # the first edits warm the caches
            results["age"].append(ms)
            unchanged += not changed
    log(f"  edit age: {len(results['age'])} edits")

    # Bed time: select the last digit and type over it, 22:30 <-> 22:35.
    window.set_inputs(typical)
    settle()
    bed = _find(window, QLineEdit, "Bed time")
    bed.setFocus()
    for i in range(runs - half + 4):
        digit = "5" if i % 2 == 0 else "0"

        def type_digit(digit: str = digit) -> None:
            bed.end(False)
            bed.cursorBackward(True, 1)
            QTest.keyClicks(bed, digit)

        ms, changed = timed(type_digit)
        if i >= 4:
            results["bed"].append(ms)
            unchanged += not changed
    log(f"  edit bed time: {len(results['bed'])} edits")
    window.close()
    window.deleteLater()
    settle()
    return {
        "all_ms": results["age"] + results["bed"],
        "fields": {"age": results["age"], "bed": results["bed"]},
        "edits_without_table_change": unchanged,
    }
