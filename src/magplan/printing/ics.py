"""Calendar reminders: the day's doses as an iCalendar (RFC 5545) file (``icalendar``).

Each dose is an event repeating daily (``RRULE:FREQ=DAILY``) at the dose's time, with a display
alarm at that time. During the start-low ramp each dose has one event per week (``COUNT=7``)
carrying that week's amount, so an alarm never asks for more than the ramp allows; the full
amount repeats without end from the ramp's last step.

Times are *floating* local times (no time zone): a dose planned for 22:00 is at 22:00 on the
clock of wherever the person is, which is what a schedule built around their waking day and
meals means, and every calendar program shows a floating time at that clock time in its own
zone.

Each step of the start-low ramp is an all-day event on the day it begins ("Week 2: step up to
230 mg a day"), and each dose's description says how much of it to take in each week.

The days are waking days: a dose after midnight is on the calendar date after the day it
belongs to (its event starts on that date, and its weekdays move with it).

A medicine taken on some weekdays only can move or leave out a dose on those days
(``Plan.weekday_times``): such a dose has one event for its usual days and one for each group
of weekdays with their own time (``BYDAY``), each week of the ramp ending with ``UNTIL``.

UIDs are derived from the content (uuid5), so exporting the same plan with the same start date
again gives the same events: a calendar program updates them instead of adding copies.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from dataclasses import replace
from pathlib import Path

from icalendar import Alarm, Calendar, Event

from magplan import __version__
from magplan.core.knowledge import load_knowledge
from magplan.core.plan import Plan
from magplan.core.request import format_weekdays
from magplan.core.timeofday import format_time
from magplan.core.values import value
from magplan.present import DoseRow, PlanView, RampRow, present
from magplan.present.words import SUPERVISED, format_units, reminder_title, supervised_by
from magplan.printing.files import write_atomically

PRODID = f"-//Magnesium Planner//magplan {__version__}//EN"
_UID_NAMESPACE = uuid.UUID("5b0f7a52-6f0e-4a8e-9d51-3c8f2b1e7a10")


class NothingToRemind(ValueError):
    """The plan has no doses (a blocked plan): there is nothing to put in a calendar."""


def _uid(*parts: object) -> str:
    return f"{uuid.uuid5(_UID_NAMESPACE, '|'.join(str(p) for p in parts))}@magplan"


_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _day_groups(plan: Plan, index: int) -> list[tuple[tuple[int, ...], int, str]]:
    """(weekdays, time, why) for dose ``index``: its usual days at its usual time, and each
    group of weekdays on which a weekday-only medicine moves it (a dose left out on some days
    has no event on them)."""
    dose = plan.doses[index]
    usual = set(range(7))
    groups: list[tuple[tuple[int, ...], int, str]] = []
    for variant in plan.weekday_times:
        moved = variant.times_min[index]
        if moved == dose.time_min:
            continue
        usual -= set(variant.weekdays)
        if moved is not None:
            why = (
                f"On {format_weekdays(variant.weekdays)} this dose moves from {dose.time} to "
                f"{format_time(moved)}, to keep apart from {', '.join(variant.medicines)}."
            )
            groups.append((variant.weekdays, moved, why))
    if usual:
        groups.insert(0, (tuple(sorted(usual)), dose.time_min, ""))
    return groups


def _first_on(day: dt.date, weekdays: tuple[int, ...], within: int) -> dt.date | None:
    """The first date from ``day`` on (within ``within`` days) that falls on ``weekdays``."""
    for i in range(within):
        date = day + dt.timedelta(days=i)
        if date.weekday() in weekdays:
            return date
    return None


def _rule(
    weekdays: tuple[int, ...], first_day: dt.date, count: int | None, at: dt.time
) -> dict[str, object]:
    """Daily; on some weekdays only (``BYDAY``), with ``UNTIL`` for a week of the ramp."""
    if len(weekdays) == 7:
        return {"freq": "daily", "count": count} if count else {"freq": "daily"}
    rule: dict[str, object] = {"freq": "daily", "byday": [_BYDAY[d] for d in weekdays]}
    if count:
        rule["until"] = dt.datetime.combine(first_day + dt.timedelta(days=count - 1), at)
    return rule


@value
class _Week:
    """A stretch of a dose's reminders: one week of the ramp (``count`` 7), or from the
    ramp's last week on without end (``count`` None)."""

    week: int
    first_day: dt.date
    units: float
    count: int | None


def _dose_weeks(view: PlanView, index: int, start: dt.date) -> list[_Week]:
    """In the start-low weeks a dose repeats for 7 days with that week's amount (or not at all
    when the week skips it); the full amount repeats from the ramp's last week on."""
    ramp = view.ramp if view.has_ramp else ()
    weeks = [
        _Week(row.week, start + dt.timedelta(days=7 * (row.week - 1)), row.units[index], 7)
        for row in ramp[:-1]
        if row.units[index]
    ]
    last_week = ramp[-1].week if ramp else 1
    dose = view.plan.doses[index]
    weeks.append(_Week(last_week, start + dt.timedelta(days=7 * (last_week - 1)), dose.units, None))
    return weeks


@value
class _Reminder:
    """One repeating reminder of a dose: a group of weekdays at one time, over a stretch of
    weeks."""

    uid: str
    summary: str
    description: str
    weekdays: tuple[int, ...]
    time_min: int
    first: dt.date  # the first date it falls on
    week: _Week


def _dose_reminders(view: PlanView, index: int, start: dt.date) -> list[_Reminder]:
    """Dose ``index``'s reminders: for each stretch of weeks, one per group of weekdays with
    its own time."""
    plan, row = view.plan, view.doses[index]
    dose = row.dose
    lines = [row.reason, row.food_sentence, *_ramp_lines(row), _calendar_notes(plan)]
    reminders = []
    for week in _dose_weeks(view, index, start):
        summary = reminder_title(replace(dose, units=week.units))
        head = f"{format_units(week.units, dose.unit)} of {row.product_in_sentence}."
        if week.count:
            head = f"Week {week.week} of the start-low ramp: {head}"
        same = (start.isoformat(), dose.time, dose.form, week.week, week.units)
        for days, time_min, why in _day_groups(plan, index):
            first = _first_on(week.first_day, days, week.count or 7)
            if first is None:
                continue
            uid = _uid(*same, dose.unit) if len(days) == 7 else _uid(*same, days, time_min)
            description = "\n".join(line for line in [head, why, *lines] if line)
            reminders.append(_Reminder(uid, summary, description, days, time_min, first, week))
    return reminders


def _reminder_event(r: _Reminder, wake_min: int, stamp: dt.datetime) -> Event:
    """The reminder as a repeating event with an alarm at the dose's time."""
    event = Event()
    event.add("uid", r.uid)
    event.add("dtstamp", stamp)
    event.add("summary", r.summary)
    event.add("description", r.description)
    at = dt.time(r.time_min // 60, r.time_min % 60)
    # a dose after midnight is on the next calendar date of its waking day
    late = dt.timedelta(days=1 if r.time_min < wake_min else 0)
    dates = tuple(sorted((d + late.days) % 7 for d in r.weekdays))
    event.add("dtstart", dt.datetime.combine(r.first + late, at))  # floating local time
    event.add("duration", dt.timedelta(minutes=5))
    event.add("rrule", _rule(dates, r.week.first_day + late, r.week.count, at))
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", r.summary)
    alarm.add("trigger", dt.timedelta(0))
    event.add_component(alarm)
    return event


def _ramp_lines(row: DoseRow) -> list[str]:
    """How much of the dose to take in each week of the ramp, under a heading."""
    return ["Start low:", *(f"  {line}" for line in row.ramp)] if row.ramp else []


def _calendar_notes(plan: Plan) -> str:
    """The first note, after who supervises the plan when a clinician does."""
    notes = " ".join(plan.notes[:1])
    if plan.supervised:
        notes = f"{SUPERVISED}{supervised_by(plan.supervised_by)} {notes}"
    return notes


def _week_event(row: RampRow, start: dt.date, stamp: dt.datetime) -> Event:
    """An all-day event on the day a week of the ramp begins."""
    day = start + dt.timedelta(days=7 * (row.week - 1))
    event = Event()
    event.add("uid", _uid(start.isoformat(), "week", row.week, row.daily_elemental_mg))
    event.add("dtstamp", stamp)
    event.add("summary", f"{row.calendar_title} (magnesium)")
    event.add(
        "description",
        "The full schedule from today." if row.last else f"This week take: {row.taken}.",
    )
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    return event


def build_calendar(view: PlanView, start: dt.date, *, now: dt.datetime | None = None) -> Calendar:
    """The reminders for the plan starting on ``start``. Raises :class:`NothingToRemind`."""
    plan = view.plan
    if plan.blocked or not plan.doses:
        raise NothingToRemind(
            "this plan has no doses (it is blocked or empty): there is nothing to remind"
        )
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Magnesium schedule")
    for i in range(len(plan.doses)):
        for reminder in _dose_reminders(view, i, start):
            cal.add_component(_reminder_event(reminder, plan.wake_min, stamp))
    for row in view.ramp if view.has_ramp else ():
        cal.add_component(_week_event(row, start, stamp))
    return cal


def write_ics(plan: Plan, path: str | os.PathLike[str] | Path, start: dt.date) -> None:
    """Write the reminders to ``path``, all at once or not at all.

    Raises :class:`NothingToRemind` for a plan with no doses and
    :class:`magplan.printing.files.OutputError` (an ``OSError``) when the file cannot be written.
    """
    write_atomically(path, build_calendar(present(plan, load_knowledge()), start).to_ical())
