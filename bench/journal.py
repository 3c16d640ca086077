"""The journal's rows: ``magplan report`` against ``magplan print -o``, and ``magplan log``
against ``magplan plan``, on a year of a four-dose plan (1,460 dose entries, 52 check-ins).

Targets (issue 15): the report at most twice a plain print; logging a dose no slower than a
plan. Each pair is started side by side, interleaved, as the other process measures are.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench.children import child_env
from bench.processes import TYPICAL_ARGS, ProcessRuns, run_interleaved
from bench.table import Row

REPORT_TARGET_RATIO = 2.0
LOG_TARGET_RATIO = 1.0
PROFILE = "A year"
YEAR_REQUEST = {"goals": ("repletion",), "target_mg": 500.0}  # four doses, tests/journal/year.py


def prepare_year(data_dir: Path) -> str:
    """A saved profile with a year of journal in ``data_dir``; the time of its bedtime dose."""
    import os

    os.environ["MAGPLAN_DATA_DIR"] = str(data_dir)
    from magplan.core.request import PlanRequest
    from magplan.journal.follow import open_followed
    from magplan.journal.plan_record import plan_json
    from magplan.profiles import Profile, ProfileStore
    from tests.journal.year import make_year

    store = ProfileStore(data_dir / "profiles")
    store.save(Profile(name=PROFILE, request=PlanRequest(**YEAR_REQUEST)))  # type: ignore[arg-type]
    f = open_followed(PROFILE, store=store)
    make_year(f.journal, plan=plan_json(f.plan))
    last = f.plan.doses[-1].time
    f.close()
    return last


def measure_journal(runs: int, log: Callable[[str], None]) -> list[Row]:
    """The report and log rows."""
    with tempfile.TemporaryDirectory(prefix="magplan-bench-journal-") as tmp:
        data = Path(tmp) / "data"
        bedtime = prepare_year(data)
        py = [sys.executable, "-m", "magplan"]
        jobs = {
            "print": [*py, "print", *TYPICAL_ARGS, "-o", str(Path(tmp) / "card.pdf")],
            "report": [*py, "report", "--profile", PROFILE, "-o", str(Path(tmp) / "r.pdf")],
            "plan": [*py, "plan", *TYPICAL_ARGS],
            "log": [*py, "log", "--profile", PROFILE, "--dose", bedtime, "taken"],
        }
        timed = ProcessRuns(run_interleaved(jobs, child_env(str(data)), runs, log), runs)
    return [
        _pair(timed, "report", "print", REPORT_TARGET_RATIO, "magplan report, a year (median)"),
        _pair(timed, "log", "plan", LOG_TARGET_RATIO, "magplan log, a year (median)"),
    ]


def _pair(timed: ProcessRuns, name: str, base: str, target: float, label: str) -> Row:
    row = Row(
        name,
        label,
        "ms",
        baseline_name=f"magplan {base}",
        target=f"ratio <= {target:g}",
        details={"runs": timed.runs, "date": dt.date.today().isoformat()},
    )
    for which in (name, base):
        if (why := timed.unavailable(which)) is not None:
            return row.not_available(why)
    value, baseline = timed.seconds(name), timed.seconds(base)
    row.value, row.baseline = value["median"] * 1000, baseline["median"] * 1000
    row.ratio = value["median"] / baseline["median"]
    row.passed = row.ratio <= target
    cpu = timed.cpu_seconds(name)["median"] / timed.cpu_seconds(base)["median"]
    row.note = f"CPU time ratio {cpu:.2f}x"
    row.details.update({f"{name}_s": value, f"{base}_s": baseline})
    return row
