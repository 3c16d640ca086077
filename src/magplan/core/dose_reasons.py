"""Why each dose is where it is, in the words the schedule shows beside it: when in the day,
which goals it serves, and which medicines its time keeps it apart from."""

from __future__ import annotations

from magplan.core.forms import FormPick
from magplan.core.knowledge import Knowledge
from magplan.core.schedule import Day, DoseSlot, Placement
from magplan.core.separation import SeparationRule
from magplan.core.text import short_form_name
from magplan.core.timeofday import format_time, forward_gap


def meal_names(day: Day) -> list[str]:
    """The day's meals as the reasons name them: breakfast, lunch and dinner where there are
    three, else by their times."""
    n = len(day.meals_off)
    if n == 3:
        return ["breakfast", "lunch", "dinner"]
    if n == 2:
        return ["breakfast", "dinner"]
    if n == 1:
        return ["your meal"]
    return [f"your meal at {format_time(day.clock(m))}" for m in day.meals_off]


def dose_reason(
    k: Knowledge,
    slot: DoseSlot,
    place: Placement,
    day: Day,
    meals: list[str],
    rules: list[SeparationRule],
    pick: FormPick,
) -> str:
    """``"With breakfast: magnesium citrate for constipation. Timed to keep apart from
    levothyroxine."``"""
    parts = [f"{_when(slot, place, day, meals, rules)}: {_serves(k, slot, pick)}."]
    near = _timed_apart_from(day, place, rules)
    if near and not place.shortfall_min:
        parts.append(f"Timed to keep apart from {', '.join(near)}.")
    return " ".join(parts)


def _serves(k: Knowledge, slot: DoseSlot, pick: FormPick) -> str:
    """The form and the goals it serves here (or why a fallback form is used)."""
    if pick.fallback_reason and not slot.goals:
        return pick.fallback_reason.rstrip(".")
    form = short_form_name(k.forms[slot.form].name)
    goal_names = [k.goals[g].name.lower() for g in slot.goals]
    return f"{form} for {', '.join(goal_names)}" if goal_names else form


def _when(
    slot: DoseSlot, place: Placement, day: Day, meals: list[str], rules: list[SeparationRule]
) -> str:
    """When in the day the dose is taken, and with which meal."""
    meal = meals[place.meal_index] if place.meal_index is not None else None
    if slot.kind == "bedtime" and day.near_bed(place.time_min):
        when = "Shortly before bed"
    elif slot.kind == "bedtime":
        when = (
            "As late in the day as your other medicines allow (not at bedtime)"
            if rules
            else "In the evening (not at bedtime)"
        )
        if meal is not None:
            when += f", with {meal}"
    elif meal is not None:
        when = f"With {meal}"
    elif day.near_bed(place.time_min):
        when = "In the evening, before bed"
    else:
        when = "Between meals"
    if slot.kind == "early" and day.offset(place.time_min) < day.waking_min / 2:
        when += ", early in the day (laxative effect)"
    return when


def _timed_apart_from(day: Day, place: Placement, rules: list[SeparationRule]) -> list[str]:
    """The medicines whose windows the dose sits just outside (planning.toml,
    timed_apart_margin_min)."""
    margin = day.timing.timed_apart_margin_min
    return sorted(
        {
            r.name
            for r in rules
            if min(forward_gap(r.time_min, place.time_min), forward_gap(place.time_min, r.time_min))
            < max(r.other_first_min, r.mg_first_min) + margin
        }
    )
