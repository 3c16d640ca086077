"""Times of day as an output writes them: on a 24-hour clock (``07:30``), or on a 12-hour
clock (``7:30 AM``) where the person's locale writes times that way.

The 24-hour clock is every output's default: the command line, the printed card, the calendar
and the golden outputs write ``07:30`` whatever the locale. The window passes its locale's
choice (a short time format with AM and PM) to :func:`magplan.present.present`, so that its
schedule, timeline and ramp read as its time fields do.
"""

from __future__ import annotations

from typing import Literal

from magplan.core.timeofday import MINUTES_PER_DAY, format_time, format_time_12h

Clock = Literal["24h", "12h"]
"""How times of day are written: ``"24h"`` (``19:30``) or ``"12h"`` (``7:30 PM``)."""

DEFAULT_CLOCK: Clock = "24h"


def clock_time(minute_of_day: int, clock: Clock = DEFAULT_CLOCK) -> str:
    """450 -> ``"07:30"``, or ``"7:30 AM"`` on a 12-hour clock (any integer is taken modulo
    one day)."""
    return format_time_12h(minute_of_day) if clock == "12h" else format_time(minute_of_day)


def clock_hour(minute_of_day: int, clock: Clock = DEFAULT_CLOCK) -> str:
    """An hour on a time axis: ``"14:00"``, or ``"2 PM"`` on a 12-hour clock (its minutes, if
    any, as :func:`clock_time` writes them)."""
    if clock != "12h" or minute_of_day % 60:
        return clock_time(minute_of_day, clock)
    hours = minute_of_day % MINUTES_PER_DAY // 60
    return f"{hours % 12 or 12} {'AM' if hours < 12 else 'PM'}"
