"""The one error type for input the planner cannot accept."""

from __future__ import annotations


class PlanInputError(ValueError):
    """A value the user entered cannot be planned with.

    ``field`` names the input (``"wake"``, ``"target"``, ``"med"`` ...) so that the window can
    mark the right field and the command line can name the right option.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return self.message
