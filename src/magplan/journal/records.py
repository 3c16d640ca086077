"""What is written to a person's journal and read back from it, as frozen values.

Days are ``datetime.date`` (the person's waking day: a dose at 00:30 after a 23:00 bedtime
belongs to the day before); times of day are ``"HH:MM"`` strings, as the database keeps them.

The plan a version keeps (``plan_json``, see ``journal-spec``) is read into a
:class:`PlanContent`, which knows the doses of any day of the plan: the start-low ramp's step
for that week, or the full doses after the ramp, each at its weekday's time.
"""

from __future__ import annotations

import math
import re
from dataclasses import field
from datetime import date
from pathlib import Path
from typing import Any

from magplan.core.values import value

DOSE_STATUSES = ("taken", "skipped", "moved")
"""How a planned dose went: taken at its time, skipped, or taken at another time (moved)."""
CHECKIN_KINDS = ("phq8", "gad7", "who5", "sleep", "stools", "cramp_days", "migraine_days")
SIDE_EFFECTS = ("loose_stools", "nausea", "stomach_cramps", "drowsiness")
SUGGESTION_STATUSES = ("open", "accepted", "declined")
WEEKDAYS_SHORT = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_REASON_CHARS = 500

_HHMM = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")


class JournalError(Exception):
    """A journal cannot be opened, read or written, in one line a person can act on.

    ``path`` is the journal's file when the problem is about it.
    """

    def __init__(self, message: str, *, path: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return self.message


def is_clock_time(text: object) -> bool:
    """``"07:30"`` yes; ``"7:30"``, ``"24:00"``, ``"07:60"`` no: the journal's one way of
    writing a time of day."""
    return isinstance(text, str) and _HHMM.fullmatch(text) is not None


def minute_of(hhmm: str) -> int:
    """``"07:30"`` -> 450."""
    return int(hhmm[:2]) * 60 + int(hhmm[3:])


@value(kw_only=True, slots=True)
class DoseEntry:
    """What the person recorded about one planned dose of one day.

    ``taken_at`` is the time a moved dose was taken (and may be given for a taken one);
    ``recorded_at`` is when the entry was last written (local time, ISO).
    """

    day: date
    planned_time: str
    status: str
    taken_at: str | None
    reason: str
    recorded_at: str

    @property
    def taken(self) -> bool:
        """Taken, at its time or at another (a moved dose was taken)."""
        return self.status != "skipped"


@value(kw_only=True, slots=True)
class PlannedDose:
    """One dose planned for a day: its time that day, how much, of what."""

    time: str
    mg: float  # elemental magnesium
    units: float
    form: str
    product: str = ""
    unit: str = ""  # capsule, tablet, mg ... ("" when the plan did not say)


@value(kw_only=True, slots=True)
class RampDose:
    """A dose of one week of the start-low ramp; ``time`` is the full plan's time of it."""

    time: str
    units: float
    mg: float


@value(kw_only=True, slots=True)
class RampStep:
    """One week of the start-low ramp: the day's amount and the doses that week."""

    week: int
    daily_mg: float
    doses: tuple[RampDose, ...]


@value(kw_only=True, slots=True)
class WeekdayVariant:
    """The times of the plan's doses, one for one, on some weekdays (0 Monday .. 6 Sunday),
    for a medicine taken on those days only; ``None`` is a dose left out on them."""

    weekdays: tuple[int, ...]
    times: tuple[str | None, ...]


@value(kw_only=True, slots=True)
class PlanContent:
    """A plan as the journal keeps it: the full doses, the ramp, the weekday times."""

    doses: tuple[PlannedDose, ...]
    ramp: tuple[RampStep, ...]
    daily_mg: float
    headline: str
    wake: str | None = None
    weekday_times: tuple[WeekdayVariant, ...] = ()
    restarts_ramp: bool = False  # a new form or a larger amount: start low again from its day

    @property
    def day_start(self) -> str | None:
        """The person's waking time, else the plan's first dose (``None`` without doses)."""
        return self.wake or (self.doses[0].time if self.doses else None)

    @property
    def ramp_weeks(self) -> int:
        """The ramp's last week (its full step), 0 for a plan without a ramp."""
        return max((s.week for s in self.ramp), default=0)

    def step_for(self, ramp_week: int) -> RampStep | None:
        """The ramp step of ``ramp_week`` (1 = the first week), or ``None`` once the ramp is
        over (the full doses from then on)."""
        if ramp_week > self.ramp_weeks:
            return None
        earlier = [s for s in self.ramp if s.week <= ramp_week]
        return max(earlier, key=lambda s: s.week) if earlier else None

    def doses_for(self, ramp_week: int, weekday: int) -> tuple[PlannedDose, ...]:
        """The doses of a day in ``ramp_week`` falling on ``weekday``, in the plan's order."""
        step = self.step_for(ramp_week)
        times = self._times_on(weekday)
        if step is None:
            chosen = [(i, d.units, d.mg) for i, d in enumerate(self.doses)]
        else:
            index = {d.time: i for i, d in enumerate(self.doses)}
            chosen = sorted((index[r.time], r.units, r.mg) for r in step.doses)
        return tuple(
            PlannedDose(
                time=when,
                mg=mg,
                units=units,
                form=self.doses[i].form,
                product=self.doses[i].product,
                unit=self.doses[i].unit,
            )
            for i, units, mg in chosen
            if (when := times[i]) is not None
        )

    def _times_on(self, weekday: int) -> tuple[str | None, ...]:
        for variant in self.weekday_times:
            if weekday in variant.weekdays:
                return variant.times
        return tuple(d.time for d in self.doses)

    def to_json(self) -> dict[str, Any]:
        """The ``plan_json`` of the journal's format (``journal-spec``), with ``unit`` for each
        dose, the ``wake`` time and the ``weekday_times`` besides."""
        return {
            "doses": [
                {
                    "time": d.time,
                    "mg": d.mg,
                    "units": d.units,
                    "form": d.form,
                    "product": d.product,
                    "unit": d.unit,
                }
                for d in self.doses
            ],
            "ramp": [
                {
                    "week": s.week,
                    "daily_mg": s.daily_mg,
                    "doses": [{"time": r.time, "units": r.units, "mg": r.mg} for r in s.doses],
                }
                for s in self.ramp
            ],
            "daily_mg": self.daily_mg,
            "headline": self.headline,
            "wake": self.wake,
            "weekday_times": [
                {"weekdays": [WEEKDAYS_SHORT[d] for d in w.weekdays], "times": list(w.times)}
                for w in self.weekday_times
            ],
        } | ({"restarts_ramp": True} if self.restarts_ramp else {})

    @classmethod
    def from_json(cls, data: object) -> PlanContent:
        """Read a ``plan_json`` object; ``ValueError`` names the first thing that is wrong."""
        plan = _mapping(data, "the plan")
        doses = tuple(_planned_dose(d, f"doses[{i}]") for i, d in enumerate(_list(plan, "doses")))
        times = [d.time for d in doses]
        if len(set(times)) != len(times):
            raise ValueError(f"two doses at the same time: {', '.join(times)}")
        ramp = tuple(_ramp_step(s, f"ramp[{i}]", times) for i, s in enumerate(_list(plan, "ramp")))
        wake = plan.get("wake")
        if wake is not None and not is_clock_time(wake):
            raise ValueError(f"wake {wake!r} is not a time HH:MM")
        variants = tuple(
            _weekday_variant(w, f"weekday_times[{i}]", len(doses))
            for i, w in enumerate(plan.get("weekday_times") or [])
        )
        return cls(
            doses=doses,
            ramp=ramp,
            daily_mg=_amount(plan, "daily_mg", "the plan"),
            headline=_text(plan, "headline", "the plan"),
            wake=wake,
            weekday_times=variants,
            restarts_ramp=plan.get("restarts_ramp") is True,
        )


def _mapping(data: object, where: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ValueError(f"{where} is not an object")
    return data


def _list(data: dict[str, Any], key: str) -> list[Any]:
    found = data.get(key, [])
    if not isinstance(found, list):
        raise ValueError(f"{key} is not a list")
    return found


def _amount(data: dict[str, Any], key: str, where: str) -> float:
    found = data.get(key)
    if isinstance(found, bool) or not isinstance(found, int | float):
        raise ValueError(f"{where}: {key} is not a number")
    if not math.isfinite(found) or found < 0:
        raise ValueError(f"{where}: {key} {found!r} is not an amount")
    return float(found)


def _text(data: dict[str, Any], key: str, where: str, default: str | None = None) -> str:
    found = data.get(key, default)
    if not isinstance(found, str):
        raise ValueError(f"{where}: {key} is not text")
    return found


def _time(data: dict[str, Any], where: str) -> str:
    found = data.get("time")
    if not is_clock_time(found):
        raise ValueError(f"{where}: time {found!r} is not a time HH:MM")
    return str(found)


def _planned_dose(data: object, where: str) -> PlannedDose:
    dose = _mapping(data, where)
    return PlannedDose(
        time=_time(dose, where),
        mg=_amount(dose, "mg", where),
        units=_amount(dose, "units", where),
        form=_text(dose, "form", where),
        product=_text(dose, "product", where, ""),
        unit=_text(dose, "unit", where, ""),
    )


def _ramp_step(data: object, where: str, times: list[str]) -> RampStep:
    step = _mapping(data, where)
    week = step.get("week")
    if isinstance(week, bool) or not isinstance(week, int) or week < 1:
        raise ValueError(f"{where}: week {week!r} is not a week number")
    doses = []
    for i, d in enumerate(_list(step, "doses")):
        dose = _mapping(d, f"{where}.doses[{i}]")
        time = _time(dose, f"{where}.doses[{i}]")
        if time not in times:
            raise ValueError(f"{where}.doses[{i}]: {time} is not one of the plan's doses")
        units = _amount(dose, "units", f"{where}.doses[{i}]")
        doses.append(
            RampDose(time=time, units=units, mg=_amount(dose, "mg", f"{where}.doses[{i}]"))
        )
    return RampStep(week=week, daily_mg=_amount(step, "daily_mg", where), doses=tuple(doses))


def _weekday_variant(data: object, where: str, dose_count: int) -> WeekdayVariant:
    variant = _mapping(data, where)
    names = _list(variant, "weekdays")
    if not names or any(n not in WEEKDAYS_SHORT for n in names):
        raise ValueError(f"{where}: weekdays must be some of {', '.join(WEEKDAYS_SHORT)}")
    times = _list(variant, "times")
    if len(times) != dose_count or any(t is not None and not is_clock_time(t) for t in times):
        raise ValueError(f"{where}: times must be a time HH:MM (or null) for each dose")
    return WeekdayVariant(
        weekdays=tuple(WEEKDAYS_SHORT.index(n) for n in names), times=tuple(times)
    )


@value(kw_only=True, slots=True)
class PlanVersion:
    """The plan in force from ``starts_on`` until the next version starts.

    ``plan_json`` is the plan as stored (one object shared by the versions read from the
    journal: read it, do not change it); ``plan`` is the same, read.
    """

    id: int
    starts_on: date
    fingerprint: str
    reason: str
    plan: PlanContent
    plan_json: dict[str, Any] = field(hash=False)


@value(kw_only=True, slots=True)
class DayPlan:
    """The doses planned for one day, from the plan version in force that day.

    ``ramp_week`` counts weeks from the journal's ``ramp_start`` (1 = its first week);
    ``ramp_step`` is the ramp's week whose doses apply, ``None`` once the ramp is over and the
    full doses apply; ``ramp_weeks`` is the ramp's length (its last step is the full plan).
    ``wake`` is the person's waking time (the plan's first dose when the plan did not say).
    """

    day: date
    version_id: int
    ramp_week: int
    ramp_step: int | None
    ramp_weeks: int
    daily_mg: float
    doses: tuple[PlannedDose, ...]
    wake: str | None = None

    @property
    def times(self) -> tuple[str, ...]:
        return tuple(d.time for d in self.doses)

    @property
    def in_ramp(self) -> bool:
        """A day of the start-low ramp before its last step (the amount is still going up)."""
        return self.ramp_week < self.ramp_weeks


@value(kw_only=True, slots=True)
class DayDose:
    """A planned dose of a day with what was recorded about it (``None``: not recorded)."""

    planned: PlannedDose
    entry: DoseEntry | None

    @property
    def status(self) -> str | None:
        """``taken``, ``skipped``, ``moved``, or ``None`` when nothing was recorded."""
        return self.entry.status if self.entry is not None else None


@value(kw_only=True, slots=True)
class JournalDay:
    """One day of the journal: its plan (``None`` before the first plan), each planned dose
    with its entry, and any entry for a time the day's plan does not have (``unplanned``:
    only a file changed by hand has one)."""

    day: date
    plan: DayPlan | None
    doses: tuple[DayDose, ...]
    unplanned: tuple[DoseEntry, ...] = ()


@value(kw_only=True, slots=True)
class CheckinRecord:
    """One check-in: a questionnaire or diary of ``kind`` answered for ``day``."""

    id: int
    day: date
    kind: str
    answers: dict[str, Any] = field(hash=False)
    score: float | None
    recorded_at: str


@value(kw_only=True, slots=True)
class SideEffect:
    """A side effect the person noticed on a day."""

    day: date
    effect: str


@value(kw_only=True, slots=True)
class SuggestionRecord:
    """A suggestion made to the person for the week starting ``week_start``, and whether it
    was accepted or declined (``decided_on``)."""

    id: int
    code: str
    week_start: date
    made_on: date
    status: str
    decided_on: date | None
    said: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
