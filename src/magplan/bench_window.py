"""Drives the main window for the benchmark: one keystroke in a field, then the time until the
window has shown the new plan in its schedule table.

Kept apart from :mod:`magplan.bench` so that the benchmark imports Qt only when it measures the
window. Only the window's contract is used (``set_inputs``, ``planChanged``,
``current_plan``) and the fields are found by their accessible names, as a screen reader would.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QCoreApplication,
    QEventLoop,
    QModelIndex,
    Qt,
)
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
        root = QModelIndex()
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)
        for r in range(model.rowCount(root)):
            cells.append(tuple(str(model.index(r, c, root).data()) for c in range(columns)))
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
    window = window_class()  # at its default size
    window.remember_state = False
    window.show()
    QTest.qWaitForWindowExposed(window)
    clock = _Clock()
    window.planChanged.connect(clock.mark)
    none_refs = sys.getrefcount(None)

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
    edits = len(results["age"]) + len(results["bed"]) + 8
    lost = none_refs - sys.getrefcount(None)
    window.close()
    window.deleteLater()
    settle()
    return {
        "all_ms": results["age"] + results["bed"],
        "fields": {"age": results["age"], "bed": results["bed"]},
        "edits_without_table_change": unchanged,
        # A binding that releases None once too often on each call crashes the program once
        # None's count reaches zero (Python 3.11 has no immortal None): count it per edit.
        "none_refs_lost_per_edit": round(lost / edits, 1),
        "none_refs_left": sys.getrefcount(None),
    }


def main(argv: list[str] | None = None) -> int:
    """``python -m magplan.bench_window N``: N edits, the result as JSON on stdout."""
    args = sys.argv[1:] if argv is None else argv
    runs = int(args[0]) if args else 100
    result = edit_latencies(runs, lambda text: print(text, file=sys.stderr, flush=True))
    print(json.dumps(result))
    sys.stdout.flush()
    # Leave without tearing Qt down: the measure is done, and teardown is not what it measures.
    os._exit(0)


if __name__ == "__main__":
    raise SystemExit(main())
