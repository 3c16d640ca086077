"""How many doses a day gets, of which form, and which way of taking the day wins."""

from __future__ import annotations

from magplan.core.doses import AttemptCost, dose_counts, dose_slots, form_kind
from magplan.core.forms import pick_forms
from magplan.core.request import PlanRequest
from magplan.core.schedule import Day
from tests.core.helpers import K


def _day(waking_min: int = 15 * 60 + 30) -> Day:
    return Day(wake_min=7 * 60, waking_min=waking_min, meals_off=(30, 330, 690))


def test_a_missed_should_minute_outweighs_everything_after_it() -> None:
    keeps_should = AttemptCost(0, 500, -100.0, True)
    misses_should = AttemptCost(1, 0, -350.0, False)
    assert keeps_should < misses_should
    assert AttemptCost(0, 0, -350.0, True) < AttemptCost(0, 1, -350.0, False)
    assert AttemptCost(0, 0, -350.0, True) < AttemptCost(0, 0, -300.0, False)
    assert AttemptCost(0, 0, -350.0, False) < AttemptCost(0, 0, -350.0, True)


def test_the_preferred_count_gives_doses_of_a_comfortable_size() -> None:
    pick = pick_forms(K, ("anxiety",), owned=(), forced=None, avoid_laxative=False)
    counts = dose_counts(K, PlanRequest(goals=("anxiety",)), pick, 350.0, _day())
    dosing = K.intakes.dosing
    assert counts.fewest == 2  # 350 mg cannot go in one dose of at most 300 mg
    assert counts.preferred == 3  # about 150 mg a dose
    assert counts.preferred <= dosing.max_doses and counts.caps_mg == {}


def test_a_short_day_has_room_for_fewer_doses() -> None:
    pick = pick_forms(K, ("anxiety",), owned=(), forced=None, avoid_laxative=False)
    req = PlanRequest(goals=("anxiety",), target_mg=600)
    assert dose_counts(K, req, pick, 600.0, _day()).preferred == 4  # at most max_doses
    # one more dose for every waking_min_per_dose of the day: 8 hours hold three
    assert dose_counts(K, req, pick, 600.0, _day(waking_min=8 * 60)).preferred == 3


def test_a_form_held_to_its_studied_amount_gets_few_doses_and_a_cap() -> None:
    pick = pick_forms(K, ("cognition",), owned=(), forced=None, avoid_laxative=False)
    counts = dose_counts(K, PlanRequest(goals=("cognition",)), pick, 350.0, _day())
    assert counts.caps_mg == {"l-threonate": 144}
    assert counts.most == {"l-threonate": 1}


def test_laxative_doses_come_first_and_only_the_last_calming_dose_at_bedtime() -> None:
    pick = pick_forms(K, ("constipation", "sleep"), owned=(), forced=None, avoid_laxative=False)
    slots = dose_slots(K, pick, 4)
    assert [(s.form, s.kind) for s in slots] == [
        ("citrate", "early"),
        ("citrate", "early"),
        ("glycinate", "any"),
        ("glycinate", "bedtime"),
    ]
    assert form_kind(K, "oxide", ("sleep",)) == "early"  # a marked laxative, whatever the goal
