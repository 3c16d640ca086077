"""Places doses on the person's day: meals, bedtime, and away from other medicines.

The day is measured in offsets (minutes after waking), so a bed time after midnight or a
night-shift day needs no special case. Doses land on a 5-minute grid of clock times. A small
dynamic programme over candidate times (meals, shortly before bed, evenly spread points and the
edges of the times every separation rule allows) picks the times in order, so the choice is
the best under these costs, in order of weight:

1. every separation rule kept (a missed minute outweighs everything else);
2. the bedtime dose shortly before bed; laxative (early) doses early in the day;
3. with a meal (SEED: taking magnesium with food helps against loose stools);
4. doses spread out (at least an hour apart, better four or more).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from magplan.core.separation import SeparationRule, feasible_intervals, total_shortfall

STEP_MIN = 5
BEDTIME_LEAD_MIN = 30  # the sleep dose: half an hour before bed
MIN_GAP_MIN = 60  # between two magnesium doses
COMFORT_GAP_MIN = 240
WITH_FOOD_WINDOW_MIN = 30  # a dose up to this long after a meal counts as with food

SlotKind = Literal["bedtime", "early", "any"]

_SHORTFALL_COST = 100.0  # per minute a separation rule is missed
_NO_FOOD_COST = 1.0
_BEDTIME_COST_PER_30_MIN = 2.0
_NOT_BEDTIME_COST = 10.0
_EARLY_COST_PER_HOUR = 0.5
_CLOSE_COST_PER_HOUR = 1.0


@dataclass(frozen=True)
class DoseSlot:
    """A dose waiting for a time: which form, which goals, and where it belongs."""

    form: str
    goals: tuple[str, ...]
    kind: SlotKind


@dataclass(frozen=True)
class Placement:
    time_min: int  # clock time, minute of day
    meal_index: int | None  # index into the sorted meals when taken with that meal
    shortfall_min: int  # 0 when every separation rule holds


@dataclass(frozen=True)
class Day:
    wake_min: int
    waking_min: int
    meals_off: tuple[int, ...]  # sorted offsets of meals after waking

    def clock(self, offset: int) -> int:
        return (self.wake_min + offset) % 1440

    def offset(self, clock_min: int) -> int:
        return (clock_min - self.wake_min) % 1440


def _on_grid(day: Day, offset: int) -> int:
    """Nearest offset on the 5-minute clock grid, inside the waking day."""
    absolute = day.wake_min + offset
    snapped = offset - absolute % STEP_MIN
    if absolute % STEP_MIN * 2 >= STEP_MIN:
        snapped += STEP_MIN
    last = day.waking_min - (day.wake_min + day.waking_min) % STEP_MIN
    first = (-day.wake_min) % STEP_MIN
    return min(max(snapped, first), last)


def _candidates(day: Day, n: int, free: list[tuple[int, int]]) -> list[int]:
    anchors = {_on_grid(day, m) for m in day.meals_off}
    anchors.add(_on_grid(day, day.waking_min - BEDTIME_LEAD_MIN))
    anchors.add(_on_grid(day, 0))
    for parts in (n + 1, n, max(n - 1, 1)):
        for i in range(1, parts):
            anchors.add(_on_grid(day, day.waking_min * i // parts))
    if not free:
        return sorted(anchors | _coarse(day))
    found = set()
    for a in anchors:
        for lo, hi in free:
            if lo <= a <= hi:
                found.add(a)
                break
        else:
            below = [hi for lo, hi in free if hi < a]
            above = [lo for lo, hi in free if lo > a]
            if below:
                found.add(max(below))
            if above:
                found.add(min(above))
    for lo, hi in free[:16]:
        found.update((lo, hi, lo + (hi - lo) // (2 * STEP_MIN) * STEP_MIN))
    return sorted(o for o in found if 0 <= o <= day.waking_min)


def _coarse(day: Day) -> set[int]:
    """Every half hour of the waking day: room to spread doses when no time keeps every rule."""
    return {_on_grid(day, o) for o in range(0, day.waking_min + 1, 30)}


def _meal_at(day: Day, offset: int) -> int | None:
    for i, meal in enumerate(day.meals_off):
        if 0 <= offset - meal <= WITH_FOOD_WINDOW_MIN:
            return i
    return None


def place_doses(
    day: Day, slots: list[DoseSlot], rules: list[SeparationRule]
) -> list[Placement] | None:
    """Times for ``slots`` in order, each rule kept where the day allows.

    When the times that keep every rule are too few to hold the doses an hour apart, times that
    miss a rule are considered too (and the least missed one wins); ``None`` only when even that
    cannot fit the doses in the day.
    """
    free = feasible_intervals(rules, day.wake_min, day.waking_min, STEP_MIN)
    cands = _candidates(day, len(slots), free)
    placed = _best_path(day, slots, rules, cands)
    if placed is None and free:
        placed = _best_path(day, slots, rules, sorted(set(cands) | _coarse(day)))
    return placed


def _best_path(
    day: Day, slots: list[DoseSlot], rules: list[SeparationRule], cands: list[int]
) -> list[Placement] | None:
    n = len(slots)
    bedtime = day.waking_min - BEDTIME_LEAD_MIN
    shortfall = [total_shortfall(rules, day.clock(o)) for o in cands]
    meal = [_meal_at(day, o) for o in cands]

    def unit_cost(slot: DoseSlot, c: int) -> float:
        o = cands[c]
        cost = _SHORTFALL_COST * shortfall[c]
        if slot.kind == "bedtime":
            cost += _BEDTIME_COST_PER_30_MIN * abs(o - bedtime) / 30
            if bedtime - o > 3 * 60:
                cost += _NOT_BEDTIME_COST
        else:
            if meal[c] is None:
                # laxative doses with a meal matter most (SEED: food helps against loose stools)
                cost += _NO_FOOD_COST * (3 if slot.kind == "early" else 1)
            if slot.kind == "early":
                cost += _EARLY_COST_PER_HOUR * o / 60
        return cost

    inf = float("inf")
    best: list[list[float]] = []
    back: list[list[int]] = []
    for i, slot in enumerate(slots):
        row = [inf] * len(cands)
        prev_row = [-1] * len(cands)
        for c, o in enumerate(cands):
            own = unit_cost(slot, c)
            if i == 0:
                row[c] = own
                continue
            for p in range(c):
                gap = o - cands[p]
                if gap < MIN_GAP_MIN or best[i - 1][p] == inf:
                    continue
                total = best[i - 1][p] + own
                if gap < COMFORT_GAP_MIN:
                    total += _CLOSE_COST_PER_HOUR * (COMFORT_GAP_MIN - gap) / 60
                if total < row[c]:
                    row[c] = total
                    prev_row[c] = p
        best.append(row)
        back.append(prev_row)
    last_row = best[-1]
    end = min(range(len(cands)), key=lambda c: last_row[c])
    if last_row[end] == inf:
        return None
    path = [end]
    for i in range(n - 1, 0, -1):
        path.append(back[i][path[-1]])
    path.reverse()
    return [
        Placement(time_min=day.clock(cands[c]), meal_index=meal[c], shortfall_min=shortfall[c])
        for c in path
    ]
