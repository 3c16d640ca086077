"""Forms planned up to the amount studied (L-threonate: 144 mg, about 2 g of the compound, a
day), what fills the rest, and products whose one unit is more than a dose may be."""

from __future__ import annotations

from magplan.core.forms import FormPick, pick_forms
from magplan.core.request import PlanRequest, make_product
from magplan.core.schedule import DoseSlot
from magplan.core.studied_amounts import (
    cap_below_one_unit,
    capped,
    daily_cap_mg,
    filler,
    studied_amount,
    unusable,
)
from magplan.core.units import Portion
from tests.core.helpers import K


def _pick(*goals: str, owned: tuple[str, ...] = ()) -> FormPick:
    return pick_forms(K, goals, owned=owned, forced=None, avoid_laxative=False)


def _mg(form: str, mg: float) -> Portion:
    return Portion(
        form=form,
        units=mg,
        unit="mg",
        unit_step=5,
        elemental_mg_per_unit=1.0,
        label="",
        compound_mg=None,
    )


def test_l_threonate_is_held_to_144_mg_a_day_and_other_forms_to_nothing() -> None:
    assert daily_cap_mg(K, "l-threonate", None) == 144
    assert daily_cap_mg(K, "glycinate", None) is None
    assert daily_cap_mg(K, "citrate", make_product(K, "citrate", 100)) is None


def test_a_label_giving_the_compound_weight_is_held_to_about_2_g_of_it() -> None:
    capsule = make_product(K, "l-threonate", 667, compound=True)  # 55.4 mg of magnesium
    cap = daily_cap_mg(K, "l-threonate", capsule)
    assert cap is not None
    assert round(cap, 2) == round(2000 * 1.01 * 55.4 / 667, 2) == 167.78
    assert 3 * capsule.elemental_mg_per_unit <= cap < 4 * capsule.elemental_mg_per_unit


def test_the_studied_amount_is_said_by_the_label_when_it_gives_the_compound() -> None:
    assert studied_amount(K, "l-threonate", None) == (
        "at most 144 mg of magnesium a day (about 2 g of the compound)"
    )
    capsule = make_product(K, "l-threonate", 667, compound=True)
    assert studied_amount(K, "l-threonate", capsule) == (
        "about 2 g of the compound a day, by your product's label"
    )


def test_glycinate_fills_the_rest_beside_l_threonate_for_cognition() -> None:
    pick = _pick("cognition")
    assert pick.forms == ("l-threonate",)
    assert filler(K, pick, "l-threonate", owned_only=False) == "glycinate"


def test_only_a_form_the_person_owns_fills_the_rest_when_owned_only() -> None:
    pick = _pick("cognition", owned=("l-threonate",))
    assert filler(K, pick, "l-threonate", owned_only=False) == "glycinate"
    assert filler(K, pick, "l-threonate", owned_only=True) is None


def test_a_form_held_below_its_share_says_what_the_plan_gives_instead() -> None:
    slots = [DoseSlot(form="l-threonate", goals=("cognition",), kind="any")]
    said = capped(
        K,
        PlanRequest(goals=("cognition",)),
        _pick("cognition"),
        slots,
        [_mg("l-threonate", 144)],
        350.0,
        350.0,
    )
    assert [(w.code, w.severity, w.sources) for w in said] == [
        ("form-daily-maximum", "info", ("LIU2016",))
    ]
    assert said[0].message == (
        "Magnesium L-threonate is planned up to the amount studied: at most 144 mg of magnesium "
        "a day (about 2 g of the compound). The plan gives 144 mg a day instead of 350 mg; "
        "magnesium glycinate would serve cognition / memory for the rest."
    )


def test_a_second_form_in_the_plan_fills_the_rest() -> None:
    slots = [
        DoseSlot(form="l-threonate", goals=("cognition",), kind="any"),
        DoseSlot(form="glycinate", goals=("sleep",), kind="bedtime"),
    ]
    portions = [_mg("l-threonate", 144), _mg("glycinate", 206)]
    said = capped(
        K,
        PlanRequest(goals=("cognition", "sleep")),
        _pick("cognition", "sleep"),
        slots,
        portions,
        350.0,
        350.0,
    )
    assert len(said) == 1
    assert said[0].message.endswith(
        "(about 2 g of the compound). Magnesium glycinate fills the rest of the day's amount."
    )


def test_a_share_within_the_studied_amount_says_nothing() -> None:
    slots = [DoseSlot(form="l-threonate", goals=("cognition",), kind="any")]
    req = PlanRequest(goals=("cognition",), target_mg=140)
    assert capped(K, req, _pick("cognition"), slots, [_mg("l-threonate", 140)], 140.0, 140.0) == []


def test_a_unit_above_the_studied_amount_leaves_its_form_without_a_dose() -> None:
    big = make_product(K, "l-threonate", 200)
    req = PlanRequest(goals=("cognition",), products=(big,))
    said = cap_below_one_unit(K, req, _pick("cognition", owned=("l-threonate",)), [])
    assert [(w.code, w.severity) for w in said] == [("unit-too-large", "caution")]
    assert said[0].message.startswith(
        "One capsule of your magnesium L-threonate holds 200 mg of magnesium, more than the "
        "amount studied (at most 144 mg"
    )
    small = PlanRequest(goals=("cognition",), products=(make_product(K, "l-threonate", 140),))
    assert cap_below_one_unit(K, small, _pick("cognition", owned=("l-threonate",)), []) == []


def test_a_unit_larger_than_a_dose_may_be_is_not_planned() -> None:
    tablet = make_product(K, "glycinate", 400, unit="tablet")
    req = PlanRequest(goals=("sleep",), products=(tablet,))
    said = unusable(K, req, _pick("sleep", owned=("glycinate",)), [], 350.0)
    assert [(w.code, w.severity, w.sources) for w in said] == [
        ("unit-too-large", "caution", ("SEED",))
    ]
    assert said[0].message.startswith(
        "One tablet of your magnesium glycinate (bisglycinate) holds 400 mg, more than a dose "
        "may be here (300 mg)"
    )
    halves = PlanRequest(
        goals=("sleep",), products=(make_product(K, "glycinate", 400, unit="tablet", halves=True),)
    )
    assert unusable(K, halves, _pick("sleep", owned=("glycinate",)), [], 350.0) == []
