"""The days a weekday-only medicine is taken: the times that keep it apart too."""

from __future__ import annotations

from magplan.core.medicines import Medicines, medicines
from magplan.core.plan import Dose, PlanWarning, WeekdayTimes
from magplan.core.request import MedicineTimes, PlanRequest
from magplan.core.schedule import Day, DoseSlot
from magplan.core.weekday_times import weekday_times
from tests.core.helpers import K, t

# up at 07:00, to bed at 22:30, meals at 07:30, 12:30 and 18:30
DAY = Day(wake_min=t("07:00"), waking_min=930, meals_off=(30, 330, 690), timing=K.planning.day)
SLOTS = [
    DoseSlot(form="glycinate", goals=("sleep",), kind="any"),
    DoseSlot(form="glycinate", goals=("sleep",), kind="bedtime"),
]


def _dose(time_min: int, mg: float) -> Dose:
    return Dose(
        time_min=time_min,
        form="glycinate",
        units=mg,
        unit="mg",
        unit_step=5,
        elemental_mg_per_unit=1.0,
        product_label="",
        compound_mg=None,
        with_food=True,
        goals=("sleep",),
        reason="",
    )


DOSES = (_dose(t("07:30"), 150.0), _dose(t("22:00"), 200.0))


def _meds(*taken: MedicineTimes) -> Medicines:
    return medicines(K, PlanRequest(medicines=taken), [])


def _weekly(
    *taken: MedicineTimes, doses: tuple[Dose, ...] = DOSES
) -> tuple[tuple[WeekdayTimes, ...], list[PlanWarning]]:
    out: list[PlanWarning] = []
    return weekday_times(K, DAY, SLOTS, doses, _meds(*taken), out), out


def test_a_weekly_bisphosphonate_moves_the_dose_its_window_meets_on_its_days() -> None:
    found, out = _weekly(
        MedicineTimes(
            name="alendronate", class_id="bisphosphonate", times_min=(t("07:00"),), weekdays=(0, 3)
        )
    )
    assert found == (
        WeekdayTimes(
            weekdays=(0, 3), medicines=("alendronate",), times_min=(t("12:30"), t("22:00"))
        ),
    )
    assert t("12:30") - t("07:00") >= 240  # 4 h after the bisphosphonate
    assert [(w.code, w.severity) for w in out] == [("weekday-times", "caution")]
    assert out[0].message == (
        "On Mondays and Thursdays (alendronate): take magnesium at 12:30 (150 mg) and "
        "22:00 (200 mg), instead of the usual 07:30 and 22:00, to keep apart from alendronate."
    )
    assert out[0].sources == ("ODS", "LABEL")


def test_a_weekly_medicine_the_usual_times_already_keep_apart_from_changes_nothing() -> None:
    found, out = _weekly(
        MedicineTimes(
            name="alendronate", class_id="bisphosphonate", times_min=(t("15:00"),), weekdays=(0,)
        )
    )
    assert found == ()
    assert [(w.code, w.severity) for w in out] == [("weekday-times", "info")]
    assert out[0].message == (
        "On Mondays (alendronate): the usual times already keep apart from alendronate."
    )


def test_a_day_with_room_for_only_one_dose_leaves_the_other_out() -> None:
    # windows 01:00-09:00, 09:00-17:00 and 16:30-00:30: only 09:00 is free
    found, out = _weekly(
        MedicineTimes(
            name="doxycycline",
            class_id="tetracycline",
            times_min=(t("07:00"), t("15:00"), t("22:30")),
            weekdays=(2,),
        )
    )
    assert found == (
        WeekdayTimes(weekdays=(2,), medicines=("doxycycline",), times_min=(t("09:00"), None)),
    )
    assert out[0].message.startswith(
        "On Wednesdays (doxycycline): take magnesium only at 09:00 (150 mg), instead of the "
        "usual 07:30 and 22:00"
    )


def test_a_day_no_time_of_which_keeps_a_must_rule_takes_no_magnesium() -> None:
    # windows 01:00-09:00, 08:00-16:00 and 15:00-23:00 cover the whole waking day
    found, out = _weekly(
        MedicineTimes(
            name="doxycycline",
            class_id="tetracycline",
            times_min=(t("07:00"), t("14:00"), t("21:00")),
            weekdays=(6,),
        )
    )
    assert found == (
        WeekdayTimes(weekdays=(6,), medicines=("doxycycline",), times_min=(None, None)),
    )
    assert [(w.code, w.severity) for w in out] == [("weekday-times", "caution")]
    assert out[0].message.startswith(
        "On Sundays (doxycycline): take no magnesium: no time keeps it apart from doxycycline"
    )
    assert out[0].message.endswith(K.medicines["tetracycline"].unkept)


def test_days_with_different_medicines_get_their_own_times() -> None:
    found, out = _weekly(
        MedicineTimes(
            name="alendronate", class_id="bisphosphonate", times_min=(t("07:00"),), weekdays=(0,)
        ),
        MedicineTimes(
            name="alendronate", class_id="bisphosphonate", times_min=(t("15:00"),), weekdays=(4,)
        ),
    )
    assert [w.weekdays for w in found] == [(0,)]  # Friday's usual times already keep apart
    assert [w.message.split(":")[0] for w in out] == [
        "On Mondays (alendronate)",
        "On Fridays (alendronate)",
    ]


def test_no_doses_or_no_weekday_medicine_says_nothing() -> None:
    weekly = MedicineTimes(
        name="alendronate", class_id="bisphosphonate", times_min=(t("07:00"),), weekdays=(0,)
    )
    assert _weekly(weekly, doses=()) == ((), [])
    daily = MedicineTimes(name="alendronate", class_id="bisphosphonate", times_min=(t("07:00"),))
    assert _weekly(daily) == ((), [])
