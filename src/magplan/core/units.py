"""Turns elemental milligrams into whole (or half) units of the person's own products.

The mg a dose shows is always what its units really contain: units x mg per unit. Amounts are
rounded down, never up, so a dose never holds more than the plan allows.
"""

from __future__ import annotations

import math

from magplan.core.request import Product
from magplan.core.values import value


@value
class Portion:
    """A share of the day's amount in units of one product (or in mg when there is none)."""

    form: str
    units: float
    unit: str
    unit_step: float  # the smallest change in units: 1, 0.5 (halves) or 5 (mg)
    elemental_mg_per_unit: float
    label: str
    compound_mg: float | None  # compound weight in the dose, when the label gave it

    @property
    def elemental_mg(self) -> float:
        return self.units * self.elemental_mg_per_unit


def product_for(products: tuple[Product, ...], form: str, portion_mg: float) -> Product | None:
    """The person's product of ``form`` whose units best fit a dose of ``portion_mg``."""
    mine = [p for p in products if p.form == form]
    if not mine:
        return None

    def fit(p: Product) -> tuple[float, float]:
        steps = math.floor(portion_mg / p.step_mg + 1e-9)
        return (portion_mg - steps * p.step_mg if steps else math.inf, steps)

    return min(mine, key=fit)


@value
class SlotProduct:
    """The product a dose slot is filled from (None: the form's mg)."""

    form: str
    product: Product | None
    prefer_late: bool  # a larger share goes to the later doses of this form (bedtime)


def portion_doses(
    slots: list[SlotProduct],
    *,
    target: float,
    max_dose_mg: float,
    no_product_step_mg: float,
    form_max_mg: dict[str, float] | None = None,
) -> list[Portion]:
    """A portion for every slot; the total never exceeds ``target``, no dose ``max_dose_mg``,
    and no form its daily maximum in ``form_max_mg``.

    One unit step at a time goes to the smallest dose that can still take it, so the doses stay
    as even as the products allow and the day comes as close to ``target`` as it can.
    """
    step = [s.product.step_mg if s.product else no_product_step_mg for s in slots]
    caps = form_max_mg or {}
    count = {s.form: sum(t.form == s.form for t in slots) for s in slots}
    # Start every dose at the whole steps of an even share (the state the one-step-at-a-time
    # filling passes through anyway), then add the last steps one at a time.
    share = [
        min(target / len(slots), max_dose_mg, caps.get(s.form, math.inf) / count[s.form])
        for s in slots
    ]
    steps = [math.floor(sh / st + 1e-9) for sh, st in zip(share, step, strict=True)]
    mg = [n * st for n, st in zip(steps, step, strict=True)]
    total = sum(mg)
    by_form = {f: sum(m for m, s in zip(mg, slots, strict=True) if s.form == f) for f in count}
    tie = {i: (-i if s.prefer_late else i) for i, s in enumerate(slots)}
    while True:
        growable = [
            i
            for i in range(len(slots))
            if total + step[i] <= target + 1e-9
            and mg[i] + step[i] <= max_dose_mg + 1e-9
            and by_form[slots[i].form] + step[i] <= caps.get(slots[i].form, math.inf) + 1e-9
        ]
        if not growable:
            break
        i = min(growable, key=lambda j: (mg[j], tie[j]))
        steps[i] += 1
        mg[i] += step[i]
        total += step[i]
        by_form[slots[i].form] += step[i]
    return [
        _portion(s.form, s.product, n, no_product_step_mg)
        for s, n in zip(slots, steps, strict=True)
    ]


def _portion(form: str, product: Product | None, steps: int, mg_step: float) -> Portion:
    if product is None:
        return Portion(
            form=form,
            units=steps * mg_step,
            unit="mg",
            unit_step=mg_step,
            elemental_mg_per_unit=1.0,
            label="",
            compound_mg=None,
        )
    units = steps / 2 if product.halves else float(steps)
    compound = units * product.compound_mg_per_unit if product.compound_mg_per_unit else None
    return Portion(
        form=form,
        units=units,
        unit=product.unit,
        unit_step=0.5 if product.halves else 1.0,
        elemental_mg_per_unit=product.elemental_mg_per_unit,
        label=product.label,
        compound_mg=compound,
    )
