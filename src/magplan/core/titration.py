"""Start low, step up weekly (SEED): a ramp from about a third of the plan to all of it."""

from __future__ import annotations

import dataclasses

from magplan.core.knowledge import Knowledge
from magplan.core.plan import Dose, TitrationStep, daily_mg


def titrate(
    k: Knowledge, doses: tuple[Dose, ...], holds: tuple[int, ...] = ()
) -> tuple[TitrationStep, ...]:
    """Weekly steps, each step in ``holds`` held one more week (once per mention).

    The person holds a step when loose stools come during the ramp (the journal suggests it;
    CLINICAL: holding the step is the conservative answer). The last step is the plan itself,
    so holding it changes nothing.
    """
    return _held(_steps(k, doses), holds)


def _held(steps: tuple[TitrationStep, ...], holds: tuple[int, ...]) -> tuple[TitrationStep, ...]:
    """``steps`` with each held step repeated, the weeks numbered again from 1."""
    out: list[TitrationStep] = []
    for step in steps:
        repeats = holds.count(step.week) if step is not steps[-1] else 0
        for extra in range(1 + repeats):
            out.append(dataclasses.replace(step, week=len(out) + 1, held=extra > 0))
    return tuple(out)


def _steps(k: Knowledge, doses: tuple[Dose, ...]) -> tuple[TitrationStep, ...]:
    """Weekly steps; in the early weeks the bedtime dose comes first, then the others in order."""
    if not doses:
        return ()
    dosing = k.intakes.dosing
    weeks = dosing.titration_steps
    full_mg = sum(d.elemental_mg for d in doses)
    priority = sorted(range(len(doses)), key=lambda i: (not doses[i].at_bedtime, doses[i].time_min))
    steps: list[TitrationStep] = []
    for week in range(1, weeks + 1):
        if week == weeks:
            units = [d.units for d in doses]
        else:
            share = dosing.titration_start_fraction + (1 - dosing.titration_start_fraction) * (
                week - 1
            ) / (weeks - 1)
            units = _fill(doses, priority, full_mg * share)
        mg = daily_mg(units, doses)
        if steps and mg <= steps[-1].daily_elemental_mg:
            continue
        steps.append(
            TitrationStep(
                week=len(steps) + 1,
                daily_elemental_mg=mg,
                doses=tuple((d.time_min, u) for d, u in zip(doses, units, strict=True) if u > 0),
            )
        )
    return tuple(steps)


def _fill(doses: tuple[Dose, ...], priority: list[int], goal_mg: float) -> list[float]:
    """Fill the doses in priority order, one unit step at a time, up to ``goal_mg``.

    The bedtime dose fills first, so week one is usually one dose a day, not several small ones.
    At least one step is always taken.
    """
    units = [0.0] * len(doses)
    total = 0.0
    for i in priority:
        d = doses[i]
        add = d.unit_step * d.elemental_mg_per_unit
        while units[i] + d.unit_step <= d.units + 1e-9 and (
            total == 0 or total + add <= goal_mg + 1e-9
        ):
            units[i] += d.unit_step
            total += add
    return units
