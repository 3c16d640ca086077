"""The benchmark's command line: which measures to run, how many times, and where the JSON goes.

``python -m bench`` from the checkout (see ``bench/README.md``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench.edit import measure_edit
from bench.journal_page import measure_journal_page
from bench.planning import measure_plan
from bench.processes import measure_processes
from bench.table import Row, machine, report, table

PROG = "python -m bench"
DEFAULT_JSON = Path(__file__).resolve().parent / "results" / "latest.json"
MEASURES = (
    "startup",
    "plan",
    "edit",
    "print",
    "cli",
    "memory",
    "journal",
    "journal-page",
    "food",
    "food-page",
)
# The table's order of rows, whatever order the measures ran in.
ROW_ORDER = (
    "startup",
    "ready",
    "plan_typical",
    "plan_hard",
    "plan_crowded",
    "edit",
    "print",
    "plan_json",
    "plan_cli",
    "memory",
    "report",
    "log",
    "journal_page",
    "diet",
    "foods",
    "food_list",
    "food_page",
)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=PROG,
        description="Measure start-up, planning, live update, printing and memory against an "
        "empty Qt window; print a table and write JSON.",
    )
    p.add_argument("--quick", action="store_true", help="fewer runs: a rough table in seconds")
    p.add_argument(
        "--json-out",
        type=Path,
        default=DEFAULT_JSON,
        metavar="PATH",
        help="where to write the JSON (default bench/results/latest.json)",
    )
    p.add_argument(
        "--runs",
        type=int,
        metavar="N",
        help="starts of each program for start-up, print, memory and the Journal page "
        "(default 10; quick 3)",
    )
    p.add_argument("--plan-runs", type=int, metavar="N", help="plans per case (default 2000)")
    p.add_argument("--edit-runs", type=int, metavar="N", help="edits in the window (default 300)")
    p.add_argument(
        "--only",
        action="append",
        choices=MEASURES,
        metavar="MEASURE",
        help=f"run only this measure (repeatable): {', '.join(MEASURES)} "
        "(cli: magplan plan --json against python -c pass; journal: magplan report and log "
        "on a year of a four-dose plan; journal-page: the Journal page opened on it; food: a "
        "plan with a diet, magplan foods and the printed food list; food-page: the Food page "
        "opened)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    return p


def _given(value: int | None, default: int) -> int:
    return default if value is None else value


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    counts = {
        "runs": _given(args.runs, 3 if args.quick else 10),
        "plan_runs": _given(args.plan_runs, 300 if args.quick else 2000),
        "edit_runs": _given(args.edit_runs, 60 if args.quick else 300),
    }
    for name, value in counts.items():
        if value < 1:
            option = "--" + name.replace("_", "-")
            print(f"bench: error: {option} must be at least 1", file=sys.stderr)
            return 2
    only = set(args.only or MEASURES)

    def log(text: str) -> None:
        if not args.quiet:
            print(text, file=sys.stderr, flush=True)

    started = time.perf_counter()
    rows = run_measures(only, counts, log)
    info = machine()
    options = {"quick": args.quick, **counts, "only": sorted(only)}
    options["seconds"] = round(time.perf_counter() - started, 1)
    print(table(rows))
    print(
        f"\n{info['cpu']}, {info['cores']} cores; Python {info['python']}, "
        f"PySide6 {info['pyside6']}; {info['date']}"
    )
    write_json(args.json_out, report(rows, info, options))
    log(f"wrote {args.json_out}")
    return 0


def run_measures(only: set[str], counts: dict[str, int], log: Callable[[str], None]) -> list[Row]:
    """The chosen measures, their rows in the table's order."""
    rows: list[Row] = []
    if only & {"startup", "print", "cli", "memory"}:
        log(f"start-up, print and memory: {counts['runs']} runs of each program")
        rows += measure_processes(
            counts["runs"],
            startup="startup" in only,
            printing="print" in only,
            memory="memory" in only,
            cli="cli" in only,
            log=log,
        )
    if "plan" in only:
        log(f"plan: {counts['plan_runs']} plans per case")
        rows += measure_plan(counts["plan_runs"], log)
    if "edit" in only:
        log(f"edit: {counts['edit_runs']} edits in the window")
        rows += measure_edit(counts["edit_runs"], log)
    if "journal" in only:
        from bench.journal import measure_journal

        log(f"journal: a year of a four-dose plan, {counts['runs']} runs of each program")
        rows += measure_journal(counts["runs"], log)
    if "journal-page" in only:
        log(f"journal-page: the Journal page opened in {counts['runs']} window processes")
        rows += measure_journal_page(counts["runs"], log)
    if "food" in only:
        from bench.food import measure_food

        log(f"food: the diet estimate and the food list, {counts['runs']} runs of each program")
        rows += measure_food(counts["runs"], log)
    if "food-page" in only:
        from bench.food_page import measure_food_page

        log(f"food-page: the Food page opened in {counts['runs']} window processes")
        rows += measure_food_page(counts["runs"], log)
    order = {row_id: i for i, row_id in enumerate(ROW_ORDER)}
    rows.sort(key=lambda r: order.get(r.id, len(order)))
    return rows


def write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
