"""``plan_day()``: from a :class:`PlanRequest` to a :class:`Plan`. Every rule is applied here.

The order is the order a careful clinician would follow: gates first (kidney disease, heart
block, infants), then the person's limit, the form(s), the daily amount, its division into doses
of the person's own products, their times, the titration ramp and the warnings.
"""

from __future__ import annotations

import math

from magplan.core.errors import PlanInputError
from magplan.core.forms import FormPick, pick_forms
from magplan.core.knowledge import Knowledge, load_knowledge
from magplan.core.limits import ADULT_AGE, INFANT_AGE, Limits, limits_for
from magplan.core.plan import Dose, MedicineInPlan, Plan, PlanWarning, TitrationStep, daily_mg
from magplan.core.request import PlanRequest, Product, check_day
from magplan.core.schedule import Day, DoseSlot, Placement, SlotKind, place_doses
from magplan.core.separation import SeparationRule, rule_text
from magplan.core.timeofday import format_time
from magplan.core.titration import titrate
from magplan.core.units import Portion, SlotProduct, portion_doses

NO_PRODUCT_STEP_MG = 5.0
LOW_MAGNESIUM_FRACTION = 0.10  # below this, a day's magnesium takes grams of the compound
NEAR_BED_MIN = 120  # a "bedtime" dose pushed earlier than this by a medicine is not called one


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
    for m in req.medicines:
        if m.class_id not in k.medicines:
            raise PlanInputError("med", f"unknown medicine class '{m.class_id}' for {m.name}")
    if req.pregnant and req.sex == "male":
        raise PlanInputError("sex", "pregnant and male cannot both be set")
    if (req.pregnant or req.lactating) and not 9 <= req.age_years <= 50:
        raise PlanInputError(
            "age",
            f"pregnancy or breastfeeding at age {req.age_years}: the reference intakes for "
            "pregnancy and lactation cover ages 14 to 50 (9 to 50 accepted)",
        )
    check_day(req.wake_min, req.bed_min, req.meals_min)
    cap = k.intakes.dosing.max_daily_mg
    if req.target_mg is not None and req.target_mg < NO_PRODUCT_STEP_MG:
        raise PlanInputError(
            "target", f"target {req.target_mg:g} mg is too small to plan: at least 5 mg a day"
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


def plan_day(req: PlanRequest, k: Knowledge | None = None) -> Plan:
    """The day's plan for ``req``. Raises :class:`PlanInputError` for input it cannot use."""
    k = k or load_knowledge()
    validate_request(req, k)
    lim = limits_for(k, req)
    warnings: list[PlanWarning] = []
    medicines, rules = _medicines(k, req, warnings)
    blocked = _gates(k, req, lim, warnings)
    avoid_laxative = any(k.conditions[c].avoid_laxative for c in req.conditions)
    owned = tuple(dict.fromkeys(p.form for p in req.products))
    pick = pick_forms(k, req.goals, owned=owned, forced=req.form, avoid_laxative=avoid_laxative)
    target = _target(k, req, lim, warnings)
    day = Day(
        wake_min=req.wake_min,
        waking_min=req.waking_min,
        meals_off=tuple(sorted((m - req.wake_min) % 1440 for m in req.meals_min)),
    )

    doses: tuple[Dose, ...] = ()
    titration: tuple[TitrationStep, ...] = ()
    forms_used: tuple[str, ...] = ()
    if not blocked and target > 0:
        if not pick.forms:
            warnings.append(
                PlanWarning(
                    code="no-suitable-form",
                    severity="caution",
                    message="None of your products can be used: with diarrhoea or loose stools "
                    "laxative forms are avoided. Add a glycinate product.",
                    sources=("SEED",),
                )
            )
        else:
            doses = _schedule(k, req, lim, pick, target, day, rules, warnings)
            forms_used = tuple(dict.fromkeys(d.form for d in doses))
            titration = titrate(k, doses)
    _form_warnings(k, req, pick, doses, avoid_laxative, warnings)

    daily = daily_mg([d.units for d in doses], doses)
    _above_limit(req, lim, daily, warnings)
    return Plan(
        blocked=blocked,
        supervised=req.supervised,
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
        medicines=medicines,
        notes=_notes(k, req),
        wake_min=req.wake_min,
        bed_min=req.bed_min,
        meals_min=tuple(sorted(req.meals_min, key=lambda m: (m - req.wake_min) % 1440)),
    )


# ---- gates and limits ----------------------------------------------------------------------


def _gates(k: Knowledge, req: PlanRequest, lim: Limits, out: list[PlanWarning]) -> bool:
    blocked = False
    if req.age_years < INFANT_AGE:
        out.append(
            PlanWarning(
                code="infant",
                severity="danger",
                message="No upper limit is set for infants under 1 year: the planner plans "
                "nothing for them. Ask the child's doctor.",
                sources=("ODS",),
            )
        )
        blocked = True
    for cid in req.conditions:
        cond = k.conditions[cid]
        if cond.gate:
            if req.supervised and req.age_years >= INFANT_AGE:
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
            out.append(
                PlanWarning(
                    code=cond.warning_code,
                    severity=cond.severity,
                    message=cond.message,
                    sources=tuple(cond.sources),
                )
            )
    if req.age_years >= INFANT_AGE and req.age_years < ADULT_AGE:
        out.append(
            PlanWarning(
                code="child",
                severity="caution",
                message=f"A child of {req.age_years}: held to the limit for this age, "
                f"{lim.upper_limit_mg} mg/day from supplements and medicines. Plan with the "
                "child's doctor.",
                sources=(lim.limit_source,),
            )
        )
    if req.pregnant or req.lactating:
        state = "Pregnancy" if req.pregnant else "Breastfeeding"
        out.append(
            PlanWarning(
                code="pregnancy",
                severity="caution",
                message=f"{state}: the recommended intake from all sources is {lim.rda_mg} "
                f"mg/day; the supplement limit is unchanged ({lim.upper_limit_mg} mg/day). "
                "Talk to your prenatal care provider before starting.",
                sources=("ODS",),
            )
        )
    return blocked


def _target(k: Knowledge, req: PlanRequest, lim: Limits, out: list[PlanWarning]) -> float:
    """The daily elemental mg to plan from supplements, within the person's limits."""
    ul = lim.upper_limit_mg
    if ul is None:
        return 0.0
    room = max(0.0, ul - req.other_magnesium_mg)
    if req.other_magnesium_mg and req.other_magnesium_mg >= ul:
        out.append(
            PlanWarning(
                code="limit-reached",
                severity="caution" if req.other_magnesium_mg == ul else "danger",
                message=f"Your other products already give {req.other_magnesium_mg:g} mg/day, "
                f"{'at' if req.other_magnesium_mg == ul else 'over'} the upper limit of {ul} "
                "mg/day from supplements: no more magnesium is planned unless you set a target.",
                sources=(lim.limit_source,),
            )
        )
    if req.target_mg is None:
        return _round_down(room)
    if req.age_years < ADULT_AGE and req.target_mg > room:
        out.append(
            PlanWarning(
                code="child",
                severity="caution",
                message=f"The target of {req.target_mg:g} mg/day was lowered to {room:g} mg/day: "
                "children are held to their upper limit.",
                sources=(lim.limit_source,),
            )
        )
        return _round_down(room)
    return float(req.target_mg)


def _above_limit(req: PlanRequest, lim: Limits, daily: float, out: list[PlanWarning]) -> None:
    """The caution for a plan that, as planned, passes the upper limit (only on request)."""
    ul = lim.upper_limit_mg
    total = daily + req.other_magnesium_mg
    if ul is None or daily <= 0 or total <= ul:
        return
    out.append(
        PlanWarning(
            code="above-upper-limit",
            severity="danger",
            message=f"Above the upper limit: {total:g} mg/day from supplements and medicines is "
            f"more than {ul} mg/day ({lim.limit_name}). Only under medical supervision.",
            sources=(lim.limit_source, "SEED"),
        )
    )


def _round_down(mg: float) -> float:
    return math.floor(mg / NO_PRODUCT_STEP_MG + 1e-9) * NO_PRODUCT_STEP_MG


# ---- medicines ------------------------------------------------------------------------------


def _medicines(
    k: Knowledge, req: PlanRequest, out: list[PlanWarning]
) -> tuple[tuple[MedicineInPlan, ...], list[SeparationRule]]:
    rules: list[SeparationRule] = []
    listed: list[MedicineInPlan] = []
    names_by_code: dict[str, list[str]] = {}
    for med in req.medicines:
        cls = k.medicines[med.class_id]
        listed.append(
            MedicineInPlan(
                name=med.name,
                class_id=cls.id,
                class_name=cls.name,
                times_min=med.times_min,
                other_first_min=cls.other_first_min,
                mg_first_min=cls.mg_first_min,
                rule=rule_text(cls.other_first_min, cls.mg_first_min) if cls.separates else "",
            )
        )
        if cls.separates:
            rules.extend(
                SeparationRule(
                    name=med.name,
                    class_id=cls.id,
                    warning_code=cls.warning_code,
                    time_min=t,
                    other_first_min=cls.other_first_min,
                    mg_first_min=cls.mg_first_min,
                )
                for t in med.times_min
            )
        times = ", ".join(format_time(t) for t in med.times_min)
        names_by_code.setdefault(cls.id, []).append(f"{med.name} ({times})")
    for class_id, names in names_by_code.items():
        cls = k.medicines[class_id]
        out.append(
            PlanWarning(
                code=cls.warning_code,
                severity=cls.severity,
                message=f"{', '.join(names)}: {cls.message}",
                sources=tuple(cls.sources),
            )
        )
    return tuple(listed), rules


# ---- the day's doses ------------------------------------------------------------------------


def _form_kind(k: Knowledge, form: str, goals: tuple[str, ...]) -> SlotKind:
    """Laxative doses belong early in the day, before any bedtime wish; then bedtime; else any."""
    strong = k.forms[form].laxative in ("moderate", "strong")
    if strong or any(k.goals[g].timing == "early" for g in goals):
        return "early"
    if any(k.goals[g].timing == "bedtime" for g in goals):
        return "bedtime"
    return "any"


def _slots(k: Knowledge, pick: FormPick, n: int) -> list[DoseSlot]:
    """``n`` doses shared among the forms, in the order they fall in the day."""
    counts = dict.fromkeys(pick.forms, 0)
    for i in range(n):
        counts[pick.forms[i % len(pick.forms)]] += 1
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


def _schedule(
    k: Knowledge,
    req: PlanRequest,
    lim: Limits,
    pick: FormPick,
    target: float,
    day: Day,
    rules: list[SeparationRule],
    out: list[PlanWarning],
) -> tuple[Dose, ...]:
    dosing = k.intakes.dosing
    n_min = max(len(pick.forms), math.ceil(target / dosing.max_dose_mg))
    n_pref = min(dosing.max_doses, max(n_min, math.ceil(target / dosing.comfortable_dose_mg)))
    n_pref = min(n_pref, max(n_min, 1 + day.waking_min // 180))

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
            no_product_step_mg=NO_PRODUCT_STEP_MG,
        )

    # The whole amount in n_pref .. n_min doses; when every such day misses a separation rule,
    # fewer doses (a smaller amount, each dose still at most max_dose_mg) that keep every rule
    # win: magnesium binding an antibiotic or levothyroxine matters more than the last mg.
    tries = [(n, target) for n in range(n_pref, n_min - 1, -1)]
    tries += [
        (n, min(target, n * dosing.max_dose_mg))
        for n in range(n_min - 1, len(pick.forms) - 1, -1)
        if n > 0
    ]
    best: tuple[list[DoseSlot], list[Portion], list[Placement], float] | None = None
    for n, amount in tries:
        all_slots = _slots(k, pick, n)
        all_portions = portions_for(all_slots, amount)
        # a slot its product cannot fill is dropped before the times are chosen
        kept = [(s, p) for s, p in zip(all_slots, all_portions, strict=True) if p.units > 0]
        if not kept:
            continue
        slots = [s for s, _ in kept]
        placed = place_doses(day, slots, rules)
        if placed is None:
            continue
        missed = sum(p.shortfall_min for p in placed)
        full = amount == target
        if best is None or (
            missed < sum(p.shortfall_min for p in best[2]) and (full or not missed)
        ):
            best = (slots, [p for _, p in kept], placed, amount)
        if missed == 0:
            break
    if best is None:
        out.extend(_unusable(k, req, pick, (), target, dosing.max_dose_mg))
        return ()
    slots, portions, placed, amount = best
    out.extend(_unusable(k, req, pick, slots, amount, dosing.max_dose_mg))
    if amount < target:
        planned = sum(p.elemental_mg for p in portions)
        out.append(
            PlanWarning(
                code="reduced-for-separation",
                severity="caution",
                message=f"Only {planned:g} mg a day fits in doses that keep every separation "
                f"rule with your other medicines; the full {target:g} mg would put a dose too "
                "close to one of them. Ask your pharmacist whether the times can change.",
                sources=tuple(
                    dict.fromkeys(src for r in rules for src in k.medicines[r.class_id].sources)
                ),
            )
        )

    doses = []
    meal_names = _meal_names(day)
    for slot, place, portion in zip(slots, placed, portions, strict=True):
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
            )
        )
    for p, s in zip(placed, slots, strict=True):
        if p.shortfall_min:
            _infeasible(k, p, s, rules, out)
    return tuple(doses)


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
        unit = product.unit
        found.append(
            PlanWarning(
                code="unit-too-large",
                severity="caution",
                message=f"One {'half ' if product.halves else ''}{unit} of your "
                f"{k.forms[form].name.lower()} holds {product.step_mg:g} mg, more than a dose "
                f"may be here ({min(amount, max_dose_mg):g} mg): no dose of it is planned. A "
                "smaller product, or one that can be halved, fits better.",
                sources=("SEED",),
            )
        )
    return found


def _near_bed(day: Day, place: Placement) -> bool:
    """A dose within the last hours before bed counts as the bedtime dose."""
    return day.waking_min - day.offset(place.time_min) <= NEAR_BED_MIN


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
        when = "As late in the day as your other medicines allow (not at bedtime)"
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
            if min((place.time_min - r.time_min) % 1440, (r.time_min - place.time_min) % 1440)
            < max(r.other_first_min, r.mg_first_min) + 60
        }
    )
    if near and not place.shortfall_min:
        parts.append(f"Timed to keep apart from {', '.join(near)}.")
    return " ".join(parts)


def _infeasible(
    k: Knowledge,
    place: Placement,
    slot: DoseSlot,
    rules: list[SeparationRule],
    out: list[PlanWarning],
) -> None:
    missed = [r for r in rules if r.shortfall_min(place.time_min)]
    for r in missed:
        out.append(
            PlanWarning(
                code="separation-infeasible",
                severity="danger",
                message=f"No time in your day keeps the {format_time(place.time_min)} dose "
                f"apart from {r.describe()}: it is "
                f"{r.shortfall_min(place.time_min)} min short. Ask your pharmacist to "
                "adjust the times.",
                sources=tuple(k.medicines[r.class_id].sources),
            )
        )


# ---- warnings about forms, and notes -------------------------------------------------------


def _form_warnings(
    k: Knowledge,
    req: PlanRequest,
    pick: FormPick,
    doses: tuple[Dose, ...],
    avoid_laxative: bool,
    out: list[PlanWarning],
) -> None:
    used = list(dict.fromkeys(d.form for d in doses))
    for f in used:
        form = k.forms[f]
        if form.is_laxative:
            severe = avoid_laxative or form.laxative in ("moderate", "strong")
            out.append(
                PlanWarning(
                    code="laxative-form",
                    severity="caution" if severe else "info",
                    message=f"{form.name} loosens stools"
                    + (" strongly" if form.laxative == "strong" else "")
                    + ": take it with a meal where the schedule allows, and in divided doses"
                    + (
                        "; with diarrhoea or loose stools it is best avoided."
                        if avoid_laxative
                        else "."
                    ),
                    sources=("SEED",),
                )
            )
    if req.form is not None:
        chosen = next((c for c in pick.suggestions if c.form == req.form), None)
        fits = (chosen.goals_first + chosen.goals_also) if chosen else ()
        unserved = [g for g in req.goals if g not in fits]
        # the best usable form for the goals the chosen one does not serve (or overall)
        wanted = unserved or list(req.goals)
        best = next(
            (
                c
                for c in pick.suggestions
                if not c.excluded
                and c.form != req.form
                and any(g in c.goals_first + c.goals_also for g in wanted)
            ),
            None,
        )
        if unserved or (best is not None and best.score > (chosen.score if chosen else 0)):
            suggestion = (
                f" The planner would suggest {k.forms[best.form].name.lower()}." if best else ""
            )
            out.append(
                PlanWarning(
                    code="form-chosen-by-user",
                    severity="info",
                    message=f"You chose {k.forms[req.form].name.lower()}"
                    + (
                        "; it is not a usual choice for "
                        + ", ".join(k.goals[g].name.lower() for g in unserved)
                        + "."
                        if unserved
                        else "."
                    )
                    + suggestion,
                    sources=("SEED",),
                )
            )
    elif req.products:
        best_any = pick.suggestions[0] if pick.suggestions else None
        if (
            best_any is not None
            and best_any.form not in {p.form for p in req.products}
            and best_any.excluded in ("", "not one of your products")
        ):
            out.append(
                PlanWarning(
                    code="better-form-available",
                    severity="info",
                    message=f"{k.forms[best_any.form].name} fits your goals better than the "
                    "products you entered.",
                    sources=tuple(best_any.sources),
                )
            )
    for f in used:
        form = k.forms[f]
        if form.elemental_fraction < LOW_MAGNESIUM_FRACTION and daily_mg_of(doses, f) > 0:
            grams = daily_mg_of(doses, f) / form.elemental_fraction / 1000
            out.append(
                PlanWarning(
                    code="low-magnesium-form",
                    severity="info",
                    message=f"{form.name} is only {form.elemental_fraction:.1%} magnesium: "
                    f"{daily_mg_of(doses, f):g} mg of magnesium a day means about {grams:.1f} g "
                    "of the compound, often several capsules a dose. Check the count on your "
                    "product's label.",
                    sources=("CHEM",),
                )
            )
    if "l-threonate" in used and "repletion" in req.goals:
        out.append(
            PlanWarning(
                code="threonate-repletion",
                severity="info",
                message="L-threonate carries little elemental magnesium: it cannot by itself "
                "replete a deficiency at sensible pill counts.",
                sources=("SEED", "CHEM"),
            )
        )
    for g in req.goals:
        note = k.goals[g].note
        if note:
            out.append(
                PlanWarning(
                    code=f"{g}-note",
                    severity="info",
                    message=note,
                    sources=tuple(k.goals[g].sources),
                )
            )


def daily_mg_of(doses: tuple[Dose, ...], form: str) -> float:
    return round(sum(d.units * d.elemental_mg_per_unit for d in doses if d.form == form), 1)


def _notes(k: Knowledge, req: PlanRequest) -> tuple[str, ...]:
    notes = [k.disclaimer.text]
    if "depression" in req.goals:
        notes.append(k.disclaimer.depression)
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
