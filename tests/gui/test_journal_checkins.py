"""Check-ins on the Journal page: those of the profile's goals, due ones first, each with
Check in…, which opens the check-in dialog and keeps its answers and score for the day shown.

The dialog (``magplan.gui.checkin_dialog.CheckinDialog``) is written to a contract: made with
``(kind, parent, *, time_in_bed_min=...)``, and after ``exec()`` returns Accepted,
``values()`` gives ``(answers, score)``. A stand-in keeps that contract here."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from magplan.gui.journal_checkins import score_words
from magplan.gui.journal_page import JournalPage
from magplan.gui.status import StatusBar
from magplan.journal.scales import score
from magplan.journal.summary import CheckinDay
from tests.gui.helpers import click
from tests.gui.journal_helpers import (
    WITH_DEPRESSION,
    JournalWindow,
    StandIn,
    days_ago,
    fill_journal,
    journal_window,
    save_profile,
    stand_in_dialog,
)
from tests.journal.year import TODAY

__all__ = ["journal_window", "stand_in_dialog"]


@pytest.fixture
def page(qtbot: QtBot, journal_window: JournalWindow) -> JournalPage:
    """Depression as a goal (PHQ-8, and WHO-5 for everyone); a PHQ-8 made 3 days ago."""
    store = journal_window.store
    save_profile(store, WITH_DEPRESSION)
    fill_journal(store, plan_request=WITH_DEPRESSION, days=4)  # PHQ-8 only after 7 days
    with journal_window.journal() as journal:
        journal.add_checkin(days_ago(3), "phq8", {"items": [2] * 8}, 16.0)
    journal_window.controller.open_profile("Anna")
    return journal_window.open_journal_page(qtbot)


def test_the_goals_check_ins_due_ones_first(page: JournalPage) -> None:
    panel = page.checkins_panel
    assert panel.due_kinds == ("who5",)
    assert list(panel.buttons) == ["who5", "phq8"]
    assert panel.title() == "Check-ins (1 due today)"
    assert panel.buttons["phq8"].accessibleName() == "Check in: PHQ-8"


def test_check_in_opens_the_dialog_and_keeps_its_answers_for_the_day(
    qtbot: QtBot, page: JournalPage, journal_window: JournalWindow
) -> None:
    click(qtbot, page.checkins_panel.buttons["phq8"])
    assert StandIn.made == [("phq8", 8 * 60 + 30)]  # 22:30 to 07:00: the profile's night
    with journal_window.journal() as journal:
        kept = [(c.day, c.kind, c.answers, c.score) for c in journal.checkins(TODAY, TODAY)]
    assert kept == [(TODAY, "phq8", {"items": [1] * 8}, 8.0)]
    bar = journal_window.window.statusBar()
    assert isinstance(bar, StatusBar)
    assert bar.note.text() == "PHQ-8 kept for Mon 30 Jun 2025: score 8, mild."


def test_a_check_in_is_kept_for_the_day_shown(
    qtbot: QtBot, page: JournalPage, journal_window: JournalWindow
) -> None:
    click(qtbot, page.day_panel.previous_button)
    assert page.checkins_panel.title() == "Check-ins (1 due on Sun 29 Jun 2025)"
    click(qtbot, page.checkins_panel.buttons["who5"])
    with journal_window.journal() as journal:
        assert [(c.day, c.kind) for c in journal.checkins(days_ago(1), TODAY)] == [
            (days_ago(1), "who5")
        ]
    assert page.checkins_panel.due_kinds == ()  # WHO-5 made that day


def test_a_cancelled_check_in_keeps_nothing(
    qtbot: QtBot, page: JournalPage, journal_window: JournalWindow
) -> None:
    StandIn.answer = QDialog.DialogCode.Rejected
    click(qtbot, page.checkins_panel.buttons["who5"])
    with journal_window.journal() as journal:
        assert journal.checkins(TODAY, TODAY) == ()


def test_what_a_check_in_came_to_is_said_as_the_report_says_it() -> None:
    def made(kind: str, score: float | None, band: str = "") -> str:
        return score_words(CheckinDay(TODAY, kind, {}, score, band))

    assert made("phq8", 7.0, "Mild") == "score 7, mild"
    who5 = score("who5", [4, 4, 4, 4, 3])
    assert made("who5", float(who5.value), who5.band_label or "") == (
        f"76%, {(who5.band_label or '')[:1].lower()}{(who5.band_label or '')[1:]}"
    )
    assert made("sleep", 88.2) == "88.2% sleep efficiency"
    assert (made("cramp_days", 2.0), made("migraine_days", 1.0)) == ("2 days", "1 day")
    assert made("stools", None) == ""
