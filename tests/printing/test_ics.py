"""Calendar reminders, parsed back as a calendar program would read them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar

from magplan.present.words import format_units, reminder_title
from magplan.printing.ics import NothingToRemind, write_ics
from tests.printing.print_cases import BLOCKED_ARGS, TYPICAL_ARGS, planned

START = dt.date(2025, 3, 4)


def _read(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def _events(cal: Calendar) -> list:  # type: ignore[type-arg]
    return [c for c in cal.walk("VEVENT")]


def test_each_dose_is_a_daily_event_at_its_time_with_an_alarm(tmp_path: Path) -> None:
    plan, _ = planned(TYPICAL_ARGS)
    out = tmp_path / "reminders.ics"
    write_ics(plan, out, START)
    cal = _read(out)
    assert str(cal["version"]) == "2.0"
    assert "Magnesium Planner" in str(cal["prodid"])

    repeating = [e for e in _events(cal) if "rrule" in e]
    ongoing = [e for e in repeating if "COUNT" not in e["rrule"]]
    assert len(ongoing) == len(plan.doses)
    full_from = START + dt.timedelta(days=7 * (plan.titration[-1].week - 1))
    for event, dose in zip(ongoing, plan.doses, strict=True):
        start = event.decoded("dtstart")
        assert start == dt.datetime.combine(
            full_from, dt.time(dose.time_min // 60, dose.time_min % 60)
        )
        assert start.tzinfo is None  # floating: the clock time wherever the person is
        assert event["rrule"]["FREQ"] == ["DAILY"]
        assert "UNTIL" not in event["rrule"]
        summary = str(event["summary"])
        assert summary == reminder_title(dose)
        assert format_units(dose.units, dose.unit) in summary and dose.form in summary
        description = str(event["description"])
        assert ("with food" in description) == dose.with_food
        assert "not medical advice" in description
        alarms = event.walk("VALARM")
        assert len(alarms) == 1
        assert str(alarms[0]["action"]) == "DISPLAY"
        assert alarms[0].decoded("trigger") == dt.timedelta(0)
        assert "dtstamp" in event and "uid" in event
    assert reminder_title(plan.doses[-1]) == "Magnesium: 2 capsules glycinate (200 mg)"


def test_alarms_in_the_start_low_weeks_ask_only_for_that_weeks_amount(tmp_path: Path) -> None:
    plan, _ = planned(TYPICAL_ARGS)
    out = tmp_path / "reminders.ics"
    write_ics(plan, out, START)
    weekly = [e for e in _events(_read(out)) if "rrule" in e and "COUNT" in e["rrule"]]
    assert weekly, "the ramp has weekly reminders"
    for event in weekly:
        assert event["rrule"]["COUNT"] == [7]
        first = event.decoded("dtstart")
        week = (first.date() - START).days // 7 + 1
        step = plan.titration[week - 1]
        taken = dict(step.doses)
        minute = first.hour * 60 + first.minute
        dose = next(d for d in plan.doses if d.time_min == minute)
        assert format_units(taken[minute], dose.unit) in str(event["summary"])
    # in week 1 nothing beyond week 1's total is asked for
    week1 = [e for e in weekly if e.decoded("dtstart").date() == START]
    asked = sum(float(str(e["summary"]).split("(")[1].split(" mg")[0]) for e in week1)
    assert asked == plan.titration[0].daily_elemental_mg


def test_the_ramp_steps_are_dated_all_day_events(tmp_path: Path) -> None:
    plan, _ = planned(TYPICAL_ARGS)
    out = tmp_path / "reminders.ics"
    write_ics(plan, out, START)
    steps = [e for e in _events(_read(out)) if "rrule" not in e]
    assert len(steps) == len(plan.titration) == 3
    for event, step in zip(steps, plan.titration, strict=True):
        day = START + dt.timedelta(days=7 * (step.week - 1))
        assert event.decoded("dtstart") == day
        assert not isinstance(event.decoded("dtstart"), dt.datetime)  # all day
        assert event.decoded("dtend") == day + dt.timedelta(days=1)
        assert f"{step.daily_elemental_mg:g} mg a day" in str(event["summary"])
    assert str(steps[1]["summary"]).startswith("Week 2: step up to 200 mg a day")
    assert steps[1].decoded("dtstart") == dt.date(2025, 3, 11)
    assert "22:00 1 capsule" in str(steps[0]["description"])


def test_uids_are_unique_and_stable_across_exports(tmp_path: Path) -> None:
    plan, _ = planned(TYPICAL_ARGS)
    write_ics(plan, tmp_path / "a.ics", START)
    write_ics(plan, tmp_path / "b.ics", START)
    uids_a = [str(e["uid"]) for e in _events(_read(tmp_path / "a.ics"))]
    uids_b = [str(e["uid"]) for e in _events(_read(tmp_path / "b.ics"))]
    assert len(set(uids_a)) == len(uids_a)
    assert uids_a == uids_b


def test_a_blocked_plan_has_nothing_to_remind(tmp_path: Path) -> None:
    plan, _ = planned(BLOCKED_ARGS)
    out = tmp_path / "reminders.ics"
    with pytest.raises(NothingToRemind, match="nothing to remind"):
        write_ics(plan, out, START)
    assert list(tmp_path.iterdir()) == []


def _occurrences(cal: Calendar, until: dt.datetime) -> list[dt.datetime]:
    """Every dose reminder up to ``until``, expanded as a calendar program does."""
    from dateutil.rrule import rrulestr

    found: list[dt.datetime] = []
    for event in _events(cal):
        if "rrule" not in event:
            continue
        begin = event["dtstart"].dt
        rule = rrulestr(event["rrule"].to_ical().decode(), dtstart=begin)
        found += (
            [when for when in rule if when <= until]
            if "COUNT" in event["rrule"] or ("UNTIL" in event["rrule"])
            else list(rule.between(begin, until, inc=True))
        )
    return sorted(found)


def test_a_weekday_medicine_late_at_night_moves_the_right_calendar_dose(tmp_path: Path) -> None:
    # awake 09:00-01:00; chloroquine at 23:30 on Saturdays, kept 4 h from magnesium
    args = [
        "--goal", "sleep", "--wake", "09:00", "--bed", "01:00",
        "--meal", "09:30", "--meal", "13:30", "--meal", "19:30",
        "--med", "chloroquine@23:30/sat", "--med-spacing", "chloroquine=4",
    ]  # fmt: skip
    plan, _ = planned(args)
    out = tmp_path / "late.ics"
    start = dt.date(2026, 12, 15)  # a Tuesday
    write_ics(plan, out, start)
    until = dt.datetime(2027, 1, 12, 9, 0)
    doses = _occurrences(_read(out), until)
    # from the full schedule on, every waking day (09:00 to 01:00) has exactly its doses
    full = start + dt.timedelta(days=7 * (len(plan.titration) - 1))
    day = dt.datetime.combine(full, dt.time(9, 0))
    while day + dt.timedelta(days=1) <= until:
        n = sum(day <= d < day + dt.timedelta(hours=16, minutes=1) for d in doses)
        assert n == len(plan.doses), (day, n)
        day += dt.timedelta(days=1)
    # and none within 4 hours of a Saturday's chloroquine
    for d in doses:
        sat = dt.datetime.combine(d.date(), dt.time(23, 30))
        for taken in (sat - dt.timedelta(days=1), sat):
            if taken.weekday() == 5:
                assert abs((d - taken).total_seconds()) >= 4 * 3600, (d, taken)
