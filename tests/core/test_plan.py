"""core/plan.py: the plan as data: a dose's elemental mg and clock time, the day's total, and
the JSON of ``magplan plan --json``."""

from __future__ import annotations

import json

from magplan.core.plan import Dose, daily_mg
from tests.core.helpers import meds, plan, t


def dose(units: float, mg_per_unit: float, at: int = 480) -> Dose:
    return Dose(
        time_min=at,
        form="glycinate",
        units=units,
        unit="capsule",
        unit_step=1,
        elemental_mg_per_unit=mg_per_unit,
        product_label="",
        compound_mg=None,
        with_food=True,
        goals=("sleep",),
        reason="",
    )


def test_a_dose_is_its_units_times_the_mg_in_each_shown_to_a_tenth() -> None:
    assert dose(1.5, 100).elemental_mg == 150.0
    assert dose(3, 33.33).elemental_mg == 100.0


def test_a_dose_tells_its_clock_time() -> None:
    assert dose(1, 100, at=t("21:05")).time == "21:05"
    assert dose(1, 100, at=0).time == "00:00"


def test_the_day_s_total_is_summed_exactly_then_rounded_once() -> None:
    doses = (dose(1, 33.35), dose(1, 33.35), dose(1, 33.35))
    # each shows 33.4 (or 33.3), but the day holds 100.05 mg: 100.0 or 100.1, never 100.2
    assert daily_mg([1, 1, 1], doses) == round(3 * 33.35, 1)
    assert daily_mg([0, 2, 0.5], doses) == round(2.5 * 33.35, 1)
    assert daily_mg([], ()) == 0


def test_the_plan_adds_other_magnesium_to_its_total() -> None:
    p = plan(goals=("sleep",), other_magnesium_mg=50)
    assert p.total_with_other_mg == round(p.daily_elemental_mg + 50, 1)


def test_the_json_lists_each_dose_with_its_time_and_whole_numbers_as_integers() -> None:
    p = plan(goals=("sleep", "anxiety"), medicines=meds("calcium@08:00"))
    data = p.to_json()
    json.dumps(data)  # plain JSON types only
    assert [d["time"] for d in data["doses"]] == [d.time for d in p.doses]
    assert data["daily_elemental_mg"] == p.daily_elemental_mg
    assert isinstance(data["daily_elemental_mg"], int) == p.daily_elemental_mg.is_integer()
    assert data["forms"] == list(p.forms)
    codes = {w.code for w in p.warnings}
    assert codes == {w["code"] for w in data["warnings"]}
    assert p.warning("no-such-code") is None
