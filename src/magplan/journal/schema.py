"""The journal's tables, built by named steps from one schema version to the next.

The version is SQLite's ``PRAGMA user_version``: 0 is an empty file, and each step of
:data:`MIGRATIONS` raises it by one, in one transaction with the version itself, so a step
killed half-way leaves the file as it was. Before a step changes an existing journal the
store copies the file aside (``<file>.v<N>.bak``, :mod:`magplan.journal.store`).

How versions change: a new table, column or index is a new step at the end (never an edit of
an old step: files made by it exist), the step's test migrates a file of the version before,
and :data:`CURRENT_VERSION` follows. A program refuses a journal of a later version than its
own, untouched.

Version 1: ``meta`` (``profile``, ``created_at``, ``ramp_start``), ``plan_versions``,
``dose_log``, ``checkins`` and ``side_effects``.

Version 2: ``suggestions`` (what the journal suggested to the person and what they decided),
and an index of check-ins by kind and day (the charts read one kind over the weeks).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from magplan.core.values import value

_DAY = "GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"
_TIME = "GLOB '[0-2][0-9]:[0-5][0-9]'"

V1_TABLES = (
    """CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    f"""CREATE TABLE plan_versions (
        id INTEGER PRIMARY KEY,
        starts_on TEXT NOT NULL UNIQUE CHECK (starts_on {_DAY}),
        plan_json TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT ''
    )""",
    f"""CREATE TABLE dose_log (
        day TEXT NOT NULL CHECK (day {_DAY}),
        planned_time TEXT NOT NULL CHECK (planned_time {_TIME}),
        status TEXT NOT NULL CHECK (status IN ('taken', 'skipped', 'moved')),
        taken_at TEXT CHECK (taken_at IS NULL OR taken_at {_TIME}),
        reason TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (day, planned_time),
        CHECK (status != 'moved' OR taken_at IS NOT NULL)
    )""",
    f"""CREATE TABLE checkins (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL CHECK (day {_DAY}),
        kind TEXT NOT NULL,
        answers TEXT NOT NULL,
        score REAL,
        recorded_at TEXT NOT NULL,
        UNIQUE (day, kind)
    )""",
    f"""CREATE TABLE side_effects (
        day TEXT NOT NULL CHECK (day {_DAY}),
        effect TEXT NOT NULL,
        PRIMARY KEY (day, effect)
    )""",
)

V2_SUGGESTIONS = (
    f"""CREATE TABLE suggestions (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL,
        week_start TEXT NOT NULL CHECK (week_start {_DAY}),
        made_on TEXT NOT NULL CHECK (made_on {_DAY}),
        status TEXT NOT NULL DEFAULT 'open'
            CHECK (status IN ('open', 'accepted', 'declined')),
        decided_on TEXT CHECK (decided_on IS NULL OR decided_on {_DAY}),
        UNIQUE (code, week_start)
    )""",
    "CREATE INDEX checkins_by_kind ON checkins (kind, day)",
)

V3_SUGGESTION_WORDS = (
    # what the suggestion said when it was made: its reason, the action that accepts it and its
    # sources, as JSON, so an accepted suggestion keeps its words after the plan has changed
    "ALTER TABLE suggestions ADD COLUMN said TEXT NOT NULL DEFAULT '{}'",
)


@value(kw_only=True, slots=True)
class Migration:
    """One step: the SQL that brings a journal of ``from_version`` to the next version."""

    name: str
    from_version: int
    statements: tuple[str, ...]

    @property
    def to_version(self) -> int:
        return self.from_version + 1


MIGRATIONS = (
    Migration(name="v0_to_v1", from_version=0, statements=V1_TABLES),
    Migration(name="v1_to_v2", from_version=1, statements=V2_SUGGESTIONS),
    Migration(name="v2_to_v3", from_version=2, statements=V3_SUGGESTION_WORDS),
)
CURRENT_VERSION = MIGRATIONS[-1].to_version


def user_version(conn: sqlite3.Connection) -> int:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    return int(version)


def migrate(
    conn: sqlite3.Connection,
    *,
    target: int = CURRENT_VERSION,
    before_step: Callable[[Migration], None] = lambda step: None,
) -> list[str]:
    """Run the steps from the journal's version up to ``target``; the names of those run.

    ``conn`` is in autocommit mode (``isolation_level=None``). ``before_step`` is called before
    each step (the store backs the file up there). Each step takes the write lock and reads the
    version again inside its transaction, so two programs opening one old journal at once run
    each step once.
    """
    done = []
    for step in MIGRATIONS:
        if step.to_version > target or user_version(conn) != step.from_version:
            continue
        before_step(step)
        if run_step(conn, step):
            done.append(step.name)
    return done


def run_step(conn: sqlite3.Connection, step: Migration) -> bool:
    """Run one step in one transaction; ``False`` when another program ran it first."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        if user_version(conn) != step.from_version:
            conn.execute("ROLLBACK")
            return False
        for statement in step.statements:
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {step.to_version:d}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return True
