"""Typing as a person types: key by key, with the gaps of real typing. A value is planned once
it is complete (after a pause, or when editing finishes), never half-typed; a field's message
is one line; times are read as people write them and shown normalised; meals follow the wake
time as on the command line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from magplan.cli import build_parser
from magplan.cli.options import request_from_args
from magplan.core.planner import plan_day
from magplan.core.timeofday import parse_time
from magplan.gui import stale_plan
from magplan.gui.fields import TYPING_PAUSE_MS, Cell, FieldMessage
from magplan.gui.main_window import MainWindow
from magplan.gui.medicines_model import NAME, TIMES
from tests.gui.helpers import cell_text, click, focused, hide_completions, pause, retype

KEY_GAP_MS = 150
"""Between two keys of one value: an unhurried typist (the pause is several times longer)."""


def type_slowly(qtbot: QtBot, field: QWidget, text: str, after_each_key: object = None) -> None:
    """Type ``text`` key by key, ``KEY_GAP_MS`` apart; after each key the window has run its
    events (its layout too), and ``after_each_key()`` (when given) checks it."""
    for key in text:
        qtbot.keyClicks(field, key, delay=KEY_GAP_MS)
        QTest.qWait(10)
        if callable(after_each_key):
            after_each_key()


def clear(qtbot: QtBot, field: QWidget) -> None:
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Delete)


def planned_ages(window: MainWindow) -> list[int]:
    """The age of every plan the window shows from now on."""
    ages: list[int] = []

    def record() -> None:
        request = window.current_request()
        ages.append(request.age_years if request is not None else -1)

    window.planChanged.connect(record)
    return ages


def test_the_pause_is_longer_than_the_gap_between_two_keys() -> None:
    assert KEY_GAP_MS * 3 < TYPING_PAUSE_MS <= 800


def test_typing_42_in_age_never_plans_for_a_four_year_old(qtbot: QtBot, window: MainWindow) -> None:
    age = window.person_panel.age_spin
    ages = planned_ages(window)
    clear(qtbot, age)
    type_slowly(qtbot, age, "42", lambda: None)
    assert ages == []  # nothing planned while the typing goes on
    pause(qtbot)
    assert ages == [42]
    plan = window.current_plan()
    assert plan is not None and plan.warning("child") is None


def test_enter_plans_the_typed_age_at_once(qtbot: QtBot, window: MainWindow) -> None:
    age = window.person_panel.age_spin
    ages = planned_ages(window)
    clear(qtbot, age)
    qtbot.keyClicks(age, "60")
    assert ages == []
    qtbot.keyClick(age, Qt.Key.Key_Return)
    assert ages == [60]


def test_a_shortcut_takes_the_value_typed_so_far(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+P or Ctrl+S right after typing act on what the field says, not the plan before."""
    age = window.person_panel.age_spin
    ages = planned_ages(window)
    clear(qtbot, age)
    qtbot.keyClicks(age, "70")
    qtbot.keyClick(age, Qt.Key.Key_F12, Qt.KeyboardModifier.ControlModifier)
    assert ages == [70]


def test_the_arrow_keys_plan_each_step_at_once(qtbot: QtBot, window: MainWindow) -> None:
    age = window.person_panel.age_spin
    ages = planned_ages(window)
    age.setFocus()
    qtbot.keyClick(age, Qt.Key.Key_Up)
    assert ages == [36]


def test_a_time_being_typed_is_not_marked(qtbot: QtBot, window: MainWindow) -> None:
    day = window.day_panel
    wake = day.wake_edit

    def nothing_marked() -> None:
        assert window.marks.message(wake) == "", wake.text()
        assert not day.wake_message.isVisible()
        assert not window.result_panel.problem_note.isVisible()

    clear(qtbot, wake)
    nothing_marked()
    type_slowly(qtbot, wake, "06:30", nothing_marked)
    pause(qtbot)
    request = window.current_request()
    assert request is not None and request.wake_min == parse_time("06:30")


def result_layout(window: MainWindow) -> tuple[QPoint, QRect, QRect]:
    """Where the plan is on the screen: the result area and its schedule."""
    result = window.result_panel
    schedule = result.schedule_table
    return result.mapTo(window, QPoint(0, 0)), result.rect(), schedule.geometry()


def test_the_plan_stays_still_while_a_medicine_name_is_typed(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = window.medicines_editor
    click(qtbot, editor.add_button)
    name = focused()
    QTest.qWait(10)
    where = result_layout(window)
    inputs_height = window.inputs_scroll.widget().height()

    def still() -> None:
        assert result_layout(window) == where
        assert not window.result_panel.problem_note.isVisible()
        assert not editor.problems.isVisible()
        assert window.inputs_scroll.widget().height() == inputs_height

    type_slowly(qtbot, name, "ser", still)
    hide_completions(name)
    pause(qtbot)  # "ser" is complete now: it is marked, on one line under the table
    assert "Unknown medicine 'ser'" in editor.problems.text()
    assert editor.problems.height() <= editor.problems.fontMetrics().height() + 2


def test_a_field_message_is_one_line_with_the_whole_of_it_in_tooltip_and_description(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(900, 700)
    day = window.day_panel
    described = day.bed_edit.accessibleDescription()
    assert described  # the field's own description, which Qt reads instead of its tooltip
    bed = day.bed_edit
    clear(qtbot, bed)
    qtbot.keyClicks(bed, "25:00")
    qtbot.keyClick(bed, Qt.Key.Key_Tab)
    message = day.bed_message
    text = "Bed time '25:00' is not a time of day: hours 00-23, minutes 00-59"
    assert message.isVisible() and message.text() == text
    assert message.height() <= message.fontMetrics().height() + 2  # one line, however long
    assert message.toolTip() == text and message.accessibleDescription() == text
    assert bed.toolTip() == text
    assert bed.accessibleDescription() == f"{described.rstrip('.')}. Problem: {text}"

    clear(qtbot, bed)
    qtbot.keyClicks(bed, "23:00")
    qtbot.keyClick(bed, Qt.Key.Key_Tab)
    assert not message.isVisible() and message.toolTip() == ""
    assert bed.accessibleDescription() == described  # as it was, without the message


def test_a_long_message_is_cut_to_the_width_not_wrapped() -> None:
    message = FieldMessage("Meal times")
    message.resize(120, 40)
    message.show_message("Meal time 'x' is not a time: use HH:MM, e.g. 07:30, 7:30 pm\nsecond")
    assert message.line() == (
        "Meal time 'x' is not a time: use HH:MM, e.g. 07:30, 7:30 pm (and 1 more)"
    )
    assert message.sizeHint().height() == message.fontMetrics().height()
    assert message.minimumSizeHint().width() == 0


def test_the_goals_message_reaches_assistive_technology_with_their_description(
    qtbot: QtBot, window: MainWindow
) -> None:
    goals = window.goals_panel
    described = goals.accessibleDescription()
    click(qtbot, goals.box("sleep"))  # no goal left
    message = window.marks.message(goals)
    assert message and message in goals.accessibleDescription()
    assert goals.accessibleDescription().startswith(described.rstrip("."))
    click(qtbot, goals.box("sleep"))
    assert goals.accessibleDescription() == described


# ---- times as people type them ----------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "shown"),
    [("6am", "06:00"), ("5:30 AM", "05:30"), ("0600", "06:00"), ("6", "06:00"), ("6.30", "06:30")],
)
def test_a_wake_time_is_read_as_typed_and_shown_normalised(
    qtbot: QtBot, window: MainWindow, typed: str, shown: str
) -> None:
    wake = window.day_panel.wake_edit
    clear(qtbot, wake)
    qtbot.keyClicks(wake, typed)
    assert wake.text() == typed  # as typed while the field is being edited
    qtbot.keyClick(wake, Qt.Key.Key_Tab)
    assert wake.text() == shown
    request = window.current_request()
    assert request is not None and request.wake_min == parse_time(shown)


def test_meal_times_are_read_as_typed_and_shown_normalised(
    qtbot: QtBot, window: MainWindow
) -> None:
    meals = window.day_panel.meals_edit
    clear(qtbot, meals)
    qtbot.keyClicks(meals, "8am, noon; 1930")
    qtbot.keyClick(meals, Qt.Key.Key_Tab)
    assert meals.text() == "08:00, 12:00, 19:30"
    request = window.current_request()
    assert request is not None and request.meals_min == (480, 720, 1170)


def test_medicine_times_are_read_as_typed_and_shown_normalised(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = window.medicines_editor
    click(qtbot, editor.add_button)
    qtbot.keyClicks(focused(), "calcium")
    hide_completions(focused())
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    times = focused()
    assert isinstance(times, QLineEdit) and times.accessibleName() == "Medicine 1 times"
    qtbot.keyClicks(times, "8am, 8 pm")
    qtbot.keyClick(times, Qt.Key.Key_Tab)
    assert cell_text(editor.table, 0, TIMES) == "08:00, 20:00"
    assert cell_text(editor.table, 0, NAME) == "calcium"
    request = window.current_request()
    assert request is not None and request.medicines[0].times_min == (480, 1200)


def test_a_twelve_hour_locale_shows_am_and_pm(
    qtbot: QtBot, us_locale: None, window: MainWindow
) -> None:
    day = window.day_panel
    assert day.wake_edit.text() == "7:00 AM"
    assert day.bed_edit.text() == "10:30 PM"
    assert day.meals_edit.text() == "7:30 AM, 12:30 PM, 6:30 PM"
    clear(qtbot, day.bed_edit)
    qtbot.keyClicks(day.bed_edit, "2330")
    qtbot.keyClick(day.bed_edit, Qt.Key.Key_Tab)
    assert day.bed_edit.text() == "11:30 PM"
    request = window.current_request()
    assert request is not None
    assert (request.wake_min, request.bed_min) == (parse_time("07:00"), parse_time("23:30"))
    assert request.meals_min == (450, 750, 1110)


# ---- one rule for the meals, in the window and on the command line ------------------------


def cli_doses(*args: str) -> list[str]:
    from magplan.core.knowledge import load_knowledge

    k = load_knowledge()
    request = request_from_args(build_parser().parse_args(["plan", *args]), k)
    return [d.time for d in plan_day(request, k).doses]


@pytest.mark.parametrize("goal", ["sleep", "constipation"])
def test_waking_at_six_plans_the_doses_the_command_line_plans(
    qtbot: QtBot, window: MainWindow, goal: str
) -> None:
    if goal != "sleep":
        click(qtbot, window.goals_panel.box(goal))
        click(qtbot, window.goals_panel.box("sleep"))
    wake = window.day_panel.wake_edit
    clear(qtbot, wake)
    qtbot.keyClicks(wake, "06:00")
    qtbot.keyClick(wake, Qt.Key.Key_Tab)
    assert window.day_panel.meals_edit.text() == "06:30, 11:30, 17:30"
    plan = window.current_plan()
    assert plan is not None
    assert [d.time for d in plan.doses] == cli_doses("--goal", goal, "--wake", "06:00")


def test_meals_the_person_typed_stay_when_the_wake_time_changes(
    qtbot: QtBot, window: MainWindow
) -> None:
    day = window.day_panel
    clear(qtbot, day.meals_edit)
    qtbot.keyClicks(day.meals_edit, "08:00, 13:00, 19:00")
    qtbot.keyClick(day.meals_edit, Qt.Key.Key_Tab)
    clear(qtbot, day.wake_edit)
    qtbot.keyClicks(day.wake_edit, "06:00")
    qtbot.keyClick(day.wake_edit, Qt.Key.Key_Tab)
    assert day.meals_edit.text() == "08:00, 13:00, 19:00"
    plan = window.current_plan()
    assert plan is not None
    assert [d.time for d in plan.doses] == cli_doses(
        "--wake", "06:00", "--meal", "08:00", "--meal", "13:00", "--meal", "19:00"
    )


def test_a_night_shift_typed_slowly_moves_the_default_meals_into_its_day(
    qtbot: QtBot, window: MainWindow
) -> None:
    """On the way to 15:00-07:00 the day is for a moment too short (15:00-22:30 is not): the
    meals follow only whole days."""
    day = window.day_panel
    clear(qtbot, day.wake_edit)
    type_slowly(qtbot, day.wake_edit, "22:00")
    pause(qtbot)  # 22:00-22:30 is no day: the meals stay, the bed time is marked
    assert day.meals_edit.text() == "07:30, 12:30, 18:30"
    assert window.marks.message(day.bed_edit)
    clear(qtbot, day.bed_edit)
    qtbot.keyClicks(day.bed_edit, "14:00")
    qtbot.keyClick(day.bed_edit, Qt.Key.Key_Tab)
    assert day.meals_edit.text() == "22:30, 03:30, 09:30"
    assert window.marks.marked() == {}


def test_a_name_is_not_taken_while_the_list_of_known_names_is_open(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = window.medicines_editor
    click(qtbot, editor.add_button)
    name = focused()
    assert isinstance(name, QLineEdit)
    before = window.current_plan()
    qtbot.keyClicks(name, "ser")
    completer = name.completer()
    assert completer is not None and completer.popup().isVisible()
    QTest.qWait(2 * TYPING_PAUSE_MS)  # a person reading the list, longer than the pause
    assert editor.model.row(0).name == ""  # still choosing: nothing taken, nothing marked
    assert window.marks.marked() == {} and window.current_plan() is before
    hide_completions(name)  # the list closes (Escape): "ser" is what was typed
    pause(qtbot)
    assert editor.model.row(0).name == "ser"
    assert "Unknown medicine 'ser'" in window.marks.message(Cell(editor.model, 0, NAME))


def test_a_value_set_by_assistive_technology_is_planned_and_a_loaded_one_is_not_an_edit(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Voice control or a screen reader sets a field through its accessible editable text, with
    no key pressed: that is the user's edit, planned after the pause. A value the program
    shows (a loaded request) is not an edit: nothing is marked changed."""
    from PySide6.QtGui import QAccessible

    edits: list[None] = []
    window.inputsChanged.connect(lambda: edits.append(None))
    wake = window.day_panel.wake_edit
    window.set_inputs(window.current_request())  # type: ignore[arg-type]
    QTest.qWait(TYPING_PAUSE_MS + 200)
    assert edits == []
    interface = QAccessible.queryAccessibleInterface(wake)
    assert interface is not None
    text = interface.editableTextInterface()
    text.replaceText(0, len(wake.text()), "06:00")
    qtbot.waitUntil(lambda: window.current_request().wake_min == 6 * 60, timeout=3000)  # type: ignore[union-attr]
    assert edits


# ---- the last valid plan, while a field cannot be read ------------------------------------


def _plan_layout(window: MainWindow) -> list[QRect]:
    """Where each part of the plan is in the window."""
    panel = window.result_panel
    parts = (
        panel,
        panel.form_panel,
        panel.total,
        panel.schedule_table,
        panel.timeline,
        panel.warnings_list,
        panel.titration_list,
    )
    return [QRect(w.mapTo(window, QPoint(0, 0)), w.size()) for w in parts]


def _distance_from_window_colour(window: MainWindow, area: QRect) -> float:
    """How far the pixels of ``area`` (in the window) are from the window's colour, on
    average: text and lines on a light or dark ground are far from it, a veiled plan near."""
    image = window.grab(area).toImage()
    ground = window.palette().color(QPalette.ColorRole.Window)
    total = 0.0
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            total += abs(c.red() - ground.red()) + abs(c.green() - ground.green())
            total += abs(c.blue() - ground.blue())
            count += 1
    return total / max(count, 1)


def test_the_last_valid_plan_is_dimmed_in_place_and_said_so_in_the_status_bar(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(stale_plan, "announce", lambda _widget, text: said.append(text))
    window.resize(1280, 650)
    QApplication.processEvents()
    panel = window.result_panel
    layout = _plan_layout(window)
    schedule = _plan_layout(window)[3]
    clear_plan = _distance_from_window_colour(window, schedule)

    retype(qtbot, window.day_panel.bed_edit, "25:00")
    QApplication.processEvents()
    assert window.marks.marked()
    assert _plan_layout(window) == layout  # nothing moved
    note = panel.problem_note
    assert note.isVisible() and note.parent() is window.statusBar()
    assert note.label.text().startswith("Showing the last valid plan, dimmed. Fix the marked")
    assert "25:00" in note.toolTip()
    veil = panel.stale.veil
    assert veil.isVisible() and veil.geometry() == panel.rect()
    assert veil.mask().contains(QPoint(*_centre(window, panel.schedule_table, panel)))
    assert not veil.mask().contains(QPoint(*_centre(window, panel.form_panel.combo, panel)))
    assert _distance_from_window_colour(window, schedule) < 0.6 * clear_plan  # dimmed
    description = panel.accessibleDescription()
    assert description.startswith("Showing the last valid plan, dimmed. Fix the marked field")
    assert said == [note.label.text()]

    retype(qtbot, window.day_panel.bed_edit, "23:00")
    QApplication.processEvents()
    assert not note.isVisible() and not veil.isVisible()
    assert _plan_layout(window) == layout
    assert panel.accessibleDescription() == "The plan made from the inputs"
    assert len(said) == 1


def _centre(window: MainWindow, widget: QWidget, panel: QWidget) -> tuple[int, int]:
    centre = widget.mapTo(panel, widget.rect().center())
    return centre.x(), centre.y()
