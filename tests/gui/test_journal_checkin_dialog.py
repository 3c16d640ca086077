"""Check in… on the Journal page with the real check-in dialog: WHO-5 answered question by
question, kept for the day shown with its score."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from magplan.gui.checkin_dialog import CheckinDialog, ScaleForm
from magplan.journal.scales import scale
from tests.gui.helpers import click
from tests.gui.journal_helpers import (
    WITH_DEPRESSION,
    JournalWindow,
    answer_dialog,
    journal_window,
    save_profile,
    when_shown,
)
from tests.journal.year import TODAY

__all__ = ["journal_window"]


def test_who_5_answered_in_the_dialog_is_kept_for_today(
    qtbot: QtBot, journal_window: JournalWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_profile(journal_window.store, WITH_DEPRESSION)
    journal_window.controller.open_profile("Anna")
    page = journal_window.open_journal_page(qtbot)
    answer_dialog(CheckinDialog, monkeypatch)
    items = len(scale("who5").items)

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, CheckinDialog) and isinstance(dialog.form, ScaleForm)
        for question in dialog.form.items:
            button = question.button(3)
            dialog.scroll_area.ensureWidgetVisible(button)
            click(qtbot, button)
        click(qtbot, dialog.ok_button)

    when_shown(answer)
    click(qtbot, page.checkins_panel.buttons["who5"])
    with journal_window.journal() as journal:
        kept = [(c.day, c.kind, c.answers, c.score) for c in journal.checkins(TODAY, TODAY)]
    assert kept == [(TODAY, "who5", {"items": [3] * items}, 3.0 * items)]
    qtbot.waitUntil(lambda: page.settled)
    assert "who5" in page.scores_panel.views
