"""The plan's doses, other medicines and warnings as rows of words, one row each.

Each row carries the core's value it words (for a face that needs a number, such as a
model's sort role) and every phrase an output shows of it.
"""

from __future__ import annotations

from magplan.core.knowledge import Knowledge
from magplan.core.plan import Dose, MedicineInPlan, Plan, PlanWarning
from magplan.core.request import format_weekdays
from magplan.core.values import value
from magplan.present.clock import DEFAULT_CLOCK, Clock, clock_time
from magplan.present.ramp import RampRow, dose_ramp
from magplan.present.words import (
    BLANK_CELL,
    BLANK_PLAIN,
    SEVERITY_LABELS,
    compound_text,
    dose_amount,
    food_cell,
    food_label,
    food_plain,
    food_sentence,
    form_title,
    format_mg,
    format_units,
    medicine_label,
    short_form_name,
    take_cell,
    take_tip,
    time_of_day_column,
    weekday_times_of,
)


@value
class DoseRow:
    """One dose in words."""

    dose: Dose
    time: str  # "22:00", or "10:00 PM" on a 12-hour clock
    time_cell: str  # "22:00 (bedtime)", and a line for each weekday time: "Mon, Fri: 20:30"
    other_days: tuple[str, ...]  # "Mon, Fri: 20:30": its time where a weekday medicine moves it
    column: str  # the card's time of day: Morning, Noon, Evening or Bedtime
    amount: str  # "2 capsules", "115 mg elemental"
    take_cell: str  # the window's Take: "2 capsules", or "see Elemental" without a product
    take_tip: str  # its whole text: the units, or what to take without a product
    form_name: str  # "Magnesium glycinate (bisglycinate)"
    product_cell: str  # "CalmMag (magnesium glycinate)", or "Magnesium glycinate"
    product_name: str  # the card's: "CalmMag", or the form's full name
    product_in_sentence: str  # "CalmMag", or "magnesium glycinate (bisglycinate)"
    take_plain: str  # "2 capsules of CalmMag, magnesium glycinate"
    elemental: str  # "200 mg"
    compound_short: str  # "in 1000 mg of the compound", "= about 815-1150 mg of the compound"
    elemental_cell: str  # "200 mg in 1000 mg of the compound"
    elemental_plain: str  # "200 mg in 1000 mg of magnesium glycinate"
    food_cell: str
    food_plain: str
    food_label: str
    food_sentence: str
    goals_cell: str  # the goals' names, or "—"
    goals_label: str  # the goals' names, or "General use"
    goals_plain: str  # the goals' ids, or "-"
    reason: str
    ramp: tuple[str, ...]  # "week 1: skip this dose", ..., "from week 3: 2 capsules"; or ()


def dose_rows(
    plan: Plan, k: Knowledge, ramp: tuple[RampRow, ...], clock: Clock = DEFAULT_CLOCK
) -> tuple[DoseRow, ...]:
    """Each dose of ``plan`` in words, with its amounts week by week in ``ramp``, its times
    on ``clock``."""
    return tuple(
        _dose_row(plan, k, i, dose_ramp(plan, ramp, i), clock) for i in range(len(plan.doses))
    )


def _dose_row(plan: Plan, k: Knowledge, index: int, ramp: tuple[str, ...], clock: Clock) -> DoseRow:
    d = plan.doses[index]
    time = clock_time(d.time_min, clock)
    form_name = k.forms[d.form].name
    other_days = tuple(weekday_times_of(plan, index, clock))
    compound_short = compound_text(d, form_name, short=True)
    goal_names = ", ".join(k.goals[g].name for g in d.goals if g in k.goals)
    return DoseRow(
        dose=d,
        time=time,
        time_cell="\n".join([time + (" (bedtime)" if d.at_bedtime else ""), *other_days]),
        other_days=other_days,
        column=time_of_day_column(d.time_min, at_bedtime=d.at_bedtime, wake_min=plan.wake_min),
        amount=format_units(d.units, d.unit),
        take_cell=take_cell(d),
        take_tip=take_tip(d, form_name),
        form_name=form_name,
        product_cell=(
            f"{d.product_label} ({short_form_name(form_name)})"
            if d.product_label
            else form_title(form_name)
        ),
        product_name=d.product_label or form_name,
        product_in_sentence=d.product_label or form_name.lower(),
        take_plain=f"{dose_amount(d)}, {short_form_name(form_name)}",
        elemental=format_mg(d.elemental_mg),
        compound_short=compound_short,
        elemental_cell=_joined(format_mg(d.elemental_mg), compound_short),
        elemental_plain=_joined(format_mg(d.elemental_mg), compound_text(d, form_name)),
        food_cell=food_cell(d.with_food),
        food_plain=food_plain(d.with_food),
        food_label=food_label(d.with_food),
        food_sentence=food_sentence(d.with_food),
        goals_cell=goal_names or BLANK_CELL,
        goals_label=goal_names or "General use",
        goals_plain=", ".join(d.goals) or BLANK_PLAIN,
        reason=d.reason,
        ramp=ramp,
    )


def _joined(*parts: str) -> str:
    return " ".join(p for p in parts if p)


@value
class MedicineRow:
    """Another medicine the person takes, with its times and its spacing from magnesium."""

    medicine: MedicineInPlan
    label: str  # "sertraline (antidepressant)"
    times: str  # "08:00, 20:00"
    weekdays: str  # "Tuesdays and Saturdays", or "" when taken every day
    rule: str  # "at least 4 h apart", or "" without a timing rule
    rule_label: str  # the rule, or "no timing rule"
    strength: str  # must | should | precaution, or ""
    line_plain: str  # "alendronate (...) at 00:30 on Tuesdays - at least 4 h apart (must)"


def medicine_rows(plan: Plan, clock: Clock = DEFAULT_CLOCK) -> tuple[MedicineRow, ...]:
    return tuple(_medicine_row(m, clock) for m in plan.medicines)


def _medicine_row(m: MedicineInPlan, clock: Clock) -> MedicineRow:
    label = medicine_label(m.name, m.class_name)
    times = ", ".join(clock_time(t, clock) for t in m.times_min)
    weekdays = format_weekdays(m.weekdays) if m.weekdays else ""
    line = f"{label} at {times}" + (f" on {weekdays}" if weekdays else "")
    line += (f" - {m.rule}" if m.rule else "") + (f" ({m.strength})" if m.strength else "")
    return MedicineRow(
        medicine=m,
        label=label,
        times=times,
        weekdays=weekdays,
        rule=m.rule,
        rule_label=m.rule or "no timing rule",
        strength=m.strength,
        line_plain=line,
    )


@value
class WarningRow:
    """A warning with its severity's word and its sources named."""

    warning: PlanWarning
    label: str  # DANGER, CAUTION or NOTE
    message: str
    sources_short: str  # "NIH Office of Dietary Supplements fact sheet; ..."
    sources_full: str  # the sources' full titles
    line_plain: str  # "[CAUTION] message (source: ODS, LABEL)"

    @property
    def severity(self) -> str:
        return self.warning.severity

    @property
    def code(self) -> str:
        return self.warning.code

    @property
    def cell(self) -> str:
        """The window's list entry: the severity, the message, and the sources below."""
        return f"{self.label}: {self.message}\nSource: {self.sources_short}"

    @property
    def accessible(self) -> str:
        return f"{self.label}: {self.message} Source: {self.sources_short}"

    @property
    def tooltip(self) -> str:
        return f"{self.message}\n\nSource: {self.sources_full}"


def source_names(keys: tuple[str, ...], k: Knowledge, *, full: bool = False) -> str:
    """The sources' short names (or full titles), ``"; "``-separated; an unknown key as is."""
    return "; ".join(
        (k.sources[s].title if full else k.sources[s].short) if s in k.sources else s for s in keys
    )


def warning_rows(plan: Plan, k: Knowledge) -> tuple[WarningRow, ...]:
    return tuple(_warning_row(w, k) for w in plan.warnings)


def _warning_row(w: PlanWarning, k: Knowledge) -> WarningRow:
    label = SEVERITY_LABELS[w.severity]
    return WarningRow(
        warning=w,
        label=label,
        message=w.message,
        sources_short=source_names(w.sources, k),
        sources_full=source_names(w.sources, k, full=True),
        line_plain=f"[{label}] {w.message} (source: {w.source})",
    )
