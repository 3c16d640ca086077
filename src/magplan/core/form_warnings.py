"""What the plan says about the forms it uses (a laxative, little magnesium in its weight, too
light to restore levels, a better fit), the goals' own notes, the goals no dose serves, and why
no form can be planned."""

from __future__ import annotations

from magplan.core.forms import NOT_OWNED, FormPick
from magplan.core.knowledge import Knowledge
from magplan.core.limits import is_child
from magplan.core.plan import Dose, PlanWarning
from magplan.core.plan_warnings import phrase, warning, words
from magplan.core.request import PlanRequest


def form_warnings(
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


def goals_unserved(
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


def not_by_mouth(k: Knowledge, form: str) -> PlanWarning:
    return warning(
        k, "not-by-mouth", sources=k.forms[form].sources, route_note=k.forms[form].route_note
    )


def no_form(k: Knowledge, req: PlanRequest) -> PlanWarning:
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
