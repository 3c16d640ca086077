"""The waking day drawn as a band: meals, the doses, other medicines and the windows around
them that magnesium keeps out of (shaded)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from magplan.core.plan import Plan
from magplan.core.request import WEEKDAY_NAMES, format_weekdays
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
        fm = self.fontMetrics()
        self.setMinimumHeight(6 * fm.height() + 24 + 40)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def sizeHint(self) -> QSize:
        return QSize(600, self.minimumHeight())

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
            if m.weekdays:
                times += f" on {format_weekdays(m.weekdays)} only"
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
        if self._plan is not None:
            self._paint_day(painter, self._plan)
        painter.end()

    def _paint_day(self, painter: QPainter, p: Plan) -> None:
        """Rows, top to bottom: dose labels, the band, meals and medicines, hours, legend."""
        pal = self.palette()
        text_color = pal.color(QPalette.ColorRole.Text)
        muted = pal.color(QPalette.ColorRole.PlaceholderText)
        caution = severity_color("caution", pal)
        accent = pal.color(QPalette.ColorRole.Highlight)
        normal = QFont(self.font())
        bold = QFont(normal)
        bold.setBold(True)
        small = QFont(normal)
        small.setPointSizeF(normal.pointSizeF() * 0.85)
        painter.setFont(normal)
        fm = painter.fontMetrics()
        span = self._span_min()
        band = QRectF(
            self._x(_MARGIN_MIN),
            4 + 2 * fm.height() + 4,
            self._x(span - _MARGIN_MIN) - self._x(_MARGIN_MIN),
            24,
        )
        marks_y = band.bottom() + 4  # meal triangles and medicine names (two rows)
        hours_y = marks_y + 8 + 2 * fm.height() + 4
        legend_y = hours_y + fm.height() + 4

        # the waking day, and the shaded windows that magnesium keeps out of
        painter.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(pal.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(band, 4, 4)
        shade = QColor(caution)
        shade.setAlpha(80)
        # a medicine taken on some weekdays only: hatched, its window is not there every day
        some_days = QBrush(caution.darker(110), Qt.BrushStyle.BDiagPattern)
        for med in p.medicines:
            if not (med.mg_first_min or med.other_first_min):
                continue
            for t in med.times_min:
                left = max(0.0, float(self._offset(t) - med.mg_first_min))
                right = min(float(span), float(self._offset(t) + med.other_first_min))
                if right > left:
                    x0, x1 = max(self._x(left), band.left()), min(self._x(right), band.right())
                    if x1 > x0:
                        window = QRectF(x0, band.top(), x1 - x0, band.height())
                        painter.fillRect(window, some_days if med.weekdays else shade)

        # hours under the band; wake and bed at its ends
        painter.setPen(QPen(muted, 1))
        step = 60 if self.width() > 1000 else 120
        wake_label = f"wake {format_time(p.wake_min)}"
        bed_label = f"bed {format_time(p.bed_min)}"
        keep_out = (
            band.left() + fm.horizontalAdvance(wake_label) / 2 + 12,
            band.right() - fm.horizontalAdvance(bed_label) / 2 - 12,
        )
        base = hours_y + fm.ascent()
        minute = (p.wake_min - _MARGIN_MIN + 59) // 60 * 60
        while self._offset(minute) <= span and minute < p.wake_min + MINUTES_PER_DAY:
            x = self._x(self._offset(minute))
            if band.left() <= x <= band.right():
                painter.drawLine(QPointF(x, band.bottom()), QPointF(x, band.bottom() + 3))
            label = format_time(minute)
            w = fm.horizontalAdvance(label)
            if minute % step == 0 and keep_out[0] + w / 2 < x < keep_out[1] - w / 2:
                painter.drawText(QPointF(x - w / 2, base), label)
            minute += 60
        painter.setPen(text_color)
        for label, x in ((wake_label, band.left()), (bed_label, band.right())):
            w = fm.horizontalAdvance(label)
            painter.drawText(QPointF(min(max(2.0, x - w / 2), self.width() - w - 2), base), label)

        # meals: triangles under the band
        painter.setFont(small)
        sfm = painter.fontMetrics()
        for m in p.meals_min:
            x = self._x(self._offset(m))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(muted)
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(x, marks_y),
                        QPointF(x - 5, marks_y + 8),
                        QPointF(x + 5, marks_y + 8),
                    ]
                )
            )

        # other medicines: diamonds on the band's lower edge, names beside them
        painter.setFont(normal)
        med_rows = _Rows(2)
        for med in p.medicines:
            for t in med.times_min:
                off = self._offset(t)
                if off > span:
                    continue
                x = self._x(off)
                y = band.bottom()
                painter.setPen(QPen(text_color, 1))
                painter.setBrush(caution)
                painter.drawPolygon(
                    QPolygonF(
                        [
                            QPointF(x, y - 7),
                            QPointF(x + 7, y),
                            QPointF(x, y + 7),
                            QPointF(x - 7, y),
                        ]
                    )
                )
                label = med.name + _days_short(med.weekdays)
                w = fm.horizontalAdvance(label)
                left = min(max(2.0, x - w / 2), self.width() - w - 2)
                row = med_rows.place(left, left + w)
                if row < 0:
                    continue  # no room for the name: the diamond stays, the list has it
                painter.setPen(text_color)
                top = marks_y + 8 + row * fm.height()
                if row:
                    painter.setPen(QPen(muted, 1))
                    painter.drawLine(QPointF(x, band.bottom() + 7), QPointF(x, top + 2))
                    painter.setPen(text_color)
                painter.drawText(QPointF(left, top + fm.ascent()), label)

        # doses: circles on the band, time and amount above
        painter.setFont(bold)
        bfm = painter.fontMetrics()
        dose_rows = _Rows(2)
        for d in p.doses:
            x = self._x(self._offset(d.time_min))
            painter.setPen(QPen(pal.color(QPalette.ColorRole.Base), 2))
            painter.setBrush(accent)
            painter.drawEllipse(QPointF(x, band.center().y()), 8, 8)
            row = -1
            for label in (f"{d.time} · {format_mg(d.elemental_mg)}", d.time):
                w = bfm.horizontalAdvance(label)
                left = min(max(2.0, x - w / 2), self.width() - w - 2)
                row = dose_rows.place(left, left + w)
                if row >= 0:
                    break
            if row < 0:
                continue  # crowded: the circle stays, the schedule table has the time
            top = 4 + (1 - row) * bfm.height()  # the first row sits next to the band
            painter.setPen(QPen(muted, 1))
            painter.drawLine(QPointF(x, top + bfm.height()), QPointF(x, band.top()))
            painter.setPen(text_color)
            painter.drawText(QPointF(left, top + bfm.ascent()), label)
        if p.blocked:
            painter.setPen(severity_color("danger", pal))
            painter.drawText(band, Qt.AlignmentFlag.AlignCenter, "No magnesium is planned")

        # legend
        painter.setFont(small)
        x = float(_SIDE_PX)
        y = legend_y + sfm.height() / 2
        items: list[tuple[str, str]] = [("dose", "magnesium"), ("meal", "meal")]
        if p.medicines:
            items += [("med", "other medicine"), ("shade", "keep magnesium out")]
        if any(m.weekdays and (m.mg_first_min or m.other_first_min) for m in p.medicines):
            items.append(("hatch", "only on the days named"))
        for kind, text in items:
            painter.setPen(Qt.PenStyle.NoPen)
            if kind == "dose":
                painter.setBrush(accent)
                painter.drawEllipse(QPointF(x + 5, y), 5, 5)
            elif kind == "meal":
                painter.setBrush(muted)
                painter.drawPolygon(
                    QPolygonF([QPointF(x + 5, y - 5), QPointF(x, y + 4), QPointF(x + 10, y + 4)])
                )
            elif kind == "med":
                painter.setBrush(caution)
                painter.drawPolygon(
                    QPolygonF(
                        [
                            QPointF(x + 5, y - 5),
                            QPointF(x + 10, y),
                            QPointF(x + 5, y + 5),
                            QPointF(x, y),
                        ]
                    )
                )
            elif kind == "hatch":
                painter.fillRect(QRectF(x, y - 5, 14, 10), some_days)
            else:
                painter.fillRect(QRectF(x, y - 5, 14, 10), shade)
            painter.setPen(muted)
            painter.drawText(QPointF(x + 18, y - sfm.height() / 2 + sfm.ascent()), text)
            x += 18 + sfm.horizontalAdvance(text) + 18


def _days_short(weekdays: tuple[int, ...]) -> str:
    """`` (Mon)`` after a weekday-only medicine's name; nothing for one taken every day."""
    if not weekdays:
        return ""
    return " (" + ", ".join(WEEKDAY_NAMES[d][:3] for d in weekdays) + ")"


class _Rows:
    """Greedy placement of labels in a few rows so that they do not overlap."""

    def __init__(self, count: int) -> None:
        self._ends = [float("-inf")] * count

    def place(self, left: float, right: float) -> int:
        """The row the label goes in, or -1 when every row is taken there (no overlap)."""
        for i, end in enumerate(self._ends):
            if left >= end + 6:
                self._ends[i] = right
                return i
        return -1
