"""The status bar: each action's status tip while it is highlighted, "Saved “NAME”" after a
save, "Exported to PATH" with an Open folder button after a PDF or calendar export."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot

from magplan.gui.app import install_extensions
from magplan.gui.export_dialog import StartDateDialog
from magplan.gui.main_window import MainWindow
from magplan.gui.status import StatusBar
from tests.gui.helpers import click, focused


def _bar(window: MainWindow) -> StatusBar:
    bar = window.statusBar()
    assert isinstance(bar, StatusBar)
    return bar


def _file_action(window: MainWindow, text: str) -> object:
    return next(a for a in window.file_menu.actions() if a.text().replace("&", "") == text)


def test_a_highlighted_menu_item_shows_its_status_tip(qtbot: QtBot, window: MainWindow) -> None:
    install_extensions(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(focused(), Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    menu = window.file_menu
    assert QApplication.activePopupWidget() is menu
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    action = menu.activeAction()
    assert action is not None and action.statusTip()
    assert _bar(window).currentMessage() == action.statusTip()
    qtbot.keyClick(menu, Qt.Key.Key_Escape)


def test_saving_says_so_in_the_status_bar(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_extensions(window)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Anna", True)))
    _file_action(window, "Save As…").trigger()  # type: ignore[attr-defined]
    bar = _bar(window)
    assert bar.note.text() == "Saved “Anna”"
    assert not bar.open_folder.isVisible()


def test_a_saved_note_goes_when_the_window_shows_another_profile(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_extensions(window)
    bar = _bar(window)
    named = {"name": "Anna"}
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: (named["name"], True))
    )
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("Anna", True)))
    _file_action(window, "Save As…").trigger()  # type: ignore[attr-defined]
    assert bar.note.text() == "Saved “Anna”"
    _file_action(window, "New").trigger()  # type: ignore[attr-defined]
    assert bar.note.text() == "" and not bar.note.toolTip()

    named["name"] = "Bea"
    _file_action(window, "Save As…").trigger()  # type: ignore[attr-defined]
    assert bar.note.text() == "Saved “Bea”"
    _file_action(window, "Save").trigger()  # type: ignore[attr-defined]
    assert bar.note.text() == "Saved “Bea”"  # the same profile, saved again
    _file_action(window, "Open…").trigger()  # type: ignore[attr-defined]
    assert window.windowTitle().startswith("Anna")
    assert bar.note.text() == ""


@pytest.mark.parametrize("what, suffix", [("Export PDF…", ".pdf"), ("Export Calendar…", ".ics")])
def test_an_export_says_where_and_opens_its_folder(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    what: str,
    suffix: str,
) -> None:
    install_extensions(window)
    out = tmp_path / "exports" / f"Ann{suffix}"
    out.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    monkeypatch.setattr(StartDateDialog, "exec", lambda _d: QDialog.DialogCode.Accepted.value)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    bar = _bar(window)
    assert not bar.open_folder.isVisible()
    _file_action(window, what).trigger()  # type: ignore[attr-defined]
    assert out.exists()
    assert bar.note.text() == f"Exported to {out}"
    assert bar.open_folder.isVisible()
    click(qtbot, bar.open_folder)
    assert opened == [QUrl.fromLocalFile(str(out.parent))]
