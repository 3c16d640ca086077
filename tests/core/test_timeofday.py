"""core/timeofday.py: times of day as minutes after midnight, read as people type them and
written as HH:MM (or on a 12-hour clock)."""

from __future__ import annotations

import pytest

from magplan.core.errors import PlanInputError
from magplan.core.timeofday import (
    MINUTES_PER_DAY,
    format_time,
    format_time_12h,
    forward_gap,
    parse_clock_time,
    parse_time,
)


@pytest.mark.parametrize(
    ("text", "minute"),
    [
        ("07:30", 450),
        ("7:30", 450),
        ("07.30", 450),
        ("6.30", 390),
        ("7h30", 450),
        (" 22:05 ", 1325),
        ("00:00", 0),
        ("23:59", 1439),
        ("18:00", 1080),
    ],
)
def test_a_typed_time_is_minutes_after_midnight(text: str, minute: int) -> None:
    assert parse_time(text) == minute


@pytest.mark.parametrize(
    ("text", "minute"),
    [
        ("6", 360),
        ("06", 360),
        ("0", 0),
        ("19", 1140),
        ("600", 360),
        ("0600", 360),
        ("1930", 1170),
        ("0000", 0),
        ("2359", 1439),
    ],
)
def test_a_time_without_a_separator_is_hours_or_hours_and_minutes(text: str, minute: int) -> None:
    assert parse_time(text) == minute


@pytest.mark.parametrize(
    ("text", "minute"),
    [
        ("6am", 360),
        ("6 am", 360),
        ("6AM", 360),
        ("6 a.m.", 360),
        ("6pm", 1080),
        ("6:00 PM", 1080),
        ("6:30pm", 1110),
        ("6.30 pm", 1110),
        ("630pm", 1110),
        ("11:59 pm", 1439),
        ("12am", 0),
        ("12:30 am", 30),
        ("12pm", 720),
        ("12:30 PM", 750),
        ("1 pm", 780),
        ("6:05\u202fPM", 1085),  # as Qt writes a US time: a narrow no-break space
        ("6:05\u00a0pm", 1085),
    ],
)
def test_am_and_pm_are_a_twelve_hour_clock(text: str, minute: int) -> None:
    assert parse_time(text) == minute


@pytest.mark.parametrize(("text", "minute"), [("noon", 720), ("Midday", 720), ("midnight", 0)])
def test_noon_and_midnight_are_words_for_times(text: str, minute: int) -> None:
    assert parse_time(text) == minute


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("lunch", "bed 'lunch' is not a time: use HH:MM, e.g. 07:30, 7:30 pm, 0730 or 7"),
        ("", "bed '' is not a time: use HH:MM, e.g. 07:30, 7:30 pm, 0730 or 7"),
        ("7:5", "bed '7:5' is not a time: use HH:MM, e.g. 07:30, 7:30 pm, 0730 or 7"),
        ("7:", "bed '7:' is not a time: use HH:MM, e.g. 07:30, 7:30 pm, 0730 or 7"),
        ("12345", "bed '12345' is not a time: use HH:MM, e.g. 07:30, 7:30 pm, 0730 or 7"),
        ("-1:00", "bed '-1:00' is not a time: use HH:MM, e.g. 07:30, 7:30 pm, 0730 or 7"),
        ("pm", "bed 'pm' is not a time: use HH:MM, e.g. 07:30, 7:30 pm, 0730 or 7"),
        ("6 o'clock", "bed '6 o'clock' is not a time: use HH:MM, e.g. 07:30, 7:30 pm, 0730 or 7"),
        ("24:00", "bed '24:00' is not a time of day: hours 00-23, minutes 00-59"),
        ("25:00", "bed '25:00' is not a time of day: hours 00-23, minutes 00-59"),
        ("12:60", "bed '12:60' is not a time of day: hours 00-23, minutes 00-59"),
        ("2400", "bed '2400' is not a time of day: hours 00-23, minutes 00-59"),
        ("24", "bed '24' is not a time of day: hours 00-23, minutes 00-59"),
        ("960", "bed '960' is not a time of day: hours 00-23, minutes 00-59"),
        ("13pm", "bed '13pm' is not a time of day: with am or pm, hours 1-12 and minutes 00-59"),
        ("0am", "bed '0am' is not a time of day: with am or pm, hours 1-12 and minutes 00-59"),
        (
            "18:00 pm",
            "bed '18:00 pm' is not a time of day: with am or pm, hours 1-12 and minutes 00-59",
        ),
    ],
)
def test_a_bad_time_is_one_message_naming_the_field_and_the_text(text: str, message: str) -> None:
    with pytest.raises(PlanInputError) as caught:
        parse_time(text, "bed")
    assert (caught.value.field, caught.value.message) == ("bed", message)


@pytest.mark.parametrize("text", ["8 am", "0800", "8", "noon", "24:00", "7:5", ""])
def test_a_saved_file_keeps_its_times_as_hh_mm_only(text: str) -> None:
    with pytest.raises(PlanInputError) as caught:
        parse_clock_time(text, "time")
    assert caught.value.field == "time" and f"'{text}'" in caught.value.message
    assert parse_clock_time("07:30") == parse_clock_time("7h30") == 450


def test_any_minute_is_written_as_a_time_of_day() -> None:
    assert format_time(450) == "07:30"
    assert format_time(0) == "00:00"
    assert format_time(MINUTES_PER_DAY) == "00:00"
    assert format_time(MINUTES_PER_DAY + 90) == "01:30"
    assert format_time(-30) == "23:30"


def test_a_twelve_hour_clock_writes_am_and_pm() -> None:
    assert format_time_12h(450) == "7:30 AM"
    assert format_time_12h(0) == "12:00 AM"
    assert format_time_12h(30) == "12:30 AM"
    assert format_time_12h(720) == "12:00 PM"
    assert format_time_12h(1085) == "6:05 PM"
    assert format_time_12h(1439) == "11:59 PM"


def test_every_time_reads_back_as_itself_on_either_clock() -> None:
    for m in range(MINUTES_PER_DAY):
        assert parse_time(format_time(m)) == m
        assert parse_time(format_time_12h(m)) == m
        assert parse_clock_time(format_time(m)) == m


def test_the_gap_runs_forward_through_midnight() -> None:
    assert forward_gap(parse_time("22:30"), parse_time("07:00")) == 8 * 60 + 30
    assert forward_gap(parse_time("07:00"), parse_time("22:30")) == 15 * 60 + 30
    assert forward_gap(600, 600) == 0
