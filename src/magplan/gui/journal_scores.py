"""The Journal page's charts: over the weeks, each check-in's score against the daily amount
(the start-low ramp, then the full amount), with the weeks within which studies measured
results (2-8 weeks) marked.

The charts are :func:`magplan.printing.journal_charts.score_chart`'s, drawn for the window's
palette, one tab per check-in with a score; Qt Charts is imported with this module, when the
Journal page is first opened.
"""

from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QSize
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from magplan.gui.journal_checkins import checkin_name
from magplan.gui.journal_words import muted, short_day
from magplan.journal.summary import JournalSummary
from magplan.printing.journal_charts import chart_kinds, score_chart

CHART_FONT_PT = 7.5
"""The charts' type: a band's name and the legend fit beside a chart half the page wide."""
CHART_MIN_HEIGHT_PX = 240
CHART_MIN_WIDTH_PX = 420
NO_SCORES = "The charts start with the first check-in that has a score."


class ChartView(QChartView):
    """A chart that takes the room the page leaves it (a chart asks for more height than a
    laptop's screen has under the day and the calendar), and no less than it can be read in."""

    def __init__(self, chart: QChart) -> None:
        super().__init__(chart)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(CHART_MIN_WIDTH_PX, CHART_MIN_HEIGHT_PX)

    def sizeHint(self) -> QSize:
        return QSize(CHART_MIN_WIDTH_PX * 4 // 3, CHART_MIN_HEIGHT_PX)


class ScoresPanel(QGroupBox):
    """One chart per check-in kind with a score, in tabs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Scores over the weeks", parent)
        self.setObjectName("journalScores")
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName("Charts of the check-ins")
        self.note = muted(QLabel(NO_SCORES), 1.0)
        self.note.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(self.note)
        column.addWidget(self.tabs, 1)
        self.views: dict[str, ChartView] = {}

    def show_summary(self, summary: JournalSummary) -> None:
        """A chart for each check-in kind with a score in ``summary``; the tab shown stays."""
        shown = self.tabs.tabText(self.tabs.currentIndex()) if self.tabs.count() else ""
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if page is not None:
                page.deleteLater()
        self.views = {}
        for kind in chart_kinds(summary):
            chart = score_chart(summary, kind, self.palette(), font_pt=CHART_FONT_PT)
            view = ChartView(chart)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
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
