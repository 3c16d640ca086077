"""The window replans on every edit; tests drive it by clicking and typing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from magplan.core.request import MedicineTimes, PlanRequest
from magplan.gui.main_window import MainWindow
from magplan.gui.medicines_model import NAME
from magplan.gui.products_model import COMPOUND, MG, MG_OF
from tests.gui.helpers import (
    SupervisionAnswers,
    cell_mark,
    choose,
    click,
    click_cell,
    focused,
    gap_min,
    hide_completions,
    pause,
    retype,
    row_minute,
    schedule_rows,
    warning_texts,
)
from tests.present.test_clock import TWENTY_FOUR_HOUR

CALCIUM_AT_ONE = MedicineTimes(name="calcium", class_id="calcium", times_min=(13 * 60,))


def test_picking_sleep_suggests_glycinate_and_a_dose_near_bedtime(
    qtbot: QtBot, window: MainWindow
) -> None:
    goals = window.goals_panel
    form = window.form_panel
    click(qtbot, goals.box("sleep"))  # untick the default goal
    click(qtbot, goals.box("constipation"))
    assert "glycinate" not in form.combo.itemText(0)
    assert all("glycinate" not in r["Product"].lower() for r in schedule_rows(window))

    click(qtbot, goals.box("constipation"))
    click(qtbot, goals.box("sleep"))
    assert form.combo.itemText(0) == "Suggested (glycinate)"
    assert "Suggested: Magnesium glycinate" in form.suggestion.text()
    assert "Source:" in form.suggestion.text()
    rows = schedule_rows(window)
    assert rows and all("glycinate" in r["Product"].lower() for r in rows)
    bed = 22 * 60 + 30
    last = max(rows, key=row_minute)
    assert 0 < bed - row_minute(last) <= 60
    assert "bedtime" in last["Time"]
    assert "Sleep" in last["For"]


def test_calcium_at_eight_moves_every_dose_two_hours_away_and_warns(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert any(gap_min(row_minute(r), 8 * 60) < 120 for r in schedule_rows(window))
    editor = window.medicines_editor
    click(qtbot, editor.add_button)
    name_edit = focused()
    assert name_edit.accessibleName() == "Medicine 1 name"
    qtbot.keyClicks(name_edit, "calcium")
    hide_completions(name_edit)
    qtbot.keyClick(name_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "08:00")
    pause(qtbot)

    rows = schedule_rows(window)
    assert rows
    assert all(gap_min(row_minute(r), 8 * 60) >= 120 for r in rows)
    calcium = [t for t in warning_texts(window) if "calcium" in t.lower()]
    assert calcium and calcium[0].startswith("CAUTION")
    assert "Source:" in calcium[0]
    assert "calcium at 08:00" in window.result_panel.timeline.accessibleDescription()
    assert "2 h apart" in editor.info.text()


def test_several_times_per_medicine_and_remove(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.medicines_editor
    click(qtbot, editor.add_button)
    qtbot.keyClicks(focused(), "calcium")
    hide_completions(focused())
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "08:00, 20:00")
    pause(qtbot)
    request = window.current_request()
    assert request is not None
    assert request.medicines[0].times_min == (480, 1200)
    assert all(gap_min(row_minute(r), t) >= 120 for r in schedule_rows(window) for t in (480, 1200))
    click(qtbot, editor.remove_button)
    assert editor.model.rowCount() == 0
    request = window.current_request()
    assert request is not None and request.medicines == ()
    assert not any("calcium" in t.lower() for t in warning_texts(window))


def test_kidney_disease_blocks_the_schedule_until_a_clinician_supervises(
    qtbot: QtBot, window: MainWindow, supervision_dialog: SupervisionAnswers
) -> None:
    panel = window.result_panel
    assert not panel.gate_banner.isVisible()
    click(qtbot, window.conditions_panel.box("kidney-disease"))

    assert schedule_rows(window) == []
    assert panel.gate_banner.isVisible()
    assert panel.gate_banner.title.text() == "No schedule is planned"
    assert "Kidney disease" in panel.gate_banner.reasons.text()
    assert warning_texts(window)[0].startswith("DANGER")
    assert not panel.supervised_marker.isVisible()

    supervision_dialog.name = "Dr. A. Jones"  # the clinician names themself and confirms
    click(qtbot, window.conditions_panel.supervised_box)
    assert supervision_dialog.asked == 1
    assert schedule_rows(window) == []  # the amount is the clinician's to set
    assert any("clinician sets the daily amount" in text for text in warning_texts(window))
    window.amount_panel.target_spin.setValue(200)
    assert schedule_rows(window)
    assert not panel.gate_banner.isVisible()
    assert panel.supervised_marker.isVisible()
    assert panel.supervised_marker.label.text().startswith(
        "Prescribed and supervised by Dr. A. Jones"
    )


def test_an_impossible_time_is_marked_and_the_last_plan_kept(
    qtbot: QtBot, window: MainWindow
) -> None:
    before_plan = window.current_plan()
    before_rows = schedule_rows(window)
    bed = window.day_panel.bed_edit
    retype(qtbot, bed, "25:00")

    assert bed.property("invalid") is True
    message = window.day_panel.bed_message
    assert message.isVisible()
    assert "25:00" in message.text() and "00-23" in message.text()
    assert "25:00" in bed.toolTip()
    assert window.current_plan() is before_plan
    assert schedule_rows(window) == before_rows
    assert window.result_panel.problem_note.isVisible()

    retype(qtbot, bed, "23:30")
    assert bed.property("invalid") is False
    assert not message.isVisible()
    assert not window.result_panel.problem_note.isVisible()
    last = max(schedule_rows(window), key=row_minute)
    assert 23 * 60 <= row_minute(last) < 23 * 60 + 30


def test_a_short_waking_day_is_marked_at_bed_time(qtbot: QtBot, window: MainWindow) -> None:
    before = window.current_plan()
    retype(qtbot, window.day_panel.bed_edit, "10:00")
    assert window.day_panel.bed_edit.property("invalid") is True
    assert "at least 6 hours" in window.day_panel.bed_message.text()
    assert window.current_plan() is before


def test_an_unknown_medicine_is_marked_at_its_name(qtbot: QtBot, window: MainWindow) -> None:
    before = window.current_plan()
    editor = window.medicines_editor
    click(qtbot, editor.add_button)
    qtbot.keyClicks(focused(), "zzqx")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "09:00")
    assert "unknown medicine 'zzqx'" in cell_mark(editor.table, 0, NAME).lower()
    assert "unknown medicine 'zzqx'" in editor.problems.text().lower()
    assert window.current_plan() is before


def test_no_goal_marks_the_goals(qtbot: QtBot, window: MainWindow) -> None:
    click(qtbot, window.goals_panel.box("sleep"))
    assert window.goals_panel.property("invalid") is True
    assert "goal" in window.goals_panel.message.text().lower()
    assert schedule_rows(window)  # the last plan stays


def test_picking_another_form_replans_with_it(qtbot: QtBot, window: MainWindow) -> None:
    combo = window.form_panel.combo
    combo.setFocus()
    taurate = combo.findData("taurate")
    for _ in range(combo.count()):
        if combo.currentIndex() == taurate:
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert all("taurate" in r["Product"].lower() for r in schedule_rows(window))
    assert "Your choice: Magnesium taurate" in window.form_panel.suggestion.text()
    request = window.current_request()
    assert request is not None and request.form == "taurate"


def test_a_product_by_compound_weight_shows_both_numbers_and_units(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = window.products_editor
    click(qtbot, editor.add_button)
    form = focused()
    assert isinstance(form, QComboBox)
    choose(qtbot, form, "glycinate")
    mg_of = click_cell(qtbot, editor.table, 0, MG_OF)
    assert isinstance(mg_of, QComboBox)
    choose(qtbot, mg_of, COMPOUND)
    retype(qtbot, click_cell(qtbot, editor.table, 0, MG), "500")
    text = editor.info.text()
    assert "500 mg of magnesium glycinate" in text.lower()
    assert "elemental magnesium per capsule" in text
    request = window.current_request()
    assert request is not None
    assert request.products[0].compound_mg_per_unit == 500
    assert request.products[0].elemental_mg_per_unit < 100
    rows = schedule_rows(window)
    assert rows and all("capsule" in r["Take"] for r in rows)


def test_without_a_product_the_take_column_points_to_the_elemental_mg_said_once(
    qtbot: QtBot, window: MainWindow
) -> None:
    table = window.result_panel.schedule_table
    model = table.model()
    rows = schedule_rows(window)
    assert rows
    for r, row in enumerate(rows):
        assert row["Take"] == "see Elemental"
        assert row["Elemental"].endswith(" mg") and row["Elemental"] not in row["Take"]
        take = model.index(r, 2)
        tip = str(take.data(Qt.ItemDataRole.ToolTipRole))
        assert f"gives {row['Elemental']} of elemental magnesium" in tip
        said = str(take.data(Qt.ItemDataRole.AccessibleTextRole))
        assert said.startswith("Take: No product given: take a magnesium glycinate product")


def test_a_twelve_hour_locale_shows_the_plan_s_times_with_am_and_pm(
    qtbot: QtBot, us_locale: None, window: MainWindow
) -> None:
    window.set_inputs(PlanRequest(medicines=(CALCIUM_AT_ONE,)))
    QApplication.processEvents()
    panel = window.result_panel
    times = [r["Time"] for r in schedule_rows(window)]
    assert times == ["7:30 AM", "6:30 PM", "10:00 PM (bedtime)"]
    ramp = panel.titration_list
    weeks = ramp.weeks()
    assert weeks[0].split("\n")[1].startswith("10:00 PM ")  # week 1: the bedtime dose
    assert all(not TWENTY_FOUR_HOUR.search(week) for week in weeks)
    timeline = panel.timeline
    timeline.repaint()
    assert timeline.drawn is not None
    drawn = [label.text for label in timeline.drawn.labels]
    assert any(text.startswith("10:00 PM · ") for text in drawn) and "calcium" in drawn
    assert timeline.accessibleDescription().startswith("Waking day 7:00 AM to 10:30 PM.")
    assert "calcium at 1:00 PM" in timeline.accessibleDescription()


def test_a_24_hour_locale_shows_the_plan_s_times_on_a_24_hour_clock(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert [r["Time"] for r in schedule_rows(window)] == ["07:30", "12:30", "22:00 (bedtime)"]


def test_magnesium_from_other_products_counts_towards_the_limit(
    qtbot: QtBot, window: MainWindow
) -> None:
    retype(qtbot, window.products_editor.other_spin, "100")
    total = window.result_panel.total.bar.format()
    assert total == "350 mg of 350 mg upper limit"
    planned = sum(float(r["Elemental"].split()[0]) for r in schedule_rows(window))
    assert planned == 250
