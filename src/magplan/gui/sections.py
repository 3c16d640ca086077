"""The inputs: one column that scrolls, in named sections, with the names of the sections
over it.

Picking a section in the list (or View ▸ its name, Ctrl+1, Ctrl+2, ...) scrolls it to the top;
scrolling marks the section in view. Every field stays in the one column, so that each label's
mnemonic and Tab reach every field wherever the column is scrolled: a field that takes the
keyboard is scrolled into view. A section is added with one line, :meth:`add_section`; a page
to come (a journal, the food eaten) takes its place in the list the same way. The names run
left to right and wrap onto another line when there are more than the width holds, so that
the list never takes width from the plan.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QListView,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

FOCUS_MARGIN_PX = 12
"""Room kept around a field scrolled into view, so that its label and message show too."""

NAV_ITEM_PADDING_PX = 16


class InputSections(QWidget):
    """The list of sections over the column of inputs."""

    sectionChanged = Signal(int)  # the section at the top of the view, or of the focused field

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inputSections")
        self._sections: list[QWidget] = []
        self._current = -1

        self.nav = QListWidget()
        self.nav.setObjectName("sectionList")
        self.nav.setAccessibleName("Sections")
        self.nav.setAccessibleDescription("Go to a section of the inputs (Ctrl+1, Ctrl+2, …)")
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        self.nav.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setFlow(QListView.Flow.LeftToRight)
        self.nav.setWrapping(True)
        self.nav.setResizeMode(QListView.ResizeMode.Adjust)
        self.nav.setSpacing(2)
        self.nav.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.nav.installEventFilter(self)
        self.nav.currentRowChanged.connect(self._picked)

        self.column = QWidget()
        self.column.setObjectName("inputs")
        self._column_layout = QVBoxLayout(self.column)
        self._column_layout.setSpacing(10)
        self._tail = QWidget()  # room under the last section, so that it can reach the top
        self._column_layout.addWidget(self._tail)
        self._column_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.column)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setAccessibleName("Inputs")
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields
        self.scroll_area.setMinimumWidth(320)
        scrollbar = self.scroll_area.verticalScrollBar()
        if scrollbar is not None:
            scrollbar.valueChanged.connect(self._scrolled)
        viewport = self.scroll_area.viewport()
        if viewport is not None:
            viewport.installEventFilter(self)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.nav)
        lay.addWidget(self.scroll_area, 1)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    # ---- building ---------------------------------------------------------------------------

    def add_section(self, title: str, *panels: QWidget) -> int:
        """A section named ``title`` holding ``panels``, after the others; returns its index."""
        section = QWidget()
        section.setObjectName(f"section{len(self._sections) + 1}")
        section.setAccessibleName(title)
        lay = QVBoxLayout(section)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(self._column_layout.spacing())
        for panel in panels:
            lay.addWidget(panel)
        self._column_layout.insertWidget(len(self._sections), section)
        self._sections.append(section)
        section.installEventFilter(self)
        item = QListWidgetItem(title)
        fm = self.nav.fontMetrics()
        item.setSizeHint(QSize(fm.horizontalAdvance(title) + NAV_ITEM_PADDING_PX, fm.height() + 8))
        item.setToolTip(f"Go to {title} (Ctrl+{len(self._sections)})")
        self.nav.addItem(item)
        self._fit_nav()
        if self._current < 0:
            self._set_current(0)
        return len(self._sections) - 1

    def _fit_nav(self) -> None:
        """The list as tall as its lines of names at its present width."""
        width = max(self.nav.width(), 1)
        spacing = self.nav.spacing()
        lines, used, line_px = 1, 0, 0
        for i in range(self.nav.count()):
            hint = self.nav.item(i).sizeHint()
            line_px = max(line_px, hint.height() + 2 * spacing)
            if used and used + hint.width() + 2 * spacing > width - 2 * self.nav.frameWidth():
                lines, used = lines + 1, 0
            used += hint.width() + 2 * spacing
        self.nav.setFixedHeight(lines * line_px + 2 * self.nav.frameWidth() + 2)

    # ---- where the column is ----------------------------------------------------------------

    def titles(self) -> list[str]:
        return [self.nav.item(i).text() for i in range(self.nav.count())]

    def current(self) -> int:
        """The section marked in the list: the one at the top of the view, or the one whose
        field last took the keyboard (-1 before any is added)."""
        return self._current

    def section(self, index: int) -> QWidget:
        return self._sections[index]

    def section_of(self, widget: QWidget) -> int:
        """The section that holds ``widget``, or -1."""
        return next((i for i, s in enumerate(self._sections) if s.isAncestorOf(widget)), -1)

    def go_to(self, index: int, *, focus: bool = False) -> None:
        """Scroll section ``index`` to the top; with ``focus``, its first field takes the
        keyboard."""
        if not 0 <= index < len(self._sections):
            return
        scrollbar = self.scroll_area.verticalScrollBar()
        if scrollbar is not None:
            scrollbar.setValue(self._sections[index].y())
        self._set_current(index)
        if focus:
            first = self._first_field(self._sections[index])
            if first is not None:
                first.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def ensureWidgetVisible(self, widget: QWidget) -> None:
        """Scroll the column so that ``widget`` is in view (as :class:`QScrollArea` does)."""
        self.scroll_area.ensureWidgetVisible(widget, FOCUS_MARGIN_PX, FOCUS_MARGIN_PX)

    @staticmethod
    def _first_field(section: QWidget) -> QWidget | None:
        """The first widget in ``section`` that Tab reaches."""
        widget = section.nextInFocusChain()
        while widget is not None and widget is not section:
            takes_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
            usable = widget.isEnabled() and widget.isVisibleTo(section)
            if section.isAncestorOf(widget) and takes_tab and usable:
                return widget
            widget = widget.nextInFocusChain()
        return None

    # ---- following the user -----------------------------------------------------------------

    def _picked(self, row: int) -> None:
        if row != self._current:
            self.go_to(row)

    def _scrolled(self, value: int) -> None:
        """Mark the last section whose top has reached the top of the view."""
        reached = [i for i, s in enumerate(self._sections) if s.y() <= value + FOCUS_MARGIN_PX]
        self._set_current(reached[-1] if reached else 0)

    def _set_current(self, index: int) -> None:
        if index == self._current:
            return
        self._current = index
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(index)
        self.nav.blockSignals(False)
        self.sectionChanged.emit(index)

    def _focus_moved(self, _old: QWidget | None, now: QWidget | None) -> None:
        """A field that takes the keyboard (by Tab, its mnemonic or a click) comes into view,
        and its section is the one marked."""
        if now is not None and self.column.isAncestorOf(now):
            self.ensureWidgetVisible(now)
            self._set_current(self.section_of(now))

    def _fit_tail(self) -> None:
        """Under the last section, the room it needs to be scrolled to the top."""
        viewport = self.scroll_area.viewport()
        if not self._sections or viewport is None:
            return
        last = self._sections[-1].height()
        margins = self._column_layout.contentsMargins()
        room = viewport.height() - last - margins.top() - margins.bottom()
        room -= 2 * self._column_layout.spacing()
        self._tail.setFixedHeight(max(0, room))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            if watched is self.nav:
                self._fit_nav()
            else:
                self._fit_tail()
        return False
