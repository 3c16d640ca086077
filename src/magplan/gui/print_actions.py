"""File ▸ Print Preview…, Print…, Food List Preview…, Print Food List…, Export PDF…, Export
Food List as PDF…, Export Calendar… for the main window.

Every action uses the window's current plan: the card through the one card renderer
(:mod:`magplan.printing.card`), the food list (the foods that carry magnesium for the person's
goals, their diet estimate and a grocery list) through :mod:`magplan.printing.foods`, printed
and exported the same way. They are disabled while there is no plan, and Export Calendar…
also while the plan is blocked (it has no doses to remind).

The preview opens at the page's width (the card is read, not looked at from afar). Export
Calendar asks first for the day the reminders start (today unless changed). The files offered
are named after the person ("Maria Jensen – magnesium schedule.pdf"), with what no file name
can hold left out.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMenu, QMessageBox

from magplan.core.plan import Plan
from magplan.core.request import PlanRequest
from magplan.gui.status import tell, tell_exported

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from magplan.present.diet import FoodSheet
    from magplan.printing.card import CardInfo

# The renderer, QtPrintSupport and the calendar library are imported when an action runs, not
# when the window starts: a user who never prints never pays for them.

PDF_WHAT = "magnesium schedule"
FOOD_LIST_WHAT = "magnesium food list"
ICS_WHAT = "magnesium reminders"
MAX_NAME_IN_FILE_CHARS = 80  # of the person's name, in a file name
PREVIEW_MAX_WIDTH_PX = 1000
_UNSAFE_IN_FILE_NAMES = set('<>:"/\\|?*')  # Windows' list, which covers the others'


def export_file_name(person_name: str, what: str, suffix: str) -> str:
    """The file name offered for an export: ``"Maria Jensen – magnesium schedule.pdf"``, or
    ``"magnesium schedule.pdf"`` without a name. Characters no file name can hold (``/ \\ :
    * ? " < > |``) become spaces, control and invisible characters are left out, spaces run
    together, and dots and spaces are trimmed from the ends of the name (Windows drops them)."""
    kept = "".join(_in_file_name(ch) for ch in unicodedata.normalize("NFC", person_name))
    name = " ".join(kept.split())[:MAX_NAME_IN_FILE_CHARS].strip(". ")
    return f"{name} – {what}{suffix}" if name else f"{what}{suffix}"


def _in_file_name(ch: str) -> str:
    """``ch`` as a file name can hold it: a space for any space and for a character no file
    name can hold; nothing for one that cannot be seen (control, format, unassigned)."""
    if ch.isspace() or ch in _UNSAFE_IN_FILE_NAMES:
        return " "
    return "" if unicodedata.category(ch).startswith("C") else ch


class PrintableWindow(Protocol):
    """What the print actions need from the main window (the shared window contract)."""

    file_menu: QMenu
    quit_action: QAction

    def current_request(self) -> PlanRequest | None: ...

    def current_plan(self) -> Plan | None: ...

    def card_info(self) -> tuple[str, str]: ...


class PrintActions:
    """The four actions and what they do; kept alive by the window."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.preview = QAction("Print Pre&view…", window)
        self.print = QAction("&Print…", window)
        self.print.setShortcut(QKeySequence.StandardKey.Print)
        self.export_pdf = QAction("Export P&DF…", window)
        self.preview.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.export_pdf.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_ics = QAction("Export &Calendar…", window)
        self.preview_food_list = QAction("Food List Pr&eview…", window)
        self.print_food_list = QAction("Print Food &List…", window)
        self.export_food_list = QAction("Export Food Lis&t as PDF…", window)
        self.preview.setStatusTip("See the printed one-page schedule")
        self.print.setStatusTip("Print the one-page schedule")
        self.export_pdf.setStatusTip("Save the one-page schedule as a PDF")
        self.export_ics.setStatusTip("Save daily reminders for each dose as a calendar file")
        self.preview_food_list.setStatusTip(
            "See the printed food list: your diet estimate, foods to try and a grocery list"
        )
        self.print_food_list.setStatusTip(
            "Print the foods that carry magnesium, your diet estimate and a grocery list"
        )
        self.export_food_list.setStatusTip(
            "Save the foods that carry magnesium and a grocery list as a PDF"
        )
        self.preview.triggered.connect(self.show_preview)
        self.print.triggered.connect(self.print_card)
        self.export_pdf.triggered.connect(self.save_pdf)
        self.export_ics.triggered.connect(self.save_calendar)
        self.preview_food_list.triggered.connect(self.show_food_list_preview)
        self.print_food_list.triggered.connect(self.print_foods)
        self.export_food_list.triggered.connect(self.save_food_list_pdf)
        self.actions = [
            self.preview,
            self.print,
            self.preview_food_list,
            self.print_food_list,
            self.export_pdf,
            self.export_food_list,
            self.export_ics,
        ]

    # ---- what the window holds ------------------------------------------------------------

    def _win(self) -> PrintableWindow:
        return self.window  # type: ignore[return-value]

    def _current(self) -> tuple[Plan, PlanRequest] | None:
        plan = self._win().current_plan()
        request = self._win().current_request()
        if plan is None or request is None:
            return None
        return plan, request

    def _current_or_explain(self, title: str) -> tuple[Plan, PlanRequest] | None:
        """The plan to print, or ``None`` after telling the user why there is none."""
        current = self._current()
        if current is None:
            QMessageBox.information(
                self.window,
                title,
                "A field is marked invalid, so the plan on screen is not the one the inputs "
                "describe. Correct the marked field, then try again.",
            )
        return current

    def card_info(self) -> CardInfo:
        from magplan.printing.card import CardInfo

        name, prepared_by = self._win().card_info()
        return CardInfo(person_name=name, prepared_by=prepared_by)

    def update_enabled(self) -> None:
        current = self._current()
        for action in (
            self.preview,
            self.print,
            self.export_pdf,
            self.preview_food_list,
            self.print_food_list,
            self.export_food_list,
        ):
            action.setEnabled(current is not None)
        self.export_ics.setEnabled(current is not None and bool(current[0].doses))

    # ---- the actions ----------------------------------------------------------------------

    def _printer(self, info: CardInfo, doc_name: str = "Magnesium schedule") -> QPrinter:
        from PySide6.QtPrintSupport import QPrinter

        from magplan.printing.card import page_layout

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(info.paper))
        printer.setDocName(doc_name)
        return printer

    def show_preview(self) -> None:
        current = self._current_or_explain("Print Preview")
        if current is None:
            return
        from magplan.printing.card import build_card

        info = self.card_info()
        self._preview("Print Preview", "Magnesium schedule", build_card(current[0], info), info)

    def _preview(self, title: str, doc_name: str, doc: QTextDocument, info: CardInfo) -> None:
        """Show ``doc`` as it will print, at the page's width; its Print button prints it."""
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        from magplan.printing.card import print_document

        printer = self._printer(info, doc_name)
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setWindowTitle(f"{title} — Magnesium Planner")
        dialog.paintRequested.connect(lambda p: print_document(doc, p))
        _fit_to_width(dialog)
        window = self.window.size()  # a page is read comfortably at the window's height
        dialog.resize(
            min(PREVIEW_MAX_WIDTH_PX, window.width() * 9 // 10), window.height() * 9 // 10
        )
        dialog.exec()

    def print_card(self) -> None:
        current = self._current_or_explain("Print")
        if current is None:
            return
        from magplan.printing.card import build_card

        plan = current[0]
        self._print("Print", "Print Schedule", "Magnesium schedule", lambda i: build_card(plan, i))

    def _print(
        self,
        title: str,
        dialog_title: str,
        doc_name: str,
        build: Callable[[CardInfo], QTextDocument],
    ) -> None:
        """Ask for the printer, then print on it what ``build`` makes for the card's names and
        paper; say so when the printer reports an error."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from magplan.printing.card import print_document

        info = self.card_info()
        printer = self._printer(info, doc_name)
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle(dialog_title)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        print_document(build(info), printer)
        if printer.printerState() == QPrinter.PrinterState.Error:
            QMessageBox.warning(
                self.window, title, f"The printer {printer.printerName()} reported an error."
            )
        elif printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
            tell_exported(self.window, Path(printer.outputFileName()))
        else:
            tell(self.window, f"Sent “{doc_name}” to {printer.printerName()}")

    # ---- the food list ---------------------------------------------------------------------

    def _food_sheet(self, title: str) -> FoodSheet | None:
        """The food list's words for the window's plan and goals, or ``None`` after telling the
        user why there are none (no valid plan, or the food data cannot be read)."""
        current = self._current_or_explain(title)
        if current is None:
            return None
        from magplan.core.foods import FoodDataError, load_foods
        from magplan.core.knowledge import load_knowledge
        from magplan.present.diet import food_sheet

        plan, request = current
        try:
            return food_sheet(
                load_knowledge(), load_foods(), request.goals, plan, age_years=request.age_years
            )
        except FoodDataError as exc:
            QMessageBox.warning(self.window, title, f"The food list cannot be made: {exc}")
            return None

    def show_food_list_preview(self) -> None:
        """Food List Preview…: the food list as it will print."""
        title = "Food List Preview"
        sheet = self._food_sheet(title)
        if sheet is None:
            return
        from magplan.printing.foods import build_food_list

        info = self.card_info()
        doc = build_food_list(sheet, person_name=info.person_name, prepared_by=info.prepared_by)
        self._preview(title, "Magnesium in food", doc, info)

    def print_foods(self) -> None:
        """File ▸ Print Food List…: the food list on the printer the user chooses."""
        sheet = self._food_sheet("Print Food List")
        if sheet is None:
            return
        from magplan.printing.foods import build_food_list

        def build(info: CardInfo) -> QTextDocument:
            return build_food_list(
                sheet, person_name=info.person_name, prepared_by=info.prepared_by
            )

        self._print("Print Food List", "Print Food List", "Magnesium in food", build)

    def save_food_list_pdf(self) -> None:
        """File ▸ Export Food List as PDF…: the food list as a PDF where the user chooses."""
        title = "Export Food List as PDF"
        sheet = self._food_sheet(title)
        if sheet is None:
            return
        path = self._ask_path(
            title, self._suggested_name(FOOD_LIST_WHAT, ".pdf"), "PDF files (*.pdf)", ".pdf"
        )
        if path is None:
            return
        from magplan.printing.foods import write_food_list_pdf

        info = self.card_info()
        try:
            write_food_list_pdf(
                sheet,
                path,
                paper=info.paper,
                person_name=info.person_name,
                prepared_by=info.prepared_by,
            )
            tell_exported(self.window, path)
        except OSError as exc:
            QMessageBox.warning(self.window, title, f"The PDF was not saved: {exc}")

    def _ask_path(self, title: str, suggested: str, filter_: str, suffix: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        start = str(Path(folder) / suggested) if folder else suggested
        path, _ = QFileDialog.getSaveFileName(self.window, title, start, filter_)
        if not path:
            return None
        chosen = Path(path)
        return chosen if chosen.suffix else chosen.with_suffix(suffix)

    def _suggested_name(self, what: str, suffix: str) -> str:
        return export_file_name(self._win().card_info()[0], what, suffix)

    def save_pdf(self) -> None:
        current = self._current_or_explain("Export PDF")
        if current is None:
            return
        path = self._ask_path(
            "Export PDF",
            self._suggested_name(PDF_WHAT, ".pdf"),
            "PDF files (*.pdf)",
            ".pdf",
        )
        if path is None:
            return
        from magplan.printing.card import write_pdf

        try:
            write_pdf(current[0], self.card_info(), path)
            tell_exported(self.window, path)
        except OSError as exc:
            QMessageBox.warning(self.window, "Export PDF", f"The PDF was not saved: {exc}")

    def save_calendar(self) -> None:
        current = self._current_or_explain("Export Calendar")
        if current is None:
            return
        from magplan.gui.export_dialog import StartDateDialog

        start = StartDateDialog.ask(self.window, dt.date.today())
        if start is None:
            return
        path = self._ask_path(
            "Export Calendar",
            self._suggested_name(ICS_WHAT, ".ics"),
            "Calendar files (*.ics)",
            ".ics",
        )
        if path is None:
            return
        from magplan.printing.ics import NothingToRemind, write_ics

        try:
            write_ics(current[0], path, start)
            tell_exported(self.window, path)
        except (OSError, NothingToRemind) as exc:
            QMessageBox.warning(
                self.window, "Export Calendar", f"The calendar file was not saved: {exc}"
            )


def _fit_to_width(dialog: QDialog) -> None:
    """Open the preview at the page's width, as its own "Fit width" button does (Qt opens it
    at the whole page: 39 % on a laptop, too small to read)."""
    fit_width = dialog.findChild(QAction, "fitWidthAction")
    if fit_width is not None:
        fit_width.trigger()


def install_print_actions(window: QMainWindow) -> list[QAction]:
    """Add the print and export actions to ``window.file_menu`` before ``window.quit_action``.

    They follow the window's plan: enabled when there is one (updated on ``planChanged`` when
    the window has it, and whenever the File menu opens).
    """
    controller = PrintActions(window)
    win = controller._win()
    menu = win.file_menu
    before = win.quit_action
    menu.insertSeparator(before)  # a leading separator is hidden by the menu
    for action in controller.actions:
        menu.insertAction(before, action)
    menu.insertSeparator(before)
    window._magplan_print_actions = controller  # type: ignore[attr-defined]
    plan_changed = getattr(window, "planChanged", None)
    if plan_changed is not None:
        plan_changed.connect(controller.update_enabled)
    menu.aboutToShow.connect(controller.update_enabled)
    controller.update_enabled()
    return list(controller.actions)
