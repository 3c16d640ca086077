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
