"""The waking day drawn as a band: meals, the doses, other medicines and the windows around
them that magnesium keeps out of (shaded)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from magplan.core.plan import Plan
from magplan.core.text import format_mg
from magplan.core.timeofday import MINUTES_PER_DAY, format_time, forward_gap
from magplan.gui.theme import severity_color

_MARGIN_MIN = 30  # drawn before waking and after bedtime
_SIDE_PX = 16


class TimelineWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan: Plan | None = None
        self.setAccessibleName("Day timeline")
        self.setMinimumHeight(140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def sizeHint(self) -> QSize:
        return QSize(600, 140)

    def set_plan(self, plan: Plan | None) -> None:
        self._plan = plan
        text = self.describe()
        self.setAccessibleDescription(text)
        self.setToolTip(text)
        self.update()

    def describe(self) -> str:
        """The timeline in words, for screen readers and the tooltip."""
        p = self._plan
        if p is None:
            return "No plan yet."
        parts = [f"Waking day {format_time(p.wake_min)} to {format_time(p.bed_min)}."]
        if p.meals_min:
            parts.append("Meals at " + ", ".join(format_time(m) for m in p.meals_min) + ".")
        if p.doses:
            parts.append(
                "Magnesium at "
                + ", ".join(f"{d.time} ({format_mg(d.elemental_mg)})" for d in p.doses)
                + "."
            )
        elif p.blocked:
            parts.append("No magnesium is planned.")
        for m in p.medicines:
            times = ", ".join(format_time(t) for t in m.times_min)
            rule = f"; keep magnesium out of the shaded time ({m.rule})" if m.rule else ""
            parts.append(f"{m.name} at {times}{rule}.")
        return " ".join(parts)

    # ---- geometry -----------------------------------------------------------------------

    def _span_min(self) -> int:
        assert self._plan is not None
        return forward_gap(self._plan.wake_min, self._plan.bed_min) + 2 * _MARGIN_MIN

    def _offset(self, minute: int) -> int:
        """Minutes from the start of the drawn span (wake minus the margin)."""
        assert self._plan is not None
        return (minute - self._plan.wake_min + _MARGIN_MIN) % MINUTES_PER_DAY

    def _x(self, offset: float) -> float:
        width = self.width() - 2 * _SIDE_PX
        return _SIDE_PX + width * offset / self._span_min()

    # ---- painting -----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        p = self._plan
        if p is None:
            painter.end()
            return
        text_color = pal.color(QPalette.ColorRole.Text)
        muted = pal.color(QPalette.ColorRole.PlaceholderText)
        fm = painter.fontMetrics()
        line_h = fm.height()
        band_top = line_h + 10
        band = QRectF(self._x(_MARGIN_MIN), band_top, self._x(self._span_min() - _MARGIN_MIN), 28)
        band.setRight(self._x(self._span_min() - _MARGIN_MIN))
        span = self._span_min()

        # the waking day
        painter.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(pal.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(band, 4, 4)

        # separation windows around other medicines
        caution = severity_color("caution", pal)
        shade = QColor(caution)
        shade.setAlpha(70)
        for med in p.medicines:
            for t in med.times_min:
                if med.mg_first_min or med.other_first_min:
                    start = self._offset(t) - med.mg_first_min
                    end = self._offset(t) + med.other_first_min
                    left, right = max(0.0, start), min(float(span), end)
                    if right > left:
                        rect = QRectF(
                            self._x(left), band.top(), self._x(right) - self._x(left), band.height()
                        )
                        painter.fillRect(rect, shade)

        # hour ticks and labels
        painter.setPen(QPen(muted, 1))
        axis_y = self.height() - 4
        first_hour = (p.wake_min - _MARGIN_MIN + 59) // 60 * 60
        step = 60 if self.width() > 900 else 120
        minute = first_hour
        while forward_gap(p.wake_min - _MARGIN_MIN, minute) <= span:
            off = self._offset(minute)
            if off > span:
                break
            x = self._x(off)
            painter.drawLine(QPointF(x, band.bottom()), QPointF(x, band.bottom() + 4))
            if (minute % MINUTES_PER_DAY) % step == 0:
                label = format_time(minute)
                w = fm.horizontalAdvance(label)
                painter.drawText(QPointF(x - w / 2, axis_y - fm.descent()), label)
            minute += 60

        # wake and bed
        small = QFont(self.font())
        small.setPointSizeF(small.pointSizeF() * 0.85)
        painter.setFont(small)
        sfm = painter.fontMetrics()
        painter.setPen(muted)
        painter.drawText(
            QRectF(band.left() + 4, band.top(), band.width() / 2, band.height()),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            "wake",
        )
        painter.drawText(
            QRectF(band.center().x(), band.top(), band.width() / 2 - 4, band.height()),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            "bed",
        )

        # meals: small triangles under the band
        row_meal = band.bottom() + 6
        for m in p.meals_min:
            x = self._x(self._offset(m))
            tri = QPolygonF(
                [QPointF(x, row_meal), QPointF(x - 5, row_meal + 8), QPointF(x + 5, row_meal + 8)]
            )
            painter.setBrush(muted)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawPolygon(tri)
            painter.setPen(muted)
            label = "meal"
            painter.drawText(
                QPointF(x - sfm.horizontalAdvance(label) / 2, row_meal + 9 + sfm.ascent()), label
            )

        # other medicines: diamonds on the band's top edge, names above
        painter.setFont(self.font())
        for med in p.medicines:
            for t in med.times_min:
                off = self._offset(t)
                if off > span:
                    continue
                x = self._x(off)
                diamond = QPolygonF(
                    [
                        QPointF(x, band.top() - 6),
                        QPointF(x + 6, band.top()),
                        QPointF(x, band.top() + 6),
                        QPointF(x - 6, band.top()),
                    ]
                )
                painter.setPen(QPen(text_color, 1))
                painter.setBrush(caution)
                painter.drawPolygon(diamond)
                label = f"{med.name} {format_time(t)}"
                w = fm.horizontalAdvance(label)
                left = min(max(2.0, x - w / 2), self.width() - w - 2)
                painter.setPen(text_color)
                painter.drawText(QPointF(left, band.top() - 9), label)

        # doses: filled circles on the band, time and mg under it
        accent = pal.color(QPalette.ColorRole.Highlight)
        row_dose = row_meal + 10 + sfm.height()
        for d in p.doses:
            x = self._x(self._offset(d.time_min))
            painter.setPen(QPen(pal.color(QPalette.ColorRole.Base), 2))
            painter.setBrush(accent)
            painter.drawEllipse(QPointF(x, band.center().y()), 8, 8)
            label = f"{d.time} · {format_mg(d.elemental_mg)}"
            w = fm.horizontalAdvance(label)
            left = min(max(2.0, x - w / 2), self.width() - w - 2)
            painter.setPen(text_color)
            bold = QFont(self.font())
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(QPointF(left, row_dose + fm.ascent()), label)
            painter.setFont(self.font())

        if p.blocked:
            painter.setPen(severity_color("danger", pal))
            bold = QFont(self.font())
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(band, Qt.AlignmentFlag.AlignCenter, "No magnesium is planned")
        painter.end()
