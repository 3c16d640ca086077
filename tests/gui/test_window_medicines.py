"""Medicine names the planner does not know, stated spacings and weekday-only medicines,
driven from the keyboard and the mouse as a user would, in the medicines table."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from magplan.core.plan import Plan
from magplan.core.request import MedicineTimes, PlanRequest
from magplan.gui.main_window import MainWindow
from magplan.gui.medicines_model import DAYS, NAME, SPACING, TIMES
from tests.gui.helpers import (
    cell_mark,
    cell_takes_input,
    cell_text,
    click,
    click_cell,
    focused,
    gap_min,
    hide_completions,
    pause,
    retype,
    schedule_rows,
    warning_texts,
)

DEFAULT_TIMES = ["07:30", "12:30", "22:00"]


def _plan(window: MainWindow) -> Plan:
    plan = window.current_plan()
    assert plan is not None
    return plan


def _times(window: MainWindow) -> list[str]:
    return [d.time for d in _plan(window).doses]


def _new_medicine(qtbot: QtBot, window: MainWindow, name: str, times: str) -> int:
    """Add a row with the button, type the name, Tab, type the times; the row's number."""
    editor = window.medicines_editor
    click(qtbot, editor.add_button)
    row = editor.model.rowCount() - 1
    name_edit = focused()
    assert name_edit.accessibleName() == f"Medicine {row + 1} name"
    qtbot.keyClicks(name_edit, name)
    hide_completions(name_edit)
    qtbot.keyClick(name_edit, Qt.Key.Key_Tab)
    times_edit = focused()
    assert times_edit.accessibleName() == f"Medicine {row + 1} times"
    qtbot.keyClicks(times_edit, times)
    pause(qtbot)
    return row


def test_a_misspelt_name_offers_the_known_one_and_enter_takes_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert _times(window) == DEFAULT_TIMES
    before = window.current_plan()
    editor = window.medicines_editor
    row = _new_medicine(qtbot, window, "setraline", "08:00")

    assert "did you mean 'sertraline'?" in cell_mark(editor.table, row, NAME)
    assert "Medicine 1 name: Unknown medicine 'setraline': did you mean 'sertraline'?" in (
        editor.problems.text()
    )
    assert editor.problems.isVisible()
    assert editor.suggest_button.isVisible()
    assert editor.suggest_button.text() == "Use “sertraline”"
    assert window.current_plan() is before  # nothing planned from a name it does not know

    name_edit = click_cell(qtbot, editor.table, row, NAME)  # back in the name field
    qtbot.keyClick(name_edit, Qt.Key.Key_Return)
    assert isinstance(name_edit, QLineEdit) and name_edit.text() == "sertraline"
    assert cell_text(editor.table, row, NAME) == "sertraline"
    assert not editor.suggest_button.isVisible()
    assert not editor.problems.isVisible()
    assert window.marks.marked() == {}
    plan = _plan(window)
    assert [m.class_id for m in plan.medicines] == ["antidepressant"]
    assert plan.warning("antidepressant-timing") is not None
    assert all(gap_min(d.time_min, 8 * 60) >= 240 for d in plan.doses)


def test_the_suggestion_button_takes_the_known_name_in_one_click(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = window.medicines_editor
    row = _new_medicine(qtbot, window, "alendronat", "07:00")
    assert cell_mark(editor.table, row, NAME)
    click(qtbot, editor.suggest_button)
    assert cell_text(editor.table, row, NAME) == "alendronate"
    assert focused().accessibleName() == "Medicine 1 name"
    assert [m.class_id for m in _plan(window).medicines] == ["bisphosphonate"]
    assert _times(window) == ["12:30", "18:30", "22:00"]


def test_a_magnesium_product_is_sent_to_other_magnesium(qtbot: QtBot, window: MainWindow) -> None:
    before = window.current_plan()
    editor = window.medicines_editor
    row = _new_medicine(qtbot, window, "milk of magnesia", "21:00")

    message = cell_mark(editor.table, row, NAME)
    assert "magnesium itself" in message
    assert "Magnesium from other products" in message
    assert "--other-magnesium" not in message
    assert not cell_takes_input(editor.table, row, SPACING)  # no stated spacing for magnesium
    assert cell_text(editor.table, row, SPACING) == ""
    assert editor.magnesium_button.isVisible()
    assert window.current_plan() is before

    click(qtbot, editor.magnesium_button)
    assert editor.model.rowCount() == 0
    other = window.products_editor.other_spin
    assert focused() is other
    assert window.marks.marked() == {}
    qtbot.keyClicks(other, "100")
    pause(qtbot)
    assert _plan(window).other_magnesium_mg == 100
    assert _plan(window).daily_elemental_mg == 250


def test_an_unknown_name_is_kept_only_with_the_spacing_the_person_states(
    qtbot: QtBot, window: MainWindow
) -> None:
    before = window.current_plan()
    editor = window.medicines_editor
    table = editor.table
    row = _new_medicine(qtbot, window, "Zorblex", "12:00")
    assert "unknown medicine 'zorblex'" in cell_mark(table, row, NAME).lower()
    assert not editor.suggest_button.isVisible()
    assert cell_takes_input(table, row, SPACING)
    assert window.current_plan() is before

    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # on from the times to the weekdays
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # and to the spacing
    spacing = focused()
    assert spacing.accessibleName() == "Medicine 1 spacing from magnesium in hours"
    qtbot.keyClicks(spacing, "3")
    pause(qtbot)
    assert window.marks.marked() == {}
    plan = _plan(window)
    assert [(m.name, m.class_id, m.other_first_min) for m in plan.medicines] == [
        ("Zorblex", "stated", 180)
    ]
    assert all(gap_min(d.time_min, 12 * 60) >= 180 for d in plan.doses)
    stated = plan.warning("stated-separation")
    assert stated is not None and "at least 3 h from magnesium, as you stated" in stated.message
    assert "as you stated" in editor.info.text()

    retype(qtbot, spacing, "0")  # the pharmacist said no spacing is needed
    assert _times(window) == DEFAULT_TIMES  # 12:30 is back, half an hour after 12:00
    stated = _plan(window).warning("stated-separation")
    assert stated is not None and stated.severity == "info"

    kept = window.current_plan()
    retype(qtbot, spacing, "abc")
    assert "'abc' is not a number of hours" in cell_mark(table, row, SPACING)
    assert "'abc' is not a number of hours" in editor.problems.text()
    assert cell_mark(table, row, NAME) == ""  # the mark is where the problem is
    assert window.current_plan() is kept
    retype(qtbot, spacing, "13")
    assert "0 to 12 hours" in cell_mark(table, row, SPACING)
    assert window.current_request() is None  # nothing can be saved or printed from it
    assert all(m.other_first_min <= 720 for m in _plan(window).medicines)

    retype(qtbot, spacing, "1.5")
    assert [m.other_first_min for m in _plan(window).medicines] == [90]
    assert cell_text(table, row, SPACING) == "1.5"


def test_a_known_name_drops_a_spacing_typed_for_another(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.medicines_editor
    row = _new_medicine(qtbot, window, "Zorblex", "12:00")
    qtbot.keyClicks(click_cell(qtbot, editor.table, row, SPACING), "0")
    pause(qtbot)
    assert _times(window) == DEFAULT_TIMES
    name_edit = click_cell(qtbot, editor.table, row, NAME)
    qtbot.keyClick(name_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(name_edit, "calcium")
    hide_completions(name_edit)  # the list of names closes: the name is complete
    pause(qtbot)
    assert not cell_takes_input(editor.table, row, SPACING)
    assert editor.model.index(row, SPACING).data(Qt.ItemDataRole.EditRole) == ""
    assert window.marks.marked() == {}
    plan = _plan(window)
    assert [(m.class_id, m.other_first_min) for m in plan.medicines] == [("calcium", 120)]
    assert all(gap_min(d.time_min, 12 * 60) >= 120 for d in plan.doses)


def test_a_weekly_medicine_moves_the_doses_on_its_day_only(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = window.medicines_editor
    row = _new_medicine(qtbot, window, "alendronate", "07:00")
    assert _times(window) == ["12:30", "18:30", "22:00"]  # every day, as typed so far
    assert cell_text(editor.table, row, DAYS) == "Every day"

    monday = click_cell(qtbot, editor.table, row, DAYS)
    assert isinstance(monday, QToolButton)
    assert monday.accessibleName() == "Medicine 1 taken on Mondays"
    qtbot.keyClick(monday, Qt.Key.Key_Space)  # the keyboard ticks Monday
    assert monday.isChecked()
    assert cell_text(editor.table, row, DAYS) == "Mon"
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
    assert "taken on Mondays only" in editor.info.text()
    assert "alendronate at 07:00 on Mondays only" in (
        window.result_panel.timeline.accessibleDescription()
    )

    qtbot.keyClick(monday, Qt.Key.Key_Right)
    thursday = focused()
    for _ in range(2):
        qtbot.keyClick(thursday, Qt.Key.Key_Right)
        thursday = focused()
    assert thursday.accessibleName() == "Medicine 1 taken on Thursdays"
    click(qtbot, thursday)  # the mouse ticks Thursday
    assert cell_text(editor.table, row, DAYS) == "Mon, Thu"
    assert [m.weekdays for m in _plan(window).medicines] == [(0, 3)]

    click(qtbot, monday)
    click(qtbot, thursday)  # no day ticked: every day again
    assert cell_text(editor.table, row, DAYS) == "Every day"
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
    table = window.medicines_editor.table
    assert [cell_text(table, r, c) for r in range(2) for c in (NAME, TIMES, DAYS, SPACING)] == [
        *("alendronate", "07:00", "Mon, Thu", ""),
        *("Zorblex", "12:00", "Every day", "1.5"),
    ]
    assert not cell_takes_input(table, 0, SPACING)
    assert cell_takes_input(table, 1, SPACING)
    click_cell(qtbot, table, 0, DAYS)
    days = focused().parentWidget()
    assert days is not None
    ticked = [b.isChecked() for b in days.findChildren(QToolButton)]
    assert ticked == [True, False, False, True, False, False, False]
    assert window.current_request() == request
    assert {m.name: m.other_first_min for m in _plan(window).medicines} == {
        "alendronate": 240,
        "Zorblex": 90,
    }


def test_every_editor_is_named_and_tab_walks_the_row_then_leaves_the_table(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = window.medicines_editor
    row = _new_medicine(qtbot, window, "setraline", "08:00")
    name_edit = click_cell(qtbot, editor.table, row, NAME)
    order = [
        "Medicine 1 name",
        "Medicine 1 times",
        "Medicine 1 taken on Mondays",
        "Medicine 1 spacing from magnesium in hours",  # the name is not one the planner knows
        "Medicine 1: use the name sertraline",
        "Add medicine or supplement",
        "Remove medicine 1",
    ]
    seen = [name_edit.accessibleName()]
    for _ in order[1:]:
        here = focused()
        assert isinstance(here, (QAbstractButton, QLineEdit, QComboBox))
        qtbot.keyClick(here, Qt.Key.Key_Tab)
        seen.append(focused().accessibleName())
    assert seen == order

    click_cell(qtbot, editor.table, row, SPACING)  # and Shift+Tab walks back
    for there in reversed(order[:3]):
        qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
        assert focused().accessibleName() == there
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab)  # out of the table, to the field before it
    assert focused() is window.conditions_panel.supervised_box


def test_rows_are_added_and_removed_with_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.medicines_editor
    editor.add_button.setFocus()
    qtbot.keyClick(editor.add_button, Qt.Key.Key_Space)
    qtbot.keyClicks(focused(), "iron")
    hide_completions(focused())
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "09:00")
    pause(qtbot)
    assert [m.name for m in _plan(window).medicines] == ["iron"]

    qtbot.keyClick(focused(), Qt.Key.Key_Escape)  # the cell is no longer being edited
    assert focused() is editor.table
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    assert editor.model.rowCount() == 0
    assert focused() is editor.add_button
    assert _plan(window).medicines == ()


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


def test_a_name_chosen_from_the_list_is_planned_at_once(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.medicines_editor
    click(qtbot, editor.add_button)
    name_edit = focused()
    assert isinstance(name_edit, QLineEdit)
    qtbot.keyClicks(name_edit, "sertr")
    completer = name_edit.completer()
    assert completer is not None
    popup = completer.popup()
    assert popup is not None and popup.isVisible()
    first = popup.model().index(0, 0)
    assert first.data() == "sertraline"
    qtbot.mouseClick(
        popup.viewport(), Qt.MouseButton.LeftButton, pos=popup.visualRect(first).center()
    )
    assert name_edit.text() == "sertraline"
    assert editor.model.row(0).name == "sertraline"  # no pause: a choice is complete
    assert cell_mark(editor.table, 0, NAME) == ""


def _global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def test_the_list_of_known_names_opens_inside_the_window_and_shows_whole_names(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.setGeometry(40, 40, 700, 520)  # the name's cell ends up near the window's bottom
    QApplication.processEvents()
    editor = window.medicines_editor
    click(qtbot, editor.add_button)
    name_edit = focused()
    assert isinstance(name_edit, QLineEdit)
    inside = _global_rect(window)
    field = _global_rect(name_edit)
    assert inside.bottom() - field.bottom() < 100  # no room for the list under the field
    qtbot.keyClicks(name_edit, "s")
    completer = name_edit.completer()
    assert completer is not None
    popup = completer.popup()
    assert popup is not None and popup.isVisible()
    QApplication.processEvents()
    shown = popup.geometry()
    assert inside.contains(shown), (shown, inside)
    screen = name_edit.screen()
    assert screen is not None and screen.availableGeometry().contains(shown)
    assert shown.bottom() < field.top() or shown.top() > field.bottom()  # the field in sight
    names = popup.model()
    widest = max(
        popup.fontMetrics().horizontalAdvance(str(names.index(r, 0).data()))
        for r in range(names.rowCount())
    )
    assert popup.viewport().width() >= widest  # no name cut short
