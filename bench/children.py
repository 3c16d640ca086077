"""The programs the benchmark starts: how each child process is run and what is kept of it."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field


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


def child_env(data_dir: str) -> dict[str, str]:
    """The environment of every child: offscreen, a fresh data folder, byte code written, and
    the start times reported."""
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
        # Wait without polling (a 2 ms poll would be a fifth of Python's own start); a timer
        # ends a child that hangs.
        timer = threading.Timer(timeout, _kill, (proc.pid,))
        timer.start()
        try:
            _pid, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    cpu = usage.ru_utime + usage.ru_stime
    return ChildRun(
        seconds, cpu, int(usage.ru_maxrss), proc.returncode, text, start_events(text, started_at)
    )


def _kill(pid: int) -> None:
    """End a child that has not ended in time (not through Popen, which could reap it first)."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def start_events(stderr: str, started_at: float) -> dict[str, float]:
    """The first time of each ``magplan-start <event> <epoch seconds>`` line, in seconds after
    ``started_at``."""
    events: dict[str, float] = {}
    for line in stderr.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "magplan-start":
            events.setdefault(parts[1], float(parts[2]) - started_at)
    return events


def last_error(runs: list[ChildRun]) -> str:
    """The exit status and the last stderr line of the first run that failed."""
    for r in runs:
        if r.returncode != 0:
            lines = r.stderr.strip().splitlines()
            return f"exit {r.returncode}" + (f": {lines[-1]}" if lines else "")
    return ""


def _has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def window_available() -> bool:
    return _has("magplan.gui.app") and _has("magplan.gui.main_window")


def print_available() -> bool:
    return _has("magplan.cli.print_cmd")
