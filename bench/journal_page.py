"""Opening the Journal page on a year of a four-dose plan: from the click on its tab to the page
shown and painted (issue 15: at most 150 ms).

The benchmark fills a data folder once: a saved profile whose plan is the four-dose plan
(repletion, 500 mg: citrate at 07:30, 12:30, 18:30 and 22:30) and its journal with a year of
days until yesterday (``tests/journal/year.py``: 1,460 dose entries, 52 PHQ-8s). Each window
process (:mod:`bench.journal_window`) then opens the profile, clicks the Journal tab once (the
first opening, imports included) and again after opening the profile anew.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.children import child_env, window_available
from bench.table import Row, percentile, summary

JOURNAL_WINDOW = Path(__file__).with_name("journal_window.py")
PROFILE = "Anna K."
TARGET_MS = 150.0


def fill_data_folder(data_dir: str) -> None:
    """The profile and a year of its journal, in ``data_dir`` (as ``MAGPLAN_DATA_DIR``)."""
    script = (
        "import sys; sys.path.insert(0, '.')\n"
        "from magplan.core.request import PlanRequest\n"
        "from magplan.profiles import Profile, ProfileStore\n"
        "from magplan.journal.store import Journal, journal_path\n"
        "from tests.journal.year import four_dose_plan, make_year\n"
        "store = ProfileStore()\n"
        f"request = PlanRequest(goals=('repletion',), target_mg=500)\n"
        f"saved = store.save(Profile(name={PROFILE!r}, request=request))\n"
        "path = journal_path(store.folder, store.find(saved.name).path.stem)\n"
        f"with Journal.open(path, {PROFILE!r}) as journal:\n"
        "    year = make_year(journal, plan=four_dose_plan())\n"
        "assert (year.doses_logged, year.checkins) == (1460, 52), year\n"
    )
    env = child_env(data_dir)
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the year's journal could not be made: {done.stderr.strip()[-500:]}")


def run_window(
    env: dict[str, str], script: Path = JOURNAL_WINDOW, profile: str = PROFILE
) -> dict[str, Any] | str:
    """One window process running ``script`` on ``profile``: its JSON, or how it failed."""
    proc = subprocess.run(
        [sys.executable, "-P", str(script), profile],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if proc.returncode != 0:
        lines = [ln for ln in proc.stderr.strip().splitlines() if ln.strip()]
        return f"exit {proc.returncode}: {lines[-1] if lines else ''}"
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def measure_journal_page(runs: int, log: Callable[[str], None]) -> list[Row]:
    """The Journal page opened in ``runs`` window processes."""
    row = Row(
        "journal_page",
        "open the Journal page, a year of 4 doses (median)",
        "ms",
        target=f"median <= {TARGET_MS:g} ms",
    )
    if not window_available():
        return [row.not_available("no window in this build (magplan.gui)")]
    results: list[dict[str, Any]] = []
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="magplan-bench-journal-") as tmp:
        fill_data_folder(tmp)
        env = child_env(tmp)
        run_window(env)  # a warm-up: byte code written, the files in the page cache
        for i in range(runs):
            result = run_window(env)
            if isinstance(result, str):
                failures.append(result)
                continue
            results.append(result)
            log(f"  journal page: {i + 1}/{runs}, {result['first_ms']:.0f} ms")
    return [journal_row(row, results, failures)]


def journal_row(row: Row, results: list[dict[str, Any]], failures: list[str]) -> Row:
    """The first openings' median against the target; the openings after it in the note."""
    if not results:
        return row.not_available("the window failed: " + "; ".join(failures[:2]))
    first = summary([r["first_ms"] for r in results])
    again = summary([r["again_ms"] for r in results])
    loads = [r["again_load_ms"] for r in results if r.get("again_load_ms") is not None]
    row.value = first["median"]
    row.passed = first["median"] <= TARGET_MS
    page = summary([r["first_page_ms"] for r in results])
    notes = [
        f"p90 {percentile([r['first_ms'] for r in results], 90):.0f} ms"
        " (modules imported on the click)",
        f"the page's first frame, before its charts: {page['median']:.0f} ms",
        f"opened again {again['median']:.0f} ms",
    ]
    if loads:
        notes[-1] += f", of which the journal {summary(loads)['median']:.0f} ms"
    if failures:
        notes.append(f"{len(failures)} window process(es) failed: {failures[0]}")
    row.note = "; ".join(notes)
    row.details = {
        "first_ms": first,
        "first_page_ms": page,
        "again_ms": again,
        "again_load_ms": summary(loads) if loads else None,
        "failures": failures,
    }
    return row
