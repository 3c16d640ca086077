"""The person's day: which meals a day has when its wake or bed time changes.

One rule for every face (the command line's ``--wake``/``--bed`` and the window's wake and bed
fields): meals the person has not set follow the day, and meals they have set stay.

- Meals "not set" are the default meals of their day (:func:`default_meals`: 07:30, 12:30 and
  18:30 for a 07:00 to 22:30 day). A new wake or bed time gives the default meals of the new
  day: wake at 06:00 and breakfast is at 06:30.
- Meals the person set (typed, or kept in a saved profile) stay when they all fit in the new
  waking day; when one does not, the new day's default meals replace them.
- While the new day is too short to be a day (under ``MIN_WAKING_DAY_MIN``, which the planner
  reports), the meals are left as they are.
"""

from __future__ import annotations

from magplan.core.request import MIN_WAKING_DAY_MIN, default_meals
from magplan.core.timeofday import forward_gap


def is_a_day(wake_min: int, bed_min: int) -> bool:
    """The waking day from ``wake_min`` to ``bed_min`` is long enough to plan."""
    return forward_gap(wake_min, bed_min) >= MIN_WAKING_DAY_MIN


def meals_fit(wake_min: int, bed_min: int, meals_min: tuple[int, ...]) -> bool:
    """Every meal falls inside the waking day from ``wake_min`` to ``bed_min``."""
    waking = forward_gap(wake_min, bed_min)
    return all(forward_gap(wake_min, meal) <= waking for meal in meals_min)


def meals_set_by_person(wake_min: int, bed_min: int, meals_min: tuple[int, ...]) -> bool:
    """The meals are the person's own, not the default meals of their day."""
    return meals_min != default_meals(wake_min, bed_min)


def meals_for_new_day(
    meals_min: tuple[int, ...],
    old_day: tuple[int, int],
    new_day: tuple[int, int],
) -> tuple[int, ...]:
    """The meals of the day ``new_day`` (wake, bed) that replaces ``old_day``, whose meals were
    ``meals_min`` (the rule is in this module's docstring)."""
    wake, bed = new_day
    if not is_a_day(wake, bed):
        return meals_min
    if meals_set_by_person(*old_day, meals_min) and meals_fit(wake, bed, meals_min):
        return meals_min
    return default_meals(wake, bed)
