"""Separation rules between magnesium and other medicines, on a repeating day.

A rule says how long the other product must come before magnesium (``other_first_min``) and how
long magnesium must come before the other product (``mg_first_min``). On a day that repeats, a
dose at ``t`` keeps a rule against the other product taken at ``m`` exactly when ``t`` lies
outside the open window ``(m - mg_first_min, m + other_first_min)``.
"""

from __future__ import annotations

from typing import Literal

from magplan.core.timeofday import CLOCK_STEP_MIN, MINUTES_PER_DAY, format_time, forward_gap
from magplan.core.values import value

MAX_SEPARATION_MIN = MINUTES_PER_DAY // 2
"""The longest spacing a rule may ask for either way: on a day that repeats, a longer window
would reach the medicine's dose of the next day."""

Strength = Literal["must", "should", "precaution"]


@value
class SeparationRule:
    """How far magnesium must stay from one time of another medicine, both ways, and how
    strongly."""

    name: str  # the medicine as the user named it
    class_id: str
    warning_code: str
    time_min: int  # when the other product is taken
    other_first_min: int
    mg_first_min: int
    strength: Strength = "must"

    def shortfall_min(self, dose_min: int) -> int:
        """How many minutes the dose at ``dose_min`` misses this rule by (0: kept)."""
        since_other = forward_gap(self.time_min, dose_min)  # other product, then magnesium
        until_other = forward_gap(dose_min, self.time_min)  # magnesium, then other product
        if since_other == 0:
            return max(self.other_first_min, self.mg_first_min)
        return max(0, self.other_first_min - since_other) + max(0, self.mg_first_min - until_other)

    def describe(self) -> str:
        """``"calcium at 08:00: at least 2 h either side"``."""
        when = format_time(self.time_min)
        if self.other_first_min == self.mg_first_min:
            return f"{self.name} at {when}: at least {format_hours(self.mg_first_min)} either side"
        return (
            f"{self.name} at {when}: {self.name} at least "
            f"{format_hours(self.other_first_min)} before or "
            f"{format_hours(self.mg_first_min)} after magnesium"
        )


def format_hours(minutes: int) -> str:
    return f"{minutes // 60} h" if minutes % 60 == 0 else f"{minutes / 60:.1f} h"


def rule_text(other_first_min: int, mg_first_min: int) -> str:
    """The rule of a class in words, for tables and the printout."""
    if other_first_min == mg_first_min:
        return f"at least {format_hours(mg_first_min)} apart"
    return (
        f"take it at least {format_hours(other_first_min)} before or "
        f"{format_hours(mg_first_min)} after magnesium"
    )


def total_shortfall(rules: list[SeparationRule], dose_min: int) -> int:
    return sum(r.shortfall_min(dose_min) for r in rules)


def of_strength(rules: list[SeparationRule], *strengths: Strength) -> list[SeparationRule]:
    return [r for r in rules if r.strength in strengths]


def missed_min(times: list[int], rules: list[SeparationRule]) -> tuple[int, int]:
    """Minutes doses at ``times`` miss the should rules by, then the precautions by (a must
    rule is never missed: no dose is placed inside its window)."""
    should = sum(total_shortfall(of_strength(rules, "should"), t) for t in times)
    precaution = sum(total_shortfall(of_strength(rules, "precaution"), t) for t in times)
    return should, precaution


def feasible_intervals(
    rules: list[SeparationRule], wake_min: int, waking_min: int, step_min: int = CLOCK_STEP_MIN
) -> list[tuple[int, int]]:
    """Closed intervals of offsets from waking (on the ``step_min`` grid) that keep every rule.

    Offsets are minutes after ``wake_min``; absolute times are ``wake_min + offset`` and must
    fall on the step grid, so offsets are chosen with that in mind.
    """
    blocked: list[tuple[int, int]] = []  # open intervals of offsets
    for r in rules:
        base = forward_gap(wake_min, r.time_min)
        before, after = _open_window(r)
        if before == after == 0:
            continue  # no spacing asked for: the window is empty
        for shift in (-MINUTES_PER_DAY, 0, MINUTES_PER_DAY):
            lo = base + shift - before
            hi = base + shift + after
            if hi > 0 and lo < waking_min:
                blocked.append((lo, hi))
    blocked.sort()
    first = _grid_up(wake_min, 0, step_min)
    last = _grid_down(wake_min, waking_min, step_min)
    free: list[tuple[int, int]] = []
    cursor = first
    for lo, hi in blocked:
        if hi <= cursor:
            continue
        if lo >= cursor:
            end = min(_grid_down(wake_min, lo, step_min), last)
            if end >= cursor:
                free.append((cursor, end))
        cursor = max(cursor, _grid_up(wake_min, hi, step_min))
        if cursor > last:
            break
    if cursor <= last:
        free.append((cursor, last))
    return free


def _open_window(rule: SeparationRule) -> tuple[int, int]:
    """How far the open window a dose must stay out of reaches before and after the other
    product's minute. A rule with one side at zero still keeps the dose off that very minute
    (taken together is not "after" it, as :meth:`SeparationRule.shortfall_min` says)."""
    before, after = rule.mg_first_min, rule.other_first_min
    if before == 0 and after > 0:
        before = 1
    if after == 0 and before > 0:
        after = 1
    return before, after


def _grid_up(wake_min: int, offset: int, step: int) -> int:
    """Smallest offset >= ``offset`` whose absolute time is on the step grid."""
    absolute = wake_min + offset
    return offset + (-absolute) % step


def _grid_down(wake_min: int, offset: int, step: int) -> int:
    """Largest offset <= ``offset`` whose absolute time is on the step grid."""
    absolute = wake_min + offset
    return offset - absolute % step
