"""Journals full of realistic data, for tests, benchmarks and screenshots.

``make_year(journal)`` fills a journal with a year of a four-dose plan: 1,460 dose entries
(mostly taken, some taken late, some skipped with a reason), a weekly PHQ-8 whose score falls
over the months, and loose stools now and then. ``make_year(journal, days=35,
after_ramp=False)`` gives five weeks from the first day of the start-low ramp instead.

The data are drawn from a seeded random generator: the same arguments give the same journal.
"""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from magplan.core.knowledge import load_knowledge
from magplan.core.planner import plan_day
from magplan.core.request import PlanRequest
from magplan.journal import Journal, journal_path
from magplan.journal.plan_record import plan_json

TODAY = date(2025, 6, 30)
SKIP_REASONS = ("forgot", "away from home", "felt sick", "ran out")
RAMP_DAYS = 21  # the four-dose plan's ramp is three weeks


def clock_at(day: date, hour: int = 12, minute: int = 0) -> Callable[[], datetime]:
    """A clock that always says ``day`` at ``hour:minute``."""
    moment = datetime.combine(day, time(hour, minute))
    return lambda: moment


def four_dose_plan() -> dict[str, Any]:
    """The planner's four-dose plan (repletion, 500 mg: citrate at 07:30, 12:30, 18:30 and
    22:30, reached over a three-week ramp), as the journal keeps it."""
    return plan_json(plan_day(PlanRequest(goals=("repletion",), target_mg=500), load_knowledge()))


def open_journal(folder: Path, today: date = TODAY, name: str = "Anna K.") -> Journal:
    """A journal of its own in ``folder``'s data folder, whose clock says ``today`` at noon."""
    path = journal_path(folder / "data" / "profiles", "anna-k")
    return Journal.open(path, name, clock=clock_at(today))


@dataclass(frozen=True)
class Year:
    """What :func:`make_year` wrote."""

    first_day: date  # the first day with entries
    last_day: date
    ramp_start: date
    doses_logged: int
    checkins: int
    side_effect_days: int


def make_year(
    journal: Journal,
    *,
    end: date | None = None,
    days: int = 365,
    plan: Mapping[str, Any] | None = None,
    after_ramp: bool = True,
    seed: int = 15,
    taken_share: float = 0.9,
    moved_share: float = 0.04,
    unrecorded_share: float = 0.0,
) -> Year:
    """Fill ``journal`` with ``days`` days of data ending ``end`` (yesterday by the journal's
    clock), in one transaction.

    The plan (:func:`four_dose_plan` unless given) is recorded ``RAMP_DAYS`` before the first
    day when ``after_ramp`` (so every day has all four doses), else on the first day. Each
    planned dose is taken (``taken_share``), taken 40 minutes late (``moved_share``), not
    recorded (``unrecorded_share``) or else skipped with a reason. A PHQ-8 is answered on the
    last day of each week (52 in a year); loose stools are noted on about one day in twenty.
    """
    rng = random.Random(seed)
    last = end or journal.today() - timedelta(days=1)
    first = last - timedelta(days=days - 1)
    start = first - timedelta(days=RAMP_DAYS) if after_ramp else first
    logged = checkins = loose = 0
    with journal.transaction():
        journal.record_plan(plan or four_dose_plan(), start, reason="first plan")
        for offset in range(days):
            day = first + timedelta(days=offset)
            logged += _log_day(journal, day, rng, taken_share, moved_share, unrecorded_share)
            if offset % 7 == 6:
                _phq8(journal, day, offset / max(days - 1, 1), rng)
                checkins += 1
            if rng.random() < 0.05:
                journal.add_side_effect(day, "loose_stools")
                loose += 1
    assert journal.ramp_start is not None
    return Year(first, last, journal.ramp_start, logged, checkins, loose)


def _log_day(
    journal: Journal, day: date, rng: random.Random, taken: float, moved: float, unrecorded: float
) -> int:
    plan = journal.day_plan(day)
    assert plan is not None
    logged = 0
    for dose in plan.doses:
        draw = rng.random()
        if draw < taken:
            journal.log_dose(day, dose.time, "taken")
        elif draw < taken + moved:
            journal.log_dose(day, dose.time, "moved", taken_at=_later(dose.time, 40))
        elif draw < taken + moved + unrecorded:
            continue
        else:
            journal.log_dose(day, dose.time, "skipped", reason=rng.choice(SKIP_REASONS))
        logged += 1
    return logged


def _later(hhmm: str, minutes: int) -> str:
    total = (int(hhmm[:2]) * 60 + int(hhmm[3:]) + minutes) % (24 * 60)
    return f"{total // 60:02d}:{total % 60:02d}"


def _phq8(journal: Journal, day: date, progress: float, rng: random.Random) -> None:
    """A PHQ-8 whose items ease from about 2 to about 0.5 over the stretch of days."""
    level = 2.0 - 1.5 * progress
    items = [max(0, min(3, round(rng.gauss(level, 0.6)))) for _ in range(8)]
    journal.add_checkin(day, "phq8", {"items": items}, float(sum(items)))


# A version-1 journal as the program that wrote version 1 made it (kept here as it was, so a
# later edit of the v0_to_v1 step cannot hide a change from the schema tests).
V1_JOURNAL = """
PRAGMA journal_mode = WAL;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE plan_versions (
    id INTEGER PRIMARY KEY,
    starts_on TEXT NOT NULL UNIQUE
        CHECK (starts_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    plan_json TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT ''
);
CREATE TABLE dose_log (
    day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    planned_time TEXT NOT NULL CHECK (planned_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    status TEXT NOT NULL CHECK (status IN ('taken', 'skipped', 'moved')),
    taken_at TEXT CHECK (taken_at IS NULL OR taken_at GLOB '[0-2][0-9]:[0-5][0-9]'),
    reason TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (day, planned_time),
    CHECK (status != 'moved' OR taken_at IS NOT NULL)
);
CREATE TABLE checkins (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    kind TEXT NOT NULL,
    answers TEXT NOT NULL,
    score REAL,
    recorded_at TEXT NOT NULL,
    UNIQUE (day, kind)
);
CREATE TABLE side_effects (
    day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    effect TEXT NOT NULL,
    PRIMARY KEY (day, effect)
);
INSERT INTO meta VALUES ('profile', 'Anna K.'), ('created_at', '2025-06-01T09:00:00'),
    ('ramp_start', '2025-06-01');
INSERT INTO dose_log VALUES ('2025-06-01', '07:30', 'taken', NULL, '', '2025-06-01T07:35:00'),
    ('2025-06-01', '12:30', 'skipped', NULL, 'forgot', '2025-06-01T20:00:00'),
    ('2025-06-02', '07:30', 'moved', '09:10', '', '2025-06-02T09:12:00');
INSERT INTO checkins (day, kind, answers, score, recorded_at)
    VALUES ('2025-06-01', 'phq8', '{"items": [1, 1, 2, 0, 1, 0, 1, 0]}', 6, '2025-06-01T21:00:00');
INSERT INTO side_effects VALUES ('2025-06-02', 'loose_stools');
PRAGMA user_version = 1;
"""


def make_v1_journal(folder: Path) -> Path:
    """A version-1 journal in ``folder``'s data folder (where :func:`open_journal` opens one):
    the four-dose plan from 2025-06-01, three dose entries, a PHQ-8 and a side effect."""
    path = journal_path(folder / "data" / "profiles", "anna-k")
    path.parent.mkdir(parents=True)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(V1_JOURNAL)
    with open_journal(folder / "scratch") as scratch:  # the plan as the journal writes it
        version = scratch.record_plan(four_dose_plan(), date(2025, 6, 1))
    assert version is not None
    conn.execute(
        "INSERT INTO plan_versions (starts_on, plan_json, fingerprint) VALUES (?, ?, ?)",
        ("2025-06-01", json.dumps(version.plan_json), version.fingerprint),
    )
    conn.close()
    return path
