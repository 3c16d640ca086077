"""The Journal page's charts: over the weeks, each check-in's score against the daily amount
(the start-low ramp, then the full amount), with the weeks within which studies measured
results (2-8 weeks) marked.

The charts are :func:`magplan.printing.journal_charts.score_chart`'s, drawn for the window's
palette, one tab per check-in with a score. They are drawn right after the rest of the page
has been painted (:meth:`ScoresPanel.draw`), so the day, the suggestions and the calendar are
on the screen first; Qt Charts is imported then, the first time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGroupBox, QLabel, QTabWidget, QVBoxLayout, QWidget

from magplan.gui.journal_checkins import checkin_name
from magplan.gui.journal_words import muted, short_day
from magplan.journal.summary import JournalSummary

if TYPE_CHECKING:
    from magplan.gui.journal_chart_view import ChartView

NO_SCORES = "The charts start with the first check-in that has a score."


class ScoresPanel(QGroupBox):
    """One chart per check-in kind with a score, in tabs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Scores over the weeks", parent)
        self.setObjectName("journalScores")
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName("Charts of the check-ins")
        self.tabs.hide()
        self.note = muted(QLabel(NO_SCORES), 1.0)
        self.note.setWordWrap(True)
        self.note.hide()
        column = QVBoxLayout(self)
        column.addWidget(self.note)
        column.addWidget(self.tabs, 1)
        self.views: dict[str, ChartView] = {}
        self._pending: JournalSummary | None = None

    def show_summary(self, summary: JournalSummary) -> None:
        """Chart ``summary`` when :meth:`draw` is next called (the page calls it once it has
        been painted)."""
        self._pending = summary

    @property
    def pending(self) -> bool:
        return self._pending is not None

    def draw(self) -> None:
        """A chart for each check-in kind with a score in the summary given last; the tab
        shown stays."""
        summary, self._pending = self._pending, None
        if summary is None:
            return
        from magplan.gui.journal_chart_view import ChartView, chart_kinds

        kinds = chart_kinds(summary)
        if self.views and list(self.views) == list(kinds):  # new contents, the same views
            for kind, view in self.views.items():
                view.show_chart(summary, kind, self.palette())
                view.setAccessibleDescription(describe(summary, kind))
            return
        shown = self.tabs.tabText(self.tabs.currentIndex()) if self.tabs.count() else ""
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if page is not None:
                page.deleteLater()
        self.views = {}
        for kind in kinds:
            view = ChartView(summary, kind, self.palette())
            name = checkin_name(kind)
            view.setAccessibleName(f"Chart: {name} and the daily amount")
            view.setAccessibleDescription(describe(summary, kind))
            self.views[kind] = view
            self.tabs.addTab(view, name)
            if name == shown:
                self.tabs.setCurrentWidget(view)
        self.note.setVisible(not self.views)
        self.tabs.setVisible(bool(self.views))
        self.tabs.tabBar().setVisible(len(self.views) > 1)


def describe(summary: JournalSummary, kind: str) -> str:
    """The chart in words, for assistive technology: what is drawn, the first and the last
    scores, and the window of weeks marked."""
    scored = [c for c in summary.checkins if c.kind == kind and c.score is not None]
    low, high = summary.effect_window_weeks
    text = (
        f"{checkin_name(kind)} week by week against the daily amount in mg; weeks {low} to"
        f" {high} of the plan, when studies measured results, are shaded."
    )
    if scored:
        first, last = scored[0], scored[-1]
        text += (
            f" First score {first.score:g} on {short_day(first.day)}, last {last.score:g}"
            f" on {short_day(last.day)} ({len(scored)} check-ins)."
        )
    return text
