"""Edit ▸ Undo and Redo of the inputs, driven from the keyboard as a user would: Ctrl+Z and
Ctrl+Shift+Z (or Ctrl+Y) wherever the keyboard is, a field included."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QInputDialog
from pytestqt.qtbot import QtBot

from magplan.core.request import MedicineTimes, PlanRequest
from magplan.gui.app import install_extensions
from magplan.gui.main_window import MainWindow
from magplan.gui.medicines_model import NAME, TIMES
from magplan.gui.products_model import CHOOSE_FORM, FORM, MG, MG_HINT
from magplan.gui.profile_actions import ProfileController
from magplan.profiles import Profile, ProfileStore
from tests.gui.helpers import (
    cell_text,
    choose,
    click,
    click_cell,
    focused,
    hide_completions,
    pause,
    retype,
    schedule_rows,
    type_into,
    warning_texts,
)

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def undo(qtbot: QtBot) -> None:
    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL)


def redo(qtbot: QtBot, key: Qt.Key = Qt.Key.Key_Z) -> None:
    """Ctrl+Shift+Z, or Ctrl+Y with ``key=Qt.Key.Key_Y``."""
    modifiers = CTRL | SHIFT if key == Qt.Key.Key_Z else CTRL
    qtbot.keyClick(focused(), key, modifiers)


def undo_text(window: MainWindow) -> str:
    action = window.history.undo_action
    return action.text().replace("&", "") if action.isEnabled() else ""


def redo_text(window: MainWindow) -> str:
    action = window.history.redo_action
    return action.text().replace("&", "") if action.isEnabled() else ""


def shown_plan(window: MainWindow) -> tuple[list[dict[str, str]], list[str]]:
    return schedule_rows(window), warning_texts(window)


MEDICINES = (
    MedicineTimes(name="levothyroxine", class_id="levothyroxine", times_min=(420,)),
    MedicineTimes(name="alendronate", class_id="bisphosphonate", times_min=(480,), weekdays=(0,)),
)


def test_edit_sits_after_file_with_the_standard_keys(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:2] == ["&File", "&Edit"] and titles[-1] == "&Help"
    history = window.history
    assert history.edit_menu.actions()[:2] == [history.undo_action, history.redo_action]
    undo_keys = history.undo_action.shortcuts()
    redo_keys = history.redo_action.shortcuts()
    assert undo_keys == QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)
    assert redo_keys == QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    assert QKeySequence("Ctrl+Z") in undo_keys
    assert {QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")} <= set(redo_keys)
    assert undo_text(window) == redo_text(window) == ""  # nothing to undo yet


def test_typing_an_age_then_undo_restores_the_old_age_and_its_plan(
    qtbot: QtBot, window: MainWindow
) -> None:
    age = window.person_panel.age_spin
    adult = shown_plan(window)
    retype(qtbot, age, "12")  # "1", then "12": one value typed
    child = shown_plan(window)
    assert child != adult
    assert undo_text(window) == "Undo Age"

    undo(qtbot)  # the keyboard is still in Age
    assert age.value() == 35
    assert shown_plan(window) == adult
    assert undo_text(window) == "" and redo_text(window) == "Redo Age"
    assert focused() is age  # the keyboard stays where it was

    redo(qtbot)
    assert age.value() == 12 and shown_plan(window) == child
    undo(qtbot)
    redo(qtbot, Qt.Key.Key_Y)
    assert age.value() == 12 and shown_plan(window) == child


def test_each_field_typed_in_is_a_step_of_its_own(qtbot: QtBot, window: MainWindow) -> None:
    person = window.person_panel
    retype(qtbot, person.age_spin, "70")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # Not given -> Female -> Male
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    type_into(qtbot, person.name_edit, "Karl Berg")
    assert undo_text(window) == "Undo Name"

    undo(qtbot)
    assert person.name_edit.text() == "" and person.sex_combo.currentText() == "Male"
    undo(qtbot)
    assert person.sex_combo.currentText() == "Not given" and person.age_spin.value() == 70
    undo(qtbot)
    assert person.age_spin.value() == 35
    assert undo_text(window) == ""
    for _ in range(3):
        redo(qtbot)
    assert (person.age_spin.value(), person.sex_combo.currentText()) == (70, "Male")
    assert person.name_edit.text() == "Karl Berg"


def test_typing_into_a_field_again_later_is_a_new_step(qtbot: QtBot, window: MainWindow) -> None:
    age = window.person_panel.age_spin
    retype(qtbot, age, "50")
    window.day_panel.wake_edit.setFocus()  # elsewhere, and back
    retype(qtbot, age, "60")
    undo(qtbot)
    assert age.value() == 50
    undo(qtbot)
    assert age.value() == 35


def test_removing_a_medicine_then_undo_brings_it_back_with_its_values(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.set_inputs(PlanRequest(medicines=MEDICINES))
    editor = window.medicines_editor
    table = editor.table
    with_both = shown_plan(window)

    click_cell(qtbot, table, 0, NAME)
    click(qtbot, editor.remove_button)
    assert [cell_text(table, r, NAME) for r in range(editor.model.rowCount())] == ["alendronate"]
    without = shown_plan(window)
    assert undo_text(window) == "Undo Remove medicine"

    undo(qtbot)  # from the cell the keyboard moved to
    assert editor.model.rowCount() == 2
    assert [cell_text(table, r, NAME) for r in range(2)] == ["levothyroxine", "alendronate"]
    assert [cell_text(table, r, TIMES) for r in range(2)] == ["07:00", "08:00"]
    assert window.current_request() == PlanRequest(medicines=MEDICINES)  # weekdays too
    assert shown_plan(window) == with_both

    redo(qtbot)
    assert editor.model.rowCount() == 1 and shown_plan(window) == without


def test_adding_a_product_choosing_its_form_and_typing_its_mg_are_three_steps(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = window.products_editor
    table = editor.table
    in_mg = shown_plan(window)
    click(qtbot, editor.add_button)
    assert undo_text(window) == "Undo Add product"
    form = focused()  # the new row's form, ready to choose
    assert isinstance(form, QComboBox)
    choose(qtbot, form, "citrate")
    assert undo_text(window) == "Undo Product 1"
    retype(qtbot, click_cell(qtbot, table, 0, MG), "100")
    in_tablets = shown_plan(window)
    assert in_tablets != in_mg
    assert [p.form for p in window.current_request().products] == ["citrate"]  # type: ignore[union-attr]

    undo(qtbot)  # the mg typed
    assert editor.model.rowCount() == 1 and cell_text(table, 0, FORM) == "citrate"
    assert cell_text(table, 0, MG) == MG_HINT
    assert window.current_request() == PlanRequest() and shown_plan(window) == in_mg
    undo(qtbot)  # the form chosen
    assert editor.model.rowCount() == 1 and cell_text(table, 0, FORM) == CHOOSE_FORM
    assert undo_text(window) == "Undo Add product"
    undo(qtbot)  # the row added
    assert editor.model.rowCount() == 0 and undo_text(window) == ""

    for _ in range(3):
        redo(qtbot)
    assert [cell_text(table, 0, c) for c in (FORM, MG)] == ["citrate", "100"]
    assert shown_plan(window) == in_tablets


def test_a_typed_medicine_time_is_kept_as_the_window_writes_it_not_as_a_change(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = window.medicines_editor
    click(qtbot, editor.add_button)
    qtbot.keyClicks(focused(), "calcium")
    hide_completions(focused())
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "8am")
    pause(qtbot)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # the time is written 08:00 as the cell closes
    assert cell_text(editor.table, 0, TIMES) == "08:00"
    retype(qtbot, window.person_panel.age_spin, "50")
    assert undo_text(window) == "Undo Age"  # not "Age, Medicine 1"
    undo(qtbot)
    assert undo_text(window) == "Undo Medicine 1"
    undo(qtbot)  # the name and the time typed: the plan first had them together
    assert editor.model.rowCount() == 1 and editor.model.row(0).name == ""
    undo(qtbot)
    assert editor.model.rowCount() == 0


def test_ticking_a_goal_is_undone(qtbot: QtBot, window: MainWindow) -> None:
    goals = window.goals_panel
    sleep_only = shown_plan(window)
    click(qtbot, goals.box("constipation"))
    assert undo_text(window) == "Undo Tick Constipation"
    undo(qtbot)
    assert not goals.box("constipation").isChecked()
    assert window.current_request() == PlanRequest() and shown_plan(window) == sleep_only
    redo(qtbot)
    assert window.current_request().goals == ("sleep", "constipation")  # type: ignore[union-attr]


def test_undo_while_a_field_cannot_be_read_goes_back_to_the_plan_on_screen(
    qtbot: QtBot, window: MainWindow
) -> None:
    bed = window.day_panel.bed_edit
    retype(qtbot, window.person_panel.age_spin, "50")
    retype(qtbot, bed, "23:3x")
    assert window.marks.marked()
    assert undo_text(window) == "Undo Bed time"
    assert redo_text(window) == ""

    undo(qtbot)  # the half-typed time goes; the age typed before stays
    assert bed.text() == "22:30" and not window.marks.marked()
    assert window.person_panel.age_spin.value() == 50
    assert undo_text(window) == "Undo Age"
    undo(qtbot)
    assert window.person_panel.age_spin.value() == 35


@pytest.fixture
def profiles(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, no_modal_dialogs: list[tuple[str, str]]
) -> ProfileController:
    """The window's profile actions; Save As names the profile "Anna"."""
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Anna", True)))
    (controller,) = [x for x in install_extensions(window) if isinstance(x, ProfileController)]
    return controller


def test_undo_back_to_the_saved_inputs_leaves_nothing_to_save(
    qtbot: QtBot, window: MainWindow, profiles: ProfileController
) -> None:
    retype(qtbot, window.person_panel.age_spin, "50")
    profiles.save_as_action.trigger()
    assert not window.isWindowModified()
    retype(qtbot, window.person_panel.age_spin, "60")
    assert window.isWindowModified()

    undo(qtbot)
    assert window.person_panel.age_spin.value() == 50 and not window.isWindowModified()
    undo(qtbot)
    assert window.person_panel.age_spin.value() == 35 and window.isWindowModified()
    redo(qtbot)
    assert not window.isWindowModified()


def test_opening_a_profile_or_new_starts_a_fresh_history(
    qtbot: QtBot, window: MainWindow, profiles: ProfileController
) -> None:
    ProfileStore().save(Profile(name="Bob", request=PlanRequest(age_years=60)))
    retype(qtbot, window.person_panel.age_spin, "50")
    profiles.save_as_action.trigger()
    assert profiles.open_profile("Bob")
    assert undo_text(window) == redo_text(window) == ""
    undo(qtbot)
    assert window.person_panel.age_spin.value() == 60  # Bob's, not Anna's

    retype(qtbot, window.person_panel.age_spin, "61")
    undo(qtbot)
    assert undo_text(window) == "" and redo_text(window) == "Redo Age"
    profiles.new_action.trigger()
    assert undo_text(window) == redo_text(window) == ""
