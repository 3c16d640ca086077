"""Times of day as whole minutes after midnight (0..1439): read as people type them, written
as HH:MM (or on a 12-hour clock, for a window whose locale uses one).

What :func:`parse_time` reads (the command line's ``--wake``, ``--bed``, ``--meal`` and
``--med NAME@TIME``, and every time field of the window), case and spaces aside:

- ``07:30``, ``7:30``, ``07.30``, ``7h30``: hours and minutes on a 24-hour clock;
- ``0730``, ``730``, ``1930``: the same without a separator (three or four digits);
- ``7``, ``19``: a whole hour;
- any of these with ``am`` or ``pm`` (``a.m.``, ``p.m.``, with or without a space): ``6am``,
  ``6:30 PM``, ``1230am``; the hour is then 1 to 12, ``12am`` is midnight and ``12pm`` noon;
- ``noon`` (or ``midday``) and ``midnight``.

Hours run 0 to 23 and minutes 0 to 59: ``24:00`` and ``25:00`` are not times of day (midnight
is ``00:00``). A saved profile keeps its times as ``HH:MM`` only (:func:`parse_clock_time`).
"""

from __future__ import annotations

import re

from magplan.core.errors import PlanInputError, shown

MINUTES_PER_DAY = 1440
CLOCK_STEP_MIN = 5
"""Planned times land on this grid of clock times (07:35, never 07:33)."""

TIME_EXAMPLES = "07:30, 7:30 pm, 0730 or 7"
"""How a time can be typed, as help and messages show it."""

_HHMM = re.compile(r"^\s*(\d{1,2})[:.h](\d{2})\s*$")
_TYPED = re.compile(r"(?P<hours>\d{1,2})(?:[:.h](?P<minutes>\d{2}))?|(?P<digits>\d{3,4})")
_MERIDIEM = re.compile(r"\s?(?P<half>[ap])\.?\s?m\.?$")
_WORDS = {"noon": 12 * 60, "midday": 12 * 60, "midnight": 0}


def parse_time(text: str, field: str = "time") -> int:
    """A time as people type it -> minutes after midnight: ``"7:30 pm"`` -> 1170, ``"0600"``
    -> 360, ``"noon"`` -> 720 (the spellings are listed in this module's docstring). Raises
    :class:`PlanInputError` naming ``field`` and ``text`` otherwise."""
    typed = " ".join(text.split()).casefold()
    if typed in _WORDS:
        return _WORDS[typed]
    half = _MERIDIEM.search(typed)
    number = _TYPED.fullmatch(typed[: half.start()] if half else typed)
    if number is None:
        raise PlanInputError(
            field, f"{field} '{shown(text)}' is not a time: use HH:MM, e.g. {TIME_EXAMPLES}"
        )
    if number.group("digits"):
        digits = number.group("digits")
        hours, minutes = int(digits[:-2]), int(digits[-2:])
    else:
        hours, minutes = int(number.group("hours")), int(number.group("minutes") or 0)
    if half is None:
        return _minute_of_day(hours, minutes, text, field)
    if not 1 <= hours <= 12 or minutes > 59:
        raise PlanInputError(
            field,
            f"{field} '{shown(text)}' is not a time of day: with am or pm, hours 1-12 and "
            "minutes 00-59",
        )
    return (hours % 12 + (12 if half.group("half") == "p" else 0)) * 60 + minutes


def parse_clock_time(text: str, field: str = "time") -> int:
    """``"07:30"`` -> 450: a time as a saved file keeps it, HH:MM on a 24-hour clock (also
    ``7:30``, ``07.30``, ``7h30``), nothing else. Raises :class:`PlanInputError` otherwise."""
    match = _HHMM.match(text)
    if not match:
        raise PlanInputError(field, f"{field} '{shown(text)}' is not a time: use HH:MM, e.g. 07:30")
    return _minute_of_day(int(match.group(1)), int(match.group(2)), text, field)


def _minute_of_day(hours: int, minutes: int, text: str, field: str) -> int:
    if hours > 23 or minutes > 59:
        raise PlanInputError(
            field, f"{field} '{shown(text)}' is not a time of day: hours 00-23, minutes 00-59"
        )
    return hours * 60 + minutes


def format_time(minute_of_day: int) -> str:
    """450 -> ``"07:30"``; any integer is taken modulo one day."""
    m = minute_of_day % MINUTES_PER_DAY
    return f"{m // 60:02d}:{m % 60:02d}"


def format_time_12h(minute_of_day: int) -> str:
    """On a 12-hour clock: 450 -> ``"7:30 AM"``, 0 -> ``"12:00 AM"``, 720 -> ``"12:00 PM"``
    (:func:`parse_time` reads it back)."""
    m = minute_of_day % MINUTES_PER_DAY
    hours, minutes = divmod(m, 60)
    return f"{hours % 12 or 12}:{minutes:02d} {'AM' if hours < 12 else 'PM'}"


def forward_gap(start: int, end: int) -> int:
    """Minutes from ``start`` forward to ``end`` on a repeating day (0..1439)."""
    return (end - start) % MINUTES_PER_DAY
