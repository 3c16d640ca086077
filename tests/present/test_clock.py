"""Times of day on the clock a face asks for: 24 hours unless a window's locale writes AM and
PM, and then every time of the plan in words (doses, their weekday times, the ramp, the other
medicines, the timeline's words) on that clock."""

from __future__ import annotations

import re

import pytest

from magplan.present import present
from magplan.present.clock import clock_hour, clock_time
from magplan.present.day import day_marks
from tests.core.helpers import K, meds, plan

TWELVE_HOUR = re.compile(r"\b(1[0-2]|[1-9]):[0-5]\d (AM|PM)\b")
TWENTY_FOUR_HOUR = re.compile(r"\b([01]\d|2[0-3]):[0-5]\d\b(?! [AP]M)")


@pytest.mark.parametrize(
    ("minute", "h24", "h12"),
    [(0, "00:00", "12:00 AM"), (450, "07:30", "7:30 AM"), (720, "12:00", "12:00 PM"),
     (1350, "22:30", "10:30 PM"), (1440 + 60, "01:00", "1:00 AM")],
)  # fmt: skip
def test_a_time_is_written_on_either_clock(minute: int, h24: str, h12: str) -> None:
    assert clock_time(minute) == clock_time(minute, "24h") == h24
    assert clock_time(minute, "12h") == h12


def test_an_hour_on_the_axis_is_short_on_a_twelve_hour_clock() -> None:
    assert clock_hour(14 * 60) == "14:00" and clock_hour(14 * 60, "12h") == "2 PM"
    assert clock_hour(0, "12h") == "12 AM" and clock_hour(12 * 60, "12h") == "12 PM"
    assert clock_hour(7 * 60 + 30, "12h") == "7:30 AM"


def _crowded_day() -> object:
    """A day with a ramp, a moved dose on Mondays and other medicines."""
    return plan(
        goals=("sleep", "constipation"),
        medicines=meds("alendronate@21:00/mon", "calcium@13:00"),
    )


def test_a_plan_is_written_on_a_24_hour_clock_unless_asked() -> None:
    view = present(_crowded_day(), K)  # type: ignore[arg-type]
    assert view.clock == "24h"
    words = [r.time_cell for r in view.doses] + [r.taken for r in view.ramp]
    assert all(TWENTY_FOUR_HOUR.search(w) and not TWELVE_HOUR.search(w) for w in words)


def test_on_a_twelve_hour_clock_every_time_of_the_plan_says_am_or_pm() -> None:
    p = _crowded_day()
    view = present(p, K, clock="12h")  # type: ignore[arg-type]
    day = present(p, K)  # type: ignore[arg-type]
    assert view.clock == "12h"
    assert any(r.other_days for r in view.doses), "alendronate moves a dose on Mondays"
    for row, row24 in zip(view.doses, day.doses, strict=True):
        assert row.time == clock_time(row.dose.time_min, "12h")
        assert row.time_cell.startswith(row.time) and row24.time_cell.startswith(row24.time)
        assert all(TWELVE_HOUR.search(other) for other in row.other_days)
    assert len(view.ramp) >= 2 and any(r.skipped for r in view.ramp)
    for week in view.ramp:
        assert TWELVE_HOUR.search(week.taken) and not TWENTY_FOUR_HOUR.search(week.taken)
        assert all(TWELVE_HOUR.fullmatch(t) for t in week.skipped)
    assert [m.times for m in view.medicines] == ["9:00 PM", "1:00 PM"]
    marks = day_marks(view)
    assert all(m.short == clock_time(m.minute, "12h") for m in marks.doses)
    assert all(TWELVE_HOUR.match(m.listed) for m in marks.medicines)
    assert "Waking day 7:00 AM to 10:30 PM." in marks.described
    assert not TWENTY_FOUR_HOUR.search(marks.described)
