"""Every test runs headless, with a private data folder and private settings."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAGPLAN_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Settings go to this test's own folder, never the user's, in every format and scope
    Qt has; and the program keeps them all in the one file ``app_settings()`` names, so a
    test that leaves any other settings file (a second way of opening settings) fails."""
    from PySide6.QtCore import QSettings

    from magplan.gui.settings import app_settings

    folder = tmp_path_factory.mktemp("settings")  # beside tmp_path: tests check it stays empty
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(folder))
    yield folder
    allowed = Path(app_settings().fileName())
    others = sorted(str(p) for p in folder.rglob("*") if p.is_file() and p != allowed)
    assert not others, f"settings written outside app_settings(): {others}"


def _real_exec() -> object:
    from PySide6.QtWidgets import QDialog

    return QDialog.exec


_REAL_EXEC = _real_exec()


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog the test did not answer fails the test at once instead of waiting for a
    click that never comes (a test answers one by patching its ``exec``, or the static
    function that shows it, after this; one that runs a dialog for real, answered by a timer,
    calls ``QDialog.real_exec_for_tests(dialog)``)."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

    def refuse(what: str) -> object:
        def blocked(*_args: object, **_kw: object) -> object:
            raise AssertionError(f"{what} would wait for the user: the test must answer it")

        return blocked

    monkeypatch.setattr(QDialog, "exec", refuse("a modal dialog"))
    monkeypatch.setattr(QDialog, "real_exec_for_tests", _REAL_EXEC, raising=False)
    monkeypatch.setattr(QMessageBox, "exec", refuse("a message box"))
    for name in ("getSaveFileName", "getOpenFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(refuse(f"QFileDialog.{name}")))
    for name in ("getText", "getItem", "getInt", "getDouble"):
        monkeypatch.setattr(QInputDialog, name, staticmethod(refuse(f"QInputDialog.{name}")))
