"""Dates on the command line: ``YYYY-MM-DD`` or one line naming the bad value."""

from __future__ import annotations

import datetime as dt
import re

from magplan.cli import UsageError
from magplan.core.errors import shown

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
FIRST_DATE = dt.date(2000, 1, 1)
LAST_DATE = dt.date(2199, 12, 31)  # far enough for any plan; a calendar adds weeks after it


def parse_date(text: str | None, option: str) -> dt.date:
    """``"2025-03-04"`` -> that date; ``None`` -> today."""
    if text is None:
        return dt.date.today()
    try:
        if not _ISO_DATE.fullmatch(text.strip()):
            raise ValueError(text)
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            f"{option} '{shown(text)}' is not a date: use YYYY-MM-DD, e.g. 2025-03-04"
        ) from None
    if not FIRST_DATE <= day <= LAST_DATE:
        raise UsageError(f"{option} {day}: allowed {FIRST_DATE} to {LAST_DATE}")
    return day
