"""A plan's doses, medicines and warnings as rows: every output's words for one dose come from
the same row."""

from __future__ import annotations

from dataclasses import replace

from magplan.core.plan import Plan, PlanWarning
from magplan.core.request import make_product
from magplan.present import present
from magplan.present.words import SEE_ELEMENTAL, format_units
from tests.core.helpers import K, meds, plan


def test_a_dose_of_a_product_names_the_product_and_its_form() -> None:
    product = make_product(K, "glycinate", 100, unit="capsule", label="CalmMag")
    view = present(plan(goals=("sleep",), products=(product,), target_mg=300), K)
    row = view.doses[-1]
    capsules = row.dose.units
    assert row.amount == format_units(capsules, "capsule") and row.amount.endswith(
        "capsule" if capsules == 1 else "capsules"
    )
    assert row.product_cell == "CalmMag (magnesium glycinate)"
    assert row.product_name == "CalmMag" and row.product_in_sentence == "CalmMag"
    assert row.take_plain == f"{row.amount} of CalmMag, magnesium glycinate"
    assert row.take_cell == row.take_tip == row.amount  # the window's Take: the units
    assert row.elemental == f"{capsules * 100:g} mg" == row.elemental_cell  # no compound given
    assert row.goals_cell == row.goals_label == "Sleep" and row.goals_plain == "sleep"


def test_a_dose_without_a_product_names_the_form_and_the_compound_it_is_in() -> None:
    view = present(plan(goals=("sleep",)), K)
    row = view.doses[0]
    assert row.product_cell == "Magnesium glycinate"
    assert row.product_name == "Magnesium glycinate (bisglycinate)"
    assert row.product_in_sentence == "magnesium glycinate (bisglycinate)"
    assert row.amount.endswith("mg elemental")
    assert row.elemental_cell.endswith("of the compound")
    assert row.elemental_plain.endswith("of magnesium glycinate")
    assert row.elemental_plain.startswith(row.elemental + " = about ")


def test_without_a_product_the_take_cell_points_to_the_elemental_mg_and_never_repeats_it() -> None:
    view = present(plan(goals=("sleep",)), K)
    for row in view.doses:
        assert row.take_cell == SEE_ELEMENTAL
        assert row.elemental not in row.take_cell  # the amount is said once, under Elemental
        assert row.take_tip.startswith(
            f"No product given: take a magnesium glycinate product in the amount that gives "
            f"{row.elemental} of elemental magnesium"
        )


def test_a_dose_for_no_goal_is_a_blank_cell_and_general_use_on_the_card() -> None:
    p = plan(goals=("sleep",))
    p = replace(p, doses=tuple(replace(d, goals=()) for d in p.doses))
    row = present(p, K).doses[0]
    assert (row.goals_cell, row.goals_label, row.goals_plain) == ("—", "General use", "-")


def test_a_bedtime_dose_says_so_and_a_moved_dose_shows_its_weekday_time() -> None:
    p = plan(goals=("sleep",), medicines=meds("alendronate@21:00/mon"))
    assert p.weekday_times, "alendronate on Mondays moves the bedtime dose"
    view = present(p, K)
    moved = [r for r in view.doses if r.other_days]
    assert moved
    for row in moved:
        first, *others = row.time_cell.split("\n")
        assert first.startswith(row.time)
        assert tuple(others) == row.other_days
        assert all(day.startswith("Mon: ") for day in row.other_days)
    bedtime = [r for r in view.doses if r.dose.at_bedtime]
    assert bedtime and all(r.time_cell.startswith(f"{r.time} (bedtime)") for r in bedtime)
    assert all(r.column == "Bedtime" for r in bedtime)


def test_a_medicine_row_has_its_label_times_days_and_rule() -> None:
    view = present(plan(goals=("cramps",), medicines=meds("alendronate@07:00/mon")), K)
    (row,) = view.medicines
    assert row.label == "alendronate (oral bisphosphonate)"
    assert (row.times, row.weekdays) == ("07:00", "Mondays")
    assert row.rule and row.rule_label == row.rule and row.strength == "must"
    assert row.line_plain == f"{row.label} at 07:00 on Mondays - {row.rule} (must)"


def test_a_medicine_without_a_timing_rule_says_so_on_the_card() -> None:
    p = plan(goals=("sleep",), medicines=meds("omeprazole@07:00"))
    (row,) = present(p, K).medicines
    assert row.rule == "" and row.rule_label == "no timing rule"
    assert row.line_plain == "omeprazole (proton pump inhibitor) at 07:00"


def test_a_warning_row_names_its_sources_short_in_the_list_and_in_full_in_the_tooltip() -> None:
    warning = PlanWarning(
        code="x", severity="caution", message="Mind this.", sources=("ODS", "NO-SUCH-KEY")
    )
    p: Plan = replace(plan(goals=("sleep",)), warnings=(warning,))
    (row,) = present(p, K).warnings
    short, title = K.sources["ODS"].short, K.sources["ODS"].title
    assert row.label == "CAUTION"
    assert row.cell == f"CAUTION: Mind this.\nSource: {short}; NO-SUCH-KEY"
    assert row.tooltip == f"Mind this.\n\nSource: {title}; NO-SUCH-KEY"
    assert row.line_plain == "[CAUTION] Mind this. (source: ODS, NO-SUCH-KEY)"


def test_a_blocked_plan_gives_its_dangers_as_the_reasons_for_no_schedule() -> None:
    view = present(plan(goals=("sleep",), conditions=("kidney-disease",)), K)
    assert view.plan.blocked and not view.doses and not view.ramp
    assert view.dangers and all(w.severity == "danger" for w in view.dangers)
    assert view.forms_in_sentence == "magnesium" and view.forms_plain == "none"


def test_the_total_is_said_against_the_limit_and_over_it_in_capitals() -> None:
    within = present(plan(goals=("sleep",), other_magnesium_mg=150), K).total
    assert within.text == "350 mg of 350 mg upper limit" and not within.over_limit
    assert within.detail.startswith("200 mg planned + 150 mg from other products. ")
    over = present(plan(goals=("repletion",), target_mg=500), K).total
    assert over.over_limit and over.text == "500 mg of 350 mg upper limit — OVER THE LIMIT"
