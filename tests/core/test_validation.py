"""What the planner refuses, with the numbers of its knowledge files in the words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from magplan.core.errors import PlanInputError
from magplan.core.knowledge import load_knowledge_from
from magplan.core.planner import plan_day
from magplan.core.request import PlanRequest
from magplan.core.validation import validate_request
from magplan.resources import resource_dir
from tests.core.helpers import K


def _refused(**fields: object) -> PlanInputError:
    with pytest.raises(PlanInputError) as caught:
        validate_request(PlanRequest(**fields), K)  # type: ignore[arg-type]
    return caught.value


@pytest.mark.parametrize("age", [9, 13, 14, 50])
def test_pregnancy_is_accepted_at_the_ages_of_the_knowledge_files(age: int) -> None:
    validate_request(PlanRequest(pregnant=True, sex="female", age_years=age), K)


@pytest.mark.parametrize("age", [8, 51])
def test_pregnancy_outside_them_names_the_ages(age: int) -> None:
    error = _refused(lactating=True, age_years=age)
    assert error.field == "age"
    assert error.message.endswith("cover ages 14 to 50 (9 to 50 accepted)")


def test_a_target_below_one_step_names_the_step() -> None:
    error = _refused(target_mg=4)
    assert (error.field, error.message) == (
        "target",
        "target 4 mg is too small to plan: at least 5 mg a day",
    )


def test_a_target_above_the_ceiling_names_the_ceiling_of_intakes_toml() -> None:
    error = _refused(target_mg=400, other_magnesium_mg=250)
    assert error.message.endswith(
        f"the planner never plans above {K.intakes.dosing.max_daily_mg} mg/day in total"
    )


def test_the_first_problem_is_the_one_said() -> None:
    error = _refused(goals=("nope",), target_mg=4)
    assert error.field == "goal"


def test_the_numbers_come_from_the_knowledge_files(tmp_path: Path) -> None:
    folder = tmp_path / "res"
    shutil.copytree(resource_dir(), folder)
    for name, old, new in (
        ("planning.toml", "no_product_step_mg = 5", "no_product_step_mg = 10"),
        ("intakes.toml", "max_daily_mg = 600", "max_daily_mg = 500"),
    ):
        text = (folder / name).read_text()
        (folder / name).write_text(text.replace(old, new))
    k = load_knowledge_from(folder)
    with pytest.raises(PlanInputError, match="at least 10 mg a day"):
        validate_request(PlanRequest(target_mg=8), k)
    with pytest.raises(PlanInputError, match="never plans above 500 mg/day"):
        validate_request(PlanRequest(target_mg=550), k)
    doses = plan_day(PlanRequest(goals=("anxiety",), target_mg=350), k).doses
    assert all(d.elemental_mg % 10 == 0 for d in doses)
