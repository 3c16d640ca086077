"""core/units.py: the day's amount divided into whole (or half) units of the person's own
products, never more than the target, a dose's maximum or a form's daily maximum."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from magplan.core.request import Product
from magplan.core.units import Portion, SlotProduct, portion_doses

MG_STEP = 5.0  # a dose without a product is measured in 5 mg steps


def slot(
    form: str = "glycinate", product: Product | None = None, *, late: bool = False
) -> SlotProduct:
    return SlotProduct(form=form, product=product, prefer_late=late)


def mg_of(portions: list[Portion]) -> list[float]:
    return [p.elemental_mg for p in portions]


def test_without_products_the_amount_is_split_evenly_in_5_mg_steps() -> None:
    portions = portion_doses(
        [slot(), slot(), slot()], target=350, max_dose_mg=300, no_product_step_mg=MG_STEP
    )
    # 350 / 3 = 116.7: three 115 mg doses, and the last 5 mg step to the earliest dose
    assert mg_of(portions) == [120.0, 115.0, 115.0]
    first = portions[0]
    assert (first.units, first.unit, first.unit_step) == (120.0, "mg", MG_STEP)
    assert (first.elemental_mg_per_unit, first.label, first.compound_mg) == (1.0, "", None)


def test_a_bedtime_form_takes_the_last_step_on_its_later_dose() -> None:
    slots = [slot(late=True), slot(late=True), slot(late=True)]
    portions = portion_doses(slots, target=350, max_dose_mg=300, no_product_step_mg=MG_STEP)
    assert mg_of(portions) == [115.0, 115.0, 120.0]


def test_half_tablets_count_in_halves_and_carry_the_label_and_compound() -> None:
    citrate = Product(
        form="citrate",
        elemental_mg_per_unit=100,
        unit="tablet",
        halves=True,
        compound_mg_per_unit=625,
        label="Citrate 100",
    )
    portions = portion_doses(
        [slot("citrate", citrate), slot("citrate", citrate)],
        target=300,
        max_dose_mg=300,
        no_product_step_mg=MG_STEP,
    )
    assert [(p.units, p.unit, p.unit_step) for p in portions] == [(1.5, "tablet", 0.5)] * 2
    assert mg_of(portions) == [150.0, 150.0]
    assert [p.compound_mg for p in portions] == [937.5, 937.5]
    assert {p.label for p in portions} == {"Citrate 100"}


def test_whole_capsules_round_the_day_down_never_up() -> None:
    capsule = Product(form="glycinate", elemental_mg_per_unit=120)
    portions = portion_doses(
        [slot(product=capsule), slot(product=capsule)],
        target=300,
        max_dose_mg=300,
        no_product_step_mg=MG_STEP,
    )
    # a third capsule would make 360 mg: the day stays at 240 mg
    assert [p.units for p in portions] == [1.0, 1.0]
    assert sum(mg_of(portions)) == 240.0


def test_no_dose_is_larger_than_the_dose_maximum() -> None:
    portions = portion_doses([slot()], target=400, max_dose_mg=250, no_product_step_mg=MG_STEP)
    assert mg_of(portions) == [250.0]


def test_a_form_with_a_daily_maximum_leaves_the_rest_to_the_other_form() -> None:
    slots = [slot("citrate"), slot("glycinate"), slot("glycinate")]
    portions = portion_doses(
        slots,
        target=400,
        max_dose_mg=300,
        no_product_step_mg=MG_STEP,
        form_max_mg={"citrate": 100},
    )
    assert mg_of(portions) == [100.0, 150.0, 150.0]


def test_a_target_below_one_step_gives_empty_doses() -> None:
    capsule = Product(form="glycinate", elemental_mg_per_unit=200)
    portions = portion_doses(
        [slot(product=capsule)], target=150, max_dose_mg=300, no_product_step_mg=MG_STEP
    )
    assert [p.units for p in portions] == [0.0]


def test_a_unit_that_does_not_divide_the_target_evenly_stays_under_it() -> None:
    third = Product(form="glycinate", elemental_mg_per_unit=33.3)
    portions = portion_doses(
        [slot(product=third)] * 3, target=200, max_dose_mg=300, no_product_step_mg=MG_STEP
    )
    assert [p.units for p in portions] == [2.0, 2.0, 2.0]
    assert math.isclose(sum(mg_of(portions)), 199.8)


products = st.one_of(
    st.none(),
    st.builds(
        Product,
        form=st.just("glycinate"),
        elemental_mg_per_unit=st.integers(min_value=10, max_value=400).map(float),
        halves=st.booleans(),
    ),
)


@given(
    chosen=st.lists(
        st.tuples(st.sampled_from(["glycinate", "citrate"]), products), min_size=1, max_size=4
    ),
    target=st.integers(min_value=5, max_value=600),
    max_dose=st.integers(min_value=50, max_value=300),
    citrate_max=st.one_of(st.none(), st.integers(min_value=0, max_value=400)),
)
def test_the_day_never_exceeds_a_limit_and_no_dose_could_take_one_more_step(
    chosen: list[tuple[str, Product | None]],
    target: int,
    max_dose: int,
    citrate_max: int | None,
) -> None:
    slots = [slot(form, p) for form, p in chosen]
    caps = {} if citrate_max is None else {"citrate": float(citrate_max)}
    portions = portion_doses(
        slots, target=target, max_dose_mg=max_dose, no_product_step_mg=MG_STEP, form_max_mg=caps
    )
    mg = mg_of(portions)
    eps = 1e-6
    assert sum(mg) <= target + eps
    assert all(m <= max_dose + eps for m in mg)
    citrate_mg = sum(m for m, s in zip(mg, slots, strict=True) if s.form == "citrate")
    assert citrate_mg <= caps.get("citrate", math.inf) + eps
    for p, s in zip(portions, slots, strict=True):
        step = s.product.step_mg if s.product else MG_STEP
        assert math.isclose(p.elemental_mg / step, round(p.elemental_mg / step), abs_tol=1e-6)
        # as close to the target as the limits allow: one more step anywhere breaks one
        room = (
            sum(mg) + step <= target + eps
            and p.elemental_mg + step <= max_dose + eps
            and (s.form != "citrate" or citrate_mg + step <= caps.get("citrate", math.inf) + eps)
        )
        assert not room
