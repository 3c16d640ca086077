"""Safety invariants over random people, goals, products and medicine times (hypothesis).

The requests are built valid (see ``strategies``), so nearly every example reaches the
assertions; the share that does is itself checked."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from magplan.core.errors import PlanInputError
from magplan.core.planner import plan_day
from magplan.core.request import PlanRequest
from tests.core.helpers import K
from tests.core.strategies import requests

REACHED: list[bool] = []


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(requests())
def _check_safety_invariants(req: PlanRequest) -> None:
    try:
        p = plan_day(req, K)
    except PlanInputError:
        REACHED.append(False)
        return
    REACHED.append(True)
    dosing = K.intakes.dosing
    # never above the daily or per-dose cap, never more than four doses
    assert p.daily_elemental_mg + req.other_magnesium_mg <= dosing.max_daily_mg + 1e-6
    assert len(p.doses) <= dosing.max_doses
    assert all(0 < d.elemental_mg <= dosing.max_dose_mg for d in p.doses)
    # units x per-unit mg = the mg shown; halves only where allowed
    for d in p.doses:
        assert abs(d.units * d.elemental_mg_per_unit - d.elemental_mg) <= 0.05 + 1e-9
        assert (d.units * 2) % 1 == 0
        if d.unit != "mg":
            same = [
                pr
                for pr in req.products
                if (pr.form, pr.unit, pr.elemental_mg_per_unit)
                == (d.form, d.unit, d.elemental_mg_per_unit)
            ]
            assert same and (any(pr.halves for pr in same) or d.units % 1 == 0)
        else:
            assert d.compound_about_mg is not None and d.compound_about_mg > d.elemental_mg
    assert abs(sum(d.elemental_mg for d in p.doses) - p.daily_elemental_mg) < 0.5
    # a form with a studied daily maximum never passes it
    for form in {d.form for d in p.doses}:
        cap = K.forms[form].max_daily_elemental_mg
        if cap is not None:
            assert sum(d.elemental_mg for d in p.doses if d.form == form) <= cap + 1e-6
    # gates always block; infants never get a dose; no sulfate by mouth
    gated = any(K.conditions[c].gate for c in req.conditions)
    if req.age_years < 1 or (gated and not req.supervised):
        assert p.blocked and not p.doses
    assert all(K.forms[d.form].oral for d in p.doses)
    # above the upper limit only on request, and then with the caution
    total = p.daily_elemental_mg + req.other_magnesium_mg
    if p.upper_limit_mg is not None and p.daily_elemental_mg > 0 and total > p.upper_limit_mg:
        assert req.target_mg is not None and req.age_years >= 18
        assert p.warning("above-upper-limit") is not None
    # every goal is served by a dose, or said not to be
    if p.doses:
        served = {g for d in p.doses for g in d.goals}
        told = {
            w.message.split(" is not served")[0] for w in p.warnings if w.code == "goal-not-served"
        }
        for g in req.goals:
            assert g in served or K.goals[g].name in told, g
    # doses sit in the waking day, in order, on the 5-minute grid
    offsets = [(d.time_min - req.wake_min) % 1440 for d in p.doses]
    assert offsets == sorted(offsets)
    assert all(o <= req.waking_min for o in offsets)
    assert all(d.time_min % 5 == 0 for d in p.doses)
    # the titration ramp never exceeds the plan and ends at it
    if p.titration:
        assert p.titration[-1].daily_elemental_mg == p.daily_elemental_mg
        assert all(s.daily_elemental_mg <= p.daily_elemental_mg for s in p.titration)


def test_safety_invariants_hold_and_nearly_every_example_reaches_them() -> None:
    REACHED.clear()
    _check_safety_invariants()
    assert len(REACHED) >= 100
    assert sum(REACHED) / len(REACHED) >= 0.9, f"{sum(REACHED)} of {len(REACHED)} planned"
