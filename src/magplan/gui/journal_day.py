"""One day of the journal on the Journal page: its planned doses, ticked as they are taken, and
the side effects of the day.

Each planned dose is one row: its time, what to take and the form, then how it went. Ticking
its box (a click, or Space) marks it taken; unticking forgets the mark. "Skipped…" asks for a
reason (which may be none), "Taken at another time…" for the time; a row's context menu holds
the same. Previous day, Next day and the date field go back to correct past days, never past
today: every day shows the plan that was in force on it, so a changed plan never rewrites
what was recorded. The four side effects are ticked for the day shown.

What is marked is written to the journal at once; :attr:`DayPanel.recorded` then says which
day changed, so the page can update its calendar.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QDate, QLocale, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from magplan.core.knowledge import Knowledge
from magplan.core.text import short_form_name
from magplan.gui.fields import clock_text, named
from magplan.gui.journal_dialogs import SkippedDialog, TakenAtDialog
from magplan.gui.journal_words import long_day, mg, short_day
from magplan.journal.records import DayDose, DayPlan, JournalError, minute_of
from magplan.journal.scales import SIDE_EFFECTS, definitions
from magplan.journal.store import Journal
from magplan.present.words import format_units

ONE_DAY = dt.timedelta(days=1)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def dose_words(dose: DayDose, k: Knowledge) -> str:
    """``2 capsules of Calm (230 mg) of magnesium glycinate``; ``125 mg elemental of
    magnesium citrate`` without a product."""
    p = dose.planned
    amount = format_units(p.units, p.unit or "mg")
    if p.product:
        amount += f" of {p.product}"
    if p.unit and p.unit != "mg":
        amount += f" ({mg(p.mg)})"
    form = k.forms[p.form].name if p.form in k.forms else p.form
    return f"{amount}, {short_form_name(form)}"


def status_words(dose: DayDose, day_is_over: bool) -> str:
    """How a dose went, in a few words: ``Taken``, ``Taken at 09:10``, ``Skipped: forgot``,
    ``Not recorded``."""
    entry = dose.entry
    if entry is None:
        return "Not recorded" if day_is_over else "Not recorded yet"
    if entry.status == "skipped":
        return f"Skipped: {entry.reason}" if entry.reason else "Skipped"
    if entry.taken_at and entry.taken_at != dose.planned.time:
        return f"Taken at {clock_text(minute_of(entry.taken_at))}"
    return "Taken"


@dataclass
class DoseRow:
    """The widgets of one planned dose's row."""

    dose: DayDose
    check: QCheckBox
    amount: QLabel
    status: QLabel
    skipped: QToolButton
    moved: QToolButton


class DayPanel(QGroupBox):
    """The doses and side effects of one day, and the way to other days."""

    dayChosen = Signal(object)  # a datetime.date the user moved to
    recorded = Signal(object)  # a datetime.date whose doses or side effects were changed

    def __init__(self, k: Knowledge, parent: QWidget | None = None) -> None:
        super().__init__("Doses", parent)
        self.setObjectName("journalDay")
        self._k = k
        self.journal: Journal | None = None
        # what a dose taken at another time broke, in words (set by the page, which knows the
        # profile's medicines); said in the status bar and to assistive technology
        self.cautions_of: Callable[[dt.date, str], list[str]] | None = None
        self.day = dt.date.today()
        self.today = self.day
        self.first = self.day
        self.rows: list[DoseRow] = []
        self.row_menu: QMenu | None = None  # the last row menu opened
        column = QVBoxLayout(self)
        column.addLayout(self._build_navigation())
        self.plan_line = QLabel()
        self.plan_line.setWordWrap(True)
        self.plan_line.setObjectName("planThatDay")
        column.addWidget(self.plan_line)
        self.dose_grid = QGridLayout()
        self.dose_grid.setHorizontalSpacing(10)
        self.dose_grid.setVerticalSpacing(2)
        column.addLayout(self.dose_grid)
        self.caution = QLabel()  # what the last dose taken at another time broke
        self.caution.setWordWrap(True)
        self.caution.setObjectName("doseCaution")
        self.caution.setVisible(False)
        named(self.caution, "Caution", "What the dose taken at another time broke")
        column.addWidget(self.caution)
        column.addWidget(self._build_side_effects())
        column.addStretch(1)

    # ---- building ---------------------------------------------------------------------------

    def _build_navigation(self) -> QHBoxLayout:
        self.previous_button = QPushButton("◀ Previous day")
        named(self.previous_button, "Previous day", "Show the day before")
        self.previous_button.clicked.connect(lambda: self._go(self.day - ONE_DAY))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        named(self.date_edit, "Day shown", "The day whose doses are shown (today at the latest)")
        self.date_edit.dateChanged.connect(lambda d: self._go(_date(d)))
        self.next_button = QPushButton("Next day ▶")
        named(self.next_button, "Next day", "Show the day after (today at the latest)")
        self.next_button.clicked.connect(lambda: self._go(self.day + ONE_DAY))
        self.today_button = QPushButton("Today")
        named(self.today_button, "Today", "Show today's doses")
        self.today_button.clicked.connect(lambda: self._go(self.today))
        row = QHBoxLayout()
        for widget in (self.previous_button, self.date_edit, self.next_button, self.today_button):
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def _build_side_effects(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 6, 0, 0)
        title = QLabel("Side effects that day:")
        row.addWidget(title)
        self.side_effect_boxes: dict[str, QCheckBox] = {}
        found = definitions().side_effects
        for effect in SIDE_EFFECTS:
            words = found[effect]
            check = QCheckBox(words.label)
            named(check, f"Side effect: {words.label}", words.description)
            check.setToolTip(words.description)
            check.toggled.connect(lambda on, e=effect: self._side_effect(e, on))
            self.side_effect_boxes[effect] = check
            row.addWidget(check)
        row.addStretch(1)
        return box

    # ---- showing a day ----------------------------------------------------------------------

    def show_day(self, journal: Journal, day: dt.date, first: dt.date, today: dt.date) -> None:
        """Show ``day`` of ``journal``, whose days run from ``first`` to ``today``."""
        self.journal = journal
        self.first, self.today = first, today
        if day != self.day:
            self.caution.setVisible(False)  # said of another day
        self.day = min(today, max(first, day))
        self.date_edit.blockSignals(True)
        self.date_edit.setDateRange(_qdate(first), _qdate(today))
        self.date_edit.setDate(_qdate(self.day))
        self.date_edit.blockSignals(False)
        self.previous_button.setEnabled(self.day > first)
        self.next_button.setEnabled(self.day < today)
        self.today_button.setEnabled(self.day != today)
        self.setTitle("Doses today" if self.day == today else f"Doses on {long_day(self.day)}")
        (stored,) = journal.days(self.day, self.day)
        self._show_plan(journal, stored.plan)
        self._show_doses(stored.doses)
        effects = {s.effect for s in journal.side_effects(self.day, self.day)}
        for effect, check in self.side_effect_boxes.items():
            check.blockSignals(True)
            check.setChecked(effect in effects)
            check.blockSignals(False)

    def _show_plan(self, journal: Journal, plan: DayPlan | None) -> None:
        version = journal.plan_in_force(self.day)
        if plan is None or version is None:
            self.plan_line.setText("No plan was in force on this day.")
            return
        text = f"Plan that day: {version.plan.headline}, since {short_day(version.starts_on)}"
        if plan.ramp_step is not None and plan.ramp_weeks:
            text += (
                f"; week {plan.ramp_week} of the start-low ramp ({plan.ramp_weeks} weeks):"
                f" {mg(plan.daily_mg)} that day"
            )
        elif plan.daily_mg != version.plan.daily_mg:
            text += f"; {mg(plan.daily_mg)} that day"
        latest = journal.plan_in_force(self.today)
        if latest is not None and latest.id != version.id:
            text += f". The plan changed on {short_day(latest.starts_on)}; this day keeps its own."
        self.plan_line.setText(text)

    def _show_doses(self, doses: tuple[DayDose, ...]) -> None:
        """The rows of ``doses``: the same rows again when the day has the same doses (the
        keyboard stays where it was), else new ones."""
        same = [r.dose.planned for r in self.rows] == [d.planned for d in doses]
        if same and self.rows:
            for row, dose in zip(self.rows, doses, strict=True):
                self._update_row(row, dose)
            return
        while self.dose_grid.count():
            item = self.dose_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.rows = [self._row(i, dose) for i, dose in enumerate(doses)]
        if not doses:
            none = QLabel("No dose was planned on this day.")
            self.dose_grid.addWidget(none, 0, 0)
        self._tab_order()

    def _tab_order(self) -> None:
        """Tab goes from the day's buttons to its doses (the page's main task), each row's
        tick then its buttons, then the side effects: the rows, made anew for each day, would
        otherwise come last on the page."""
        chain: list[QWidget] = [self.today_button]
        for row in self.rows:
            chain += [row.check, row.skipped, row.moved]
        chain += list(self.side_effect_boxes.values())
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _row(self, index: int, dose: DayDose) -> DoseRow:
        time = clock_text(minute_of(dose.planned.time))
        what = dose_words(dose, self._k)
        check = QCheckBox(time)
        named(check, f"Taken: the {time} dose", f"{what}. Space ticks it taken or unticks it.")
        check.clicked.connect(lambda on, i=index: self._ticked(self.rows[i].dose, on))
        amount = QLabel(what)
        amount.setToolTip(what)
        status = QLabel()
        status.setWordWrap(True)
        status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        status.setMinimumWidth(status.fontMetrics().horizontalAdvance("Not recorded yet"))
        status.setAccessibleName(f"The {time} dose")
        skipped = QToolButton()
        skipped.setText("Skipped…")
        named(skipped, f"Skipped: the {time} dose", "Mark the dose skipped, with a reason")
        skipped.clicked.connect(lambda _=False, i=index: self.ask_skipped(self.rows[i].dose))
        moved = QToolButton()
        moved.setText("Taken at another time…")
        named(moved, f"Taken at another time: the {time} dose", "Mark the dose taken at a time")
        moved.clicked.connect(lambda _=False, i=index: self.ask_taken_at(self.rows[i].dose))
        for col, widget in enumerate((check, amount, status, skipped, moved)):
            self.dose_grid.addWidget(widget, index, col)
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            widget.customContextMenuRequested.connect(
                lambda pos, i=index, w=widget: self._menu(self.rows[i].dose, w, pos)
            )
        self.dose_grid.setColumnStretch(2, 1)
        row = DoseRow(dose, check, amount, status, skipped, moved)
        self._update_row(row, dose)
        return row

    def _update_row(self, row: DoseRow, dose: DayDose) -> None:
        """How ``dose`` went, in its row."""
        row.dose = dose
        row.check.setChecked(dose.entry is not None and dose.entry.taken)
        words = status_words(dose, self.day < self.today)
        row.status.setText(words)
        row.status.setToolTip(words)

    # ---- marking --------------------------------------------------------------------------

    def _menu(self, dose: DayDose, widget: QWidget, pos: QPoint) -> None:
        """The row's menu (a right click, or the menu key): the same marks as its buttons,
        and Not recorded to forget one."""
        menu = self.row_menu = QMenu(self)
        menu.setAccessibleName(f"The {clock_text(minute_of(dose.planned.time))} dose")
        menu.addAction("Taken", lambda: self._write(dose, "taken"))
        menu.addAction("Taken at another time…", lambda: self.ask_taken_at(dose))
        menu.addAction("Skipped…", lambda: self.ask_skipped(dose))
        clear = menu.addAction("Not recorded", lambda: self._write(dose, None))
        clear.setEnabled(dose.entry is not None)
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(widget.mapToGlobal(pos))

    def _ticked(self, dose: DayDose, on: bool) -> None:
        self._write(dose, "taken" if on else None)

    def _words(self, dose: DayDose) -> str:
        time = clock_text(minute_of(dose.planned.time))
        day = "today" if self.day == self.today else f"on {short_day(self.day)}"
        return f"the {time} dose {day}"

    def ask_skipped(self, dose: DayDose) -> None:
        """Ask why the dose was skipped (optional), and mark it so."""
        reason = dose.entry.reason if dose.entry is not None else ""
        dialog = SkippedDialog(self._words(dose), reason, self)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self._write(dose, "skipped", reason=dialog.reason())
        finally:
            dialog.deleteLater()

    def ask_taken_at(self, dose: DayDose) -> None:
        """Ask when the dose was taken, and mark it taken then."""
        entry = dose.entry
        at = entry.taken_at if entry is not None and entry.taken_at else dose.planned.time
        dialog = TakenAtDialog(self._words(dose), minute_of(at), self)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                taken_at = dialog.taken_at()
                if taken_at == dose.planned.time:
                    self._write(dose, "taken")
                else:
                    self._write(dose, "moved", taken_at=taken_at)
                    self._say_cautions(taken_at)
        finally:
            dialog.deleteLater()

    def _say_cautions(self, taken_at: str) -> None:
        """The caution ``magplan log`` prints for a dose taken inside a medicine's spacing or
        with another: in the status bar, and to assistive technology."""
        lines = self.cautions_of(self.day, taken_at) if self.cautions_of is not None else []
        if not lines:
            return
        from magplan.gui.accessibility import announce
        from magplan.gui.status import tell

        text = " ".join(lines)
        self.caution.setText(text)
        self.caution.setVisible(True)
        window = self.window()
        if isinstance(window, QMainWindow):
            tell(window, text)
        announce(self, text)

    def _write(
        self, dose: DayDose, status: str | None, *, taken_at: str | None = None, reason: str = ""
    ) -> None:
        """Keep the mark in the journal (``None``: forget it), then show the day again."""
        journal = self.journal
        if journal is None:
            return
        try:
            if status is None:
                journal.remove_dose(self.day, dose.planned.time)
            else:
                journal.log_dose(self.day, dose.planned.time, status, taken_at, reason)
        except JournalError as exc:
            QMessageBox.warning(self, "Not recorded", str(exc))
        self._refresh_after_write()

    def _side_effect(self, effect: str, on: bool) -> None:
        journal = self.journal
        if journal is None:
            return
        try:
            if on:
                journal.add_side_effect(self.day, effect)
            else:
                journal.remove_side_effect(self.day, effect)
        except JournalError as exc:
            QMessageBox.warning(self, "Not recorded", str(exc))
        self._refresh_after_write()

    def _refresh_after_write(self) -> None:
        journal = self.journal
        if journal is None:
            return
        self.show_day(journal, self.day, self.first, self.today)
        self.recorded.emit(self.day)

    # ---- other days -----------------------------------------------------------------------

    def _go(self, day: dt.date) -> None:
        day = min(self.today, max(self.first, day))
        if self.journal is None or day == self.day:
            self.date_edit.blockSignals(True)
            self.date_edit.setDate(_qdate(self.day))
            self.date_edit.blockSignals(False)
            return
        self.show_day(self.journal, day, self.first, self.today)
        self.dayChosen.emit(day)
