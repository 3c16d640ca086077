"""The journal's file and its writes and reads: one SQLite file per profile, kept safe."""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

import magplan.journal
from magplan.journal import Journal, JournalError, journal_path
from magplan.journal.plan_record import plan_json
from magplan.journal.schema import CURRENT_VERSION
from tests.core.helpers import meds, plan
from tests.journal.year import TODAY, clock_at, four_dose_plan, open_journal

FULL_TIMES = ("07:30", "12:30", "18:30", "22:30")
DAY = timedelta(days=1)


@pytest.fixture
def journal(tmp_path: Path) -> Any:
    with open_journal(tmp_path) as j:
        yield j


@pytest.fixture
def planned(journal: Journal) -> Journal:
    """A journal whose four-dose plan started 30 days before today (ramp over)."""
    journal.record_plan(four_dose_plan(), TODAY - 30 * DAY)
    return journal


def _other_plan() -> dict[str, Any]:
    plan = four_dose_plan()
    plan["doses"][3]["time"] = "21:30"
    for step in plan["ramp"]:
        for dose in step["doses"]:
            if dose["time"] == "22:30":
                dose["time"] = "21:30"
    return plan


# -- opening ------------------------------------------------------------------------------


def test_journal_path_is_beside_the_profiles_folder(tmp_path: Path) -> None:
    profiles = tmp_path / "data" / "profiles"
    assert journal_path(profiles, "anna-k") == tmp_path / "data" / "journals" / "anna-k.sqlite3"
    for bad in ("", ".", "..", "a/b", "a\\b", "a\0b"):
        with pytest.raises(ValueError):
            journal_path(profiles, bad)


def test_a_new_journal_is_made_private_in_wal_mode(tmp_path: Path) -> None:
    with open_journal(tmp_path) as j:
        assert j.path.is_file()
        assert stat.S_IMODE(os.stat(j.path).st_mode) == 0o600
        assert stat.S_IMODE(os.stat(j.path.parent).st_mode) == 0o700
        conn = j._conn  # the connection's own settings
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
        assert j.schema_version == CURRENT_VERSION
        assert j.profile_name == "Anna K."
        assert j.created_at == "2025-06-30T12:00:00"
        assert j.ramp_start is None
    assert sorted(p.name for p in j.path.parent.iterdir()) == ["anna-k.sqlite3"]  # no backup


def test_reopening_keeps_everything_and_the_name_as_typed_now(tmp_path: Path) -> None:
    with open_journal(tmp_path) as j:
        j.record_plan(four_dose_plan(), TODAY)
        j.log_dose(TODAY, "07:30", "taken")
    with open_journal(tmp_path, name="Anna Karenina") as j:
        assert [e.planned_time for e in j.entries(TODAY, TODAY)] == ["07:30"]
        assert j.profile_name == "Anna Karenina"
        assert j.created_at == "2025-06-30T12:00:00"
        assert j.ramp_start == TODAY


def test_a_blank_profile_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(JournalError):
        open_journal(tmp_path, name="  ")


def _target(tmp_path: Path) -> Path:
    path = journal_path(tmp_path / "data" / "profiles", "anna-k")
    path.parent.mkdir(parents=True)
    return path


def test_a_folder_at_the_journals_path_is_refused(tmp_path: Path) -> None:
    path = _target(tmp_path)
    path.mkdir()
    with pytest.raises(JournalError, match="it is a folder") as caught:
        open_journal(tmp_path)
    assert str(path) in str(caught.value)
    assert path.is_dir() and not any(path.iterdir())


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    path = _target(tmp_path)
    os.mkfifo(path)
    with pytest.raises(JournalError, match="named pipe"):
        open_journal(tmp_path)
    assert stat.S_ISFIFO(os.lstat(path).st_mode)


def test_a_symbolic_link_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    with open_journal(elsewhere) as j:
        j.record_plan(four_dose_plan(), TODAY)
    real = j.path
    before = real.read_bytes()
    path = _target(tmp_path)
    path.symlink_to(real)
    with pytest.raises(JournalError, match="symbolic link"):
        open_journal(tmp_path)
    assert real.read_bytes() == before
    assert path.is_symlink()


def test_a_link_at_the_wal_files_name_is_refused(tmp_path: Path) -> None:
    with open_journal(tmp_path) as j:
        path = j.path
    wal = path.with_name(path.name + "-wal")
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    wal.symlink_to(victim)
    with pytest.raises(JournalError, match="symbolic link"):
        open_journal(tmp_path)
    assert victim.read_text() == "keep me"


def _one_line(error: JournalError) -> str:
    text = str(error)
    assert "\n" not in text
    return text


def test_a_newer_journal_is_refused_untouched(tmp_path: Path) -> None:
    with open_journal(tmp_path) as j:
        j.record_plan(four_dose_plan(), TODAY)
        path = j.path
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(JournalError) as caught:
        open_journal(tmp_path)
    text = _one_line(caught.value)
    assert str(path) in text and "newer version" in text
    assert caught.value.path == path
    assert path.read_bytes() == before
    assert not list(path.parent.glob("*.bak"))


def _damaged_cases(path: Path, good: bytes) -> dict[str, bytes]:
    """Files that are not a readable journal, made from a good one's bytes."""
    random_bytes = bytes((i * 7919 + 13) % 256 for i in range(len(good)))
    page = 4096
    scrambled = bytearray(good)
    # page 2 onwards holds the tables: overwrite a b-tree page's cell pointers
    for i in range(page + 8, page + 64):
        scrambled[i] = 0xFF
    return {
        "random bytes": random_bytes,
        "truncated": good[: len(good) // 2],
        "header only": good[:100],
        "short": b"SQLite format 3\x00\x10",
        "scrambled page": bytes(scrambled),
    }


def test_a_damaged_journal_is_reported_and_kept_byte_for_byte(tmp_path: Path) -> None:
    with open_journal(tmp_path) as j:
        j.record_plan(four_dose_plan(), TODAY - 5 * DAY)
        for day in range(5):
            for time in FULL_TIMES[:2]:
                j.log_dose(TODAY - day * DAY, time, "taken", reason="x" * 300)
        path = j.path
    good = path.read_bytes()
    assert len(good) > 4 * 4096
    for name, content in _damaged_cases(path, good).items():
        folder = tmp_path / name.replace(" ", "-")
        damaged = _target(folder)
        damaged.write_bytes(content)
        with pytest.raises(JournalError) as caught:
            open_journal(folder)
        text = _one_line(caught.value)
        assert str(damaged) in text and "is damaged" in text and "left as it is" in text, name
        if name == "scrambled page":  # SQLite finds it on reading the schema or in its check
            assert "integrity check says On tree page 2" in text or "malformed" in text
        assert damaged.read_bytes() == content, name
        assert sorted(p.name for p in damaged.parent.iterdir()) == [damaged.name], name


def test_a_database_of_something_else_is_not_taken_for_a_journal(tmp_path: Path) -> None:
    path = _target(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(JournalError, match="not a Magnesium Planner journal"):
        open_journal(tmp_path)
    assert path.read_bytes() == before


def test_an_empty_file_becomes_a_journal(tmp_path: Path) -> None:
    path = _target(tmp_path)
    path.write_bytes(b"")  # a journal killed while it was being made
    with open_journal(tmp_path) as j:
        assert j.schema_version == CURRENT_VERSION


def test_journal_loads_no_qt_and_no_pydantic() -> None:
    code = (
        "import sys, datetime, pathlib, tempfile; "
        "from magplan.journal import Journal, journal_path; "
        "from magplan.journal import adherence, plan_record; "
        "d = pathlib.Path(tempfile.mkdtemp()); "
        "j = Journal.open(journal_path(d / 'profiles', 'a'), 'A'); "
        "adherence.summary(j, datetime.date(2025, 1, 1), datetime.date(2025, 1, 31),"
        " datetime.date(2025, 1, 31)); j.close(); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'PySide6', 'shiboken6', 'pydantic', 'pydantic_core', 'platformdirs'}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    package = Path(magplan.journal.__file__).parent
    for source in package.glob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import) (PySide6|shiboken6|pydantic)", text, re.M), source


# -- the plan -----------------------------------------------------------------------------


def test_the_first_plan_starts_today_and_sets_the_ramp_start(journal: Journal) -> None:
    version = journal.record_plan(four_dose_plan(), TODAY, reason="first plan")
    assert version is not None
    assert version.starts_on == TODAY and version.reason == "first plan"
    assert journal.ramp_start == TODAY
    assert journal.plan_versions() == (version,)


def test_the_same_plan_again_records_nothing(planned: Journal) -> None:
    assert planned.record_plan(four_dose_plan(), TODAY) is None
    again = four_dose_plan()
    again["headline"] = "worded otherwise"
    again["daily_mg"] = int(again["daily_mg"])  # 500, not 500.0
    assert planned.record_plan(again, TODAY) is None
    assert len(planned.plan_versions()) == 1


def test_a_changed_plan_starts_today_when_nothing_is_logged_today(planned: Journal) -> None:
    planned.log_dose(TODAY - DAY, "22:30", "taken")
    version = planned.record_plan(_other_plan(), TODAY, reason="earlier bedtime")
    assert version is not None and version.starts_on == TODAY
    day_plan = planned.day_plan(TODAY)
    assert day_plan is not None and day_plan.times == ("07:30", "12:30", "18:30", "21:30")
    yesterday = planned.day_plan(TODAY - DAY)
    assert yesterday is not None and yesterday.times == FULL_TIMES  # history is kept
    assert planned.ramp_start == TODAY - 30 * DAY  # the ramp is not started again


def test_a_changed_plan_starts_tomorrow_once_today_is_logged(planned: Journal) -> None:
    planned.log_dose(TODAY, "07:30", "taken")
    version = planned.record_plan(_other_plan(), TODAY)
    assert version is not None and version.starts_on == TODAY + DAY
    today = planned.day_plan(TODAY)
    assert today is not None and today.times == FULL_TIMES
    tomorrow = planned.day_plan(TODAY + DAY)
    assert tomorrow is not None and "21:30" in tomorrow.times


def test_a_plan_waiting_for_tomorrow_is_replaced_or_withdrawn(planned: Journal) -> None:
    planned.log_dose(TODAY, "07:30", "taken")
    planned.record_plan(_other_plan(), TODAY)
    third = _other_plan()
    third["doses"][0]["time"] = "08:00"
    third["ramp"][0]["doses"][0]["time"] = "08:00"
    for step in third["ramp"]:
        for dose in step["doses"]:
            if dose["time"] == "07:30":
                dose["time"] = "08:00"
    replaced = planned.record_plan(third, TODAY)
    assert replaced is not None and replaced.starts_on == TODAY + DAY
    assert [v.starts_on for v in planned.plan_versions()] == [TODAY - 30 * DAY, TODAY + DAY]
    # back to the plan in force: the waiting one is withdrawn
    assert planned.record_plan(four_dose_plan(), TODAY) is None
    assert [v.starts_on for v in planned.plan_versions()] == [TODAY - 30 * DAY]


def test_a_plan_recorded_with_an_earlier_today_never_covers_logged_days(
    planned: Journal,
) -> None:
    planned.log_dose(TODAY, "07:30", "taken")
    version = planned.record_plan(_other_plan(), TODAY - 10 * DAY)  # a clock set back
    assert version is not None and version.starts_on == TODAY + DAY


def test_a_plan_not_in_the_journals_format_is_refused(journal: Journal) -> None:
    bad = four_dose_plan()
    bad["doses"][0]["time"] = "7:30"
    with pytest.raises(JournalError, match="cannot be recorded"):
        journal.record_plan(bad, TODAY)
    assert journal.plan_versions() == ()


def test_a_days_plan_follows_the_ramp_week(journal: Journal) -> None:
    journal.record_plan(four_dose_plan(), TODAY - 20 * DAY)
    weeks = [journal.day_plan(TODAY - 20 * DAY + n * 7 * DAY) for n in range(4)]
    assert [p.ramp_week for p in weeks if p] == [1, 2, 3, 4]
    assert [p.ramp_step for p in weeks if p] == [1, 2, 3, None]
    first, second, third, _ = weeks
    assert first is not None and first.times == ("07:30", "12:30") and first.daily_mg == 170
    assert first.in_ramp and first.ramp_step == 1 and first.ramp_weeks == 3
    assert second is not None and second.times == ("07:30", "12:30", "18:30")
    assert [d.mg for d in second.doses] == [125, 125, 85]
    assert third is not None and third.times == FULL_TIMES and not third.in_ramp
    after = journal.day_plan(TODAY + 100 * DAY)  # weeks after the last step: the full doses
    assert after is not None and after.ramp_step is None and after.times == FULL_TIMES
    assert after.daily_mg == 500 and after.doses[0].form == "citrate"
    assert journal.day_plan(TODAY - 21 * DAY) is None  # before the first plan


def test_a_weekday_medicine_moves_the_doses_on_its_days(journal: Journal) -> None:
    alendronate = plan(goals=("cramps",), medicines=meds("alendronate@07:00/mon"))
    monday = date(2025, 6, 2)
    journal.record_plan(plan_json(alendronate), monday - 28 * DAY)
    on_monday, on_tuesday = journal.day_plan(monday), journal.day_plan(monday + DAY)
    assert on_tuesday is not None and on_tuesday.times == ("07:30", "12:30", "18:30")
    assert on_monday is not None and on_monday.times == ("12:30", "18:30", "22:30")
    journal.log_dose(monday, "22:30", "taken")
    with pytest.raises(JournalError, match="12:30, 18:30, 22:30"):
        journal.log_dose(monday, "07:30", "taken")


# -- doses --------------------------------------------------------------------------------


def test_logging_and_correcting_a_dose(planned: Journal) -> None:
    day = TODAY - 2 * DAY
    planned.log_dose(day, "07:30", "skipped", reason="  forgot \n it ")
    entry = planned.log_dose(day, "12:30", "moved", taken_at="14:05")
    assert entry.taken and entry.taken_at == "14:05"
    corrected = planned.log_dose(day, "07:30", "taken", taken_at="07:40")
    assert corrected.recorded_at == "2025-06-30T12:00:00"
    entries = planned.entries(day, day)
    assert [(e.planned_time, e.status, e.taken_at, e.reason) for e in entries] == [
        ("07:30", "taken", "07:40", ""),
        ("12:30", "moved", "14:05", ""),
    ]
    planned.log_dose(day, "18:30", "skipped", reason="  forgot \n it ")
    assert planned.entries(day, day)[-1].reason == "forgot it"
    assert planned.remove_dose(day, "07:30") is True
    assert planned.remove_dose(day, "07:30") is False
    assert [e.planned_time for e in planned.entries(day, day)] == ["12:30", "18:30"]


def test_a_time_that_is_not_a_dose_that_day_names_the_days_doses(journal: Journal) -> None:
    journal.record_plan(four_dose_plan(), TODAY)  # ramp week 1: two doses
    with pytest.raises(JournalError) as caught:
        journal.log_dose(TODAY, "18:30", "taken")
    assert str(caught.value) == (
        "18:30 is not a dose on 2025-06-30: the doses that day are at 07:30, 12:30."
    )
    assert journal.entries(TODAY, TODAY) == ()


@pytest.mark.parametrize(
    ("status", "taken_at", "reason", "message"),
    [
        ("moved", None, "", "needs the time it was taken"),
        ("eaten", None, "", "not 'eaten'"),
        ("taken", "7:30", "", "not a time"),
        ("taken", "24:00", "", "not a time"),
        ("skipped", "08:00", "", "no time it was taken"),
        ("skipped", None, "x" * 501, "500 characters"),
    ],
)
def test_a_dose_entry_that_does_not_make_sense_is_refused(
    planned: Journal, status: str, taken_at: str | None, reason: str, message: str
) -> None:
    with pytest.raises(JournalError, match=message):
        planned.log_dose(TODAY, "07:30", status, taken_at=taken_at, reason=reason)
    assert planned.entries(TODAY, TODAY) == ()


def test_days_before_the_plan_or_after_today_cannot_be_logged(
    journal: Journal,
) -> None:
    with pytest.raises(JournalError, match="No plan is recorded"):
        journal.log_dose(TODAY, "07:30", "taken")
    journal.record_plan(four_dose_plan(), TODAY - 3 * DAY)
    with pytest.raises(JournalError, match="before the plan started"):
        journal.log_dose(TODAY - 4 * DAY, "07:30", "taken")
    with pytest.raises(JournalError, match="after today"):
        journal.log_dose(TODAY + DAY, "07:30", "taken")
    assert journal.entries(TODAY - 10 * DAY, TODAY + 10 * DAY) == ()


def test_days_give_each_planned_dose_its_status(planned: Journal) -> None:
    day = TODAY - DAY
    planned.log_dose(day, "07:30", "taken")
    planned.log_dose(day, "22:30", "skipped", reason="away")
    days = planned.days(day, TODAY)
    assert [d.day for d in days] == [day, TODAY]
    assert [(d.planned.time, d.status) for d in days[0].doses] == [
        ("07:30", "taken"),
        ("12:30", None),
        ("18:30", None),
        ("22:30", "skipped"),
    ]
    assert days[0].plan is not None and days[0].plan.daily_mg == 500
    assert all(d.status is None for d in days[1].doses)
    assert planned.days(TODAY, day) == ()
    early = planned.days(TODAY - 32 * DAY, TODAY - 30 * DAY)
    assert [d.plan is None for d in early] == [True, True, False]


def test_an_entry_for_a_time_the_plan_does_not_have_is_shown_apart(planned: Journal) -> None:
    planned._conn.execute(  # as a file changed by hand would have it
        "INSERT INTO dose_log VALUES ('2025-06-29', '09:00', 'taken', NULL, '', 'x')"
    )
    (day,) = planned.days(TODAY - DAY, TODAY - DAY)
    assert [e.planned_time for e in day.unplanned] == ["09:00"]
    assert len(day.doses) == 4


def test_a_transaction_keeps_all_its_writes_or_none(planned: Journal) -> None:
    with pytest.raises(JournalError), planned.transaction():
        planned.log_dose(TODAY, "07:30", "taken")
        planned.add_side_effect(TODAY, "nausea")
        planned.log_dose(TODAY, "09:99", "taken")
    assert planned.entries(TODAY, TODAY) == () and planned.side_effects(TODAY, TODAY) == ()
    with planned.transaction():
        planned.log_dose(TODAY, "07:30", "taken")
        planned.add_side_effect(TODAY, "nausea")
    assert len(planned.entries(TODAY, TODAY)) == 1
    assert len(planned.side_effects(TODAY, TODAY)) == 1


def test_two_programs_share_one_journal(planned: Journal, tmp_path: Path) -> None:
    with open_journal(tmp_path) as other:
        other.log_dose(TODAY, "07:30", "taken")
        planned.log_dose(TODAY, "12:30", "taken")
        assert [e.planned_time for e in other.entries(TODAY, TODAY)] == ["07:30", "12:30"]
        assert [e.planned_time for e in planned.entries(TODAY, TODAY)] == ["07:30", "12:30"]
        other.record_plan(_other_plan(), TODAY)
        tomorrow = planned.day_plan(TODAY + DAY)
        assert tomorrow is not None and "21:30" in tomorrow.times


# -- check-ins and side effects -----------------------------------------------------------


def test_a_checkin_of_the_same_kind_that_day_replaces_the_first(journal: Journal) -> None:
    first = journal.add_checkin(TODAY, "phq8", {"items": [1] * 8}, 8.0)
    second = journal.add_checkin(TODAY, "phq8", {"items": [0] * 8}, 0.0)
    journal.add_checkin(TODAY, "sleep", {"latency_min": 20, "hours": 6.5}, None)
    journal.add_checkin(TODAY - 7 * DAY, "phq8", {"items": [2] * 8}, 16)
    assert second.id == first.id
    all_kinds = journal.checkins(TODAY - 7 * DAY, TODAY)
    assert [(c.day, c.kind, c.score) for c in all_kinds] == [
        (TODAY - 7 * DAY, "phq8", 16.0),
        (TODAY, "phq8", 0.0),
        (TODAY, "sleep", None),
    ]
    assert all_kinds[1].answers == {"items": [0] * 8}
    assert [c.day for c in journal.checkins(TODAY - 7 * DAY, TODAY, kind="phq8")] == [
        TODAY - 7 * DAY,
        TODAY,
    ]
    assert journal.checkins(TODAY - 6 * DAY, TODAY, kind="sleep")[0].answers["hours"] == 6.5


@pytest.mark.parametrize(
    ("kind", "answers", "score", "day", "message"),
    [
        ("phq9", {}, 1.0, TODAY, "No check-in is called 'phq9'"),
        ("phq8", {"items": [float("nan")]}, 1.0, TODAY, "cannot be kept"),
        ("phq8", {"items": [1]}, float("inf"), TODAY, "must be a number"),
        ("phq8", {1: 2}, 1.0, TODAY, "must be named"),
        ("phq8", {"items": [1]}, 1.0, TODAY + DAY, "after today"),
    ],
)
def test_a_checkin_that_cannot_be_kept_is_refused(
    journal: Journal, kind: str, answers: Any, score: float, day: date, message: str
) -> None:
    with pytest.raises(JournalError, match=message):
        journal.add_checkin(day, kind, answers, score)
    assert journal.checkins(TODAY - DAY, TODAY + DAY) == ()


def test_side_effects_are_noted_once_and_can_be_taken_back(journal: Journal) -> None:
    journal.add_side_effect(TODAY, "loose_stools")
    journal.add_side_effect(TODAY, "loose_stools")
    journal.add_side_effect(TODAY - DAY, "nausea")
    assert [(s.day, s.effect) for s in journal.side_effects(TODAY - DAY, TODAY)] == [
        (TODAY - DAY, "nausea"),
        (TODAY, "loose_stools"),
    ]
    assert journal.remove_side_effect(TODAY, "loose_stools") is True
    assert journal.remove_side_effect(TODAY, "loose_stools") is False
    with pytest.raises(JournalError, match="headache"):
        journal.add_side_effect(TODAY, "headache")
    with pytest.raises(JournalError, match="after today"):
        journal.add_side_effect(TODAY + DAY, "nausea")
    assert len(journal.side_effects(TODAY - DAY, TODAY + DAY)) == 1


# -- suggestions --------------------------------------------------------------------------


def test_a_suggestion_is_made_once_per_week_and_decided_once(journal: Journal) -> None:
    week = TODAY - 6 * DAY
    first = journal.add_suggestion("hold_step", week, TODAY)
    again = journal.add_suggestion("hold_step", week, TODAY + DAY)
    assert again == first and first.status == "open" and first.decided_on is None
    other = journal.add_suggestion("low_adherence", week, TODAY)
    accepted = journal.decide_suggestion(first.id, True, TODAY)
    assert accepted.status == "accepted" and accepted.decided_on == TODAY
    assert journal.decide_suggestion(first.id, True, TODAY + DAY) == accepted
    with pytest.raises(JournalError, match="already accepted on 2025-06-30"):
        journal.decide_suggestion(first.id, False, TODAY)
    with pytest.raises(JournalError, match="no suggestion 999"):
        journal.decide_suggestion(999, True, TODAY)
    assert journal.add_suggestion("hold_step", week, TODAY).status == "accepted"
    assert journal.suggestions() == (accepted, other)
    assert journal.suggestions("open") == (other,)
    assert journal.suggestions("accepted") == (accepted,)
    with pytest.raises(JournalError):
        journal.suggestions("maybe")
    with pytest.raises(JournalError):
        journal.add_suggestion(" ", week, TODAY)


def test_a_clock_decides_what_today_is(tmp_path: Path) -> None:
    path = journal_path(tmp_path / "profiles", "x")
    with Journal.open(path, "X", clock=clock_at(TODAY, 23, 59)) as j:
        assert j.today() == TODAY
        j.record_plan(four_dose_plan(), TODAY)
        assert j.log_dose(TODAY, "07:30", "taken").recorded_at == "2025-06-30T23:59:00"


def test_opening_while_another_program_writes_waits_for_nothing(
    planned: Journal, tmp_path: Path
) -> None:
    other = sqlite3.connect(planned.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program in the middle of a write
    try:
        with open_journal(tmp_path) as reader:  # the name is kept already: nothing to write
            assert reader.day_plan(TODAY) is not None
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_write_blocked_too_long_by_another_program_says_so(
    planned: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from magplan.journal import store

    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 50)
    with open_journal(tmp_path) as impatient:
        planned._conn.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(JournalError, match="busy in another program"):
                impatient.log_dose(TODAY, "07:30", "taken")
        finally:
            planned._conn.execute("ROLLBACK")
        impatient.log_dose(TODAY, "07:30", "taken")
    assert len(planned.entries(TODAY, TODAY)) == 1
