"""core/schedule.py: the time of each dose on the person's day (``place_doses``): inside the
times every *must* rule allows, then keeping *should* rules, then near meals and bedtime."""

from __future__ import annotations

from magplan.core.schedule import Day, DoseSlot, Placement, SlotKind, place_doses
from magplan.core.separation import SeparationRule, Strength
from magplan.core.timeofday import format_time, parse_time


def day(wake: str = "07:00", bed: str = "22:30", meals: tuple[str, ...] = ()) -> Day:
    wake_min = parse_time(wake)
    waking = (parse_time(bed) - wake_min) % 1440
    return Day(
        wake_min=wake_min,
        waking_min=waking,
        meals_off=tuple(sorted((parse_time(m) - wake_min) % 1440 for m in meals)),
    )


MEALS = ("07:30", "12:30", "18:30")


def slots(*kinds: SlotKind) -> list[DoseSlot]:
    return [DoseSlot(form="glycinate", goals=("sleep",), kind=kind) for kind in kinds]


def rule(at: str, other_first_min: int, mg_first_min: int, strength: Strength) -> SeparationRule:
    return SeparationRule(
        name="a medicine",
        class_id="x",
        warning_code="x",
        time_min=parse_time(at),
        other_first_min=other_first_min,
        mg_first_min=mg_first_min,
        strength=strength,
    )


def times(placed: list[Placement] | None) -> list[str]:
    assert placed is not None
    return [format_time(p.time_min) for p in placed]


# ---- the day ----------------------------------------------------------------------------------


def test_the_day_counts_offsets_from_waking_through_midnight() -> None:
    night = day("20:00", "12:00")
    assert night.waking_min == 16 * 60
    assert night.clock(5 * 60) == parse_time("01:00")
    assert night.offset(parse_time("01:00")) == 5 * 60
    assert night.offset(parse_time("20:00")) == 0


# ---- without other medicines ----------------------------------------------------------------


def test_a_bedtime_dose_goes_half_an_hour_before_bed() -> None:
    placed = place_doses(day(meals=MEALS), slots("bedtime"), [])
    assert placed == [Placement(time_min=parse_time("22:00"), meal_index=None, shortfall_min=0)]


def test_after_midnight_the_bedtime_dose_is_on_the_next_calendar_day() -> None:
    assert times(place_doses(day("10:00", "02:00"), slots("bedtime"), [])) == ["01:30"]


def test_a_daytime_dose_goes_with_the_first_meal() -> None:
    placed = place_doses(day(meals=MEALS), slots("any"), [])
    assert placed == [Placement(time_min=parse_time("07:30"), meal_index=0, shortfall_min=0)]


def test_two_daytime_doses_go_with_meals_at_least_four_hours_apart() -> None:
    placed = place_doses(day(meals=MEALS), slots("any", "any"), [])
    assert times(placed) == ["07:30", "12:30"]
    assert placed is not None and [p.meal_index for p in placed] == [0, 1]


def test_a_laxative_dose_early_with_breakfast_and_the_sleep_dose_at_bedtime() -> None:
    assert times(place_doses(day(meals=MEALS), slots("early", "bedtime"), [])) == [
        "07:30",
        "22:00",
    ]


def test_a_wake_time_off_the_grid_gives_times_on_the_5_minute_grid() -> None:
    placed = place_doses(day("06:58", "22:33"), slots("any", "bedtime"), [])
    assert placed is not None
    assert all(p.time_min % 5 == 0 for p in placed)
    assert times(placed)[-1] == "22:05"  # half an hour before bed is 22:03: the nearest grid time


# ---- with other medicines -------------------------------------------------------------------


def test_a_must_rule_moves_the_bedtime_dose_to_the_edge_of_its_window() -> None:
    # a medicine at 22:00 that must be 2 h from magnesium either way: 20:00 is the latest time
    placed = place_doses(day(meals=MEALS), slots("bedtime"), [rule("22:00", 120, 120, "must")])
    assert placed == [Placement(time_min=parse_time("20:00"), meal_index=None, shortfall_min=0)]


def test_a_should_rule_is_kept_at_the_edge_rather_than_at_breakfast() -> None:
    # must: only 07:00-11:00 is free; should: nothing within 2 h of 09:00, so 07:00 or 11:00
    rules = [rule("13:00", 720, 120, "must"), rule("09:00", 120, 120, "should")]
    placed = place_doses(day(meals=MEALS), slots("any"), rules)
    assert placed == [Placement(time_min=parse_time("07:00"), meal_index=None, shortfall_min=0)]


def test_a_should_rule_is_given_up_by_as_few_minutes_as_the_must_rules_allow() -> None:
    # must: only 07:00-11:00; should: 4 h either side of 09:00 covers all of it; the least
    # missed is 2 h, at either end
    rules = [rule("13:00", 720, 120, "must"), rule("09:00", 240, 240, "should")]
    placed = place_doses(day(meals=MEALS), slots("any"), rules)
    assert placed == [Placement(time_min=parse_time("07:00"), meal_index=None, shortfall_min=120)]


def test_a_precaution_gives_way_before_a_should_rule() -> None:
    # must: only 07:00-11:00 is free. A precaution 2 h either side of 08:00 leaves 10:00-11:00;
    # a should rule 1 h either side of 10:30 leaves 07:00-09:30: no time keeps both. The
    # should rule is kept, and the precaution missed by as little as it can be: 30 min at 09:30
    # (at 10:00 the should rule would be missed by the same 30 min).
    rules = [
        rule("13:00", 720, 120, "must"),
        rule("08:00", 120, 120, "precaution"),
        rule("10:30", 60, 60, "should"),
    ]
    placed = place_doses(day(), slots("any"), rules)
    assert placed == [Placement(time_min=parse_time("09:30"), meal_index=None, shortfall_min=30)]


def test_a_must_window_is_never_entered_even_for_food() -> None:
    # free only 07:00-07:30: the dose is at breakfast, 07:30, the last free minute
    placed = place_doses(day(meals=MEALS), slots("any"), [rule("12:00", 720, 270, "must")])
    assert placed == [Placement(time_min=parse_time("07:30"), meal_index=0, shortfall_min=0)]


def test_no_free_time_means_no_schedule() -> None:
    # a medicine at 12:00 that must be 12 h from magnesium: free only at midnight, asleep
    assert (
        place_doses(day(meals=MEALS), slots("bedtime"), [rule("12:00", 720, 720, "must")]) is None
    )


def test_doses_that_do_not_fit_an_hour_apart_in_the_free_time_mean_no_schedule() -> None:
    must = [rule("12:00", 720, 270, "must")]  # free only 07:00-07:30
    assert place_doses(day(meals=MEALS), slots("any", "bedtime"), must) is None
    assert times(place_doses(day(meals=MEALS), slots("bedtime"), must)) == ["07:30"]
