"""Days, times and amounts as the Journal page writes them.

Day and month names are the program's own English words (the rest of the window is English),
not the C library's, which follow the desktop's language once Qt has set the locale.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def short_day(day: dt.date) -> str:
    """``Mon 2 Jun 2025``."""
    return f"{WEEKDAYS[day.weekday()][:3]} {day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def long_day(day: dt.date) -> str:
    """``Monday 2 June 2025``."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def short_month(month: int) -> str:
    """``Jun`` for 6."""
    return MONTHS[month - 1][:3]


def per_cent(share: float) -> str:
    """``75%`` (whole per cents: a day has a few doses)."""
    return f"{round(100 * share)}%"


def mg(amount: float) -> str:
    """``125 mg``, ``112.5 mg``."""
    return f"{amount:g} mg"


def muted(label: QLabel, scale: float = 0.92) -> QLabel:
    """A note in a smaller type and the palette's placeholder colour (readable in light and
    dark palettes, unlike the greyed text of a disabled label)."""
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    palette = label.palette()
    palette.setColor(
        QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
    )
    label.setPalette(palette)
    return label
