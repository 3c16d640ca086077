"""File ▸ Print Preview…, Print…, Export PDF…, Export Calendar… on a window that keeps the
shared window contract (the real main window is built elsewhere; this one has just the
contract's attributes). No dialog is ever shown: each is replaced by what a user would do."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import (
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from magplan.core.plan import Plan
from magplan.core.request import PlanRequest
from magplan.gui.export_dialog import StartDateDialog
from magplan.gui.print_actions import export_file_name, install_print_actions
from tests.printing.print_cases import BLOCKED_ARGS, TYPICAL_ARGS, pdf_pages, pdf_text, planned


class ContractWindow(QMainWindow):
    planChanged = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.file_menu = self.menuBar().addMenu("&File")
        self.quit_action = QAction("&Quit", self)
        self.file_menu.addAction(self.quit_action)
        self.plan: Plan | None = None
        self.request: PlanRequest | None = None
        self.person_name = "Maria Jensen"

    def show_plan(self, args: list[str]) -> None:
        self.plan, self.request = planned(args)
        self.planChanged.emit()

    def current_request(self) -> PlanRequest | None:
        return self.request

    def current_plan(self) -> Plan | None:
        return self.plan

    def card_info(self) -> tuple[str, str]:
        return (self.person_name, "A. Lund, RD")


@pytest.fixture
def window(qtbot: QtBot) -> ContractWindow:
    win = ContractWindow()
    qtbot.addWidget(win)
    return win


def _by_text(actions: list[QAction]) -> dict[str, QAction]:
    return {a.text().replace("&", ""): a for a in actions}


def _save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    asked: list[str] = []

    def answer(parent: Any, caption: str, start: str, filter_: str) -> tuple[str, str]:
        asked.append(start)
        return (str(path), filter_)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return asked


def _start_on(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, typed: str | None) -> list[str]:
    """Export Calendar's first question answered from the keyboard: the digits ``typed`` into
    the date (opened with its year chosen), then Enter; Escape when ``typed`` is None. Returns
    the date each dialog offered first."""
    offered: list[str] = []

    def answer(dialog: StartDateDialog) -> int:
        dialog.show()
        dialog.activateWindow()  # as exec() does
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        field = QApplication.focusWidget()
        assert field is dialog.date_edit
        offered.append(dialog.date_edit.text())
        if typed is None:
            qtbot.keyClick(field, Qt.Key.Key_Escape)
        else:
            qtbot.keyClicks(field, typed)
            qtbot.keyClick(field, Qt.Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(StartDateDialog, "exec", answer)
    return offered


def _warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def warning(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return shown


def test_actions_go_before_quit_and_wait_for_a_plan(window: ContractWindow) -> None:
    actions = install_print_actions(window)
    texts = [a.text().replace("&", "") for a in window.file_menu.actions() if not a.isSeparator()]
    assert texts == [
        "Print Preview…",
        "Print…",
        "Food List Preview…",
        "Print Food List…",
        "Export PDF…",
        "Export Food List as PDF…",
        "Export Calendar…",
        "Quit",
    ]
    assert window.file_menu.actions()[-2].isSeparator()
    named = _by_text(actions)
    assert named["Print…"].shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert not any(a.isEnabled() for a in actions)

    window.show_plan(TYPICAL_ARGS)
    assert all(a.isEnabled() for a in actions)

    window.show_plan(BLOCKED_ARGS)  # the gate prints; there is nothing to remind
    assert named["Print…"].isEnabled() and named["Export PDF…"].isEnabled()
    assert not named["Export Calendar…"].isEnabled()


def test_export_pdf_writes_the_card_where_the_user_chose(
    window: ContractWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    actions = _by_text(install_print_actions(window))
    window.show_plan(TYPICAL_ARGS)
    asked = _save_as(monkeypatch, tmp_path / "maria")
    shown = _warnings(monkeypatch)
    actions["Export PDF…"].trigger()
    out = tmp_path / "maria.pdf"  # the suffix is added
    assert len(pdf_pages(out)) == 1
    assert "Maria Jensen" in pdf_text(out)
    assert Path(asked[0]).name == "Maria Jensen – magnesium schedule.pdf"
    assert shown == []


def test_export_pdf_to_a_missing_folder_warns_and_writes_nothing(
    window: ContractWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    actions = _by_text(install_print_actions(window))
    window.show_plan(TYPICAL_ARGS)
    _save_as(monkeypatch, tmp_path / "gone" / "card.pdf")
    shown = _warnings(monkeypatch)
    actions["Export PDF…"].trigger()
    assert len(shown) == 1 and "does not exist" in shown[0]
    assert list(tmp_path.iterdir()) == []


def test_cancelling_the_save_dialog_writes_nothing(
    window: ContractWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    actions = _by_text(install_print_actions(window))
    window.show_plan(TYPICAL_ARGS)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    monkeypatch.setattr(StartDateDialog, "exec", lambda d: QDialog.DialogCode.Accepted.value)
    actions["Export PDF…"].trigger()
    actions["Export Calendar…"].trigger()
    assert list(tmp_path.iterdir()) == []


def test_export_calendar_writes_reminders(
    window: ContractWindow, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, tmp_path: Path
) -> None:
    actions = _by_text(install_print_actions(window))
    window.show_plan(TYPICAL_ARGS)
    offered = _start_on(monkeypatch, qtbot, "")  # today, as offered
    asked = _save_as(monkeypatch, tmp_path / "reminders.ics")
    actions["Export Calendar…"].trigger()
    assert offered == [dt.date.today().isoformat()]
    assert Path(asked[0]).name == "Maria Jensen – magnesium reminders.ics"
    text = (tmp_path / "reminders.ics").read_text()
    ongoing = [line for line in text.splitlines() if line == "RRULE:FREQ=DAILY"]
    assert len(ongoing) == 2  # one open-ended reminder per dose after the start-low weeks
    assert text.count("BEGIN:VALARM") == text.count("RRULE:FREQ=DAILY")
    assert f"DTSTART;VALUE=DATE:{dt.date.today():%Y%m%d}" in text  # week 1 starts today


def test_export_calendar_starts_on_the_day_chosen(
    window: ContractWindow, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, tmp_path: Path
) -> None:
    actions = _by_text(install_print_actions(window))
    window.show_plan(TYPICAL_ARGS)
    _start_on(monkeypatch, qtbot, "20310303")
    _save_as(monkeypatch, tmp_path / "reminders.ics")
    actions["Export Calendar…"].trigger()
    text = (tmp_path / "reminders.ics").read_text()
    weeks = sorted(line for line in text.splitlines() if line.startswith("DTSTART;VALUE=DATE:"))
    assert weeks[0] == "DTSTART;VALUE=DATE:20310303"  # week 1 of the ramp
    assert "DTSTART;VALUE=DATE:20310310" in weeks  # week 2, a week later
    starts = [line for line in text.splitlines() if line.startswith("DTSTART")]
    assert not any(f"{dt.date.today():%Y%m%d}" in line for line in starts)


def test_cancelling_the_start_day_asks_no_file_and_writes_nothing(
    window: ContractWindow, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, tmp_path: Path
) -> None:
    actions = _by_text(install_print_actions(window))
    window.show_plan(TYPICAL_ARGS)
    _start_on(monkeypatch, qtbot, None)
    asked = _save_as(monkeypatch, tmp_path / "reminders.ics")
    actions["Export Calendar…"].trigger()
    assert asked == [] and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("person", "expected"),
    [
        ("Maria Jensen", "Maria Jensen – magnesium schedule.pdf"),
        ("", "magnesium schedule.pdf"),
        ("   ", "magnesium schedule.pdf"),
        ('A/B: "C" <D>|E?*\\F', "A B C D E F – magnesium schedule.pdf"),
        ("Zoë\tÅngström\n", "Zoë Ångström – magnesium schedule.pdf"),
        ("Ann\u202eA\x00", "AnnA – magnesium schedule.pdf"),  # no direction or control marks
        ("..", "magnesium schedule.pdf"),
        (".hidden. ", "hidden – magnesium schedule.pdf"),
        ("x" * 300, "x" * 80 + " – magnesium schedule.pdf"),
    ],
)
def test_exports_are_named_after_the_person_with_a_safe_file_name(
    person: str, expected: str
) -> None:
    assert export_file_name(person, "magnesium schedule", ".pdf") == expected


def test_export_pdf_without_a_name_offers_the_plain_name(
    window: ContractWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    actions = _by_text(install_print_actions(window))
    window.person_name = ""
    window.show_plan(TYPICAL_ARGS)
    asked = _save_as(monkeypatch, tmp_path / "card.pdf")
    actions["Export PDF…"].trigger()
    assert Path(asked[0]).name == "magnesium schedule.pdf"


def test_print_sends_the_card_to_the_chosen_printer(
    window: ContractWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    actions = _by_text(install_print_actions(window))
    window.show_plan(TYPICAL_ARGS)
    out = tmp_path / "printed.pdf"

    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    actions["Print…"].trigger()
    assert len(pdf_pages(out)) == 1
    assert "22:00" in pdf_text(out)


def test_cancelled_print_prints_nothing(
    window: ContractWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    actions = _by_text(install_print_actions(window))
    window.show_plan(TYPICAL_ARGS)
    monkeypatch.setattr(QPrintDialog, "exec", lambda d: QDialog.DialogCode.Rejected.value)
    actions["Print…"].trigger()
    assert list(tmp_path.iterdir()) == []


def test_preview_paints_the_same_card(
    window: ContractWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    actions = _by_text(install_print_actions(window))
    window.show_plan(BLOCKED_ARGS)
    out = tmp_path / "preview.pdf"

    def show(dialog: QPrintPreviewDialog) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        dialog.paintRequested.emit(printer)
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", show)
    actions["Print Preview…"].trigger()
    text = pdf_text(out)
    assert "NO MAGNESIUM SCHEDULE" in text and "Tick each dose" not in text


def test_preview_opens_at_the_page_width(
    window: ContractWindow, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    actions = _by_text(install_print_actions(window))
    window.show_plan(TYPICAL_ARGS)
    seen: list[tuple[QPrintPreviewWidget.ZoomMode, float, bool]] = []

    def show(dialog: QPrintPreviewDialog) -> int:
        dialog.resize(1000, 700)
        dialog.show()
        qtbot.waitExposed(dialog)
        preview = dialog.findChild(QPrintPreviewWidget)
        fit_width = dialog.findChild(QAction, "fitWidthAction")
        seen.append((preview.zoomMode(), preview.zoomFactor(), fit_width.isChecked()))
        dialog.close()
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", show)
    actions["Print Preview…"].trigger()
    ((mode, zoom, fit_width_checked),) = seen
    assert mode == QPrintPreviewWidget.ZoomMode.FitToWidth and fit_width_checked
    assert zoom > 0.6  # the whole page at that size is about 0.4
