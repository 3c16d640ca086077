"""A dose taken at another time than planned: what it broke, so the journal can say so.

The planner never places a dose inside a medicine's spacing or above the most magnesium in one
dose; a person who takes a dose late or early may. The journal records what happened and says
which rule that time broke (CLINICAL: the spacings and the single-dose ceiling), so the next
dose can keep to the plan. Nothing here refuses what was recorded.
"""

from __future__ import annotations

from collections.abc import Sequence

from magplan.core.knowledge import Knowledge
from magplan.core.medicines import medicines
from magplan.core.request import PlanRequest
from magplan.core.separation import SeparationRule
from magplan.core.timeofday import forward_gap


def spacings_broken(
    k: Knowledge, req: PlanRequest, weekday: int, minute: int
) -> list[SeparationRule]:
    """The must and should spacings a dose at ``minute`` of the waking day that starts on
    ``weekday`` (0 Monday) falls inside, the person's every-day and that day's medicines."""
    meds = medicines(k, req, [])
    rules = [*meds.rules, *meds.weekday_rules.get(weekday, [])]
    return [r for r in rules if r.strength in ("must", "should") and r.shortfall_min(minute) > 0]


def too_much_at_once(k: Knowledge, taken: Sequence[tuple[int, float]]) -> float | None:
    """The most elemental mg taken within the planner's shortest gap between two doses, when
    that is more than one dose may hold (``taken``: minute and mg of each dose taken that day),
    else ``None``."""
    gap = k.planning.day.min_gap_min
    most = 0.0
    for minute, _mg in taken:
        together = sum(m for t, m in taken if forward_gap(minute, t) < gap)
        most = max(most, together)
    return round(most, 1) if most > k.intakes.dosing.max_dose_mg else None
