"""A window that keeps the main window's contract for the profile actions, and dialogs that
answer as a test says, so that the profile actions are driven without the real window and
without a dialog ever waiting for a click."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QInputDialog, QMainWindow, QMessageBox

from magplan.core.request import PlanRequest

Button = QMessageBox.StandardButton


class FakeWindow(QMainWindow):
    """The main window's contract, and nothing else."""

    inputsChanged = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.request: PlanRequest = PlanRequest()
        self.person, self.prepared = "", ""
        self.file_menu = self.menuBar().addMenu("&File")
        self.file_menu.addSeparator()
        self.quit_action = self.file_menu.addAction("&Quit")
        self.quit_action.triggered.connect(self.close)
        self.setWindowTitle("Magnesium Planner")

    def current_request(self) -> PlanRequest | None:
        return self.request

    def card_info(self) -> tuple[str, str]:
        return self.person, self.prepared

    def set_inputs(self, request: PlanRequest, person_name: str = "", prepared_by: str = ""):
        self.request, self.person, self.prepared = request, person_name, prepared_by

    def user_edits(self, **changes: object) -> None:
        """What typing in a field does: new inputs, then inputsChanged."""
        self.request = replace(self.request, **changes)  # type: ignore[arg-type]
        self.inputsChanged.emit()


class Dialogs:
    """Records the dialogs shown and answers them as the test says."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.questions: list[str] = []
        self.warnings: list[str] = []
        self.answers: list[Button] = []
        self.names: list[tuple[str, bool]] = []
        self.picks: list[tuple[str, bool]] = []
        self.offered: list[list[str]] = []
        self.suggested: list[str] = []  # the text each name dialog started with

        def question(parent, title, text, *args, **kwargs):
            self.questions.append(text)
            return self.answers.pop(0)

        def warning(parent, title, text, *args, **kwargs):
            self.warnings.append(text)
            return Button.Ok

        def get_text(parent, title, label, echo=None, text="", *args, **kwargs):
            self.suggested.append(text)
            return self.names.pop(0)

        def get_item(parent, title, label, items, *args, **kwargs):
            self.offered.append(list(items))
            return self.picks.pop(0)

        monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
        monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
        monkeypatch.setattr(QMessageBox, "information", staticmethod(warning))
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
        monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))
