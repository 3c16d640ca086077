"""The person's own products: a new row counts only once its form is chosen."""

from __future__ import annotations

from helpers import choose, click, retype, schedule_rows, warning_texts
from pytestqt.qtbot import QtBot

from magplan.gui.main_window import MainWindow
from magplan.gui.products_editor import CHOOSE_FORM


def _doses(window: MainWindow) -> list[tuple[str, str, float, str]]:
    plan = window.current_plan()
    assert plan is not None
    return [(d.time, d.form, d.units, d.unit) for d in plan.doses]


def test_a_new_product_row_changes_nothing_until_a_form_is_chosen(
    qtbot: QtBot, window: MainWindow
) -> None:
    click(qtbot, window.goals_panel.box("constipation"))  # sleep and constipation
    before = _doses(window)
    assert {form for _, form, _, _ in before} == {"citrate", "glycinate"}
    shown = schedule_rows(window)

    editor = window.products_editor
    click(qtbot, editor.add_button)
    row = editor.rows[-1]
    assert row.form_combo.hasFocus()
    assert row.form_combo.currentText() == CHOOSE_FORM
    assert row.form() is None
    assert row.info.isVisible() and "until a form is chosen" in row.info.text()
    retype(qtbot, row.mg_spin, "120")  # filling in the rest first changes nothing either

    assert _doses(window) == before  # sleep's glycinate is still planned
    assert schedule_rows(window) == shown
    assert window.marks.marked() == {}
    assert not window.result_panel.problem_note.isVisible()
    request = window.current_request()
    assert request is not None and request.products == ()
    assert "until a form is chosen" in row.info.text()

    choose(qtbot, row.form_combo, "glycinate")
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
    click(qtbot, window.products_editor.add_button)
    row = window.products_editor.rows[-1]
    choose(qtbot, row.form_combo, "citrate")
    assert all(form == "citrate" for _, form, _, _ in _doses(window))
    choose(qtbot, row.form_combo, None)
    assert _doses(window) == before
    assert window.marks.marked() == {}
