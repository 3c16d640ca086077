"""Why a plan has no doses: the warning that emptied the schedule, found for each way a plan
can end up empty, even when it is not the first warning."""

from __future__ import annotations

import pytest

from magplan.core.warning_codes import WARNING_SHAPES
from magplan.present import present
from magplan.present.no_doses import EMPTYING_CODES, why_no_doses
from tests.core.helpers import K, meds, plan

EMPTY_PLANS = {
    "raltegravir": (
        {"medicines": meds("raltegravir@08:00", "calcium@08:00")},
        "magnesium-not-with-medicine",
    ),
    "no time of day": (
        {"medicines": meds(*(f"ciprofloxacin@{h:02d}:00" for h in (7, 10, 13, 16, 19, 22)))},
        "separation-no-time",
    ),
    "other products at the limit": ({"other_magnesium_mg": 350}, "limit-reached"),
    "supervised, no amount": (
        {"conditions": ("kidney-disease",), "supervised": True},
        "supervised-amount-needed",
    ),
    "bath salts": ({"form": "sulfate", "goals": ("cramps",)}, "not-by-mouth"),
}


@pytest.mark.parametrize("fields, code", EMPTY_PLANS.values(), ids=EMPTY_PLANS.keys())
def test_the_reason_for_an_empty_plan_is_the_warning_that_emptied_it(
    fields: dict[str, object], code: str
) -> None:
    view = present(plan(**fields), K)
    assert not view.doses and not view.plan.blocked
    reasons = why_no_doses(view)
    assert [r.code for r in reasons] == [code]


def test_supervised_without_an_amount_puts_the_second_warning_first() -> None:
    view = present(plan(conditions=("kidney-disease",), supervised=True), K)
    assert view.warnings[0].code != "supervised-amount-needed"  # the list's order is severity
    assert why_no_doses(view)[0].code == "supervised-amount-needed"


def test_a_plan_with_doses_or_a_blocked_one_has_no_such_reason() -> None:
    assert why_no_doses(present(plan(goals=("sleep",)), K)) == ()
    blocked = present(plan(conditions=("kidney-disease",)), K)
    assert blocked.plan.blocked and why_no_doses(blocked) == ()


def test_every_emptying_code_is_a_warning_the_planner_raises() -> None:
    assert set(EMPTYING_CODES) <= set(WARNING_SHAPES)
