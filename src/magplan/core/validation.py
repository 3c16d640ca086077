"""Checks a request before it is planned: every name known, no more than a day can be planned
around, a person and an amount the planner can plan for. The first problem is one clear
:class:`PlanInputError` naming the field."""

from __future__ import annotations

from magplan.core.errors import PlanInputError, shown
from magplan.core.knowledge import Knowledge
from magplan.core.request import (
    MAX_MEALS,
    MAX_MEDICINE_NAME_CHARS,
    MAX_MEDICINES,
    MAX_PRODUCTS,
    MAX_TIMES_PER_MEDICINE,
    PlanRequest,
    check_day,
    check_text,
)


def validate_request(req: PlanRequest, k: Knowledge) -> None:
    """Raise :class:`PlanInputError` for anything the planner cannot plan with."""
    _check_names(req, k)
    _check_form(req, k)
    _check_sizes(req)
    _check_medicines(req, k)
    _check_person(req, k)
    check_day(req.wake_min, req.bed_min, req.meals_min)
    _check_target(req, k)
    if req.diet or req.target_from_diet:
        from magplan.core.diet import check_diet  # the foods load only for a diet

        check_diet(req, k)


def _check_names(req: PlanRequest, k: Knowledge) -> None:
    """At least one goal; every goal, condition and product form one the planner knows."""
    if not req.goals:
        raise PlanInputError("goal", "pick at least one goal")
    for g in req.goals:
        if g not in k.goals:
            raise PlanInputError("goal", f"unknown goal '{g}'; allowed: {', '.join(k.goals)}")
    for c in req.conditions:
        if c not in k.conditions:
            raise PlanInputError(
                "condition", f"unknown condition '{c}'; allowed: {', '.join(k.conditions)}"
            )
    for p in req.products:
        if p.form not in k.forms:
            raise PlanInputError("product", f"unknown form '{p.form}' in a product")


def _check_form(req: PlanRequest, k: Knowledge) -> None:
    """A chosen form is known, and one of the person's products when they entered some."""
    if req.form is None:
        return
    if req.form not in k.forms:
        raise PlanInputError("form", f"unknown form '{req.form}'; allowed: {', '.join(k.forms)}")
    if req.products and req.form not in {p.form for p in req.products}:
        raise PlanInputError(
            "form",
            f"form '{req.form}' is none of your products "
            f"({', '.join(sorted({p.form for p in req.products}))}); add a product of it",
        )


def _check_sizes(req: PlanRequest) -> None:
    """How many medicines, times, meals and products a day can be planned around, and the
    texts they carry (one clear error each, wherever they were typed)."""
    limits = (
        ("med", len(req.medicines), MAX_MEDICINES, "medicines"),
        ("meal", len(req.meals_min), MAX_MEALS, "meals"),
        ("product", len(req.products), MAX_PRODUCTS, "products"),
    )
    for field, count, most, what in limits:
        if count > most:
            raise PlanInputError(field, f"{count} {what}: at most {most} can be planned around")
    for m in req.medicines:
        check_text(m.name, "med", "a medicine name", MAX_MEDICINE_NAME_CHARS)
        if len(m.times_min) > MAX_TIMES_PER_MEDICINE:
            raise PlanInputError(
                "med",
                f"{shown(m.name)} at {len(m.times_min)} times a day: at most "
                f"{MAX_TIMES_PER_MEDICINE}",
            )
    check_text(req.supervised_by, "supervised_by", "the supervising clinician's name")
    for p in req.products:
        check_text(p.unit, "product", "a product's unit")
        check_text(p.label, "product", "a product's label")


def _check_medicines(req: PlanRequest, k: Knowledge) -> None:
    """Every medicine of a known class; a stated spacing exactly for the medicines the planner
    does not know."""
    for m in req.medicines:
        if m.class_id not in k.medicines:
            raise PlanInputError("med", f"unknown medicine class '{m.class_id}' for {m.name}")
        stated = k.medicines[m.class_id].stated
        if stated and m.spacing_min is None:
            raise PlanInputError(
                "med",
                f"the planner does not know '{m.name}': state its spacing from magnesium in "
                "hours (0 when your pharmacist said none is needed)",
            )
        if not stated and m.spacing_min is not None:
            raise PlanInputError(
                "med",
                f"the planner knows '{m.name}' ({k.medicines[m.class_id].name.lower()}): its "
                "spacing comes from its label, not a stated one",
            )


def _check_person(req: PlanRequest, k: Knowledge) -> None:
    """Pregnancy and breastfeeding: not both, not for a man, and at an accepted age."""
    if req.pregnant and req.sex == "male":
        raise PlanInputError("sex", "pregnant and male cannot both be set")
    if req.pregnant and req.lactating:
        raise PlanInputError(
            "lactating",
            "pregnant and breastfeeding cannot both be set: choose the one that applies now",
        )
    youngest = k.planning.ages.pregnancy_accepted_from_years
    first, last = k.intakes.pregnancy_figure_ages()
    if (req.pregnant or req.lactating) and not youngest <= req.age_years <= last:
        raise PlanInputError(
            "age",
            f"pregnancy or breastfeeding at age {req.age_years}: the reference intakes for "
            f"pregnancy and lactation cover ages {first} to {last} ({youngest} to {last} "
            "accepted)",
        )


def _check_target(req: PlanRequest, k: Knowledge) -> None:
    """A target of at least one planning step, and never above the planner's daily ceiling
    together with the magnesium from other products."""
    if req.target_mg is None:
        return
    step = k.planning.amounts.no_product_step_mg
    if req.target_mg < step:
        raise PlanInputError(
            "target",
            f"target {req.target_mg:g} mg is too small to plan: at least {step:g} mg a day",
        )
    cap = k.intakes.dosing.max_daily_mg
    if req.target_mg + req.other_magnesium_mg > cap:
        extra = (
            f" including {req.other_magnesium_mg:g} mg from other products"
            if req.other_magnesium_mg
            else ""
        )
        raise PlanInputError(
            "target",
            f"target {req.target_mg:g} mg makes "
            f"{req.target_mg + req.other_magnesium_mg:g} mg/day{extra}; "
            f"the planner never plans above {cap} mg/day in total",
        )
