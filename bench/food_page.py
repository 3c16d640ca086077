"""Opening the Food page: from the click on its tab to the page shown, painted and quiet, for a
saved profile with a diet of eight answers (the page's modules and the food data are read on
the first click; the window's start does not pay for them).

No issue sets a target for this page; the row holds it to the Journal page's 150 ms.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.children import child_env, window_available
from bench.food import DIET
from bench.journal_page import run_window
from bench.table import Row, percentile, summary

FOOD_WINDOW = Path(__file__).with_name("food_window.py")
PROFILE = "Ruth M."
TARGET_MS = 150.0


def fill_data_folder(data_dir: str) -> None:
    """A saved profile with a diet, in ``data_dir`` (as ``MAGPLAN_DATA_DIR``)."""
    words = [w for answer in DIET for w in ("--diet", answer)]
    done = subprocess.run(
        [sys.executable, "-m", "magplan", "plan", "--goal", "constipation", "--sex", "female",
         "--age", "52", *words, "--save-profile", PROFILE],
        env=child_env(data_dir), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"the profile could not be saved: {done.stderr.strip()[-300:]}")


def measure_food_page(runs: int, log: Callable[[str], None]) -> list[Row]:
    """The Food page opened in ``runs`` window processes."""
    row = Row(
        "food_page",
        "open the Food page, a diet of 8 answers (median)",
        "ms",
        target=f"median <= {TARGET_MS:g} ms",
    )
    if not window_available():
        return [row.not_available("no window in this build (magplan.gui)")]
    results: list[dict[str, Any]] = []
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="magplan-bench-food-") as tmp:
        fill_data_folder(tmp)
        env = child_env(tmp)
        run_window(env, FOOD_WINDOW, PROFILE)  # a warm-up: byte code, the page cache
        for i in range(runs):
            result = run_window(env, FOOD_WINDOW, PROFILE)
            if isinstance(result, str):
                failures.append(result)
                continue
            results.append(result)
            log(f"  food page: {i + 1}/{runs}, {result['first_ms']:.0f} ms")
    if not results:
        return [row.not_available("the window failed: " + "; ".join(failures[:2]))]
    first = summary([r["first_ms"] for r in results])
    again = summary([r["again_ms"] for r in results])
    row.value = first["median"]
    row.passed = first["median"] <= TARGET_MS
    row.note = (
        f"p90 {percentile([r['first_ms'] for r in results], 90):.0f} ms (modules and food data "
        f"read on the click); shown again {again['median']:.0f} ms"
    )
    row.details = {"first_ms": first, "again_ms": again, "failures": failures}
    return [row]
