"""The window's main area as pages: the Plan (the inputs beside the plan), the Journal of the
saved profile, and Food (what the person eats); each is one :meth:`WindowPages.add_page` line.

The tabs that switch pages sit in the menu bar's corner, so the plan keeps every pixel of its
height on a laptop's screen; where the menu bar is the platform's own (macOS), they sit over
the pages. View ▸ Plan (Alt+1), View ▸ Journal (Alt+2) and View ▸ Food (Alt+3) switch too, and
going to a section of the inputs (Ctrl+1, ...) shows the Plan.

The pages share the window's centre, one shown at a time: a page that is hidden takes no room
there, so the window's least size stays the plan's. Every page but the Plan is built the first
time it is opened: its module is imported then, so the window's start does not grow with the
pages it could show.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QBoxLayout, QMainWindow, QMenu, QTabBar, QWidget

PLAN, JOURNAL, FOOD = 0, 1, 2
"""The pages' places, in the tabs and in View."""

# A segmented switch the height of the menu bar, marked as the section list marks its current
# section (the palette's highlight).
_TABS_STYLE = (
    "QTabBar::tab { padding: 1px 14px; margin: 0px; border: 1px solid palette(mid);"
    " background: palette(button); color: palette(button-text); }"
    "QTabBar::tab:selected { background: palette(highlight); color: palette(highlighted-text); }"
    "QTabBar::tab:first { border-top-left-radius: 4px; border-bottom-left-radius: 4px; }"
    "QTabBar::tab:last { border-top-right-radius: 4px; border-bottom-right-radius: 4px; }"
)


class WindowPages(QObject):
    """The pages of the main area, and the tabs and View entries that switch them."""

    pageOpened = Signal(int)  # the page now shown (after it was built, the first time)

    def __init__(self, window: QMainWindow, centre: QWidget, plan_page: QWidget) -> None:
        """``plan_page`` is the widget the window's ``centre`` shows now (the Plan); other
        pages go beside it in the centre's layout."""
        super().__init__(window)
        self._window = window
        layout = centre.layout()
        assert isinstance(layout, QBoxLayout)
        self._layout = layout
        self._pages: list[QWidget | None] = []  # None: not built yet
        self._factories: dict[int, Callable[[], QWidget]] = {}
        self._current = PLAN
        self.tabs = QTabBar()
        self.tabs.setObjectName("pageTabs")
        self.tabs.setAccessibleName("Pages")
        self.tabs.setAccessibleDescription(
            "Switch between the plan, the journal and food (Alt+1, Alt+2, Alt+3)"
        )
        self.tabs.setDocumentMode(True)
        self.tabs.setDrawBase(False)
        self.tabs.setExpanding(False)
        # View and Alt+number reach the pages: the tabs stay out of the fields' Tab order
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.setStyleSheet(_TABS_STYLE)
        self.tabs.currentChanged.connect(self.open_page)
        self.view_group = QActionGroup(self)
        self.view_actions: list[QAction] = []
        self.add_page("Plan", plan_page, "Show the plan beside its inputs")

    # ---- building ---------------------------------------------------------------------------

    def add_page(
        self, title: str, page: QWidget | Callable[[], QWidget], tip: str, mnemonic: str = ""
    ) -> int:
        """A page named ``title``: a widget, or a function that builds it when first opened.
        Its View entry is ``&title`` (or ``title`` with ``mnemonic`` marked) on Alt+its number."""
        index = len(self._pages)
        if isinstance(page, QWidget):
            self._pages.append(page)
        else:
            self._pages.append(None)
            self._factories[index] = page
        self.tabs.blockSignals(True)
        self.tabs.addTab(title)
        self.tabs.blockSignals(False)
        self.tabs.setTabToolTip(index, f"{tip} (Alt+{index + 1})")
        marked = title.replace(mnemonic, f"&{mnemonic}", 1) if mnemonic else f"&{title}"
        action = QAction(marked, self._window)
        action.setCheckable(True)
        action.setChecked(index == self._current)
        action.setStatusTip(tip)
        action.setShortcuts([QKeySequence(f"Alt+{index + 1}")])
        action.triggered.connect(lambda _=False, i=index: self.open_page(i))
        self.view_group.addAction(action)
        self.view_actions.append(action)
        return index

    def place(self, view_menu: QMenu) -> None:
        """Show the tabs (in the menu bar's corner, or over the pages) and put one entry per
        page at the top of View."""
        bar = self._window.menuBar()
        if bar.isNativeMenuBar():
            self._layout.insertWidget(0, self.tabs, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            bar.setCornerWidget(self.tabs, Qt.Corner.TopRightCorner)
            self.tabs.show()
        actions = view_menu.actions()
        if actions:
            view_menu.insertActions(actions[0], self.view_actions)
            view_menu.insertSeparator(actions[0])
        else:
            view_menu.addActions(self.view_actions)

    # ---- switching --------------------------------------------------------------------------

    def count(self) -> int:
        return len(self._pages)

    def current_index(self) -> int:
        return self._current

    def page(self, index: int) -> QWidget | None:
        """Page ``index`` once it is built (``None`` before it was first opened)."""
        return self._pages[index]

    def open_page(self, index: int) -> QWidget:
        """Show page ``index``, building it the first time; the page."""
        page = self._pages[index]
        if page is None:
            page = self._factories.pop(index)()
            page.hide()
            self._layout.addWidget(page, 1)
            self._pages[index] = page
        shown = self._pages[self._current]
        if shown is not None and shown is not page:
            shown.hide()
        self._current = index
        page.show()
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)
        self.view_actions[index].setChecked(True)
        _focus_into(page)
        self.pageOpened.emit(index)
        return page

    def show_plan(self) -> None:
        if self._current != PLAN:
            self.open_page(PLAN)


def _focus_into(page: QWidget) -> None:
    """The keyboard goes to the page now shown: its first field that takes Tab, unless the
    focus is in it already (a key must never reach a page that is not on the screen)."""
    focused = QApplication.focusWidget()
    if focused is not None and page.isAncestorOf(focused):
        return
    widget: QWidget | None = page.nextInFocusChain()
    for _ in range(2000):  # the chain is a ring: at most once round it
        if widget is None or widget is page:
            break
        if (
            page.isAncestorOf(widget)
            and widget.isVisibleTo(page)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return
        widget = widget.nextInFocusChain()
    page.setFocus(Qt.FocusReason.OtherFocusReason)


def _journal_page(window: QMainWindow) -> Callable[[], QWidget]:
    def build() -> QWidget:
        from magplan.gui.journal_page import JournalPage  # with the journal, Qt Charts

        return JournalPage(window)

    return build


def _food_page(window: QMainWindow) -> Callable[[], QWidget]:
    def build() -> QWidget:
        from magplan.gui.food_page import FoodPage  # with the food data

        return FoodPage(window)

    return build


def install_pages(window: QMainWindow, view_menu: QMenu, plan_page: QWidget) -> WindowPages:
    """Pages in the window's centre: ``plan_page`` (what the centre shows now) is the Plan, and
    the Journal and Food go beside it."""
    centre = window.centralWidget()
    assert centre is not None
    pages = WindowPages(window, centre, plan_page)
    pages.add_page(
        "Journal",
        _journal_page(window),
        "Show the journal of the saved profile: doses taken, how it goes, suggestions",
    )
    pages.add_page(
        "Food",
        _food_page(window),
        "Show what you eat: the magnesium it gives, the foods to try first, a grocery list",
    )
    pages.place(view_menu)
    return pages
