"""The one error type for input the planner cannot accept."""

from __future__ import annotations

import unicodedata

MAX_TEXT_CHARS = 200
"""The longest text kept: names, labels and units (a saved profile keeps the same)."""

INVISIBLE = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")
"""Unicode categories of characters that do not show (control, format and direction marks)."""


def first_invisible(text: str) -> str | None:
    """The first character of ``text`` that does not show, as ``"U+202E"``, or ``None``."""
    bad = next((ch for ch in text if unicodedata.category(ch) in INVISIBLE), None)
    return f"U+{ord(bad):04X}" if bad is not None else None


def shown(text: str, limit: int = 40) -> str:
    """A typed value as an error message quotes it: invisible characters as ``\\uXXXX``, and
    at most ``limit`` characters, so that a message stays one readable line."""
    safe = "".join(
        f"\\u{ord(ch):04x}" if unicodedata.category(ch) in INVISIBLE else ch for ch in text
    )
    return safe if len(safe) <= limit else safe[: limit - 1] + "…"


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
