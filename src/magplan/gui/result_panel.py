"""The right-hand side: gate, form, daily total, schedule, timeline, warnings and ramp."""

from __future__ import annotations

from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from magplan.core.knowledge import Knowledge
from magplan.core.plan import Plan
from magplan.gui.accessibility import make_reachable
from magplan.gui.fields import FieldMarks, named, window_clock
from magplan.gui.form_panel import FormPanel
from magplan.gui.gate_banner import GateBanner, SupervisedMarker
from magplan.gui.models import ScheduleModel, WarningsModel
from magplan.gui.no_doses_note import NoDosesNote
from magplan.gui.schedule_view import ScheduleTable
from magplan.gui.stale_plan import StalePlan
from magplan.gui.theme import severity_color
from magplan.gui.timeline import TimelineWidget
from magplan.gui.titration_view import TitrationList
from magplan.gui.warnings_view import WarningsList
from magplan.present import PlanView, TotalView, present
from magplan.present.day import total_in_words

SMALL_TEXT = 0.9
"""The size of the muted lines (the total's detail, the notes) against the window's text."""


class DailyTotal(QGroupBox):
    """The day's elemental magnesium against the person's upper limit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Daily total", parent)
        named(self, "Daily total")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 6)
        lay.setSpacing(4)
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Daily total against the upper limit")
        self.bar.setTextVisible(True)
        self.bar.setMinimumHeight(24)
        self.focus_ring = make_reachable(self.bar)  # Tab reaches it; it reads out the total
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        small = self.detail.font()
        small.setPointSizeF(small.pointSizeF() * SMALL_TEXT)
        self.detail.setFont(small)
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
    """The plan, top to bottom in the order it is read: what stops or empties it, the form and
    the daily total, every dose with the day's timeline, then the warnings beside the ramp,
    and the notes. Nothing in it scrolls but the warnings and the ramp, and only when they
    are longer than their room."""

    def __init__(self, k: Knowledge, marks: FieldMarks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._k = k
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 0, 0, 0)
        lay.setSpacing(4)
        self.gate_banner = GateBanner()
        self.supervised_marker = SupervisedMarker()
        self.no_doses_note = NoDosesNote()
        for banner in (self.gate_banner, self.supervised_marker, self.no_doses_note):
            lay.addWidget(banner)

        top = QHBoxLayout()
        self.form_panel = FormPanel(k, marks)
        self.total = DailyTotal()
        top.addWidget(self.form_panel, 1)
        top.addWidget(self.total, 1)
        lay.addLayout(top)
        self.diet_line = QLabel()  # the diet estimate and the gap, when a diet is given
        self.diet_line.setWordWrap(True)
        self.diet_line.setAccessibleName("Diet")
        self.diet_line.setFont(small_font(self.diet_line))
        self.diet_line.hide()
        lay.addWidget(self.diet_line)
        # reading order, row by row: the daily total's bar stands highest, then the form's
        # choice and its "Why?" beside it
        QWidget.setTabOrder(self.total.bar, self.form_panel.combo)
        QWidget.setTabOrder(self.form_panel.combo, self.form_panel.details_button)

        self.schedule_model = ScheduleModel()
        self.warnings_model = WarningsModel()
        self.schedule_table = ScheduleTable(self.schedule_model)
        self.timeline = TimelineWidget()
        lay.addWidget(_box("Schedule", self.schedule_table, self.timeline))
        self.warnings_list = WarningsList(self.warnings_model)
        self.titration_list = TitrationList()
        bottom = QHBoxLayout()
        self.warnings_box = _box("Warnings", self.warnings_list)
        bottom.addWidget(self.warnings_box, 2)  # warnings are longer than the ramp's weeks
        bottom.addWidget(_box("Start low", self.titration_list), 1)
        lay.addLayout(bottom, 1)

        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.notes.setAccessibleName("Notes")
        self.notes.setFont(small_font(self.notes))
        lay.addWidget(self.notes)

        named(self, "Plan", "The plan made from the inputs")
        choice = (self.form_panel.combo, self.form_panel.details_button)  # inputs: never dimmed
        self.stale = StalePlan(self, choice, described=self)
        self.problem_note = self.stale.note  # the window shows it in its status bar

    def show_problems(self, messages: list[str]) -> None:
        """The marked fields' messages: while there are any, the plan shown is the last valid
        one (dimmed, and said so); none, and it is the inputs' plan."""
        self.stale.show_problems(messages)

    def set_timeline_shown(self, shown: bool) -> None:
        self.timeline.setVisible(shown)

    def show_plan(self, plan: Plan, supervisor: str = "") -> None:
        view = present(plan, self._k, clock=window_clock())  # times as the fields write them
        self.gate_banner.show_view(view)
        self.supervised_marker.show_plan(plan, supervisor)
        self.no_doses_note.show_view(view)
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
        count = len(view.warnings)
        self.warnings_box.setTitle(f"Warnings ({count})" if count else "Warnings")
        self.warnings_list.scrollToTop()  # the most severe first, never scrolled out of sight
        self.schedule_table.scrollToTop()
        self.titration_list.show_view(view)
        self.notes.setText(" ".join(plan.notes))
        self._show_diet(view)

    def _show_diet(self, view: PlanView) -> None:
        """The plan's one diet line (the estimate, the gap, the total), only with a diet."""
        self.diet_line.setText(view.diet)
        self.diet_line.setVisible(bool(view.diet))


def small_font(label: QLabel) -> QFont:
    """The muted lines' type: :data:`SMALL_TEXT` of the label's own."""
    small = label.font()
    small.setPointSizeF(small.pointSizeF() * SMALL_TEXT)
    return small


def _box(title: str, *views: QWidget) -> QGroupBox:
    """A titled group of views, with narrow margins: the result has little room to spare."""
    box = QGroupBox(title)
    named(box, title)
    lay = QVBoxLayout(box)
    lay.setContentsMargins(6, 4, 6, 6)
    lay.setSpacing(4)
    for view in views:
        lay.addWidget(view)
    return box
