"""File ▸ Export Follow-up Report…: the journal of the open saved profile, for the clinician, as
the PDF ``magplan report`` writes (one or two pages, the charts drawn with Qt Charts).

The journal, its summary and Qt Charts load only when the action is used.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from magplan.gui.print_actions import export_file_name
from magplan.gui.profile_actions import ProfileController
from magplan.gui.status import tell_exported

TITLE = "Export Follow-up Report"
WHAT = "follow-up report"


class ReportAction:
    """The action and what it does; kept alive by the window."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.action = QAction("Export Follow-&up Report…", window)
        self.action.setStatusTip(
            "Save the journal of the open profile for the clinician: the plan, doses taken, "
            "scores over the weeks, side effects and suggestions"
        )
        self.action.triggered.connect(self.export)

    def _controller(self) -> ProfileController | None:
        return self.window.findChild(ProfileController)

    def update_enabled(self) -> None:
        controller = self._controller()
        self.action.setEnabled(controller is not None and controller.current is not None)

    def export(self) -> None:
        controller = self._controller()
        profile = controller.current if controller is not None else None
        if profile is None:
            QMessageBox.information(
                self.window, TITLE, "Open or save a profile first: the journal is kept with it."
            )
            return
        from magplan.journal.follow import has_journal

        if not has_journal(profile.name):
            QMessageBox.information(
                self.window,
                TITLE,
                f"The profile “{profile.name}” has no journal yet: mark a dose on the Journal "
                "page first.",
            )
            return
        path = self._ask_path(export_file_name(profile.person_name, WHAT, ".pdf"))
        if path is not None:
            self.write(profile.name, path)

    def _ask_path(self, suggested: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        start = str(Path(folder) / suggested) if folder else suggested
        path, _ = QFileDialog.getSaveFileName(self.window, TITLE, start, "PDF files (*.pdf)")
        if not path:
            return None
        chosen = Path(path)
        return chosen if chosen.suffix else chosen.with_suffix(".pdf")

    def write(self, profile_name: str, path: Path) -> bool:
        """Write the report of ``profile_name``'s whole journal to ``path``; says what happened."""
        from magplan.journal.follow import first_day, open_followed, summarise
        from magplan.journal.records import JournalError
        from magplan.printing.card import CardInfo, default_paper
        from magplan.printing.report import write_report_pdf
        from magplan.profiles import ProfileError

        try:
            f = open_followed(profile_name)
            try:
                today = f.journal.today()
                summary = summarise(f, first_day(f) or today, today, today)
                info = CardInfo(
                    person_name=f.profile.person_name,
                    prepared_by=f.profile.prepared_by,
                    paper=default_paper(),
                )
                write_report_pdf(summary, f.plan, f.k, info, path)
            finally:
                f.close()
        except (OSError, JournalError, ProfileError) as exc:
            QMessageBox.warning(self.window, TITLE, f"The report was not saved: {exc}")
            return False
        tell_exported(self.window, path)
        return True


def install_report_action(window: QMainWindow) -> ReportAction:
    """Add the action to the File menu, after the print and export actions."""
    controller = ReportAction(window)
    menu = window.file_menu  # type: ignore[attr-defined]
    before = window.quit_action  # type: ignore[attr-defined]
    menu.insertAction(before, controller.action)
    menu.insertSeparator(before)
    menu.aboutToShow.connect(controller.update_enabled)
    controller.update_enabled()
    window._magplan_report_action = controller  # type: ignore[attr-defined]
    return controller
