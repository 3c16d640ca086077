"""What the user tells the planner: the person, their day, goals, medicines and products.

Names are stored as the knowledge base's ids (``"glycinate"``, ``"anxiety"``); the ``parse_*``
helpers turn what a user typed (an alias, a brand name, ``"08:00"``) into those ids, with one
clear :class:`PlanInputError` when they cannot.
"""

from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from magplan.core.errors import PlanInputError
from magplan.core.knowledge import Knowledge
from magplan.core.timeofday import MINUTES_PER_DAY, format_time, forward_gap, parse_time

MIN_WAKING_DAY_MIN = 6 * 60
MIN_PRODUCT_MG = 1.0
MAX_PRODUCT_MG = 2000.0
MAX_COMPOUND_MG = 20000.0
MAX_OTHER_MG = 2000.0
MAX_TARGET_MG = 600.0  # also the dosing cap in intakes.toml; checked against it in planner

Sex = Literal["female", "male"]
LimitStandard = Literal["us", "eu"]

DEFAULT_WAKE_MIN = 7 * 60
DEFAULT_BED_MIN = 22 * 60 + 30
DEFAULT_MEALS_MIN = (7 * 60 + 30, 12 * 60 + 30, 18 * 60 + 30)
DEFAULT_AGE_YEARS = 35


class Product(BaseModel):
    """One of the person's own bottles."""

    model_config = ConfigDict(frozen=True)

    form: str
    elemental_mg_per_unit: float = Field(ge=MIN_PRODUCT_MG, le=MAX_PRODUCT_MG)
    unit: str = "capsule"
    halves: bool = False
    compound_mg_per_unit: float | None = Field(default=None, gt=0, le=MAX_COMPOUND_MG)
    label: str = ""

    @property
    def step_mg(self) -> float:
        """The smallest amount this product can give: a half unit where halves are allowed."""
        return self.elemental_mg_per_unit / 2 if self.halves else self.elemental_mg_per_unit


class MedicineTimes(BaseModel):
    """Another medicine or supplement and the times of day it is taken."""

    model_config = ConfigDict(frozen=True)

    name: str
    class_id: str
    times_min: tuple[int, ...] = Field(min_length=1)

    @field_validator("times_min")
    @classmethod
    def _times_in_day(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        for t in value:
            if not 0 <= t < MINUTES_PER_DAY:
                raise ValueError(f"{t} is not a minute of the day")
        return tuple(sorted(set(value)))


class PlanRequest(BaseModel):
    """Everything the planner needs. Every field has a safe default."""

    model_config = ConfigDict(frozen=True)

    goals: tuple[str, ...] = ("sleep",)
    form: str | None = None
    age_years: int = Field(default=DEFAULT_AGE_YEARS, ge=0, le=120)
    sex: Sex | None = None
    pregnant: bool = False
    lactating: bool = False
    wake_min: int = Field(default=DEFAULT_WAKE_MIN, ge=0, lt=MINUTES_PER_DAY)
    bed_min: int = Field(default=DEFAULT_BED_MIN, ge=0, lt=MINUTES_PER_DAY)
    meals_min: tuple[int, ...] = DEFAULT_MEALS_MIN
    target_mg: float | None = Field(default=None, gt=0)
    limit: LimitStandard = "us"
    products: tuple[Product, ...] = ()
    other_magnesium_mg: float = Field(default=0.0, ge=0, le=MAX_OTHER_MG)
    medicines: tuple[MedicineTimes, ...] = ()
    conditions: tuple[str, ...] = ()
    supervised: bool = False

    @field_validator("meals_min")
    @classmethod
    def _meals_in_day(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        for t in value:
            if not 0 <= t < MINUTES_PER_DAY:
                raise ValueError(f"{t} is not a minute of the day")
        return value

    @property
    def waking_min(self) -> int:
        """Length of the waking day in minutes; bed after midnight is an ordinary day."""
        return forward_gap(self.wake_min, self.bed_min)


# ---- turning what a user typed into ids -------------------------------------------------


def parse_goal(k: Knowledge, text: str) -> str:
    ident = k.find_goal(text)
    if ident is None:
        raise PlanInputError("goal", f"unknown goal '{text}'; allowed: {', '.join(k.goals)}")
    return ident


def parse_form(k: Knowledge, text: str) -> str:
    ident = k.find_form(text)
    if ident is None:
        raise PlanInputError("form", f"unknown form '{text}'; allowed: {', '.join(k.forms)}")
    return ident


def parse_condition(k: Knowledge, text: str) -> str:
    ident = k.find_condition(text)
    if ident is None:
        raise PlanInputError(
            "condition", f"unknown condition '{text}'; allowed: {', '.join(k.conditions)}"
        )
    return ident


def parse_medicine_class(k: Knowledge, name: str) -> str:
    ident = k.find_medicine(name)
    if ident is None:
        raise PlanInputError(
            "med",
            f"unknown medicine '{name}'; use a generic or brand name the planner knows "
            f"(e.g. sertraline, doxycycline) or a class: {', '.join(k.medicines)}",
        )
    return ident


def parse_med_spec(k: Knowledge, spec: str) -> tuple[str, str, int]:
    """``"sertraline@08:00"`` -> (name, class id, minute of day)."""
    name, sep, when = spec.rpartition("@")
    if not sep or not name.strip():
        raise PlanInputError("med", f"--med '{spec}' must be NAME@HH:MM, e.g. sertraline@08:00")
    name = name.strip()
    if "@" in name:
        raise PlanInputError("med", f"--med '{spec}' must be NAME@HH:MM with one @")
    return name, parse_medicine_class(k, name), parse_time(when, f"time of {name}")


def group_medicines(entries: list[tuple[str, str, int]]) -> tuple[MedicineTimes, ...]:
    """Several times of one medicine become one entry with several times, in input order."""
    grouped: dict[str, tuple[str, str, list[int]]] = {}
    for name, class_id, minute in entries:
        key = name.casefold()
        if key not in grouped:
            grouped[key] = (name, class_id, [])
        grouped[key][2].append(minute)
    return tuple(
        MedicineTimes(name=n, class_id=c, times_min=tuple(ts)) for n, c, ts in grouped.values()
    )


def parse_product_spec(k: Knowledge, spec: str, *, compound: bool = False) -> Product:
    """``"glycinate:100:capsule"`` (elemental mg per unit) or ``"citrate:150:tablet:half"``.

    With ``compound=True`` the number is the compound weight on the label, converted to
    elemental magnesium with the form's fraction (the high end of its range, so the planner
    never counts more units than the label would allow).
    """
    what = "--product-compound" if compound else "--product"
    parts = [p.strip() for p in spec.split(":")]
    if len(parts) < 2 or len(parts) > 4 or not parts[0] or not parts[1]:
        raise PlanInputError(
            "product", f"{what} '{spec}' must be FORM:MG[:UNIT][:half], e.g. glycinate:100:capsule"
        )
    form = parse_form(k, parts[0])
    try:
        mg = float(parts[1].lower().removesuffix("mg"))
    except ValueError:
        raise PlanInputError(
            "product", f"{what} '{spec}': '{parts[1]}' is not a number of mg"
        ) from None
    unit = parts[2] if len(parts) > 2 and parts[2] else "capsule"
    halves = False
    if len(parts) == 4:
        if parts[3].lower() not in ("half", "halves"):
            raise PlanInputError("product", f"{what} '{spec}': the fourth part may only be 'half'")
        halves = True
    return make_product(k, form, mg, unit=unit, halves=halves, compound=compound, what=what)


def make_product(
    k: Knowledge,
    form: str,
    mg: float,
    *,
    unit: str = "capsule",
    halves: bool = False,
    compound: bool = False,
    label: str = "",
    what: str = "product",
) -> Product:
    """A product from elemental mg per unit, or from the label's compound weight.

    Amounts have at most one decimal (as labels print them and the window shows them), and a
    unit must hold between 1 and 2000 mg of elemental magnesium to be a real product.
    """
    if not math.isfinite(mg) or mg <= 0:
        raise PlanInputError("product", f"{what}: {mg:g} mg per unit must be more than 0")
    if abs(mg * 10 - round(mg * 10)) > 1e-6:
        raise PlanInputError("product", f"{what}: {mg:g} mg: give it with at most one decimal")
    unit = unit.strip().lower() or "capsule"
    compound_mg: float | None = None
    elemental = mg
    if compound:
        if mg > MAX_COMPOUND_MG:
            raise PlanInputError(
                "product",
                f"{what}: {mg:g} mg of compound per unit is not a real product "
                f"(at most {MAX_COMPOUND_MG:g})",
            )
        compound_mg = mg
        elemental = round(mg * k.forms[form].elemental_fraction, 1)
    if not MIN_PRODUCT_MG <= elemental <= MAX_PRODUCT_MG:
        held = f"{mg:g} mg of {form} holds {elemental:g} mg" if compound else f"{mg:g} mg"
        raise PlanInputError(
            "product",
            f"{what}: {held} of elemental magnesium per unit; a real product holds "
            f"{MIN_PRODUCT_MG:g} to {MAX_PRODUCT_MG:g} mg",
        )
    return Product(
        form=form,
        elemental_mg_per_unit=elemental,
        unit=unit,
        halves=halves,
        compound_mg_per_unit=compound_mg,
        label=label,
    )


def default_meals(wake_min: int, bed_min: int) -> tuple[int, ...]:
    """Meals at the default offsets from waking (07:30, 12:30, 18:30 for a 07:00 wake), kept
    inside the waking day: a night-shift day gets its meals in its own day."""
    waking = forward_gap(wake_min, bed_min)
    offsets = [m - DEFAULT_WAKE_MIN for m in DEFAULT_MEALS_MIN]
    return tuple((wake_min + o) % MINUTES_PER_DAY for o in offsets if o <= waking - 60)


def check_day(wake_min: int, bed_min: int, meals_min: tuple[int, ...]) -> None:
    """A waking day of at least 6 hours, and meals inside it."""
    waking = forward_gap(wake_min, bed_min)
    if waking < MIN_WAKING_DAY_MIN:
        raise PlanInputError(
            "bed",
            f"waking day {format_time(wake_min)}-{format_time(bed_min)} is "
            f"{waking // 60} h {waking % 60:02d} min; it must be at least 6 hours",
        )
    for meal in meals_min:
        if forward_gap(wake_min, meal) > waking:
            raise PlanInputError(
                "meal",
                f"meal at {format_time(meal)} is outside the waking day "
                f"{format_time(wake_min)}-{format_time(bed_min)}",
            )
