"""Start-up, print and peak memory: whole programs started as child processes, side by side with
an empty PySide6 window, interleaved so that the machine's drift hits all of them alike."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.children import (
    ChildRun,
    child_env,
    last_error,
    print_available,
    run_child,
    window_available,
)
from bench.table import Row, percentile, summary

# An empty main window, started, shown and closed after its first paint exactly as the
# program's own --smoke-test does: the floor that Qt sets on this machine.
EMPTY_WINDOW_SCRIPT = """\
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class _FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            if os.environ.get("MAGPLAN_START_TIMES") == "1":
                print(f"magplan-start first-paint {time.time():.6f}", file=sys.stderr, flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False

app = QApplication(sys.argv)
window = QMainWindow()
watch = _FirstPaint()
watch.seen = False
window.installEventFilter(watch)
window.resize(1320, 860)  # the main window's default size
window.show()
sys.exit(app.exec())
"""

# Python itself, started the same way: the floor of any command.
BARE_PYTHON_SCRIPT = "pass"

TYPICAL_ARGS = ["--goal", "sleep", "--goal", "anxiety", "--med", "calcium@08:00"]
TYPICAL_ARGS += ["--med", "sertraline@08:00"]

# The targets of issue 13 (pydantic at the boundaries), each against the empty window (or, for
# plan --json, against Python itself).
STARTUP_TARGET_RATIO = 1.3
READY_TARGET_RATIO = 2.0
PRINT_TARGET_RATIO = 1.6
MEMORY_TARGET_RATIO = 1.3
PLAN_JSON_TARGET_RATIO = 5.0

_MISSING = {
    "window": "no window in this build (magplan.gui)",
    "print": "no print command in this build (magplan.cli.print_cmd)",
}
_COMMANDS = {
    "window": "magplan --smoke-test",
    "print": "magplan print",
    "plan": "magplan plan",
    "report": "magplan report",
    "log": "magplan log",
}


@dataclass(frozen=True)
class ProcessRuns:
    """Every timed run of each program, by name: empty, window, plan, print."""

    results: dict[str, list[ChildRun]]
    runs: int

    def failed(self, name: str) -> bool:
        return any(r.returncode != 0 for r in self.results[name])

    def unavailable(self, name: str) -> str | None:
        """Why a program's rows cannot be measured, or None when they can."""
        if name not in self.results:
            return _MISSING[name]
        if self.failed(name):
            return f"{_COMMANDS[name]} failed: " + last_error(self.results[name])
        return None

    def seconds(self, name: str) -> dict[str, float]:
        return summary([r.seconds for r in self.results[name]])

    def cpu_seconds(self, name: str) -> dict[str, float]:
        return summary([r.cpu_seconds for r in self.results[name]])

    def rss_mib(self, name: str) -> dict[str, float]:
        return summary([r.max_rss_kib / 1024 for r in self.results[name]])

    def event_s(self, name: str, event: str) -> dict[str, float] | None:
        """When the program reported ``event``, or None when a run did not report it."""
        if name not in self.results:
            return None
        times = [r.events[event] for r in self.results[name] if event in r.events]
        return summary(times) if len(times) == len(self.results[name]) else None


def measure_processes(
    runs: int,
    *,
    startup: bool,
    printing: bool,
    memory: bool,
    cli: bool = False,
    log: Callable[[str], None],
) -> list[Row]:
    """Start-up, print, ``plan --json`` and peak memory: child processes, interleaved so drift
    hits all alike."""
    with tempfile.TemporaryDirectory(prefix="magplan-bench-") as tmp:
        pdf = str(Path(tmp) / "card.pdf")
        jobs = programs(pdf, startup=startup, printing=printing, memory=memory, cli=cli)
        timed = ProcessRuns(run_interleaved(jobs, child_env(tmp), runs, log), runs)
    rows: list[Row] = []
    if startup:
        rows += startup_rows(timed)
    if printing:
        rows.append(print_row(timed))
    if cli:
        rows.append(plan_json_row(timed))
    if "plan" in timed.results and not timed.failed("plan"):
        rows.append(plan_cli_row(timed))
    if memory:
        rows.append(memory_row(timed))
    return rows


def programs(
    pdf: str, *, startup: bool, printing: bool, memory: bool, cli: bool = False
) -> dict[str, list[str]]:
    """The command line of each program the chosen measures need, by name."""
    jobs: dict[str, list[str]] = {"empty": [sys.executable, "-c", EMPTY_WINDOW_SCRIPT]}
    if window_available() and (startup or memory):
        jobs["window"] = [sys.executable, "-m", "magplan", "--smoke-test"]
    if startup or printing:  # the core's own start: Python, the core and its knowledge
        jobs["plan"] = [sys.executable, "-m", "magplan", "plan", *TYPICAL_ARGS]
    if cli:
        jobs["bare"] = [sys.executable, "-c", BARE_PYTHON_SCRIPT]
        jobs["plan_json"] = [sys.executable, "-m", "magplan", "plan", "--json", *TYPICAL_ARGS]
    if print_available() and printing:
        jobs["print"] = [sys.executable, "-m", "magplan", "print", *TYPICAL_ARGS, "-o", pdf]
    return jobs


def run_interleaved(
    jobs: dict[str, list[str]], env: dict[str, str], runs: int, log: Callable[[str], None]
) -> dict[str, list[ChildRun]]:
    """One warm-up of each program (the disk cache is then warm for all), then ``runs`` rounds
    that start each program once in turn."""
    results: dict[str, list[ChildRun]] = {name: [] for name in jobs}
    for name, cmd in jobs.items():
        first = run_child(cmd, env)
        if first.returncode != 0:
            log(f"{name}: exit {first.returncode}: {first.stderr.strip()[-400:]}")
    for i in range(runs):
        for name, cmd in jobs.items():
            results[name].append(run_child(cmd, env))
        log(f"  processes: round {i + 1}/{runs}")
    return results


def startup_rows(timed: ProcessRuns) -> list[Row]:
    """The window's first paint against the empty window's, and (for reference) the loaded
    window's paint against the same."""
    empty_s = timed.seconds("empty")
    row = Row(
        "startup",
        "start to first painted window (median)",
        "ms",
        baseline_name="empty QMainWindow, start to first paint",
        target=f"ratio <= {STARTUP_TARGET_RATIO:g}",
        details={"empty_s": empty_s, "empty_cpu_s": timed.cpu_seconds("empty"), "runs": timed.runs},
    )
    if (why := timed.unavailable("window")) is not None:
        return [row.not_available(why)]
    empty_paint = timed.event_s("empty", "first-paint")
    paint = timed.event_s("window", "first-paint")
    ready = timed.event_s("window", "ready")
    if empty_paint is None or paint is None or ready is None:
        return [row.not_available("a program did not report its first paint (MAGPLAN_START_TIMES)")]
    win = timed.seconds("window")
    win_cpu = timed.cpu_seconds("window")
    row.details.update(
        window_first_paint_s=paint,
        window_ready_s=ready,
        empty_first_paint_s=empty_paint,
        window_s=win,
        window_cpu_s=win_cpu,
    )
    row.baseline = empty_paint["median"] * 1000
    row.value = paint["median"] * 1000
    row.ratio = paint["median"] / empty_paint["median"]
    row.passed = row.ratio <= STARTUP_TARGET_RATIO
    p90 = percentile([r.events["first-paint"] for r in timed.results["window"]], 90)
    row.note = (
        f"p90 {p90 * 1000:.0f} ms; the window's frame and menus, painted before the core is loaded"
    )
    cpu_ratio = win_cpu["median"] / row.details["empty_cpu_s"]["median"]
    return [row, ready_row(ready, empty_paint, win, empty_s, cpu_ratio)]


def _ratios(timed: ProcessRuns, name: str, baseline: str) -> str:
    """The ratio of the fastest runs and of CPU time (user + system), both steadier than the
    median wall time on a busy machine."""
    fastest = timed.seconds(name)["min"] / timed.seconds(baseline)["min"]
    cpu = timed.cpu_seconds(name)["median"] / timed.cpu_seconds(baseline)["median"]
    return f"fastest runs {fastest:.2f}x, CPU time {cpu:.2f}x"


def ready_row(
    ready: dict[str, float],
    empty_paint: dict[str, float],
    win: dict[str, float],
    empty_s: dict[str, float],
    cpu_ratio: float,
) -> Row:
    """Start to a usable window: the loaded window's paint (fields and first plan), against the
    empty window's first paint."""
    ratio = ready["median"] / empty_paint["median"]
    return Row(
        "ready",
        "start to usable window, fields and plan painted (median)",
        "ms",
        value=ready["median"] * 1000,
        baseline=empty_paint["median"] * 1000,
        baseline_name="empty QMainWindow, start to first paint",
        ratio=ratio,
        target=f"ratio <= {READY_TARGET_RATIO:g}",
        passed=ratio <= READY_TARGET_RATIO,
        note=(
            f"fastest runs {ready['min'] / empty_paint['min']:.2f}x; the whole --smoke-test "
            f"run {win['median'] * 1000:.0f} ms against the empty window's "
            f"{empty_s['median'] * 1000:.0f} ms, CPU time {cpu_ratio:.2f}x"
        ),
        details={"window_ready_s": ready, "window_s": win, "empty_s": empty_s},
    )


def print_row(timed: ProcessRuns) -> Row:
    """``magplan print -o card.pdf`` against the empty window's whole run."""
    empty_s = timed.seconds("empty")
    row = Row(
        "print",
        "magplan print -o card.pdf (median)",
        "ms",
        baseline=empty_s["median"] * 1000,
        baseline_name="empty QMainWindow start",
        target=f"ratio <= {PRINT_TARGET_RATIO:.1f}",
        details={"empty_s": empty_s, "runs": timed.runs, "args": TYPICAL_ARGS},
    )
    if (why := timed.unavailable("print")) is not None:
        return row.not_available(why)
    prt = timed.seconds("print")
    row.details["print_cpu_s"] = timed.cpu_seconds("print")
    row.details["empty_cpu_s"] = timed.cpu_seconds("empty")
    row.note = _ratios(timed, "print", "empty")
    row.value = prt["median"] * 1000
    row.ratio = prt["median"] / empty_s["median"]
    row.passed = row.ratio <= PRINT_TARGET_RATIO
    row.details["print_s"] = prt
    return row


def plan_json_row(timed: ProcessRuns) -> Row:
    """``magplan plan --json`` against Python itself (``python -c pass``), started alike."""
    row = Row(
        "plan_json",
        "magplan plan --json (median)",
        "ms",
        baseline_name="python -c pass",
        target=f"ratio <= {PLAN_JSON_TARGET_RATIO:g}",
        details={"runs": timed.runs, "args": TYPICAL_ARGS},
    )
    if timed.failed("plan_json"):
        return row.not_available(
            "magplan plan --json failed: " + last_error(timed.results["plan_json"])
        )
    bare, cli = timed.seconds("bare"), timed.seconds("plan_json")
    row.value, row.baseline = cli["median"] * 1000, bare["median"] * 1000
    row.ratio = cli["median"] / bare["median"]
    row.passed = row.ratio <= PLAN_JSON_TARGET_RATIO
    row.note = _ratios(timed, "plan_json", "bare")
    row.details.update(
        plan_json_s=cli,
        bare_s=bare,
        plan_json_cpu_s=timed.cpu_seconds("plan_json"),
        bare_cpu_s=timed.cpu_seconds("bare"),
    )
    return row


def plan_cli_row(timed: ProcessRuns) -> Row:
    """``magplan plan`` (no Qt) against the empty window's whole run, for reference."""
    empty_s = timed.seconds("empty")
    cli = timed.seconds("plan")
    cli_cpu = timed.cpu_seconds("plan")["median"] / timed.cpu_seconds("empty")["median"]
    return Row(
        "plan_cli",
        "magplan plan, no Qt (median; for reference)",
        "ms",
        value=cli["median"] * 1000,
        baseline=empty_s["median"] * 1000,
        baseline_name="empty QMainWindow start",
        ratio=cli["median"] / empty_s["median"],
        note=f"CPU time ratio {cli_cpu:.2f}x: Python, the core and its knowledge, and the "
        "table's words, without Qt",
        details={"plan_s": cli, "plan_cpu_s": timed.cpu_seconds("plan"), "runs": timed.runs},
    )


def memory_row(timed: ProcessRuns) -> Row:
    """Peak memory of ``--smoke-test`` (the loaded window) against the empty window."""
    empty_m = timed.rss_mib("empty")
    row = Row(
        "memory",
        "peak memory of the usable window (max RSS, median)",
        "MiB",
        baseline=empty_m["median"],
        baseline_name="empty QMainWindow",
        target=f"ratio <= {MEMORY_TARGET_RATIO:g}",
        details={"empty_mib": empty_m, "runs": timed.runs},
    )
    if (why := timed.unavailable("window")) is not None:
        return row.not_available(why)
    win_m = timed.rss_mib("window")
    row.value = win_m["median"]
    row.ratio = win_m["median"] / empty_m["median"]
    row.passed = row.ratio <= MEMORY_TARGET_RATIO
    row.note = f"the usable window (fields and first plan painted), {win_m['max']:.1f} MiB at most"
    row.details["window_mib"] = win_m
    return row
