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
from pathlib import Path

from icalendar import Alarm, Calendar, Event

from magplan import __version__
from magplan.core.knowledge import load_knowledge
from magplan.core.plan import Dose, Plan, TitrationStep
from magplan.core.request import format_weekdays
from magplan.core.text import format_mg, format_units
from magplan.core.timeofday import format_time
from magplan.printing.files import write_atomically

PRODID = f"-//Magnesium Planner//magplan {__version__}//EN"
_UID_NAMESPACE = uuid.UUID("5b0f7a52-6f0e-4a8e-9d51-3c8f2b1e7a10")


class NothingToRemind(ValueError):
    """The plan has no doses (a blocked plan): there is nothing to put in a calendar."""


def dose_summary(dose: Dose) -> str:
    """``Magnesium: 2 capsules glycinate (200 mg)``."""
    amount = format_units(dose.units, dose.unit)
    if dose.unit == "mg":
        return f"Magnesium: {amount} as {dose.form}"
    return f"Magnesium: {amount} {dose.form} ({format_mg(dose.elemental_mg)})"


def _ramp_lines(plan: Plan, index: int) -> list[str]:
    """How much of dose ``index`` to take in each week of the ramp."""
    if len(plan.titration) < 2:
        return []
    dose = plan.doses[index]
    lines = ["Start low:"]
    for step in plan.titration[:-1]:
        units = _units_in_step(plan.doses, step, index)
        what = format_units(units, dose.unit) if units else "skip this dose"
        lines.append(f"  week {step.week}: {what}")
    lines.append(f"  from week {plan.titration[-1].week}: {format_units(dose.units, dose.unit)}")
    return lines


def _units_in_step(doses: tuple[Dose, ...], step: TitrationStep, index: int) -> float:
    """The units of dose ``index`` in ``step`` (whose entries follow the doses' order)."""
    remaining = list(step.doses)
    for i, d in enumerate(doses):
        if remaining and remaining[0][0] == d.time_min:
            _, units = remaining.pop(0)
            if i == index:
                return units
        elif i == index:
            return 0.0
    return 0.0


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


def build_calendar(plan: Plan, start: dt.date, *, now: dt.datetime | None = None) -> Calendar:
    """The reminders for ``plan`` starting on ``start``. Raises :class:`NothingToRemind`."""
    if plan.blocked or not plan.doses:
        raise NothingToRemind(
            "this plan has no doses (it is blocked or empty): there is nothing to remind"
        )
    k = load_knowledge()
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Magnesium schedule")
    notes = " ".join(plan.notes[:1])
    if plan.supervised:
        by = f" ({plan.supervised_by})" if plan.supervised_by else ""
        notes = f"Prescribed and supervised by a clinician{by}. " + notes
    ramp = plan.titration if len(plan.titration) >= 2 else ()
    for i, dose in enumerate(plan.doses):
        food = "Take it with food." if dose.with_food else "Take it without food."
        product = dose.product_label or k.forms[dose.form].name.lower()
        lines = [dose.reason, food, *_ramp_lines(plan, i), notes]
        # In the start-low weeks each dose repeats for 7 days with that week's amount (or not
        # at all when the week skips it); the full amount repeats from the last step on.
        weeks: list[tuple[int, dt.date, float, int | None]] = []
        for step in ramp[:-1]:
            units = _units_in_step(plan.doses, step, i)
            if units:
                weeks.append((step.week, start + dt.timedelta(days=7 * (step.week - 1)), units, 7))
        last_week = ramp[-1].week if ramp else 1
        weeks.append((last_week, start + dt.timedelta(days=7 * (last_week - 1)), dose.units, None))
        for week, first_day, units, count in weeks:
            shown = dose.model_copy(update={"units": units})
            summary = dose_summary(shown)
            head = f"{format_units(units, dose.unit)} of {product}."
            if count:
                head = f"Week {week} of the start-low ramp: {head}"
            for days, time_min, why in _day_groups(plan, i):
                first = _first_on(first_day, days, count or 7)
                if first is None:
                    continue
                event = Event()
                event.add(
                    "uid",
                    _uid(start.isoformat(), dose.time, dose.form, week, units, dose.unit)
                    if len(days) == 7
                    else _uid(start.isoformat(), dose.time, dose.form, week, units, days, time_min),
                )
                event.add("dtstamp", stamp)
                event.add("summary", summary)
                event.add("description", "\n".join(line for line in [head, why, *lines] if line))
                at = dt.time(time_min // 60, time_min % 60)
                # a dose after midnight is on the next calendar date of its waking day
                late = dt.timedelta(days=1 if time_min < plan.wake_min else 0)
                dates = tuple(sorted((d + late.days) % 7 for d in days))
                event.add("dtstart", dt.datetime.combine(first + late, at))  # floating local
                event.add("duration", dt.timedelta(minutes=5))
                event.add("rrule", _rule(dates, first_day + late, count, at))
                event.add("transp", "TRANSPARENT")
                alarm = Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", summary)
                alarm.add("trigger", dt.timedelta(0))
                event.add_component(alarm)
                cal.add_component(event)
    if len(plan.titration) >= 2:
        for step in plan.titration:
            day = start + dt.timedelta(days=7 * (step.week - 1))
            mg = format_mg(step.daily_elemental_mg)
            if step.week == 1:
                summary = f"Week 1: start with {mg} a day"
            else:
                summary = f"Week {step.week}: step up to {mg} a day"
            if step is plan.titration[-1]:
                what = "The full schedule from today."
            else:
                taken = [
                    f"{d.time} {format_units(u, d.unit)}"
                    for j, d in enumerate(plan.doses)
                    if (u := _units_in_step(plan.doses, step, j))
                ]
                what = "This week take: " + ", ".join(taken) + "."
            event = Event()
            event.add("uid", _uid(start.isoformat(), "week", step.week, step.daily_elemental_mg))
            event.add("dtstamp", stamp)
            event.add("summary", f"{summary} (magnesium)")
            event.add("description", what)
            event.add("dtstart", day)
            event.add("dtend", day + dt.timedelta(days=1))
            event.add("transp", "TRANSPARENT")
            cal.add_component(event)
    return cal


def write_ics(plan: Plan, path: str | os.PathLike[str] | Path, start: dt.date) -> None:
    """Write the reminders to ``path``, all at once or not at all.

    Raises :class:`NothingToRemind` for a plan with no doses and
    :class:`magplan.printing.files.OutputError` (an ``OSError``) when the file cannot be written.
    """
    write_atomically(path, build_calendar(plan, start).to_ical())
