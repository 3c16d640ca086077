"""File ▸ Export Follow-up Report: the open profile's journal as the report's PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from magplan.gui.report_action import ReportAction
from tests.gui.journal_helpers import (
    FOUR_DOSES,
    JournalWindow,
    fill_journal,
    journal_window,
    save_profile,
)

__all__ = ["journal_window"]


def _action(jw: JournalWindow) -> ReportAction:
    found = getattr(jw.window, "_magplan_report_action", None)
    assert isinstance(found, ReportAction)
    return found


def test_the_file_menu_has_it_after_the_exports(journal_window: JournalWindow) -> None:
    texts = [a.text() for a in journal_window.window.file_menu.actions()]
    assert texts.index("Export Follow-&up Report…") > texts.index("Export &Calendar…")


def test_without_a_profile_it_says_what_to_do(
    journal_window: JournalWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: said.append(a[2]))
    action = _action(journal_window)
    action.update_enabled()
    assert not action.action.isEnabled()
    action.export()
    assert said == ["Open or save a profile first: the journal is kept with it."]


def test_it_writes_the_report_of_the_open_profile(
    qtbot: QtBot, journal_window: JournalWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    store = journal_window.store
    save_profile(store, FOUR_DOSES)
    fill_journal(store, days=28, after_ramp=False)
    journal_window.controller.open_profile("Anna")
    out = tmp_path / "followup.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(out), ""))
    action = _action(journal_window)
    action.update_enabled()
    assert action.action.isEnabled()
    action.action.trigger()
    pages = PdfReader(str(out)).pages
    text = " ".join(" ".join(p.extract_text().split()) for p in pages)
    assert 1 <= len(pages) <= 2 and "follow-up report" in text and "PHQ-8" in text
    bar = journal_window.window.statusBar()
    assert str(out) in bar.note.text()  # type: ignore[attr-defined]
