"""Times of day as whole minutes after midnight (0..1439)."""

from __future__ import annotations

import re

from magplan.core.errors import PlanInputError, shown

MINUTES_PER_DAY = 1440
CLOCK_STEP_MIN = 5
"""Planned times land on this grid of clock times (07:35, never 07:33)."""
_HHMM = re.compile(r"^\s*(\d{1,2})[:.h](\d{2})\s*$")


def parse_time(text: str, field: str = "time") -> int:
    """``"07:30"`` -> 450. Raises :class:`PlanInputError` naming ``text`` otherwise."""
    match = _HHMM.match(text)
    if not match:
        raise PlanInputError(field, f"{field} '{shown(text)}' is not a time: use HH:MM, e.g. 07:30")
    hours, minutes = int(match.group(1)), int(match.group(2))
    if hours > 23 or minutes > 59:
        raise PlanInputError(
            field, f"{field} '{shown(text)}' is not a time of day: hours 00-23, minutes 00-59"
        )
    return hours * 60 + minutes


def format_time(minute_of_day: int) -> str:
    """450 -> ``"07:30"``; any integer is taken modulo one day."""
    m = minute_of_day % MINUTES_PER_DAY
    return f"{m // 60:02d}:{m % 60:02d}"


def forward_gap(start: int, end: int) -> int:
    """Minutes from ``start`` forward to ``end`` on a repeating day (0..1439)."""
    return (end - start) % MINUTES_PER_DAY
