"""How Edit ▸ Undo names a change of the inputs: by what changed, whatever made the change."""

from __future__ import annotations

import pytest

from magplan.core.knowledge import load_knowledge
from magplan.core.request import MedicineTimes, PlanRequest, make_product
from magplan.gui.input_changes import InputState, TableRows, describe_change
from magplan.gui.products_model import ProductRow

K = load_knowledge()
IRON = MedicineTimes(name="iron", class_id="iron", times_min=(600,))
ZINC = MedicineTimes(name="zinc", class_id="zinc", times_min=(720,))


def change(before: dict[str, object], after: dict[str, object], **names: str) -> str:
    old = InputState(PlanRequest(**before))  # type: ignore[arg-type]
    new = InputState(PlanRequest(**after), **names)  # type: ignore[arg-type]
    return describe_change(old, new, K)


@pytest.mark.parametrize(
    ("before", "after", "text"),
    [
        ({}, {"age_years": 42}, "Age"),
        ({}, {"wake_min": 360}, "Wake time"),
        ({}, {"meals_min": ()}, "Meal times"),
        ({}, {"target_mg": 200.0}, "Daily amount"),
        ({}, {"limit": "eu"}, "Upper limit"),
        ({}, {"other_magnesium_mg": 40.0}, "Magnesium from other products"),
        ({}, {"goals": ("sleep", "constipation")}, "Tick Constipation"),
        ({"goals": ("sleep", "cramps")}, {"goals": ("cramps",)}, "Untick Sleep"),
        ({"goals": ("sleep", "cramps")}, {"goals": ("cramps", "sleep")}, "Goals"),
        ({}, {"pregnant": True}, "Tick Pregnant"),
        ({}, {"conditions": ("kidney-disease",)}, "Tick Kidney disease"),
        ({}, {"medicines": (IRON,)}, "Add medicine"),
        ({"medicines": (IRON, ZINC)}, {"medicines": (ZINC,)}, "Remove medicine"),
        ({"medicines": (IRON, ZINC)}, {"medicines": (IRON, IRON)}, "Medicine 2"),
        ({"medicines": (IRON, ZINC)}, {"medicines": (ZINC, IRON)}, "Medicines"),
        ({"medicines": (IRON, ZINC)}, {"medicines": ()}, "Medicines"),
        ({}, {"products": (make_product(K, "citrate", 100),)}, "Add product"),
        ({}, {"age_years": 42, "sex": "male"}, "Age, Sex"),
        ({}, {"age_years": 42, "sex": "male", "wake_min": 1, "bed_min": 2}, "Several inputs"),
        ({}, {}, ""),
    ],
)
def test_a_change_is_named_by_what_changed(
    before: dict[str, object], after: dict[str, object], text: str
) -> None:
    assert change(before, after) == text


def test_the_card_names_are_inputs_too() -> None:
    assert change({}, {}, person_name="Maria Jensen") == "Name"
    assert change({}, {}, prepared_by="A. Lund, RD") == "Prepared by"


def test_supervision_is_named_for_the_tick_that_brought_the_clinician() -> None:
    supervised = {"supervised": True, "supervised_by": "Dr Lund"}
    assert change({}, supervised, prepared_by="Dr Lund") == "Tick Prescribed and supervised"
    assert change(supervised, {}) == "Untick Prescribed and supervised"


def test_a_row_being_filled_in_is_named_by_the_table_s_rows_as_entered() -> None:
    citrate = make_product(K, "citrate", 100)
    empty, chosen = ProductRow(), ProductRow(form="citrate")
    complete = ProductRow(form="citrate", mg=100)

    def step(old: TableRows, new: TableRows, products: tuple[object, ...] = ()) -> str:
        before = InputState(PlanRequest(), rows=old)
        after = InputState(PlanRequest(products=products), rows=new)  # type: ignore[arg-type]
        return describe_change(before, after, K)

    assert step(TableRows(), TableRows(products=(empty,))) == "Add product"
    assert step(TableRows(products=(empty,)), TableRows(products=(chosen,))) == "Product 1"
    done = step(TableRows(products=(chosen,)), TableRows(products=(complete,)), (citrate,))
    assert done == "Product 1"  # the row was added before: its mg are no second "Add"
