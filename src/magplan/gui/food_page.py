"""The Food page: what the person eats, the magnesium it gives, and the foods to try first.

Built the first time View ▸ Food (Alt+3) or its tab is opened (:mod:`magplan.gui.pages`), so
that the food data and these modules load only then. On the left, what the person eats: the
short checklist (:class:`~magplan.gui.food_checklist.ChecklistPanel`), the foods they added
(:class:`~magplan.gui.food_checklist.OwnFoodsPanel`) and the full list to add them from
(:class:`~magplan.gui.food_search.FoodSearch`). On the right, always in sight, the estimate
against the person's EAR and RDA beside what the supplement plan adds, and the choice to plan
the dietary gap (:class:`~magplan.gui.food_advice.EstimatePanel`); under it the food-first
suggestions and the grocery list (:class:`~magplan.gui.food_advice.AdviceView`).

The answers scroll; a field that takes the keyboard is scrolled into sight whole, so that
what is typed next goes where it can be seen. On a wide page they take two columns, the
checklist beside the person's foods and the full list, which then has the whole height.

The answers are the window's (:class:`~magplan.gui.diet_answers.DietAnswers`): each change
here is an edit of the window's inputs, planned, kept by Undo and saved with the profile; the
page shows the plan the window made from them.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING, Literal, Protocol, cast

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from magplan.core.errors import PlanInputError
from magplan.core.foods import FoodDataError, FoodTable, load_foods
from magplan.gui.diet_answers import DietAnswers
from magplan.gui.fields import Errors, FieldMarks, sentence
from magplan.gui.food_advice import AdviceView, EstimatePanel
from magplan.gui.food_checklist import ChecklistPanel, OwnFoodsPanel, ServingsRow
from magplan.gui.food_search import FoodSearch
from magplan.gui.stale_plan import StaleVeil
from magplan.present.diet import ESTIMATE_NOTE, FoodSheet, food_sheet, requirement_line

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from magplan.core.knowledge import Knowledge
    from magplan.core.plan import Plan
    from magplan.core.request import PlanRequest

INPUTS_PX = 600
"""The answers' column at first: the checklist's four columns without squeezing."""
RESULTS_LEAST_PX = 640
"""The results keep at least this width when the answers are given two columns at first."""
COLUMN_GAP_PX = 12
FOCUS_MARGIN_PX = 12
"""Room kept around a field scrolled into view: its row's words and message show too."""


class FoodWindow(Protocol):
    """What the page uses of the main window."""

    diet_answers: DietAnswers
    marks: FieldMarks

    @property
    def planChanged(self) -> SignalInstance: ...
    @property
    def planProblems(self) -> SignalInstance: ...

    def knowledge(self) -> Knowledge: ...
    def current_plan(self) -> Plan | None: ...
    def current_request(self) -> PlanRequest | None: ...


class AnswerColumns(QWidget):
    """The answers: the checklist, then the person's foods and the full list under it; on a
    wide page the checklist in one column and the others beside it, where the full list
    takes the whole height."""

    def __init__(self, first: QWidget, second: tuple[QWidget, ...]) -> None:
        super().__init__()
        self._first, self._second = first, second
        self._columns = QHBoxLayout(self)
        self._columns.setContentsMargins(0, 0, 6, 0)
        self._columns.setSpacing(COLUMN_GAP_PX)
        self._left, self._right = QVBoxLayout(), QVBoxLayout()
        self._columns.addLayout(self._left, 1)
        self._columns.addLayout(self._right, 1)
        self._two = True
        self._arrange(two=False)

    def two_columns(self) -> bool:
        return self._two

    def two_columns_px(self) -> int:
        """The width the two columns need side by side."""
        margins = self._columns.contentsMargins()
        first = self._first.minimumSizeHint().width()
        second = max(first, *(w.minimumSizeHint().width() for w in self._second))
        return first + second + COLUMN_GAP_PX + margins.left() + margins.right()

    def fit(self, width: int) -> None:
        """Two columns where ``width`` has room for them, else one."""
        self._arrange(two=width >= self.two_columns_px())

    def _arrange(self, *, two: bool) -> None:
        if two == self._two:
            return
        self._two = two
        for column in (self._left, self._right):
            while column.count():
                column.takeAt(0)  # the widgets stay; only their places go
        self._left.addWidget(self._first)
        target = self._right if two else self._left
        for widget in self._second:
            target.addWidget(widget, 1 if two and widget is self._second[-1] else 0)
        self._left.addStretch(1)
        self._columns.setStretchFactor(self._right, 1 if two else 0)
        self._columns.setSpacing(COLUMN_GAP_PX if two else 0)


class FoodPage(QWidget):
    """What the person eats (left) and what it gives them (right)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__()
        self.setObjectName("foodPage")
        self.setAccessibleName("Food")
        self._window = window
        self._w = cast(FoodWindow, window)
        self.answers = self._w.diet_answers
        self._goals: tuple[str, ...] = ()
        self._age_years: int | None = None
        self.sheet: FoodSheet | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 0)
        try:
            self.table: FoodTable | None = load_foods()
        except FoodDataError as exc:
            self.table = None
            broken = QLabel(f"The food data cannot be read: {exc}")
            broken.setWordWrap(True)
            layout.addWidget(broken)
            return
        layout.addWidget(self._build(self.table, self._w.marks))
        self._order_tab_stops()
        self.answers.attach(self.problems, lambda: self.estimate.gap_box)
        self.answers.shown.connect(self.show_answers)
        self._w.planChanged.connect(self.show_plan)
        self._w.planProblems.connect(self.show_problems)
        self.show_answers()
        self.show_plan()
        self.show_problems(list(self._w.marks.marked().values()))

    # ---- building ---------------------------------------------------------------------------

    def _build(self, table: FoodTable, marks: FieldMarks) -> QSplitter:
        self.checklist = ChecklistPanel("What you usually eat", marks)
        for group in table.groups.values():
            asked: Literal["day", "week"] = "week" if group.asked == "week" else "day"
            self.checklist.add_row(ServingsRow(group.id, group.name, group.serving, asked))
        self.own_foods = OwnFoodsPanel("Other foods you eat", marks)
        self.search = FoodSearch(table)
        for grid in (self.checklist, self.own_foods):
            grid.edited.connect(self._row_edited)
        self.own_foods.removeRequested.connect(self._remove_food)
        self.search.addRequested.connect(self.add_food)

        self.answer_columns = AnswerColumns(self.checklist, (self.own_foods, self.search))
        self.answers_scroll = QScrollArea()
        self.answers_scroll.setObjectName("foodAnswers")
        self.answers_scroll.setWidget(self.answer_columns)
        self.answers_scroll.setWidgetResizable(True)
        self.answers_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.answers_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields take Tab
        self.answers_scroll.viewport().installEventFilter(self)  # one column or two
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
        self.search.view.selectionModel().currentRowChanged.connect(self._show_current_food)

        self.estimate = EstimatePanel(marks)
        self.estimate.gap_box.toggled.connect(self._gap_toggled)
        self.advice = AdviceView()
        results = QWidget()
        right = QVBoxLayout(results)
        right.setContentsMargins(6, 0, 0, 0)
        right.addWidget(self.estimate)
        right.addWidget(self.advice, 1)

        # while a field is marked, the results are the last valid plan's: dimmed, as on the
        # Plan page (the gap choice is an input, and the line saying why stays clear)
        self.veil = StaleVeil(results, (self.estimate.gap_box, self.estimate.stale_label))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("foodSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.answers_scroll)
        self.splitter.addWidget(results)
        self.splitter.setStretchFactor(1, 1)
        width = max(self._window.width(), 2 * INPUTS_PX)
        self.splitter.setSizes([INPUTS_PX, width - INPUTS_PX])
        self._sized = False  # the split is set again at the splitter's first real width
        self.splitter.installEventFilter(self)
        return self.splitter

    def _answers_px(self, width: int) -> int:
        """The answers' width at first in a page ``width`` wide: two columns side by side
        where the results keep :data:`RESULTS_LEAST_PX`, else :data:`INPUTS_PX`."""
        scrollbar = self.answers_scroll.verticalScrollBar()
        scrollbar_px = scrollbar.sizeHint().width() if scrollbar is not None else 0
        two = self.answer_columns.two_columns_px() + scrollbar_px + 2
        return two if width - two >= RESULTS_LEAST_PX else INPUTS_PX

    def _order_tab_stops(self) -> None:
        """Tab goes in reading order: the checklist, the person's foods, the full list, then
        the estimate's choice and the advice (rows added later come in their place)."""
        stops: list[QWidget] = [
            *self.checklist.focus_stops(),
            *self.own_foods.focus_stops(),
            self.search.search_edit,
            self.search.view,
            self.search.add_button,
            self.estimate.gap_box,
            self.advice,
        ]
        for before, after in pairwise(stops):
            QWidget.setTabOrder(before, after)

    # ---- where the keyboard is -------------------------------------------------------------

    def _focus_moved(self, _old: QWidget | None, now: QWidget | None) -> None:
        """A field of the answers that takes the keyboard (Tab, Shift+Tab, its mnemonic, a
        click) is scrolled into view, with its row's words: what is typed next goes where
        it can be seen. In the list of foods, its current row is."""
        if now is None or not self.answer_columns.isAncestorOf(now):
            return
        if now is self.search.view:
            self._show_current_food()
            return
        field = now.parentWidget() if isinstance(now.parentWidget(), QAbstractSpinBox) else now
        if field is not None:
            self._show_in_answers(field, field.rect())

    def _show_in_answers(self, widget: QWidget, rect: QRect) -> None:
        """Scroll the answers so that ``rect`` of ``widget`` shows whole, with room round it
        (Qt's own :meth:`QScrollArea.ensureWidgetVisible` is content with the text cursor)."""
        centre = widget.mapTo(self.answer_columns, rect.center())
        self.answers_scroll.ensureVisible(
            centre.x(),
            centre.y(),
            rect.width() // 2 + FOCUS_MARGIN_PX,
            rect.height() // 2 + FOCUS_MARGIN_PX,
        )

    def _show_current_food(self) -> None:
        """The list's current row in view (the list scrolls within the answers, which
        scroll too)."""
        view = self.search.view
        row = view.current_row_rect()
        viewport = view.viewport()
        if not view.hasFocus() or row.isEmpty() or viewport is None:
            return
        view.scrollTo(view.currentIndex())
        self._show_in_answers(viewport, view.current_row_rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Resize:
            return False
        if watched is self.answers_scroll.viewport():
            self.answer_columns.fit(self.answers_scroll.viewport().width())
        elif watched is self.splitter and not self._sized and self.isVisible():
            self._sized = True
            width = self.splitter.width() - self.splitter.handleWidth()
            left = self._answers_px(width)
            self.splitter.setSizes([left, width - left])
        return False

    # ---- the answers ------------------------------------------------------------------------

    def show_answers(self) -> None:
        """Show the window's answers in the rows (a profile opened, New, Undo)."""
        assert self.table is not None
        given = {answer.item: answer for answer in self.answers.diet}
        for item, row in self.checklist.rows.items():
            row.show_answer(given.get(item))
        for item in [i for i in self.own_foods.rows if i not in given]:
            self.own_foods.take_row(item)
        for answer in self.answers.diet:
            if answer.item in self.checklist.rows:
                continue
            shown = self.own_foods.rows.get(answer.item) or self._own_row(answer.item)
            if shown is not None:
                shown.show_answer(answer)
        self.own_foods.arrange([answer.item for answer in self.answers.diet])
        self._order_tab_stops()
        self._show_listed()
        self._show_gap_choice()

    def _own_row(self, item: str) -> ServingsRow | None:
        assert self.table is not None
        food = self.table.foods.get(item)
        if food is None:
            return None  # not a food the program knows: the core says so
        row = self.own_foods.add_row(
            ServingsRow(food.id, food.name, food.serving, "day", removable=True)
        )
        self._order_tab_stops()
        return row

    def _row_edited(self, row: ServingsRow) -> None:
        """The person changed a row: its answer goes to the window, or its field is marked
        with why the plan cannot take it."""
        try:
            answer = row.answer()
        except PlanInputError as exc:
            row.problem = sentence(f"{row.name}: {exc.message.removeprefix(f'{row.item}: ')}")
            self.answers.fields_changed()
            return
        row.problem = ""
        if answer is None:
            self.answers.remove(row.item)
        else:
            self.answers.put(answer)
        self._show_gap_choice()

    def add_food(self, food_id: str) -> None:
        """Put a food from the full list on the person's list, a serving a day, and give its
        servings the keyboard."""
        if food_id in self.own_foods.rows or self.table is None:
            return
        row = self._own_row(food_id)
        if row is None:
            return
        row.spin.setValue(1)  # an edit: the answer goes to the window
        self._show_listed()
        self.answers_scroll.ensureWidgetVisible(row.spin)
        row.spin.setFocus(Qt.FocusReason.OtherFocusReason)
        row.spin.selectAll()

    def _remove_food(self, row: ServingsRow) -> None:
        stops = self.own_foods.focus_stops()
        had_focus = row.remove_button is not None and row.remove_button.hasFocus()
        self.own_foods.take_row(row.item)
        self._show_listed()
        self.answers.remove(row.item)
        self._show_gap_choice()
        if had_focus:  # the keyboard goes on to the next row, or to the search
            rest = [s for s in stops if s not in row.focus_stops()]
            after = [s for s in rest if stops.index(s) > stops.index(row.spin)]
            (after[0] if after else self.search.search_edit).setFocus()

    def _show_listed(self) -> None:
        self.search.set_listed(set(self.own_foods.rows))

    def _gap_toggled(self, ticked: bool) -> None:
        self.answers.set_target_from_diet(ticked)
        self._show_gap_choice()  # unticked without a diet: it cannot be ticked again

    def _show_gap_choice(self) -> None:
        self.estimate.show_gap_choice(self.answers.target_from_diet, bool(self.answers.diet))

    def problems(self) -> Errors:
        """The page's fields that hold a value the plan cannot take, with their messages."""
        return {**self.checklist.problems(), **self.own_foods.problems()}

    # ---- the plan ---------------------------------------------------------------------------

    def show_problems(self, messages: list[str]) -> None:
        """The marked fields' messages (none: the results are the answers' own)."""
        self.estimate.show_problems(messages)
        self.veil.cover(bool(messages))

    def show_plan(self) -> None:
        """The estimate, suggestions and grocery list of the plan the window shows."""
        if self.table is None:
            return
        request = self._w.current_request()
        if request is not None:
            self._goals, self._age_years = request.goals, request.age_years
        plan = self._w.current_plan()
        self.sheet = food_sheet(
            self._w.knowledge(), self.table, self._goals, plan, age_years=self._age_years
        )
        self.advice.show_sheet(self.sheet)
        if plan is None:
            return
        self.estimate.show_sheet(self.sheet, ESTIMATE_NOTE, requirement_line(plan))
        food_mg = plan.diet.mg_per_day if plan.diet is not None else 0.0
        self.estimate.bar.show_amounts(food_mg, plan.total_with_other_mg, plan.ear_mg, plan.rda_mg)
