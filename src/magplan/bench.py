"""How fast Magnesium Planner feels, measured against the floor that Qt itself sets.

Run it by hand (``python -m magplan.bench``; ``--quick`` for a short run). It measures, side by
side in one run:

1. cold start to the first painted main window (``magplan --smoke-test``) against an empty
   PySide6 ``QMainWindow`` started and shown the same way;
2. one plan computed by the core (``plan_day``): median and 99th percentile, for a typical
   person and for a hard case;
3. in the window: an edit in a field until the schedule table shows the new plan;
4. ``magplan print -o`` wall time against the empty window's start;
5. peak memory of the running window against the empty window.

It prints a table and writes JSON (with a description of the machine). A measure that needs a
part of the program this build does not have is reported as "not available".
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1
DEFAULT_JSON = Path("bench") / "results" / "latest.json"
MEASURES = ("startup", "plan", "edit", "print", "memory")

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


# ---- child processes ------------------------------------------------------------------------


@dataclass
class ChildRun:
    seconds: float
    cpu_seconds: float  # user + system: steadier than wall time on a busy machine
    max_rss_kib: int
    returncode: int
    stderr: str
    # "magplan-start <event> <epoch seconds>" lines on stderr (MAGPLAN_START_TIMES=1), as
    # seconds after the child was started: first-paint, ready
    events: dict[str, float] = field(default_factory=dict)


def _child_env(data_dir: str) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["MAGPLAN_DATA_DIR"] = data_dir  # a fresh profile store: no user's files are touched
    # An installed program has its byte code compiled; the warm-up run writes it here too.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    env["MAGPLAN_START_TIMES"] = "1"  # the window (and the empty one) tell when they painted
    return env


def run_child(args: list[str], env: dict[str, str], timeout: float = 60.0) -> ChildRun:
    """Wall time and peak memory (max RSS, from ``wait4``) of one child process."""
    with tempfile.TemporaryFile() as err:
        started_at = time.time()
        start = time.perf_counter()
        proc = subprocess.Popen(
            args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err, env=env
        )
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.002)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    cpu = usage.ru_utime + usage.ru_stime
    events: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "magplan-start":
            events.setdefault(parts[1], float(parts[2]) - started_at)
    return ChildRun(seconds, cpu, int(usage.ru_maxrss), proc.returncode, text, events)


def _has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def window_available() -> bool:
    return _has("magplan.gui.app") and _has("magplan.gui.main_window")


def print_available() -> bool:
    return _has("magplan.cli.print_cmd")


TYPICAL_ARGS = ["--goal", "sleep", "--goal", "anxiety", "--med", "calcium@08:00"]
TYPICAL_ARGS += ["--med", "sertraline@08:00"]


def measure_processes(
    runs: int, *, startup: bool, printing: bool, memory: bool, log: Callable[[str], None]
) -> list[Row]:
    """Start-up, print and peak memory: child processes, interleaved so drift hits all alike."""
    rows: list[Row] = []
    have_window = window_available()
    have_print = print_available()
    with tempfile.TemporaryDirectory(prefix="magplan-bench-") as tmp:
        env = _child_env(tmp)
        pdf = str(Path(tmp) / "card.pdf")
        jobs: dict[str, list[str]] = {"empty": [sys.executable, "-c", EMPTY_WINDOW_SCRIPT]}
        if have_window and (startup or memory):
            jobs["window"] = [sys.executable, "-m", "magplan", "--smoke-test"]
        if startup or printing:  # the core's own start: Python, pydantic, the knowledge
            jobs["plan"] = [sys.executable, "-m", "magplan", "plan", *TYPICAL_ARGS]
        if have_print and printing:
            jobs["print"] = [sys.executable, "-m", "magplan", "print", *TYPICAL_ARGS, "-o", pdf]
        results: dict[str, list[ChildRun]] = {name: [] for name in jobs}
        for name, cmd in jobs.items():  # one warm-up each: the disk cache is then warm for all
            first = run_child(cmd, env)
            if first.returncode != 0:
                log(f"{name}: exit {first.returncode}: {first.stderr.strip()[-400:]}")
        for i in range(runs):
            for name, cmd in jobs.items():
                results[name].append(run_child(cmd, env))
            log(f"  processes: round {i + 1}/{runs}")
        failed = {n for n, rs in results.items() if any(r.returncode != 0 for r in rs)}
        missing = {
            "window": "no window in this build (magplan.gui)",
            "print": "no print command in this build (magplan.cli.print_cmd)",
        }
        commands = {"window": "magplan --smoke-test", "print": "magplan print"}

        def unavailable(name: str) -> str | None:
            """Why a program's rows cannot be measured, or None when they can."""
            if name not in results:
                return missing[name]
            if name in failed:
                return f"{commands[name]} failed: " + _last_error(results[name])
            return None

        def seconds(name: str) -> dict[str, float]:
            return summary([r.seconds for r in results[name]])

        def cpu_seconds(name: str) -> dict[str, float]:
            return summary([r.cpu_seconds for r in results[name]])

        def rss_mib(name: str) -> dict[str, float]:
            return summary([r.max_rss_kib / 1024 for r in results[name]])

        def event_s(name: str, event: str) -> dict[str, float] | None:
            times = [r.events[event] for r in results[name] if event in r.events]
            return summary(times) if len(times) == len(results[name]) else None

        empty_s = seconds("empty")
        empty_m = rss_mib("empty")
        empty_paint = event_s("empty", "first-paint")
        if startup:
            row = Row(
                "startup",
                "start to first painted window (median)",
                "ms",
                baseline_name="empty QMainWindow, start to first paint",
                target="ratio <= 1.5",
                details={"empty_s": empty_s, "empty_cpu_s": cpu_seconds("empty"), "runs": runs},
            )
            ready_row: Row | None = None
            paint = event_s("window", "first-paint") if "window" in results else None
            ready = event_s("window", "ready") if "window" in results else None
            if (why := unavailable("window")) is not None:
                row.available = False
                row.note = why
            elif empty_paint is None or paint is None or ready is None:
                row.available = False
                row.note = "a program did not report its first paint (MAGPLAN_START_TIMES)"
            else:
                win = seconds("window")
                win_cpu = cpu_seconds("window")
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
                row.passed = row.ratio <= 1.5
                p90 = percentile([r.events["first-paint"] for r in results["window"]], 90)
                row.note = (
                    f"p90 {p90 * 1000:.0f} ms; the window's frame and menus, painted before "
                    "the core is loaded"
                )
                cpu_ratio = win_cpu["median"] / row.details["empty_cpu_s"]["median"]
                ready_row = Row(
                    "ready",
                    "start to loaded window, plan shown (median; for reference)",
                    "ms",
                    value=ready["median"] * 1000,
                    baseline=empty_paint["median"] * 1000,
                    baseline_name="empty QMainWindow, start to first paint",
                    ratio=ready["median"] / empty_paint["median"],
                    note=(
                        f"the whole --smoke-test run {win['median'] * 1000:.0f} ms against the "
                        f"empty window's {empty_s['median'] * 1000:.0f} ms; CPU time ratio "
                        f"{cpu_ratio:.2f}x"
                    ),
                    details={"window_ready_s": ready, "window_s": win, "empty_s": empty_s},
                )
            rows.append(row)
            if ready_row is not None:
                rows.append(ready_row)
        if printing:
            row = Row(
                "print",
                "magplan print -o card.pdf (median)",
                "ms",
                baseline=empty_s["median"] * 1000,
                baseline_name="empty QMainWindow start",
                target="ratio <= 2.0",
                details={"empty_s": empty_s, "runs": runs, "args": TYPICAL_ARGS},
            )
            if (why := unavailable("print")) is not None:
                row.available = False
                row.note = why
            else:
                prt = seconds("print")
                row.details["print_cpu_s"] = cpu_seconds("print")
                row.details["empty_cpu_s"] = cpu_seconds("empty")
                cpu_ratio = cpu_seconds("print")["median"] / cpu_seconds("empty")["median"]
                row.note = f"CPU time ratio {cpu_ratio:.2f}x"
                row.value = prt["median"] * 1000
                row.ratio = prt["median"] / empty_s["median"]
                row.passed = row.ratio <= 2.0
                row.details["print_s"] = prt
            rows.append(row)
        if "plan" in results and "plan" not in failed:
            cli = seconds("plan")
            cli_cpu = cpu_seconds("plan")["median"] / cpu_seconds("empty")["median"]
            rows.append(
                Row(
                    "plan_cli",
                    "magplan plan, no Qt (median; for reference)",
                    "ms",
                    value=cli["median"] * 1000,
                    baseline=empty_s["median"] * 1000,
                    baseline_name="empty QMainWindow start",
                    ratio=cli["median"] / empty_s["median"],
                    note=f"CPU time ratio {cli_cpu:.2f}x: Python, pydantic, the core and "
                    "its knowledge, without Qt",
                    details={"plan_s": cli, "plan_cpu_s": cpu_seconds("plan"), "runs": runs},
                )
            )
        if memory:
            row = Row(
                "memory",
                "peak memory of the window (max RSS, median)",
                "MiB",
                baseline=empty_m["median"],
                baseline_name="empty QMainWindow",
                target="ratio <= 1.4",
                details={"empty_mib": empty_m, "runs": runs},
            )
            if (why := unavailable("window")) is not None:
                row.available = False
                row.note = why
            else:
                win_m = rss_mib("window")
                row.value = win_m["median"]
                row.ratio = win_m["median"] / empty_m["median"]
                row.passed = row.ratio <= 1.4
                row.details["window_mib"] = win_m
            rows.append(row)
    return rows


def _last_error(runs: list[ChildRun]) -> str:
    for r in runs:
        if r.returncode != 0:
            lines = r.stderr.strip().splitlines()
            return f"exit {r.returncode}" + (f": {lines[-1]}" if lines else "")
    return ""


# ---- the core's plan ------------------------------------------------------------------------

HARD_MEDICINES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("calcium carbonate", ("08:00", "13:00")),
    ("sertraline", ("08:00",)),
    ("levothyroxine", ("06:00",)),
    ("ferrous sulfate", ("08:00", "13:00")),
    ("zinc gluconate", ("13:00",)),
    ("gabapentin", ("08:00", "13:00")),
    ("furosemide", ("08:00", "16:00")),
    ("spironolactone", ("08:00", "20:00")),
    ("prednisolone", ("08:00", "13:00")),
    ("omeprazole", ("07:00", "19:00")),
)

# The same ten medicines, but taken all through the day: no time keeps every rule, so the
# planner searches the whole day for the least-missed times (its slowest path).
CROWDED_MEDICINES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("calcium carbonate", ("08:00", "20:00")),
    ("sertraline", ("08:00",)),
    ("doxycycline", ("09:00", "21:00")),
    ("levothyroxine", ("06:00",)),
    ("ferrous sulfate", ("12:00", "18:00")),
    ("gabapentin", ("08:00", "14:00", "22:00")),
    ("zinc gluconate", ("13:00",)),
    ("furosemide", ("08:00", "16:00")),
    ("omeprazole", ("07:00", "19:00")),
    ("prednisolone", ("08:00",)),
)


def plan_cases() -> dict[str, Any]:
    """The requests the plan measure uses: typical, hard and crowded."""
    from magplan.core.knowledge import load_knowledge
    from magplan.core.request import (
        MedicineTimes,
        PlanRequest,
        default_meals,
        make_product,
        parse_medicine_class,
    )
    from magplan.core.timeofday import parse_time

    k = load_knowledge()

    def meds(spec: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[MedicineTimes, ...]:
        return tuple(
            MedicineTimes(
                name=name,
                class_id=parse_medicine_class(k, name),
                times_min=tuple(parse_time(t, name) for t in times),
            )
            for name, times in spec
        )

    typical = PlanRequest(
        goals=("sleep", "anxiety"),
        medicines=meds((("calcium", ("08:00",)), ("sertraline", ("08:00",)))),
    )
    wake, bed = parse_time("06:00", "wake"), parse_time("23:30", "bed")
    products = (
        make_product(k, "glycinate", 60, unit="capsule", label="Glycinate 60"),
        make_product(k, "citrate", 100, unit="tablet", halves=True, label="Citrate 100"),
    )
    hard_fields: dict[str, Any] = {
        "goals": ("sleep", "constipation", "depression"),
        "wake_min": wake,
        "bed_min": bed,
        "meals_min": default_meals(wake, bed),
        "target_mg": 600,
        "products": products,
    }
    hard = PlanRequest(**hard_fields, medicines=meds(HARD_MEDICINES))
    crowded = PlanRequest(**hard_fields, medicines=meds(CROWDED_MEDICINES))
    return {"knowledge": k, "typical": typical, "hard": hard, "crowded": crowded}


def check_hard_case(plan: Any) -> None:
    """The hard case is as hard as the issue asks: two forms, four doses, the person's own
    products, ten medicines and a titration ramp."""
    assert len(plan.forms) == 2, plan.forms
    assert len(plan.doses) == 4, [d.time for d in plan.doses]
    assert plan.titration, "no titration"
    assert all(d.product_label for d in plan.doses), "a dose not from the person's products"
    assert len(plan.medicines) == 10


def measure_plan(runs: int, log: Callable[[str], None]) -> list[Row]:
    from magplan.core.planner import plan_day

    cases = plan_cases()
    k = cases["knowledge"]
    check_hard_case(plan_day(cases["hard"], k))
    rows = []
    for name, target_ms in (("typical", 1.0), ("hard", 10.0), ("crowded", 10.0)):
        req = cases[name]
        plan = plan_day(req, k)  # warm: the knowledge base is read once per process
        times: list[float] = []
        for _ in range(runs):
            start = time.perf_counter_ns()
            plan_day(req, k)
            times.append((time.perf_counter_ns() - start) / 1e6)
        s = summary(times)
        log(f"  plan {name}: median {s['median']:.3f} ms, p99 {s['p99']:.3f} ms")
        label = {
            "typical": "plan, typical person (median)",
            "hard": "plan, hard case (median)",
            "crowded": "plan, crowded day (median)",
        }[name]
        rows.append(
            Row(
                f"plan_{name}",
                label,
                "ms",
                value=s["median"],
                target=f"median <= {target_ms:g} ms",
                passed=s["median"] <= target_ms,
                note=f"p99 {s['p99']:.3f} ms; {len(plan.doses)} doses, "
                f"{len(plan.forms)} form(s), {len(plan.medicines)} medicines",
                details={
                    "ms": s,
                    "doses": len(plan.doses),
                    "forms": list(plan.forms),
                    "medicines": len(plan.medicines),
                    "titration_steps": len(plan.titration),
                },
            )
        )
    return rows


# ---- the window: an edit until the table shows the new plan ----------------------------------


EDIT_BATCH = 100  # edits per window process


def measure_edit(runs: int, log: Callable[[str], None]) -> list[Row]:
    """Edits in the window, in child processes of at most ``EDIT_BATCH`` edits each: a window
    that crashes is reported instead of ending the whole benchmark."""
    row = Row(
        "edit",
        "edit in a field -> table updated (p99)",
        "ms",
        target="p99 <= 16 ms",
    )
    if not window_available():
        row.available = False
        row.note = "no window in this build (magplan.gui)"
        return [row]
    all_ms: list[float] = []
    fields: dict[str, list[float]] = {}
    unchanged = 0
    lost: list[float] = []
    crashes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="magplan-bench-") as tmp:
        env = _child_env(tmp)
        left = runs
        while left > 0:
            batch = min(EDIT_BATCH, left)
            left -= batch
            proc = subprocess.run(
                [sys.executable, "-m", "magplan.bench_window", str(batch)],
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
            )
            if proc.returncode != 0:
                lines = [ln for ln in proc.stderr.strip().splitlines() if ln.strip()]
                fatal = next((ln for ln in lines if "Fatal Python error" in ln), "")
                crashes.append(f"exit {proc.returncode}: {fatal or (lines[-1] if lines else '')}")
                continue
            result = json.loads(proc.stdout.strip().splitlines()[-1])
            all_ms += result["all_ms"]
            for name, values in result["fields"].items():
                fields.setdefault(name, []).extend(values)
            unchanged += result["edits_without_table_change"]
            lost.append(result["none_refs_lost_per_edit"])
            log(f"  edits: {len(all_ms)}/{runs}")
    if not all_ms:
        row.available = False
        row.note = "the window crashed: " + "; ".join(crashes[:2])
        return [row]
    s = summary(all_ms)
    row.value = s["p99"]
    row.passed = s["p99"] <= 16.0
    notes = [f"median {s['median']:.2f} ms over {s['n']} edits"]
    if unchanged:
        notes.append(f"{unchanged} edits left the table unchanged")
    if lost and max(lost) > 0:
        notes.append(f"each edit loses {max(lost):g} references to None (a crash in time)")
    if crashes:
        notes.append(f"{len(crashes)} window process(es) crashed: {crashes[0]}")
    row.note = "; ".join(notes)
    row.details = {
        "ms": s,
        "fields": {name: summary(v) for name, v in fields.items() if v},
        "edits_without_table_change": unchanged,
        "none_refs_lost_per_edit": max(lost) if lost else None,
        "crashes": crashes,
        "batch": EDIT_BATCH,
    }
    return [row]


# ---- the table and the JSON ------------------------------------------------------------------


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    text = f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    return f"{text} {unit}".strip()


def table(rows: list[Row]) -> str:
    header = ("MEASURE", "VALUE", "BASELINE", "RATIO", "TARGET", "RESULT")
    lines = []
    for r in rows:
        if not r.available:
            result = "not available"
        elif r.passed is None:
            result = "-"
        else:
            result = "pass" if r.passed else "FAIL"
        lines.append(
            (
                r.measure,
                _fmt(r.value, r.unit) if r.available else "-",
                _fmt(r.baseline, r.unit),
                f"{r.ratio:.2f}x" if r.ratio is not None else "-",
                r.target,
                result,
            )
        )
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


# ---- command line ---------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m magplan.bench",
        description="Measure start-up, planning, live update, printing and memory against an "
        "empty Qt window; print a table and write JSON.",
    )
    p.add_argument("--quick", action="store_true", help="fewer runs: a rough table in seconds")
    p.add_argument(
        "--json-out",
        type=Path,
        default=DEFAULT_JSON,
        metavar="PATH",
        help=f"where to write the JSON (default {DEFAULT_JSON})",
    )
    p.add_argument(
        "--runs",
        type=int,
        metavar="N",
        help="starts of each program for start-up, print and memory (default 10; quick 3)",
    )
    p.add_argument("--plan-runs", type=int, metavar="N", help="plans per case (default 2000)")
    p.add_argument("--edit-runs", type=int, metavar="N", help="edits in the window (default 300)")
    p.add_argument(
        "--only",
        action="append",
        choices=MEASURES,
        metavar="MEASURE",
        help=f"run only this measure (repeatable): {', '.join(MEASURES)}",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    return p


def _given(value: int | None, default: int) -> int:
    return default if value is None else value


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    runs = _given(args.runs, 3 if args.quick else 10)
    plan_runs = _given(args.plan_runs, 300 if args.quick else 2000)
    edit_runs = _given(args.edit_runs, 60 if args.quick else 300)
    for name, value in (("--runs", runs), ("--plan-runs", plan_runs), ("--edit-runs", edit_runs)):
        if value < 1:
            print(f"magplan.bench: error: {name} must be at least 1", file=sys.stderr)
            return 2
    only = set(args.only or MEASURES)

    def log(text: str) -> None:
        if not args.quiet:
            print(text, file=sys.stderr, flush=True)

    rows: list[Row] = []
    started = time.perf_counter()
    if only & {"startup", "print", "memory"}:
        log(f"start-up, print and memory: {runs} runs of each program")
        rows += measure_processes(
            runs,
            startup="startup" in only,
            printing="print" in only,
            memory="memory" in only,
            log=log,
        )
    if "plan" in only:
        log(f"plan: {plan_runs} plans per case")
        rows += measure_plan(plan_runs, log)
    if "edit" in only:
        log(f"edit: {edit_runs} edits in the window")
        rows += measure_edit(edit_runs, log)
    order = {"startup": 0, "ready": 1, "plan_typical": 2, "plan_hard": 3, "plan_crowded": 4}
    order |= {"edit": 5, "print": 6, "plan_cli": 7, "memory": 8}
    rows.sort(key=lambda r: order.get(r.id, 99))
    info = machine()
    options = {
        "quick": args.quick,
        "runs": runs,
        "plan_runs": plan_runs,
        "edit_runs": edit_runs,
        "only": sorted(only),
        "seconds": round(time.perf_counter() - started, 1),
    }
    print(table(rows))
    print(
        f"\n{info['cpu']}, {info['cores']} cores; Python {info['python']}, "
        f"PySide6 {info['pyside6']}; {info['date']}"
    )
    args.json_out.parent.mkdir(parents=True, exist_ok=True)
    args.json_out.write_text(
        json.dumps(report(rows, info, options), indent=2) + "\n", encoding="utf-8"
    )
    log(f"wrote {args.json_out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
