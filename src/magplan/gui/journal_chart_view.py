"""A check-in's chart on the Journal page (Qt Charts, imported with this module once the page
has been painted: :class:`magplan.gui.journal_scores.ScoresPanel`)."""

from __future__ import annotations

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QSize
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy

from magplan.journal.summary import JournalSummary
from magplan.printing.journal_charts import chart_kinds, score_chart

CHART_FONT_PT = 7.5
"""The charts' type: a band's name and the legend fit beside a chart half the page wide."""
CHART_MIN_HEIGHT_PX = 240
CHART_MIN_WIDTH_PX = 420

__all__ = ["ChartView", "chart_kinds"]


class ChartView(QChartView):
    """``kind``'s score over the weeks against the daily amount, drawn for ``palette``: it takes
    the room the page leaves it (a chart asks for more height than a laptop's screen has under
    the day and the calendar), and no less than it can be read in."""

    def __init__(self, summary: JournalSummary, kind: str, palette: QPalette) -> None:
        super().__init__(score_chart(summary, kind, palette, font_pt=CHART_FONT_PT))
        self.kind = kind
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(CHART_MIN_WIDTH_PX, CHART_MIN_HEIGHT_PX)

    def show_chart(self, summary: JournalSummary, kind: str, palette: QPalette) -> None:
        """``kind``'s chart of ``summary`` in place of the one shown."""
        old = self.chart()
        self.setChart(score_chart(summary, kind, palette, font_pt=CHART_FONT_PT))
        if old is not None:
            old.deleteLater()

    def sizeHint(self) -> QSize:
        return QSize(CHART_MIN_WIDTH_PX * 4 // 3, CHART_MIN_HEIGHT_PX)
