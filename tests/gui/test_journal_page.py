"""The Journal page follows the window's saved profile: with none it says so and offers Save as
profile…; with one, opening the page records a changed plan (history kept) and judges the
completed weeks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QInputDialog,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from magplan.gui.journal_heatmap import AdherenceCalendar
from magplan.gui.journal_page import NO_PROFILE
from tests.gui.helpers import click
from tests.gui.journal_helpers import (
    FOUR_DOSES,
    WITH_DEPRESSION,
    JournalWindow,
    days_ago,
    fill_journal,
    journal_window,
    save_profile,
)
from tests.journal.year import TODAY

__all__ = ["journal_window"]  # the fixture, used by name

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    AdherenceCalendar,
)


def test_without_a_saved_profile_the_page_says_so_and_offers_to_save_one(
    qtbot: QtBot, journal_window: JournalWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = journal_window.open_journal_page(qtbot)
    assert page.empty.isVisible() and not page.body.isVisible()
    assert page.empty_note.text() == NO_PROFILE
    assert "\n" not in NO_PROFILE

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Anna", True)))
    click(qtbot, page.save_button)  # File ▸ Save As…, named Anna
    qtbot.waitUntil(page.body.isVisible)
    assert page.heading.text() == "Journal of “Anna”"
    assert not page.empty.isVisible()
    with journal_window.journal() as journal:  # made, with the plan from today
        assert journal.ramp_start == TODAY
        assert [v.reason for v in journal.plan_versions()] == ["the plan started"]


def test_opening_the_page_records_a_changed_plan_from_today_and_keeps_the_days_before(
    qtbot: QtBot, journal_window: JournalWindow
) -> None:
    store = journal_window.store
    save_profile(store, WITH_DEPRESSION)
    fill_journal(store, days=35)  # the four-dose plan, 22:30 at night, until yesterday
    journal_window.controller.open_profile("Anna")
    page = journal_window.open_journal_page(qtbot)

    assert [r.check.text() for r in page.day_panel.rows] == ["07:30", "12:30", "18:30", "22:00"]
    assert "Plan that day: citrate, 500 mg a day, since Mon 30 Jun 2025" in (
        page.day_panel.plan_line.text()
    )
    with journal_window.journal() as journal:
        versions = journal.plan_versions()
        assert [v.starts_on for v in versions][-1] == TODAY
        assert versions[-1].reason == "the profile's plan was changed"
        yesterday = journal.day_plan(days_ago(1))
        assert yesterday is not None and yesterday.times[-1] == "22:30"

    click(qtbot, page.day_panel.previous_button)  # yesterday keeps its plan
    assert [r.check.text() for r in page.day_panel.rows][-1] == "22:30"
    assert "The plan changed on Mon 30 Jun 2025" in page.day_panel.plan_line.text()


def test_opening_the_page_judges_the_completed_weeks(
    qtbot: QtBot, journal_window: JournalWindow
) -> None:
    store = journal_window.store
    save_profile(store, FOUR_DOSES)
    fill_journal(store, days=21, after_ramp=False, taken_share=0.5, moved_share=0.0)
    with journal_window.journal() as journal:
        assert journal.suggestions() == ()
    journal_window.controller.open_profile("Anna")
    page = journal_window.open_journal_page(qtbot)
    with journal_window.journal() as journal:
        codes = [s.code for s in journal.suggestions("open")]
    assert codes and set(codes) <= {"low_adherence", "hold_step", "gentler_form"}
    assert len(page.suggestions_panel.cards) == len(codes)


def test_the_page_follows_the_profile_the_window_opens(
    qtbot: QtBot, journal_window: JournalWindow
) -> None:
    store = journal_window.store
    save_profile(store, FOUR_DOSES, "Anna")
    save_profile(store, WITH_DEPRESSION, "Ben")
    journal_window.controller.open_profile("Anna")
    page = journal_window.open_journal_page(qtbot)
    assert page.heading.text() == "Journal of “Anna”"
    journal_window.controller.open_profile("Ben")  # File ▸ Open while the page is shown
    qtbot.waitUntil(lambda: page.heading.text() == "Journal of “Ben”")
    assert [r.check.text() for r in page.day_panel.rows][-1] == "22:00"
    journal_window.controller.new_profile()  # File ▸ New: nothing saved to follow
    qtbot.waitUntil(page.empty.isVisible)


def test_every_control_of_the_page_has_an_accessible_name(
    qtbot: QtBot, journal_window: JournalWindow
) -> None:
    store = journal_window.store
    save_profile(store, WITH_DEPRESSION)
    fill_journal(store, plan_request=WITH_DEPRESSION, days=35, taken_share=0.6)
    journal_window.controller.open_profile("Anna")
    page = journal_window.open_journal_page(qtbot)
    controls = [
        w
        for w in page.findChildren(QWidget)
        if isinstance(w, CONTROLS) and w.isVisible() and w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]
    assert len(controls) > 20
    unnamed = [f"{type(w).__name__} {w.text() if hasattr(w, 'text') else ''!r}" for w in controls]
    unnamed = [u for u, w in zip(unnamed, controls, strict=True) if not w.accessibleName()]
    assert unnamed == []


def test_keys_go_to_the_page_on_the_screen(qtbot: QtBot, journal_window: JournalWindow) -> None:
    """Switching pages takes the keyboard with it: Space after View ▸ Journal must not untick
    the Plan page's goal (found by the window review)."""
    from PySide6.QtWidgets import QApplication

    from magplan.gui.pages import JOURNAL, PLAN

    window = journal_window.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    first_goal = window.goals_panel.findChildren(QCheckBox)[0]
    first_goal.setFocus()
    window.pages.view_actions[JOURNAL].trigger()
    focused = QApplication.focusWidget()
    page = window.pages.page(JOURNAL)
    assert focused is not None and page is not None and page.isAncestorOf(focused)
    window.pages.view_actions[PLAN].trigger()
    focused = QApplication.focusWidget()
    assert focused is not None and not page.isAncestorOf(focused) and focused.isVisible()


def test_file_new_shows_the_plan_page(qtbot: QtBot, journal_window: JournalWindow) -> None:
    """A new profile is made on the Plan page: File ▸ New from the Journal page goes there
    (the page said "No saved profile is open" while the inputs were out of sight)."""
    from magplan.gui.pages import JOURNAL, PLAN

    save_profile(journal_window.store, FOUR_DOSES)
    journal_window.controller.open_profile("Anna")
    journal_window.open_journal_page(qtbot)
    assert journal_window.window.pages.current_index() == JOURNAL
    journal_window.controller.new_action.trigger()
    assert journal_window.window.pages.current_index() == PLAN


def test_every_tab_stop_of_the_page_is_a_control(
    qtbot: QtBot, journal_window: JournalWindow
) -> None:
    """The page's scroll areas take no Tab stop (they showed no focus; found by the window
    review): every stop is a control a person can use."""
    from PySide6.QtWidgets import QAbstractScrollArea

    save_profile(journal_window.store, FOUR_DOSES)
    fill_journal(journal_window.store, days=14)
    journal_window.controller.open_profile("Anna")
    page = journal_window.open_journal_page(qtbot)
    areas = [page, *page.findChildren(QAbstractScrollArea)]
    stops = [a for a in areas if a.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert page not in stops
    assert page.suggestions_panel.list_scroll not in stops and page.calendar_scroll not in stops
