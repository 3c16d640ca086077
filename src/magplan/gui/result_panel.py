"""The right-hand side: gate, form, daily total, schedule, timeline, warnings and ramp."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from magplan.core.knowledge import Knowledge
from magplan.core.plan import Plan
from magplan.gui.accessibility import make_reachable
from magplan.gui.fields import FieldMarks, named
from magplan.gui.form_panel import FormPanel
from magplan.gui.gate_banner import GateBanner, ProblemNote, SupervisedMarker
from magplan.gui.models import ScheduleModel, WarningsModel
from magplan.gui.schedule_view import ScheduleTable
from magplan.gui.theme import severity_color
from magplan.gui.timeline import TimelineWidget
from magplan.gui.titration_view import TitrationList
from magplan.gui.warnings_view import WarningsList
from magplan.present import TotalView, present
from magplan.present.day import total_in_words


class DailyTotal(QGroupBox):
    """The day's elemental magnesium against the person's upper limit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Daily total", parent)
        named(self, "Daily total")
        lay = QVBoxLayout(self)
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Daily total against the upper limit")
        self.bar.setTextVisible(True)
        self.bar.setMinimumHeight(24)
        self.focus_ring = make_reachable(self.bar)  # Tab reaches it; it reads out the total
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        lay.addWidget(self.bar)
        lay.addWidget(self.detail)
        lay.addStretch(1)

    def show_total(self, total: TotalView) -> None:
        # QProgressBar repaints at once on setValue, which would paint every pending widget in
        # the middle of a keystroke; hold its updates and let it paint once with the rest.
        self.bar.setUpdatesEnabled(False)
        if total.limit_mg is None:
            self.bar.setRange(0, 1)
            self.bar.setValue(0)
        else:
            self.bar.setRange(0, max(total.limit_mg, round(total.total_mg)))
            self.bar.setValue(round(total.total_mg))
        self.bar.setFormat(total.text)
        self.bar.setUpdatesEnabled(True)
        self.bar.setAccessibleDescription(total_in_words(total))
        self.detail.setText(total.detail)
        if total.over_limit:
            color = severity_color("danger", self.palette()).name()
            self.bar.setStyleSheet(f"QProgressBar {{ color: {color}; font-weight: bold; }}")
        else:
            self.bar.setStyleSheet("")


class ResultPanel(QWidget):
    def __init__(self, k: Knowledge, marks: FieldMarks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._k = k
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 0, 0, 0)
        self.gate_banner = GateBanner()
        self.supervised_marker = SupervisedMarker()
        self.problem_note = ProblemNote()
        lay.addWidget(self.gate_banner)
        lay.addWidget(self.supervised_marker)
        lay.addWidget(self.problem_note)

        top = QHBoxLayout()
        self.form_panel = FormPanel(k, marks)
        self.total = DailyTotal()
        top.addWidget(self.form_panel, 3)
        top.addWidget(self.total, 2)
        lay.addLayout(top)
        QWidget.setTabOrder(self.total.bar, self.form_panel.combo)  # the bar stands higher

        self.schedule_model = ScheduleModel()
        self.warnings_model = WarningsModel()
        schedule_box = QGroupBox("Schedule")
        named(schedule_box, "Schedule")
        sl = QVBoxLayout(schedule_box)
        self.schedule_table = ScheduleTable(self.schedule_model)
        self.timeline = TimelineWidget()
        sl.addWidget(self.schedule_table, 1)
        sl.addWidget(self.timeline)

        bottom = QWidget()
        bl = QHBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        warnings_box = QGroupBox("Warnings")
        named(warnings_box, "Warnings")
        wl = QVBoxLayout(warnings_box)
        self.warnings_list = WarningsList(self.warnings_model)
        wl.addWidget(self.warnings_list)
        ramp_box = QGroupBox("Start low")
        named(ramp_box, "Start low")
        rl = QVBoxLayout(ramp_box)
        self.titration_list = TitrationList()
        rl.addWidget(self.titration_list)
        bl.addWidget(warnings_box, 3)
        bl.addWidget(ramp_box, 2)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("resultSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(schedule_box)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        lay.addWidget(self.splitter, 1)

        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.notes.setAccessibleName("Notes")
        lay.addWidget(self.notes)

    def show_plan(self, plan: Plan, supervisor: str = "") -> None:
        view = present(plan, self._k)
        self.gate_banner.show_view(view)
        self.supervised_marker.show_plan(plan, supervisor)
        self.form_panel.show_view(view)
        self.total.show_total(view.total)
        self.schedule_table.empty_text = (
            "No doses: see the red banner above."
            if plan.blocked
            else "No doses: see the warnings below for why, and what to do."
        )
        self.schedule_model.set_view(view)
        self.timeline.show_view(view)
        self.warnings_model.set_view(view)
        self.warnings_list.scrollToTop()  # the most severe first, never scrolled out of sight
        self.schedule_table.scrollToTop()
        self.titration_list.show_view(view)
        self.notes.setText(" ".join(plan.notes))
