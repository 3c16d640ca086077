"""Safe with many medicines: rule strengths, label windows, weekday medicines, forced forms,
goals served or told, ages and states, L-threonate amounts, elemental wording, medicine
names (each item of the issue, against the numbers in ../shared/docs/CLINICAL.md)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from magplan.core.errors import PlanInputError
from magplan.core.request import MedicineTimes, Product, make_product, parse_medicine_class
from magplan.present.words import compound_text, format_units, medicine_label
from tests.core.helpers import K, meds, plan, t


def codes(p: object) -> set[str]:
    return {w.code for w in p.warnings}  # type: ignore[attr-defined]


def keeps(dose_min: int, med_min: int, before: int, after: int) -> bool:
    """The medicine at least ``before`` min before the dose, or the dose ``after`` before it."""
    return (dose_min - med_min) % 1440 >= before and (med_min - dose_min) % 1440 >= after


# ---- 1. rule strength ------------------------------------------------------------------------


def test_every_separation_rule_carries_a_strength_with_its_source() -> None:
    strengths = {c.id: c.strength for c in K.medicines.values() if c.separates or c.avoid}
    for cid in ("tetracycline", "quinolone", "bisphosphonate", "levothyroxine", "penicillamine"):
        assert strengths[cid] == "must"
    for cid in ("dolutegravir", "bictegravir", "raltegravir", "cabotegravir"):
        assert strengths[cid] == "must"
    for cid in ("calcium", "iron", "zinc", "gabapentin"):
        assert strengths[cid] == "should"
    assert strengths["antidepressant"] == "precaution"
    assert all(K.medicines[c].strength_sources for c in strengths)


def test_ciprofloxacin_twice_a_day_with_an_antidepressant_plans_only_safe_times() -> None:
    p = plan(
        goals=("sleep",),
        medicines=meds(
            "ciprofloxacin@08:00", "ciprofloxacin@20:00", "sertraline@12:00", "levothyroxine@22:00"
        ),
    )
    assert [d.time for d in p.doses] == ["10:00", "14:00"]
    assert [d.elemental_mg for d in p.doses] == [175, 175]
    for d in p.doses:
        for m in ("08:00", "20:00"):
            assert keeps(d.time_min, t(m), 120, 360)
        assert keeps(d.time_min, t("22:00"), 240, 240)
    # week 1 (often the whole course) is one safe dose, never one right after the antibiotic
    week1 = p.titration[0].doses
    assert len(week1) == 1 and week1[0][0] in (t("10:00"), t("14:00"))
    shorts = [w for w in p.warnings if w.code == "separation-short"]
    assert len(shorts) == 1 and shorts[0].severity == "info"
    assert shorts[0].message.startswith(
        "The 10:00 dose is 120 min short of sertraline at 12:00 (at least 4 h apart); the "
        "14:00 dose is 120 min short of sertraline at 12:00 (at least 4 h apart). This spacing "
        "is a precaution, not an established interaction. Kept instead: ciprofloxacin, "
        "levothyroxine, which weigh more."
    )
    assert not any("No time in your day keeps the" in w.message for w in p.warnings)
    assert p.warning("separation-infeasible") is None


def test_doxycycline_twice_a_day_with_two_antidepressants_keeps_every_rule() -> None:
    p = plan(
        goals=("sleep",),
        medicines=meds(
            "doxycycline@08:00", "doxycycline@20:00", "sertraline@08:00", "trazodone@21:00"
        ),
    )
    assert p.daily_elemental_mg == 350 and len(p.doses) == 2
    assert [d.time for d in p.doses] == ["12:00", "14:00"]
    for d in p.doses:
        for m in ("08:00", "20:00"):
            assert keeps(d.time_min, t(m), 120, 360)
        assert keeps(d.time_min, t("08:00"), 240, 240)
        assert keeps(d.time_min, t("21:00"), 240, 240)
    assert "separation-short" not in codes(p)


def test_a_should_rule_outweighs_any_number_of_precaution_minutes() -> None:
    # 10:00-18:00; only 13:00 keeps the antidepressant, and it is inside calcium's window
    p = plan(
        goals=("anxiety",),
        target_mg=150,
        wake_min=t("10:00"),
        bed_min=t("18:00"),
        meals_min=(),
        medicines=meds("calcium@12:00", "sertraline@09:00", "sertraline@17:00"),
    )
    assert [d.time for d in p.doses] == ["14:00"]  # calcium kept; 60 min of the precaution
    (w,) = [w for w in p.warnings if w.code == "separation-short"]
    assert w.message.startswith("The 14:00 dose is 60 min short of sertraline at 17:00")
    assert "Kept instead: calcium" in w.message and "No time in your day" in w.message


def test_the_antidepressant_precaution_is_kept_with_real_doses_of_exact_amounts() -> None:
    p = plan(goals=("anxiety",), medicines=meds("sertraline@08:00"))
    assert [d.time for d in p.doses] == ["12:30", "18:30", "22:30"]
    assert [d.elemental_mg for d in p.doses] == [120, 115, 115]
    assert all(keeps(d.time_min, t("08:00"), 240, 240) for d in p.doses)


def test_other_magnesium_counts_against_the_limit_with_real_doses() -> None:
    p = plan(goals=("sleep",), other_magnesium_mg=100)
    assert p.daily_elemental_mg == 250 and sum(d.elemental_mg for d in p.doses) == 250
    assert p.total_with_other_mg == 350


def test_must_rules_that_leave_room_for_fewer_doses_plan_fewer_and_say_what_to_do() -> None:
    specs = ("doxycycline@08:00", "doxycycline@14:00", "doxycycline@20:00")
    p = plan(goals=("sleep",), medicines=meds(*specs))
    assert p.doses and p.daily_elemental_mg <= 300
    w = p.warning("reduced-for-separation")
    assert w is not None and "pause magnesium until the course is over" in w.message


# ---- 2. label windows ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "before", "after"),
    [("dolutegravir", 120, 360), ("bictegravir", 120, 720), ("cabotegravir", 120, 240)],
)
def test_integrase_inhibitors_follow_their_own_labels(name: str, before: int, after: int) -> None:
    p = plan(goals=("sleep",), medicines=meds(f"{name}@08:00"))
    assert p.doses
    assert all(keeps(d.time_min, t("08:00"), before, after) for d in p.doses)
    assert "integrase-inhibitor-separation" in codes(p)


def test_raltegravir_is_not_taken_with_magnesium_at_any_time() -> None:
    p = plan(goals=("sleep",), medicines=meds("Isentress@08:00"))
    assert not p.doses
    w = p.warning("magnesium-not-with-medicine")
    assert w is not None and w.severity == "danger" and w.sources == ("LABEL",)


# ---- 3. weekday medicines --------------------------------------------------------------------


def test_weekly_alendronate_constrains_only_its_own_day() -> None:
    p = plan(goals=("repletion",), medicines=meds("alendronate@07:00/mon"))
    # every other day: breakfast as usual
    assert p.doses[0].time == "07:30"
    assert len(p.weekday_times) == 1
    monday = p.weekday_times[0]
    assert monday.weekdays == (0,) and monday.medicines == ("alendronate",)
    moved = [m for m in monday.times_min if m is not None]
    assert all(keeps(m, t("07:00"), 240, 240) for m in moved)
    w = p.warning("weekday-times")
    assert w is not None and w.message.startswith("On Mondays (alendronate): take magnesium at ")
    assert "instead of the usual 07:30" in w.message


def test_a_weekday_medicine_the_usual_times_already_keep_needs_no_other_times() -> None:
    p = plan(goals=("sleep",), medicines=meds("alendronate@17:00/sun"))
    assert p.weekday_times == ()
    w = p.warning("weekday-times")
    assert w is not None and "usual times already keep apart" in w.message


# ---- 4. a forced form keeps its exclusions ---------------------------------------------------


def test_a_forced_laxative_form_with_diarrhoea_plans_with_a_caution_naming_the_conflict() -> None:
    p = plan(goals=("sleep",), form="oxide", conditions=("diarrhoea",))
    assert p.forms == ("oxide",) and p.doses
    w = p.warning("diarrhoea")
    assert w is not None and "you chose magnesium oxide, a laxative form" in w.message
    assert not any("laxative forms (oxide" in x.message for x in p.warnings)


def test_epsom_salt_is_not_planned_by_mouth() -> None:
    p = plan(goals=("cramps",), form="sulfate")
    assert not p.doses
    w = p.warning("not-by-mouth")
    assert w is not None and "bath or foot soak" in w.message
    assert "sulfate" not in {s.form for s in p.suggestions if not s.excluded}


# ---- 5. every goal served, or told -----------------------------------------------------------


def test_a_goal_the_products_cannot_serve_is_named_with_the_form_that_would() -> None:
    p = plan(
        goals=("sleep", "constipation"),
        products=(Product(form="citrate", elemental_mg_per_unit=100),),
    )
    assert p.forms == ("citrate",)
    w = p.warning("goal-not-served")
    assert w is not None
    assert w.message == (
        "Sleep is not served: your products are magnesium citrate. Magnesium glycinate "
        "(bisglycinate) would serve it (add a product of it)."
    )


def test_a_citrate_product_for_cramps_is_not_told_glycinate_fits_better() -> None:
    p = plan(goals=("cramps",), products=(Product(form="citrate", elemental_mg_per_unit=100),))
    assert p.doses and "better-form-available" not in codes(p)


# ---- 6. ages and states ----------------------------------------------------------------------


def test_pregnancy_under_14_has_no_figure_and_is_sent_to_her_clinician() -> None:
    p = plan(age_years=13, sex="female", pregnant=True)
    assert p.blocked and not p.doses
    w = p.warning("pregnancy")
    assert w is not None and "no pregnancy figure under 14" in w.message
    assert "240" not in w.message
    supervised = plan(age_years=13, sex="female", pregnant=True, supervised=True, target_mg=100)
    assert supervised.doses and not supervised.blocked


def test_breastfeeding_has_its_own_code_and_wording() -> None:
    p = plan(age_years=30, sex="female", lactating=True)
    w = p.warning("lactation")
    assert w is not None and p.warning("pregnancy") is None
    assert "310 mg/day" in w.message and "doctor or midwife" in w.message
    assert "prenatal" not in w.message


def test_pregnant_and_breastfeeding_together_are_refused() -> None:
    with pytest.raises(PlanInputError, match="cannot both be set"):
        plan(age_years=30, sex="female", pregnant=True, lactating=True)


def test_a_child_with_migraine_is_not_shown_the_adult_guideline_dose() -> None:
    child = plan(goals=("migraine",), age_years=10)
    assert child.doses
    assert not any("400-600" in w.message for w in child.warnings)
    assert "child's doctor" in (child.warning("migraine-note") or child.warnings[0]).message
    adult = plan(goals=("migraine",))
    assert any("400-600" in w.message for w in adult.warnings)


# ---- 7. L-threonate at sane pill counts ------------------------------------------------------


def test_threonate_by_its_label_is_held_to_about_2_g_of_the_compound() -> None:
    three = plan(
        goals=("cognition",), products=(make_product(K, "l-threonate", 667, compound=True),)
    )
    assert sum(d.units for d in three.doses) == 3  # 2,001 mg: the studied "about 2 g"
    w = three.warning("low-magnesium-form")
    assert w is not None and "about 2.0 g of the compound" in w.message
    scoop = plan(
        goals=("cognition",), products=(Product(form="l-threonate", elemental_mg_per_unit=150),)
    )
    assert not scoop.doses
    u = scoop.warning("unit-too-large")
    assert u is not None and "more than the amount studied" in u.message


def test_threonate_capsules_stop_at_the_studied_amount_and_say_what_would_fill_the_rest() -> None:
    p = plan(
        goals=("cognition",), products=(Product(form="l-threonate", elemental_mg_per_unit=48),)
    )
    assert sum(d.units for d in p.doses) == 3 and p.daily_elemental_mg == 144
    w = p.warning("form-daily-maximum")
    assert w is not None and "144 mg" in w.message and w.sources == ("LIU2016",)
    assert "glycinate would serve cognition / memory for the rest" in w.message


def test_without_products_the_next_form_for_the_same_goal_fills_the_rest() -> None:
    p = plan(goals=("cognition",))
    threonate = sum(d.elemental_mg for d in p.doses if d.form == "l-threonate")
    assert 0 < threonate <= 144
    assert p.forms == ("l-threonate", "glycinate") and p.daily_elemental_mg == 350


# ---- 8. amounts that cannot be misread -------------------------------------------------------


def test_an_amount_without_a_product_says_elemental_and_its_compound_weight() -> None:
    p = plan(goals=("sleep",), medicines=meds("sertraline@08:00"), target_mg=115)
    d = p.doses[0]
    assert d.elemental_mg == 115 and d.compound_about_mg == 815  # 115 / 14.1 %, to 5 mg
    assert d.compound_about_max_mg == 1150  # 115 / 10 %: products with bound water
    assert format_units(d.units, d.unit) == "115 mg elemental"
    assert compound_text(d, K.forms[d.form].name) == "= about 815-1150 mg of magnesium glycinate"


# ---- 9. medicine names -----------------------------------------------------------------------


def test_a_close_misspelling_gets_did_you_mean() -> None:
    for typed, known in (("sertralin", "sertraline"), ("Levothyroxin", "levothyroxine")):
        with pytest.raises(PlanInputError, match=f"did you mean '{known}'"):
            parse_medicine_class(K, typed)


@pytest.mark.parametrize("name", ["magnesium", "Milk of Magnesia", "Maalox"])
def test_magnesium_itself_points_to_other_magnesium(name: str) -> None:
    with pytest.raises(PlanInputError, match="--other-magnesium"):
        parse_medicine_class(K, name, stated=True)


def test_an_unknown_medicine_is_kept_only_with_a_stated_spacing() -> None:
    with pytest.raises(PlanInputError, match="state its spacing"):
        parse_medicine_class(K, "ursodiol")
    assert parse_medicine_class(K, "ursodiol", stated=True) == "stated"
    med = MedicineTimes(
        name="ursodiol", class_id="stated", times_min=(t("12:30"),), spacing_min=180
    )
    p = plan(goals=("anxiety",), medicines=(med,))
    assert p.doses and all(keeps(d.time_min, t("12:30"), 180, 180) for d in p.doses)
    w = p.warning("stated-separation")
    assert w is not None and "at least 3 h from magnesium, as you stated" in w.message
    none_needed = replace(med, spacing_min=0)
    q = plan(goals=("anxiety",), medicines=(none_needed,))
    assert any(d.time == "12:30" for d in q.doses)
    with pytest.raises(PlanInputError, match="state its spacing"):
        plan(medicines=(replace(med, spacing_min=None),))


# ---- 11. smaller -----------------------------------------------------------------------------


def test_two_potassium_sparing_diuretics_get_plural_wording() -> None:
    p = plan(medicines=meds("amiloride@08:00", "spironolactone@08:00"))
    w = p.warning("potassium-sparing-diuretic")
    assert w is not None and "These diuretics reduce" in w.message


def test_a_medicine_named_by_its_class_is_not_said_twice() -> None:
    assert medicine_label("calcium", "Calcium supplement") == "calcium supplement"
    assert medicine_label("sertraline", "Antidepressant") == "sertraline (antidepressant)"
    assert (
        medicine_label("Tivicay", "Dolutegravir (HIV integrase inhibitor)")
        == "Tivicay (dolutegravir (HIV integrase inhibitor))"
    )


def test_efsa_is_cited_for_a_child_with_a_title_that_fits() -> None:
    p = plan(age_years=10, limit="eu")
    w = p.warning("child")
    assert w is not None and w.sources == ("EFSA",)
    assert "children from 9 years" in K.sources["EFSA"].title


def test_a_blocked_plan_does_not_promise_improvement() -> None:
    p = plan(conditions=("kidney-disease",))
    assert p.blocked and not any("2-8 weeks" in n for n in p.notes)
    assert any("2-8 weeks" in n for n in plan().notes)


def test_doses_closer_than_two_hours_are_explained() -> None:
    # a six-hour day with doxycycline leaves a short window
    p = plan(
        goals=("anxiety",),
        wake_min=t("07:00"),
        bed_min=t("13:00"),
        meals_min=(t("07:30"),),
        medicines=meds("doxycycline@18:00"),
    )
    gaps = [b.time_min - a.time_min for a, b in zip(p.doses, p.doses[1:], strict=False)]
    assert p.doses
    if gaps and min(gaps) < 120:
        w = p.warning("doses-close")
        assert w is not None and f"only {min(gaps)} min apart" in w.message
    else:
        assert p.warning("doses-close") is None


def test_a_weekday_medicine_after_midnight_belongs_to_the_waking_day_before() -> None:
    # up until 02:00: Saturday's 00:30 dose is part of the day that began on Friday
    p = plan(
        goals=("sleep",),
        wake_min=t("10:00"),
        bed_min=t("02:00"),
        meals_min=(t("10:30"), t("14:30"), t("20:30")),
        medicines=(
            MedicineTimes(
                name="chloroquine",
                class_id="stated",
                times_min=(t("00:30"),),
                weekdays=(5,),
                spacing_min=240,
            ),
        ),
    )
    (friday,) = p.weekday_times
    assert friday.weekdays == (4,)
    assert all(keeps(m, t("00:30"), 240, 240) for m in friday.times_min if m is not None)


@pytest.mark.parametrize(
    ("typed", "class_id"),
    [
        ("doxycycline hyclate", "tetracycline"),
        ("Doxycycline 100mg", "tetracycline"),
        ("levothyroxine sodium 50 mcg", "levothyroxine"),
        ("Ciprofloxacin HCl 500 mg tablets", "quinolone"),
        ("alendronate sodium 70 mg once weekly", "bisphosphonate"),
    ],
)
def test_a_medicine_written_with_its_salt_or_strength_keeps_its_rule(
    typed: str, class_id: str
) -> None:
    assert parse_medicine_class(K, typed) == class_id
    assert parse_medicine_class(K, typed, stated=True) == class_id  # never a stated spacing


def test_a_stated_spacing_is_refused_for_a_near_match_of_a_known_medicine() -> None:
    with pytest.raises(PlanInputError, match="close to 'doxycycline'"):
        parse_medicine_class(K, "doxycyclin", stated=True)


def test_a_dose_at_the_edge_of_a_must_window_says_there_is_no_time_to_spare() -> None:
    p = plan(
        goals=("sleep",),
        medicines=meds(
            "ciprofloxacin@08:00", "ciprofloxacin@20:00", "sertraline@12:00", "levothyroxine@22:00"
        ),
    )
    w = p.warning("must-tight")
    assert w is not None and w.severity == "caution"
    assert (
        "the 10:00 dose comes 2 h after ciprofloxacin (08:00): never take it earlier" in w.message
    )
    assert "the 14:00 dose comes 6 h before ciprofloxacin (20:00): never take it later" in w.message
    assert "pause magnesium" in w.message and "levothyroxine" not in w.message
    roomy = plan(goals=("sleep",), medicines=meds("levothyroxine@06:00"))
    assert roomy.warning("must-tight") is None


def test_a_young_person_is_not_called_a_child() -> None:
    assert plan(age_years=16).warning("child").message.startswith("A young person of 16")  # type: ignore[union-attr]
    assert plan(age_years=10).warning("child").message.startswith("A child of 10")  # type: ignore[union-attr]
