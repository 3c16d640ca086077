"""What the person eats, as the window's input: the food-frequency answers and the choice to
plan the dietary gap.

The answers belong to the window, not to the Food page: a saved profile with a diet opens,
plans and saves the same whether or not the page was ever opened, File ▸ New clears them,
and Undo restores them, like any other input (:class:`DietAnswers` is one of the window's
input panels). The Food page, built when first opened, shows them and edits them here.

The answers keep the order they were given in (a profile's, or the order they were ticked),
so that opening the page never changes what a profile says.

Nothing here loads the food data: the window's start stays as quick as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from magplan.gui.fields import Errors, FieldErrors, Reading

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from magplan.core.request import DietServing, PlanRequest


class DietAnswers(QObject):
    """The window's diet answers (an input panel: ``changed``, ``read``, ``load``)."""

    changed = Signal()  # the person changed an answer (the window replans)
    shown = Signal()  # the answers were loaded (a profile, New, Undo): show them again

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.diet: tuple[DietServing, ...] = ()
        self.target_from_diet = False
        self._problems: Callable[[], Errors] | None = None
        self._core_field: Callable[[], QWidget | None] | None = None

    # ---- the window's input panel -----------------------------------------------------------

    def read(self) -> Reading:
        """The answers, or the message of each field of the Food page that holds a value
        the plan cannot take ("30 servings a day")."""
        problems = self._problems() if self._problems is not None else {}
        if problems:
            return FieldErrors(problems)
        return {"diet": self.diet, "target_from_diet": self.target_from_diet}

    def load(self, request: PlanRequest) -> None:
        """Take the answers of ``request`` (no edit: the window is filling its fields)."""
        self.diet = request.diet
        self.target_from_diet = request.target_from_diet
        self.shown.emit()

    # ---- what the Food page changes ---------------------------------------------------------

    def put(self, serving: DietServing) -> None:
        """The person eats ``serving`` of its food: a new answer goes last, a changed one
        keeps its place."""
        answers = list(self.diet)
        for index, answer in enumerate(answers):
            if answer.item == serving.item:
                answers[index] = serving
                break
        else:
            answers.append(serving)
        self.diet = tuple(answers)
        self.changed.emit()

    def remove(self, item: str) -> None:
        """The person does not eat ``item`` (a food or checklist group) any more."""
        self.diet = tuple(answer for answer in self.diet if answer.item != item)
        self.changed.emit()

    def answer(self, item: str) -> DietServing | None:
        return next((answer for answer in self.diet if answer.item == item), None)

    def set_target_from_diet(self, ticked: bool) -> None:
        self.target_from_diet = ticked
        self.changed.emit()

    def fields_changed(self) -> None:
        """A field of the page now holds a value the plan cannot take, or no longer does:
        the window reads the answers again and marks it."""
        self.changed.emit()

    # ---- the page that shows them -----------------------------------------------------------

    def attach(self, problems: Callable[[], Errors], core_field: Callable[[], QWidget]) -> None:
        """The Food page is built: ``problems`` gives its fields' messages, ``core_field``
        the field where the core's message about the diet is marked."""
        self._problems = problems
        self._core_field = core_field

    def core_field(self) -> QWidget | None:
        """Where a message of the core about the diet is marked (``None`` before the page
        is built: the window marks it elsewhere)."""
        return self._core_field() if self._core_field is not None else None
