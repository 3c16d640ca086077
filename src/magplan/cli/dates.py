"""Dates on the command line: ``YYYY-MM-DD`` or one line naming the bad value."""

from __future__ import annotations

import datetime as dt

from magplan.cli import UsageError


def parse_date(text: str | None, option: str) -> dt.date:
    """``"2025-03-04"`` -> that date; ``None`` -> today."""
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            f"{option} '{text}' is not a date: use YYYY-MM-DD, e.g. 2025-03-04"
        ) from None
