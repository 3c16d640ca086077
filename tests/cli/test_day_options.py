"""The day's options (--wake, --bed, --meal, --med NAME@TIME): times as people type them, and
meals that move with the day as they do in the window."""

from __future__ import annotations

import pytest

from magplan.cli import UsageError, build_parser
from magplan.cli.options import request_from_args
from magplan.core.errors import PlanInputError
from magplan.core.knowledge import load_knowledge
from magplan.core.planner import plan_day
from magplan.core.request import PlanRequest
from magplan.core.timeofday import format_time, parse_time
from magplan.profiles import Profile, ProfileStore

K = load_knowledge()


def request(*args: str) -> PlanRequest:
    return request_from_args(build_parser().parse_args(["plan", *args]), K)


@pytest.mark.parametrize(
    ("typed", "minute"),
    [
        ("6am", "06:00"),
        ("6 am", "06:00"),
        ("6:00 AM", "06:00"),
        ("0600", "06:00"),
        ("600", "06:00"),
        ("6", "06:00"),
        ("6.30", "06:30"),
        ("5:45", "05:45"),
    ],
)
def test_wake_takes_a_time_as_people_type_it(typed: str, minute: str) -> None:
    assert request("--wake", typed).wake_min == parse_time(minute)


def test_bed_meals_and_medicines_take_the_same_spellings() -> None:
    req = request(
        "--bed", "10:30 pm", "--meal", "8am", "--meal", "noon", "--meal", "1830",
        "--med", "sertraline@8pm", "--med", "alendronate@7 a.m./mon",
    )  # fmt: skip
    assert format_time(req.bed_min) == "22:30"
    assert [format_time(m) for m in req.meals_min] == ["08:00", "12:00", "18:30"]
    times = {m.name: ([format_time(t) for t in m.times_min], m.weekdays) for m in req.medicines}
    assert times == {"sertraline": (["20:00"], ()), "alendronate": (["07:00"], (0,))}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--wake", "25:00"], "--wake '25:00' is not a time of day: hours 00-23, minutes 00-59"),
        (["--bed", "half ten"], "--bed 'half ten' is not a time: use HH:MM, e.g. 07:30, 7:30 pm"),
        (["--meal", "13pm"], "--meal '13pm' is not a time of day: with am or pm, hours 1-12"),
        (["--med", "sertraline@0am"], "time of sertraline '0am' is not a time of day"),
    ],
)
def test_a_time_that_cannot_be_read_is_one_line_naming_the_option(
    args: list[str], message: str
) -> None:
    with pytest.raises(PlanInputError) as caught:
        request(*args)
    assert message in caught.value.message and "\n" not in caught.value.message


def test_the_meals_move_with_an_earlier_wake_time() -> None:
    req = request("--wake", "06:00")
    assert [format_time(m) for m in req.meals_min] == ["06:30", "11:30", "17:30"]


def test_meals_given_stay_where_they_are() -> None:
    req = request("--wake", "06:00", "--meal", "07:30", "--meal", "18:30")
    assert [format_time(m) for m in req.meals_min] == ["07:30", "18:30"]


def save(name: str, req: PlanRequest) -> None:
    ProfileStore().save(Profile(name=name, request=req))


def test_a_profiles_default_meals_follow_a_new_wake_time_as_without_a_profile() -> None:
    save("Default day", PlanRequest())
    with_profile = request("--profile", "Default day", "--wake", "06:00")
    assert with_profile.meals_min == request("--wake", "06:00").meals_min


def test_a_profiles_own_meals_stay_when_they_fit_in_the_new_day() -> None:
    own = tuple(parse_time(t) for t in ("08:00", "13:00", "19:00"))
    save("Own meals", PlanRequest(meals_min=own))
    assert request("--profile", "Own meals", "--wake", "06:00").meals_min == own


def test_a_profiles_own_meals_are_never_replaced_without_a_word() -> None:
    """08:00 is before a 09:00 waking: the command line, where nobody would see the meals
    change, refuses and asks for them instead of planning (or saving) other meals."""
    own = tuple(parse_time(t) for t in ("08:00", "13:00", "19:00"))
    save("Own meals", PlanRequest(meals_min=own))
    with pytest.raises(PlanInputError, match=r"the profile's meals \(08:00, 13:00, 19:00\)"):
        request("--profile", "Own meals", "--wake", "09:00")
    given = request("--profile", "Own meals", "--wake", "09:00", "--meal", "09:30")
    assert [format_time(m) for m in given.meals_min] == ["09:30"]


def test_the_doses_follow_the_moved_meals() -> None:
    """Waking at 06:00 plans as if the meals were typed at 06:30, 11:30 and 17:30."""
    moved = plan_day(request("--goal", "constipation", "--wake", "06:00"), K)
    typed = request(
        "--goal", "constipation", "--wake", "06:00",
        "--meal", "06:30", "--meal", "11:30", "--meal", "17:30",
    )  # fmt: skip
    assert [d.time_min for d in moved.doses] == [d.time_min for d in plan_day(typed, K).doses]
    assert [d.time_min for d in moved.doses] != [
        d.time_min for d in plan_day(request("--goal", "constipation", "--wake", "07:00"), K).doses
    ]


def test_an_unknown_profile_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        request("--profile", "Nobody", "--wake", "6am")
