"""The project's own small drawings of the five stool forms (``hard``, ``firm``, ``soft``,
``mushy``, ``watery``), drawn with QPainter from simple shapes: separate hard lumps, a firm
sausage, a soft smooth one, mushy fluffy pieces, a watery puddle. They are not the Bristol
chart's pictures, and they carry no words: the words are the check-in definitions'.

The colours follow the palette: on a dark window the drawings are lighter, and each keeps at
least 3:1 contrast against the window (WCAG 2.1's contrast for graphics that carry meaning).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QIcon,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPalette,
    QPen,
    QPixmap,
)

from magplan.gui.theme import is_dark, readable_on

DRAWING_SIZE = QSize(72, 36)
"""The size of a drawing in the check-in, in device-independent pixels."""

DRAWN_SHAPES = {
    "hard": "separate hard lumps",
    "firm": "a firm sausage shape with cracks on its surface",
    "soft": "a soft, smooth sausage shape",
    "mushy": "mushy, fluffy pieces with ragged edges",
    "watery": "a watery puddle with drops",
}
"""What each drawing shows, for assistive technology (the drawing's own alternative text)."""

# (on a light window, on a dark window)
_STOOL_BROWN = ("#7a4a1e", "#c98f55")
_WATER_BLUE = ("#2f6ea8", "#8ab8e6")


def stool_colors(palette: QPalette) -> tuple[QColor, QColor, QColor]:
    """The fill of a stool, its outline, and the colour of water, readable on ``palette``'s
    window colour."""
    window = palette.color(QPalette.ColorRole.Window)
    dark = is_dark(palette)
    brown = readable_on(QColor(_STOOL_BROWN[dark]), window)
    water = readable_on(QColor(_WATER_BLUE[dark]), window)
    outline = palette.color(QPalette.ColorRole.WindowText)
    return brown, outline, water


def draw_stool_form(painter: QPainter, rect: QRectF, form_id: str, palette: QPalette) -> None:
    """Draw form ``form_id`` into ``rect`` (the whole drawing fits inside it)."""
    brown, outline, water = stool_colors(palette)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(outline, max(1.0, rect.height() / 24))
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(brown)
    _DRAWINGS[form_id](painter, rect.adjusted(2, 2, -2, -2), water)
    painter.restore()


def stool_form_icon(form_id: str, palette: QPalette, ratio: float = 1.0) -> QIcon:
    """Form ``form_id``'s drawing as an icon of :data:`DRAWING_SIZE`, drawn sharp for a screen
    of device pixel ratio ``ratio``."""
    icon = QIcon(_drawn(form_id, palette, ratio, 1.0))
    # a choice that cannot be made yet shows its drawing faded, as its words are
    icon.addPixmap(_drawn(form_id, palette, ratio, 0.45), QIcon.Mode.Disabled)
    return icon


def _drawn(form_id: str, palette: QPalette, ratio: float, opacity: float) -> QPixmap:
    pixmap = QPixmap(DRAWING_SIZE * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setOpacity(opacity)
    draw_stool_form(
        painter, QRectF(0, 0, DRAWING_SIZE.width(), DRAWING_SIZE.height()), form_id, palette
    )
    painter.end()
    return pixmap


def _hard(painter: QPainter, rect: QRectF, _water: QColor) -> None:
    """Four separate, roughly round lumps in a loose row."""
    size = rect.height() * 0.46
    for place, (dx, dy) in enumerate(((0.0, 0.30), (0.27, 0.05), (0.52, 0.36), (0.77, 0.12))):
        centre = QPointF(rect.left() + size / 2 + dx * rect.width(), rect.top() + size / 2)
        centre += QPointF(0, dy * rect.height())
        wobble = 0.12 * (1 if place % 2 else -1)
        painter.drawEllipse(centre, size / 2 * (1 + wobble), size / 2 * (1 - wobble))


def _sausage(rect: QRectF, thickness: float, bend: float) -> QPainterPath:
    """A sausage lying across ``rect``: a thick stroke along a gentle curve, round at both
    ends (``bend``: how far its middle sags, in parts of the height)."""
    middle = rect.center().y()
    spine = QPainterPath(QPointF(rect.left() + thickness / 2, middle))
    spine.cubicTo(
        QPointF(rect.left() + rect.width() * 0.35, middle + bend * rect.height()),
        QPointF(rect.left() + rect.width() * 0.65, middle - bend * rect.height()),
        QPointF(rect.right() - thickness / 2, middle),
    )
    stroker = QPainterPathStroker()
    stroker.setWidth(thickness)
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    return stroker.createStroke(spine).simplified()


def _firm(painter: QPainter, rect: QRectF, _water: QColor) -> None:
    """A firm sausage with a few short cracks across its surface."""
    thickness = rect.height() * 0.62
    painter.drawPath(_sausage(rect, thickness, 0.08))
    top, bottom = rect.center().y() - thickness / 2, rect.center().y() + thickness / 2
    for share in (0.3, 0.5, 0.7):
        x = rect.left() + rect.width() * share
        painter.drawLine(QPointF(x, top + thickness * 0.12), QPointF(x + 3, top + thickness * 0.4))
        painter.drawLine(
            QPointF(x + 4, bottom - thickness * 0.12), QPointF(x + 1, bottom - thickness * 0.38)
        )


def _soft(painter: QPainter, rect: QRectF, _water: QColor) -> None:
    """A soft, smooth sausage: thinner and more curved than the firm one, with no cracks."""
    painter.drawPath(_sausage(rect, rect.height() * 0.48, 0.22))


def _cloud(centre: QPointF, radius: float, puffs: int) -> QPainterPath:
    """A fluffy piece: ``puffs`` overlapping round puffs around a middle one, merged into one
    soft shape with a scalloped edge."""
    path = QPainterPath()
    path.addEllipse(centre, radius * 0.7, radius * 0.6)
    for puff in range(puffs):
        angle = 2 * math.pi * puff / puffs + 0.4
        at = centre + QPointF(radius * 0.55 * math.cos(angle), radius * 0.42 * math.sin(angle))
        bubble = QPainterPath()
        bubble.addEllipse(at, radius * 0.42, radius * 0.38)
        path = path.united(bubble)
    return path.simplified()


def _mushy(painter: QPainter, rect: QRectF, _water: QColor) -> None:
    """A few mushy, fluffy pieces of different sizes, close together."""
    h = rect.height()
    for dx, dy, size, puffs in ((0.17, 0.6, 0.36, 5), (0.5, 0.45, 0.46, 6), (0.83, 0.62, 0.3, 5)):
        centre = QPointF(rect.left() + dx * rect.width(), rect.top() + dy * h)
        painter.drawPath(_cloud(centre, size * h, puffs))


def _puddle(rect: QRectF) -> QPainterPath:
    """A flat puddle with a wavy rim."""
    path = QPainterPath()
    centre, steps = rect.center(), 48
    for step in range(steps + 1):
        angle = 2 * math.pi * step / steps
        reach = 1 + 0.06 * math.sin(5 * angle)
        point = centre + QPointF(
            reach * rect.width() / 2 * math.cos(angle), reach * rect.height() / 2 * math.sin(angle)
        )
        if step == 0:
            path.moveTo(point)
        else:
            path.lineTo(point)
    path.closeSubpath()
    return path


def _watery(painter: QPainter, rect: QRectF, water: QColor) -> None:
    """A flat puddle with a wavy rim, and two drops of water above it."""
    h = rect.height()
    painter.drawPath(_puddle(QRectF(rect.left(), rect.top() + h * 0.55, rect.width(), h * 0.42)))
    painter.setBrush(water)
    for share, size in ((0.3, 0.3), (0.62, 0.24)):
        centre = QPointF(rect.left() + rect.width() * share, rect.top() + h * 0.28)
        painter.drawPath(_drop(centre, size * h))


def _drop(centre: QPointF, size: float) -> QPainterPath:
    """A drop of water: round below, pointed above."""
    path = QPainterPath(centre + QPointF(0, -size * 0.75))
    path.quadTo(centre + QPointF(size * 0.55, size * 0.05), centre + QPointF(0, size * 0.4))
    path.quadTo(centre + QPointF(-size * 0.55, size * 0.05), centre + QPointF(0, -size * 0.75))
    return path


_DRAWINGS: dict[str, Callable[[QPainter, QRectF, QColor], None]] = {
    "hard": _hard,
    "firm": _firm,
    "soft": _soft,
    "mushy": _mushy,
    "watery": _watery,
}
