"""Every window test gets private settings and data folders, and no dialog can block it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QStandardPaths
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from magplan.gui.main_window import MainWindow
from magplan.gui.supervision_dialog import SupervisionDialog
from tests.gui.helpers import SupervisionAnswers


@pytest.fixture(autouse=True)
def private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object) -> None:
    """Saved data and Qt's standard folders are this test's own, never the user's (settings:
    the ``private_settings`` fixture of every test)."""
    QStandardPaths.setTestModeEnabled(True)
    monkeypatch.setenv("MAGPLAN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes are recorded instead of shown: a test never waits on a dialog."""
    shown: list[tuple[str, str]] = []

    def record(kind: str) -> object:
        def fake(_parent: object, title: str, text: str, *args: object, **kw: object) -> object:
            shown.append((title, text))
            return QMessageBox.StandardButton.Ok

        return fake

    for kind in ("about", "information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record(kind)))
    monkeypatch.setattr(QMessageBox, "aboutQt", staticmethod(lambda *a, **k: None))
    return shown


@pytest.fixture(autouse=True)
def supervision_dialog(monkeypatch: pytest.MonkeyPatch) -> SupervisionAnswers:
    """The supervising clinician's dialog answers from the test (cancelled unless the test
    gives a name) instead of waiting for a click."""
    answers = SupervisionAnswers()

    def ask(_parent: object) -> str | None:
        answers.asked += 1
        return answers.name

    monkeypatch.setattr(SupervisionDialog, "ask", staticmethod(ask))
    return answers


@pytest.fixture
def us_locale() -> Iterator[None]:
    """The window as it runs where times are written on a 12-hour clock (LANG=en_US.UTF-8:
    QLocale's short time format has "AP")."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win
