"""The food rows: the diet estimate and the food list, each against what it adds to.

- ``magplan plan`` with a diet of eight answers against the same plan without one (the food
  data is read only for a diet: the target is that a diet costs at most a fifth more);
- ``magplan foods --json`` (every food, with its citation) against ``magplan plan``;
- ``magplan foods --print -o`` (the person's food list) against ``magplan print -o`` (the card),
  at most twice.

Each pair is started side by side, interleaved, as the other process measures are.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench.children import child_env
from bench.journal import _pair
from bench.processes import TYPICAL_ARGS, ProcessRuns, run_interleaved
from bench.table import Row

DIET_TARGET_RATIO = 1.2
FOODS_TARGET_RATIO = 1.5
FOOD_LIST_TARGET_RATIO = 2.0
DIET = ["nuts:1", "milk:2", "bread-whole-wheat:2", "fruit:1", "coffee-tea:2"]
DIET += ["leafy-greens:3w", "fish:2w", "beans-lentils:3w"]
DIET_ARGS = [word for answer in DIET for word in ("--diet", answer)]


def measure_food(runs: int, log: Callable[[str], None]) -> list[Row]:
    """The diet, foods and food-list rows."""
    with tempfile.TemporaryDirectory(prefix="magplan-bench-food-") as tmp:
        py = [sys.executable, "-m", "magplan"]
        out = Path(tmp)
        jobs = {
            "plan": [*py, "plan", *TYPICAL_ARGS],
            "diet": [*py, "plan", *TYPICAL_ARGS, *DIET_ARGS],
            "foods": [*py, "foods", "--json"],
            "print": [*py, "print", *TYPICAL_ARGS, *DIET_ARGS, "-o", str(out / "card.pdf")],
            "food_list": [
                *py,
                "foods",
                "--print",
                *TYPICAL_ARGS,
                *DIET_ARGS,
                "-o",
                str(out / "f.pdf"),
            ],
        }
        timed = ProcessRuns(run_interleaved(jobs, child_env(str(out / "data")), runs, log), runs)
    return [
        _pair(timed, "diet", "plan", DIET_TARGET_RATIO, "magplan plan with a diet (median)"),
        _pair(timed, "foods", "plan", FOODS_TARGET_RATIO, "magplan foods --json (median)"),
        _pair(
            timed, "food_list", "print", FOOD_LIST_TARGET_RATIO, "magplan foods --print (median)"
        ),
    ]
