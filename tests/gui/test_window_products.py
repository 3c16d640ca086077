"""The person's own products, in the products table: a new row counts only once its form is
chosen; the compound weight, half tablets and the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from magplan.gui.main_window import MainWindow
from magplan.gui.products_model import CHOOSE_FORM, FORM, HALVES, MG, UNIT
from tests.gui.helpers import (
    cell_text,
    choose,
    click,
    click_cell,
    focused,
    retype,
    schedule_rows,
    warning_texts,
)


def _doses(window: MainWindow) -> list[tuple[str, str, float, str]]:
    plan = window.current_plan()
    assert plan is not None
    return [(d.time, d.form, d.units, d.unit) for d in plan.doses]


def _combo(widget: object) -> QComboBox:
    assert isinstance(widget, QComboBox)
    return widget


def test_a_new_product_row_changes_nothing_until_a_form_is_chosen(
    qtbot: QtBot, window: MainWindow
) -> None:
    click(qtbot, window.goals_panel.box("constipation"))  # sleep and constipation
    before = _doses(window)
    assert {form for _, form, _, _ in before} == {"citrate", "glycinate"}
    shown = schedule_rows(window)

    editor = window.products_editor
    click(qtbot, editor.add_button)
    form_combo = _combo(focused())
    assert form_combo.accessibleName() == "Product 1 form"
    assert form_combo.currentText() == CHOOSE_FORM
    assert cell_text(editor.table, 0, FORM) == CHOOSE_FORM
    assert editor.info.isVisible() and "until a form is chosen" in editor.info.text()
    retype(qtbot, click_cell(qtbot, editor.table, 0, MG), "120")  # the rest first: no change

    assert cell_text(editor.table, 0, MG) == "120"
    assert _doses(window) == before  # sleep's glycinate is still planned
    assert schedule_rows(window) == shown
    assert window.marks.marked() == {}
    assert not window.result_panel.problem_note.isVisible()
    request = window.current_request()
    assert request is not None and request.products == ()
    assert "until a form is chosen" in editor.info.text()

    choose(qtbot, _combo(click_cell(qtbot, editor.table, 0, FORM)), "glycinate")
    request = window.current_request()
    assert request is not None
    assert [(p.form, p.elemental_mg_per_unit) for p in request.products] == [("glycinate", 120)]
    after = _doses(window)
    assert after and all(form == "glycinate" and unit == "capsule" for _, form, _, unit in after)
    # constipation is not served by glycinate alone, and the plan says so
    assert any("constipation" in t.lower() for t in warning_texts(window))
    plan = window.current_plan()
    assert plan is not None and plan.warning("goal-not-served") is not None


def test_choosing_no_form_again_takes_the_product_out_of_the_plan(
    qtbot: QtBot, window: MainWindow
) -> None:
    before = _doses(window)
    editor = window.products_editor
    click(qtbot, editor.add_button)
    form_combo = _combo(focused())
    choose(qtbot, form_combo, "citrate")
    assert all(form == "citrate" for _, form, _, _ in _doses(window))
    choose(qtbot, form_combo, None)
    assert cell_text(editor.table, 0, FORM) == CHOOSE_FORM
    assert _doses(window) == before
    assert window.marks.marked() == {}


def test_half_tablets_and_the_unit_change_what_is_taken(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.products_editor
    click(qtbot, editor.add_button)
    choose(qtbot, _combo(focused()), "citrate")
    retype(qtbot, click_cell(qtbot, editor.table, 0, MG), "100")
    unit = _combo(click_cell(qtbot, editor.table, 0, UNIT))
    assert unit.accessibleName() == "Product 1 unit"
    retype(qtbot, unit, "tablet")
    assert {u for _, _, _, u in _doses(window)} == {"tablet"}
    assert all(units == int(units) for _, _, units, _ in _doses(window))

    click_cell(qtbot, editor.table, 0, HALVES)  # the mouse ticks "can be halved"
    qtbot.keyClick(editor.table, Qt.Key.Key_Space)  # and Space unticks it, and again
    qtbot.keyClick(editor.table, Qt.Key.Key_Space)
    request = window.current_request()
    assert request is not None and request.products[0].halves
    assert editor.model.index(0, HALVES).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Checked
    )
    assert editor.model.index(0, HALVES).data(Qt.ItemDataRole.ToolTipRole) == "Can be halved"


def test_products_are_added_and_removed_with_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.products_editor
    editor.add_button.setFocus()
    qtbot.keyClick(editor.add_button, Qt.Key.Key_Space)
    choose(qtbot, _combo(focused()), "glycinate")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused().accessibleName() == "Product 1 mg per unit"
    for name in ("Product 1 mg of", "Product 1 unit"):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert focused().accessibleName() == name
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is editor.table and editor.table.currentIndex().column() == HALVES
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused().accessibleName() == "Product 1 name"
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # out of the table
    assert focused() is editor.add_button
    assert len(editor.model.products()) == 1

    click_cell(qtbot, editor.table, 0, HALVES)
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    assert editor.model.rowCount() == 0
    request = window.current_request()
    assert request is not None and request.products == ()


def test_an_amount_the_label_cannot_give_is_marked_at_its_cell(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = window.products_editor
    click(qtbot, editor.add_button)
    choose(qtbot, _combo(focused()), "citrate")
    kept = window.current_plan()
    retype(qtbot, click_cell(qtbot, editor.table, 0, MG), "0")
    message = editor.model.index(0, MG).data(Qt.ItemDataRole.ToolTipRole)
    assert "mg per unit" in message
    assert message in editor.problems.text()
    assert window.current_plan() is kept
    assert window.current_request() is None
