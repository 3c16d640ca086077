"""The real window with its profile and print actions, driven as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot

from magplan.gui.app import install_extensions
from magplan.gui.main_window import MainWindow
from magplan.profiles.store import ProfileStore
from tests.gui.helpers import retype


def _actions(window: MainWindow) -> dict[str, object]:
    return {a.text().replace("&", ""): a for a in window.file_menu.actions() if a.text()}


def test_save_is_refused_while_a_field_is_invalid_and_the_edits_stay(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    no_modal_dialogs: list[tuple[str, str]],
) -> None:
    install_extensions(window)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Anna", True)))
    retype(qtbot, window.day_panel.bed_edit, "23:3x")
    assert window.marks.marked()
    _actions(window)["Save As…"].trigger()  # type: ignore[attr-defined]
    assert any("error" in text.lower() for _, text in no_modal_dialogs)
    assert ProfileStore().list().names() == []
    assert window.isWindowModified()


def test_export_pdf_explains_instead_of_printing_a_stale_plan(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    no_modal_dialogs: list[tuple[str, str]],
) -> None:
    install_extensions(window)
    out = tmp_path / "card.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    retype(qtbot, window.day_panel.bed_edit, "23:3x")
    _actions(window)["Export PDF…"].trigger()  # type: ignore[attr-defined]
    assert not out.exists()
    assert any("marked invalid" in text for _, text in no_modal_dialogs)
    retype(qtbot, window.day_panel.bed_edit, "23:30")
    _actions(window)["Export PDF…"].trigger()  # type: ignore[attr-defined]
    assert out.exists()
