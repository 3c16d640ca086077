"""What the planner decides: the day's doses, the warnings and the titration ramp."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from magplan.core.knowledge import Severity
from magplan.core.timeofday import format_time

WEEKDAYS_SHORT = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class PlanWarning(BaseModel):
    """A warning with a stable code, a severity, a message and its source keys."""

    model_config = ConfigDict(frozen=True)

    code: str
    severity: Severity
    message: str
    sources: tuple[str, ...]

    @property
    def source(self) -> str:
        return ", ".join(self.sources)


class Dose(BaseModel):
    """One dose: a time, a form, whole (or half) units of a product and what they contain."""

    model_config = ConfigDict(frozen=True)

    time_min: int
    form: str
    units: float
    unit: str
    unit_step: float  # 1 (whole units), 0.5 (halves) or 5 (mg, when no product was given)
    elemental_mg_per_unit: float
    product_label: str
    compound_mg: float | None
    with_food: bool
    goals: tuple[str, ...]
    reason: str
    at_bedtime: bool = False
    # Without a product: about how much of the compound the elemental mg is (form's fraction),
    # so that a person reading a label knows what to look for.
    compound_about_mg: float | None = None
    compound_about_max_mg: float | None = None  # the same at the low end of the form's share

    @property
    def elemental_mg(self) -> float:
        return round(self.units * self.elemental_mg_per_unit, 1)

    @property
    def time(self) -> str:
        return format_time(self.time_min)


class TitrationStep(BaseModel):
    model_config = ConfigDict(frozen=True)

    week: int
    daily_elemental_mg: float
    doses: tuple[tuple[int, float], ...]  # (time_min, units) of the day's doses that week


class FormChoice(BaseModel):
    """A form the planner considered, ranked for the person's goals."""

    model_config = ConfigDict(frozen=True)

    form: str
    rank: int
    score: int
    goals_first: tuple[str, ...]
    goals_also: tuple[str, ...]
    reason: str
    sources: tuple[str, ...]
    excluded: str = ""  # why the planner cannot use it for this person, if it cannot
    owned: bool = False  # one of the person's own products


class MedicineInPlan(BaseModel):
    """Another medicine as the plan sees it: its class, times and separation rule."""

    model_config = ConfigDict(frozen=True)

    name: str
    class_id: str
    class_name: str
    times_min: tuple[int, ...]
    other_first_min: int
    mg_first_min: int
    rule: str
    strength: str = ""  # must | should | precaution; "" when it has no timing rule
    weekdays: tuple[int, ...] = ()  # 0 Monday .. 6 Sunday; empty: every day


class WeekdayTimes(BaseModel):
    """The days a weekday-only medicine is taken: the times of the plan's doses on those days.

    ``times_min`` follows ``Plan.doses`` one for one; ``None`` is a dose left out that day.
    """

    model_config = ConfigDict(frozen=True)

    weekdays: tuple[int, ...]
    medicines: tuple[str, ...]
    times_min: tuple[int | None, ...]


class Plan(BaseModel):
    model_config = ConfigDict(frozen=True)

    blocked: bool
    supervised: bool
    supervised_by: str = ""  # the supervising clinician's name, when known
    daily_elemental_mg: float
    target_mg: float
    upper_limit_mg: int | None
    limit_name: str
    rda_mg: int
    other_magnesium_mg: float
    forms: tuple[str, ...]
    suggestions: tuple[FormChoice, ...]
    doses: tuple[Dose, ...]
    warnings: tuple[PlanWarning, ...]
    titration: tuple[TitrationStep, ...]
    medicines: tuple[MedicineInPlan, ...]
    notes: tuple[str, ...]
    weekday_times: tuple[WeekdayTimes, ...] = ()
    wake_min: int
    bed_min: int
    meals_min: tuple[int, ...]

    @property
    def total_with_other_mg(self) -> float:
        return round(self.daily_elemental_mg + self.other_magnesium_mg, 1)

    def warning(self, code: str) -> PlanWarning | None:
        return next((w for w in self.warnings if w.code == code), None)

    def to_json(self) -> dict[str, Any]:
        """The ``magplan plan --json`` contract (plus a few extra keys)."""
        return {
            "blocked": self.blocked,
            "supervised": self.supervised,
            "supervised_by": self.supervised_by,
            "daily_elemental_mg": _num(self.daily_elemental_mg),
            "upper_limit_mg": self.upper_limit_mg,
            "limit": self.limit_name,
            "other_magnesium_mg": _num(self.other_magnesium_mg),
            "rda_mg": self.rda_mg,
            "forms": list(self.forms),
            "doses": [
                {
                    "time": d.time,
                    "form": d.form,
                    "elemental_mg": _num(d.elemental_mg),
                    "units": _num(d.units),
                    "unit": d.unit,
                    "elemental_mg_per_unit": _num(d.elemental_mg_per_unit),
                    "compound_mg": _num(d.compound_mg) if d.compound_mg is not None else None,
                    "compound_about_mg": (
                        _num(d.compound_about_mg) if d.compound_about_mg is not None else None
                    ),
                    "compound_about_max_mg": (
                        _num(d.compound_about_max_mg)
                        if d.compound_about_max_mg is not None
                        else None
                    ),
                    "with_food": d.with_food,
                    "goals": list(d.goals),
                    "reason": d.reason,
                }
                for d in self.doses
            ],
            "warnings": [
                {
                    "code": w.code,
                    "severity": w.severity,
                    "message": w.message,
                    "source": w.source,
                }
                for w in self.warnings
            ],
            "titration": [
                {"week": s.week, "daily_elemental_mg": _num(s.daily_elemental_mg)}
                for s in self.titration
            ],
            "suggestions": [
                {
                    "form": s.form,
                    "rank": s.rank,
                    "reason": s.reason,
                    "source": ", ".join(s.sources),
                    "excluded": s.excluded,
                }
                for s in self.suggestions
            ],
            "notes": list(self.notes),
            "medicines": [
                {
                    "name": m.name,
                    "class": m.class_name,
                    "times": [format_time(t) for t in m.times_min],
                    "weekdays": [WEEKDAYS_SHORT[d] for d in m.weekdays],
                    "rule": m.rule,
                    "strength": m.strength,
                }
                for m in self.medicines
            ],
            "weekday_times": [
                {
                    "weekdays": [WEEKDAYS_SHORT[d] for d in w.weekdays],
                    "medicines": list(w.medicines),
                    "times": [format_time(t) if t is not None else None for t in w.times_min],
                }
                for w in self.weekday_times
            ],
        }


def daily_mg(units: list[float] | tuple[float, ...], doses: tuple[Dose, ...]) -> float:
    """The day's elemental mg: the exact sum of units x mg per unit, rounded once to 0.1 mg
    (each dose's own mg is shown rounded, so its shown values may add up 0.1 mg apart)."""
    return round(sum(u * d.elemental_mg_per_unit for u, d in zip(units, doses, strict=True)), 1)


def _num(value: float) -> float | int:
    """Whole numbers print as integers in JSON (175, not 175.0)."""
    return int(value) if float(value).is_integer() else round(value, 1)
