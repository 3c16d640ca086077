"""The start-low ramp in words: each week's amount and which doses it takes.

The window lists the weeks, the terminal strings them into one line, the card tabulates them
and the calendar gives each week an all-day event and each dose its week-by-week amounts; all
of them read the rows made here.
"""

from __future__ import annotations

from magplan.core.plan import Dose, Plan, TitrationStep
from magplan.core.values import value
from magplan.present.clock import DEFAULT_CLOCK, Clock, clock_time
from magplan.present.words import format_mg, format_units


@value
class RampRow:
    """One week of the ramp.

    ``units`` follows ``Plan.doses`` one for one: how many units of each dose that week takes
    (0: the week skips the dose).
    """

    week: int
    last: bool
    daily_elemental_mg: float
    units: tuple[float, ...]
    daily: str  # "230 mg"
    heading: str  # "Week 2: 230 mg a day"
    taken: str  # "10:30 110 mg elemental, 01:30 120 mg elemental"
    skipped: tuple[str, ...]  # the times of the doses the week leaves out
    step_plain: str  # "week 2: 230 mg", a step of the terminal's one-line ramp
    calendar_title: str  # "Week 1: start with 115 mg a day" / "Week 2: step up to 230 mg a day"

    @property
    def first_day(self) -> int:
        return (self.week - 1) * 7 + 1

    @property
    def days(self) -> str:
        """``"days 8-14"``."""
        return f"days {self.first_day}-{self.first_day + 6}"

    @property
    def taken_and_skipped(self) -> str:
        """``"22:00 2 capsules; skip 18:30"``."""
        return self.taken + (f"; skip {', '.join(self.skipped)}" if self.skipped else "")


def step_units(doses: tuple[Dose, ...], step: TitrationStep) -> tuple[float, ...]:
    """Each dose's units in ``step``, whose entries follow the doses' order (0: skipped)."""
    remaining = list(step.doses)
    units: list[float] = []
    for d in doses:
        if remaining and remaining[0][0] == d.time_min:
            units.append(remaining.pop(0)[1])
        else:
            units.append(0.0)
    return tuple(units)


def ramp_rows(plan: Plan, clock: Clock = DEFAULT_CLOCK) -> tuple[RampRow, ...]:
    """Every week of ``plan``'s ramp, in order, its times on ``clock``."""
    return tuple(_ramp_row(plan, step, clock) for step in plan.titration)


def _ramp_row(plan: Plan, step: TitrationStep, clock: Clock) -> RampRow:
    units = step_units(plan.doses, step)
    daily = format_mg(step.daily_elemental_mg)
    times = [clock_time(d.time_min, clock) for d in plan.doses]
    taken = ", ".join(
        f"{time} {format_units(u, d.unit)}"
        for d, u, time in zip(plan.doses, units, times, strict=True)
        if u
    )
    return RampRow(
        week=step.week,
        last=step is plan.titration[-1],
        daily_elemental_mg=step.daily_elemental_mg,
        units=units,
        daily=daily,
        heading=f"Week {step.week}: {daily} a day" + (HELD if step.held else ""),
        taken=taken,
        skipped=tuple(time for time, u in zip(times, units, strict=True) if not u),
        step_plain=f"week {step.week}: {daily}" + (" (held)" if step.held else ""),
        calendar_title=_calendar_title(step, daily),
    )


HELD = ", held one more week"
"""Said of a week whose step the person chose to hold (the journal's suggestion)."""


def _calendar_title(step: TitrationStep, daily: str) -> str:
    if step.week == 1:
        return f"Week 1: start with {daily} a day"
    if step.held:
        return f"Week {step.week}: stay at {daily} a day"
    return f"Week {step.week}: step up to {daily} a day"


def dose_ramp(plan: Plan, ramp: tuple[RampRow, ...], index: int) -> tuple[str, ...]:
    """How much of dose ``index`` to take in each week of a ramp of two weeks or more:
    ``("week 1: skip this dose", "week 2: 1 capsule", "from week 3: 2 capsules")``."""
    if len(ramp) < 2:
        return ()
    dose = plan.doses[index]
    lines = [
        f"week {row.week}: "
        + (format_units(row.units[index], dose.unit) if row.units[index] else "skip this dose")
        for row in ramp[:-1]
    ]
    lines.append(f"from week {ramp[-1].week}: {format_units(dose.units, dose.unit)}")
    return tuple(lines)
