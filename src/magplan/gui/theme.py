"""Colours that stay readable in light and dark themes.

Ordinary text always uses the palette. Only the severity colours are fixed, and each has a
variant for dark backgrounds, chosen from the palette's window colour.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView

# (on a light background, on a dark background)
_SEVERITY = {
    "danger": ("#b3261e", "#ff8a80"),
    "caution": ("#8a5a00", "#ffcc66"),
    "info": ("#1f5fa8", "#8ab4f8"),
    "ok": ("#2e7d32", "#81c995"),
}

# The gate banner is a filled panel: its own background and text, strong in both themes.
BANNER_BACKGROUND = "#b3261e"
BANNER_TEXT = "#ffffff"
SUPERVISED_BACKGROUND = "#8a5a00"


# The marks of a plan's forms on the timeline, first and second form, each (on a light
# background, on a dark one): blue and reddish purple, two of Okabe and Ito's colours that
# people with any colour vision tell apart (the marks differ in shape as well).
_FORM_MARKS = (("#0b5cad", "#7db9f0"), ("#a3316f", "#f09ccb"))

MIN_MARK_CONTRAST = 3.0
"""What a mark on the timeline keeps against the band it sits on: WCAG 2.1's 3:1 for
graphics that carry meaning (success criterion 1.4.11)."""


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def severity_color(severity: str, palette: QPalette) -> QColor:
    """The colour for ``danger``, ``caution``, ``info`` or ``ok`` text on this palette."""
    light, dark = _SEVERITY.get(severity, _SEVERITY["info"])
    return QColor(dark if is_dark(palette) else light)


def invalid_style_sheet(palette: QPalette) -> str:
    """Marks a field with ``invalid=true`` by a red border, whatever the widget."""
    red = severity_color("danger", palette).name()
    return (
        f'QLineEdit[invalid="true"], QAbstractSpinBox[invalid="true"], '
        f'QComboBox[invalid="true"] {{ border: 2px solid {red}; border-radius: 3px; '
        f"padding: 1px 2px; }}"
        f'QGroupBox[invalid="true"] {{ border: 2px solid {red}; border-radius: 4px; '
        f"margin-top: 1.2em; padding-top: 0.4em; }}"
        f'QGroupBox[invalid="true"]::title {{ subcontrol-origin: margin; left: 8px; }}'
        f'QCheckBox[invalid="true"] {{ color: {red}; }}'
    )


def paint_empty_text(
    view: QAbstractItemView, text: str, margin: int, alignment: Qt.AlignmentFlag
) -> None:
    """In a view's paintEvent: ``text`` in the placeholder colour when its model has no rows."""
    model = view.model()
    viewport = view.viewport()
    if model is None or model.rowCount() > 0 or viewport is None:
        return
    painter = QPainter(viewport)
    painter.setPen(view.palette().color(QPalette.ColorRole.PlaceholderText))
    painter.drawText(
        viewport.rect().adjusted(margin, margin, -margin, -margin),
        alignment | Qt.TextFlag.TextWordWrap,
        text,
    )
    painter.end()


def form_mark_color(index: int, palette: QPalette) -> QColor:
    """The colour of the marks of the plan's form number ``index`` (0 or 1) on this palette,
    before it is checked against what it is drawn on (:func:`readable_on`)."""
    light, dark = _FORM_MARKS[index % len(_FORM_MARKS)]
    return QColor(dark if is_dark(palette) else light)


def relative_luminance(color: QColor) -> float:
    """WCAG 2.1's relative luminance of ``color``: 0 for black, 1 for white."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    rgb = color.toRgb()
    return (
        0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF()) + 0.0722 * linear(rgb.blueF())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2.1's contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_on(color: QColor, background: QColor, minimum: float = MIN_MARK_CONTRAST) -> QColor:
    """``color``, or the nearest colour to it towards black or white (whichever stands out
    more on ``background``) that has at least ``minimum`` contrast against ``background``:
    a mark that stays visible whatever palette the desktop gives."""
    if contrast_ratio(color, background) >= minimum:
        return QColor(color)
    white, black = QColor("#ffffff"), QColor("#000000")
    target = (
        white if contrast_ratio(white, background) > contrast_ratio(black, background) else black
    )
    mixed = QColor(color)
    for step in range(1, 11):
        share = step / 10
        mixed = QColor.fromRgbF(
            color.redF() + (target.redF() - color.redF()) * share,
            color.greenF() + (target.greenF() - color.greenF()) * share,
            color.blueF() + (target.blueF() - color.blueF()) * share,
        )
        if contrast_ratio(mixed, background) >= minimum:
            break
    return mixed
