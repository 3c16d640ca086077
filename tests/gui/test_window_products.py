"""The person's own products, in the products table: a new row counts only once its form is
chosen; the compound weight, half tablets and the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.qtbot import QtBot

from magplan.gui.main_window import MainWindow
from magplan.gui.products_model import CHOOSE_FORM, FORM, HALVES, MG, MG_OF, UNIT
from tests.gui.helpers import (
    cell_mark,
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
    choose(qtbot, _combo(focused()), "citrate")
    assert _doses(window) == before  # no amount yet: nothing the person did not give
    assert "mg are given" in editor.info.text()
    retype(qtbot, click_cell(qtbot, editor.table, 0, MG), "100")
    assert all(form == "citrate" for _, form, _, _ in _doses(window))
    choose(qtbot, _combo(click_cell(qtbot, editor.table, 0, FORM)), None)
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
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # what the label's number is, then the number
    assert focused().accessibleName() == "Product 1 label gives"
    for name in ("Product 1 mg per unit", "Product 1 unit"):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert focused().accessibleName() == name
        if name == "Product 1 mg per unit":
            qtbot.keyClicks(focused(), "120")
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
    retype(qtbot, click_cell(qtbot, editor.table, 0, MG), "100")
    kept = window.current_plan()
    retype(qtbot, focused(), "0.5")  # the amount's editor is still open
    message = editor.model.index(0, MG).data(Qt.ItemDataRole.ToolTipRole)
    assert "mg per unit" in message.lower()
    assert message in editor.problems.text()
    assert window.current_plan() is kept
    assert window.current_request() is None


def _accessible_name(widget: QWidget) -> str:
    """The name a screen reader reads for ``widget`` (what Qt's accessibility gives it)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name)


def test_a_product_rows_choices_are_read_by_their_field_and_value(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Qt names a combo box after its value alone ("capsule"); a row's combo boxes say which
    field of which row they are."""
    editor = window.products_editor
    click(qtbot, editor.add_button)
    form = _combo(focused())
    assert _accessible_name(form) == f"Product 1 form: {CHOOSE_FORM}"
    choose(qtbot, form, "citrate")
    assert _accessible_name(form) == f"Product 1 form: {form.currentText()}"
    interface = QAccessible.queryAccessibleInterface(form)
    assert interface.text(QAccessible.Text.Value) == form.currentText()
    assert interface.role() == QAccessible.Role.ComboBox
    choices = interface.child(interface.childCount() - 1)
    assert choices is not None and choices.object() is form.view()

    label_gives = _combo(click_cell(qtbot, editor.table, 0, MG_OF))
    assert _accessible_name(label_gives) == "Product 1 label gives: elemental magnesium"
    unit = _combo(click_cell(qtbot, editor.table, 0, UNIT))
    assert _accessible_name(unit) == "Product 1 unit: capsule"
    assert unit.lineEdit() is not None and unit.lineEdit().accessibleName() == "Product 1 unit"


def test_a_product_rows_cells_are_read_by_their_field_and_value(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = window.products_editor
    click(qtbot, editor.add_button)
    choose(qtbot, _combo(focused()), "citrate")
    retype(qtbot, click_cell(qtbot, editor.table, 0, MG), "100")
    model = editor.model
    text = Qt.ItemDataRole.AccessibleTextRole
    assert model.index(0, FORM).data(text) == f"Product 1 form: {cell_text(editor.table, 0, FORM)}"
    assert model.index(0, MG_OF).data(text) == "Product 1 label gives: elemental"
    assert model.index(0, MG).data(text) == "Product 1 mg per unit: 100"
    assert model.index(0, HALVES).data(text) == "Product 1 can be halved"  # with its tick
    description = Qt.ItemDataRole.AccessibleDescriptionRole
    helped = model.index(0, MG).data(description)

    retype(qtbot, focused(), "0.5")  # the amount's editor is still open
    message = cell_mark(editor.table, 0, MG)
    assert message and model.index(0, MG).data(description) == (
        f"The mg per unit the label gives. Problem: {message}"  # the column's help, then why
    )
    assert focused().accessibleDescription() == model.index(0, MG).data(description)
    retype(qtbot, focused(), "100")
    assert model.index(0, MG).data(description) == helped
