"""An edit in the window until its schedule table shows the new plan.

The window runs in child processes (:mod:`bench.edit_window`) of at most ``EDIT_BATCH`` edits
each, so that a window that crashes is reported instead of ending the whole benchmark.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.children import child_env, window_available
from bench.table import Row, summary

EDIT_BATCH = 100  # edits per window process
EDIT_WINDOW = Path(__file__).with_name("edit_window.py")
TARGET_P99_MS = 16.0


@dataclass
class Edits:
    """What the window processes reported, gathered over every batch."""

    all_ms: list[float] = field(default_factory=list)
    fields: dict[str, list[float]] = field(default_factory=dict)
    unchanged: int = 0  # edits after which the table showed the same cells
    none_refs_lost: list[float] = field(default_factory=list)  # per edit, one per batch
    crashes: list[str] = field(default_factory=list)

    def add(self, result: dict[str, Any]) -> None:
        """One window process's JSON (see :func:`bench.edit_window.edit_latencies`)."""
        self.all_ms += result["all_ms"]
        for name, values in result["fields"].items():
            self.fields.setdefault(name, []).extend(values)
        self.unchanged += result["edits_without_table_change"]
        self.none_refs_lost.append(result["none_refs_lost_per_edit"])


def measure_edit(runs: int, log: Callable[[str], None]) -> list[Row]:
    """Edits in the window, in child processes of at most ``EDIT_BATCH`` edits each: a window
    that crashes is reported instead of ending the whole benchmark."""
    row = Row(
        "edit",
        "edit in a field -> table updated (p99)",
        "ms",
        target=f"p99 <= {TARGET_P99_MS:g} ms",
    )
    if not window_available():
        return [row.not_available("no window in this build (magplan.gui)")]
    edits = Edits()
    with tempfile.TemporaryDirectory(prefix="magplan-bench-") as tmp:
        env = child_env(tmp)
        left = runs
        while left > 0:
            batch = min(EDIT_BATCH, left)
            left -= batch
            result = run_edit_batch(batch, env)
            if isinstance(result, str):
                edits.crashes.append(result)
                continue
            edits.add(result)
            log(f"  edits: {len(edits.all_ms)}/{runs}")
    if not edits.all_ms:
        return [row.not_available("the window crashed: " + "; ".join(edits.crashes[:2]))]
    return [edit_row(row, edits)]


def run_edit_batch(batch: int, env: dict[str, str]) -> dict[str, Any] | str:
    """One window process making ``batch`` edits: its JSON, or how it crashed."""
    proc = subprocess.run(
        # -P: the bench folder stays off the path, so its modules shadow nothing in the child
        [sys.executable, "-P", str(EDIT_WINDOW), str(batch)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if proc.returncode != 0:
        lines = [ln for ln in proc.stderr.strip().splitlines() if ln.strip()]
        fatal = next((ln for ln in lines if "Fatal Python error" in ln), "")
        return f"exit {proc.returncode}: {fatal or (lines[-1] if lines else '')}"
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def edit_row(row: Row, edits: Edits) -> Row:
    """The 99th percentile against the target, with what went wrong on the way in the note."""
    s = summary(edits.all_ms)
    lost = edits.none_refs_lost
    row.value = s["p99"]
    row.passed = s["p99"] <= TARGET_P99_MS
    notes = [f"median {s['median']:.2f} ms over {s['n']} edits"]
    if edits.unchanged:
        notes.append(f"{edits.unchanged} edits left the table unchanged")
    if lost and max(lost) > 0:
        notes.append(f"each edit loses {max(lost):g} references to None (a crash in time)")
    if edits.crashes:
        notes.append(f"{len(edits.crashes)} window process(es) crashed: {edits.crashes[0]}")
    row.note = "; ".join(notes)
    row.details = {
        "ms": s,
        "fields": {name: summary(v) for name, v in edits.fields.items() if v},
        "edits_without_table_change": edits.unchanged,
        "none_refs_lost_per_edit": max(lost) if lost else None,
        "crashes": edits.crashes,
        "batch": EDIT_BATCH,
    }
    return row
