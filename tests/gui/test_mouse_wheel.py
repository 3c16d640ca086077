"""The mouse wheel over a field the user has not focused changes nothing (it scrolls the
inputs instead); a focused field still takes the wheel."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QDoubleSpinBox
from pytestqt.qtbot import QtBot

from magplan.core.knowledge import load_knowledge
from magplan.core.request import PlanRequest, make_product
from magplan.gui.main_window import MainWindow
from magplan.gui.products_model import MG
from tests.gui.helpers import cell_text, click_cell, wheel


def test_the_wheel_over_an_unfocused_field_changes_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show()
    qtbot.waitExposed(window)
    age = window.person_panel.age_spin
    before_plan = window.current_plan()
    age.clearFocus()
    assert not age.hasFocus()
    wheel(age, -3)
    assert age.value() == 35 and not age.hasFocus()
    assert window.current_plan() == before_plan
    age.setFocus()
    qtbot.waitUntil(age.hasFocus)
    wheel(age, -3)  # a field the user chose takes the wheel as usual
    assert age.value() == 32


def test_the_wheel_changes_a_product_amount_only_while_it_is_being_edited(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.set_inputs(PlanRequest(products=(make_product(load_knowledge(), "citrate", 100),)))
    table = window.products_editor.table
    window.inputs_scroll.ensureWidgetVisible(table)
    spin = click_cell(qtbot, table, 0, MG)
    assert isinstance(spin, QDoubleSpinBox) and spin.hasFocus()
    wheel(spin, 3)  # the field being edited takes the wheel
    assert cell_text(table, 0, MG) == "103"

    window.person_panel.name_edit.setFocus()  # the keyboard goes elsewhere: the editor closes
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    cell = table.visualRect(table.model().index(0, MG))
    wheel(table.viewport(), -3, at=cell.center())
    assert cell_text(table, 0, MG) == "103"
    request = window.current_request()
    assert request is not None and request.products[0].elemental_mg_per_unit == 103
