"""File ▸ Print Food List… and Export Food List as PDF…: the foods that carry magnesium for the
window's person (their goals, their diet estimate) and a grocery list, printed or saved as the
card is. No dialog is ever shown: each is replaced by what a user would do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow
from pytestqt.qtbot import QtBot

import magplan.core.foods
from magplan.core.foods import FoodDataError
from magplan.core.plan import Plan
from magplan.core.request import PlanRequest
from magplan.gui.app import install_extensions
from magplan.gui.main_window import MainWindow
from magplan.gui.print_actions import PrintActions, install_print_actions
from magplan.gui.status import StatusBar
from magplan.present.words import format_mg
from magplan.printing.foods import BOX
from tests.gui.helpers import click
from tests.printing.food_cases import CONSTIPATION_ARGS, page_texts, with_diet

PREVIEW = "Food List Preview…"
PRINT = "Print Food List…"
EXPORT = "Export Food List as PDF…"


class ContractWindow(QMainWindow):
    """A window with just what the print actions need (the shared window contract), showing
    a plan with a diet: the window's Food page, where a diet is given, is not needed here."""

    planChanged = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.file_menu = self.menuBar().addMenu("&File")
        self.quit_action = QAction("&Quit", self)
        self.file_menu.addAction(self.quit_action)
        self.plan: Plan | None = None
        self.request: PlanRequest | None = None

    def show_plan(self, current: tuple[Plan, PlanRequest] | None) -> None:
        self.plan, self.request = current if current is not None else (None, None)
        self.planChanged.emit()

    def current_request(self) -> PlanRequest | None:
        return self.request

    def current_plan(self) -> Plan | None:
        return self.plan

    def card_info(self) -> tuple[str, str]:
        return ("Maria Jensen", "A. Lund, RD")


@pytest.fixture
def contract(qtbot: QtBot) -> ContractWindow:
    win = ContractWindow()
    qtbot.addWidget(win)
    install_print_actions(win)
    return win


def _action(window: QMainWindow, text: str) -> QAction:
    menu = window.file_menu  # type: ignore[attr-defined]
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


def _save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    offered: list[str] = []

    def answer(_parent: Any, _caption: str, start: str, filter_: str) -> tuple[str, str]:
        offered.append(Path(start).name)
        return (str(path), filter_)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return offered


def _text(path: Path) -> str:
    pages = page_texts(path)
    assert 1 <= len(pages) <= 2
    return " ".join(pages)


def test_the_food_list_is_beside_print_and_waits_for_a_valid_plan(
    contract: ContractWindow,
) -> None:
    texts = [a.text().replace("&", "") for a in contract.file_menu.actions() if a.text()]
    assert texts.index(PREVIEW) == texts.index("Print…") + 1
    assert texts.index(PRINT) == texts.index("Print…") + 2
    assert texts.index(EXPORT) == texts.index("Export PDF…") + 1
    assert not _action(contract, PRINT).isEnabled() and not _action(contract, EXPORT).isEnabled()
    contract.show_plan(with_diet(CONSTIPATION_ARGS))
    assert _action(contract, PRINT).isEnabled() and _action(contract, EXPORT).isEnabled()
    assert _action(contract, PREVIEW).isEnabled()
    contract.show_plan(None)  # a field marked invalid: no plan the inputs describe
    assert not _action(contract, PRINT).isEnabled() and not _action(contract, PREVIEW).isEnabled()


def test_without_a_valid_plan_it_says_why(
    contract: ContractWindow, no_modal_dialogs: list[tuple[str, str]], tmp_path: Path
) -> None:
    controller = contract._magplan_print_actions  # type: ignore[attr-defined]
    assert isinstance(controller, PrintActions)
    controller.save_food_list_pdf()
    controller.print_foods()
    assert [title for title, _ in no_modal_dialogs] == [
        "Export Food List as PDF",
        "Print Food List",
    ]
    assert all("marked invalid" in text for _, text in no_modal_dialogs)
    assert list(tmp_path.iterdir()) == []


def test_export_writes_the_persons_food_list_where_they_chose(
    contract: ContractWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    plan, request = with_diet(CONSTIPATION_ARGS)
    assert plan.diet is not None
    contract.show_plan((plan, request))
    offered = _save_as(monkeypatch, tmp_path / "foods")
    _action(contract, EXPORT).trigger()
    assert offered == ["Maria Jensen – magnesium food list.pdf"]
    text = _text(tmp_path / "foods.pdf")  # the suffix is added
    assert "Maria Jensen" in text and "A. Lund, RD" in text
    assert f"About {format_mg(plan.diet.mg_per_day)} a day from food (an estimate)" in text
    assert "Foods that would close the gap first (good sources of fibre, for constipation)" in text
    assert "Grocery list" in text and f"{BOX} " in text and "Ideas:" in text
    assert "USDA FoodData Central" in text


def test_print_sends_the_food_list_to_the_chosen_printer(
    contract: ContractWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    contract.show_plan(with_diet(CONSTIPATION_ARGS))
    out = tmp_path / "printed.pdf"
    titles: list[str] = []

    def accept(dialog: QPrintDialog) -> int:
        titles.append(dialog.windowTitle())
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    _action(contract, PRINT).trigger()
    assert titles == ["Print Food List"]
    text = _text(out)
    assert "Magnesium in food" in text and "a day from food (an estimate)" in text
    assert "Grocery list" in text


def test_food_data_that_cannot_be_read_is_said_and_nothing_is_written(
    contract: ContractWindow,
    monkeypatch: pytest.MonkeyPatch,
    no_modal_dialogs: list[tuple[str, str]],
    tmp_path: Path,
) -> None:
    contract.show_plan(with_diet(CONSTIPATION_ARGS))

    def broken() -> None:
        raise FoodDataError("cannot read the food data: foods.json is missing")

    monkeypatch.setattr(magplan.core.foods, "load_foods", broken)
    asked = _save_as(monkeypatch, tmp_path / "foods.pdf")
    _action(contract, EXPORT).trigger()
    assert asked == [] and list(tmp_path.iterdir()) == []
    assert no_modal_dialogs == [
        (
            "Export Food List as PDF",
            "The food list cannot be made: cannot read the food data: foods.json is missing",
        )
    ]


def test_the_window_exports_the_food_list_for_its_goals(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    install_extensions(window)
    click(qtbot, window.goals_panel.box("constipation"))
    assert window.current_plan() is not None
    out = tmp_path / "exports" / "foods.pdf"
    out.parent.mkdir()
    _save_as(monkeypatch, out)
    _action(window, EXPORT).trigger()
    text = _text(out)
    assert "good sources of fibre come first" in text  # the goal reached the list
    assert "Your diet" not in text  # no diet given in the window
    bar = window.statusBar()
    assert isinstance(bar, StatusBar) and bar.note.text() == f"Exported to {out}"


def test_the_preview_paints_the_food_list(
    contract: ContractWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    contract.show_plan(with_diet(CONSTIPATION_ARGS))
    out = tmp_path / "preview.pdf"
    titles: list[str] = []

    def show(dialog: QPrintPreviewDialog) -> int:
        titles.append(dialog.windowTitle())
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        dialog.paintRequested.emit(printer)
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", show)
    _action(contract, PREVIEW).trigger()
    assert titles == ["Food List Preview — Magnesium Planner"]
    text = _text(out)
    assert "Maria Jensen" in text and "Grocery list" in text and "Your diet." in text
