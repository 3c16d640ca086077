"""How fast the bundle starts, against the installed program, measured side by side.

    .venv/bin/python packaging/measure-start.py [--runs 15] [BUNDLE [INSTALLED]]

BUNDLE defaults to dist/magplan/magplan, INSTALLED to .venv/bin/magplan. Each round runs both
programs, in turn and in alternating order (so that a busy moment of the machine falls on both
alike), from an empty folder:

- ``plan --json --goal sleep``: from starting the process to its end;
- the window (``--smoke-test`` with ``MAGPLAN_START_TIMES=1``): from starting the process to
  the window's first paint, and to the loaded window's paint ("ready").

It prints the median and the spread (lowest and highest) of each, after one unmeasured round
that warms the disk cache. The window draws offscreen unless QT_QPA_PLATFORM says otherwise
(run it under Xvfb with QT_QPA_PLATFORM=xcb for an X11 window).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLAN = ("plan", "--json", "--goal", "sleep")


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAGPLAN_", "PYTHON"))}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["MAGPLAN_START_TIMES"] = "1"
    return env


def _run(program: str, args: tuple[str, ...], folder: str) -> dict[str, float]:
    """Seconds from starting ``program`` to its end and to each start event it reports."""
    started = time.time()
    done = subprocess.run(
        [program, *args], cwd=folder, env=_environment(), capture_output=True, text=True
    )
    ended = time.time()
    if done.returncode != 0:
        sys.exit(f"{program} {' '.join(args)} failed:\n{done.stderr}")
    times = {"end": ended - started}
    for line in done.stderr.splitlines():
        words = line.split()
        if len(words) == 3 and words[0] == "magplan-start":
            times.setdefault(words[1], float(words[2]) - started)
    return times


def measure(programs: dict[str, str], runs: int) -> dict[tuple[str, str], list[float]]:
    """The times of each (program, measure) over ``runs`` alternating rounds."""
    found: dict[tuple[str, str], list[float]] = {}
    names = list(programs)
    with tempfile.TemporaryDirectory() as folder:
        for round_number in range(runs + 1):
            order = names if round_number % 2 else names[::-1]
            for name in order:
                plan = _run(programs[name], PLAN, folder)
                window = _run(programs[name], ("--smoke-test",), folder)
                if round_number == 0:
                    continue  # warms the disk cache
                found.setdefault((name, "plan --json"), []).append(plan["end"])
                for event in ("first-paint", "ready"):
                    if event in window:
                        found.setdefault((name, f"window {event}"), []).append(window[event])
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", nargs="?", default=str(ROOT / "dist" / "magplan" / "magplan"))
    parser.add_argument("installed", nargs="?", default=str(ROOT / ".venv" / "bin" / "magplan"))
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    programs = {"bundle": args.bundle, "installed": args.installed}
    found = measure(programs, args.runs)
    platform = _environment()["QT_QPA_PLATFORM"]
    print(f"{args.runs} runs each, QT_QPA_PLATFORM={platform}; median (lowest-highest), ms")
    for what in ("plan --json", "window first-paint", "window ready"):
        cells = []
        for name in programs:
            times = sorted(t * 1000 for t in found.get((name, what), []))
            if times:
                cells.append(
                    f"{name} {statistics.median(times):6.1f} ({times[0]:.0f}-{times[-1]:.0f})"
                )
        if len(cells) == len(programs):
            ratio = statistics.median(found[("bundle", what)]) / statistics.median(
                found[("installed", what)]
            )
            print(f"{what:19s} " + "   ".join(cells) + f"   bundle/installed {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
