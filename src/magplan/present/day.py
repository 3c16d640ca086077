"""The day as the window draws it: the words by each mark of the timeline, the list of those
that find no room by their mark, the forms' names in its legend, and the whole day in words for
a screen reader (the timeline's description) and for the daily total.
"""

from __future__ import annotations

from dataclasses import dataclass

from magplan.core.plan import Plan
from magplan.core.request import WEEKDAY_NAMES, format_weekdays
from magplan.present.clock import DEFAULT_CLOCK, Clock, clock_time
from magplan.present.view import PlanView, TotalView
from magplan.present.words import format_mg, short_form_name

UNLABELLED = "Not labelled above:"
"""The head of the list under the timeline: the marks with no room for their words."""


@dataclass(frozen=True)
class DoseMark:
    """A dose on the timeline: where it stands, its form's mark, and its words."""

    minute: int
    form_index: int  # which of the plan's forms: its mark's shape and colour
    label: str  # by the mark: "15:00 · 150 mg"
    short: str  # by the mark when there is little room: "15:00"
    listed: str  # in the list when even that has no room: "15:00 · 150 mg magnesium citrate"


@dataclass(frozen=True)
class MedicineMark:
    """One time of another medicine on the timeline."""

    minute: int
    label: str  # by the mark: "sertraline", "alendronate (Mon)"
    listed: str  # in the list: "08:00 sertraline", "07:00 alendronate (Mon)"


@dataclass(frozen=True)
class DayMarks:
    """Everything the timeline writes about one plan."""

    doses: tuple[DoseMark, ...]
    medicines: tuple[MedicineMark, ...]
    form_names: tuple[str, ...]  # the legend's, by form index: "magnesium citrate"
    described: str  # the day in words (see :func:`day_in_words`)


def day_marks(view: PlanView) -> DayMarks:
    """The words of ``view``'s timeline."""
    plan = view.plan
    names = {row.dose.form: short_form_name(row.form_name) for row in view.doses}
    forms = tuple(f for f in plan.forms if f in names) or tuple(dict.fromkeys(names))
    doses = tuple(
        DoseMark(
            minute=row.dose.time_min,
            form_index=forms.index(row.dose.form) if row.dose.form in forms else 0,
            label=f"{row.time} · {row.elemental}",
            short=row.time,
            listed=f"{row.time} · {row.elemental} {names[row.dose.form]}",
        )
        for row in view.doses
    )
    medicines = tuple(
        MedicineMark(minute=t, label=label, listed=f"{clock_time(t, view.clock)} {label}")
        for m in plan.medicines
        for label in (m.name + _days_short(m.weekdays),)
        for t in m.times_min
    )
    return DayMarks(
        doses, medicines, tuple(names[f] for f in forms), day_in_words(plan, view.clock)
    )


def _days_short(weekdays: tuple[int, ...]) -> str:
    """`` (Mon, Thu)`` after a weekday-only medicine's name; nothing for one taken every day."""
    if not weekdays:
        return ""
    return " (" + ", ".join(WEEKDAY_NAMES[d][:3] for d in weekdays) + ")"


def day_in_words(p: Plan, clock: Clock = DEFAULT_CLOCK) -> str:
    """The day as the timeline draws it, in words: waking and bed times, meals, each dose's
    time and amount, and each other medicine with its times and the time magnesium keeps away
    from it (times on ``clock``)."""

    def at(minute: int) -> str:
        return clock_time(minute, clock)

    parts = [f"Waking day {at(p.wake_min)} to {at(p.bed_min)}."]
    if p.meals_min:
        parts.append("Meals at " + ", ".join(at(m) for m in p.meals_min) + ".")
    if p.doses:
        parts.append(
            "Magnesium at "
            + ", ".join(f"{at(d.time_min)} ({format_mg(d.elemental_mg)})" for d in p.doses)
            + "."
        )
    elif p.blocked:
        parts.append("No magnesium is planned.")
    for m in p.medicines:
        times = ", ".join(at(t) for t in m.times_min)
        if m.weekdays:
            times += f" on {format_weekdays(m.weekdays)} only"
        rule = f"; keep magnesium out of the shaded time ({m.rule})" if m.rule else ""
        parts.append(f"{m.name} at {times}{rule}.")
    return " ".join(parts)


def total_in_words(total: TotalView) -> str:
    """The daily total as a screen reader says it: the amount against the limit, then what
    the limit counts and the recommended intake."""
    return f"{total.text}. {total.detail}"
