"""``plan_day()``: from a :class:`PlanRequest` to a :class:`Plan`. Every rule is applied here.

The order is the order a careful clinician would follow: gates first (kidney disease, heart
block, infants), then the person's limit, the form(s), the daily amount, its division into doses
of the person's own products, their times, the titration ramp and the warnings.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import combinations, pairwise

from magplan.core.errors import PlanInputError, shown
from magplan.core.forms import NOT_OWNED, FormPick, add_filler, pick_forms
from magplan.core.knowledge import Knowledge, MedicineClass, load_knowledge
from magplan.core.limits import Limits, is_child, limits_for
from magplan.core.plan import (
    Dose,
    MedicineInPlan,
    Plan,
    PlanWarning,
    TitrationStep,
    WeekdayTimes,
    daily_mg,
)
from magplan.core.plan_warnings import phrase, warning, words
from magplan.core.request import (
    MAX_MEALS,
    MAX_MEDICINE_NAME_CHARS,
    MAX_MEDICINES,
    MAX_PRODUCTS,
    MAX_TIMES_PER_MEDICINE,
    MedicineTimes,
    PlanRequest,
    Product,
    check_day,
    check_text,
    format_weekdays,
)
from magplan.core.schedule import (
    Day,
    DoseSlot,
    Placement,
    SlotKind,
    place_doses,
)
from magplan.core.separation import (
    SeparationRule,
    Strength,
    feasible_intervals,
    format_hours,
    of_strength,
    rule_text,
    total_shortfall,
)
from magplan.core.text import format_mg, medicine_rule, short_form_name
from magplan.core.timeofday import CLOCK_STEP_MIN, MINUTES_PER_DAY, format_time, forward_gap
from magplan.core.titration import titrate
from magplan.core.units import Portion, SlotProduct, portion_doses


def validate_request(req: PlanRequest, k: Knowledge) -> None:
    """Raise :class:`PlanInputError` for anything the planner cannot plan with."""
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
    if req.form is not None:
        if req.form not in k.forms:
            raise PlanInputError(
                "form", f"unknown form '{req.form}'; allowed: {', '.join(k.forms)}"
            )
        if req.products and req.form not in {p.form for p in req.products}:
            raise PlanInputError(
                "form",
                f"form '{req.form}' is none of your products "
                f"({', '.join(sorted({p.form for p in req.products}))}); add a product of it",
            )
    _check_sizes(req)
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
    check_day(req.wake_min, req.bed_min, req.meals_min)
    cap = k.intakes.dosing.max_daily_mg
    step = k.planning.amounts.no_product_step_mg
    if req.target_mg is not None and req.target_mg < step:
        raise PlanInputError(
            "target",
            f"target {req.target_mg:g} mg is too small to plan: at least {step:g} mg a day",
        )
    if req.target_mg is not None and req.target_mg + req.other_magnesium_mg > cap:
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


def plan_day(req: PlanRequest, k: Knowledge | None = None) -> Plan:
    """The day's plan for ``req``. Raises :class:`PlanInputError` for input it cannot use."""
    k = k or load_knowledge()
    validate_request(req, k)
    lim = limits_for(k, req)
    warnings: list[PlanWarning] = []
    meds = _medicines(k, req, warnings)
    blocked = _gates(k, req, lim, warnings)
    avoid_laxative = any(k.conditions[c].avoid_laxative for c in req.conditions)
    owned = tuple(dict.fromkeys(p.form for p in req.products if k.forms[p.form].oral))
    forced = req.form if req.form is None or k.forms[req.form].oral else None
    pick = pick_forms(k, req.goals, owned=owned, forced=forced, avoid_laxative=avoid_laxative)
    target = _target(k, req, lim, warnings)
    if forced is None and len(pick.forms) == 1:
        cap = daily_cap_mg(k, pick.forms[0], _product_for(req, pick.forms[0], target))
        if cap is not None and cap < target:
            pick = add_filler(pick, _filler(k, pick, pick.forms[0], owned_only=bool(owned)))
    day = Day(
        wake_min=req.wake_min,
        waking_min=req.waking_min,
        meals_off=tuple(sorted(forward_gap(req.wake_min, m) for m in req.meals_min)),
        timing=k.planning.day,
    )

    doses: tuple[Dose, ...] = ()
    titration: tuple[TitrationStep, ...] = ()
    weekday_times: tuple[WeekdayTimes, ...] = ()
    unlocked = _unlocked(k, req, lim)
    if not blocked and req.target_mg is None and unlocked:
        # the upper limit does not protect these people: the clinician prescribes the amount
        warnings.append(_amount_needed(k, unlocked))
        target = 0.0
    if not blocked and target > 0:
        if meds.avoided:
            warnings.extend(_avoided(k, meds.avoided))
        elif req.form is not None and forced is None:
            warnings.append(_not_by_mouth(k, req.form))
        elif not pick.forms:
            warnings.append(_no_form(k, req))
        else:
            doses, slots = _schedule(k, req, pick, target, day, meds.rules, warnings)
            weekday_times = _weekday_times(k, day, slots, doses, meds, warnings)
            titration = titrate(k, doses)
    forms_used = tuple(dict.fromkeys(d.form for d in doses))
    warnings.extend(_form_warnings(k, req, pick, doses, avoid_laxative))
    if not blocked:
        warnings.extend(_goals_unserved(k, req, pick, doses, avoid_laxative))

    daily = daily_mg([d.units for d in doses], doses)
    _above_limit(k, req, lim, daily, warnings)
    return Plan(
        blocked=blocked,
        supervised=req.supervised,
        supervised_by=req.supervised_by if req.supervised else "",
        daily_elemental_mg=daily,
        target_mg=target,
        upper_limit_mg=lim.upper_limit_mg,
        limit_name=lim.limit_name,
        rda_mg=lim.rda_mg,
        other_magnesium_mg=req.other_magnesium_mg,
        forms=forms_used,
        suggestions=pick.suggestions,
        doses=doses,
        warnings=tuple(_ordered(warnings)),
        titration=titration,
        medicines=meds.listed,
        notes=_notes(k, req, blocked=blocked or not doses),
        weekday_times=weekday_times,
        wake_min=req.wake_min,
        bed_min=req.bed_min,
        meals_min=tuple(sorted(req.meals_min, key=lambda m: forward_gap(req.wake_min, m))),
    )


# ---- gates and limits ----------------------------------------------------------------------


def _gates(k: Knowledge, req: PlanRequest, lim: Limits, out: list[PlanWarning]) -> bool:
    blocked = False
    if lim.none_set:
        out.append(warning(k, "infant"))
        blocked = True
    for cid in req.conditions:
        cond = k.conditions[cid]
        if cond.gate:
            if req.supervised and not lim.none_set:
                out.append(
                    PlanWarning(
                        code=cond.warning_code,
                        severity="danger",
                        message=cond.supervised_message,
                        sources=tuple(cond.sources),
                    )
                )
            else:
                out.append(
                    PlanWarning(
                        code=cond.warning_code,
                        severity="danger",
                        message=cond.message,
                        sources=tuple(cond.sources),
                    )
                )
                blocked = True
        else:
            forced_laxative = req.form is not None and k.forms[req.form].is_laxative
            conflict = cond.avoid_laxative and forced_laxative and k.forms[req.form or ""].oral
            out.append(
                PlanWarning(
                    code=cond.warning_code,
                    severity=cond.severity,
                    message=(
                        cond.forced_message.format(form=k.forms[req.form or ""].name.lower())
                        if conflict
                        else cond.message
                    ),
                    sources=tuple(cond.sources),
                )
            )
    if not lim.none_set and is_child(k, req.age_years):
        young = req.age_years >= k.planning.ages.young_person_from_years
        out.append(
            warning(
                k,
                "child",
                "young" if young else "",
                sources=(lim.limit_source,),
                age=req.age_years,
                upper_limit_mg=lim.upper_limit_mg,
            )
        )
    if req.pregnant or req.lactating:
        blocked = _pregnancy(k, req, lim, out) or blocked
    return blocked


def _unlocked(k: Knowledge, req: PlanRequest, lim: Limits) -> list[str]:
    """What a clinician's supervision unlocked: gated conditions, a pregnancy under 14."""
    if not req.supervised:
        return []
    found = [k.conditions[c].name for c in req.conditions if k.conditions[c].gate]
    if _no_pregnancy_figure(req, lim):
        state = "pregnancy" if req.pregnant else "lactation"
        youngest = k.intakes.pregnancy_figure_ages()[0]
        found.append(words(k, "supervised-amount-needed", state, figure_from_age=youngest))
    return found


def _no_pregnancy_figure(req: PlanRequest, lim: Limits) -> bool:
    """Pregnant or breastfeeding at an age ODS gives no figure for (under 14)."""
    return (req.pregnant or req.lactating) and not lim.pregnancy_figure


def _amount_needed(k: Knowledge, unlocked: list[str]) -> PlanWarning:
    return warning(k, "supervised-amount-needed", unlocked=", ".join(unlocked).lower())


def _pregnancy(k: Knowledge, req: PlanRequest, lim: Limits, out: list[PlanWarning]) -> bool:
    """Pregnancy or breastfeeding: their own intake, and a referral; under 14 no plan (ODS has
    no figure), unless a clinician supervises it."""
    code = "pregnancy" if req.pregnant else "lactation"
    no_figure = _no_pregnancy_figure(req, lim)
    case = ("no-figure-supervised" if req.supervised else "no-figure") if no_figure else ""
    out.append(
        warning(
            k,
            code,
            case,
            age=req.age_years,
            rda_mg=lim.rda_mg,
            upper_limit_mg=lim.upper_limit_mg,
            figure_from_age=k.intakes.pregnancy_figure_ages()[0],
        )
    )
    return no_figure and not req.supervised


def _target(k: Knowledge, req: PlanRequest, lim: Limits, out: list[PlanWarning]) -> float:
    """The daily elemental mg to plan from supplements, within the person's limits."""
    ul = lim.upper_limit_mg
    if ul is None:
        return 0.0
    room = max(0.0, ul - req.other_magnesium_mg)
    if req.other_magnesium_mg and req.other_magnesium_mg >= ul:
        out.append(
            warning(
                k,
                "limit-reached",
                "" if req.other_magnesium_mg == ul else "over",
                sources=(lim.limit_source,),
                other_mg=req.other_magnesium_mg,
                upper_limit_mg=ul,
            )
        )
    step = k.planning.amounts.no_product_step_mg
    if req.target_mg is None:
        return _round_down(room, step)
    if is_child(k, req.age_years) and req.target_mg > room:
        out.append(
            warning(
                k,
                "child",
                "target-lowered",
                sources=(lim.limit_source,),
                target_mg=req.target_mg,
                room_mg=room,
            )
        )
        return _round_down(room, step)
    return float(req.target_mg)


def _above_limit(
    k: Knowledge, req: PlanRequest, lim: Limits, daily: float, out: list[PlanWarning]
) -> None:
    """The caution for a plan that, as planned, passes the upper limit (only on request)."""
    ul = lim.upper_limit_mg
    total = daily + req.other_magnesium_mg
    if ul is None or daily <= 0 or total <= ul:
        return
    out.append(
        warning(
            k,
            "above-upper-limit",
            sources=(lim.limit_source,),
            total_mg=total,
            upper_limit_mg=ul,
            limit_name=lim.limit_name,
        )
    )


def _round_down(mg: float, step_mg: float) -> float:
    return math.floor(mg / step_mg + 1e-9) * step_mg


# ---- medicines ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Medicines:
    """The other medicines as rules: every day, on some weekdays only, and never beside."""

    listed: tuple[MedicineInPlan, ...]
    rules: list[SeparationRule]  # every day
    weekday_rules: dict[int, list[SeparationRule]]  # 0 Monday .. 6 Sunday: only on those days
    avoided: list[MedicineTimes]  # the label advises against magnesium at any spacing


def _medicines(k: Knowledge, req: PlanRequest, out: list[PlanWarning]) -> _Medicines:
    rules: list[SeparationRule] = []
    weekday_rules: dict[int, list[SeparationRule]] = {}
    listed: list[MedicineInPlan] = []
    avoided: list[MedicineTimes] = []
    names_by_class: dict[str, list[str]] = {}
    for med in req.medicines:
        cls = k.medicines[med.class_id]
        other_first, mg_first = (
            (med.spacing_min or 0, med.spacing_min or 0)
            if cls.stated
            else (cls.other_first_min, cls.mg_first_min)
        )
        separates = other_first > 0 or mg_first > 0
        listed.append(
            MedicineInPlan(
                name=med.name,
                class_id=cls.id,
                class_name=cls.name,
                times_min=med.times_min,
                other_first_min=other_first,
                mg_first_min=mg_first,
                rule=medicine_rule(cls, med.spacing_min),
                strength=(cls.strength or "") if (separates or cls.avoid) else "",
                weekdays=med.weekdays,
            )
        )
        if cls.avoid:
            avoided.append(med)
        elif separates:
            new = [
                SeparationRule(
                    name=med.name,
                    class_id=cls.id,
                    warning_code=cls.warning_code,
                    time_min=t,
                    other_first_min=other_first,
                    mg_first_min=mg_first,
                    strength=cls.strength or "must",
                )
                for t in med.times_min
            ]
            if med.every_day:
                rules.extend(new)
            for rule in new:
                for day in _waking_days(req, rule, med.weekdays):
                    weekday_rules.setdefault(day, []).append(rule)
        times = ", ".join(format_time(t) for t in med.times_min)
        if med.weekdays:
            times += f" on {format_weekdays(med.weekdays)}"
        if cls.stated:
            out.append(_stated_warning(k, cls, med, times))
        elif not cls.avoid:  # an avoided medicine has its own warning, with what to do
            names_by_class.setdefault(cls.id, []).append(f"{med.name} ({times})")
    for class_id, names in names_by_class.items():
        cls = k.medicines[class_id]
        message = cls.message_plural if len(names) > 1 and cls.message_plural else cls.message
        out.append(
            PlanWarning(
                code=cls.warning_code,
                severity=cls.severity,
                message=f"{', '.join(names)}: {message}",
                sources=tuple(cls.sources),
            )
        )
    return _Medicines(tuple(listed), rules, weekday_rules, avoided)


def _waking_days(req: PlanRequest, rule: SeparationRule, weekdays: tuple[int, ...]) -> list[int]:
    """The waking days (by the weekday they start on) a weekday-only medicine constrains.

    The medicine is taken at its clock time on its calendar weekdays; it constrains every
    waking day whose span (wake to bed, past midnight too) meets its window. A Saturday 00:30
    dose constrains the waking day that began on Friday for someone who goes to bed at 02:00.
    """
    found = []
    week = 7 * MINUTES_PER_DAY
    for day in weekdays:
        at = week + day * MINUTES_PER_DAY + rule.time_min
        lo, hi = at - rule.mg_first_min, at + rule.other_first_min  # the open window
        for waking in range(day - 2, day + 2):  # a window reaches back at most 12 h
            start = week + waking * MINUTES_PER_DAY + req.wake_min
            if lo < start + req.waking_min and hi > start:
                found.append(waking % 7)
    return sorted(set(found))


def _stated_warning(
    k: Knowledge, cls: MedicineClass, med: MedicineTimes, times: str
) -> PlanWarning:
    spacing = med.spacing_min or 0
    return warning(
        k,
        "stated-separation",
        "" if spacing else "no-spacing",
        sources=cls.sources,
        medicine=med.name,
        times=times,
        spacing=format_hours(spacing),
    )


def _avoided(k: Knowledge, avoided: list[MedicineTimes]) -> list[PlanWarning]:
    return [
        warning(
            k,
            "magnesium-not-with-medicine",
            sources=k.medicines[m.class_id].sources,
            medicine=m.name,
            times=", ".join(format_time(t) for t in m.times_min),
            label_says=k.medicines[m.class_id].message,
            what_to_do=k.medicines[m.class_id].unkept,
        )
        for m in avoided
    ]


# ---- the day's doses ------------------------------------------------------------------------


def _form_kind(k: Knowledge, form: str, goals: tuple[str, ...]) -> SlotKind:
    """Laxative doses belong early in the day, before any bedtime wish; then bedtime; else any."""
    if k.forms[form].marked_laxative or any(k.goals[g].timing == "early" for g in goals):
        return "early"
    if any(k.goals[g].timing == "bedtime" for g in goals):
        return "bedtime"
    return "any"


def _slots(
    k: Knowledge, pick: FormPick, n: int, most: dict[str, int] | None = None
) -> list[DoseSlot]:
    """``n`` doses shared among the forms, in the order they fall in the day; a form with a
    daily maximum gets no more than ``most[form]`` of them while another form can take one."""
    most = most or {}
    counts = dict.fromkeys(pick.forms, 0)
    for _ in range(n):
        open_forms = [f for f in pick.forms if counts[f] < most.get(f, n)] or list(pick.forms)
        counts[min(open_forms, key=lambda f: (counts[f], pick.forms.index(f)))] += 1
    kinds = {f: _form_kind(k, f, pick.goals_by_form[f]) for f in pick.forms}
    order: dict[SlotKind, int] = {"early": 0, "any": 1, "bedtime": 2}
    slots: list[DoseSlot] = []
    for f in sorted(pick.forms, key=lambda f: order[kinds[f]]):
        for j in range(counts[f]):
            kind = kinds[f]
            if kind == "bedtime" and j < counts[f] - 1:
                kind = "any"  # only the last dose of the calming form goes at bedtime
            slots.append(DoseSlot(form=f, goals=pick.goals_by_form[f], kind=kind))
    return slots


def _product_for(req: PlanRequest, form: str, portion_mg: float) -> Product | None:
    """The person's product of ``form`` whose units best fit a dose of ``portion_mg``."""
    mine = [p for p in req.products if p.form == form]
    if not mine:
        return None

    def fit(p: Product) -> tuple[float, float]:
        steps = math.floor(portion_mg / p.step_mg + 1e-9)
        return (portion_mg - steps * p.step_mg if steps else math.inf, steps)

    return min(mine, key=fit)


def daily_cap_mg(k: Knowledge, form: str, product: Product | None) -> float | None:
    """The most elemental mg of ``form`` planned in a day (its studied amount), if it has one.

    A product that gives its compound weight is held to the studied compound amount (about
    2 g of L-threonate: three 667 mg capsules are that amount, so "about" allows 1%); any
    other to the studied elemental amount.
    """
    f = k.forms[form]
    if product is not None and product.compound_mg_per_unit and f.max_daily_compound_mg:
        fraction = product.elemental_mg_per_unit / product.compound_mg_per_unit
        return f.max_daily_compound_mg * k.planning.amounts.studied_amount_slack * fraction
    if f.max_daily_elemental_mg is not None:
        return f.max_daily_elemental_mg
    if f.max_daily_compound_mg is not None:
        return f.max_daily_compound_mg * f.fraction_low
    return None


@dataclass(frozen=True)
class _Day:
    """One way to take the day's amount: its doses, their portions and times."""

    slots: list[DoseSlot]
    portions: list[Portion]
    placed: list[Placement]
    amount: float

    def missed(self, rules: list[SeparationRule]) -> tuple[int, int]:
        """Minutes missed over the should rules, then over the precautions."""
        return _missed([p.time_min for p in self.placed], rules)


def _missed(times: list[int], rules: list[SeparationRule]) -> tuple[int, int]:
    should = sum(total_shortfall(of_strength(rules, "should"), t) for t in times)
    precaution = sum(total_shortfall(of_strength(rules, "precaution"), t) for t in times)
    return should, precaution


def _schedule(
    k: Knowledge,
    req: PlanRequest,
    pick: FormPick,
    target: float,
    day: Day,
    rules: list[SeparationRule],
    out: list[PlanWarning],
) -> tuple[tuple[Dose, ...], list[DoseSlot]]:
    dosing = k.intakes.dosing
    caps = {
        f: cap
        for f in pick.forms
        if (cap := daily_cap_mg(k, f, _product_for(req, f, target))) is not None
    }
    # the most doses a form held to its studied amount needs, while another form fills the rest
    most = {f: max(1, math.ceil(cap / dosing.comfortable_dose_mg)) for f, cap in caps.items()}
    reachable = target if len(caps) < len(pick.forms) else min(target, sum(caps.values()))
    n_min = max(len(pick.forms), math.ceil(reachable / dosing.max_dose_mg))
    n_pref = min(dosing.max_doses, max(n_min, math.ceil(reachable / dosing.comfortable_dose_mg)))
    n_pref = min(n_pref, max(n_min, 1 + day.waking_min // day.timing.waking_min_per_dose))

    def portions_for(slots: list[DoseSlot], amount: float) -> list[Portion]:
        per_dose = amount / len(slots)
        return portion_doses(
            [
                SlotProduct(
                    form=s.form,
                    product=_product_for(req, s.form, per_dose),
                    prefer_late=_form_kind(k, s.form, s.goals) == "bedtime",
                )
                for s in slots
            ],
            target=amount,
            max_dose_mg=dosing.max_dose_mg,
            no_product_step_mg=k.planning.amounts.no_product_step_mg,
            form_max_mg=caps,
        )

    def way(n: int, amount: float) -> _Day | None:
        all_slots = _slots(k, pick, n, most)
        all_portions = portions_for(all_slots, amount)
        # a slot its product cannot fill is dropped before the times are chosen
        kept = [(s, p) for s, p in zip(all_slots, all_portions, strict=True) if p.units > 0]
        if not kept:
            return None
        slots = [s for s, _ in kept]
        placed = place_doses(day, slots, rules)
        if placed is None:
            return None
        return _Day(slots, [p for _, p in kept], placed, amount)

    # The whole amount in n_pref .. n_min doses, every must rule kept, the fewest should and
    # then precaution minutes missed. Only when no such day exists: fewer doses (a smaller
    # amount) that keep every must rule; magnesium binding an antibiotic or levothyroxine
    # matters more than the last mg.
    best: _Day | None = None
    best_key: tuple[int, int, float, bool] | None = None
    for n in range(n_pref, n_min - 1, -1):
        found = way(n, target)
        if found is None:
            continue
        planned = sum(p.elemental_mg for p in found.portions)
        key = (*found.missed(rules), -planned, _too_close(day, found.placed))
        if best_key is None or key < best_key:
            best, best_key = found, key
    if best is None:
        for n in range(n_min - 1, 0, -1):
            best = way(n, min(target, n * dosing.max_dose_mg))
            if best is not None:
                break
    if best is None:
        out.extend(_unusable(k, req, pick, (), target, dosing.max_dose_mg))
        out.extend(_cap_below_one_unit(k, req, pick, ()))
        must = of_strength(rules, "must")
        if must and not feasible_intervals(must, day.wake_min, day.waking_min, CLOCK_STEP_MIN):
            out.append(_no_time(k, rules))
        return (), []
    out.extend(_unusable(k, req, pick, best.slots, best.amount, dosing.max_dose_mg))
    out.extend(_cap_below_one_unit(k, req, pick, best.slots))
    planned = sum(p.elemental_mg for p in best.portions)
    if best.amount < target:
        out.append(_reduced(k, rules, planned, target))
    out.extend(_capped(k, req, pick, best, target))

    doses = []
    meal_names = _meal_names(day)
    for slot, place, portion in zip(best.slots, best.placed, best.portions, strict=True):
        doses.append(
            Dose(
                time_min=place.time_min,
                form=slot.form,
                units=portion.units,
                unit=portion.unit,
                unit_step=portion.unit_step,
                elemental_mg_per_unit=portion.elemental_mg_per_unit,
                product_label=portion.label,
                compound_mg=portion.compound_mg,
                with_food=place.meal_index is not None,
                goals=slot.goals,
                reason=_reason(k, slot, place, day, meal_names, rules, pick),
                at_bedtime=slot.kind == "bedtime" and _near_bed(day, place),
                compound_about_mg=_compound_about(k, slot.form, portion),
                compound_about_max_mg=_compound_about(k, slot.form, portion, low_end=True),
            )
        )
    out.extend(_short(k, day, [p.time_min for p in best.placed], rules))
    out.extend(_tight(k, [p.time_min for p in best.placed], rules))
    out.extend(_close_doses(k, day, best.placed, rules))
    return tuple(doses), best.slots


def _compound_about(
    k: Knowledge, form: str, portion: Portion, *, low_end: bool = False
) -> float | None:
    """Elemental mg without a product, as about how much of the compound (to the nearest 5):
    at the form's usual share, or with ``low_end`` at the lowest share products have."""
    if portion.unit != "mg":
        return None
    f = k.forms[form]
    compound = portion.elemental_mg / (f.fraction_low if low_end else f.elemental_fraction)
    rounding = k.planning.amounts.compound_rounding_mg
    return float(round(compound / rounding) * rounding)


def _must_names(rules: list[SeparationRule]) -> str:
    times: dict[str, list[str]] = {}
    for r in of_strength(rules, "must"):
        times.setdefault(r.name, []).append(format_time(r.time_min))
    return ", ".join(f"{name} ({', '.join(ts)})" for name, ts in times.items())


def _must_sources(k: Knowledge, rules: list[SeparationRule]) -> tuple[str, ...]:
    return tuple(
        dict.fromkeys(
            src for r in of_strength(rules, "must") for src in k.medicines[r.class_id].sources
        )
    )


def _unkept(k: Knowledge, rules: list[SeparationRule]) -> str:
    return " ".join(
        dict.fromkeys(k.medicines[r.class_id].unkept for r in of_strength(rules, "must"))
    )


def _no_time(k: Knowledge, rules: list[SeparationRule]) -> PlanWarning:
    return warning(
        k,
        "separation-no-time",
        sources=_must_sources(k, rules),
        medicines=_must_names(rules),
        what_to_do=_unkept(k, rules),
    )


def _reduced(
    k: Knowledge, rules: list[SeparationRule], planned: float, target: float
) -> PlanWarning:
    return warning(
        k,
        "reduced-for-separation",
        sources=_must_sources(k, rules),
        planned_mg=planned,
        target_mg=target,
        medicines=_must_names(rules),
        what_to_do=_unkept(k, rules),
    )


_STRONGER: dict[Strength, tuple[Strength, ...]] = {
    "must": (),
    "should": ("must",),
    "precaution": ("must", "should"),
}


def _short(
    k: Knowledge, day: Day, times: list[int], rules: list[SeparationRule], days: str = ""
) -> list[PlanWarning]:
    """A warning for each strength of rule the doses miss: by how much, what was kept
    instead, and why (``days``: the weekdays it is said for, if not every day)."""
    code = "separation-short"
    every_rule = feasible_intervals(rules, day.wake_min, day.waking_min, CLOCK_STEP_MIN)
    if every_rule:
        spans = ", ".join(
            format_time(day.clock(lo))
            if lo == hi
            else f"{format_time(day.clock(lo))}-{format_time(day.clock(hi))}"
            for lo, hi in every_rule
        )
        doses = (
            words(k, code, "both-doses")
            if len(times) == 2
            else words(k, code, "all-doses", count=len(times))
        )
        why = words(k, code, "why-no-room", spans=spans, doses=doses)
    else:
        why = words(k, code, "why-no-time")
    # one warning per strength: every dose and medicine it misses, by how much
    misses: dict[Strength, list[tuple[int, SeparationRule, int]]] = {}
    for t in times:
        for r in rules:
            missed = r.shortfall_min(t)
            if missed:
                misses.setdefault(r.strength, []).append((t, r, missed))
    found = []
    for strength, found_misses in misses.items():
        kept = sorted({s.name for s in rules if s.strength in _STRONGER[strength]})
        instead = (
            words(
                k,
                code,
                "kept-instead" if len(kept) == 1 else "kept-instead-plural",
                kept=", ".join(kept),
            )
            if kept
            else ""
        )
        which = "; ".join(
            words(
                k,
                code,
                "miss",
                time=format_time(t),
                missed_min=missed,
                medicine=r.name,
                medicine_time=format_time(r.time_min),
                rule=rule_text(r.other_first_min, r.mg_first_min),
            )
            for t, r, missed in found_misses
        )
        found.append(
            warning(
                k,
                code,
                "should" if strength == "should" else "",
                sources=dict.fromkeys(
                    src for _, r, _ in found_misses for src in k.medicines[r.class_id].sources
                ),
                on_days=words(k, code, "on-days", days=days) if days else "",
                misses=which[0].upper() + which[1:],
                strength=words(k, code, strength),
                kept_instead=instead,
                why=why,
            )
        )
    return found


def _tight(k: Knowledge, times: list[int], rules: list[SeparationRule]) -> list[PlanWarning]:
    """Doses that keep a must rule with little time to spare: a late medicine or an early dose
    would break it, so the person is told."""
    spare_min = k.planning.day.tight_min
    close = []
    tight: list[SeparationRule] = []
    for t in times:
        for r in of_strength(rules, "must"):
            after = forward_gap(r.time_min, t) - r.other_first_min  # spare after the medicine
            before = forward_gap(t, r.time_min) - r.mg_first_min  # spare before the next one
            if min(after, before) < spare_min:
                tight.append(r)
            if 0 <= after < spare_min:
                close.append(_tight_dose(k, "after", t, r, r.other_first_min, after))
            elif 0 <= before < spare_min:
                close.append(_tight_dose(k, "before", t, r, r.mg_first_min, before))
    if not close:
        return []
    # a must rule always says what to do when it cannot be kept (medicines.toml, unkept)
    return [
        warning(
            k,
            "must-tight",
            sources=_must_sources(k, tight),
            doses="; ".join(dict.fromkeys(close)),
            what_to_do=_unkept(k, tight),
        )
    ]


def _tight_dose(
    k: Knowledge, side: str, time_min: int, rule: SeparationRule, spacing_min: int, spare_min: int
) -> str:
    """``"the 14:00 dose comes 2 h 10 min after doxycycline (12:00): never take it earlier"``."""
    return words(
        k,
        "must-tight",
        side,
        time=format_time(time_min),
        spacing=format_hours(spacing_min),
        spare=words(k, "must-tight", "spare", minutes=spare_min) if spare_min else "",
        medicine=rule.name,
        medicine_time=format_time(rule.time_min),
    )


def _min_gap(day: Day, placed: list[Placement]) -> int | None:
    offsets = sorted(day.offset(p.time_min) for p in placed)
    return min((b - a for a, b in pairwise(offsets)), default=None)


def _too_close(day: Day, placed: list[Placement]) -> bool:
    """Doses closer than two hours: fewer, larger doses are better when they fit as well."""
    gap = _min_gap(day, placed)
    return gap is not None and gap < day.timing.close_gap_min


def _close_doses(
    k: Knowledge, day: Day, placed: list[Placement], rules: list[SeparationRule]
) -> list[PlanWarning]:
    """Two doses closer than ``close_gap_min`` are explained, never left unsaid."""
    gap = _min_gap(day, placed)
    if gap is None or gap >= day.timing.close_gap_min:
        return []
    if day.waking_min < day.timing.short_day_min:
        hours, minutes = divmod(day.waking_min, 60)
        because = words(k, "doses-close", "short-day", hours=hours, minutes=minutes)
    else:
        because = words(k, "doses-close", "medicines" if rules else "meals")
    return [warning(k, "doses-close", gap_min=gap, because=because)]


def _capped(
    k: Knowledge, req: PlanRequest, pick: FormPick, best: _Day, target: float
) -> list[PlanWarning]:
    """A note for each form held to its studied daily amount, and what fills the rest."""
    found = []
    for form in dict.fromkeys(s.form for s in best.slots):
        product = _product_for(req, form, target)
        cap = daily_cap_mg(k, form, product)
        share = best.amount * sum(s.form == form for s in best.slots) / len(best.slots)
        if cap is None or cap >= share:
            continue
        f = k.forms[form]
        found.append(
            warning(
                k,
                "form-daily-maximum",
                sources=f.max_daily_sources,
                form=f.name,
                studied=_studied_amount(k, form, product),
                rest=_rest_of_amount(k, req, pick, best, form, target),
            )
        )
    return found


def _rest_of_amount(
    k: Knowledge, req: PlanRequest, pick: FormPick, best: _Day, form: str, target: float
) -> str:
    """What gives the rest of the day's amount beside a form held to its studied amount: the
    other form planned, or what the plan gives instead and which form would serve."""
    code = "form-daily-maximum"
    others = [g for g in dict.fromkeys(s.form for s in best.slots) if g != form]
    if others:
        names = " and ".join(short_form_name(k.forms[g].name) for g in others)
        return words(k, code, "others", forms=names).capitalize()
    planned = sum(p.elemental_mg for p in best.portions)
    filler = _filler(k, pick, form, owned_only=False)
    if filler is None:
        return words(k, code, "reduced", planned_mg=planned, target_mg=target)
    return words(
        k,
        code,
        "reduced-filler-to-add" if req.products else "reduced-filler",
        planned_mg=planned,
        target_mg=target,
        filler=short_form_name(k.forms[filler].name),
        goals=", ".join(k.goals[g].name.lower() for g in pick.goals_by_form[form]),
    )


def _studied_amount(k: Knowledge, form: str, product: Product | None) -> str:
    """``"at most 144 mg of magnesium a day (about 2 g of the compound)"``, or by the
    compound's weight for a product whose label gives it."""
    f = k.forms[form]
    grams = f.max_daily_compound_mg / 1000 if f.max_daily_compound_mg else None
    if grams is None:
        return phrase(k, "studied-elemental", mg=daily_cap_mg(k, form, None))
    if product is not None and product.compound_mg_per_unit:
        return phrase(k, "studied-by-label", grams=grams)
    return phrase(k, "studied-elemental-and-compound", mg=daily_cap_mg(k, form, None), grams=grams)


def _cap_below_one_unit(
    k: Knowledge, req: PlanRequest, pick: FormPick, slots: list[DoseSlot] | tuple[()]
) -> list[PlanWarning]:
    """A form left without a dose because one unit of the product holds more than its studied
    daily amount."""
    planned = {s.form for s in slots}
    found = []
    for form in pick.forms:
        product = _product_for(req, form, 0)
        cap = daily_cap_mg(k, form, product)
        if form in planned or product is None or cap is None or product.step_mg <= cap:
            continue
        found.append(
            warning(
                k,
                "unit-too-large",
                sources=k.forms[form].max_daily_sources,
                half=words(k, "unit-too-large", "half") if product.halves else "",
                unit=product.unit,
                form=short_form_name(k.forms[form].name),
                step_mg=product.step_mg,
                studied=_studied_amount(k, form, product),
            )
        )
    return found


def _filler(k: Knowledge, pick: FormPick, form: str, *, owned_only: bool) -> str | None:
    """The best form, other than ``form``, that serves the goals ``form`` serves (one of the
    person's products, with ``owned_only``)."""
    goals = set(pick.goals_by_form.get(form, ()))
    for c in pick.suggestions:
        usable = not c.excluded or (c.excluded == NOT_OWNED and not owned_only)
        if (
            usable
            and c.form != form
            and daily_cap_mg(k, c.form, None) is None
            and goals & set(c.goals_first + c.goals_also)
        ):
            return c.form
    return None


def _unusable(
    k: Knowledge,
    req: PlanRequest,
    pick: FormPick,
    slots: list[DoseSlot] | tuple[()],
    amount: float,
    max_dose_mg: float,
) -> list[PlanWarning]:
    """A caution for each chosen form left without a dose because one unit is too large."""
    planned = {s.form for s in slots}
    found = []
    for form in pick.forms:
        if form in planned:
            continue
        product = _product_for(req, form, amount)
        if product is None or product.step_mg <= min(amount, max_dose_mg):
            continue
        found.append(
            warning(
                k,
                "unit-too-large",
                "dose-too-large",
                half=words(k, "unit-too-large", "half") if product.halves else "",
                unit=product.unit,
                form=k.forms[form].name.lower(),
                step_mg=product.step_mg,
                most_mg=min(amount, max_dose_mg),
            )
        )
    return found


# ---- days with a weekday-only medicine ------------------------------------------------------


def _weekday_times(
    k: Knowledge,
    day: Day,
    slots: list[DoseSlot],
    doses: tuple[Dose, ...],
    meds: _Medicines,
    out: list[PlanWarning],
) -> tuple[WeekdayTimes, ...]:
    """On the days a weekday-only medicine is taken, the times that keep it too."""
    if not doses or not meds.weekday_rules:
        return ()
    groups: dict[tuple[tuple[str, int], ...], list[int]] = {}
    for weekday, extra in sorted(meds.weekday_rules.items()):
        key = tuple(sorted({(r.name, r.time_min) for r in extra}))
        groups.setdefault(key, []).append(weekday)
    found = []
    for days in groups.values():
        rules = meds.rules + meds.weekday_rules[days[0]]
        times = _times_keeping(day, slots, rules)
        names = tuple(dict.fromkeys(r.name for r in meds.weekday_rules[days[0]]))
        kept = [t for t in times if t is not None]
        when = format_weekdays(tuple(days))
        out.append(_weekday_warning(k, doses, times, names, when, meds.weekday_rules[days[0]]))
        if kept:
            out.extend(_short(k, day, kept, rules, when))
        if tuple(times) != tuple(d.time_min for d in doses):
            found.append(WeekdayTimes(weekdays=tuple(days), medicines=names, times_min=times))
    return tuple(found)


def _times_keeping(
    day: Day, slots: list[DoseSlot], rules: list[SeparationRule]
) -> tuple[int | None, ...]:
    """The doses' times under ``rules``; the fewest doses left out when not all fit."""
    n = len(slots)
    for keep in range(n, 0, -1):
        best: tuple[tuple[int, int], tuple[int, ...], list[Placement]] | None = None
        for subset in combinations(range(n), keep):
            placed = place_doses(day, [slots[i] for i in subset], rules)
            if placed is None:
                continue
            missed = _missed([p.time_min for p in placed], rules)
            if best is None or missed < best[0]:
                best = (missed, subset, placed)
        if best is not None:
            times: list[int | None] = [None] * n
            for i, p in zip(best[1], best[2], strict=True):
                times[i] = p.time_min
            return tuple(times)
    return (None,) * n


def _weekday_warning(
    k: Knowledge,
    doses: tuple[Dose, ...],
    times: tuple[int | None, ...],
    names: tuple[str, ...],
    when: str,
    rules: list[SeparationRule],
) -> PlanWarning:
    changes = any(t != d.time_min for d, t in zip(doses, times, strict=True))
    taken = [
        f"{format_time(t)} ({format_mg(d.elemental_mg)})"
        for d, t in zip(doses, times, strict=True)
        if t is not None
    ]
    if all(t is None for t in times):
        case = "none-fit"
    elif changes:
        case = "moved-fewer" if len(taken) < len(doses) else "moved"
    else:
        case = ""
    return warning(
        k,
        "weekday-times",
        case,
        sources=dict.fromkeys(s for r in rules for s in k.medicines[r.class_id].sources),
        days=when,
        medicines=", ".join(dict.fromkeys(names)),
        times=_and_list(taken) if taken else "",
        usual=_and_list([d.time for d in doses]),
        what_to_do=_unkept(k, rules),
    )


def _and_list(items: list[str]) -> str:
    """``["a", "b", "c"]`` -> ``"a, b and c"``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _near_bed(day: Day, place: Placement) -> bool:
    """A dose within the last hours before bed counts as the bedtime dose."""
    return day.waking_min - day.offset(place.time_min) <= day.timing.near_bed_min


def _meal_names(day: Day) -> list[str]:
    n = len(day.meals_off)
    if n == 3:
        return ["breakfast", "lunch", "dinner"]
    if n == 2:
        return ["breakfast", "dinner"]
    if n == 1:
        return ["your meal"]
    return [f"your meal at {format_time(day.clock(m))}" for m in day.meals_off]


def _reason(
    k: Knowledge,
    slot: DoseSlot,
    place: Placement,
    day: Day,
    meal_names: list[str],
    rules: list[SeparationRule],
    pick: FormPick,
) -> str:
    form = k.forms[slot.form].name.split(" (")[0].lower()
    goal_names = [k.goals[g].name.lower() for g in slot.goals]
    serves = f"{form} for {', '.join(goal_names)}" if goal_names else form
    if pick.fallback_reason and not slot.goals:
        serves = pick.fallback_reason.rstrip(".")
    if slot.kind == "bedtime" and _near_bed(day, place):
        when = "Shortly before bed"
    elif slot.kind == "bedtime":
        when = (
            "As late in the day as your other medicines allow (not at bedtime)"
            if rules
            else "In the evening (not at bedtime)"
        )
        if place.meal_index is not None:
            when += f", with {meal_names[place.meal_index]}"
    elif place.meal_index is not None:
        when = f"With {meal_names[place.meal_index]}"
    elif _near_bed(day, place):
        when = "In the evening, before bed"
    else:
        when = "Between meals"
    if slot.kind == "early" and day.offset(place.time_min) < day.waking_min / 2:
        when += ", early in the day (laxative effect)"
    parts = [f"{when}: {serves}."]
    near = sorted(
        {
            r.name
            for r in rules
            if min(forward_gap(r.time_min, place.time_min), forward_gap(place.time_min, r.time_min))
            < max(r.other_first_min, r.mg_first_min) + day.timing.timed_apart_margin_min
        }
    )
    if near and not place.shortfall_min:
        parts.append(f"Timed to keep apart from {', '.join(near)}.")
    return " ".join(parts)


# ---- warnings about forms, and notes -------------------------------------------------------


def _form_warnings(
    k: Knowledge,
    req: PlanRequest,
    pick: FormPick,
    doses: tuple[Dose, ...],
    avoid_laxative: bool,
) -> list[PlanWarning]:
    """What the plan says about the forms it uses and the goals' own notes, in this order."""
    used = list(dict.fromkeys(d.form for d in doses))
    found = [_laxative(k, f, avoid_laxative) for f in used if k.forms[f].is_laxative]
    found += _other_form_fits(k, req, pick)
    found += [w for f in used if (w := _low_magnesium(k, f, doses)) is not None]
    found += [w for f in used if (w := _too_light_to_replete(k, req, f)) is not None]
    found += _goal_notes(k, req)
    return found


def _laxative(k: Knowledge, form_id: str, avoid_laxative: bool) -> PlanWarning:
    """A laxative form: take it with meals and divided; a caution when it is marked or loose
    stools are listed."""
    form = k.forms[form_id]
    strong = form.laxative == "strong"
    if avoid_laxative:
        case = "strong-avoided" if strong else "avoided"
    else:
        case = "strong" if strong else "marked" if form.marked_laxative else ""
    return warning(k, "laxative-form", case, form=form.name)


def _other_form_fits(k: Knowledge, req: PlanRequest, pick: FormPick) -> list[PlanWarning]:
    """The form the planner would suggest, when the person chose another or entered products
    of forms that fit their goals less well."""
    if req.form is not None and k.forms[req.form].oral:
        top = next((c for c in pick.suggestions if not c.excluded), None)
        if top is None or top.form == req.form:
            return []
        return [
            warning(
                k,
                "form-chosen-by-user",
                sources=top.sources,
                chosen=k.forms[req.form].name.lower(),
                suggested=k.forms[top.form].name.lower(),
            )
        ]
    if not req.products:
        return []
    best_any = next((c for c in pick.suggestions if c.excluded in ("", NOT_OWNED)), None)
    best_owned = max((c.score for c in pick.suggestions if c.owned), default=0)
    if best_any is None or best_any.owned or best_any.score <= best_owned:
        return []
    return [
        warning(
            k,
            "better-form-available",
            sources=best_any.sources,
            form=k.forms[best_any.form].name,
        )
    ]


def _low_magnesium(k: Knowledge, form_id: str, doses: tuple[Dose, ...]) -> PlanWarning | None:
    """A form with little magnesium in its weight: how many grams of the compound a day."""
    form = k.forms[form_id]
    mg = daily_mg_of(doses, form_id)
    if form.elemental_fraction >= k.planning.amounts.low_magnesium_fraction or mg <= 0:
        return None
    labelled = [d.compound_mg for d in doses if d.form == form_id]
    if all(labelled):  # the person's label gives the compound's weight: exactly that
        low = high = sum(c or 0 for c in labelled) / 1000
    else:
        low, high = mg / form.elemental_fraction / 1000, mg / form.fraction_low / 1000
    grams = f"{low:.1f}" if f"{low:.1f}" == f"{high:.1f}" else f"{low:.1f}-{high:.1f}"
    share = f"{form.elemental_fraction:.1%}"
    if form.fraction_low < form.elemental_fraction:
        share = f"{form.fraction_low:.1%}-{share}"
    return warning(k, "low-magnesium-form", form=form.name, share=share, mg=mg, grams=grams)


def _too_light_to_replete(k: Knowledge, req: PlanRequest, form_id: str) -> PlanWarning | None:
    """A form too light to restore levels, planned for a goal that restores them."""
    code = k.forms[form_id].repletion_warning
    if not code or not any(k.goals[g].restores_levels for g in req.goals):
        return None
    return warning(k, code)


def _goal_notes(k: Knowledge, req: PlanRequest) -> list[PlanWarning]:
    """Each goal's own note (goals.toml), the child's wording for a child."""
    found = []
    for g in req.goals:
        goal = k.goals[g]
        note = goal.child_note if is_child(k, req.age_years) and goal.child_note else goal.note
        if note:
            found.append(
                PlanWarning(
                    code=f"{g}-note", severity="info", message=note, sources=tuple(goal.sources)
                )
            )
    return found


def _goals_unserved(
    k: Knowledge,
    req: PlanRequest,
    pick: FormPick,
    doses: tuple[Dose, ...],
    avoid_laxative: bool,
) -> list[PlanWarning]:
    """Each goal no planned dose serves: why, and which form would serve it."""
    if not doses:
        return []
    served = {g for d in doses for g in d.goals}
    why = _why_unserved(k, req, doses, avoid_laxative)
    return [
        warning(
            k,
            "goal-not-served",
            sources=k.goals[g].sources,
            goal=k.goals[g].name,
            why=why,
            fix=_what_would_serve(k, req, pick, g),
        )
        for g in req.goals
        if g not in served
    ]


def _why_unserved(
    k: Knowledge, req: PlanRequest, doses: tuple[Dose, ...], avoid_laxative: bool
) -> str:
    """Why the plan's forms are what they are: chosen, the products, or loose stools."""
    forms = ", ".join(dict.fromkeys(k.forms[d.form].name.lower() for d in doses))
    if req.form is not None:
        return words(k, "goal-not-served", "you-chose", forms=forms)
    if req.products:
        return words(k, "goal-not-served", "your-products", forms=forms)
    if avoid_laxative:
        return phrase(k, "laxatives-avoided")
    return words(k, "goal-not-served", "plan-uses", forms=forms)


def _what_would_serve(k: Knowledge, req: PlanRequest, pick: FormPick, goal: str) -> str:
    """The best form the planner may use that serves ``goal``, if any."""
    would = next(
        (
            c
            for c in pick.suggestions
            if goal in c.goals_first + c.goals_also and c.excluded in ("", NOT_OWNED)
        ),
        None,
    )
    if would is None:
        return words(k, "goal-not-served", "fix-none")
    add = req.products and req.form is None
    return words(k, "goal-not-served", "fix-add" if add else "fix", form=k.forms[would.form].name)


def _not_by_mouth(k: Knowledge, form: str) -> PlanWarning:
    return warning(
        k, "not-by-mouth", sources=k.forms[form].sources, route_note=k.forms[form].route_note
    )


def _no_form(k: Knowledge, req: PlanRequest) -> PlanWarning:
    """No form can be planned: every product is excluded (laxative, or not by mouth)."""
    reasons = []
    if any(k.conditions[c].avoid_laxative for c in req.conditions):
        reasons.append(phrase(k, "laxatives-avoided"))
    for form in dict.fromkeys(p.form for p in req.products):
        if not k.forms[form].oral:
            reasons.append(
                words(k, "no-suitable-form", "not-by-mouth", form=k.forms[form].name.lower())
            )
    why = "; ".join(reasons) or words(k, "no-suitable-form", "none-fits")
    return warning(k, "no-suitable-form", why=why)


def daily_mg_of(doses: tuple[Dose, ...], form: str) -> float:
    return round(sum(d.units * d.elemental_mg_per_unit for d in doses if d.form == form), 1)


def _notes(k: Knowledge, req: PlanRequest, *, blocked: bool) -> tuple[str, ...]:
    """The disclaimer; the time to improvement only when there is a plan to follow."""
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
