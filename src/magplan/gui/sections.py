"""The inputs: one column that scrolls, in named sections, with the names of the sections
over it; two columns side by side where the inputs are given the width (a large screen), so
that every section is in sight at once.

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
    QHBoxLayout,
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
COLUMN_GAP_PX = 16
"""Between the two columns of sections."""


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
        self._columns = QHBoxLayout(self.column)
        self._columns.setSpacing(COLUMN_GAP_PX)
        self._column_layout = QVBoxLayout()  # the first column: every section, or the first
        self._column_layout.setSpacing(10)
        self._second_column = QVBoxLayout()  # the sections after the first column's
        self._second_column.setSpacing(10)
        self._columns.addLayout(self._column_layout, 1)
        self._columns.addLayout(self._second_column, 1)
        self._tail = QWidget()  # room under the last section, so that it can reach the top
        self._column_layout.addWidget(self._tail)
        self._column_layout.addStretch(1)
        self._second_column.addStretch(1)
        self._two_columns = False
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
        self._column_layout.insertWidget(self._column_layout.count() - 2, section)  # ends last
        self._sections.append(section)
        if self._two_columns:
            self._fit_columns(again=True)  # the columns split anew
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

    # ---- one column or two --------------------------------------------------------------------

    def one_column_px(self) -> int:
        """The width the column of sections needs (without its scroll bar)."""
        margins = self._columns.contentsMargins()
        widest = max((s.minimumSizeHint().width() for s in self._sections), default=0)
        return widest + margins.left() + margins.right()

    def two_columns_px(self) -> int:
        """The width two columns of sections need side by side."""
        return 2 * self.one_column_px() + COLUMN_GAP_PX

    def two_columns(self) -> bool:
        return self._two_columns

    def _fit_columns(self, *, again: bool = False) -> None:
        """Two columns where the view is wide enough for them, else one (``again``: split the
        sections anew even if that does not change)."""
        viewport = self.scroll_area.viewport()
        if viewport is None or not self._sections:
            return
        two = viewport.width() >= self.two_columns_px()
        if two == self._two_columns and not again:
            return
        self._two_columns = two
        for section in self._sections:
            self._column_layout.removeWidget(section)
            self._second_column.removeWidget(section)
        first = self._first_column_count() if two else len(self._sections)
        for i, section in enumerate(self._sections):
            if i < first:
                self._column_layout.insertWidget(i, section)
            else:
                self._second_column.insertWidget(i - first, section)
        self._fit_tail()

    def _first_column_count(self) -> int:
        """How many sections, in order, the first of two columns takes: the split that
        leaves the taller column the least tall."""
        heights = [s.sizeHint().height() for s in self._sections]
        return min(
            range(1, len(heights) + 1),
            key=lambda k: (max(sum(heights[:k]), sum(heights[k:])), -k),
        )

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
        """Mark the section whose top is nearest above the top of the view (the first
        column's among two level)."""
        reached = [i for i, s in enumerate(self._sections) if s.y() <= value + FOCUS_MARGIN_PX]
        if not reached:
            self._set_current(0)
            return
        self._set_current(max(reached, key=lambda i: (self._sections[i].y(), -i)))

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
        if self._two_columns:  # every section is in sight, or near it
            self._tail.setFixedHeight(0)
            return
        last = self._sections[-1].height()
        margins = self._columns.contentsMargins()
        room = viewport.height() - last - margins.top() - margins.bottom()
        room -= 2 * self._column_layout.spacing()
        self._tail.setFixedHeight(max(0, room))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            if watched is self.nav:
                self._fit_nav()
            else:
                if watched is self.scroll_area.viewport():
                    self._fit_columns()
                self._fit_tail()
        return False
