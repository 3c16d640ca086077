"""The main window: the inputs on the left, in sections, the plan on the right as the main
area, replanned on every edit; a status bar at the bottom.

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

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from magplan import APP_NAME
from magplan.gui.actions import build_menus
from magplan.gui.settings import app_settings
from magplan.gui.status import StatusBar
from magplan.gui.undo import InputHistory

if TYPE_CHECKING:
    from magplan.core.knowledge import Knowledge
    from magplan.core.plan import Plan
    from magplan.core.request import PlanRequest
    from magplan.gui.actions import ViewActions
    from magplan.gui.conditions_panel import ConditionsPanel
    from magplan.gui.diet_answers import DietAnswers
    from magplan.gui.fields import Errors, Field, FieldMarks, InputPanel, Values
    from magplan.gui.form_panel import FormPanel
    from magplan.gui.goals_panel import GoalsPanel
    from magplan.gui.input_changes import TableRows
    from magplan.gui.medicines_editor import MedicinesEditor
    from magplan.gui.pages import WindowPages
    from magplan.gui.person_panel import AmountPanel, DayPanel, PersonPanel
    from magplan.gui.products_editor import ProductsEditor
    from magplan.gui.result_panel import ResultPanel
    from magplan.gui.sections import InputSections

DEFAULT_SIZE = (1440, 900)
"""The window's least first size where the screen has room; a smaller screen gets it all."""
SCREEN_SHARE = (0.9, 0.94)
"""The share of a large screen's width and height the window first takes (1728x1015 of a
1920x1080 screen): room for the inputs in two columns beside the plan."""
RESULT_LEAST_PX = 800
"""The plan keeps this width when the inputs take two columns at first."""
TALL_SCREEN_PX = 1000
"""From this available height on, the form's reasons are shown at first (else folded)."""


class MainWindow(QMainWindow):
    inputsChanged = Signal()  # after every user edit, not when set_inputs loads values
    planChanged = Signal()  # after a new plan is shown
    loaded = Signal()  # once, when the fields and the first plan are in place
    planProblems = Signal(list)  # after each replan: the marked fields' messages (none: valid)

    # Built by finish_loading(); a deferred window has none of them before that.
    marks: FieldMarks
    goals_panel: GoalsPanel
    person_panel: PersonPanel
    day_panel: DayPanel
    conditions_panel: ConditionsPanel
    medicines_editor: MedicinesEditor
    products_editor: ProductsEditor
    amount_panel: AmountPanel
    diet_answers: DietAnswers  # what the person eats: the Food page shows and edits them
    sections: InputSections
    inputs_scroll: QScrollArea
    result_panel: ResultPanel
    form_panel: FormPanel
    splitter: QSplitter
    view_actions: ViewActions
    pages: WindowPages  # the Plan, the Journal and Food

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
        self._maximize_when_loaded = False
        self._focus_frame_shown = False

        self.setCentralWidget(_loading_note())
        self.setStatusBar(StatusBar())  # shows every action's status tip

        menu = build_menus(self, self.knowledge)
        self.file_menu = menu.file_menu
        self.view_menu = menu.view_menu
        self.help_menu = menu.help_menu
        self.quit_action = menu.quit_action
        self.about_action = menu.about_action
        self.history = InputHistory(self)  # Edit ▸ Undo, Redo of the inputs
        self.menu_bar_action = menu.menu_bar_action
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
        from magplan.core.request import PlanRequest
        from magplan.gui.theme import invalid_style_sheet

        _guard_the_wheel()  # before the fields exist: each is guarded as it is polished
        k = self.knowledge()
        self._build_inputs(k)
        self._build_result(k)
        self.setCentralWidget(self._build_centre())  # the "Loading" line goes
        self._status_bar().show_plan_note(self.result_panel.problem_note)
        self.setStyleSheet(invalid_style_sheet(self.palette()))
        self._field_widgets = self._widgets_by_request_field()
        self._connect_panels()
        self._k = k
        self._build_view_menu()
        self._build_pages()
        self._restore_layout()
        if self._maximize_when_loaded:
            from PySide6.QtCore import Qt

            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        self.set_inputs(PlanRequest())
        self.goals_panel.box(next(iter(k.goals))).setFocus()  # the first thing to decide
        if self.isActiveWindow():
            self._show_focus_frame()
        self.loaded.emit()

    def _build_inputs(self, k: Knowledge) -> None:
        """The input panels, top to bottom in the order a person thinks about them, in named
        sections of one column that scrolls (``sections``, its scroll area ``inputs_scroll``).
        A section (or a page to come) is one line here."""
        from magplan.gui.conditions_panel import ConditionsPanel
        from magplan.gui.diet_answers import DietAnswers
        from magplan.gui.fields import FieldMarks
        from magplan.gui.goals_panel import GoalsPanel
        from magplan.gui.medicines_editor import MedicinesEditor
        from magplan.gui.person_panel import AmountPanel, DayPanel, PersonPanel
        from magplan.gui.products_editor import ProductsEditor
        from magplan.gui.sections import InputSections

        self.marks = FieldMarks()
        self.goals_panel = GoalsPanel(k)
        self.marks.register(self.goals_panel, self.goals_panel.message)
        self.person_panel = PersonPanel(self.marks)
        self.day_panel = DayPanel(self.marks)
        self.conditions_panel = ConditionsPanel(k)
        self.medicines_editor = MedicinesEditor(k, self.marks)
        self.products_editor = ProductsEditor(k, self.marks)
        self.amount_panel = AmountPanel(k, self.marks)
        self.diet_answers = DietAnswers(self)  # kept here: the Food page is built when opened
        self.sections = sections = InputSections()
        sections.add_section("Goals", self.goals_panel)
        sections.add_section(
            "Person and day", self.person_panel, self.day_panel, self.conditions_panel
        )
        sections.add_section("Medicines", self.medicines_editor)
        sections.add_section("Products", self.products_editor, self.amount_panel)
        self.inputs_scroll = sections.scroll_area

    def _input_panels(self) -> tuple[InputPanel, ...]:
        """The panels that make the plan request, top to bottom."""
        return (
            self.goals_panel,
            self.person_panel,
            self.day_panel,
            self.conditions_panel,
            self.medicines_editor,
            self.products_editor,
            self.amount_panel,
            self.diet_answers,
        )

    def _build_result(self, k: Knowledge) -> None:
        """The plan: form, total, schedule, timeline, warnings and ramp."""
        from magplan.gui.result_panel import ResultPanel

        self.result_panel = ResultPanel(k, self.marks)
        self.form_panel = self.result_panel.form_panel

    def _build_centre(self) -> QWidget:
        """The inputs and the plan side by side in ``splitter``; the inputs as wide as the
        widest panel needs (no horizontal scroll bar), the plan all the rest."""
        # Qt's namespace (Qt.Orientation, ...) is used here, not with the frame: its first use
        # builds ~100 Python enums, which the frame does not need.
        from PySide6.QtCore import Qt

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.sections)
        self.splitter.addWidget(self.result_panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        scrollbar = self.inputs_scroll.verticalScrollBar()
        scrollbar_px = scrollbar.sizeHint().width() if scrollbar else 0
        width = max(self.width(), DEFAULT_SIZE[0])
        left = self.sections.one_column_px() + scrollbar_px + 2
        two_columns = self.sections.two_columns_px() + scrollbar_px + 2
        if width - two_columns >= RESULT_LEAST_PX:  # a large window: every section in sight
            left = two_columns
        self.splitter.setSizes([left, width - left])
        central = QWidget()
        margins = QVBoxLayout(central)
        margins.setContentsMargins(6, 4, 6, 0)
        margins.addWidget(self.splitter)
        return central

    def _build_view_menu(self) -> None:
        """View: the inputs, the timeline and the form's reasons shown or not, and Ctrl+1,
        Ctrl+2, ... to each section of the inputs."""
        from magplan.gui.actions import fill_view_menu

        view = fill_view_menu(self, self.view_menu, self.sections.titles())
        self.view_actions = view
        view.inputs.toggled.connect(self.sections.setVisible)
        view.timeline.toggled.connect(self.result_panel.set_timeline_shown)
        view.form_details.toggled.connect(self.form_panel.set_details_shown)
        self.form_panel.detailsToggled.connect(view.form_details.setChecked)
        for index, action in enumerate(view.sections):
            action.triggered.connect(lambda _=False, i=index: self.go_to_section(i))

    def _build_pages(self) -> None:
        """The main area as pages: the Plan (the inputs and the plan) and the Journal, which
        is built when first opened."""
        from magplan.gui.pages import install_pages

        self.pages = install_pages(self, self.view_menu, self.splitter)

    def go_to_section(self, index: int) -> None:
        """Show section ``index`` of the inputs (the Plan page and the inputs too, when
        hidden), its first field taking the keyboard."""
        self.pages.show_plan()
        self.view_actions.inputs.setChecked(True)
        self.sections.go_to(index, focus=True)

    # ---- menus that other features add ------------------------------------------------------

    def add_menu(self, menu: QMenu) -> None:
        """A feature's own menu (Edit, ...): in the menu bar after File and what came before
        it, before View."""
        self.menuBar().insertMenu(self.view_menu.menuAction(), menu)

    def _status_bar(self) -> StatusBar:
        bar = self.statusBar()
        assert isinstance(bar, StatusBar)
        return bar

    def _widgets_by_request_field(self) -> dict[str, QWidget]:
        """The field that shows each of the request's values, where the core's errors go."""
        return {
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

    def _connect_panels(self) -> None:
        """Every edit replans; the editors' own requests go where they lead."""
        for panel in self._input_panels():
            panel.changed.connect(self._edited)
        self.form_panel.changed.connect(self._edited)
        for editor in (self.medicines_editor, self.products_editor):
            editor.rowAdded.connect(self._row_added)
        self.conditions_panel.supervisorConfirmed.connect(self._supervisor_confirmed)
        self.medicines_editor.otherMagnesiumRequested.connect(self._go_to_other_magnesium)

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

    def table_rows(self) -> TableRows:
        """The medicines' and products' rows as entered, rows still being filled in too."""
        from magplan.gui.input_changes import TableRows

        return TableRows(
            self.medicines_editor.model.rows_entered(), self.products_editor.model.rows_entered()
        )

    def set_inputs(
        self,
        request: PlanRequest,
        person_name: str = "",
        prepared_by: str = "",
        *,
        rows: TableRows | None = None,
    ) -> None:
        """Fill every field from ``request`` (the tables from ``rows`` when given: the rows
        of ``request`` as entered, with those still being filled in) and replan (without
        emitting inputsChanged)."""
        self.finish_loading()
        self._loading = True
        try:
            for panel in self._input_panels():
                panel.load(request)
            if rows is not None:
                self.medicines_editor.model.show_entered(rows.medicines)  # type: ignore[arg-type]
                self.products_editor.model.show_entered(rows.products)  # type: ignore[arg-type]
            self.person_panel.set_card_info(person_name, prepared_by)
            self.form_panel.set_form(request.form)
        finally:
            self._loading = False
        self.replan()
        self.history.loaded(request)  # the history of edits starts here

    # ---- replanning -------------------------------------------------------------------------

    def _edited(self) -> None:
        if self._loading:
            return
        self.replan()
        self.inputsChanged.emit()

    def _row_added(self) -> None:
        """An empty row changes no plan (nothing is planned again), but it is an edit."""
        if not self._loading:
            self.inputsChanged.emit()

    def read_request(self) -> tuple[PlanRequest | None, Errors]:
        """The request the fields describe, or None and the message for each bad field."""
        from magplan.core.errors import PlanInputError  # loaded with the window's fields
        from magplan.core.request import PlanRequest
        from magplan.gui.fields import FieldErrors

        errors: Errors = {}
        fields: Values = {"form": self.form_panel.form()}  # the form is chosen with the plan
        for panel in self._input_panels():
            panel_reading = panel.read()
            if isinstance(panel_reading, FieldErrors):
                errors.update(panel_reading.messages)
            else:
                fields.update(panel_reading)
        if errors:
            return None, errors
        try:
            return PlanRequest(**fields), errors
        except PlanInputError as exc:
            errors[self._field_for(exc.field)] = exc.message
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
                errors[self._field_for(exc.field)] = sentence(exc.message)
        self.marks.apply(errors)
        self.result_panel.show_problems(list(errors.values()))
        self.planProblems.emit(list(errors.values()))
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

    def _field_for(self, name: str) -> Field:
        """Where the core's message about the request's field ``name`` is marked."""
        if name in self._field_widgets:
            return self._field_widgets[name]
        diet_field = self.diet_answers.core_field() if name == "diet" else None
        if diet_field is not None:  # the Food page's, once it is built
            return diet_field
        rows = {
            "product": self.products_editor.first_product,
            "med": self.medicines_editor.first_name,
        }
        cell = rows[name]() if name in rows else None
        return cell if cell is not None else self.goals_panel

    def _go_to_other_magnesium(self) -> None:
        spin = self.products_editor.other_spin
        self.sections.ensureWidgetVisible(spin)
        spin.setFocus()
        spin.selectAll()

    # ---- the keyboard at start ---------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        # (the frame touches no Qt enum before it is loaded: their first use builds them)
        # (events come during __init__ too, before the window's own attributes)
        waiting = getattr(self, "_k", None) is not None and not self._focus_frame_shown
        if waiting and event.type() == QEvent.Type.WindowActivate:
            # after Qt's own handling of the activation, which hides focus frames
            QTimer.singleShot(0, self._show_focus_frame)
        return handled

    def _show_focus_frame(self) -> None:
        """Once, when the loaded window is first active: the field with the keyboard (the
        first goal) shows its focus frame before the first Tab, as after a keystroke (Qt
        draws focus frames only once the keyboard has moved focus in the window)."""
        if self._focus_frame_shown or not self.is_loaded or not self.isActiveWindow():
            return
        self._focus_frame_shown = True
        self.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, True)
        field = QApplication.focusWidget()
        if field is not None and self.isAncestorOf(field):
            field.update()  # its style draws the frame now

    # ---- remembered state -------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = app_settings().value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self._default_geometry()

    def _restore_layout(self) -> None:
        """The splitter, the section in view and what View shows, as the user left them."""
        s = app_settings()
        state = s.value("window/splitter")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.splitter.restoreState(state)
        view = self.view_actions
        view.inputs.setChecked(_flag(s.value("view/inputs"), True))
        view.timeline.setChecked(_flag(s.value("view/timeline"), True))
        view.form_details.setChecked(_flag(s.value("view/formDetails"), self._tall_screen()))
        self.form_panel.set_details_shown(view.form_details.isChecked())
        section = s.value("window/section")
        if section is not None and str(section).isdigit():
            self.sections.go_to(int(str(section)))

    def _tall_screen(self) -> bool:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen is not None and screen.availableGeometry().height() >= TALL_SCREEN_PX

    def _default_geometry(self) -> None:
        """``SCREEN_SHARE`` of the screen (never less than ``DEFAULT_SIZE``), centred, where
        the screen has room for it; else the whole screen."""
        width, height = DEFAULT_SIZE
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(width, height)
            return
        avail = screen.availableGeometry()
        share_w, share_h = SCREEN_SHARE
        width = min(max(width, round(avail.width() * share_w)), avail.width() - 40)
        height = min(max(height, round(avail.height() * share_h)), avail.height() - 60)
        self.resize(width, height)
        self.move(
            avail.x() + (avail.width() - width) // 2, avail.y() + (avail.height() - height) // 2
        )
        if width < DEFAULT_SIZE[0] or height < DEFAULT_SIZE[1]:  # a laptop: every pixel
            # the whole screen now, and maximized once loaded: the window state is one of Qt's
            # enums, whose first use builds about a hundred of them before the first paint
            self.setGeometry(avail)
            self._maximize_when_loaded = True

    def save_state(self) -> None:
        if not self.remember_state:
            return
        s = app_settings()
        s.setValue("window/geometry", self.saveGeometry())
        if self.is_loaded:  # a window closed while loading keeps the layout as it was
            s.setValue("window/splitter", self.splitter.saveState())
            s.setValue("window/section", self.sections.current())
            view = self.view_actions
            s.setValue("view/inputs", view.inputs.isChecked())
            s.setValue("view/timeline", view.timeline.isChecked())
            s.setValue("view/formDetails", view.form_details.isChecked())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)


def _flag(value: object, default: bool) -> bool:
    """A yes/no setting as the settings file gives it back (a string in an INI file)."""
    if value is None:
        return default
    if isinstance(value, str):
        return value.lower() == "true"
    return bool(value)


def _guard_the_wheel() -> None:
    """A wheel over a field the user has not focused scrolls instead of changing it."""
    from PySide6.QtCore import QCoreApplication

    from magplan.gui.wheel_guard import install_wheel_guard

    app = QCoreApplication.instance()
    if app is not None:
        install_wheel_guard(app)


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
