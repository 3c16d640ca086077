"""A plan in words: :func:`present` turns a :class:`~magplan.core.plan.Plan` into the rows and
phrases every output shows, so that each output only lays them out."""

from __future__ import annotations

from dataclasses import field

from magplan.core.knowledge import Knowledge
from magplan.core.plan import Plan
from magplan.core.values import value
from magplan.present.clock import DEFAULT_CLOCK, Clock
from magplan.present.forms import FormItem, HeadlineWords, form_items, headline_words
from magplan.present.ramp import RampRow, ramp_rows
from magplan.present.rows import (
    DoseRow,
    MedicineRow,
    WarningRow,
    dose_rows,
    medicine_rows,
    warning_rows,
)
from magplan.present.words import UPPER_LIMIT, form_in_sentence, format_mg


@value
class TotalView:
    """The day's magnesium against the upper limit."""

    total_mg: float  # the plan and the person's other magnesium products
    limit_mg: int | None
    over_limit: bool
    text: str  # "350 mg of 350 mg upper limit", "... — OVER THE LIMIT"
    detail: str  # the plan and the other products, the limit's name, the recommended intake


@value
class PlanView:
    """Everything an output says about one plan, and the knowledge it was worded with."""

    plan: Plan
    knowledge: Knowledge = field(repr=False)
    doses: tuple[DoseRow, ...]
    ramp: tuple[RampRow, ...]
    medicines: tuple[MedicineRow, ...]
    warnings: tuple[WarningRow, ...]
    form_items: tuple[FormItem, ...]
    total: TotalView
    daily: str  # "350 mg"
    forms_in_sentence: str  # "magnesium glycinate (bisglycinate) and ...", or "magnesium"
    forms_plain: str  # "magnesium glycinate (bisglycinate), ...", or "none"
    clock: Clock = DEFAULT_CLOCK  # how its times of day are written: "24h" or "12h"
    diet: str = ""  # the diet estimate, the gap and the total in one line; "" without a diet

    @property
    def dangers(self) -> tuple[WarningRow, ...]:
        """The warnings that block a plan: why there is no schedule."""
        return tuple(w for w in self.warnings if w.severity == "danger")

    @property
    def has_ramp(self) -> bool:
        """Whether the plan starts low: a ramp of two weeks or more."""
        return len(self.ramp) >= 2

    def headline(self, chosen_form: str | None = None, *, most_alternatives: int) -> HeadlineWords:
        """The form the plan leads with, in words (see :meth:`Plan.headline`)."""
        return headline_words(
            self.plan, self.knowledge, chosen_form, most_alternatives=most_alternatives
        )


def present(plan: Plan, k: Knowledge, *, clock: Clock = DEFAULT_CLOCK) -> PlanView:
    """``plan`` in words, with the names ``k`` gives its forms, goals and sources, and its
    times of day on ``clock`` (a 24-hour clock unless a face asks for a 12-hour one)."""
    ramp = ramp_rows(plan, clock)
    names = [k.forms[f].name for f in plan.forms]
    return PlanView(
        plan=plan,
        knowledge=k,
        doses=dose_rows(plan, k, ramp, clock),
        ramp=ramp,
        medicines=medicine_rows(plan, clock),
        warnings=warning_rows(plan, k),
        form_items=form_items(plan, k),
        total=total_view(plan),
        daily=format_mg(plan.daily_elemental_mg),
        forms_in_sentence=" and ".join(form_in_sentence(n) for n in names) or "magnesium",
        forms_plain=", ".join(n.lower() for n in names) or "none",
        clock=clock,
        diet=_diet_line(plan),
    )


def _diet_line(plan: Plan) -> str:
    """The plan's diet line; the food words load only for a plan with a diet."""
    if plan.diet is None:
        return ""
    from magplan.present.diet import diet_line

    return diet_line(plan)


def total_view(plan: Plan) -> TotalView:
    total = plan.total_with_other_mg
    limit = plan.upper_limit_mg
    over = limit is not None and total > limit
    if limit is None:
        text = f"{format_mg(total)} — no upper limit is set for this age"
    else:
        text = f"{format_mg(total)} of {limit} mg upper limit" + (
            " — OVER THE LIMIT" if over else ""
        )
    parts = [f"{UPPER_LIMIT}: {plan.limit_name}."]
    if plan.other_magnesium_mg:
        parts.insert(
            0,
            f"{format_mg(plan.daily_elemental_mg)} planned + "
            f"{format_mg(plan.other_magnesium_mg)} from other products.",
        )
    parts.append(f"Recommended intake from food and supplements: {plan.rda_mg} mg a day.")
    return TotalView(total, limit, over, text, " ".join(parts))
