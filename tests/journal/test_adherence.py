"""Adherence: which doses count (days over, today's recorded ones), per day, per time, overall."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from magplan.journal import Journal
from magplan.journal.adherence import summarize, summary
from magplan.journal.plan_record import plan_json
from tests.core.helpers import plan
from tests.journal.year import TODAY, four_dose_plan, make_year, open_journal

DAY = timedelta(days=1)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    """A four-dose plan from 40 days before today (its three-week ramp is over)."""
    with open_journal(tmp_path) as j:
        j.record_plan(four_dose_plan(), TODAY - 40 * DAY)
        yield j


def test_a_day_that_is_over_counts_every_planned_dose(journal: Journal) -> None:
    day = TODAY - 2 * DAY
    journal.log_dose(day, "07:30", "taken")
    journal.log_dose(day, "12:30", "moved", taken_at="13:40")
    journal.log_dose(day, "18:30", "skipped", reason="away")
    # 22:30 not recorded: not taken, once the day is over
    result = summary(journal, day, day, TODAY)
    (only,) = result.by_day
    assert (only.planned, only.counted, only.taken, only.skipped, only.not_recorded) == (
        4,
        4,
        2,
        1,
        1,
    )
    assert only.complete and only.per_cent == 50.0
    assert result.per_cent == 50.0 and (result.counted, result.taken) == (4, 2)
    assert [(t.time, t.counted, t.taken, t.per_cent) for t in result.by_time] == [
        ("07:30", 1, 1, 100.0),
        ("12:30", 1, 1, 100.0),
        ("18:30", 1, 0, 0.0),
        ("22:30", 1, 0, 0.0),
    ]


def test_today_counts_only_the_doses_recorded_so_far(journal: Journal) -> None:
    journal.log_dose(TODAY, "07:30", "taken")
    result = summary(journal, TODAY, TODAY + 3 * DAY, TODAY)
    today, *later = result.by_day
    assert (today.planned, today.counted, today.taken, today.complete) == (4, 1, 1, False)
    assert result.per_cent == 100.0
    assert [(d.counted, d.per_cent) for d in later] == [(0, None)] * 3
    journal.log_dose(TODAY, "12:30", "skipped")
    assert summary(journal, TODAY, TODAY, TODAY).per_cent == 50.0


def test_nothing_counts_before_the_first_plan_or_with_nothing_recorded(tmp_path: Path) -> None:
    with open_journal(tmp_path) as j:
        empty = summary(j, TODAY - 10 * DAY, TODAY, TODAY)
        assert empty.per_cent is None and empty.by_time == ()
        assert [d.planned for d in empty.by_day] == [0] * 11
        j.record_plan(four_dose_plan(), TODAY - DAY)  # ramp week 1: two doses a day
        result = summary(j, TODAY - 10 * DAY, TODAY, TODAY)
        assert result.counted == 2 and result.per_cent == 0.0
        assert [d.planned for d in result.by_day][-3:] == [0, 2, 2]


def test_a_range_over_the_ramp_counts_each_weeks_doses(tmp_path: Path) -> None:
    with open_journal(tmp_path) as j:
        j.record_plan(four_dose_plan(), TODAY - 21 * DAY)
        for day in (TODAY - 21 * DAY + n * DAY for n in range(21)):
            day_plan = j.day_plan(day)
            assert day_plan is not None
            for time in day_plan.times:
                j.log_dose(day, time, "taken")
        result = summary(j, TODAY - 21 * DAY, TODAY, TODAY)
    assert result.counted == 7 * 2 + 7 * 3 + 7 * 4  # today has nothing recorded yet
    assert result.per_cent == 100.0
    assert [(t.time, t.counted) for t in result.by_time] == [
        ("07:30", 21),
        ("12:30", 21),
        ("18:30", 14),
        ("22:30", 7),
    ]


def test_dose_times_are_in_the_order_of_the_persons_day(tmp_path: Path) -> None:
    late = plan(goals=("sleep",), wake_min=10 * 60, bed_min=2 * 60, meals_min=(630, 900, 1200))
    data = plan_json(late)
    assert [d["time"] for d in data["doses"]][-1] < "03:00"  # a dose after midnight
    with open_journal(tmp_path) as j:
        j.record_plan(data, TODAY - 40 * DAY)
        result = summary(j, TODAY - 5 * DAY, TODAY - DAY, TODAY)
    assert [t.time for t in result.by_time] == [d["time"] for d in data["doses"]]


def test_a_year_adds_up_to_its_entries(tmp_path: Path) -> None:
    with open_journal(tmp_path) as j:
        year = make_year(j, unrecorded_share=0.03)
        days = j.days(year.first_day, TODAY)
        result = summarize(days, year.first_day, TODAY, TODAY)
        entries = j.entries(year.first_day, year.last_day)
    taken = sum(1 for e in entries if e.status in ("taken", "moved"))
    assert result.counted == 365 * 4 and result.taken == taken
    assert result.per_cent == pytest.approx(100 * taken / 1460)
    assert sum(t.counted for t in result.by_time) == 1460
    assert sum(d.not_recorded for d in result.by_day[:-1]) == 1460 - len(entries)
    assert len(result.by_day) == 366 and result.by_day[-1].counted == 0
    assert 80 < result.per_cent < 95


def test_summary_reads_the_same_days_as_summarize(journal: Journal) -> None:
    journal.log_dose(TODAY - DAY, "07:30", "taken")
    start, end = TODAY - 5 * DAY, TODAY
    assert summary(journal, start, end, TODAY) == summarize(
        journal.days(start, end), start, end, TODAY
    )
    assert summary(journal, start, end, date(2025, 6, 27)).by_day[-1].counted == 0
