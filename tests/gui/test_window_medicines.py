"""Medicine names the planner does not know, stated spacings and weekday-only medicines,
driven from the keyboard and the mouse as a user would."""

from __future__ import annotations

from itertools import pairwise

from helpers import click, gap_min, retype, schedule_rows, type_into, warning_texts
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from magplan.core.plan import Plan
from magplan.core.request import MedicineTimes, PlanRequest
from magplan.gui.main_window import MainWindow
from magplan.gui.medicines_editor import MedicineRow

DEFAULT_TIMES = ["07:30", "12:30", "22:00"]


def _plan(window: MainWindow) -> Plan:
    plan = window.current_plan()
    assert plan is not None
    return plan


def _times(window: MainWindow) -> list[str]:
    return [d.time for d in _plan(window).doses]


def _new_medicine(qtbot: QtBot, window: MainWindow, name: str, times: str) -> MedicineRow:
    editor = window.medicines_editor
    click(qtbot, editor.add_button)
    row = editor.rows[-1]
    type_into(qtbot, row.name_edit, name)
    popup = row.name_edit.completer().popup()
    if popup is not None:
        popup.hide()
    type_into(qtbot, row.times_edit, times)
    return row


def test_a_misspelt_name_offers_the_known_one_and_enter_takes_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert _times(window) == DEFAULT_TIMES
    before = window.current_plan()
    row = _new_medicine(qtbot, window, "setraline", "08:00")

    assert row.name_edit.property("invalid") is True
    assert "did you mean 'sertraline'?" in row.name_message.text()
    assert row.suggest_button.isVisible()
    assert row.suggest_button.text() == "Use “sertraline”"
    assert window.current_plan() is before  # nothing planned from a name it does not know

    type_into(qtbot, row.name_edit, "")  # back in the name field
    qtbot.keyClick(row.name_edit, Qt.Key.Key_Return)
    assert row.name_edit.text() == "sertraline"
    assert not row.suggest_button.isVisible()
    assert window.marks.marked() == {}
    plan = _plan(window)
    assert [m.class_id for m in plan.medicines] == ["antidepressant"]
    assert plan.warning("antidepressant-timing") is not None
    assert all(gap_min(d.time_min, 8 * 60) >= 240 for d in plan.doses)


def test_the_suggestion_button_takes_the_known_name_in_one_click(
    qtbot: QtBot, window: MainWindow
) -> None:
    row = _new_medicine(qtbot, window, "alendronat", "07:00")
    assert row.name_edit.property("invalid") is True
    click(qtbot, row.suggest_button)
    assert row.name_edit.text() == "alendronate"
    assert [m.class_id for m in _plan(window).medicines] == ["bisphosphonate"]
    assert _times(window) == ["12:30", "18:30", "22:00"]


def test_a_magnesium_product_is_sent_to_other_magnesium(qtbot: QtBot, window: MainWindow) -> None:
    before = window.current_plan()
    row = _new_medicine(qtbot, window, "milk of magnesia", "21:00")

    assert row.name_edit.property("invalid") is True
    assert "magnesium itself" in row.name_message.text()
    assert "Magnesium from other products" in row.name_message.text()
    assert "--other-magnesium" not in row.name_message.text()
    assert not row.spacing.isVisible()  # no stated spacing for magnesium itself
    assert row.magnesium_button.isVisible()
    assert window.current_plan() is before

    click(qtbot, row.magnesium_button)
    assert window.medicines_editor.rows == []
    other = window.products_editor.other_spin
    assert QApplication.focusWidget() is other
    assert window.marks.marked() == {}
    qtbot.keyClicks(other, "100")
    assert _plan(window).other_magnesium_mg == 100
    assert _plan(window).daily_elemental_mg == 250


def test_an_unknown_name_is_kept_only_with_the_spacing_the_person_states(
    qtbot: QtBot, window: MainWindow
) -> None:
    before = window.current_plan()
    row = _new_medicine(qtbot, window, "Zorblex", "12:00")
    assert "unknown medicine 'zorblex'" in row.name_message.text().lower()
    assert not row.suggest_button.isVisible()
    assert row.spacing.isVisible()
    assert window.current_plan() is before

    type_into(qtbot, row.spacing.edit, "3")
    assert window.marks.marked() == {}
    plan = _plan(window)
    assert [(m.name, m.class_id, m.other_first_min) for m in plan.medicines] == [
        ("Zorblex", "stated", 180)
    ]
    assert all(gap_min(d.time_min, 12 * 60) >= 180 for d in plan.doses)
    stated = plan.warning("stated-separation")
    assert stated is not None and "at least 3 h from magnesium, as you stated" in stated.message
    assert "as you stated" in row.info.text()

    retype(qtbot, row.spacing.edit, "0")  # the pharmacist said no spacing is needed
    assert _times(window) == DEFAULT_TIMES  # 12:30 is back, half an hour after 12:00
    stated = _plan(window).warning("stated-separation")
    assert stated is not None and stated.severity == "info"

    kept = window.current_plan()
    retype(qtbot, row.spacing.edit, "abc")
    assert row.spacing.edit.property("invalid") is True
    assert "'abc' is not a number of hours" in row.spacing.message.text()
    assert row.name_edit.property("invalid") is False  # the mark is where the problem is
    assert window.current_plan() is kept
    retype(qtbot, row.spacing.edit, "13")
    assert "0 to 12 hours" in row.spacing.message.text()
    assert window.current_request() is None  # nothing can be saved or printed from it
    assert all(m.other_first_min <= 720 for m in _plan(window).medicines)

    retype(qtbot, row.spacing.edit, "1.5")
    assert [m.other_first_min for m in _plan(window).medicines] == [90]


def test_a_known_name_drops_a_spacing_typed_for_another(qtbot: QtBot, window: MainWindow) -> None:
    row = _new_medicine(qtbot, window, "Zorblex", "12:00")
    type_into(qtbot, row.spacing.edit, "0")
    assert _times(window) == DEFAULT_TIMES
    retype(qtbot, row.name_edit, "calcium")
    row.name_edit.completer().popup().hide()
    assert not row.spacing.isVisible()
    assert row.spacing.edit.text() == ""
    assert window.marks.marked() == {}
    plan = _plan(window)
    assert [(m.class_id, m.other_first_min) for m in plan.medicines] == [("calcium", 120)]
    assert all(gap_min(d.time_min, 12 * 60) >= 120 for d in plan.doses)


def test_a_weekly_medicine_moves_the_doses_on_its_day_only(
    qtbot: QtBot, window: MainWindow
) -> None:
    row = _new_medicine(qtbot, window, "alendronate", "07:00")
    assert _times(window) == ["12:30", "18:30", "22:00"]  # every day, as typed so far
    every_day = window.current_plan()

    row.days.combo.setFocus()
    qtbot.keyClick(row.days.combo, Qt.Key.Key_Down)
    assert row.days.combo.currentText() == "Some days only"
    assert row.days.days_row.isVisible()
    assert row.days.combo.property("invalid") is True  # no day ticked yet
    assert "Tick the days" in row.days.message.text()
    assert window.current_plan() is every_day

    click(qtbot, row.days.day_boxes[0])  # Monday
    assert window.marks.marked() == {}
    plan = _plan(window)
    assert [m.weekdays for m in plan.medicines] == [(0,)]
    assert _times(window) == DEFAULT_TIMES  # the other six days
    assert [(w.weekdays, w.times_min) for w in plan.weekday_times] == [
        ((0,), (12 * 60 + 30, 18 * 60 + 30, 22 * 60))
    ]
    assert [r["Time"] for r in schedule_rows(window)] == [
        "07:30\nMon: 12:30",
        "12:30\nMon: 18:30",
        "22:00 (bedtime)",
    ]
    assert any(t.startswith("CAUTION: On Mondays (alendronate)") for t in warning_texts(window))
    assert "taken on Mondays only" in row.info.text()
    assert "alendronate at 07:00 on Mondays only" in (
        window.result_panel.timeline.accessibleDescription()
    )

    qtbot.keyClick(row.days.combo, Qt.Key.Key_Up)  # back to every day
    assert not row.days.days_row.isVisible()
    assert _times(window) == ["12:30", "18:30", "22:00"]
    assert _plan(window).weekday_times == ()


def test_loading_restores_weekdays_and_a_stated_spacing(qtbot: QtBot, window: MainWindow) -> None:
    request = PlanRequest(
        medicines=(
            MedicineTimes(
                name="alendronate", class_id="bisphosphonate", times_min=(420,), weekdays=(0, 3)
            ),
            MedicineTimes(name="Zorblex", class_id="stated", times_min=(720,), spacing_min=90),
        )
    )
    with qtbot.assertNotEmitted(window.inputsChanged):
        window.set_inputs(request)
    weekly, stated = window.medicines_editor.rows
    assert weekly.days.combo.currentText() == "Some days only"
    assert [box.isChecked() for box in weekly.days.day_boxes] == [
        True,
        False,
        False,
        True,
        False,
        False,
        False,
    ]
    assert weekly.days.days_row.isVisible()
    assert not weekly.spacing.isVisible()
    assert stated.spacing.isVisible()
    assert stated.spacing.edit.text() == "1.5"
    assert stated.days.combo.currentText() == "Every day"
    assert window.current_request() == request
    assert {m.name: m.other_first_min for m in _plan(window).medicines} == {
        "alendronate": 240,
        "Zorblex": 90,
    }


def test_the_new_controls_are_named_and_reached_with_tab(qtbot: QtBot, window: MainWindow) -> None:
    row = _new_medicine(qtbot, window, "setraline", "08:00")
    row.days.combo.setFocus()
    qtbot.keyClick(row.days.combo, Qt.Key.Key_Down)  # some days only
    controls = [
        w
        for w in row.findChildren(QWidget)
        if isinstance(w, (QAbstractButton, QLineEdit, QComboBox)) and w.isVisible()
    ]
    assert {w.accessibleName() for w in controls} >= {
        "Medicine 1 name",
        "Medicine 1 spacing from magnesium in hours",
        "Medicine 1: use the name sertraline",
        "Medicine 1 taken on",
        "Medicine 1 taken on Mondays",
        "Medicine 1 taken on Sundays",
    }
    assert all(w.accessibleName() for w in controls)

    order = [row.name_edit, row.times_edit, row.remove_button, row.suggest_button]
    order += [row.spacing.edit, row.days.combo, *row.days.day_boxes]
    order.append(window.medicines_editor.add_button)
    row.name_edit.setFocus()
    for here, there in pairwise(order):
        assert QApplication.focusWidget() is here
        qtbot.keyClick(here, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is there


def test_a_plan_with_no_doses_points_to_the_warning_that_says_why(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.set_inputs(
        PlanRequest(
            medicines=(MedicineTimes(name="Isentress", class_id="raltegravir", times_min=(480,)),)
        )
    )
    plan = window.current_plan()
    assert plan is not None and not plan.doses and not plan.blocked
    table = window.result_panel.schedule_table
    assert table.empty_text.startswith("No doses: see the warnings below")
    assert window.result_panel.warnings_list.verticalScrollBar().value() == 0
    assert any("raltegravir" in text.lower() for text in warning_texts(window))
