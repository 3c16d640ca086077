"""The check-ins of the profile's goals on the Journal page: which are due on the day shown,
when each was last made, and a "Check in…" button for each.

A check-in is weekly by default and can be made on any day besides
(:mod:`magplan.journal.checkins`); it is kept for the day the page shows. The questions are
asked by :class:`magplan.gui.checkin_dialog.CheckinDialog`, imported when one is opened.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from magplan.gui.fields import named
from magplan.gui.journal_words import short_day
from magplan.journal.checkins import due, next_due
from magplan.journal.scales import definitions
from magplan.journal.summary import CheckinDay


def checkin_name(kind: str) -> str:
    """A check-in's name as the person reads it: ``PHQ-8``, ``Sleep diary``."""
    found = definitions()
    if kind in found.scales:
        return found.scales[kind].name
    if kind == "sleep":
        return found.sleep.name
    if kind == "stools":
        return found.stools.name
    return found.counts[kind].name


def score_words(c: CheckinDay) -> str:
    """What a check-in came to, as the follow-up report says it: ``score 7, mild``; WHO-5 as a
    percentage (``76%, above the poor-wellbeing cut-off``); the sleep diary's efficiency
    (``88.2% sleep efficiency``); cramp or migraine days (``2 days``); ``""`` without a
    score."""
    if c.score is None:
        return ""
    found = definitions()
    if c.kind == "sleep":
        text = f"{c.score:g}% sleep efficiency"
    elif c.kind in found.counts:
        text = f"{c.score:g} day{'' if c.score == 1 else 's'}"
    elif c.kind in found.scales and found.scales[c.kind].percent_factor:
        text = f"{c.score * (found.scales[c.kind].percent_factor or 1):g}%"
    else:
        text = f"score {c.score:g}"
    return f"{text}, {c.band[:1].lower()}{c.band[1:]}" if c.band else text


def last_made(kind: str, checkins: Iterable[CheckinDay], day: dt.date) -> CheckinDay | None:
    """The latest check-in of ``kind`` on or before ``day``."""
    made = [c for c in checkins if c.kind == kind and c.day <= day]
    return max(made, key=lambda c: c.day) if made else None


class CheckinsPanel(QGroupBox):
    """One row per check-in of the profile: its state on the day shown, and Check in…."""

    checkinRequested = Signal(str)  # the kind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Check-ins", parent)
        self.setObjectName("journalCheckins")
        column = QVBoxLayout(self)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(10)
        column.addLayout(self.grid)
        self.buttons: dict[str, QPushButton] = {}
        self.due_kinds: tuple[str, ...] = ()

    def show_checkins(
        self, kinds: Sequence[str], checkins: Sequence[CheckinDay], day: dt.date, today: dt.date
    ) -> None:
        """The check-ins ``kinds`` as of ``day`` (``checkins``: those made so far)."""
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons = {}
        lasts = {kind: last_made(kind, checkins, day) for kind in kinds}
        self.due_kinds = tuple(k for k in kinds if due(k, _day_of(lasts[k]), day))
        ordered = [*self.due_kinds, *(k for k in kinds if k not in self.due_kinds)]
        for row, kind in enumerate(ordered):
            self._row(row, kind, lasts[kind], day)
        when = "today" if day == today else f"on {short_day(day)}"
        self.setTitle(f"Check-ins ({len(self.due_kinds)} due {when})" if kinds else "Check-ins")

    def _row(self, row: int, kind: str, last: CheckinDay | None, day: dt.date) -> None:
        name = checkin_name(kind)
        state = QLabel(self._state(kind, last, day))
        state.setWordWrap(True)
        button = QPushButton("Check in…")
        named(button, f"Check in: {name}", f"Answer the {name} for {short_day(day)}")
        button.clicked.connect(lambda _=False, k=kind: self.checkinRequested.emit(k))
        title = QLabel(f"<b>{name}</b>")
        self.grid.addWidget(title, row, 0)
        self.grid.addWidget(state, row, 1)
        self.grid.addWidget(button, row, 2)
        self.grid.setColumnStretch(1, 1)
        self.buttons[kind] = button

    @staticmethod
    def _state(kind: str, last: CheckinDay | None, day: dt.date) -> str:
        if last is None:
            return "Due: not made yet"
        made = f"last on {short_day(last.day)}"
        score = score_words(last)
        if score:
            made += f" ({score})"
        if due(kind, last.day, day):
            return f"Due: {made}"
        return f"Next due {short_day(next_due(kind, last.day, day))}; {made}"


def _day_of(c: CheckinDay | None) -> dt.date | None:
    return c.day if c is not None else None


def checkin_values(dialog: Any) -> tuple[dict[str, Any], float | None]:
    """What an accepted check-in dialog gives: (answers, score)."""
    answers, score = dialog.values()
    return dict(answers), None if score is None else float(score)
