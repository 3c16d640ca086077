"""The person's other medicines as the plan sees them: separation rules every day or on some
weekdays only, the medicines no magnesium may be taken beside, and what the plan says."""

from __future__ import annotations

from magplan.core.medicines import Medicines, avoided_warnings, medicines
from magplan.core.plan import PlanWarning
from magplan.core.request import MedicineTimes, PlanRequest
from magplan.core.separation import SeparationRule
from tests.core.helpers import K, t


def _meds(*taken: MedicineTimes, **fields: object) -> tuple[Medicines, list[PlanWarning]]:
    out: list[PlanWarning] = []
    req = PlanRequest(medicines=taken, **fields)  # type: ignore[arg-type]
    return medicines(K, req, out), out


def _spans(rules: list[SeparationRule]) -> list[tuple[str, int, int, int, str]]:
    return [(r.name, r.time_min, r.other_first_min, r.mg_first_min, r.strength) for r in rules]


def test_a_tetracycline_is_taken_2_h_before_or_6_h_after_magnesium() -> None:
    meds, out = _meds(
        MedicineTimes(
            name="doxycycline", class_id="tetracycline", times_min=(t("08:00"), t("20:00"))
        )
    )
    assert _spans(meds.rules) == [
        ("doxycycline", t("08:00"), 120, 360, "must"),
        ("doxycycline", t("20:00"), 120, 360, "must"),
    ]
    assert meds.weekday_rules == {} and meds.avoided == []
    (listed,) = meds.listed
    assert listed.rule == "take it at least 2 h before or 6 h after magnesium"
    assert listed.strength == "must" and listed.class_name == "Tetracycline antibiotic"
    assert [(w.code, w.severity) for w in out] == [("antibiotic-separation", "caution")]
    assert out[0].message.startswith("doxycycline (08:00, 20:00): Take the antibiotic at least 2")


def test_a_quinolone_has_the_same_6_h_after_magnesium() -> None:
    meds, _ = _meds(
        MedicineTimes(name="ciprofloxacin", class_id="quinolone", times_min=(t("09:00"),))
    )
    assert _spans(meds.rules) == [("ciprofloxacin", t("09:00"), 120, 360, "must")]


def test_bisphosphonates_and_levothyroxine_are_kept_4_h_apart_both_ways() -> None:
    meds, _ = _meds(
        MedicineTimes(name="alendronate", class_id="bisphosphonate", times_min=(t("07:00"),)),
        MedicineTimes(name="levothyroxine", class_id="levothyroxine", times_min=(t("06:30"),)),
    )
    assert _spans(meds.rules) == [
        ("alendronate", t("07:00"), 240, 240, "must"),
        ("levothyroxine", t("06:30"), 240, 240, "must"),
    ]
    assert [m.rule for m in meds.listed] == ["at least 4 h apart", "at least 4 h apart"]


def test_calcium_is_a_should_rule_and_an_antidepressant_a_precaution() -> None:
    meds, _ = _meds(
        MedicineTimes(name="calcium", class_id="calcium", times_min=(t("12:00"),)),
        MedicineTimes(name="sertraline", class_id="antidepressant", times_min=(t("08:00"),)),
    )
    assert _spans(meds.rules) == [
        ("calcium", t("12:00"), 120, 120, "should"),
        ("sertraline", t("08:00"), 240, 240, "precaution"),
    ]


def test_a_medicine_with_no_spacing_is_listed_and_warned_of_but_makes_no_rule() -> None:
    meds, out = _meds(
        MedicineTimes(name="furosemide", class_id="loop-thiazide-diuretic", times_min=(t("08:00"),))
    )
    assert meds.rules == [] and meds.weekday_rules == {}
    (listed,) = meds.listed
    assert (listed.rule, listed.strength, listed.other_first_min, listed.mg_first_min) == (
        "",
        "",
        0,
        0,
    )
    assert [w.message for w in out] == [
        "furosemide (08:00): This diuretic increases magnesium loss: ask your doctor whether your "
        "magnesium level should be checked."
    ]


def test_two_medicines_of_one_class_share_one_warning_in_the_plural() -> None:
    _, out = _meds(
        MedicineTimes(
            name="furosemide", class_id="loop-thiazide-diuretic", times_min=(t("08:00"),)
        ),
        MedicineTimes(
            name="indapamide", class_id="loop-thiazide-diuretic", times_min=(t("09:00"),)
        ),
    )
    assert len(out) == 1
    assert out[0].message.startswith(
        "furosemide (08:00), indapamide (09:00): These diuretics increase"
    )


def test_a_medicine_no_magnesium_may_be_taken_beside_is_avoided_not_spaced() -> None:
    raltegravir = MedicineTimes(
        name="raltegravir", class_id="raltegravir", times_min=(t("08:00"), t("20:00"))
    )
    meds, out = _meds(raltegravir)
    assert meds.avoided == [raltegravir]
    assert meds.rules == [] and out == []  # its own warning comes from avoided_warnings
    assert meds.listed[0].rule == "not with magnesium at any spacing (its label)"
    assert meds.listed[0].strength == "must"
    (said,) = avoided_warnings(K, meds.avoided)
    assert (said.code, said.severity, said.sources) == (
        "magnesium-not-with-medicine",
        "danger",
        ("LABEL",),
    )
    assert said.message.startswith(
        "raltegravir (08:00, 20:00): Raltegravir's label does not recommend"
    )
    assert said.message.endswith("whether magnesium can be used with raltegravir.")


def test_a_medicine_the_planner_does_not_know_is_kept_at_the_spacing_stated() -> None:
    meds, out = _meds(
        MedicineTimes(name="newdrug", class_id="stated", times_min=(t("10:00"),), spacing_min=180)
    )
    assert _spans(meds.rules) == [("newdrug", t("10:00"), 180, 180, "must")]
    assert meds.listed[0].rule == "at least 3 h apart, as you stated"
    assert [(w.code, w.severity) for w in out] == [("stated-separation", "caution")]
    assert out[0].message.startswith(
        "newdrug (10:00): kept at least 3 h from magnesium, as you stated."
    )


def test_a_stated_spacing_of_zero_makes_no_rule_and_only_informs() -> None:
    meds, out = _meds(
        MedicineTimes(name="newdrug", class_id="stated", times_min=(t("10:00"),), spacing_min=0)
    )
    assert meds.rules == []
    assert meds.listed[0].rule == "no spacing needed, as you stated"
    assert [(w.code, w.severity) for w in out] == [("stated-separation", "info")]
    assert out[0].message.startswith("newdrug (10:00): no spacing from magnesium, as you stated.")


def test_a_weekly_medicine_constrains_only_its_own_day() -> None:
    weekly = MedicineTimes(
        name="alendronate", class_id="bisphosphonate", times_min=(t("08:00"),), weekdays=(0,)
    )
    meds, out = _meds(weekly)
    assert meds.rules == []  # not every day
    assert list(meds.weekday_rules) == [0]
    assert _spans(meds.weekday_rules[0]) == [("alendronate", t("08:00"), 240, 240, "must")]
    assert out[0].message.startswith("alendronate (08:00 on Mondays): Keep magnesium")


def test_a_weekday_dose_after_midnight_constrains_the_waking_day_before() -> None:
    # up at 10:00, to bed at 02:00: a Saturday 00:30 dose falls in the day that began on Friday
    late = MedicineTimes(
        name="alendronate", class_id="bisphosphonate", times_min=(t("00:30"),), weekdays=(5,)
    )
    meds, _ = _meds(late, wake_min=t("10:00"), bed_min=t("02:00"))
    assert list(meds.weekday_rules) == [4]


def test_a_weekday_window_that_only_touches_the_day_does_not_constrain_it() -> None:
    # a Monday 03:00 dose kept 4 h apart: its window ends at 07:00, the moment the day begins
    early = MedicineTimes(
        name="alendronate", class_id="bisphosphonate", times_min=(t("03:00"),), weekdays=(0,)
    )
    assert _meds(early)[0].weekday_rules == {}
    later = MedicineTimes(
        name="alendronate", class_id="bisphosphonate", times_min=(t("03:01"),), weekdays=(0,)
    )
    assert list(_meds(later)[0].weekday_rules) == [0]


def test_an_every_day_medicine_is_a_rule_of_every_day_not_of_some_weekdays() -> None:
    daily = MedicineTimes(name="levothyroxine", class_id="levothyroxine", times_min=(t("08:00"),))
    meds, _ = _meds(daily)
    assert len(meds.rules) == 1
    assert meds.weekday_rules == {}


def test_medicines_taken_on_two_weekdays_make_rules_on_both() -> None:
    twice = MedicineTimes(
        name="doxycycline", class_id="tetracycline", times_min=(t("12:00"),), weekdays=(0, 3)
    )
    meds, out = _meds(twice)
    assert sorted(meds.weekday_rules) == [0, 3]
    assert out[0].message.startswith("doxycycline (12:00 on Mondays and Thursdays):")
