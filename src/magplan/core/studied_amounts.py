"""Forms planned up to the amount studied (magnesium L-threonate: about 2 g of the compound a
day), the form that fills the rest of the day's amount, and products whose one unit is more
than a dose may be."""

from __future__ import annotations

from magplan.core.forms import NOT_OWNED, FormPick
from magplan.core.knowledge import Knowledge
from magplan.core.plan import PlanWarning
from magplan.core.plan_warnings import phrase, warning, words
from magplan.core.request import PlanRequest, Product
from magplan.core.schedule import DoseSlot
from magplan.core.text import short_form_name
from magplan.core.units import Portion, product_for


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


def filler(k: Knowledge, pick: FormPick, form: str, *, owned_only: bool) -> str | None:
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


def capped(
    k: Knowledge,
    req: PlanRequest,
    pick: FormPick,
    slots: list[DoseSlot],
    portions: list[Portion],
    amount: float,
    target: float,
) -> list[PlanWarning]:
    """A note for each form held to its studied daily amount, and what fills the rest."""
    found = []
    for form in dict.fromkeys(s.form for s in slots):
        product = product_for(req.products, form, target)
        cap = daily_cap_mg(k, form, product)
        share = amount * sum(s.form == form for s in slots) / len(slots)
        if cap is None or cap >= share:
            continue
        others = [g for g in dict.fromkeys(s.form for s in slots) if g != form]
        planned = sum(p.elemental_mg for p in portions)
        found.append(
            warning(
                k,
                "form-daily-maximum",
                sources=k.forms[form].max_daily_sources,
                form=k.forms[form].name,
                studied=studied_amount(k, form, product),
                rest=_rest_of_amount(k, req, pick, form, others, planned, target),
            )
        )
    return found


def _rest_of_amount(
    k: Knowledge,
    req: PlanRequest,
    pick: FormPick,
    form: str,
    others: list[str],
    planned: float,
    target: float,
) -> str:
    """What gives the rest of the day's amount beside a form held to its studied amount: the
    other forms planned, or what the plan gives instead and which form would serve."""
    code = "form-daily-maximum"
    if others:
        names = " and ".join(_short_name(k, g) for g in others)
        return words(k, code, "others", forms=names).capitalize()
    instead = filler(k, pick, form, owned_only=False)
    if instead is None:
        return words(k, code, "reduced", planned_mg=planned, target_mg=target)
    return words(
        k,
        code,
        "reduced-filler-to-add" if req.products else "reduced-filler",
        planned_mg=planned,
        target_mg=target,
        filler=_short_name(k, instead),
        goals=", ".join(k.goals[g].name.lower() for g in pick.goals_by_form[form]),
    )


def _short_name(k: Knowledge, form: str) -> str:
    return short_form_name(k.forms[form].name)


def studied_amount(k: Knowledge, form: str, product: Product | None) -> str:
    """``"at most 144 mg of magnesium a day (about 2 g of the compound)"``, or by the
    compound's weight for a product whose label gives it."""
    f = k.forms[form]
    grams = f.max_daily_compound_mg / 1000 if f.max_daily_compound_mg else None
    if grams is None:
        return phrase(k, "studied-elemental", mg=daily_cap_mg(k, form, None))
    if product is not None and product.compound_mg_per_unit:
        return phrase(k, "studied-by-label", grams=grams)
    return phrase(k, "studied-elemental-and-compound", mg=daily_cap_mg(k, form, None), grams=grams)


def cap_below_one_unit(
    k: Knowledge, req: PlanRequest, pick: FormPick, slots: list[DoseSlot]
) -> list[PlanWarning]:
    """A form left without a dose because one unit of the product holds more than its studied
    daily amount."""
    planned = {s.form for s in slots}
    found = []
    for form in pick.forms:
        product = product_for(req.products, form, 0)
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
                form=_short_name(k, form),
                step_mg=product.step_mg,
                studied=studied_amount(k, form, product),
            )
        )
    return found


def unusable(
    k: Knowledge, req: PlanRequest, pick: FormPick, slots: list[DoseSlot], amount: float
) -> list[PlanWarning]:
    """A caution for each chosen form left without a dose because one unit is more than a
    dose may be."""
    most_mg = min(amount, k.intakes.dosing.max_dose_mg)
    planned = {s.form for s in slots}
    found = []
    for form in pick.forms:
        if form in planned:
            continue
        product = product_for(req.products, form, amount)
        if product is None or product.step_mg <= most_mg:
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
                most_mg=most_mg,
            )
        )
    return found
