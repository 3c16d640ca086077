"""What the planner decides: the day's doses, the warnings and the titration ramp.

Plain frozen dataclasses: the planner builds them from values it has already checked, so
nothing here is validated again (and nothing imports pydantic).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from magplan.core.knowledge import Severity
from magplan.core.timeofday import format_time
from magplan.core.values import value

if TYPE_CHECKING:
    from magplan.core.diet import DietEstimate

WEEKDAYS_SHORT = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@value(kw_only=True, slots=True)
class PlanWarning:
    """A warning with a stable code, a severity, a message and its source keys."""

    code: str
    severity: Severity
    message: str
    sources: tuple[str, ...]

    @property
    def source(self) -> str:
        return ", ".join(self.sources)


@value(kw_only=True, slots=True)
class Dose:
    """One dose: a time, a form, whole (or half) units of a product and what they contain."""

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


@value(kw_only=True, slots=True)
class TitrationStep:
    """One week of the start-low ramp: the day's amount and the doses that week."""

    week: int
    daily_elemental_mg: float
    doses: tuple[tuple[int, float], ...]  # (time_min, units) of the day's doses that week
    held: bool = False  # the week before's amount, held one more week at the person's choice


@value(kw_only=True, slots=True)
class FormChoice:
    """A form the planner considered, ranked for the person's goals."""

    form: str
    rank: int
    score: int
    goals_first: tuple[str, ...]
    goals_also: tuple[str, ...]
    reason: str
    sources: tuple[str, ...]
    excluded: str = ""  # why the planner cannot use it for this person, if it cannot
    owned: bool = False  # one of the person's own products


@value(kw_only=True, slots=True)
class MedicineInPlan:
    """Another medicine as the plan sees it: its class, times and separation rule."""

    name: str
    class_id: str
    class_name: str
    times_min: tuple[int, ...]
    other_first_min: int
    mg_first_min: int
    rule: str
    strength: str = ""  # must | should | precaution; "" when it has no timing rule
    weekdays: tuple[int, ...] = ()  # 0 Monday .. 6 Sunday; empty: every day


@value(kw_only=True, slots=True)
class WeekdayTimes:
    """The days a weekday-only medicine is taken: the times of the plan's doses on those days.

    ``times_min`` follows ``Plan.doses`` one for one; ``None`` is a dose left out that day.
    """

    weekdays: tuple[int, ...]
    medicines: tuple[str, ...]
    times_min: tuple[int | None, ...]


HeadlineKind = Literal["chosen", "planned", "suggested", "none"]


@value
class FormHeadline:
    """The form a plan leads with, as the planner decided it.

    ``kind`` says whose decision the headline is: the person's own ``chosen`` form, the forms
    ``planned`` (the doses' forms), the best form ``suggested`` for the goals when no dose is
    planned, or ``none``. ``suggested`` is the best usable form for the goals whatever the
    headline is; ``explained`` are the choices whose reasons go with the headline, and
    ``alternatives`` the other forms the person could pick, best first.
    """

    kind: HeadlineKind
    forms: tuple[str, ...]
    suggested: str
    explained: tuple[FormChoice, ...]
    alternatives: tuple[FormChoice, ...]

    @property
    def suggested_ids(self) -> str:
        """The suggestion's form ids, ``"glycinate + citrate"``: the headline's own forms,
        or beside a chosen form the best suggestion."""
        return self.suggested if self.kind == "chosen" else " + ".join(self.forms)


@value(kw_only=True, slots=True)
class Plan:
    """The plan for one day: its doses, warnings, ramp and the figures they rest on."""

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
    diet: DietEstimate | None = None  # the diet estimate, when the person answered the checklist
    ear_mg: int | None = None  # the Estimated Average Requirement (none for infants)
    target_from_diet: bool = False  # the daily amount is the dietary gap, as asked
    diet_needs_sex: bool = False  # the EAR and RDA depend on the sex the person did not give

    @property
    def food_is_clinicians(self) -> bool:
        """Whether a condition stops the plan or a clinician supervises it: food choices are
        then theirs too, the diet is not compared and the food lists suggest nothing."""
        return self.blocked or self.supervised

    @property
    def diet_compared(self) -> bool:
        """Whether the diet is compared with the person's EAR and RDA: not when food is the
        clinician's (:attr:`food_is_clinicians`), nor without the sex the requirement
        depends on."""
        return self.diet is not None and not self.food_is_clinicians and not self.diet_needs_sex

    @property
    def diet_gap_mg(self) -> float | None:
        """The RDA less the diet estimate and the person's other magnesium products (at least
        0), when the diet is compared."""
        if self.diet is None or not self.diet_compared:
            return None
        return max(0.0, self.rda_mg - self.diet.mg_per_day - self.other_magnesium_mg)

    @property
    def total_with_diet_mg(self) -> float | None:
        """The diet estimate, the plan and the person's other products together."""
        return None if self.diet is None else round(self.diet.mg_per_day + self.total_with_other_mg)

    @property
    def total_with_other_mg(self) -> float:
        return round(self.daily_elemental_mg + self.other_magnesium_mg, 1)

    def warning(self, code: str) -> PlanWarning | None:
        return next((w for w in self.warnings if w.code == code), None)

    def best_suggestion(self) -> FormChoice | None:
        """The form suggested first for the person's goals: the best one the planner can use,
        else the best one there is (every form ruled out)."""
        usable = [c for c in self.suggestions if not c.excluded]
        return usable[0] if usable else (self.suggestions[0] if self.suggestions else None)

    def headline(self, chosen_form: str | None = None) -> FormHeadline:
        """Which form heads the plan, and the forms whose reasons go with it.

        ``chosen_form`` is the form the person picked instead of the suggestion, if any: it is
        the headline. Otherwise the planner's own forms are, and for a plan without doses the
        best suggestion.
        """
        by_form = {c.form: c for c in self.suggestions}
        best = self.best_suggestion()
        suggested = best.form if best is not None else ""
        if chosen_form:
            kind: HeadlineKind = "chosen"
            forms: tuple[str, ...] = (chosen_form,)
        elif self.forms:
            kind, forms = "planned", self.forms
        else:
            kind, forms = ("suggested", (suggested,)) if suggested else ("none", ())
        explained_forms = self.forms or ((suggested,) if suggested else ())
        if chosen_form and chosen_form in by_form:
            explained_forms = (chosen_form,)
        explained = tuple(by_form[f] for f in explained_forms if f in by_form)
        alternatives = tuple(
            c
            for c in self.suggestions
            if not c.excluded and c.form not in explained_forms and c.form != chosen_form
        )
        return FormHeadline(kind, forms, suggested, explained, alternatives)

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
            "doses": [_dose_json(d) for d in self.doses],
            "warnings": [_warning_json(w) for w in self.warnings],
            "titration": [
                {"week": s.week, "daily_elemental_mg": _num(s.daily_elemental_mg)}
                | ({"held": True} if s.held else {})
                for s in self.titration
            ],
            "suggestions": [_suggestion_json(s) for s in self.suggestions],
            "notes": list(self.notes),
            "medicines": [_medicine_json(m) for m in self.medicines],
            "weekday_times": [_weekday_times_json(w) for w in self.weekday_times],
        } | self._diet_json()

    def _diet_json(self) -> dict[str, Any]:
        """The diet estimate's keys, when the person gave their diet (``--diet``)."""
        if self.diet is None:
            return {}
        return {
            "diet_mg": _num(self.diet.mg_per_day),
            "ear_mg": self.ear_mg,
            "diet_gap_mg": _num_or_none(self.diet_gap_mg),
            "total_mg": _num_or_none(self.total_with_diet_mg),
            "target_from_diet": self.target_from_diet,
            "diet_needs_sex": self.diet_needs_sex,
            "diet": [
                {
                    "food": line.item,
                    "servings": _num(line.servings),
                    "per": line.per,
                    "mg_per_day": _num(line.mg_per_day),
                    "source": line.source,
                }
                for line in self.diet.lines
            ],
            "diet_carried_by": [line.item for line in self.diet.carried_by],
        }


def _dose_json(d: Dose) -> dict[str, Any]:
    return {
        "time": d.time,
        "form": d.form,
        "elemental_mg": _num(d.elemental_mg),
        "units": _num(d.units),
        "unit": d.unit,
        "elemental_mg_per_unit": _num(d.elemental_mg_per_unit),
        "compound_mg": _num_or_none(d.compound_mg),
        "compound_about_mg": _num_or_none(d.compound_about_mg),
        "compound_about_max_mg": _num_or_none(d.compound_about_max_mg),
        "with_food": d.with_food,
        "goals": list(d.goals),
        "reason": d.reason,
    }


def _warning_json(w: PlanWarning) -> dict[str, Any]:
    return {"code": w.code, "severity": w.severity, "message": w.message, "source": w.source}


def _suggestion_json(s: FormChoice) -> dict[str, Any]:
    return {
        "form": s.form,
        "rank": s.rank,
        "reason": s.reason,
        "source": ", ".join(s.sources),
        "excluded": s.excluded,
    }


def _medicine_json(m: MedicineInPlan) -> dict[str, Any]:
    return {
        "name": m.name,
        "class": m.class_name,
        "times": [format_time(t) for t in m.times_min],
        "weekdays": [WEEKDAYS_SHORT[d] for d in m.weekdays],
        "rule": m.rule,
        "strength": m.strength,
    }


def _weekday_times_json(w: WeekdayTimes) -> dict[str, Any]:
    return {
        "weekdays": [WEEKDAYS_SHORT[d] for d in w.weekdays],
        "medicines": list(w.medicines),
        "times": [format_time(t) if t is not None else None for t in w.times_min],
    }


def daily_mg(units: list[float] | tuple[float, ...], doses: tuple[Dose, ...]) -> float:
    """The day's elemental mg: the exact sum of units x mg per unit, rounded once to 0.1 mg
    (each dose's own mg is shown rounded, so its shown values may add up 0.1 mg apart)."""
    return round(sum(u * d.elemental_mg_per_unit for u, d in zip(units, doses, strict=True)), 1)


def _num(value: float) -> float | int:
    """Whole numbers print as integers in JSON (175, not 175.0)."""
    return int(value) if float(value).is_integer() else round(value, 1)


def _num_or_none(value: float | None) -> float | int | None:
    return _num(value) if value is not None else None
