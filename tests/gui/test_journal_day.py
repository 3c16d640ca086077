"""Today's doses on the Journal page: ticked taken with one click or Space, skipped with a
reason, taken at another time typed as the window's time fields take it; past days corrected
(never a day after today); the day's side effects."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from magplan.gui.journal_dialogs import SkippedDialog, TakenAtDialog
from magplan.gui.journal_page import JournalPage
from tests.gui.helpers import click, focused
from tests.gui.journal_helpers import (
    FOUR_DOSES,
    JournalWindow,
    answer_dialog,
    days_ago,
    fill_journal,
    journal_window,
    save_profile,
    when_shown,
)
from tests.journal.year import TODAY

__all__ = ["journal_window"]


@pytest.fixture
def page(qtbot: QtBot, journal_window: JournalWindow) -> JournalPage:
    """Anna's four-dose plan, with five weeks of days until yesterday."""
    save_profile(journal_window.store, FOUR_DOSES)
    fill_journal(journal_window.store, days=35)
    journal_window.controller.open_profile("Anna")
    return journal_window.open_journal_page(qtbot)


def _entries(jw: JournalWindow, day: object = TODAY) -> dict[str, tuple[str, str | None, str]]:
    with jw.journal() as journal:
        (stored,) = journal.days(day, day)  # type: ignore[arg-type]
    return {
        d.planned.time: (d.entry.status, d.entry.taken_at, d.entry.reason)
        for d in stored.doses
        if d.entry is not None
    }


def test_one_row_per_planned_dose_with_time_amount_and_form(page: JournalPage) -> None:
    rows = page.day_panel.rows
    assert [r.check.text() for r in rows] == ["07:30", "12:30", "18:30", "22:30"]
    assert [r.amount.text() for r in rows] == ["125 mg elemental, magnesium citrate"] * 4
    assert [r.status.text() for r in rows] == ["Not recorded yet"] * 4
    assert page.day_panel.title() == "Doses today"


def test_a_dose_is_ticked_taken_with_a_click_and_with_space(
    qtbot: QtBot, page: JournalPage, journal_window: JournalWindow
) -> None:
    click(qtbot, page.day_panel.rows[0].check)
    assert _entries(journal_window) == {"07:30": ("taken", None, "")}
    assert page.day_panel.rows[0].check.isChecked()
    assert page.day_panel.rows[0].status.text() == "Taken"

    second = page.day_panel.rows[1].check
    second.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert set(_entries(journal_window)) == {"07:30", "12:30"}
    assert focused().accessibleName() == "Taken: the 12:30 dose"  # the keyboard stays there
    qtbot.keyClick(focused(), Qt.Key.Key_Space)  # unticked: not recorded again
    assert set(_entries(journal_window)) == {"07:30"}
    assert page.day_panel.rows[1].status.text() == "Not recorded yet"


def test_skipped_with_a_reason(
    qtbot: QtBot,
    page: JournalPage,
    journal_window: JournalWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answer_dialog(SkippedDialog, monkeypatch)

    def say_why(dialog: QWidget) -> None:
        assert isinstance(dialog, SkippedDialog)
        dialog.reason_edit.setFocus()
        qtbot.keyClicks(dialog.reason_edit, "felt  sick ")
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)

    when_shown(say_why)
    click(qtbot, page.day_panel.rows[2].skipped)
    assert _entries(journal_window) == {"18:30": ("skipped", None, "felt sick")}
    row = page.day_panel.rows[2]
    assert row.status.text() == "Skipped: felt sick" and not row.check.isChecked()


def test_taken_at_another_time_takes_times_as_the_window_does(
    qtbot: QtBot,
    page: JournalPage,
    journal_window: JournalWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answer_dialog(TakenAtDialog, monkeypatch)
    seen: list[str] = []

    def type_times(dialog: QWidget) -> None:
        assert isinstance(dialog, TakenAtDialog)
        field = dialog.time_edit
        assert field.text() == "22:30"  # the planned time to start from
        for text in ("25:00", "9:10 pm"):
            field.selectAll()
            qtbot.keyClicks(field, text)
            qtbot.keyClick(field, Qt.Key.Key_Return)
            seen.append(dialog.message.text())
        assert not dialog.isVisible()

    when_shown(type_times)
    click(qtbot, page.day_panel.rows[3].moved)
    assert seen == [  # 25:00 is said under the field, and the dialog stays open
        "Taken at '25:00' is not a time of day: hours 00-23, minutes 00-59",
        "",
    ]
    assert _entries(journal_window) == {"22:30": ("moved", "21:10", "")}
    row = page.day_panel.rows[3]
    assert row.status.text() == "Taken at 21:10" and row.check.isChecked()


def test_past_days_are_corrected_and_no_day_after_today_is_shown(
    qtbot: QtBot, page: JournalPage, journal_window: JournalWindow
) -> None:
    day = page.day_panel
    assert not day.next_button.isEnabled() and not day.today_button.isEnabled()
    assert day.date_edit.maximumDate() == QDate(TODAY.year, TODAY.month, TODAY.day)
    click(qtbot, day.previous_button)
    click(qtbot, day.previous_button)
    assert day.day == days_ago(2) and day.title() == "Doses on Saturday 28 June 2025"
    before = _entries(journal_window, days_ago(2))
    first = day.rows[0]
    was_taken = first.check.isChecked()
    click(qtbot, first.check)  # corrected
    after = _entries(journal_window, days_ago(2))
    assert ("07:30" in after) != was_taken and after != before
    assert page.calendar.mark(days_ago(2)) is not None
    assert page.calendar.mark(days_ago(2)).recorded == len(after)  # type: ignore[union-attr]

    edit = day.date_edit.findChild(QLineEdit)
    assert edit is not None
    day.date_edit.setFocus()
    day.date_edit.setDate(QDate(2025, 7, 5))  # after today: held at today
    assert day.day == TODAY
    click(qtbot, day.previous_button)
    click(qtbot, day.today_button)
    assert day.day == TODAY


def test_side_effects_are_ticked_for_the_day_shown(
    qtbot: QtBot, page: JournalPage, journal_window: JournalWindow
) -> None:
    boxes = page.day_panel.side_effect_boxes
    assert [b.text() for b in boxes.values()] == [
        "Loose stools",
        "Nausea",
        "Stomach cramps",
        "Drowsiness",
    ]
    click(qtbot, boxes["nausea"])
    click(qtbot, boxes["loose_stools"])
    click(qtbot, boxes["loose_stools"])  # taken back
    with journal_window.journal() as journal:
        noted = [(s.day, s.effect) for s in journal.side_effects(TODAY, TODAY)]
    assert noted == [(TODAY, "nausea")]
    click(qtbot, page.day_panel.previous_button)
    assert not page.day_panel.side_effect_boxes["nausea"].isChecked()


def test_a_row_s_menu_marks_the_dose_and_forgets_the_mark(
    qtbot: QtBot, page: JournalPage, journal_window: JournalWindow
) -> None:
    day = page.day_panel

    def menu_of_row(index: int) -> list[QAction]:
        row = day.rows[index]
        row.amount.customContextMenuRequested.emit(row.amount.rect().center())  # a right click
        assert day.row_menu is not None
        qtbot.waitUntil(day.row_menu.isVisible)
        return [a for a in day.row_menu.actions() if not a.isSeparator()]

    def choose(actions: list[QAction], text: str) -> None:
        next(a for a in actions if a.text() == text).trigger()
        assert day.row_menu is not None
        day.row_menu.close()

    actions = menu_of_row(1)
    assert [(a.text(), a.isEnabled()) for a in actions] == [
        ("Taken", True),
        ("Taken at another time…", True),
        ("Skipped…", True),
        ("Not recorded", False),  # nothing recorded yet to forget
    ]
    choose(actions, "Taken")
    assert _entries(journal_window) == {"12:30": ("taken", None, "")}
    actions = menu_of_row(1)
    assert actions[-1].isEnabled()
    choose(actions, "Not recorded")
    assert _entries(journal_window) == {}
    assert not day.rows[1].check.isChecked()


def test_doses_taken_together_are_cautioned_as_the_command_line_does(
    qtbot: QtBot,
    page: JournalPage,
    journal_window: JournalWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Three 125 mg doses taken at 07:30: the page says what that broke (more than one dose may
    hold), in the day's panel and the status bar (found by the window review)."""
    page.day_panel._write(page.day_panel.rows[0].dose, "taken")
    answer_dialog(TakenAtDialog, monkeypatch)

    def at_half_past_seven(dialog: QWidget) -> None:
        assert isinstance(dialog, TakenAtDialog)
        dialog.time_edit.selectAll()
        qtbot.keyClicks(dialog.time_edit, "07:40")
        qtbot.keyClick(dialog.time_edit, Qt.Key.Key_Return)

    assert not page.day_panel.caution.isVisible()
    for index in (1, 2):
        when_shown(at_half_past_seven)
        click(qtbot, page.day_panel.rows[index].moved)
    caution = page.day_panel.caution
    assert caution.isVisible() and caution.text().startswith("Caution: ")
    assert "within an hour" in caution.text()


def test_tab_reaches_the_doses_right_after_the_day_s_buttons(page: JournalPage) -> None:
    """The doses are the page's main task: after the day's buttons Tab goes to the first
    dose's tick, then its buttons, then the next dose (found by the window review)."""
    day = page.day_panel

    def next_stop(widget: QWidget) -> QWidget:
        found = widget.nextInFocusChain()
        while not found.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found = found.nextInFocusChain()
        return found

    assert next_stop(day.today_button) is day.rows[0].check
    assert next_stop(day.rows[0].moved) is day.rows[1].check
    assert next_stop(day.rows[-1].moved) is next(iter(day.side_effect_boxes.values()))
