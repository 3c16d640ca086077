"""Drives the main window for the benchmark: one keystroke in a field, then the time until the
window has shown the new plan in its schedule table.

Run as a script by :mod:`bench.edit` (``python bench/edit_window.py N``), one process per batch
of edits, so that the benchmark itself imports Qt only in these children. Only the window's
contract is used (``set_inputs``, ``planChanged``, ``current_plan``) and the fields are found by
their accessible names, as a screen reader would.
"""

from __future__ import annotations

import functools
import importlib
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from magplan.core.request import PlanRequest

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


WARM_UP_EDITS = 4  # the first edits of each field warm the caches and are not counted


class EditSession:
    """The main window at its default size, shown, with a clock on its ``planChanged``."""

    def __init__(self) -> None:
        # Looked up by name: the window is another part of the program, driven by its contract.
        window_class: Any = importlib.import_module("magplan.gui.main_window").MainWindow
        self.app = QApplication.instance() or QApplication([])
        self.typical = typical_request()
        self.window = window_class()  # at its default size
        self.window.remember_state = False
        self.window.show()
        QTest.qWaitForWindowExposed(self.window)
        self.clock = _Clock()
        self.window.planChanged.connect(self.clock.mark)

    def settle(self) -> None:
        """Let the window handle what is pending, for 50 ms."""
        end = time.perf_counter() + 0.05
        while time.perf_counter() < end:
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)

    def timed(self, edit: Callable[[], None]) -> tuple[float, bool]:
        """Milliseconds from ``edit`` to ``planChanged``, and whether any table cell changed."""
        before = _snapshot(self.window)
        self.clock.at = None
        start = time.perf_counter()
        edit()
        while self.clock.at is None:
            if time.perf_counter() - start > TIMEOUT_S:
                raise TimeoutError(f"the window showed no new plan within {TIMEOUT_S:g} s")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        ms = (self.clock.at - start) * 1000
        return ms, _snapshot(self.window) != before

    def repeat(self, edits: list[Callable[[], None]]) -> tuple[list[float], int]:
        """Each edit timed in turn: the times after the warm-up, and how many of those left
        every table as it was."""
        times: list[float] = []
        unchanged = 0
        for i, edit in enumerate(edits):
            ms, changed = self.timed(edit)
            if i >= WARM_UP_EDITS:
                times.append(ms)
                unchanged += not changed
        return times, unchanged

    def age_edits(self, count: int) -> tuple[list[float], int]:
        """One arrow key in the Age spin box, 8 <-> 9 years (the upper limit 110 <-> 350 mg)."""
        self.window.set_inputs(replace(self.typical, age_years=8))
        self.settle()
        age = _find(self.window, QAbstractSpinBox, "Age")
        age.setFocus()
        keys = [Qt.Key.Key_Up if i % 2 == 0 else Qt.Key.Key_Down for i in range(count)]
        return self.repeat([functools.partial(QTest.keyClick, age, key) for key in keys])

    def bed_edits(self, count: int) -> tuple[list[float], int]:
        """Select the last digit of the Bed time, type over it and press Enter (a typed value is
        planned once complete), 22:30 <-> 22:35."""
        self.window.set_inputs(self.typical)
        self.settle()
        bed = _find(self.window, QLineEdit, "Bed time")
        bed.setFocus()

        def type_digit(digit: str) -> None:
            bed.end(False)
            bed.cursorBackward(True, 1)
            QTest.keyClicks(bed, digit)
            QTest.keyClick(bed, Qt.Key.Key_Return)

        digits = ["5" if i % 2 == 0 else "0" for i in range(count)]
        return self.repeat([functools.partial(type_digit, digit) for digit in digits])

    def close(self) -> None:
        self.window.close()
        self.window.deleteLater()
        self.settle()


def typical_request() -> PlanRequest:
    """The benchmark's typical person: sleep and anxiety, calcium and sertraline at 08:00."""
    from magplan.core.knowledge import load_knowledge
    from magplan.core.request import MedicineTimes, PlanRequest, parse_medicine_class

    k = load_knowledge()
    meds = tuple(
        MedicineTimes(name=n, class_id=parse_medicine_class(k, n), times_min=(8 * 60,))
        for n in ("calcium", "sertraline")
    )
    return PlanRequest(goals=("sleep", "anxiety"), medicines=meds)


def edit_latencies(runs: int, log: Callable[[str], None]) -> dict[str, Any]:
    """Milliseconds from a keystroke to ``planChanged`` (the table showing the new plan)."""
    session = EditSession()
    none_refs = sys.getrefcount(None)
    half = max(1, runs // 2)
    age_ms, age_unchanged = session.age_edits(half + WARM_UP_EDITS)
    log(f"  edit age: {len(age_ms)} edits")
    bed_ms, bed_unchanged = session.bed_edits(runs - half + WARM_UP_EDITS)
    log(f"  edit bed time: {len(bed_ms)} edits")
    edits = len(age_ms) + len(bed_ms) + 2 * WARM_UP_EDITS
    lost = none_refs - sys.getrefcount(None)
    session.close()
    return {
        "all_ms": age_ms + bed_ms,
        "fields": {"age": age_ms, "bed": bed_ms},
        "edits_without_table_change": age_unchanged + bed_unchanged,
        # A binding that releases None once too often on each call crashes the program once
        # None's count reaches zero (Python 3.11 has no immortal None): count it per edit.
        "none_refs_lost_per_edit": round(lost / edits, 1),
        "none_refs_left": sys.getrefcount(None),
    }


def main(argv: list[str] | None = None) -> int:
    """``python bench/edit_window.py N``: N edits, the result as JSON on stdout."""
    args = sys.argv[1:] if argv is None else argv
    runs = int(args[0]) if args else 100
    result = edit_latencies(runs, lambda text: print(text, file=sys.stderr, flush=True))
    print(json.dumps(result))
    sys.stdout.flush()
    # Leave without tearing Qt down: the measure is done, and teardown is not what it measures.
    os._exit(0)


if __name__ == "__main__":
    raise SystemExit(main())
