"""core/titration.py: the start-low ramp (``titrate``): weekly steps from about a third of the
plan to all of it, the bedtime dose filled first, never a step that does not go up."""

from __future__ import annotations

import pytest

from magplan.core.plan import Dose, TitrationStep
from magplan.core.titration import titrate
from tests.core.helpers import K


@pytest.fixture(autouse=True)
def shipped_ramp() -> None:
    """The expected figures below follow the shipped ramp: three weeks from 34%."""
    assert K.intakes.dosing.titration_steps == 3
    assert K.intakes.dosing.titration_start_fraction == 0.34


def dose(
    at: str, units: float, mg_per_unit: float, *, step: float = 1, bedtime: bool = False
) -> Dose:
    hours, minutes = at.split(":")
    return Dose(
        time_min=int(hours) * 60 + int(minutes),
        form="glycinate",
        units=units,
        unit="mg" if step == 5 else "capsule",
        unit_step=step,
        elemental_mg_per_unit=mg_per_unit,
        product_label="",
        compound_mg=None,
        with_food=False,
        goals=("sleep",),
        reason="",
        at_bedtime=bedtime,
    )


MORNING, NIGHT = 8 * 60, 22 * 60


def test_no_doses_no_ramp() -> None:
    assert titrate(K, ()) == ()


def test_the_bedtime_dose_comes_first_then_the_morning_dose() -> None:
    doses = (dose("08:00", 1, 100), dose("22:00", 2, 100, bedtime=True))
    # week 1: 34% of 300 = 102 mg -> one bedtime capsule; week 2: 67% = 201 mg -> two
    assert titrate(K, doses) == (
        TitrationStep(week=1, daily_elemental_mg=100.0, doses=((NIGHT, 1.0),)),
        TitrationStep(week=2, daily_elemental_mg=200.0, doses=((NIGHT, 2.0),)),
        TitrationStep(week=3, daily_elemental_mg=300.0, doses=((MORNING, 1.0), (NIGHT, 2.0))),
    )


def test_without_a_bedtime_dose_the_earliest_fills_first() -> None:
    doses = (dose("08:00", 1, 100), dose("13:00", 1, 100), dose("19:00", 1, 100))
    steps = titrate(K, doses)
    assert [s.doses for s in steps] == [
        ((MORNING, 1.0),),
        ((MORNING, 1.0), (13 * 60, 1.0)),
        ((MORNING, 1.0), (13 * 60, 1.0), (19 * 60, 1.0)),
    ]


def test_half_tablets_step_up_by_halves() -> None:
    steps = titrate(K, (dose("22:00", 1.5, 200, step=0.5, bedtime=True),))
    assert [(s.week, s.daily_elemental_mg, s.doses) for s in steps] == [
        (1, 100.0, ((NIGHT, 0.5),)),
        (2, 200.0, ((NIGHT, 1.0),)),
        (3, 300.0, ((NIGHT, 1.5),)),
    ]


def test_doses_in_mg_step_by_5_mg_and_never_pass_the_week_s_share() -> None:
    doses = (dose("08:00", 175, 1, step=5), dose("22:00", 175, 1, step=5, bedtime=True))
    steps = titrate(K, doses)
    # week 1: 34% of 350 = 119 mg -> 115 mg at bedtime; week 2: 67% = 234.5 mg -> 175 + 55
    assert [(s.daily_elemental_mg, s.doses) for s in steps] == [
        (115.0, ((NIGHT, 115.0),)),
        (230.0, ((MORNING, 55.0), (NIGHT, 175.0))),
        (350.0, ((MORNING, 175.0), (NIGHT, 175.0))),
    ]


def test_week_one_always_takes_one_step_even_above_its_share() -> None:
    (first, *_) = titrate(K, (dose("22:00", 2, 300, bedtime=True),))
    assert first == TitrationStep(week=1, daily_elemental_mg=300.0, doses=((NIGHT, 1.0),))


def test_a_week_that_would_not_go_up_is_left_out_and_the_weeks_renumbered() -> None:
    steps = titrate(K, (dose("22:00", 1, 100, bedtime=True),))
    assert steps == (TitrationStep(week=1, daily_elemental_mg=100.0, doses=((NIGHT, 1.0),)),)
    two = titrate(K, (dose("22:00", 2, 100, bedtime=True),))
    # week 1 (34% of 200 = 68 mg) takes one capsule, week 2 (134 mg) no more: left out
    assert [(s.week, s.daily_elemental_mg) for s in two] == [(1, 100.0), (2, 200.0)]
