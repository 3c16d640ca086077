"""The products table's model without a window: what a row reads as, and what it shows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from magplan.core.knowledge import Knowledge, load_knowledge
from magplan.core.request import make_product
from magplan.gui.fields import Cell
from magplan.gui.products_model import (
    CHOOSE_FORM,
    COMPOUND,
    FORM,
    HALVES,
    LABEL,
    MG,
    MG_OF,
    NOT_IN_PLAN,
    ProductRow,
    ProductsModel,
    read_product,
)
from magplan.gui.table_editor import FieldNameRole, PlaceholderRole


@pytest.fixture(scope="module")
def k() -> Knowledge:
    return load_knowledge()


def test_a_row_without_a_form_is_being_filled_in_not_an_error(k: Knowledge) -> None:
    reading = read_product(k, ProductRow(mg=120))
    assert reading.product is None and reading.problems == {} and reading.info == NOT_IN_PLAN


def test_a_compound_weight_is_converted_through_the_form(k: Knowledge) -> None:
    reading = read_product(k, ProductRow("glycinate", 500, compound=True, unit=" Capsule "))
    assert reading.product is not None
    assert reading.product.compound_mg_per_unit == 500
    assert reading.product.unit == "capsule"
    assert reading.info.startswith("500 mg of magnesium glycinate")


def test_an_amount_no_label_gives_is_marked_at_the_mg(k: Knowledge) -> None:
    reading = read_product(k, ProductRow("citrate", 0))
    assert reading.product is None and list(reading.problems) == [MG]


def test_the_model_shows_a_loaded_product_and_reads_it_back(k: Knowledge) -> None:
    product = make_product(
        k, "glycinate", 500, unit="tablet", halves=True, compound=True, label="Nightly"
    )
    model = ProductsModel(k)
    model.load((product,))
    assert [model.index(0, c).data() for c in (FORM, MG, MG_OF, LABEL)] == [
        "glycinate (bisglycinate)",
        "500",
        COMPOUND,
        "Nightly",
    ]
    assert model.index(0, FORM).data(Qt.ItemDataRole.ToolTipRole) == k.forms["glycinate"].name
    assert model.index(0, HALVES).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.index(0, HALVES).data() is None
    assert model.products() == (product,)

    added = model.add_row()
    assert model.index(added, FORM).data() == CHOOSE_FORM
    assert model.index(added, FORM).data(PlaceholderRole) is True
    assert model.index(added, MG).data(FieldNameRole) == "Product 2 mg per unit"
    assert model.products() == (product,)
    model.setData(model.index(added, FORM), "citrate")
    assert model.index(added, MG).data(PlaceholderRole) is True  # no amount until typed
    assert model.products() == (product,)  # a form alone plans nothing
    model.setData(model.index(added, MG), 0.5)  # less than any label gives
    assert list(model.errors()) == [Cell(model, added, MG)]
    assert model.first_chosen() == 0
