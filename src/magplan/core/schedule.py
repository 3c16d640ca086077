"""Places doses on the person's day: meals, bedtime, and away from other medicines.

The day is measured in offsets (minutes after waking), so a bed time after midnight or a
night-shift day needs no special case. Doses land on a 5-minute grid of clock times. A small
dynamic programme over candidate times (meals, shortly before bed, evenly spread points and the
edges of the times the separation rules allow) picks the times in order.

*Must* rules (magnesium stops the other medicine working) are not weighed at all: a dose is
only ever placed at a time that keeps every one of them, and when the doses do not fit in those
times, :func:`place_doses` returns ``None`` and the planner plans fewer. Among those times the
choice is the best under these costs, in order of weight:

1. every *should* rule kept (a missed minute outweighs any number of precaution minutes);
2. every *precaution* kept (a missed minute outweighs the comforts below);
3. the bedtime dose shortly before bed; laxative (early) doses early in the day;
4. with a meal (SEED: taking magnesium with food helps against loose stools);
5. doses spread out (at least an hour apart, better two, best four or more).
"""

from __future__ import annotations

import math
from dataclasses import field
from itertools import pairwise
from typing import Literal

from magplan.core.knowledge import DayTiming, load_knowledge
from magplan.core.separation import (
    SeparationRule,
    feasible_intervals,
    of_strength,
    total_shortfall,
)
from magplan.core.timeofday import CLOCK_STEP_MIN, MINUTES_PER_DAY
from magplan.core.values import value

SlotKind = Literal["bedtime", "early", "any"]

# The weights of the choice below (the program's own tuning; the spacing a person sees lives in
# resources/planning.toml).
_PRECAUTION_COST = 1000.0  # per minute a precaution is missed: more than all comforts together
_NO_FOOD_COST = 1.0
_EARLY_NO_FOOD_FACTOR = 3  # a laxative dose without food costs this many times more
_BEDTIME_COST_PER_30_MIN = 2.0
_NOT_BEDTIME_COST = 10.0
_NOT_BEDTIME_AFTER_MIN = 3 * 60  # a bedtime dose this much earlier is not at bedtime at all
_EARLY_COST_PER_HOUR = 0.5
_CLOSE_COST_PER_HOUR = 1.0
_TOO_CLOSE_COST = 5.0
_COARSE_STEP_MIN = 30  # the spare candidates when no time keeps every rule
_MOST_INTERVALS = 16  # free intervals whose edges and middles become candidates


@value
class DoseSlot:
    """A dose waiting for a time: which form, which goals, and where it belongs."""

    form: str
    goals: tuple[str, ...]
    kind: SlotKind


@value
class Placement:
    """Where one dose goes: its time, the meal it is taken with, and how short it falls of
    the should and precaution spacings."""

    time_min: int  # clock time, minute of day
    meal_index: int | None  # index into the sorted meals when taken with that meal
    shortfall_min: int  # minutes missed over the should and precaution rules (must: always 0)


def _shipped_timing() -> DayTiming:
    return load_knowledge().planning.day


@value
class Day:
    """The person's waking day, their meals, and how doses are spaced in it (the planner
    passes its knowledge's timing; without one, the shipped ``planning.toml``'s)."""

    wake_min: int
    waking_min: int
    meals_off: tuple[int, ...]  # sorted offsets of meals after waking
    timing: DayTiming = field(default_factory=_shipped_timing)

    def clock(self, offset: int) -> int:
        return (self.wake_min + offset) % MINUTES_PER_DAY

    def offset(self, clock_min: int) -> int:
        return (clock_min - self.wake_min) % MINUTES_PER_DAY

    def near_bed(self, clock_min: int) -> bool:
        """A dose this close to bed counts as the bedtime dose (planning.toml, near_bed_min)."""
        return self.waking_min - self.offset(clock_min) <= self.timing.near_bed_min

    def closest_gap_min(self, times_min: list[int]) -> int | None:
        """The shortest time between two doses at ``times_min``; ``None`` for one dose."""
        offsets = sorted(self.offset(t) for t in times_min)
        return min((b - a for a, b in pairwise(offsets)), default=None)


def _on_grid(day: Day, offset: int) -> int:
    """Nearest offset on the 5-minute clock grid, inside the waking day."""
    absolute = day.wake_min + offset
    snapped = offset - absolute % CLOCK_STEP_MIN
    if absolute % CLOCK_STEP_MIN * 2 >= CLOCK_STEP_MIN:
        snapped += CLOCK_STEP_MIN
    last = day.waking_min - (day.wake_min + day.waking_min) % CLOCK_STEP_MIN
    first = (-day.wake_min) % CLOCK_STEP_MIN
    return min(max(snapped, first), last)


def _candidates(day: Day, n: int, tiers: list[list[tuple[int, int]]]) -> list[int]:
    """Candidate offsets, all inside ``tiers[0]`` (the times that keep every must rule).

    Each tier is the free time of a stricter set of rules (must; must and should; all): meals,
    bedtime and evenly spread points are moved to the nearest time each tier allows, and the
    edges and middles of the tier's free intervals are added.
    """
    anchors = {_on_grid(day, m) for m in day.meals_off}
    anchors.add(_on_grid(day, day.waking_min - day.timing.bedtime_lead_min))
    anchors.add(_on_grid(day, 0))
    for parts in (n + 1, n, max(n - 1, 1)):
        for i in range(1, parts):
            anchors.add(_on_grid(day, day.waking_min * i // parts))
    found: set[int] = set()
    for free in tiers:
        found.update(_snapped(anchors, free))
        found.update(_chain(free, day.timing.min_gap_min))
        for lo, hi in free[:_MOST_INTERVALS]:
            found.update((lo, hi, lo + (hi - lo) // (2 * CLOCK_STEP_MIN) * CLOCK_STEP_MIN))
    if not tiers[-1]:
        # no time keeps every rule: room to spread doses over what the must rules allow
        found.update(_coarse(day))
    return sorted(o for o in found if 0 <= o <= day.waking_min and _inside(o, tiers[0]))


def _chain(free: list[tuple[int, int]], gap_min: int) -> list[int]:
    """The earliest free times an hour apart: when the free times can hold n doses an hour
    apart, these n can (so the choice never misses a day that keeps every rule)."""
    found: list[int] = []
    for lo, hi in free:
        t = lo if not found else max(lo, found[-1] + gap_min)
        while t <= hi:
            found.append(t)
            t += gap_min
    return found


def _inside(offset: int, free: list[tuple[int, int]]) -> bool:
    return any(lo <= offset <= hi for lo, hi in free)


def _snapped(anchors: set[int], free: list[tuple[int, int]]) -> set[int]:
    """Each anchor, or the nearest free times on either side of it."""
    found = set()
    for a in anchors:
        if _inside(a, free):
            found.add(a)
            continue
        below = [hi for lo, hi in free if hi < a]
        above = [lo for lo, hi in free if lo > a]
        if below:
            found.add(max(below))
        if above:
            found.add(min(above))
    return found


def _coarse(day: Day) -> set[int]:
    """Every half hour of the waking day: room to spread doses when no time keeps every rule."""
    return {_on_grid(day, o) for o in range(0, day.waking_min + 1, _COARSE_STEP_MIN)}


def _meal_at(day: Day, offset: int) -> int | None:
    for i, meal in enumerate(day.meals_off):
        if 0 <= offset - meal <= day.timing.with_food_window_min:
            return i
    return None


def place_doses(
    day: Day, slots: list[DoseSlot], rules: list[SeparationRule]
) -> list[Placement] | None:
    """Times for ``slots`` in order: inside the times every must rule allows, giving up
    precautions first and then should rules where the day leaves no other way.

    ``None`` when the doses, an hour apart, do not fit in the times the must rules allow.
    """
    must = of_strength(rules, "must")
    tiers = [
        feasible_intervals(must, day.wake_min, day.waking_min, CLOCK_STEP_MIN),
        feasible_intervals(
            of_strength(rules, "must", "should"), day.wake_min, day.waking_min, CLOCK_STEP_MIN
        ),
        feasible_intervals(rules, day.wake_min, day.waking_min, CLOCK_STEP_MIN),
    ]
    if not tiers[0]:
        return None
    cands = _candidates(day, len(slots), tiers)
    placed = _best_path(day, slots, rules, cands)
    if placed is None:
        wider = {o for o in _coarse(day) if _inside(o, tiers[0])}
        placed = _best_path(day, slots, rules, sorted(set(cands) | wider))
    return placed


@value
class _Candidates:
    """The candidate times (offsets) and what a dose at each costs before its neighbours are
    known: minutes short of the should rules and the precautions, and the meal it is with."""

    offsets: list[int]
    short_should: list[int]
    short_precaution: list[int]
    meal: list[int | None]
    should_cost: float  # one should minute outweighs every precaution minute of the day
    bedtime: int  # the offset of the ideal bedtime dose

    @classmethod
    def of(cls, day: Day, n: int, rules: list[SeparationRule], offsets: list[int]) -> _Candidates:
        should = of_strength(rules, "should")
        precaution = of_strength(rules, "precaution")
        most_precaution = n * sum(r.other_first_min + r.mg_first_min for r in precaution)
        return cls(
            offsets=offsets,
            short_should=[total_shortfall(should, day.clock(o)) for o in offsets],
            short_precaution=[total_shortfall(precaution, day.clock(o)) for o in offsets],
            meal=[_meal_at(day, o) for o in offsets],
            should_cost=_PRECAUTION_COST * (most_precaution + 1),
            bedtime=day.waking_min - day.timing.bedtime_lead_min,
        )

    def own_cost(self, slot: DoseSlot, c: int) -> float:
        """The cost of ``slot`` at candidate ``c``: rules missed, then bedtime, food and an
        early laxative dose."""
        o = self.offsets[c]
        cost = self.should_cost * self.short_should[c] + _PRECAUTION_COST * self.short_precaution[c]
        if slot.kind == "bedtime":
            cost += _BEDTIME_COST_PER_30_MIN * abs(o - self.bedtime) / 30
            if self.bedtime - o > _NOT_BEDTIME_AFTER_MIN:
                cost += _NOT_BEDTIME_COST
            return cost
        if self.meal[c] is None:
            # laxative doses with a meal matter most (SEED: food helps against loose stools)
            cost += _NO_FOOD_COST * (_EARLY_NO_FOOD_FACTOR if slot.kind == "early" else 1)
        if slot.kind == "early":
            cost += _EARLY_COST_PER_HOUR * o / 60
        return cost

    def placement(self, day: Day, c: int) -> Placement:
        return Placement(
            time_min=day.clock(self.offsets[c]),
            meal_index=self.meal[c],
            shortfall_min=self.short_should[c] + self.short_precaution[c],
        )


def _best_path(
    day: Day, slots: list[DoseSlot], rules: list[SeparationRule], cands: list[int]
) -> list[Placement] | None:
    """The cheapest times for ``slots`` in order, each at least ``min_gap_min`` after the one
    before; ``None`` when they do not fit."""
    cand = _Candidates.of(day, len(slots), rules, cands)
    costs, back = _path_costs(day.timing, slots, cand)
    last = costs[-1]
    end = min(range(len(cands)), key=lambda c: last[c])
    if last[end] == math.inf:
        return None
    path = [end]
    for i in range(len(slots) - 1, 0, -1):
        path.append(back[i][path[-1]])
    path.reverse()
    return [cand.placement(day, c) for c in path]


def _path_costs(
    timing: DayTiming, slots: list[DoseSlot], cand: _Candidates
) -> tuple[list[list[float]], list[list[int]]]:
    """For each slot and candidate, the cheapest cost of the doses so far ending there, and the
    candidate of the dose before it (a dynamic programme over the candidates in order)."""
    inf = math.inf
    offsets = cand.offsets
    best: list[list[float]] = []
    back: list[list[int]] = []
    for i, slot in enumerate(slots):
        row = [inf] * len(offsets)
        prev_row = [-1] * len(offsets)
        for c, o in enumerate(offsets):
            own = cand.own_cost(slot, c)
            if i == 0:
                row[c] = own
                continue
            for p in range(c):
                gap = o - offsets[p]
                if gap < timing.min_gap_min or best[i - 1][p] == inf:
                    continue
                total = best[i - 1][p] + own
                if gap < timing.comfort_gap_min:
                    total += _CLOSE_COST_PER_HOUR * (timing.comfort_gap_min - gap) / 60
                if gap < timing.close_gap_min:
                    total += _TOO_CLOSE_COST
                if total < row[c]:
                    row[c] = total
                    prev_row[c] = p
        best.append(row)
        back.append(prev_row)
    return best, back
