"""core/separation.py: a separation rule on a repeating day, and the times of a waking day that
keep every rule (``feasible_intervals``), in offsets from waking on the 5-minute grid."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from magplan.core.separation import (
    SeparationRule,
    feasible_intervals,
    format_hours,
    of_strength,
    rule_text,
    total_shortfall,
)
from magplan.core.timeofday import parse_time


def rule(
    at: str, other_first_min: int, mg_first_min: int, strength: str = "must", name: str = "calcium"
) -> SeparationRule:
    return SeparationRule(
        name=name,
        class_id="calcium",
        warning_code="separate-calcium",
        time_min=parse_time(at),
        other_first_min=other_first_min,
        mg_first_min=mg_first_min,
        strength=strength,  # type: ignore[arg-type]
    )


WAKE_0700 = parse_time("07:00")
DAY_0700_2230 = 15 * 60 + 30  # minutes awake from 07:00 to 22:30


# ---- one rule ---------------------------------------------------------------------------------


def test_a_dose_exactly_the_spacing_away_keeps_the_rule() -> None:
    calcium = rule("12:00", 120, 120)
    assert calcium.shortfall_min(parse_time("10:00")) == 0
    assert calcium.shortfall_min(parse_time("14:00")) == 0
    assert calcium.shortfall_min(parse_time("10:05")) == 5
    assert calcium.shortfall_min(parse_time("13:30")) == 30


def test_a_dose_at_the_same_time_misses_the_whole_spacing() -> None:
    assert rule("12:00", 120, 240).shortfall_min(parse_time("12:00")) == 240


def test_the_rule_holds_across_midnight() -> None:
    late = rule("23:00", 240, 120)  # the medicine 4 h before magnesium, or magnesium 2 h before
    assert late.shortfall_min(parse_time("01:00")) == 120  # 2 h after: 2 h short of 4
    assert late.shortfall_min(parse_time("03:00")) == 0
    assert late.shortfall_min(parse_time("21:30")) == 30


def test_rules_in_words() -> None:
    assert rule("08:00", 120, 120).describe() == "calcium at 08:00: at least 2 h either side"
    assert rule("07:00", 240, 30, name="levothyroxine").describe() == (
        "levothyroxine at 07:00: levothyroxine at least 4 h before or 0.5 h after magnesium"
    )
    assert rule_text(120, 120) == "at least 2 h apart"
    assert rule_text(90, 360) == "take it at least 1.5 h before or 6 h after magnesium"
    assert (format_hours(60), format_hours(90), format_hours(45)) == ("1 h", "1.5 h", "0.8 h")


def test_rules_by_strength_and_their_total_shortfall() -> None:
    must, should = rule("08:00", 120, 120), rule("08:00", 60, 60, "should")
    rules = [must, should, rule("20:00", 60, 60, "precaution")]
    assert of_strength(rules, "must") == [must]
    assert of_strength(rules, "must", "should") == [must, should]
    assert total_shortfall(rules, parse_time("09:00")) == 60 + 0 + 0


# ---- the free times of a day ------------------------------------------------------------------


def test_no_rule_leaves_the_whole_waking_day() -> None:
    assert feasible_intervals([], WAKE_0700, DAY_0700_2230) == [(0, DAY_0700_2230)]


def test_a_wake_time_off_the_grid_gives_offsets_on_the_clock_grid() -> None:
    # 07:03 to 22:33: the first dose time is 07:05 (offset 2), the last 22:30 (offset 927)
    assert feasible_intervals([], parse_time("07:03"), DAY_0700_2230) == [(2, 927)]


def test_the_edges_of_a_rule_are_free_times() -> None:
    free = feasible_intervals([rule("12:00", 120, 120)], WAKE_0700, DAY_0700_2230)
    assert free == [(0, 180), (420, DAY_0700_2230)]  # 07:00-10:00 and 14:00-22:30


def test_edges_off_the_grid_move_inwards_to_the_grid() -> None:
    free = feasible_intervals([rule("12:02", 120, 120)], WAKE_0700, DAY_0700_2230)
    # blocked 10:02-14:02 (open): free until 10:00, and again from 14:05
    assert free == [(0, 180), (425, DAY_0700_2230)]


def test_a_medicine_before_waking_still_blocks_the_morning() -> None:
    # thyroid pill at 06:00: the medicine at least 4 h before magnesium -> not before 10:00
    free = feasible_intervals([rule("06:00", 240, 120)], WAKE_0700, DAY_0700_2230)
    assert free == [(180, DAY_0700_2230)]


def test_a_day_past_midnight_is_one_stretch_of_offsets() -> None:
    wake, waking = parse_time("16:00"), 10 * 60  # 16:00 to 02:00
    free = feasible_intervals([rule("01:00", 120, 120)], wake, waking)
    assert free == [(0, 420)]  # 16:00-23:00; 23:00-02:00 is inside the rule's window
    free = feasible_intervals([rule("15:00", 120, 120)], wake, waking)
    assert free == [(60, 600)]  # a medicine before waking blocks until 17:00


def test_overlapping_rules_block_their_union() -> None:
    rules = [rule("09:00", 60, 60), rule("10:30", 60, 60), rule("21:00", 120, 60)]
    free = feasible_intervals(rules, WAKE_0700, DAY_0700_2230)
    assert free == [(0, 60), (270, 780)]  # 07:00-08:00, 11:30-20:00


@pytest.mark.parametrize(
    "rules",
    [
        [rule("12:00", 720, 720)],  # free only at midnight, outside the waking day
        [rule("10:00", 360, 360), rule("20:00", 360, 360)],
    ],
)
def test_rules_that_leave_no_time_give_no_interval(rules: list[SeparationRule]) -> None:
    assert feasible_intervals(rules, WAKE_0700, DAY_0700_2230) == []


def test_a_single_free_minute_is_an_interval_of_one_time() -> None:
    # not before 10:00 (4 h after the 06:00 medicine), and by 10:00 (2 h before the 12:00 one):
    # the morning has one time, 10:00; the afternoon starts an hour after the 12:00 medicine
    rules = [rule("06:00", 240, 60), rule("12:00", 60, 120)]
    assert feasible_intervals(rules, WAKE_0700, DAY_0700_2230) == [(180, 180), (360, 930)]


def test_a_rule_with_one_side_at_zero_still_keeps_the_dose_off_the_medicines_minute() -> None:
    # magnesium at least 2 h after the 12:00 medicine, and any time before it: 12:00 itself is
    # taking them together, which the rule does not allow
    rules = [rule("12:00", 120, 0)]
    assert feasible_intervals(rules, WAKE_0700, DAY_0700_2230) == [(0, 295), (420, 930)]
    assert rules[0].shortfall_min(12 * 60) == 120


def test_a_rule_with_no_spacing_leaves_the_whole_day_in_one_interval() -> None:
    assert feasible_intervals([rule("12:00", 0, 0)], WAKE_0700, DAY_0700_2230) == [(0, 930)]


# ---- free times and shortfall agree ---------------------------------------------------------

sides = st.integers(min_value=0, max_value=12 * 12).map(lambda n: n * 5)  # a side may be 0
rules_drawn = st.lists(
    st.builds(
        SeparationRule,
        name=st.just("x"),
        class_id=st.just("x"),
        warning_code=st.just("x"),
        time_min=st.integers(min_value=0, max_value=1439),
        other_first_min=sides,
        mg_first_min=sides,
    ),
    max_size=4,
)


@given(
    rules=rules_drawn,
    wake=st.integers(min_value=0, max_value=1439),
    waking=st.integers(min_value=6 * 60, max_value=20 * 60),
)
def test_a_grid_time_is_free_exactly_when_it_misses_no_rule(
    rules: list[SeparationRule], wake: int, waking: int
) -> None:
    free = feasible_intervals(rules, wake, waking)
    for lo, hi in free:
        assert 0 <= lo <= hi <= waking
        assert (wake + lo) % 5 == 0 and (wake + hi) % 5 == 0
    assert all(hi < lo2 for (_, hi), (lo2, _) in pairwise(free))
    for offset in range(0, waking + 1):
        if (wake + offset) % 5:
            continue
        inside = any(lo <= offset <= hi for lo, hi in free)
        assert inside == (total_shortfall(rules, (wake + offset) % 1440) == 0), offset
