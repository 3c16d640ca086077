"""The planning rules, each against the numbers in ../shared/docs/CLINICAL.md."""

from __future__ import annotations

import pytest

from magplan.core.errors import PlanInputError
from magplan.core.request import Product, make_product
from tests.core.helpers import K, gap, meds, plan, t


def codes(p: object) -> set[str]:
    return {w.code for w in p.warnings}  # type: ignore[attr-defined]


# ---- forms ----------------------------------------------------------------------------------


def test_sleep_suggests_glycinate_with_a_dose_shortly_before_bed() -> None:
    p = plan(goals=("sleep",))
    assert p.forms == ("glycinate",)
    last = p.doses[-1]
    assert last.at_bedtime and last.time == "22:00"  # bed 22:30 by default
    assert "before bed" in last.reason.lower()


@pytest.mark.parametrize(
    ("goal", "form"),
    [
        ("anxiety", "glycinate"),
        ("cognition", "l-threonate"),
        ("clarity", "orotate"),
        ("constipation", "citrate"),
        ("repletion", "citrate"),
        ("migraine", "citrate"),
        ("heart", "taurate"),
        ("depression", "glycinate"),
    ],
)
def test_each_goal_gets_its_first_choice_form(goal: str, form: str) -> None:
    assert plan(goals=(goal,)).forms[0] == form


def test_constipation_and_sleep_pull_apart_into_two_forms() -> None:
    p = plan(goals=("sleep", "constipation"))
    assert set(p.forms) == {"glycinate", "citrate"}
    citrate = [d for d in p.doses if d.form == "citrate"]
    glycinate = [d for d in p.doses if d.form == "glycinate"]
    assert max(d.time_min for d in citrate) < min(d.time_min for d in glycinate)
    assert all(d.goals == ("constipation",) for d in citrate)
    assert glycinate[-1].at_bedtime and glycinate[-1].goals == ("sleep",)


def test_diarrhoea_excludes_laxative_forms() -> None:
    p = plan(goals=("repletion",), conditions=("diarrhoea",))
    assert p.forms == ("glycinate",)
    citrate = next(s for s in p.suggestions if s.form == "citrate")
    assert "laxative" in citrate.excluded
    assert "diarrhoea" in codes(p)


def test_a_forced_form_is_used_and_the_mismatch_is_said() -> None:
    p = plan(goals=("sleep",), form="citrate")
    assert p.forms == ("citrate",)
    assert "form-chosen-by-user" in codes(p)
    assert "laxative-form" in codes(p)


def test_products_restrict_the_forms_and_a_better_one_is_mentioned() -> None:
    p = plan(goals=("sleep",), products=(Product(form="citrate", elemental_mg_per_unit=100),))
    assert p.forms == ("citrate",)
    assert "better-form-available" in codes(p)


# ---- amounts --------------------------------------------------------------------------------


def test_adult_default_target_is_the_us_upper_limit() -> None:
    p = plan()
    assert p.upper_limit_mg == 350
    assert p.daily_elemental_mg == 350


def test_eu_limit_is_250_for_adults() -> None:
    p = plan(limit="eu")
    assert p.upper_limit_mg == 250 and p.daily_elemental_mg <= 250


@pytest.mark.parametrize(("age", "ul"), [(1, 65), (3, 65), (4, 110), (8, 110), (9, 350), (17, 350)])
def test_children_are_held_to_their_upper_limit(age: int, ul: int) -> None:
    p = plan(age_years=age, target_mg=600)
    assert p.upper_limit_mg == ul
    assert p.daily_elemental_mg <= ul
    assert "child" in codes(p)


def test_infants_get_nothing_even_when_supervised() -> None:
    p = plan(age_years=0, supervised=True)
    assert p.blocked and not p.doses
    assert "infant" in codes(p)


def test_other_magnesium_counts_against_the_limit() -> None:
    p = plan(other_magnesium_mg=100)
    assert [(d.time, d.elemental_mg) for d in p.doses] == [("07:30", 125), ("22:00", 125)]
    assert p.daily_elemental_mg == 250 and p.total_with_other_mg == 350


def test_other_magnesium_at_the_limit_plans_nothing_and_says_so() -> None:
    p = plan(other_magnesium_mg=350)
    assert not p.doses and "limit-reached" in codes(p)


def test_a_target_above_the_limit_is_honoured_with_a_caution() -> None:
    p = plan(target_mg=500)
    assert p.daily_elemental_mg == 500
    w = p.warning("above-upper-limit")
    assert w is not None and "medical supervision" in w.message


def test_a_target_above_600_is_refused() -> None:
    with pytest.raises(PlanInputError, match="600"):
        plan(target_mg=601)
    with pytest.raises(PlanInputError, match="600"):
        plan(target_mg=500, other_magnesium_mg=150)


def test_no_dose_above_300_and_at_most_four_doses() -> None:
    p = plan(target_mg=600, goals=("depression",))
    assert p.daily_elemental_mg == 600
    assert 2 <= len(p.doses) <= 4
    assert all(d.elemental_mg <= 300 for d in p.doses)


def test_titration_starts_at_a_third_to_a_half_and_ends_at_the_plan() -> None:
    p = plan()
    first, last = p.titration[0], p.titration[-1]
    assert p.daily_elemental_mg / 3 - 5 <= first.daily_elemental_mg <= p.daily_elemental_mg / 2
    assert last.daily_elemental_mg == p.daily_elemental_mg
    assert [s.week for s in p.titration] == list(range(1, len(p.titration) + 1))


def test_pregnancy_uses_its_rda_row_and_warns() -> None:
    p = plan(age_years=25, sex="female", pregnant=True)
    assert p.rda_mg == 350 and p.upper_limit_mg == 350
    assert "pregnancy" in codes(p)


def test_rda_follows_age_and_sex() -> None:
    assert plan(age_years=40, sex="male").rda_mg == 420
    assert plan(age_years=16, sex="female").rda_mg == 360
    assert plan(age_years=16, sex="female", lactating=True).rda_mg == 360


# ---- gates ----------------------------------------------------------------------------------


@pytest.mark.parametrize("condition", ["kidney-disease", "heart-block", "myasthenia-gravis"])
def test_gates_block_the_plan(condition: str) -> None:
    p = plan(conditions=(condition,))
    assert p.blocked and not p.doses and not p.titration
    assert condition in codes(p)


def test_supervised_unlocks_a_gate_and_says_so() -> None:
    p = plan(conditions=("kidney-disease",), supervised=True, target_mg=200)
    assert not p.blocked and p.doses and p.supervised and p.daily_elemental_mg == 200
    w = p.warning("kidney-disease")
    assert w is not None and "supervised" in w.message


# ---- timing and separation ------------------------------------------------------------------


def test_calcium_is_kept_two_hours_away() -> None:
    p = plan(medicines=meds("calcium@08:00", "calcium@19:00"))
    assert p.doses
    for d in p.doses:
        assert gap(d.time_min, t("08:00")) >= 120
        assert gap(d.time_min, t("19:00")) >= 120
    assert "calcium-separation" in codes(p)


def test_antidepressant_is_planned_four_hours_apart_as_a_precaution() -> None:
    p = plan(medicines=meds("sertraline@08:00"))
    assert [(d.time, d.elemental_mg) for d in p.doses] == [
        ("12:30", 115),
        ("18:30", 115),
        ("22:00", 120),
    ]
    assert all(gap(d.time_min, t("08:00")) >= 240 for d in p.doses)
    w = p.warning("antidepressant-timing")
    assert w is not None and "precaution" in w.message


def test_antibiotic_two_hours_before_or_six_after() -> None:
    p = plan(goals=("repletion",), medicines=meds("doxycycline@08:00", "doxycycline@20:00"))
    assert [(d.time, d.elemental_mg) for d in p.doses] == [
        ("10:00", 120),
        ("13:00", 115),
        ("22:00", 115),
    ]
    for d in p.doses:
        for m in (t("08:00"), t("20:00")):
            after_med = (d.time_min - m) % 1440
            before_med = (m - d.time_min) % 1440
            assert after_med >= 120 and before_med >= 360
    assert "antibiotic-separation" in codes(p)


@pytest.mark.parametrize(
    ("spec", "code", "minutes"),
    [
        ("levothyroxine@06:30", "levothyroxine-separation", 240),
        ("alendronate@06:30", "bisphosphonate-separation", 240),
        ("ferrous sulfate@12:30", "iron-separation", 120),
        ("gabapentin@12:30", "gabapentin-separation", 120),
        ("dolutegravir@12:30", "integrase-inhibitor-separation", 120),
    ],
)
def test_other_separation_rules(spec: str, code: str, minutes: int) -> None:
    p = plan(medicines=meds(spec))
    when = t(spec.split("@")[1])
    assert p.doses
    assert all(gap(d.time_min, when) >= minutes for d in p.doses)
    assert code in codes(p)


def test_a_day_no_time_of_which_keeps_a_must_rule_plans_no_magnesium() -> None:
    # levothyroxine every 4 hours leaves no time 4 h from all of them
    specs = [f"levothyroxine@{h:02d}:00" for h in range(0, 24, 4)]
    p = plan(medicines=meds(*specs))
    w = p.warning("separation-no-time")
    assert w is not None and w.severity == "danger" and "levothyroxine" in w.message
    assert "no magnesium is planned" in w.message
    assert not p.doses and p.daily_elemental_mg == 0 and not p.titration


def test_bed_after_midnight_and_night_shift_are_ordinary_days() -> None:
    late = plan(
        wake_min=t("07:00"), bed_min=t("00:30"), meals_min=(t("08:00"), t("13:00"), t("19:00"))
    )
    assert late.doses[-1].time == "00:00"
    night = plan(
        wake_min=t("15:00"), bed_min=t("07:00"), meals_min=(t("15:30"), t("20:30"), t("02:30"))
    )
    assert night.doses[-1].time == "06:30"


def test_doses_go_with_meals_where_they_can() -> None:
    p = plan(goals=("repletion",))
    assert all(d.with_food for d in p.doses)
    assert {d.time for d in p.doses} <= {"07:30", "12:30", "18:30"}


def test_a_short_waking_day_is_refused() -> None:
    with pytest.raises(PlanInputError, match="at least 6 hours"):
        plan(wake_min=t("07:00"), bed_min=t("12:00"), meals_min=(t("08:00"),))


# ---- units ----------------------------------------------------------------------------------


def test_doses_are_whole_units_and_the_mg_is_what_they_contain() -> None:
    p = plan(products=(Product(form="glycinate", elemental_mg_per_unit=120, unit="capsule"),))
    assert p.daily_elemental_mg == 240  # 2 capsules: a third would pass the 350 limit
    for d in p.doses:
        assert d.units == int(d.units)
        assert d.elemental_mg == pytest.approx(d.units * 120)


def test_halves_are_used_only_where_the_product_allows() -> None:
    p = plan(
        goals=("repletion",),
        products=(Product(form="citrate", elemental_mg_per_unit=100, unit="tablet", halves=True),),
    )
    assert p.daily_elemental_mg == 350
    assert any(d.units % 1 == 0.5 for d in p.doses)


def test_compound_weight_is_converted_with_the_cautious_fraction() -> None:
    product = make_product(K, "glycinate", 500, compound=True)
    assert product.elemental_mg_per_unit == pytest.approx(70.5)  # 14.1 % of 500 mg
    assert product.compound_mg_per_unit == 500


def test_a_unit_too_large_for_a_dose_is_not_planned() -> None:
    p = plan(products=(Product(form="oxide", elemental_mg_per_unit=400, unit="tablet"),))
    assert not p.doses and "unit-too-large" in codes(p)


def test_depression_follows_each_meal_and_bedtime_when_the_amount_allows() -> None:
    p = plan(goals=("depression",), target_mg=600)
    assert [d.time for d in p.doses] == ["07:30", "12:30", "18:30", "22:00"]
    assert p.doses[-1].at_bedtime and all(d.with_food for d in p.doses[:-1])
    assert all(d.elemental_mg <= 300 for d in p.doses)


def test_a_laxative_form_is_never_the_bedtime_dose() -> None:
    p = plan(goals=("depression", "constipation"))
    assert p.forms == ("citrate",)
    assert not any(d.at_bedtime for d in p.doses)
    assert max(d.time_min for d in p.doses) <= t("18:30")


def test_the_first_week_starts_with_the_bedtime_dose_alone() -> None:
    p = plan(goals=("sleep",))
    week1 = p.titration[0]
    bedtime = next(d for d in p.doses if d.at_bedtime)
    assert [time for time, _ in week1.doses] == [bedtime.time_min]


def test_a_sleep_dose_pushed_away_from_bed_is_not_called_a_bedtime_dose() -> None:
    # doxycycline at 09:00 and 21:00 leaves only 11:00-15:00 for magnesium
    p = plan(goals=("sleep",), medicines=meds("doxycycline@09:00", "doxycycline@21:00"))
    assert p.doses and not any(d.at_bedtime for d in p.doses)
    assert all("before bed" not in d.reason for d in p.doses)
    assert "not at bedtime" in p.doses[-1].reason


def test_fewer_doses_that_keep_an_antibiotic_rule_win_over_the_full_amount() -> None:
    specs = ("ciprofloxacin@08:00", "ciprofloxacin@14:00", "ciprofloxacin@20:00")
    p = plan(goals=("sleep",), medicines=meds(*specs))
    assert p.warning("separation-short") is None
    w = p.warning("reduced-for-separation")
    assert w is not None and "ciprofloxacin" in w.message and "pause magnesium" in w.message
    assert 0 < p.daily_elemental_mg <= 300
    for d in p.doses:
        for spec in specs:
            m = t(spec.split("@")[1])
            assert (d.time_min - m) % 1440 >= 120 and (m - d.time_min) % 1440 >= 360


def test_an_infeasible_rule_cites_the_medicines_own_source() -> None:
    specs = [f"levothyroxine@{h:02d}:00" for h in range(0, 24, 4)]
    w = plan(medicines=meds(*specs)).warning("separation-no-time")
    assert w is not None and w.sources == ("LABEL",)


def test_a_low_magnesium_form_says_how_many_grams_it_takes() -> None:
    p = plan(goals=("cognition",), form="l-threonate")
    w = p.warning("low-magnesium-form")
    assert p.forms == ("l-threonate",) and w is not None
    assert p.daily_elemental_mg == 140
    assert "1.7-1.9 g" in w.message  # 140 mg / 8.3 % to 140 mg / 7.2 %


def test_a_dose_with_a_late_dinner_is_with_food() -> None:
    p = plan(
        goals=("anxiety",),
        wake_min=t("06:00"),
        bed_min=t("20:00"),
        meals_min=(t("06:30"), t("12:00"), t("19:00")),
    )
    dinner = [d for d in p.doses if d.time == "19:00"]
    assert dinner and dinner[0].with_food


def test_pregnancy_outside_the_reference_ages_is_refused() -> None:
    with pytest.raises(PlanInputError, match="14 to 50"):
        plan(age_years=55, sex="female", pregnant=True)


def test_a_forced_form_still_serves_the_persons_goals_and_names_the_one_it_cannot() -> None:
    p = plan(goals=("sleep", "constipation"), form="glycinate")
    assert p.doses and all(d.goals == ("sleep",) for d in p.doses)
    w = p.warning("goal-not-served")
    assert w is not None and w.message.startswith("Constipation is not served")
    assert "you chose magnesium glycinate" in w.message and "citrate would serve it" in w.message


def test_a_supervised_gate_plans_only_the_amount_the_clinician_sets() -> None:
    p = plan(conditions=("kidney-disease",), supervised=True)
    assert not p.blocked and not p.doses
    w = p.warning("supervised-amount-needed")
    assert (
        w is not None
        and w.severity == "danger"
        and "clinician sets the daily amount" in (w.message)
    )
