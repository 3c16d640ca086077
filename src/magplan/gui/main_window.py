"""The main window: inputs on the left, the plan on the right, replanned on every edit.

The window decides nothing itself: it reads the fields into a :class:`PlanRequest`, calls the
core's :func:`plan_day` and shows the :class:`Plan`. When a field cannot be read, or the core
rejects a value, the field is marked with a short message and the last valid plan stays.

It starts in two steps, so that it is on the screen as soon as Qt itself can show a window.
``MainWindow(deferred=True)`` is the frame alone: title, menus, size and position, and a
"Loading" line where the fields will be. Building it imports neither the planning core nor
pydantic. :meth:`MainWindow.finish_loading` then loads the knowledge base, builds the fields
and shows the first plan; the program calls it right after the frame's first paint.
``MainWindow()`` does both at once.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from magplan import APP_NAME
from magplan.gui.actions import build_menus
from magplan.gui.settings import app_settings

if TYPE_CHECKING:
    from magplan.core.knowledge import Knowledge
    from magplan.core.plan import Plan
    from magplan.core.request import PlanRequest
    from magplan.gui.conditions_panel import ConditionsPanel
    from magplan.gui.fields import FieldMarks
    from magplan.gui.form_panel import FormPanel
    from magplan.gui.goals_panel import GoalsPanel
    from magplan.gui.medicines_editor import MedicinesEditor
    from magplan.gui.person_panel import AmountPanel, DayPanel, PersonPanel
    from magplan.gui.products_editor import ProductsEditor
    from magplan.gui.result_panel import ResultPanel

DEFAULT_SIZE = (1320, 860)
LEFT_WIDTH = 460


class MainWindow(QMainWindow):
    inputsChanged = Signal()  # after every user edit, not when set_inputs loads values
    planChanged = Signal()  # after a new plan is shown
    loaded = Signal()  # once, when the fields and the first plan are in place

    # Built by finish_loading(); a deferred window has none of them before that.
    marks: FieldMarks
    goals_panel: GoalsPanel
    person_panel: PersonPanel
    day_panel: DayPanel
    conditions_panel: ConditionsPanel
    medicines_editor: MedicinesEditor
    products_editor: ProductsEditor
    amount_panel: AmountPanel
    inputs_scroll: QScrollArea
    result_panel: ResultPanel
    form_panel: FormPanel
    splitter: QSplitter

    def __init__(
        self,
        knowledge: Knowledge | None = None,
        parent: QWidget | None = None,
        *,
        deferred: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self._given_knowledge = knowledge
        self._k: Knowledge | None = None
        self._request: PlanRequest | None = None
        self._plan: Plan | None = None
        self._loading = False
        self.remember_state = True  # off for --smoke-test: a test run leaves no trace

        self.setCentralWidget(_loading_note())

        menu = build_menus(self, self.knowledge)
        self.file_menu = menu.file_menu
        self.help_menu = menu.help_menu
        self.quit_action = menu.quit_action
        self.about_action = menu.about_action
        self._restore_geometry()
        if not deferred:
            self.finish_loading()

    @property
    def is_loaded(self) -> bool:
        return self._k is not None

    def knowledge(self) -> Knowledge:
        """The knowledge base the window plans with (loaded now if the window has not yet)."""
        if self._k is not None:
            return self._k
        if self._given_knowledge is not None:
            return self._given_knowledge
        from magplan.core.knowledge import load_knowledge

        return load_knowledge()

    def finish_loading(self) -> None:
        """Load the knowledge base, build the fields and the plan, and show the first plan.

        Raises :class:`magplan.core.knowledge.KnowledgeError` when a knowledge file is broken
        (the window then stays a frame). Does nothing the second time."""
        if self._k is not None:
            return
        # Qt's namespace (Qt.Orientation, ...) too: its first use builds ~100 Python enums,
        # which the frame does not need.
        from PySide6.QtCore import QCoreApplication, Qt

        from magplan.gui.wheel_guard import install_wheel_guard

        app = QCoreApplication.instance()
        if app is not None:  # before the fields exist: each is guarded as it is polished
            install_wheel_guard(app)

        from magplan.core.request import PlanRequest
        from magplan.gui.conditions_panel import ConditionsPanel
        from magplan.gui.fields import FieldMarks
        from magplan.gui.goals_panel import GoalsPanel
        from magplan.gui.medicines_editor import MedicinesEditor
        from magplan.gui.person_panel import AmountPanel, DayPanel, PersonPanel
        from magplan.gui.products_editor import ProductsEditor
        from magplan.gui.result_panel import ResultPanel
        from magplan.gui.theme import invalid_style_sheet

        k = self.knowledge()
        self.marks = FieldMarks()

        # inputs, top to bottom in the order a person thinks about them
        self.goals_panel = GoalsPanel(k)
        self.marks.register(self.goals_panel, self.goals_panel.message)
        self.person_panel = PersonPanel(self.marks)
        self.day_panel = DayPanel(self.marks)
        self.conditions_panel = ConditionsPanel(k)
        self.medicines_editor = MedicinesEditor(k, self.marks)
        self.products_editor = ProductsEditor(k, self.marks)
        self.amount_panel = AmountPanel(k, self.marks)
        inputs = QWidget()
        inputs.setObjectName("inputs")
        il = QVBoxLayout(inputs)
        for panel in (
            self.goals_panel,
            self.person_panel,
            self.day_panel,
            self.conditions_panel,
            self.medicines_editor,
            self.products_editor,
            self.amount_panel,
        ):
            il.addWidget(panel)
        il.addStretch(1)
        self.inputs_scroll = QScrollArea()
        self.inputs_scroll.setWidget(inputs)
        self.inputs_scroll.setWidgetResizable(True)
        self.inputs_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.inputs_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.inputs_scroll.setAccessibleName("Inputs")
        self.inputs_scroll.setMinimumWidth(320)

        # the plan
        self.result_panel = ResultPanel(k, self.marks)
        self.form_panel = self.result_panel.form_panel

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.inputs_scroll)
        self.splitter.addWidget(self.result_panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        scrollbar = self.inputs_scroll.verticalScrollBar()
        left = max(
            LEFT_WIDTH,
            inputs.minimumSizeHint().width()
            + (scrollbar.sizeHint().width() if scrollbar else 0)
            + 2,
        )
        self.splitter.setSizes([left, DEFAULT_SIZE[0] - left])
        central = QWidget()
        cl = QVBoxLayout(central)
        cl.setContentsMargins(8, 8, 8, 8)
        cl.addWidget(self.splitter)
        self.setCentralWidget(central)  # the "Loading" line goes
        self.setStyleSheet(invalid_style_sheet(self.palette()))

        self._field_widgets: dict[str, QWidget] = {
            "goal": self.goals_panel,
            "form": self.form_panel.combo,
            "age": self.person_panel.age_spin,
            "sex": self.person_panel.sex_combo,
            "lactating": self.person_panel.lactating_box,
            "wake": self.day_panel.wake_edit,
            "bed": self.day_panel.bed_edit,
            "meal": self.day_panel.meals_edit,
            "target": self.amount_panel.target_spin,
            "other": self.products_editor.other_spin,
        }

        for panel_signal in (
            self.goals_panel.changed,
            self.person_panel.changed,
            self.day_panel.changed,
            self.conditions_panel.changed,
            self.medicines_editor.changed,
            self.products_editor.changed,
            self.amount_panel.changed,
            self.form_panel.changed,
        ):
            panel_signal.connect(self._edited)
        self.conditions_panel.supervisor_confirmed.connect(self._supervisor_confirmed)
        self.medicines_editor.rows_changed.connect(self._fix_tab_order)
        self.medicines_editor.other_magnesium_requested.connect(self._go_to_other_magnesium)
        self.products_editor.rows_changed.connect(self._fix_tab_order)

        self._k = k
        self._restore_splitters()
        self.set_inputs(PlanRequest())
        self.loaded.emit()

    # ---- the contract for printing and profiles ---------------------------------------------

    def current_request(self) -> PlanRequest | None:
        """The inputs the shown plan was made from, or ``None`` while a field is marked invalid:
        what is on screen then differs from the plan, so nothing may be saved or printed
        from it."""
        if not self.is_loaded or self.marks.marked():
            return None
        return self._request

    def current_plan(self) -> Plan | None:
        return self._plan

    def card_info(self) -> tuple[str, str]:
        """(person's name, prepared by), as typed, for the printed card."""
        return self.person_panel.card_info() if self.is_loaded else ("", "")

    def set_inputs(
        self, request: PlanRequest, person_name: str = "", prepared_by: str = ""
    ) -> None:
        """Fill every field from ``request`` and replan (without emitting inputsChanged)."""
        self.finish_loading()
        self._loading = True
        try:
            self.goals_panel.set_goals(request.goals)
            self.person_panel.load(request, person_name, prepared_by)
            self.day_panel.load(request)
            self.conditions_panel.load(request)
            self.medicines_editor.load(request.medicines)
            self.products_editor.load(request.products, request.other_magnesium_mg)
            self.amount_panel.load(request)
            self.form_panel.set_form(request.form)
        finally:
            self._loading = False
        self.replan()
        self._fix_tab_order()

    # ---- replanning -------------------------------------------------------------------------

    def _edited(self) -> None:
        if self._loading:
            return
        self.replan()
        self.inputsChanged.emit()

    def read_request(self) -> tuple[PlanRequest | None, dict[QWidget, str]]:
        """The request the fields describe, or None and the message for each bad field."""
        from magplan.core.errors import PlanInputError  # loaded with the window's fields
        from magplan.core.request import PlanRequest

        errors: dict[QWidget, str] = {}
        fields: dict[str, Any] = {"goals": self.goals_panel.goals()}
        self.person_panel.read(fields, errors)
        self.day_panel.read(fields, errors)
        self.conditions_panel.read(fields)
        fields["medicines"] = self.medicines_editor.read(errors)
        self.products_editor.read(fields, errors)
        self.amount_panel.read(fields, errors)
        fields["form"] = self.form_panel.form()
        if errors:
            return None, errors
        try:
            return PlanRequest(**fields), errors
        except PlanInputError as exc:
            errors[self._field_widgets.get(exc.field, self.goals_panel)] = exc.message
            return None, errors

    def replan(self) -> None:
        """Read the fields, plan, and show the plan; keep the last valid one on bad input."""
        if self._loading or self._k is None:
            return
        from magplan.core.errors import PlanInputError  # loaded with the window's fields
        from magplan.core.planner import plan_day
        from magplan.gui.fields import sentence

        request, errors = self.read_request()
        plan: Plan | None = None
        if request is not None:
            try:
                plan = plan_day(request, self._k)
            except PlanInputError as exc:
                widget = self._widget_for(exc.field)
                errors[widget] = sentence(exc.message)
        self.marks.apply(errors)
        self.result_panel.problem_note.show_problems(list(errors.values()))
        if plan is not None and request is not None:
            self._request, self._plan = request, plan
            self.result_panel.show_plan(plan, self.supervisor())
            self.planChanged.emit()

    def supervisor(self) -> str:
        """Who supervises the plan: the clinician confirmed in this window (kept with the plan
        and a saved profile), else "Prepared by" for a plan supervised before names were kept."""
        return self.conditions_panel.supervisor_name or self.person_panel.card_info()[1]

    def _supervisor_confirmed(self, name: str) -> None:
        """The confirmed clinician becomes "Prepared by" when nobody is named there yet."""
        if not self.person_panel.prepared_edit.text().strip():
            self.person_panel.prepared_edit.setText(name)

    def _widget_for(self, field: str) -> QWidget:
        if field in self._field_widgets:
            return self._field_widgets[field]
        chosen = [row for row in self.products_editor.rows if row.form() is not None]
        if field == "product" and chosen:
            return chosen[0].mg_spin
        if field == "med" and self.medicines_editor.rows:
            return self.medicines_editor.rows[0].name_edit
        return self.goals_panel

    def _go_to_other_magnesium(self) -> None:
        spin = self.products_editor.other_spin
        self.inputs_scroll.ensureWidgetVisible(spin)
        spin.setFocus()
        spin.selectAll()

    # ---- keyboard order ---------------------------------------------------------------------

    def _fix_tab_order(self) -> None:
        """Tab moves through the fields in the order they are laid out, rows included."""
        chain = focus_chain(self.inputs_scroll) + focus_chain(self.result_panel)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ---- remembered state -------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = app_settings().value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self._default_geometry()

    def _restore_splitters(self) -> None:
        s = app_settings()
        for key, splitter in (
            ("window/splitter", self.splitter),
            ("window/resultSplitter", self.result_panel.splitter),
        ):
            state = s.value(key)
            if isinstance(state, QByteArray) and not state.isEmpty():
                splitter.restoreState(state)

    def _default_geometry(self) -> None:
        width, height = DEFAULT_SIZE
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            avail = screen.availableGeometry()
            width = min(width, avail.width() - 40)
            height = min(height, avail.height() - 60)
            self.resize(width, height)
            self.move(
                avail.x() + (avail.width() - width) // 2,
                avail.y() + (avail.height() - height) // 2,
            )
        else:
            self.resize(width, height)

    def save_state(self) -> None:
        if not self.remember_state:
            return
        s = app_settings()
        s.setValue("window/geometry", self.saveGeometry())
        if self.is_loaded:  # a window closed while loading keeps the splitters as they were
            s.setValue("window/splitter", self.splitter.saveState())
            s.setValue("window/resultSplitter", self.result_panel.splitter.saveState())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)


def _loading_note() -> QWidget:
    """The frame's centre until the fields are built: one muted line, centred by stretches
    (no alignment flag, so the frame does not touch Qt's namespace)."""
    note = QWidget()
    note.setObjectName("loadingNote")
    label = QLabel("Loading the knowledge base…")
    label.setEnabled(False)  # the palette's muted text
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(label)
    row.addStretch(1)
    column = QVBoxLayout(note)
    column.addStretch(1)
    column.addLayout(row)
    column.addStretch(1)
    return note


def focus_chain(root: QWidget) -> list[QWidget]:
    """The widgets that take focus with Tab under ``root``, in layout order."""
    from PySide6.QtCore import Qt

    out: list[QWidget] = []

    def visit(w: QWidget) -> None:
        if isinstance(w, QScrollArea):
            inner = w.widget()
            if inner is not None:
                visit(inner)
            return
        if isinstance(w, QSplitter):
            for i in range(w.count()):
                part = w.widget(i)
                if part is not None:
                    visit(part)
            return
        takes_tab = bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if takes_tab and (
            isinstance(w, (QAbstractSpinBox, QComboBox, QAbstractScrollArea)) or w.layout() is None
        ):
            out.append(w)
            return
        lay = w.layout()
        if lay is None:
            return
        for i in range(lay.count()):
            visit_item(lay.itemAt(i))

    def visit_item(item: Any) -> None:
        child = item.widget()
        if child is not None:
            visit(child)
            return
        sub = item.layout()
        if sub is not None:
            for i in range(sub.count()):
                visit_item(sub.itemAt(i))

    visit(root)
    return out
