"""``plan_day()``: from a :class:`PlanRequest` to a :class:`Plan`.

The order is the order a careful clinician would follow: gates first (kidney disease, heart
block, infants), then the person's limit, the form(s), the daily amount, its division into doses
of the person's own products, their times, the titration ramp and the warnings. Each step lives
in its own module: ``gates``, ``medicines``, ``forms``, ``doses`` (with ``schedule``, ``units``
and ``dose_reasons``), ``weekday_times``, ``titration``; what the plan says, in
``form_warnings``, ``spacing_warnings`` and ``studied_amounts``.
"""

from __future__ import annotations

from dataclasses import replace

from magplan.core.doses import schedule
from magplan.core.form_warnings import form_warnings, goals_unserved, no_form, not_by_mouth
from magplan.core.forms import FormPick, add_filler, pick_forms
from magplan.core.gates import above_limit, amount_needed, gates, target_mg, unlocked
from magplan.core.knowledge import Knowledge, load_knowledge
from magplan.core.limits import Limits, limits_for, sex_matters
from magplan.core.medicines import Medicines, avoided_warnings, medicines
from magplan.core.plan import Dose, Plan, PlanWarning, TitrationStep, WeekdayTimes, daily_mg
from magplan.core.request import PlanRequest
from magplan.core.schedule import Day
from magplan.core.studied_amounts import daily_cap_mg, filler
from magplan.core.timeofday import forward_gap
from magplan.core.titration import titrate
from magplan.core.units import product_for
from magplan.core.validation import validate_request as validate_request
from magplan.core.values import value
from magplan.core.weekday_times import weekday_times


@value
class _FormChoice:
    """The forms the plan may use, and what shaped the choice."""

    pick: FormPick
    forced: str | None  # the form the person chose, when it can be taken by mouth
    avoid_laxative: bool  # a condition (loose stools) rules out laxative forms


@value
class _Doses:
    """The day's doses, their weekly ramp and their times on weekday-only medicines' days."""

    doses: tuple[Dose, ...] = ()
    titration: tuple[TitrationStep, ...] = ()
    weekday_times: tuple[WeekdayTimes, ...] = ()

    @property
    def daily_mg(self) -> float:
        return daily_mg([d.units for d in self.doses], self.doses)


def plan_day(req: PlanRequest, k: Knowledge | None = None) -> Plan:
    """The day's plan for ``req``. Raises :class:`PlanInputError` for input it cannot use."""
    k = k or load_knowledge()
    validate_request(req, k)
    lim = limits_for(k, req)
    warnings: list[PlanWarning] = []
    meds = medicines(k, req, warnings)
    blocked = gates(k, req, lim, warnings)
    what = unlocked(k, req, lim)
    diet = None
    if req.diet:
        from magplan.core.diet import estimate  # the foods load only for a diet

        diet = estimate(req.diet)
    plans_gap = diet is not None and not blocked and not what  # a clinician's plan has none
    target = target_mg(k, req, lim, warnings, diet.mg_per_day if diet and plans_gap else None)
    choice = _choose_forms(k, req, target)
    if not blocked and req.target_mg is None and what:
        # the upper limit does not protect these people: the clinician prescribes the amount
        warnings.append(amount_needed(k, what))
        target = 0.0
    planned = _Doses()
    if not blocked and target > 0:
        planned = _plan_doses(k, req, choice, target, meds, warnings)
    warnings.extend(form_warnings(k, req, choice.pick, planned.doses, choice.avoid_laxative))
    if not blocked:
        warnings.extend(goals_unserved(k, req, choice.pick, planned.doses, choice.avoid_laxative))
    warnings.extend(above_limit(k, req, lim, planned.daily_mg))
    plan = _plan(k, req, lim, choice, meds, planned, warnings, blocked=blocked, target=target)
    return replace(
        plan,
        diet=diet,
        ear_mg=lim.ear_mg,
        target_from_diet=req.target_from_diet,
        diet_needs_sex=diet is not None and sex_matters(k, req),
    )


def _choose_forms(k: Knowledge, req: PlanRequest, target: float) -> _FormChoice:
    """The form(s) for the goals, among the person's products that can be taken by mouth; a
    second form fills the part of the amount a form held to its studied amount may not give."""
    avoid_laxative = any(k.conditions[c].avoid_laxative for c in req.conditions)
    owned = tuple(dict.fromkeys(p.form for p in req.products if k.forms[p.form].oral))
    forced = req.form if req.form is None or k.forms[req.form].oral else None
    pick = pick_forms(k, req.goals, owned=owned, forced=forced, avoid_laxative=avoid_laxative)
    if forced is None and len(pick.forms) == 1:
        first = pick.forms[0]
        cap = daily_cap_mg(k, first, product_for(req.products, first, target))
        if cap is not None and cap < target:
            pick = add_filler(pick, filler(k, pick, first, owned_only=bool(owned)))
    return _FormChoice(pick, forced, avoid_laxative)


def _plan_doses(
    k: Knowledge,
    req: PlanRequest,
    choice: _FormChoice,
    target: float,
    meds: Medicines,
    out: list[PlanWarning],
) -> _Doses:
    """The doses, unless no magnesium can be planned: beside a medicine that forbids it, in a
    form not taken by mouth, or with no usable form."""
    if meds.avoided:
        out.extend(avoided_warnings(k, meds.avoided))
        return _Doses()
    if req.form is not None and choice.forced is None:
        out.append(not_by_mouth(k, req.form))
        return _Doses()
    if not choice.pick.forms:
        out.append(no_form(k, req))
        return _Doses()
    day = Day(
        wake_min=req.wake_min,
        waking_min=req.waking_min,
        meals_off=tuple(sorted(forward_gap(req.wake_min, m) for m in req.meals_min)),
        timing=k.planning.day,
    )
    doses, slots = schedule(k, req, choice.pick, target, day, meds.rules, out)
    weekdays = weekday_times(k, day, slots, doses, meds, out)
    return _Doses(doses, titrate(k, doses, req.ramp_holds), weekdays)


def _plan(
    k: Knowledge,
    req: PlanRequest,
    lim: Limits,
    choice: _FormChoice,
    meds: Medicines,
    planned: _Doses,
    warnings: list[PlanWarning],
    *,
    blocked: bool,
    target: float,
) -> Plan:
    """The plan as every output shows it: warnings most severe first, the notes last."""
    doses = planned.doses
    return Plan(
        blocked=blocked,
        supervised=req.supervised,
        supervised_by=req.supervised_by if req.supervised else "",
        daily_elemental_mg=planned.daily_mg,
        target_mg=target,
        upper_limit_mg=lim.upper_limit_mg,
        limit_name=lim.limit_name,
        rda_mg=lim.rda_mg,
        other_magnesium_mg=req.other_magnesium_mg,
        forms=tuple(dict.fromkeys(d.form for d in doses)),
        suggestions=choice.pick.suggestions,
        doses=doses,
        warnings=tuple(_ordered(warnings)),
        titration=planned.titration,
        medicines=meds.listed,
        notes=_notes(k, req, blocked=blocked or not doses),
        weekday_times=planned.weekday_times,
        wake_min=req.wake_min,
        bed_min=req.bed_min,
        meals_min=tuple(sorted(req.meals_min, key=lambda m: forward_gap(req.wake_min, m))),
    )


def _notes(k: Knowledge, req: PlanRequest, *, blocked: bool) -> tuple[str, ...]:
    """The disclaimer, a goal's own note; the time to improvement only when there is a plan to
    follow."""
    notes = [k.disclaimer.text]
    notes.extend(k.goals[g].disclaimer_note for g in req.goals if k.goals[g].disclaimer_note)
    if not blocked:
        notes.append(k.disclaimer.timeframe)
    return tuple(notes)


_SEVERITY_ORDER = {"danger": 0, "caution": 1, "info": 2}


def _ordered(warnings: list[PlanWarning]) -> list[PlanWarning]:
    """Most severe first; the same code and message only once."""
    seen: set[tuple[str, str]] = set()
    unique = []
    for w in warnings:
        if (w.code, w.message) not in seen:
            seen.add((w.code, w.message))
            unique.append(w)
    return sorted(unique, key=lambda w: _SEVERITY_ORDER[w.severity])
