"""The start-low ramp in words: one working-out of each week's units, read by every output."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from magplan.core.errors import PlanInputError
from magplan.core.planner import plan_day
from magplan.core.request import PlanRequest
from magplan.present import present
from magplan.present.ramp import step_units
from tests.core.helpers import K, plan
from tests.core.strategies import requests


def test_a_three_week_ramp_starts_with_the_bedtime_dose_and_ends_with_the_full_plan() -> None:
    view = present(plan(goals=("sleep",)), K)
    first, second, last = view.ramp
    bedtime = next(i for i, r in enumerate(view.doses) if r.dose.at_bedtime)
    assert [i for i, u in enumerate(first.units) if u] == [bedtime]
    assert first.calendar_title == f"Week 1: start with {first.daily} a day"
    assert second.calendar_title == f"Week 2: step up to {second.daily} a day"
    assert first.heading == f"Week 1: {first.daily} a day" and first.days == "days 1-7"
    assert second.days == "days 8-14" and last.last and not second.last
    assert last.units == tuple(r.dose.units for r in view.doses) and not last.skipped
    assert first.taken_and_skipped == f"{first.taken}; skip {', '.join(first.skipped)}"


def test_each_dose_says_its_amount_week_by_week() -> None:
    view = present(plan(goals=("sleep",)), K)
    for i, row in enumerate(view.doses):
        assert len(row.ramp) == len(view.ramp)
        assert row.ramp[-1] == f"from week {len(view.ramp)}: {row.amount}"
        for week, line in zip(view.ramp[:-1], row.ramp[:-1], strict=True):
            taken = week.units[i]
            assert line.startswith(f"week {week.week}: ")
            assert line.endswith("skip this dose") == (taken == 0)


def test_a_plan_without_doses_has_no_ramp_in_any_output() -> None:
    view = present(plan(goals=("sleep",), conditions=("kidney-disease",)), K)
    assert view.ramp == () and not view.has_ramp


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(requests(gates=False))
def test_every_week_takes_what_its_daily_amount_says(req: PlanRequest) -> None:
    try:
        p = plan_day(req, K)
    except PlanInputError:
        return
    view = present(p, K)
    assert len(view.ramp) == len(p.titration)
    for row, step in zip(view.ramp, p.titration, strict=True):
        assert row.units == step_units(p.doses, step)
        # every dose is taken or skipped, never more than the full plan asks of it
        assert len(row.units) == len(p.doses)
        assert all(0 <= u <= d.units for u, d in zip(row.units, p.doses, strict=True))
        taken_mg = sum(u * d.elemental_mg_per_unit for u, d in zip(row.units, p.doses, strict=True))
        assert abs(taken_mg - step.daily_elemental_mg) <= 0.05 + 1e-9
        assert len(row.skipped) == sum(1 for u in row.units if not u)
    if p.titration:
        assert view.ramp[-1].units == tuple(d.units for d in p.doses)


def test_a_held_step_repeats_its_week_and_says_so_everywhere() -> None:
    """The person held step 2 (loose stools in the journal): week 3 repeats week 2's amount,
    the full plan moves to week 4, and each output says the week was held."""
    plain = present(plan(goals=("sleep",)), K).ramp
    held = present(plan(goals=("sleep",), ramp_holds=(2,)), K).ramp
    assert [r.daily_elemental_mg for r in held] == [
        plain[0].daily_elemental_mg,
        plain[1].daily_elemental_mg,
        plain[1].daily_elemental_mg,
        plain[2].daily_elemental_mg,
    ]
    assert held[2].heading == f"Week 3: {held[2].daily} a day, held one more week"
    assert held[2].calendar_title == f"Week 3: stay at {held[2].daily} a day"
    assert held[2].step_plain.endswith("(held)") and held[3].last
    assert plain[2].calendar_title.startswith("Week 3: step up")


def test_holding_the_last_step_or_a_step_beyond_changes_nothing() -> None:
    plain = plan(goals=("sleep",)).titration
    assert plan(goals=("sleep",), ramp_holds=(3, 7)).titration == plain


def test_a_held_step_is_a_step_number() -> None:
    for bad in ((0,), (13,), (1,) * 13):
        try:
            PlanRequest(ramp_holds=bad)
        except PlanInputError as exc:
            assert exc.field == "ramp_holds"
        else:
            raise AssertionError(f"{bad} was accepted")
