"""core/request.py: what the user tells the planner, and how typed names, times, medicines and
products become the knowledge base's ids, or one clear error naming the field."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from magplan.core.errors import PlanInputError
from magplan.core.request import (
    MedEntry,
    MedicineTimes,
    PlanRequest,
    check_day,
    check_text,
    default_meals,
    format_weekdays,
    group_medicines,
    parse_form,
    parse_goal,
    parse_med_spec,
    parse_medicine_class,
    parse_product_spec,
    parse_weekdays,
    recognise_medicine,
)
from magplan.core.timeofday import parse_time
from tests.core.helpers import K


def error_of(call: object, *args: object, **kwargs: object) -> PlanInputError:
    with pytest.raises(PlanInputError) as caught:
        call(*args, **kwargs)  # type: ignore[operator]
    return caught.value


# ---- the request ------------------------------------------------------------------------------


def test_a_bed_time_after_midnight_is_an_ordinary_waking_day() -> None:
    assert PlanRequest(wake_min=parse_time("07:00"), bed_min=parse_time("01:30")).waking_min == (
        18 * 60 + 30
    )
    assert PlanRequest(wake_min=parse_time("22:00"), bed_min=parse_time("14:00")).waking_min == (
        16 * 60
    )


def test_a_medicine_s_times_are_sorted_once_each_and_all_weekdays_mean_daily() -> None:
    med = MedicineTimes(name="calcium", class_id="calcium", times_min=(720, 480, 720))
    assert med.times_min == (480, 720)
    every = MedicineTimes(
        name="calcium", class_id="calcium", times_min=(480,), weekdays=(6, 0, 1, 2, 3, 4, 5)
    )
    assert every.weekdays == () and every.every_day


@pytest.mark.parametrize(
    "fields",
    [{"times_min": (1440,)}, {"times_min": ()}, {"times_min": (480,), "weekdays": (7,)}],
)
def test_a_medicine_outside_the_day_or_week_is_refused(fields: dict[str, object]) -> None:
    given = {"name": "calcium", "class_id": "calcium", **fields}
    with pytest.raises(PlanInputError):
        MedicineTimes(**given)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):  # at a boundary (a saved profile): pydantic
        TypeAdapter(MedicineTimes).validate_python(given)


# ---- names -----------------------------------------------------------------------------------


def test_goals_and_forms_are_found_by_name_or_alias() -> None:
    assert parse_goal(K, "Sleep") == "sleep"
    assert parse_goal(K, "insomnia") == "sleep"
    assert parse_form(K, "bisglycinate") == "glycinate"
    assert parse_form(K, "Magnesium Citrate") == "citrate"


def test_an_unknown_goal_lists_the_allowed_ones() -> None:
    error = error_of(parse_goal, K, "flying")
    assert error.field == "goal"
    assert error.message == f"unknown goal 'flying'; allowed: {', '.join(K.goals)}"


def test_a_medicine_is_known_by_generic_or_brand_name_with_its_strength() -> None:
    assert parse_medicine_class(K, "sertraline") == "antidepressant"
    assert parse_medicine_class(K, "Zoloft") == "antidepressant"
    assert parse_medicine_class(K, "sertraline 50 mg") == "antidepressant"


def test_a_misspelt_medicine_is_refused_with_the_nearest_known_name() -> None:
    assert recognise_medicine(K, "sertralin").suggestion == "sertraline"
    error = error_of(parse_medicine_class, K, "sertralin")
    assert error.field == "med"
    assert error.message.startswith("unknown medicine 'sertralin'; did you mean 'sertraline'?")


def test_magnesium_itself_is_not_a_medicine_to_keep_apart() -> None:
    assert recognise_medicine(K, "magnesium citrate").kind == "magnesium"
    assert "is magnesium itself" in error_of(parse_medicine_class, K, "magnesium citrate").message


def test_a_medicine_the_planner_does_not_know_may_come_with_its_spacing() -> None:
    class_id = parse_medicine_class(K, "zzqx", stated=True)
    assert K.medicines[class_id].stated
    error = error_of(parse_medicine_class, K, "sertralin", stated=True)
    assert "close to 'sertraline'" in error.message


# ---- --med and weekdays ------------------------------------------------------------------------


def test_a_med_spec_is_name_time_and_weekdays() -> None:
    assert parse_med_spec(K, "alendronate@07:00/mon,thu") == MedEntry(
        "alendronate", "bisphosphonate", 420, (0, 3)
    )
    assert parse_med_spec(K, "calcium@20:30").weekdays == ()


@pytest.mark.parametrize(
    ("spec", "part"),
    [
        ("sertraline", "must be NAME@HH:MM[/DAYS]"),
        ("@08:00", "must be NAME@HH:MM[/DAYS]"),
        ("sertraline@25:00", "time of sertraline '25:00' is not a time of day"),
        ("calcium@08:00/someday", "'someday' is not a weekday"),
    ],
)
def test_a_bad_med_spec_says_what_is_wrong(spec: str, part: str) -> None:
    error = error_of(parse_med_spec, K, spec)
    assert part in error.message


def test_weekdays_by_short_or_full_name_in_week_order() -> None:
    assert parse_weekdays("thu, Monday,mon") == (0, 3)
    assert format_weekdays((0, 3)) == "Mondays and Thursdays"
    assert format_weekdays((0, 2, 4)) == "Mondays, Wednesdays and Fridays"
    assert format_weekdays((6,)) == "Sundays"
    assert format_weekdays(()) == "every day"


def test_times_of_one_medicine_on_the_same_days_become_one_entry() -> None:
    entries = [
        parse_med_spec(K, "Calcium@08:00"),
        parse_med_spec(K, "sertraline@09:00"),
        parse_med_spec(K, "calcium@20:00"),
        parse_med_spec(K, "calcium@12:00/sun"),
    ]
    grouped = group_medicines(entries)
    assert [(m.name, m.times_min, m.weekdays) for m in grouped] == [
        ("Calcium", (480, 1200), ()),
        ("sertraline", (540,), ()),
        ("calcium", (720,), (6,)),
    ]


# ---- products ---------------------------------------------------------------------------------


def test_a_product_spec_in_elemental_mg_with_halves() -> None:
    product = parse_product_spec(K, "citrate:150:tablet:half")
    assert (product.form, product.elemental_mg_per_unit, product.unit) == ("citrate", 150, "tablet")
    assert product.halves and product.step_mg == 75


def test_a_compound_weight_is_turned_into_elemental_mg_by_the_form_s_share() -> None:
    product = parse_product_spec(K, "glycinate:1000", compound=True)
    fraction = K.forms["glycinate"].elemental_fraction
    assert product.elemental_mg_per_unit == round(1000 * fraction, 1)
    assert product.compound_mg_per_unit == 1000
    assert (product.unit, product.halves, product.step_mg) == (
        "capsule",
        False,
        product.elemental_mg_per_unit,
    )


@pytest.mark.parametrize(
    ("spec", "part"),
    [
        ("glycinate", "must be FORM:MG[:UNIT][:half]"),
        ("glycinate:lots", "'lots' is not a number of mg"),
        ("glycinate:100.25", "is not a number of mg (at most one decimal)"),
        ("glycinate:0", "must be more than 0"),
        ("glycinate:5000", "a real product holds 1 to 2000 mg"),
        ("glycinate:100:capsule:quarter", "the fourth part may only be 'half'"),
        ("unobtainium:100", "unknown form 'unobtainium'"),
    ],
)
def test_a_bad_product_spec_says_what_is_wrong(spec: str, part: str) -> None:
    error = error_of(parse_product_spec, K, spec)
    assert error.field in ("product", "form")
    assert part in error.message


# ---- the day and text --------------------------------------------------------------------------


def test_default_meals_follow_the_wake_time_and_stay_in_the_day() -> None:
    assert default_meals(parse_time("07:00"), parse_time("22:30")) == (450, 750, 1110)
    # a night shift: meals at 22:30 and 03:30; the third would come after bed at 08:00
    assert default_meals(parse_time("22:00"), parse_time("08:00")) == (1350, 210)


def test_a_day_shorter_than_six_hours_or_a_meal_outside_it_is_refused() -> None:
    check_day(parse_time("22:00"), parse_time("04:00"), (parse_time("23:00"),))
    short = error_of(check_day, parse_time("07:00"), parse_time("12:55"), ())
    assert (short.field, short.message) == (
        "bed",
        "waking day 07:00-12:55 is 5 h 55 min; it must be at least 6 hours",
    )
    meal = error_of(check_day, parse_time("07:00"), parse_time("22:30"), (parse_time("23:00"),))
    assert (meal.field, meal.message) == (
        "meal",
        "meal at 23:00 is outside the waking day 07:00-22:30",
    )


def test_text_is_kept_normalised_or_refused_when_it_hides_characters() -> None:
    assert check_text("  Zoe\u0308  ", "name", "a name") == "Zoë"
    hidden = error_of(check_text, "Anna\u202eK", "name", "a name")
    assert hidden.message == (
        "a name 'Anna\\u202eK' contains an invisible or control character (U+202E); type it without"
    )
    long = error_of(check_text, "x" * 11, "name", "a name", 10)
    assert long.message == "a name has 11 characters; at most 10 are kept"
