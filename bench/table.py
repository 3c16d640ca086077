"""The benchmark's rows: statistics over timings, the printed table, the JSON and the machine."""

from __future__ import annotations

import datetime as dt
import math
import os
import platform
import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1


@dataclass
class Row:
    """One line of the table."""

    id: str
    measure: str
    unit: str
    value: float | None = None
    baseline: float | None = None
    baseline_name: str = ""
    ratio: float | None = None
    target: str = ""
    passed: bool | None = None
    available: bool = True
    note: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    def not_available(self, why: str) -> Row:
        """This row could not be measured, and why."""
        self.available = False
        self.note = why
        return self


# ---- statistics -----------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (``q`` in 0..100) of a non-empty sequence."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def summary(values: Sequence[float]) -> dict[str, float]:
    return {
        "n": len(values),
        "median": statistics.median(values),
        "p99": percentile(values, 99),
        "min": min(values),
        "max": max(values),
        "mean": statistics.fmean(values),
    }


# ---- the machine ----------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        from PySide6 import __version__ as pyside_version
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        pyside_version = "missing"
    from magplan import __version__ as magplan_version

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "pyside6": pyside_version,
        "magplan": magplan_version,
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }


# ---- the table and the JSON ------------------------------------------------------------------


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    text = f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    return f"{text} {unit}".strip()


def _result(r: Row) -> str:
    if not r.available:
        return "not available"
    if r.passed is None:
        return "-"
    return "pass" if r.passed else "FAIL"


def table(rows: list[Row]) -> str:
    header = ("MEASURE", "VALUE", "BASELINE", "RATIO", "TARGET", "RESULT")
    lines = [
        (
            r.measure,
            _fmt(r.value, r.unit) if r.available else "-",
            _fmt(r.baseline, r.unit),
            f"{r.ratio:.2f}x" if r.ratio is not None else "-",
            r.target,
            _result(r),
        )
        for r in rows
    ]
    widths = [max(len(x[i]) for x in [header, *lines]) for i in range(len(header))]
    out = [
        "  ".join(c.ljust(w) for c, w in zip(x, widths, strict=True)).rstrip()
        for x in [header, *lines]
    ]
    out.insert(1, "  ".join("-" * w for w in widths))
    notes = [f"  {r.measure}: {r.note}" for r in rows if r.note]
    if notes:
        out += ["", "Notes:", *notes]
    return "\n".join(out)


def report(rows: list[Row], info: dict[str, Any], options: dict[str, Any]) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "machine": info,
        "options": options,
        "results": [asdict(r) for r in rows],
    }
