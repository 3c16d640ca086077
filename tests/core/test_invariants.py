"""Safety invariants over random people, goals, products and medicine times (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from magplan.core.errors import PlanInputError
from magplan.core.plan import Plan
from magplan.core.planner import plan_day
from magplan.core.request import MedicineTimes, PlanRequest, Product
from magplan.core.separation import SeparationRule
from tests.core.helpers import K

minutes = st.integers(min_value=0, max_value=1439)
goals = st.lists(st.sampled_from(sorted(K.goals)), min_size=1, max_size=4, unique=True)
products = st.lists(
    st.builds(
        Product,
        form=st.sampled_from(sorted(K.forms)),
        elemental_mg_per_unit=st.sampled_from(
            [5.0, 25.0, 41.5, 50.0, 70.5, 100.0, 120.0, 150.0, 200.0, 250.0, 400.0]
        ),
        unit=st.sampled_from(["capsule", "tablet", "scoop"]),
        halves=st.booleans(),
    ),
    max_size=3,
)
medicines = st.lists(
    st.builds(
        MedicineTimes,
        name=st.sampled_from(
            ["calcium", "sertraline", "doxycycline", "levothyroxine", "iron", "furosemide"]
        ),
        class_id=st.just("placeholder"),
        times_min=st.lists(minutes, min_size=1, max_size=3).map(tuple),
    ).map(lambda m: m.model_copy(update={"class_id": K.find_medicine(m.name)})),
    max_size=6,
)
requests = st.builds(
    PlanRequest,
    goals=goals.map(tuple),
    age_years=st.integers(min_value=0, max_value=100),
    wake_min=minutes,
    bed_min=minutes,
    meals_min=st.lists(minutes, max_size=4).map(tuple),
    target_mg=st.one_of(st.none(), st.floats(min_value=1, max_value=600)),
    limit=st.sampled_from(["us", "eu"]),
    products=products.map(tuple),
    other_magnesium_mg=st.sampled_from([0.0, 0.0, 50.0, 200.0, 400.0]),
    medicines=medicines.map(tuple),
    conditions=st.lists(st.sampled_from(sorted(K.conditions)), max_size=2, unique=True).map(tuple),
    supervised=st.booleans(),
)


def _plan_or_none(req: PlanRequest) -> Plan | None:
    try:
        return plan_day(req, K)
    except PlanInputError:
        return None  # a refused request: the command line and the window say why


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(requests)
def test_safety_invariants(req: PlanRequest) -> None:
    p = _plan_or_none(req)
    if p is None:
        return
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
    assert abs(sum(d.elemental_mg for d in p.doses) - p.daily_elemental_mg) < 0.5
    # gates always block; infants never get a dose
    gated = any(K.conditions[c].gate for c in req.conditions)
    if req.age_years < 1 or (gated and not req.supervised):
        assert p.blocked and not p.doses
    # above the upper limit only on request, and then with the caution
    total = p.daily_elemental_mg + req.other_magnesium_mg
    if p.upper_limit_mg is not None and p.daily_elemental_mg > 0 and total > p.upper_limit_mg:
        assert req.target_mg is not None and req.age_years >= 18
        assert p.warning("above-upper-limit") is not None
    # every separation kept, or reported as infeasible
    rules = [
        SeparationRule(
            m.name,
            m.class_id,
            K.medicines[m.class_id].warning_code,
            t,
            K.medicines[m.class_id].other_first_min,
            K.medicines[m.class_id].mg_first_min,
        )
        for m in req.medicines
        for t in m.times_min
        if K.medicines[m.class_id].separates
    ]
    missed = [(d, r) for d in p.doses for r in rules if r.shortfall_min(d.time_min)]
    if missed:
        assert p.warning("separation-infeasible") is not None
    # doses sit in the waking day, in order, on the 5-minute grid
    offsets = [(d.time_min - req.wake_min) % 1440 for d in p.doses]
    assert offsets == sorted(offsets)
    assert all(o <= req.waking_min for o in offsets)
    assert all(d.time_min % 5 == 0 for d in p.doses)
    # the titration ramp never exceeds the plan and ends at it
    if p.titration:
        assert p.titration[-1].daily_elemental_mg == p.daily_elemental_mg
        assert all(s.daily_elemental_mg <= p.daily_elemental_mg for s in p.titration)
