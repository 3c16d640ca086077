"""Edit ▸ Undo and Redo of the window's inputs.

After each edit the window's inputs (:class:`InputState`: the plan request, the card's two
names and the tables' rows as entered) are compared with those of the plan shown before; a
change becomes one command on a :class:`QUndoStack`, named for what changed ("Undo Age", "Undo
Remove medicine"). Undoing shows the inputs before the change, and their plan, without making
a new command.

- **A row is a step, and so is each of its cells.** Adding a product is one step, choosing its
  form the next, typing its mg the next: a row still being filled in is kept as entered, though
  no plan holds it yet.

- **A typed value is one step.** While the keyboard stays in one field, its changes make one
  command: Undo takes back the whole age typed, not its last digit. Moving to another field
  starts a new command.
- **Undo finishes the value being typed first**, as leaving the field would; while a field
  cannot be read ("25:3"), Undo takes the inputs back to those of the plan on screen.
- **Ctrl+Z is the window's everywhere**, in a field too: a field's own undo would take back
  keystrokes the window's Undo does not know about.
- Opening a profile or New (anything that fills the fields, :meth:`InputHistory.loaded`)
  starts the history afresh.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QMenu,
    QWidget,
)

if TYPE_CHECKING:
    from magplan.core.knowledge import Knowledge
    from magplan.core.request import PlanRequest
    from magplan.gui.input_changes import InputState, TableRows

# The request's models are imported when the first edit is recorded, not with the window's frame.

_TYPED_INTO = (QLineEdit, QAbstractSpinBox, QComboBox)
_MERGES = 1  # the id of commands that merge (Qt merges only commands of one id)


class UndoableWindow(Protocol):
    """What the history uses of the main window."""

    def add_menu(self, menu: QMenu) -> None: ...
    def current_request(self) -> PlanRequest | None: ...
    def card_info(self) -> tuple[str, str]: ...
    def knowledge(self) -> Knowledge: ...
    def replan(self) -> None: ...
    def table_rows(self) -> TableRows: ...
    def set_inputs(
        self,
        request: PlanRequest,
        person_name: str = "",
        prepared_by: str = "",
        *,
        rows: TableRows | None = None,
    ) -> None: ...


class InputEdit(QUndoCommand):
    """One change of the inputs: the inputs before and after it."""

    def __init__(
        self,
        history: InputHistory,
        before: InputState,
        after: InputState,
        text: str,
        typed_in: QWidget | None,
        continues_typing: bool,
    ) -> None:
        super().__init__(text)
        self.history = history
        self.before = before
        self.after = after
        self.typed_in = typed_in  # the field typed into, when the change was typed
        self.continues_typing = continues_typing  # typed into it since the last command
        self._done = True  # pushed after the change was made: nothing to redo then

    def id(self) -> int:
        return _MERGES if self.typed_in is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Take in the next change typed into the same field, without leaving it."""
        if not isinstance(other, InputEdit) or not other.continues_typing:
            return False
        if other.typed_in is not self.typed_in or other.text() != self.text():
            return False
        self.after = other.after
        self.setObsolete(self.after == self.before)  # typed back as it was: no step at all
        return True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.history.show_state(self.after)

    def undo(self) -> None:
        self.history.show_state(self.before)


class InputHistory(QObject):
    """The undo stack of one window's inputs, and Edit ▸ Undo, Redo."""

    inputsShown = Signal()  # after undo or redo filled the fields

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._w = cast(UndoableWindow, window)
        self.stack = QUndoStack(self)
        self._shown: InputState | None = None  # the inputs of the plan on screen
        self._unreadable = ""  # the field that cannot be read since the last command
        self._typing_in: QWidget | None = None  # the field the keyboard stayed in
        self._showing = False  # while undo or redo fills the fields
        self._finishing: QWidget | None = None  # the field Undo makes finish its value

        self.edit_menu = QMenu("&Edit", window)
        self.undo_action = QAction("&Undo", self)
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction("&Redo", self)
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)
        self.redo_action.triggered.connect(self.redo)
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self._w.add_menu(self.edit_menu)  # File, Edit, View, Help

        for signal in (self.stack.indexChanged, self.stack.cleanChanged):
            signal.connect(self._show_actions)
        inputs_changed = getattr(window, "inputsChanged", None)
        if inputs_changed is not None:
            inputs_changed.connect(self.record)
        self._watching = False
        self._show_actions()

    def _watch_fields(self) -> None:
        """Follow the keyboard from field to field, and take Ctrl+Z from the fields, once the
        window has fields: before its first paint this would only cost time (each event of the
        application passes through here, and the first look at one builds Qt's enums)."""
        app = QCoreApplication.instance()
        if self._watching or not isinstance(app, QApplication):
            return
        self._watching = True
        app.focusChanged.connect(self._focus_moved)
        app.installEventFilter(self)  # Ctrl+Z in a field is the window's (see the module)

    # ---- what the window tells the history --------------------------------------------------

    def loaded(self, request: PlanRequest) -> None:
        """The fields were filled with ``request`` (a profile opened, New): a fresh history."""
        if self._showing:
            return
        self._watch_fields()
        read_back = self._w.current_request()  # as the fields show it (None: marked)
        self._shown = self._state(read_back if read_back is not None else request)
        self._unreadable = ""
        self._typing_in = None
        self.stack.clear()
        self._show_actions()

    def record(self) -> None:
        """After an edit: a command for the change since the last one, when the inputs can be
        read (else the field that cannot, for Undo to name)."""
        if self._showing or self._shown is None:
            return
        request = self._w.current_request()
        focus = self._finishing or QApplication.focusWidget()
        field = _typed_into(focus)
        if request is None:
            self._unreadable = _name_of(focus) or "Edit"
            self._show_actions()
            return
        from magplan.gui.input_changes import describe_change

        self._unreadable = ""
        now = self._state(request)
        before, self._shown = self._shown, now
        if now != before:
            text = describe_change(before, now, self._w.knowledge())
            continues = field is not None and field is self._typing_in
            self._typing_in = field
            self.stack.push(InputEdit(self, before, now, text, field, continues))
        self._show_actions()

    def _state(self, request: PlanRequest) -> InputState:
        from magplan.gui.input_changes import InputState

        person_name, prepared_by = self._w.card_info()
        return InputState(request, person_name, prepared_by, self._w.table_rows())

    def show_state(self, state: InputState) -> None:
        """Fill the fields with ``state`` and show its plan (undo and redo)."""
        self._showing = True
        try:
            self._w.set_inputs(state.request, state.person_name, state.prepared_by, rows=state.rows)
        finally:
            self._showing = False
        self._shown = state
        self._unreadable = ""
        self._typing_in = None
        self.inputsShown.emit()

    # ---- Undo and Redo ----------------------------------------------------------------------

    def undo(self) -> None:
        """Take back the last change (finishing the value being typed first); while a field
        cannot be read, go back to the inputs of the plan on screen."""
        field = self._finish_typing()
        if self._unreadable and self._shown is not None:
            self.show_state(self._shown)
        elif self.stack.canUndo():
            self.stack.undo()
        self._show_actions()
        _give_keyboard_back(field)

    def redo(self) -> None:
        field = self._finish_typing()
        if not self._unreadable and self.stack.canRedo():
            self.stack.redo()
        self._show_actions()
        _give_keyboard_back(field)

    def _finish_typing(self) -> QWidget | None:
        """End the edit of the field that has the keyboard, as leaving it would, and record
        it; returns that field (to give the keyboard back to)."""
        field = QApplication.focusWidget()
        if field is None or not self.window.isAncestorOf(field):
            return None
        self._finishing = field  # still the field typed into, while it loses the keyboard
        try:
            field.clearFocus()  # it reads its value and says so, as when the user leaves it
            self._w.replan()  # a value still waiting for a pause in the typing is planned now
            self.record()
        finally:
            self._finishing = None
        return field

    def _show_actions(self) -> None:
        unreadable = bool(self._unreadable)
        undo_text = self._unreadable if unreadable else self.stack.undoText()
        self.undo_action.setText(f"&Undo {undo_text}" if undo_text else "&Undo")
        self.undo_action.setEnabled(unreadable or self.stack.canUndo())
        redo_text = self.stack.redoText()
        self.redo_action.setText(f"&Redo {redo_text}" if redo_text else "&Redo")
        self.redo_action.setEnabled(not unreadable and self.stack.canRedo())

    def _focus_moved(self, _old: QWidget | None, _new: QWidget | None) -> None:
        if self._finishing is None:
            self._typing_in = None  # the next change starts a command of its own

    # ---- Ctrl+Z in a field --------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A field of this window leaves Undo and Redo's keys to the window's Edit menu."""
        if event.type() != QEvent.Type.ShortcutOverride:
            return False
        key = cast(QKeyEvent, event)
        if not (
            key.matches(QKeySequence.StandardKey.Undo) or key.matches(QKeySequence.StandardKey.Redo)
        ):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        event.ignore()  # not the field's: Qt then looks for the shortcut
        return True


def _typed_into(widget: QWidget | None) -> QWidget | None:
    """The field being typed into, when the keyboard is in one (a spin box's or combo box's
    own line edit counts as its box)."""
    if widget is None:
        return None
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractSpinBox | QComboBox):
        return parent
    return widget if isinstance(widget, _TYPED_INTO) else None


def _name_of(widget: QWidget | None) -> str:
    """What assistive technology calls the field ("Wake time", "Medicine 2 times")."""
    while widget is not None and not widget.accessibleName():
        widget = widget.parentWidget()
    return widget.accessibleName() if widget is not None else ""


def _give_keyboard_back(field: QWidget | None) -> None:
    """The keyboard back where it was, or to the nearest box that can take it (a table's cell
    editor closes when its rows are filled again)."""
    while field is not None and not (field.isVisible() and field.isEnabled()):
        field = field.parentWidget()
    if field is not None:
        field.setFocus()
