"""present/view.py: a plan in words — the daily total against the limit, the forms named in a
sentence and in plain text, and the rows every output lays out."""

from __future__ import annotations

from magplan.core.knowledge import load_knowledge
from magplan.core.planner import plan_day
from magplan.core.request import MedicineTimes, PlanRequest
from magplan.present import present

K = load_knowledge()


def test_an_adults_day_is_worded_against_the_us_limit() -> None:
    view = present(plan_day(PlanRequest(goals=("sleep",)), K), K)
    assert view.daily == "350 mg"
    assert view.total.text == "350 mg of 350 mg upper limit"
    assert not view.total.over_limit and view.total.limit_mg == 350
    assert view.total.detail == (
        "Upper limit from supplements and medicines: US (Institute of Medicine / NIH ODS). "
        "Recommended intake from food and supplements: 320 mg a day."
    )
    assert view.forms_in_sentence == "magnesium glycinate (bisglycinate)"
    assert view.forms_plain == "magnesium glycinate (bisglycinate)"
    assert len(view.doses) == len(view.plan.doses) >= 2
    assert view.has_ramp and view.dangers == ()


def test_other_magnesium_is_counted_in_the_total_and_said_in_the_detail() -> None:
    view = present(plan_day(PlanRequest(goals=("sleep",), other_magnesium_mg=150), K), K)
    assert view.daily == "200 mg"
    assert view.total.text == "350 mg of 350 mg upper limit"
    assert view.total.detail.startswith("200 mg planned + 150 mg from other products. ")


def test_a_total_above_the_limit_says_so_in_capitals() -> None:
    plan = plan_day(PlanRequest(goals=("repletion",), target_mg=500), K)
    view = present(plan, K)
    assert view.total.over_limit
    assert view.total.text == "500 mg of 350 mg upper limit — OVER THE LIMIT"


def test_two_forms_are_joined_in_a_sentence_and_listed_in_plain_text() -> None:
    view = present(plan_day(PlanRequest(goals=("constipation", "sleep")), K), K)
    assert view.forms_in_sentence == ("magnesium citrate and magnesium glycinate (bisglycinate)")
    assert view.forms_plain == "magnesium citrate, magnesium glycinate (bisglycinate)"


def test_a_blocked_plan_has_no_rows_of_doses_and_its_dangers_say_why() -> None:
    plan = plan_day(PlanRequest(conditions=("kidney-disease",)), K)
    view = present(plan, K)
    assert view.doses == () and not view.has_ramp
    assert view.forms_plain == "none" and view.forms_in_sentence == "magnesium"
    assert [w.severity for w in view.dangers] == ["danger"]
    assert "Kidney disease" in view.dangers[0].line_plain


def test_the_other_medicines_are_rows_too() -> None:
    sertraline = MedicineTimes(name="sertraline", class_id="antidepressant", times_min=(480,))
    view = present(plan_day(PlanRequest(medicines=(sertraline,)), K), K)
    assert [m.line_plain for m in view.medicines] == [
        "sertraline (antidepressant) at 08:00 - at least 4 h apart (precaution)"
    ]
