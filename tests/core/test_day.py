"""core/day.py: the meals of a day whose wake or bed time changes, one rule for every face."""

from __future__ import annotations

from magplan.core.day import meals_fit, meals_for_new_day, meals_set_by_person
from magplan.core.request import DEFAULT_BED_MIN, DEFAULT_MEALS_MIN, DEFAULT_WAKE_MIN
from magplan.core.timeofday import parse_time

DEFAULT_DAY = (DEFAULT_WAKE_MIN, DEFAULT_BED_MIN)


def times(*texts: str) -> tuple[int, ...]:
    return tuple(parse_time(t) for t in texts)


def test_the_default_meals_follow_an_earlier_wake_time() -> None:
    new = meals_for_new_day(DEFAULT_MEALS_MIN, DEFAULT_DAY, (parse_time("06:00"), DEFAULT_BED_MIN))
    assert new == times("06:30", "11:30", "17:30")


def test_the_default_meals_follow_a_night_shift_into_its_own_day() -> None:
    new = meals_for_new_day(DEFAULT_MEALS_MIN, DEFAULT_DAY, times("15:00", "07:00"))
    assert new == times("15:30", "20:30", "02:30")


def test_meals_the_person_set_stay_when_they_fit() -> None:
    own = times("08:00", "13:00", "19:00")
    assert meals_set_by_person(*DEFAULT_DAY, own)
    assert meals_for_new_day(own, DEFAULT_DAY, (parse_time("06:00"), DEFAULT_BED_MIN)) == own


def test_meals_the_person_set_give_way_when_one_falls_outside_the_new_day() -> None:
    own = times("07:15", "13:00", "19:00")
    new = meals_for_new_day(own, DEFAULT_DAY, (parse_time("08:00"), DEFAULT_BED_MIN))
    assert new == times("08:30", "13:30", "19:30")


def test_no_regular_meals_is_the_persons_choice_and_stays() -> None:
    assert meals_for_new_day((), DEFAULT_DAY, (parse_time("05:00"), DEFAULT_BED_MIN)) == ()


def test_a_day_too_short_to_plan_leaves_the_meals_alone() -> None:
    own = times("08:00", "13:00")
    assert meals_for_new_day(own, DEFAULT_DAY, times("22:00", "22:30")) == own
    assert meals_for_new_day(DEFAULT_MEALS_MIN, DEFAULT_DAY, times("22:00", "22:30")) == (
        DEFAULT_MEALS_MIN
    )


def test_a_meal_fits_anywhere_in_the_waking_day_through_midnight() -> None:
    assert meals_fit(*times("15:00", "07:00"), times("16:00", "23:30", "04:00"))
    assert not meals_fit(
        *times("15:00", "07:00"),
        times(
            "08:00",
        ),
    )
    assert meals_fit(*DEFAULT_DAY, ())
