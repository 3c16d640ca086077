"""The Journal page: following the saved profile's plan day by day.

Built the first time View ▸ Journal (Alt+2) or its tab is opened (:mod:`magplan.gui.pages`),
so that the journal, its SQLite file and Qt Charts load only then. It follows the profile the
window has open (File ▸ Open…, Save…); with none, it says so in one line and offers Save as
profile…. Whenever it shows a profile, the profile's plan is recorded as the plan from now on
when it changed (a day already logged keeps the plan it had), and, once the page is on the
screen, each completed week is judged for suggestions (:mod:`magplan.journal.follow`) and the
charts are drawn.

What it shows, top to bottom:

- the day (today unless another is chosen): each planned dose ticked as taken, skipped or
  taken at another time, and the day's side effects (:class:`~magplan.gui.journal_day.DayPanel`);
- the open suggestions, low adherence first, each accepted with one action that changes the
  saved profile, which the window then shows again, so the plan, the card and the calendar
  follow (:class:`~magplan.gui.journal_suggestions.SuggestionsPanel`);
- the check-ins of the profile's goals, due or not, each with Check in…
  (:class:`~magplan.gui.journal_checkins.CheckinsPanel`);
- the calendar of adherence, whose days open when clicked
  (:class:`~magplan.gui.journal_heatmap.AdherenceCalendar`), and beside it each check-in's
  score over the weeks against the daily amount (:class:`~magplan.gui.journal_scores.ScoresPanel`).
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from magplan.gui.fields import named
from magplan.gui.journal_checkins import CheckinsPanel, checkin_name, checkin_values, score_words
from magplan.gui.journal_day import DayPanel
from magplan.gui.journal_heatmap import (
    AdherenceCalendar,
    DayMark,
    mark_of,
    mark_of_stored,
)
from magplan.gui.journal_scores import ScoresPanel
from magplan.gui.journal_suggestions import SuggestionsPanel
from magplan.gui.journal_words import muted, per_cent, short_day
from magplan.gui.profile_actions import ProfileController
from magplan.gui.status import tell
from magplan.journal import follow
from magplan.journal.checkins import checkins_for
from magplan.journal.plan_record import headline
from magplan.journal.records import JournalError
from magplan.journal.scales import time_in_bed_min

if TYPE_CHECKING:
    from magplan.journal.summary import JournalSummary, SuggestionView
    from magplan.profiles import Profile

now: Callable[[], dt.datetime] = dt.datetime.now
"""The journal's clock: the day after which nothing can be logged (tests set their own)."""

RECENT_DAYS = 28
"""The heading's adherence is over the last four weeks before today."""

NO_PROFILE = (
    "No saved profile is open: the journal follows a saved profile's plan."
    " Save these inputs as a profile to start one."
)
NO_PLAN = "No magnesium is planned for this profile now: the Plan page says why."


def _now() -> dt.datetime:
    return now()


class JournalPage(QScrollArea):
    """The journal of the profile the window has open."""

    settledChanged = Signal()  # the opening's last steps are done (see ``settled``)

    def __init__(self, window: QMainWindow, clock: Callable[[], dt.datetime] | None = None) -> None:
        super().__init__()
        self.setObjectName("journalPage")
        self.setAccessibleName("Journal")
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a Tab stop that would show no focus
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._window = window
        self.clock = clock or _now
        self._open = _OpenJournal()
        self.summary: JournalSummary | None = None
        self.profile: Profile | None = None  # the controller's profile this page shows
        self.selected: dt.date | None = None
        self._loaded = False
        self._judge_weeks = False
        self.controller = window.findChild(ProfileController)
        self._build()
        self._painted_watch = _AfterPaint(self.body, self._after_paint)
        if self.controller is not None:
            self.controller.currentChanged.connect(self._profile_changed)
            pages = getattr(window, "pages", None)
            if pages is not None:  # a new profile is made on the Plan page
                self.controller.new_action.triggered.connect(pages.show_plan)
        inputs_changed = getattr(window, "inputsChanged", None)
        if inputs_changed is not None:
            inputs_changed.connect(self._show_unsaved)
        self.destroyed.connect(self._open.close)  # not the page's own method: it is gone then

    @property
    def followed(self) -> follow.Followed | None:
        """The profile the page shows, with its journal open (``None`` without one)."""
        return self._open.followed

    @followed.setter
    def followed(self, value: follow.Followed | None) -> None:
        self._open.followed = value

    # ---- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(8, 6, 8, 6)
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.subheading = QLabel()
        self.subheading.setWordWrap(True)
        self.unsaved_note = QLabel(
            "The inputs have changes that are not saved: the journal follows the saved profile."
        )
        muted(self.unsaved_note, 1.0)
        self.unsaved_note.hide()
        column.addWidget(self.heading)
        column.addWidget(self.subheading)
        column.addWidget(self.unsaved_note)
        column.addWidget(self._build_empty())
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setObjectName("journalProblem")
        self.problem.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.problem.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.problem.hide()
        column.addWidget(self.problem)
        self.body = self._build_body()
        column.addWidget(self.body, 1)
        self.setWidget(content)

    def _build_empty(self) -> QWidget:
        """One line and Save as profile…, at the top of the page (shown without a profile)."""
        self.empty = QWidget()
        self.empty.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        column = QVBoxLayout(self.empty)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.empty_note = QLabel(NO_PROFILE)
        self.save_button = QPushButton("Save as profile…")
        named(
            self.save_button, "Save as profile…", "Save the inputs as a profile (File ▸ Save As…)"
        )
        self.save_button.clicked.connect(self._save_as)
        self.save_button.setVisible(self.controller is not None)
        row.addWidget(self.empty_note)
        row.addWidget(self.save_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addStretch(1)
        self.empty.hide()
        return self.empty

    def _build_body(self) -> QWidget:
        """The day and what to do (suggestions, check-ins) over the calendar."""
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        k = self._window_knowledge()
        top = QHBoxLayout()
        self.day_panel = DayPanel(k)
        self.day_panel.cautions_of = self._cautions_of
        self.day_panel.dayChosen.connect(self._day_chosen)
        self.day_panel.recorded.connect(self._recorded)
        top.addWidget(self.day_panel, 3)
        side = QVBoxLayout()
        short = {s.title: s.short for s in k.sources.values()}
        self.suggestions_panel = SuggestionsPanel(short)
        self.suggestions_panel.acceptRequested.connect(self.accept_suggestion)
        self.suggestions_panel.declineRequested.connect(self.decline_suggestion)
        self.checkins_panel = CheckinsPanel()
        self.checkins_panel.checkinRequested.connect(self.check_in)
        side.addWidget(self.suggestions_panel)
        side.addWidget(self.checkins_panel)
        side.addStretch(1)
        top.addLayout(side, 2)
        column.addLayout(top)
        self.bottom = QHBoxLayout()
        self.bottom.addWidget(self._build_calendar(), 0)
        self.scores_panel = ScoresPanel()
        self.bottom.addWidget(self.scores_panel, 1)
        column.addLayout(self.bottom, 1)
        return body

    def _build_calendar(self) -> QGroupBox:
        box = QGroupBox("Adherence by day")
        box.setObjectName("journalCalendar")
        self.calendar = AdherenceCalendar()
        self.calendar.dayChosen.connect(self._calendar_chosen)
        self.calendar_scroll = _WholeWidth()
        self.calendar_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the calendar takes it
        self.calendar_scroll.setWidget(self.calendar)
        self.calendar.setAutoFillBackground(False)  # drawn on the box, as the rest of the page
        viewport = self.calendar_scroll.viewport()
        if viewport is not None:
            viewport.setAutoFillBackground(False)
        self.calendar_scroll.setWidgetResizable(False)
        self.calendar_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.calendar_scroll.setAccessibleName("Adherence calendar, scrolled")
        self.calendar_words = QLabel()
        self.calendar_words.setWordWrap(True)
        column = QVBoxLayout(box)
        column.addWidget(self.calendar_scroll)
        column.addWidget(self.calendar_words)
        column.addStretch(1)
        return box

    def _window_knowledge(self) -> Any:
        knowledge = getattr(self._window, "knowledge", None)
        if callable(knowledge):
            return knowledge()
        from magplan.core.knowledge import load_knowledge

        return load_knowledge()

    # ---- which profile ----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded or self._current_profile() is not self.profile:
            self.load()

    def _current_profile(self) -> Profile | None:
        return self.controller.current if self.controller is not None else None

    def _profile_changed(self) -> None:
        """The window opened, saved, renamed or closed a profile: follow it (once the window
        has shown it), now if the page is shown, else when it is next opened."""
        QTimer.singleShot(0, self._follow_profile)

    def _follow_profile(self) -> None:
        if self.isVisible() and self._current_profile() is not self.profile:
            before = self.profile.name if self.profile is not None else None
            self.load()
            if self.profile is None or self.profile.name != before:
                tell(self._window, "")  # what was said was about another profile

    def _show_unsaved(self) -> None:
        modified = self.controller is not None and self.controller.modified
        self.unsaved_note.setVisible(bool(modified and self.followed is not None))

    def _save_as(self) -> None:
        if self.controller is not None:
            self.controller.save_as_action.trigger()

    # ---- loading ----------------------------------------------------------------------------

    def load(self) -> None:
        """Open the journal of the window's profile (made on first use), record its plan when
        it changed, judge the completed weeks, and show it all."""
        self._loaded = True
        self._close_journal()
        profile = self.profile = self._current_profile()
        if profile is None or self.controller is None:
            self._show_state(empty=True)
            return
        from magplan.profiles import ProfileError

        try:
            followed = follow.open_followed(
                profile.name,
                store=self.controller.store,
                k=self._window_knowledge(),
                clock=self.clock,
            )
        except (JournalError, ProfileError) as exc:
            self._show_state(problem=str(exc))
            return
        self.followed = followed
        try:
            follow.keep_plan_current(followed)
        except JournalError as exc:
            self._show_state(problem=str(exc))
            return
        if followed.journal.ramp_start is None and not followed.plan.doses:
            self._show_state(problem=NO_PLAN)
            return
        self._judge_weeks = True  # once the page is painted
        self._show_state()
        self.show_journal()

    def _show_state(self, *, empty: bool = False, problem: str = "") -> None:
        name = self.profile.name if self.profile is not None else ""
        self.heading.setText(f"Journal of “{name}”" if name else "Journal")
        self.subheading.setVisible(not empty and not problem)
        self.empty.setVisible(empty)
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.body.setVisible(not empty and not problem)
        self._show_unsaved()

    def _cautions_of(self, day: dt.date, taken_at: str) -> list[str]:
        f = self.followed
        return follow.moved_cautions(f, day, taken_at) if f is not None else []

    def _close_journal(self) -> None:
        self._open.close()

    def show_journal(self) -> None:
        """Everything from the journal again: the day, the suggestions, the check-ins, the
        calendar."""
        f = self.followed
        if f is None:
            return
        today = f.journal.today()
        first = min(f.journal.ramp_start or today, today)
        if self.selected is None or not first <= self.selected <= today:
            self.selected = today
        try:
            summary = self.summary = follow.summarise(f, first, today, today)
        except (JournalError, ValueError) as exc:  # a check-in that cannot be read back
            self._show_state(problem=f"The journal {f.journal.path} cannot be shown: {exc}")
            return
        self.calendar.set_marks([mark_of(d, today) for d in summary.days], today, self.selected)
        self._fit_calendar()
        self.day_panel.show_day(f.journal, self.selected, first, today)
        self.suggestions_panel.show_suggestions(summary.suggestions)
        self._show_checkins()
        self._show_heading()
        self.scores_panel.show_summary(summary)
        scrollbar = self.calendar_scroll.horizontalScrollBar()
        if scrollbar is not None:
            scrollbar.setValue(scrollbar.maximum())  # today in sight
        self._painted_watch.arm()

    @property
    def settled(self) -> bool:
        """Everything of the opening is done: the weeks judged, the charts drawn."""
        return not (self._judge_weeks or self.scores_panel.pending or self._painted_watch.armed)

    def _after_paint(self) -> None:
        """Once the page is on the screen: judge the completed weeks (their suggestions are
        shown when there are new ones) and draw the charts."""
        f = self.followed
        if f is not None and self._judge_weeks:
            self._judge_weeks = False
            before = {s.id for s in f.journal.suggestions("open")}
            try:
                after = {s.id for s in follow.refresh_suggestions(f)}
            except JournalError as exc:
                QMessageBox.warning(self, "Journal", str(exc))
                after = before
            if after != before:
                self._show_suggestions()
        self.scores_panel.draw()
        self.settledChanged.emit()

    def _fit_calendar(self) -> None:
        """The calendar at its size, its box as tall as it needs (a scroll bar under it when
        the weeks are wider than the page)."""
        self.calendar.adjustSize()
        self.calendar_scroll.setFixedHeight(self.calendar_scroll.sizeHint().height() + 2)
        self.calendar_scroll.updateGeometry()

    def _show_heading(self) -> None:
        f = self.followed
        if f is None:
            return
        today = f.journal.today()
        marks = self.calendar.marks()
        recent = [m for m in marks if today - dt.timedelta(days=RECENT_DAYS) <= m.day < today]
        parts = [f"Plan now: {headline(f.plan)}"]
        if f.journal.ramp_start is not None:
            parts.append(f"followed since {short_day(f.journal.ramp_start)}")
        taken = _taken_share(recent)
        if taken is not None:
            parts.append(f"last four weeks: {per_cent(taken)} of doses taken")
        overall = _taken_share([m for m in marks if m.day < today])
        if overall is not None:
            parts.append(f"since the start: {per_cent(overall)}")
        self.subheading.setText(" · ".join(parts))
        self.calendar_words.setText(self.calendar.summary_words())

    def _show_checkins(self) -> None:
        f, summary = self.followed, self.summary
        if f is None or summary is None or self.selected is None:
            return
        kinds = checkins_for(f.profile.request.goals, f.profile.request.age_years)
        self.checkins_panel.show_checkins(kinds, summary.checkins, self.selected, summary.today)

    # ---- the day --------------------------------------------------------------------------

    def _calendar_chosen(self, day: dt.date) -> None:
        f = self.followed
        if f is None:
            return
        self.selected = day
        first = min(f.journal.ramp_start or day, day)
        self.day_panel.show_day(f.journal, day, first, f.journal.today())
        self._show_checkins()

    def _day_chosen(self, day: dt.date) -> None:
        self.selected = day
        self.calendar.set_selected(day)
        self._show_checkins()

    def _recorded(self, day: dt.date) -> None:
        """A dose or side effect of ``day`` was marked: its cell, and the suggestions when a
        past day was corrected."""
        f = self.followed
        if f is None:
            return
        today = f.journal.today()
        (stored,) = f.journal.days(day, day)
        self.calendar.update_mark(mark_of_stored(stored, today))
        self._show_heading()
        if day < today:
            self._show_suggestions(refresh=True)

    def _show_suggestions(self, *, refresh: bool = False) -> None:
        f = self.followed
        if f is None:
            return
        today = f.journal.today()
        try:
            if refresh:
                follow.refresh_suggestions(f, today)
            views = follow.summarise(f, today, today, today).suggestions
        except (JournalError, ValueError) as exc:
            QMessageBox.warning(self, "Journal", str(exc))
            return
        if self.summary is not None:
            self.summary = replace(self.summary, suggestions=views)
        self.suggestions_panel.show_suggestions(views)

    # ---- suggestions ------------------------------------------------------------------------

    def _suggestion(self, suggestion_id: int) -> SuggestionView | None:
        shown = self.suggestions_panel.shown
        return next((s for s in shown if s.id == suggestion_id), None)

    def accept_suggestion(self, suggestion_id: int) -> None:
        """Carry out the suggestion's action on the saved profile and show the profile again in
        the window (unsaved edits are first saved or discarded, as the person says)."""
        controller, view = self.controller, self._suggestion(suggestion_id)
        if controller is None or view is None or self.followed is None:
            return
        if view.action and controller.modified:
            if not controller.maybe_save():
                return
            controller.modified = False  # saved, or discarded: the saved profile is shown next
            self.load()
        f = self.followed
        if f is None:
            return
        before = f.profile.request
        from magplan.profiles import ProfileError

        try:
            after = follow.accept(f, suggestion_id, f.journal.today())
        except (JournalError, ProfileError, ValueError) as exc:
            QMessageBox.warning(self, "Not accepted", str(exc))
            return
        self.followed = after
        if after.profile.request != before:
            controller.open_profile(after.profile.name)  # the inputs, the plan, the card
            tell(
                self._window,
                f"Accepted: {view.action}. The profile “{after.profile.name}” was saved with"
                " it, and the plan, the card and the calendar follow.",
            )
            self.load()
        else:
            tell(
                self._window,
                f"Noted: the suggestion about the week from {short_day(view.week_start)}.",
            )
            self._show_suggestions()
        self._focus_suggestions()

    def decline_suggestion(self, suggestion_id: int) -> None:
        """Set the suggestion aside: the plan stays as it is."""
        f, view = self.followed, self._suggestion(suggestion_id)
        if f is None or view is None:
            return
        try:
            follow.decline(f, suggestion_id, f.journal.today())
        except JournalError as exc:
            QMessageBox.warning(self, "Not declined", str(exc))
            return
        tell(self._window, f"Declined: {view.action}. The plan stays as it is.")
        self._show_suggestions()
        self._focus_suggestions()

    def _focus_suggestions(self) -> None:
        """After a decision the keyboard stays with the suggestions: the next one's first
        button, else the panel."""
        from PySide6.QtWidgets import QPushButton

        panel = self.suggestions_panel
        buttons = [b for card in panel.cards for b in card.findChildren(QPushButton)]
        (buttons[0] if buttons else panel).setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- check-ins --------------------------------------------------------------------------

    def check_in(self, kind: str) -> None:
        """Ask the check-in's questions and keep the answers for the day shown."""
        f, day = self.followed, self.selected
        if f is None or day is None:
            return
        try:  # the dialog's module, when first asked for
            dialog_class = importlib.import_module("magplan.gui.checkin_dialog").CheckinDialog
        except ModuleNotFoundError:
            QMessageBox.information(
                self, "Check in", "The check-in questions are not in this build."
            )
            return
        request = f.profile.request
        dialog = dialog_class(
            kind, self, time_in_bed_min=time_in_bed_min(request.bed_min, request.wake_min)
        )
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            answers, score = checkin_values(dialog)
        finally:
            dialog.deleteLater()
        try:
            f.journal.add_checkin(day, kind, answers, score)
        except JournalError as exc:
            QMessageBox.warning(self, "Not kept", str(exc))
            return
        self.show_journal()
        summary = self.summary
        made = [c for c in summary.checkins if (c.day, c.kind) == (day, kind)] if summary else []
        words = score_words(made[0]) if made else ""
        tell(
            self._window,
            f"{checkin_name(kind)} kept for {short_day(day)}" + (f": {words}." if words else "."),
        )


class _OpenJournal:
    """The journal the page has open; closed when the page follows another profile, and when
    the page itself goes."""

    def __init__(self) -> None:
        self.followed: follow.Followed | None = None

    def close(self, *_: object) -> None:
        if self.followed is not None:
            self.followed.close()
            self.followed = None


class _AfterPaint(QObject):
    """Runs ``run`` once, right after ``widget`` is next painted, each time it is armed: what
    can wait for the page to be on the screen waits for it."""

    def __init__(self, widget: QWidget, run: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._run = run
        self.armed = False

    def arm(self) -> None:
        if not self.armed:
            self.armed = True
            self._widget.installEventFilter(self)
            self._widget.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.armed:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        if self.armed:
            self.armed = False
            self._run()


class _WholeWidth(QScrollArea):
    """A scroll area that asks for its widget's whole width (Qt's asks for at most 36 lines'
    worth), and scrolls only when the page is narrower."""

    def sizeHint(self) -> QSize:
        widget = self.widget()
        if widget is None:
            return super().sizeHint()
        bar = self.horizontalScrollBar()
        bar_px = bar.sizeHint().height() if bar is not None else 0
        hint = widget.sizeHint()
        return QSize(hint.width() + 2 * self.frameWidth(), hint.height() + bar_px)


def _taken_share(marks: Sequence[DayMark]) -> float | None:
    planned = sum(m.planned for m in marks)
    return sum(m.taken for m in marks) / planned if planned else None
