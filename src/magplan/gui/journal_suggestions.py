"""The journal's open suggestions on the Journal page, each with its reason and sources, the
one action that accepts it and Decline.

Low adherence comes first, before anything about effect (the journal's rule), then holding a
step of the ramp, then a gentler form; within each, the latest week first. A statement with
nothing to accept (low adherence) has one button, "Understood". The page carries out what
the person chooses (:mod:`magplan.journal.follow`); this panel only lays the suggestions out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from magplan.gui.fields import named
from magplan.gui.journal_words import muted, short_day
from magplan.journal.suggest import SUGGESTION_CODES
from magplan.journal.summary import SuggestionView

MOST_LINES = 14
"""The suggestions take at most this many lines of text; more scroll."""
CARD_LINES = 8
"""The room a suggestion takes at least: its reason and its buttons."""
UNDERSTOOD = "Understood"
"""The one button of a suggestion that is a statement (nothing to carry out)."""


def in_order(suggestions: Sequence[SuggestionView]) -> list[SuggestionView]:
    """The open suggestions, low adherence first, then by the journal's order of codes, the
    latest week first within each."""
    open_ = [s for s in suggestions if s.status == "open"]
    rank = {code: i for i, code in enumerate(SUGGESTION_CODES)}
    by_week = sorted(open_, key=lambda s: s.week_start, reverse=True)
    return sorted(by_week, key=lambda s: rank.get(s.code, len(rank)))


class SuggestionsPanel(QGroupBox):
    """The open suggestions, each with Accept (its action's words) and Decline."""

    acceptRequested = Signal(int)  # a suggestion's id
    declineRequested = Signal(int)

    def __init__(
        self, short_names: Mapping[str, str] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__("Suggestions", parent)
        self.setObjectName("journalSuggestions")
        self._short = dict(short_names or {})  # a source's title -> its short name
        self.list = QWidget()
        self.column = QVBoxLayout(self.list)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.list_scroll = QScrollArea()
        self.list_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its buttons take the focus
        self.list_scroll.setWidget(self.list)
        self.list_scroll.setWidgetResizable(True)
        self.list_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.list_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_scroll.setAccessibleName("Open suggestions")
        lines = self.fontMetrics().lineSpacing()
        self.list_scroll.setMaximumHeight(MOST_LINES * lines)
        outer = QVBoxLayout(self)
        outer.addWidget(self.list_scroll)
        self.shown: list[SuggestionView] = []
        self.cards: list[QFrame] = []

    def show_suggestions(self, suggestions: Sequence[SuggestionView]) -> None:
        while self.column.count():
            item = self.column.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.shown = in_order(suggestions)
        self.cards = [self._card(s) for s in self.shown]
        for card in self.cards:
            self.column.addWidget(card)
        if not self.shown:
            decided = [s for s in suggestions if s.status != "open"]
            text = "Nothing to suggest after the weeks completed so far."
            if decided:
                counts = {
                    word: sum(s.status == status for s in decided)
                    for status, word in (
                        ("accepted", "accepted"),
                        ("declined", "declined"),
                        ("expired", "out of date"),
                    )
                }
                said = ", ".join(f"{n} {word}" for word, n in counts.items() if n)
                text += f" Earlier: {said}."
            note = QLabel(text)
            note.setWordWrap(True)
            muted(note, 1.0)
            self.column.addWidget(note)
        self.column.addStretch(1)
        lines = self.fontMetrics().lineSpacing()
        self.list_scroll.setMinimumHeight((CARD_LINES if self.shown else 2) * lines)
        self.setTitle(f"Suggestions ({len(self.shown)})" if self.shown else "Suggestions")

    def _card(self, s: SuggestionView) -> QFrame:
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setAccessibleName(f"Suggestion about the week from {short_day(s.week_start)}")
        column = QVBoxLayout(card)
        column.setContentsMargins(8, 6, 8, 6)
        reason = QLabel(s.reason or s.action)
        reason.setWordWrap(True)
        column.addWidget(reason)
        row = QHBoxLayout()
        accept = QPushButton(s.action or UNDERSTOOD)
        what = s.action or "Set this statement aside: it was read"
        named(accept, f"Accept: {s.action}" if s.action else UNDERSTOOD, what)
        accept.clicked.connect(lambda _=False, i=s.id: self.acceptRequested.emit(i))
        row.addWidget(accept)
        if s.action:
            decline = QPushButton("Decline")
            named(decline, f"Decline: {s.action}", "Keep the plan as it is")
            decline.clicked.connect(lambda _=False, i=s.id: self.declineRequested.emit(i))
            row.addWidget(decline)
        if s.sources:
            sources = QLabel("Sources: " + "; ".join(self._short.get(t, t) for t in s.sources))
            sources.setWordWrap(True)
            muted(sources)
            sources.setToolTip("\n".join(s.sources))
            row.addWidget(sources, 1)
        else:
            row.addStretch(1)
        column.addLayout(row)
        card.setAccessibleDescription(f"{reason.text()} Sources: {'; '.join(s.sources)}")
        return card
