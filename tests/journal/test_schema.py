"""The journal's schema steps: a version-1 journal, as the first version of the program made
it, is backed up and brought to the current version with everything in it kept."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest

from magplan.journal import JournalError
from magplan.journal.schema import (
    CURRENT_VERSION,
    MIGRATIONS,
    Migration,
    migrate,
    run_step,
    user_version,
)
from magplan.journal.store import backup_path
from tests.journal.year import four_dose_plan, make_v1_journal, open_journal

TODAY = date(2025, 6, 30)


def _shape(path: Path) -> dict[str, object]:
    """Each table's and index's columns, and the version: what a step changes."""
    conn = sqlite3.connect(path)
    try:
        names = conn.execute(
            "SELECT type, name, tbl_name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'"
            " ORDER BY name"
        ).fetchall()
        shape: dict[str, object] = {"version": user_version(conn)}
        for kind, name, table in names:
            pragma = "table_info" if kind == "table" else "index_info"
            shape[f"{kind} {name} on {table}"] = conn.execute(f"PRAGMA {pragma}({name})").fetchall()
        return shape
    finally:
        conn.close()


def test_the_steps_are_named_and_follow_each_other() -> None:
    assert [m.name for m in MIGRATIONS] == ["v0_to_v1", "v1_to_v2", "v2_to_v3"]
    assert [m.from_version for m in MIGRATIONS] == list(range(len(MIGRATIONS)))
    assert CURRENT_VERSION == 3


def test_the_first_step_makes_the_version_1_journal(tmp_path: Path) -> None:
    kept = _shape(make_v1_journal(tmp_path))
    made = tmp_path / "made.sqlite3"
    conn = sqlite3.connect(made, isolation_level=None)
    assert migrate(conn, target=1) == ["v0_to_v1"]
    conn.close()
    assert _shape(made) == kept


def test_a_version_1_journal_is_backed_up_then_migrated(tmp_path: Path) -> None:
    path = make_v1_journal(tmp_path)
    before = _shape(path)
    with open_journal(tmp_path, today=TODAY) as j:
        assert j.schema_version == 3
        entries = j.entries(date(2025, 6, 1), TODAY)
        assert [(e.day.day, e.planned_time, e.status, e.taken_at, e.reason) for e in entries] == [
            (1, "07:30", "taken", None, ""),
            (1, "12:30", "skipped", None, "forgot"),
            (2, "07:30", "moved", "09:10", ""),
        ]
        (checkin,) = j.checkins(date(2025, 6, 1), TODAY)
        assert checkin.score == 6 and checkin.answers["items"][2] == 2
        assert [s.effect for s in j.side_effects(date(2025, 6, 1), TODAY)] == ["loose_stools"]
        assert j.ramp_start == date(2025, 6, 1) and j.created_at == "2025-06-01T09:00:00"
        assert j.record_plan(four_dose_plan(), TODAY) is None  # the same plan
        suggestion = j.add_suggestion("hold_step", date(2025, 6, 2), TODAY)  # the new table
        assert suggestion.status == "open"
    after = _shape(path)
    assert after["version"] == 3 and "table suggestions on suggestions" in after
    assert "index checkins_by_kind on checkins" in after
    with open_journal(tmp_path / "new") as new:
        assert after == _shape(new.path)  # v1 -> v3 gives what v0 -> ... -> v3 does

    backup = backup_path(path, 1)
    assert backup.name == "anna-k.sqlite3.v1.bak"
    assert _shape(backup) == before
    assert stat.S_IMODE(os.stat(backup).st_mode) == 0o600
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT COUNT(*) FROM dose_log").fetchone()[0] == 3
    conn.close()


def test_a_current_journal_is_not_backed_up_again(tmp_path: Path) -> None:
    path = make_v1_journal(tmp_path)
    open_journal(tmp_path).close()
    backup = backup_path(path, 1)
    stamp = backup.stat().st_mtime_ns
    open_journal(tmp_path).close()
    assert backup.stat().st_mtime_ns == stamp
    assert sorted(p.name for p in path.parent.glob("*.bak")) == [
        backup.name,
        backup_path(path, 2).name,  # one backup before each step
    ]


def test_a_journal_that_cannot_be_backed_up_is_not_migrated(tmp_path: Path) -> None:
    path = make_v1_journal(tmp_path)
    backup_path(path, 1).mkdir()
    before = path.read_bytes()
    with pytest.raises(
        JournalError,
        match=r"Cannot back up the journal .* is a folder; the journal is left as it is",
    ):
        open_journal(tmp_path)
    conn = sqlite3.connect(path)
    assert user_version(conn) == 1
    conn.close()
    assert path.read_bytes() == before


def test_a_step_that_fails_leaves_the_journal_as_it_was(tmp_path: Path) -> None:
    path = make_v1_journal(tmp_path)
    conn = sqlite3.connect(path, isolation_level=None)
    broken = Migration(
        name="v1_to_v2",
        from_version=1,
        statements=(MIGRATIONS[1].statements[0], "CREATE TABLE meta (key TEXT)"),
    )
    with pytest.raises(sqlite3.OperationalError, match="already exists"):
        run_step(conn, broken)
    assert not conn.in_transaction
    assert user_version(conn) == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}
    assert "suggestions" not in tables
    conn.close()


def test_a_step_another_program_ran_first_is_not_run_again(tmp_path: Path) -> None:
    path = make_v1_journal(tmp_path)
    first = sqlite3.connect(path, isolation_level=None)
    second = sqlite3.connect(path, isolation_level=None)
    assert run_step(first, MIGRATIONS[1]) is True
    assert run_step(second, MIGRATIONS[1]) is False  # read again inside its transaction
    assert user_version(second) == 2  # that step's version; the next step is its own
    first.close()
    second.close()


def test_a_version_2_suggestion_keeps_its_decision_and_gains_room_for_its_words(
    tmp_path: Path,
) -> None:
    """v2 -> v3: a suggestion kept before its words were kept reads back with none; a new one
    keeps what it said."""
    path = make_v1_journal(tmp_path)
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=2)
    conn.execute(
        "INSERT INTO suggestions (code, week_start, made_on, status, decided_on)"
        " VALUES ('hold_step', '2025-06-02', '2025-06-09', 'accepted', '2025-06-09')"
    )
    conn.close()
    with open_journal(tmp_path, today=TODAY) as j:
        assert j.schema_version == 3
        (old,) = j.suggestions()
        assert (old.code, old.status, old.said) == ("hold_step", "accepted", {})
        new = j.add_suggestion(
            "low_adherence",
            date(2025, 6, 9),
            TODAY,
            {"reason": "In the week from ...", "sources": ["ADHERENCE"]},
        )
        assert new.said["sources"] == ["ADHERENCE"]
    assert backup_path(path, 2).exists()
