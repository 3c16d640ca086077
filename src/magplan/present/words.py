"""Words for amounts, units, forms, food and severities: each phrase the outputs use, once.

Where two outputs deliberately say a thing differently, each way has its own name here:
``*_cell`` is the window's table cell (typographic, ``—`` when there is nothing to say),
``*_plain`` the terminal's plain-text cell (``-``), ``*_label`` the printed card's words and
``*_sentence`` a whole sentence, as a calendar reminder says it.
"""

from __future__ import annotations

from magplan.core.plan import Dose, Plan, WeekdayTimes
from magplan.core.request import WEEKDAY_NAMES
from magplan.core.text import form_title, format_mg, short_form_name
from magplan.core.timeofday import MINUTES_PER_DAY
from magplan.present.clock import DEFAULT_CLOCK, Clock, clock_time

__all__ = [
    "BLANK_CELL",
    "BLANK_PLAIN",
    "SEE_ELEMENTAL",
    "SEVERITY_LABELS",
    "SUPERVISED",
    "UPPER_LIMIT",
    "compound_text",
    "dose_amount",
    "food_cell",
    "food_label",
    "food_plain",
    "food_sentence",
    "form_in_sentence",
    "form_title",
    "format_count",
    "format_mg",
    "format_units",
    "medicine_label",
    "plural",
    "product_form_cell",
    "reminder_title",
    "short_form_name",
    "supervised_by",
    "take_cell",
    "take_tip",
    "time_of_day_column",
    "weekday_time",
    "weekday_times_of",
]

BLANK_CELL = "—"
"""A window table cell with nothing to say."""
BLANK_PLAIN = "-"
"""The same in the terminal's plain-text table."""

UPPER_LIMIT = "Upper limit from supplements and medicines"
"""What the person's upper limit counts: magnesium taken as supplements and medicines, never
the magnesium in food."""

SUPERVISED = "Prescribed and supervised"
"""The head of the statement that a clinician supervises the plan (the card and the terminal
set it in capitals)."""


def supervised_by(who: str) -> str:
    """The rest of that statement, after :data:`SUPERVISED`: who supervises, as typed."""
    return f" by {who.strip() or 'a clinician'}, who confirmed this plan."


SEVERITY_LABELS = {"danger": "DANGER", "caution": "CAUTION", "info": "NOTE"}

_PLURALS = {
    "capsule": "capsules",
    "tablet": "tablets",
    "scoop": "scoops",
    "softgel": "softgels",
    "gummy": "gummies",
    "sachet": "sachets",
    "drop": "drops",
    "teaspoon": "teaspoons",
    "ml": "ml",
    "mg": "mg",
}


def plural(unit: str, count: float) -> str:
    if unit == "mg" or count == 1 or 0 < count < 1:
        return unit
    if unit in _PLURALS:
        return _PLURALS[unit]
    return unit if unit.endswith("s") else unit + "s"


def format_count(units: float) -> str:
    """2 -> "2", 1.5 -> "1½", 0.5 -> "½"."""
    whole = int(units)
    half = abs(units - whole - 0.5) < 1e-9
    if half:
        return f"{whole}½" if whole else "½"
    return f"{units:g}"


def format_units(units: float, unit: str) -> str:
    """``2 capsules``, ``1½ tablets``, ``175 mg elemental`` (an amount without a product is
    always elemental magnesium, and says so)."""
    if unit == "mg":
        return f"{units:g} mg elemental"
    return f"{format_count(units)} {plural(unit, units)}"


def dose_amount(dose: Dose) -> str:
    """What to take, in the person's own units (and the product's name when given)."""
    text = format_units(dose.units, dose.unit)
    if dose.product_label:
        text += f" of {dose.product_label}"
    return text


SEE_ELEMENTAL = "see Elemental"
"""The window's Take cell of a dose without a product: what to take is the elemental mg in the
Elemental column beside it (the same number in both columns read as two amounts)."""


def take_cell(dose: Dose) -> str:
    """The window's Take cell: the units of the person's product (``"2 capsules"``), or
    :data:`SEE_ELEMENTAL` when no product is given (the dose is then its elemental mg)."""
    return SEE_ELEMENTAL if dose.unit == "mg" else format_units(dose.units, dose.unit)


def take_tip(dose: Dose, form_name: str) -> str:
    """The Take cell's whole text (its tooltip, and what assistive technology reads): without
    a product, what to take and how to have it in the person's own units."""
    if dose.unit != "mg":
        return take_cell(dose)
    return (
        f"No product given: take a {short_form_name(form_name)} product in the amount that "
        f"gives {format_mg(dose.elemental_mg)} of elemental magnesium (the Elemental column); "
        "its label says how much one unit gives. Add the bottle under Products to have the "
        "dose in capsules or tablets."
    )


def reminder_title(dose: Dose) -> str:
    """A calendar reminder's title: ``Magnesium: 2 capsules glycinate (200 mg)``, or
    ``Magnesium: 115 mg elemental as glycinate``."""
    amount = format_units(dose.units, dose.unit)
    if dose.unit == "mg":
        return f"Magnesium: {amount} as {dose.form}"
    return f"Magnesium: {amount} {dose.form} ({format_mg(dose.elemental_mg)})"


def compound_text(dose: Dose, form_name: str, *, short: bool = False) -> str:
    """What the dose's elemental magnesium is as the compound on a label, or ``""``:
    ``"in 1000 mg of magnesium glycinate"`` (from the label), ``"= about 815 mg of magnesium
    glycinate"`` or ``"= about 815-1150 mg"`` (without a product: from the form's share of
    magnesium, over its range where products differ). ``short`` says "compound" instead of the
    form's name, where the form is named beside it."""
    form = "the compound" if short else short_form_name(form_name)
    if dose.compound_mg:
        return f"in {dose.compound_mg:g} mg of {form}"
    if dose.compound_about_mg:
        most = dose.compound_about_max_mg
        span = f"-{most:g}" if most and most != dose.compound_about_mg else ""
        return f"= about {dose.compound_about_mg:g}{span} mg of {form}"
    return ""


def product_form_cell(name: str) -> str:
    """A form's name in a row of the person's products, where every product is magnesium:
    ``"Magnesium glycinate (bisglycinate)"`` -> ``"glycinate (bisglycinate)"``, ``"Magnesium
    L-threonate"`` -> ``"L-threonate"``."""
    return name.removeprefix("Magnesium ")


def form_in_sentence(name: str) -> str:
    """A form's full name inside a sentence: ``"magnesium L-threonate"`` (only the first
    letter lowered)."""
    return name[:1].lower() + name[1:]


def medicine_label(name: str, class_name: str) -> str:
    """``"sertraline (antidepressant)"``; just the class when the name is already in it
    (``"calcium"`` -> ``"calcium supplement"``, never ``"calcium calcium supplement"``)."""
    cls = class_name[:1].lower() + class_name[1:]  # "HIV" stays upper case
    if name.casefold() in cls.casefold():
        return cls
    return f"{name} ({cls})"


def food_cell(with_food: bool) -> str:
    return "With food" if with_food else BLANK_CELL


def food_plain(with_food: bool) -> str:
    return "with food" if with_food else BLANK_PLAIN


def food_label(with_food: bool) -> str:
    return "With food" if with_food else "Without food"


def food_sentence(with_food: bool) -> str:
    return "Take it with food." if with_food else "Take it without food."


def time_of_day_column(minute_of_day: int, *, at_bedtime: bool, wake_min: int) -> str:
    """The pill card's column: Morning, Noon, Evening or Bedtime (AHRQ)."""
    if at_bedtime:
        return "Bedtime"
    hours_awake = ((minute_of_day - wake_min) % MINUTES_PER_DAY) / 60
    if hours_awake < 4.5:
        return "Morning"
    if hours_awake < 9:
        return "Noon"
    return "Evening"


def weekday_time(days: WeekdayTimes, minute: int | None, clock: Clock = DEFAULT_CLOCK) -> str:
    """A dose's time on the days a weekday-only medicine moves it: ``"Mon: 12:30"``, or
    ``"Mon: none"`` when it is left out that day."""
    names = ", ".join(WEEKDAY_NAMES[d][:3] for d in days.weekdays)
    return f"{names}: {clock_time(minute, clock) if minute is not None else 'none'}"


def weekday_times_of(plan: Plan, index: int, clock: Clock = DEFAULT_CLOCK) -> list[str]:
    """How dose ``index`` differs on the days a weekday-only medicine changes it."""
    dose = plan.doses[index]
    return [
        weekday_time(days, days.times_min[index], clock)
        for days in plan.weekday_times
        if days.times_min[index] != dose.time_min
    ]
