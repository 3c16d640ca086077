"""A planner's plan as the journal keeps it, read back, and its fingerprint."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from magplan.core.request import Product
from magplan.journal.plan_record import fingerprint, headline, plan_json
from magplan.journal.records import PlanContent
from tests.core.helpers import meds, plan
from tests.journal.year import four_dose_plan


def test_the_doses_the_ramp_and_the_day_are_kept_as_the_plan_has_them() -> None:
    p = plan(goals=("sleep",), products=(Product(form="glycinate", elemental_mg_per_unit=100.0),))
    data = plan_json(p)
    assert [d["time"] for d in data["doses"]] == [d.time for d in p.doses]
    assert [d["mg"] for d in data["doses"]] == [d.elemental_mg for d in p.doses]
    assert [d["units"] for d in data["doses"]] == [d.units for d in p.doses]
    assert {d["form"] for d in data["doses"]} == {"glycinate"}
    assert {d["unit"] for d in data["doses"]} == {"capsule"}
    assert data["daily_mg"] == p.daily_elemental_mg
    assert data["wake"] == "07:00"
    assert data["headline"] == f"glycinate, {p.daily_elemental_mg:g} mg a day"
    assert [s["week"] for s in data["ramp"]] == [s.week for s in p.titration]
    for step, kept in zip(p.titration, data["ramp"], strict=True):
        assert kept["daily_mg"] == step.daily_elemental_mg
        for (time_min, units), dose in zip(step.doses, kept["doses"], strict=True):
            assert dose["time"] == f"{time_min // 60:02d}:{time_min % 60:02d}"
            assert dose["units"] == units
            assert dose["mg"] == round(units * 100.0, 1)  # a capsule holds 100 mg
    json.dumps(data, allow_nan=False)  # plain JSON


def test_a_product_without_units_is_kept_in_mg() -> None:
    data = four_dose_plan()
    assert [(d["time"], d["mg"], d["units"], d["unit"]) for d in data["doses"]] == [
        ("07:30", 125.0, 125.0, "mg"),
        ("12:30", 125.0, 125.0, "mg"),
        ("18:30", 125.0, 125.0, "mg"),
        ("22:30", 125.0, 125.0, "mg"),
    ]
    assert [s["daily_mg"] for s in data["ramp"]] == [170.0, 335.0, 500.0]
    assert data["ramp"][0]["doses"] == [
        {"time": "07:30", "units": 125.0, "mg": 125.0},
        {"time": "12:30", "units": 45.0, "mg": 45.0},
    ]


def test_a_weekday_medicine_keeps_its_days_times() -> None:
    p = plan(goals=("cramps",), medicines=meds("alendronate@07:00/mon"))
    assert plan_json(p)["weekday_times"] == [
        {"weekdays": ["mon"], "times": ["12:30", "18:30", "22:30"]}
    ]
    content = PlanContent.from_json(plan_json(p))
    assert [d.time for d in content.doses_for(ramp_week=9, weekday=0)] == [
        "12:30",
        "18:30",
        "22:30",
    ]
    assert [d.time for d in content.doses_for(ramp_week=9, weekday=1)] == [
        "07:30",
        "12:30",
        "18:30",
    ]


def test_a_blocked_plan_has_no_doses() -> None:
    p = plan(conditions=("kidney-disease",))
    assert p.blocked
    data = plan_json(p)
    assert data["doses"] == [] and data["ramp"] == [] and headline(p) == "no doses"
    assert PlanContent.from_json(data).doses_for(1, 0) == ()


def test_reading_a_plan_back_gives_the_same_plan() -> None:
    data = four_dose_plan()
    content = PlanContent.from_json(data)
    assert content.to_json() == data
    assert PlanContent.from_json(content.to_json()) == content


def test_the_fingerprint_is_of_what_is_taken_and_when() -> None:
    data = four_dose_plan()
    mark = fingerprint(data)
    assert len(mark) == 64 and mark == fingerprint(copy.deepcopy(data))
    same = copy.deepcopy(data)
    same["headline"], same["wake"], same["daily_mg"] = "other words", "06:00", 500
    assert fingerprint(same) == mark
    for change in (
        lambda d: _move(d, "07:30", "07:45"),
        lambda d: d["doses"][0].update(mg=120.0),
        lambda d: d["doses"][0].update(form="glycinate"),
        lambda d: d["doses"][0].update(product="Brand X"),
        lambda d: d["ramp"][0].update(daily_mg=160.0),
        lambda d: d["ramp"].pop(0),
        lambda d: d.update(weekday_times=[{"weekdays": ["sun"], "times": [None] * 4}]),
    ):
        changed = copy.deepcopy(data)
        change(changed)
        assert fingerprint(changed) != mark


def _move(data: dict[str, Any], old: str, new: str) -> None:
    """The dose at ``old`` moved to ``new``, in the plan and in each week of its ramp."""
    for dose in [*data["doses"], *(d for s in data["ramp"] for d in s["doses"])]:
        if dose["time"] == old:
            dose["time"] = new


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d["doses"][0].update(time="7:30"), r"doses\[0\]: time '7:30'"),
        (lambda d: d["doses"][1].update(time="07:30"), "two doses at the same time"),
        (lambda d: d["doses"][0].update(mg=-1), "is not an amount"),
        (lambda d: d["doses"][0].update(mg=float("nan")), "is not an amount"),
        (lambda d: d["doses"][0].update(units="2"), "units is not a number"),
        (lambda d: d["doses"][0].pop("form"), "form is not text"),
        (lambda d: d["ramp"][0].update(week=0), "not a week number"),
        (lambda d: d["ramp"][0]["doses"][0].update(time="09:00"), "not one of the plan's doses"),
        (lambda d: d.update(doses={}), "doses is not a list"),
        (lambda d: d.update(wake="7"), "wake '7'"),
        (lambda d: d.update(weekday_times=[{"weekdays": ["mo"], "times": []}]), "weekdays"),
        (lambda d: d.update(weekday_times=[{"weekdays": ["mon"], "times": []}]), "for each dose"),
    ],
)
def test_a_plan_not_in_the_journals_format_is_refused(edit: object, message: str) -> None:
    data = four_dose_plan()
    edit(data)  # type: ignore[operator]
    with pytest.raises(ValueError, match=message):
        PlanContent.from_json(data)
