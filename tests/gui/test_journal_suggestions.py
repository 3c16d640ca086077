"""Suggestions on the Journal page: each open one with its reason and sources, low adherence
first; Accept carries out its one action on the saved profile, and the window shows the
profile again (inputs, plan, ramp) and says so in the status bar; Decline keeps the plan."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from magplan.gui.journal_page import JournalPage
from magplan.gui.journal_suggestions import UNDERSTOOD
from magplan.gui.status import StatusBar
from tests.gui.helpers import click, retype
from tests.gui.journal_helpers import (
    FOUR_DOSES,
    JournalWindow,
    days_ago,
    fill_journal,
    journal_window,
    save_profile,
)

__all__ = ["journal_window"]

HOLD = "Stay at week 2's amount one more week"


@pytest.fixture
def page(qtbot: QtBot, journal_window: JournalWindow) -> JournalPage:
    """Two weeks of the start-low ramp, half the doses taken, loose stools on two days of the
    second week: low adherence, and holding the second step (today is the third week's
    first day, while that suggestion holds)."""
    store = journal_window.store
    save_profile(store, FOUR_DOSES)
    fill_journal(store, days=14, after_ramp=False, taken_share=0.5, moved_share=0.0, seed=3)
    with journal_window.journal() as journal:
        for day in (days_ago(6), days_ago(5)):
            journal.add_side_effect(day, "loose_stools")
    journal_window.controller.open_profile("Anna")
    return journal_window.open_journal_page(qtbot)


def _buttons(page: JournalPage, index: int) -> dict[str, QPushButton]:
    card = page.suggestions_panel.cards[index]
    return {b.text(): b for b in card.findChildren(QPushButton)}


def _status(jw: JournalWindow) -> str:
    bar = jw.window.statusBar()
    assert isinstance(bar, StatusBar)
    return bar.note.text()


def test_each_open_suggestion_with_its_reason_and_sources_low_adherence_first(
    page: JournalPage,
) -> None:
    shown = page.suggestions_panel.shown
    codes = [s.code for s in shown]
    assert codes[0] == "low_adherence" and "hold_step" in codes
    first = page.suggestions_panel.cards[0]
    assert "planned doses were taken" in first.accessibleDescription()
    sources = [lab.text() for lab in first.findChildren(QLabel) if lab.text().startswith("So")]
    assert sources == [
        "Sources: Usual adherence convention (80%); "
        "Dietitian's article on magnesium and mental health"
    ]
    assert list(_buttons(page, 0)) == [UNDERSTOOD]  # a statement: nothing to carry out
    hold = codes.index("hold_step")
    assert list(_buttons(page, hold)) == [HOLD, "Decline"]
    assert (
        "Loose stools on 2 days in week 2"
        in page.suggestions_panel.cards[hold].accessibleDescription()
    )


def test_accepting_holds_the_step_in_the_saved_profile_and_the_window_shows_it(
    qtbot: QtBot, page: JournalPage, journal_window: JournalWindow
) -> None:
    window = journal_window.window
    hold = [s.code for s in page.suggestions_panel.shown].index("hold_step")
    click(qtbot, _buttons(page, hold)[HOLD])

    assert journal_window.store.load("Anna").request.ramp_holds == (2,)  # saved
    assert journal_window.controller.current is not None
    assert journal_window.controller.current.request.ramp_holds == (2,)
    request = window.current_request()
    assert request is not None and request.ramp_holds == (2,)  # the window's inputs
    plan = window.current_plan()
    assert plan is not None and plan.titration[2].held  # week 3 repeats week 2's amount
    assert not journal_window.controller.modified
    assert _status(journal_window).startswith(f"Accepted: {HOLD}. The profile “Anna” was saved")
    with journal_window.journal() as journal:
        assert journal.plan_versions()[-1].reason == f"accepted: {HOLD}"
        assert [s.status for s in journal.suggestions() if s.code == "hold_step"] == ["accepted"]
    assert "hold_step" not in [s.code for s in page.suggestions_panel.shown]


def test_understood_sets_a_statement_aside_without_touching_the_profile(
    qtbot: QtBot, page: JournalPage, journal_window: JournalWindow
) -> None:
    saved_at = journal_window.store.load("Anna").saved_at
    click(qtbot, _buttons(page, 0)[UNDERSTOOD])
    assert journal_window.store.load("Anna").saved_at == saved_at
    with journal_window.journal() as journal:
        decided = {s.code: s.status for s in journal.suggestions() if s.status != "open"}
    assert decided == {"low_adherence": "accepted"}
    assert _status(journal_window).startswith("Noted: the suggestion about the week from")


def test_declining_keeps_the_plan(
    qtbot: QtBot, page: JournalPage, journal_window: JournalWindow
) -> None:
    hold = [s.code for s in page.suggestions_panel.shown].index("hold_step")
    click(qtbot, _buttons(page, hold)["Decline"])
    assert journal_window.store.load("Anna").request.ramp_holds == ()
    with journal_window.journal() as journal:
        assert [s.status for s in journal.suggestions() if s.code == "hold_step"] == ["declined"]
    assert _status(journal_window) == f"Declined: {HOLD}. The plan stays as it is."


def test_with_unsaved_edits_accepting_asks_first(
    qtbot: QtBot,
    page: JournalPage,
    journal_window: JournalWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = journal_window.window
    window.pages.show_plan()
    retype(qtbot, window.person_panel.age_spin, "52")  # an edit not saved
    assert journal_window.controller.modified
    window.pages.open_page(1)
    asked: list[str] = []

    def cancel(_parent: object, title: str, text: str, *args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", staticmethod(cancel))
    hold = [s.code for s in page.suggestions_panel.shown].index("hold_step")
    click(qtbot, _buttons(page, hold)[HOLD])
    assert asked == ["Save changes to “Anna”?"]
    assert journal_window.store.load("Anna").request.ramp_holds == ()  # nothing done

    def discard(*_args: object) -> object:
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", staticmethod(discard))
    click(qtbot, _buttons(page, hold)[HOLD])
    assert journal_window.store.load("Anna").request.ramp_holds == (2,)
    request = window.current_request()
    assert request is not None and request.ramp_holds == (2,) and request.age_years != 52
