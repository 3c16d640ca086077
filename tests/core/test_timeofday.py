"""core/timeofday.py: times of day as minutes after midnight, read and written as HH:MM."""

from __future__ import annotations

import pytest

from magplan.core.errors import PlanInputError
from magplan.core.timeofday import MINUTES_PER_DAY, format_time, forward_gap, parse_time


@pytest.mark.parametrize(
    ("text", "minute"),
    [
        ("07:30", 450),
        ("7:30", 450),
        ("07.30", 450),
        ("7h30", 450),
        (" 22:05 ", 1325),
        ("00:00", 0),
        ("23:59", 1439),
    ],
)
def test_a_typed_time_is_minutes_after_midnight(text: str, minute: int) -> None:
    assert parse_time(text) == minute


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("noon", "bed 'noon' is not a time: use HH:MM, e.g. 07:30"),
        ("", "bed '' is not a time: use HH:MM, e.g. 07:30"),
        ("7:5", "bed '7:5' is not a time: use HH:MM, e.g. 07:30"),
        ("24:00", "bed '24:00' is not a time of day: hours 00-23, minutes 00-59"),
        ("12:60", "bed '12:60' is not a time of day: hours 00-23, minutes 00-59"),
    ],
)
def test_a_bad_time_is_one_message_naming_the_field_and_the_text(text: str, message: str) -> None:
    with pytest.raises(PlanInputError) as caught:
        parse_time(text, "bed")
    assert (caught.value.field, caught.value.message) == ("bed", message)


def test_any_minute_is_written_as_a_time_of_day() -> None:
    assert format_time(450) == "07:30"
    assert format_time(0) == "00:00"
    assert format_time(MINUTES_PER_DAY) == "00:00"
    assert format_time(MINUTES_PER_DAY + 90) == "01:30"
    assert format_time(-30) == "23:30"


def test_every_time_reads_back_as_itself() -> None:
    assert all(parse_time(format_time(m)) == m for m in range(MINUTES_PER_DAY))


def test_the_gap_runs_forward_through_midnight() -> None:
    assert forward_gap(parse_time("22:30"), parse_time("07:00")) == 8 * 60 + 30
    assert forward_gap(parse_time("07:00"), parse_time("22:30")) == 15 * 60 + 30
    assert forward_gap(600, 600) == 0
