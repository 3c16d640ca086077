"""Who may be planned for, and how much: the gates (infants, kidney disease, heart block,
pregnancy under 14), the person's upper limit and the daily amount within it."""

from __future__ import annotations

import math

from magplan.core.knowledge import Condition, Knowledge, Severity
from magplan.core.limits import Limits, is_child
from magplan.core.plan import PlanWarning
from magplan.core.plan_warnings import warning, words
from magplan.core.request import PlanRequest


def gates(k: Knowledge, req: PlanRequest, lim: Limits, out: list[PlanWarning]) -> bool:
    """Whether the plan is blocked; each gate's and condition's warning goes to ``out``."""
    blocked = lim.none_set
    if lim.none_set:
        out.append(warning(k, "infant"))
    for cid in req.conditions:
        said, blocks = _condition(k, req, lim, k.conditions[cid])
        out.append(said)
        blocked = blocks or blocked
    if not lim.none_set and is_child(k, req.age_years):
        out.append(_child(k, req, lim))
    if req.pregnant or req.lactating:
        blocked = _pregnancy(k, req, lim, out) or blocked
    return blocked


def _condition(
    k: Knowledge, req: PlanRequest, lim: Limits, cond: Condition
) -> tuple[PlanWarning, bool]:
    """A condition's warning, and whether it blocks the plan: a gated condition does unless a
    clinician supervises; a laxative form forced despite loose stools is said so."""
    if cond.gate:
        unlocked = req.supervised and not lim.none_set
        message = cond.supervised_message if unlocked else cond.message
        return _said(cond, "danger", message), not unlocked
    forced = k.forms[req.form] if req.form is not None else None
    conflict = cond.avoid_laxative and forced is not None and forced.is_laxative and forced.oral
    if conflict and forced is not None:
        return _said(
            cond, cond.severity, cond.forced_message.format(form=forced.name.lower())
        ), False
    return _said(cond, cond.severity, cond.message), False


def _said(cond: Condition, severity: Severity, message: str) -> PlanWarning:
    return PlanWarning(
        code=cond.warning_code, severity=severity, message=message, sources=tuple(cond.sources)
    )


def _child(k: Knowledge, req: PlanRequest, lim: Limits) -> PlanWarning:
    young = req.age_years >= k.planning.ages.young_person_from_years
    return warning(
        k,
        "child",
        "young" if young else "",
        sources=(lim.limit_source,),
        age=req.age_years,
        upper_limit_mg=lim.upper_limit_mg,
    )


def no_pregnancy_figure(req: PlanRequest, lim: Limits) -> bool:
    """Pregnant or breastfeeding at an age ODS gives no figure for (under 14)."""
    return (req.pregnant or req.lactating) and not lim.pregnancy_figure


def _pregnancy(k: Knowledge, req: PlanRequest, lim: Limits, out: list[PlanWarning]) -> bool:
    """Pregnancy or breastfeeding: their own intake, and a referral; under 14 no plan (ODS has
    no figure), unless a clinician supervises it."""
    code = "pregnancy" if req.pregnant else "lactation"
    no_figure = no_pregnancy_figure(req, lim)
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


def unlocked(k: Knowledge, req: PlanRequest, lim: Limits) -> list[str]:
    """What a clinician's supervision unlocked: gated conditions, a pregnancy under 14."""
    if not req.supervised:
        return []
    found = [k.conditions[c].name for c in req.conditions if k.conditions[c].gate]
    if no_pregnancy_figure(req, lim):
        state = "pregnancy" if req.pregnant else "lactation"
        youngest = k.intakes.pregnancy_figure_ages()[0]
        found.append(words(k, "supervised-amount-needed", state, figure_from_age=youngest))
    return found


def amount_needed(k: Knowledge, what: list[str]) -> PlanWarning:
    """The upper limit does not protect a person whose gate was unlocked: the clinician sets
    the amount."""
    return warning(k, "supervised-amount-needed", unlocked=", ".join(what).lower())


def target_mg(
    k: Knowledge,
    req: PlanRequest,
    lim: Limits,
    out: list[PlanWarning],
    diet_mg: float | None = None,
) -> float:
    """The daily elemental mg to plan from supplements, within the person's limits: with the
    dietary gap asked for, the gap to the RDA (``diet_mg`` is the diet estimate, given only
    when doses can be planned: never for a blocked plan or one a clinician sets)."""
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
    if req.target_from_diet and diet_mg is not None:
        return _diet_gap(k, req, lim, diet_mg, _round_down(room, step), out)
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


def _diet_gap(
    k: Knowledge,
    req: PlanRequest,
    lim: Limits,
    diet_mg: float,
    room_mg: float,
    out: list[PlanWarning],
) -> float:
    """The RDA (food and supplements together) less the diet and the person's other
    magnesium products, up in planning steps, never above the room the upper limit leaves for
    supplements (which counts supplements only)."""
    step = k.planning.amounts.no_product_step_mg
    gap = max(0.0, lim.rda_mg - diet_mg - req.other_magnesium_mg)
    target = min(room_mg, math.ceil(gap / step) * step)
    case = "met" if gap <= 0 else ("capped" if target < gap else "")
    other = ""
    if req.other_magnesium_mg:
        other = words(k, "diet-gap", "other", other_mg=req.other_magnesium_mg)
    out.append(
        warning(
            k,
            "diet-gap",
            case,
            rda_mg=lim.rda_mg,
            diet_mg=diet_mg,
            gap_mg=round(gap),
            target_mg=target,
            other=other,
        )
    )
    return float(target)


def above_limit(k: Knowledge, req: PlanRequest, lim: Limits, daily: float) -> list[PlanWarning]:
    """The caution for a plan that, as planned, passes the upper limit (only on request)."""
    ul = lim.upper_limit_mg
    total = daily + req.other_magnesium_mg
    if ul is None or daily <= 0 or total <= ul:
        return []
    return [
        warning(
            k,
            "above-upper-limit",
            sources=(lim.limit_source,),
            total_mg=total,
            upper_limit_mg=ul,
            limit_name=lim.limit_name,
        )
    ]


def _round_down(mg: float, step_mg: float) -> float:
    return math.floor(mg / step_mg + 1e-9) * step_mg
