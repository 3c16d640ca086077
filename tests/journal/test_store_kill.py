"""Fault injection: a journal killed (SIGKILL) at any moment keeps every write it finished,
whole, and none half-way.

Each run copies a version-1 journal and starts a writer process on it. The writer opens the
journal (so it backs it up and migrates it), then logs day after day: each day's doses in one
transaction, a check-in, and every fifth day a changed plan (a transaction of several rows). It
says on its output when each write has returned. After a random delay the writer is killed.
Then the journal must pass SQLite's integrity check, open (finishing a migration the kill
interrupted), hold every write the writer said was done, and hold nothing half: each day's
doses all or none, each row exactly as written, each plan version whole.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

import magplan
from magplan.journal import Journal
from magplan.journal.plan_record import fingerprint
from magplan.journal.schema import CURRENT_VERSION
from magplan.journal.store import backup_path
from tests.journal.year import clock_at, four_dose_plan, make_v1_journal

RUNS = 40
PARALLEL = 4
LONGEST_DELAY_S = 0.4
FIRST_DAY = date(2025, 6, 3)  # the version-1 journal has entries on 1 and 2 June

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")

WRITER = """
import json, sys
from datetime import date, datetime, timedelta
from pathlib import Path

from magplan.journal import Journal

path, plans_file = Path(sys.argv[1]), Path(sys.argv[2])
plans = json.loads(plans_file.read_text())
first = date.fromisoformat(sys.argv[3])
print("start", flush=True)
journal = Journal.open(path, "Anna K.", clock=lambda: datetime(2030, 1, 1, 12, 0))
print("open", flush=True)
for n in range(100_000):
    day = first + timedelta(days=n)
    with journal.transaction():
        for time in journal.day_plan(day).times:
            journal.log_dose(day, time, "taken", reason=f"day {n} " + "x" * (n % 200 + 1))
    print(f"doses {n}", flush=True)
    items = [(n + i) % 4 for i in range(8)]
    journal.add_checkin(day, "phq8", {"n": n, "items": items, "pad": "y" * 500}, sum(items))
    print(f"checkin {n}", flush=True)
    if n % 5 == 4:
        journal.record_plan(plans[(n // 5) % 2], day, reason=f"change {n}")
        print(f"plan {n}", flush=True)
"""


def _later_plan() -> dict[str, Any]:
    """The four-dose plan with its bedtime dose an hour earlier."""
    plan = four_dose_plan()
    for dose in [*plan["doses"], *(d for s in plan["ramp"] for d in s["doses"])]:
        if dose["time"] == "22:30":
            dose["time"] = "21:30"
    return plan


@dataclass
class Run:
    folder: Path
    delay_s: float
    said: list[str]
    stderr: str
    returncode: int


def _environment() -> dict[str, str]:
    source = str(Path(magplan.__file__).parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([source, env.get("PYTHONPATH", "")])
    return env


def _run_once(folder: Path, plans_file: Path, delay_s: float, env: dict[str, str]) -> Run:
    """Start a writer on the journal in ``folder``; kill it ``delay_s`` after it has started."""
    path = open_journal_path(folder)
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(plans_file), FIRST_DAY.isoformat()],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert writer.stdout is not None and writer.stderr is not None
    first = writer.stdout.readline()  # imports done: the kill lands in the writing itself
    time.sleep(delay_s)
    writer.send_signal(signal.SIGKILL)
    said = [line.strip() for line in (first + writer.stdout.read()).splitlines() if line.strip()]
    stderr = writer.stderr.read()
    writer.wait(30)
    return Run(folder, delay_s, said, stderr, writer.returncode)


def _opening_time(folder: Path, v1: Path, plans_file: Path, env: dict[str, str]) -> float:
    """How long a writer takes from its start to the journal open (backed up and migrated)."""
    path = open_journal_path(folder)
    path.parent.mkdir(parents=True)
    path.write_bytes(v1.read_bytes())
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(plans_file), FIRST_DAY.isoformat()],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "start"
    started = time.perf_counter()
    assert writer.stdout.readline().strip() == "open"
    opening_s = time.perf_counter() - started
    writer.kill()
    writer.communicate()
    return opening_s


def open_journal_path(folder: Path) -> Path:
    return folder / "data" / "journals" / "anna-k.sqlite3"


def _check_raw_file(path: Path, where: str) -> int:
    """SQLite's integrity check passes; the file's schema version."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], where
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def _check_whole(journal: Journal, said: list[str], where: str) -> dict[str, int]:
    """Every finished write is there, whole; every row there is whole. What was found."""
    done = {
        kind: {int(s.split()[1]) for s in said if s.startswith(kind + " ")}
        for kind in (
            "doses",
            "checkin",
            "plan",
        )
    }
    last = FIRST_DAY + timedelta(days=400)
    entries = journal.entries(FIRST_DAY, last)
    by_day: dict[date, list[str]] = {}
    for e in entries:
        n = (e.day - FIRST_DAY).days
        assert e.reason == f"day {n} " + "x" * (n % 200 + 1), where
        assert (e.status, e.recorded_at) == ("taken", "2030-01-01T12:00:00"), where
        by_day.setdefault(e.day, []).append(e.planned_time)
    for day, times in by_day.items():  # a day's doses: all of them or none
        plan = journal.day_plan(day)
        assert plan is not None and sorted(times) == sorted(plan.times), where
    logged = {(d - FIRST_DAY).days for d in by_day}
    assert done["doses"] <= logged, where
    checkins = journal.checkins(FIRST_DAY, last)
    for c in checkins:
        items = c.answers["items"]
        assert c.answers["pad"] == "y" * 500 and c.score == sum(items), where
        assert c.answers["n"] == (c.day - FIRST_DAY).days, where
    assert done["checkin"] <= {c.answers["n"] for c in checkins}, where
    versions = journal.plan_versions()
    for v in versions:
        assert v.fingerprint == fingerprint(v.plan_json), where
    changes = {int(v.reason.split()[1]) for v in versions if v.reason.startswith("change")}
    asked = {n for n in done["plan"] if n // 5 % 2 == 0}  # the other plans are the one in force
    assert asked <= changes, where
    return {"days": len(by_day), "checkins": len(checkins), "versions": len(versions)}


def _check_v1_rows(journal: Journal, where: str) -> None:
    kept = journal.entries(date(2025, 6, 1), date(2025, 6, 2))
    assert [(e.planned_time, e.status) for e in kept] == [
        ("07:30", "taken"),
        ("12:30", "skipped"),
        ("07:30", "moved"),
    ], where


def test_killed_writers_leave_a_whole_journal(tmp_path: Path) -> None:
    seed = int(os.environ.get("MAGPLAN_KILL_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    plans_file = tmp_path / "plans.json"
    plans_file.write_text(json.dumps([_later_plan(), four_dose_plan()]))
    template = tmp_path / "template"
    v1 = make_v1_journal(template)
    folders = [tmp_path / f"run{i:02d}" for i in range(RUNS)]
    for folder in folders:
        target = open_journal_path(folder)
        target.parent.mkdir(parents=True)
        target.write_bytes(v1.read_bytes())
    env = _environment()
    opening_s = _opening_time(tmp_path / "calibration", v1, plans_file, env)
    # half the kills land while the journal is opened (backed up, migrated), half later
    delays = [
        rng.uniform(0, 1.5 * opening_s) if i % 2 else rng.uniform(0, LONGEST_DELAY_S)
        for i in range(RUNS)
    ]
    started = time.monotonic()
    with ThreadPoolExecutor(PARALLEL) as pool:
        runs = list(pool.map(lambda f, d: _run_once(f, plans_file, d, env), folders, delays))
    elapsed = time.monotonic() - started

    phases = {"opening": 0, "writing": 0}
    found = {"days": 0, "checkins": 0, "versions": 0}
    migrated = 0
    for run in runs:
        where = f"{run.folder.name} (seed {seed}, killed after {run.delay_s * 1000:.0f} ms)"
        assert run.returncode == -signal.SIGKILL, f"{where}: {run.stderr}"
        said = run.said
        phases["writing" if "open" in said else "opening"] += 1
        path = open_journal_path(run.folder)
        version = _check_raw_file(path, where)
        if version >= 2:  # migrated: never without the backup of each step before
            assert _check_raw_file(backup_path(path, 1), where) == 1, where
        if version >= 3:
            assert _check_raw_file(backup_path(path, 2), where) == 2, where
        migrated += version >= 2
        with Journal.open(path, "Anna K.", clock=clock_at(date(2030, 1, 1))) as journal:
            assert journal.schema_version == CURRENT_VERSION, where
            _check_v1_rows(journal, where)
            for key, count in _check_whole(journal, said, where).items():
                found[key] += count
    print(
        f"\n{RUNS} killed writers in {elapsed:.1f} s (seed {seed}; opening takes"
        f" {opening_s * 1000:.1f} ms): {phases['opening']} killed"
        f" while opening ({RUNS - migrated} before the migration was committed),"
        f" {phases['writing']} while writing; found {found['days']} days of"
        f" doses, {found['checkins']} check-ins, {found['versions']} plan versions, all whole"
    )
